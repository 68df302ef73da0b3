// The Security step's status: attention while a critical finding is open (the user's NVR can be taken over), else
// verified with what is still worth fixing.
import { describe, expect, it } from 'vitest';
import { judgeSecurityStep } from '../../../../src/main/features/security/status';
import type { SecurityFinding, SecurityResult, SecuritySeverity } from '../../../../src/shared/domain/security';

const AT = new Date('2026-12-05T20:00:00.000Z');
const finding = (id: string, severity: SecuritySeverity, worth: number): SecurityFinding => ({
  id,
  severity,
  title: `Title of ${id}`,
  text: 't',
  fix: 'f',
  worth,
  evidence: [],
});
const result = (findings: SecurityFinding[], score: number): SecurityResult => ({
  checkedAt: AT.toISOString(),
  score,
  highRisk: findings.some((f) => f.severity === 'critical' || f.severity === 'high'),
  findings,
  firmware: [],
});

describe('judgeSecurityStep', () => {
  it('a critical finding open holds the step at attention, naming it (never verified with a known takeover)', () => {
    const s = judgeSecurityStep(result([finding('vuln-CVE-1', 'critical', 35), finding('x', 'high', 20)], 45), AT);
    expect(s).toEqual({
      status: 'attention',
      updatedAt: AT.toISOString(),
      reason: '1 critical finding is open: Title of vuln-CVE-1.',
    });
  });

  it('counts several critical findings and names the first (the one worth most)', () => {
    const s = judgeSecurityStep(result([finding('a', 'critical', 35), finding('b', 'critical', 30)], 35), AT);
    expect(s.status).toBe('attention');
    expect(s.reason).toBe('2 critical findings are open: Title of a.');
  });

  it('high and unknown findings do not hold it back, but the reason says fixes are left and the score', () => {
    const s = judgeSecurityStep(
      result([finding('t', 'high', 20), finding('u', 'unknown', 5), finding('i', 'info', 0)], 75),
      AT,
    );
    expect(s).toEqual({
      status: 'verified',
      updatedAt: AT.toISOString(),
      reason: 'No critical finding is open. Score 75/100: 2 fixes are still worth making.',
      reasonSaid: { key: 'wizard.reasons.security.worthFixing', params: { count: 2, score: 75 } },
    });
  });

  it('one fix left is said in the singular; none left says no finding', () => {
    expect(judgeSecurityStep(result([finding('l', 'low', 4)], 96), AT).reason).toBe(
      'No critical finding is open. Score 96/100: 1 fix is still worth making.',
    );
    expect(judgeSecurityStep(result([], 100), AT)).toEqual({
      status: 'verified',
      updatedAt: AT.toISOString(),
      reason: 'No finding is open. Score 100/100.',
      reasonSaid: { key: 'wizard.reasons.security.noFinding', params: { score: 100 } },
    });
  });

  it('a very long finding title is cut so the reason stays within the record’s 500 characters', () => {
    const s = judgeSecurityStep(
      result(
        [finding('a', 'critical', 35)].map((f) => ({ ...f, title: 't'.repeat(700) })),
        35,
      ),
      AT,
    );
    expect(s.reason).toHaveLength(500);
    expect(s.reason!.startsWith('1 critical finding is open: ttt')).toBe(true);
  });

  it('says its reasons by key: the first critical finding’s title by its own key, with its plain values', () => {
    const mapped: SecurityFinding = {
      ...finding('upnp-camera-mapped', 'critical', 35),
      title: 'UPnP opened the NVR or a camera to the internet',
      said: { title: { key: 'security.said.upnp.camera-mapped.title' } },
    };
    expect(judgeSecurityStep(result([mapped, finding('b', 'critical', 30)], 35), AT)).toEqual({
      status: 'attention',
      updatedAt: AT.toISOString(),
      reason: '2 critical findings are open: UPnP opened the NVR or a camera to the internet.',
      reasonSaid: {
        key: 'wizard.reasons.security.critical',
        params: { count: 2, title: { key: 'security.said.upnp.camera-mapped.title' } },
      },
    });
    // A title said with values of its own: they come along (two levels of words within words at most).
    const telnet: SecurityFinding = {
      ...finding('telnet', 'critical', 35),
      said: { title: { key: 'security.said.telnet.title', params: { ports: '23' } } },
    };
    expect(judgeSecurityStep(result([telnet], 35), AT).reasonSaid).toEqual({
      key: 'wizard.reasons.security.critical',
      params: { count: 1, title: { key: 'security.said.telnet.title', params: { ports: '23' } } },
    });
    // A title whose values are words said by key without values: they come along too (a third level).
    const cve: SecurityFinding = {
      ...finding('cve', 'critical', 35),
      said: {
        title: {
          key: 'security.said.telnet.title',
          params: { ports: { key: 'security.said.upnp.camera-mapped.title' } },
        },
      },
    };
    expect(judgeSecurityStep(result([cve], 35), AT).reasonSaid?.params?.title).toEqual({
      key: 'security.said.telnet.title',
      params: { ports: { key: 'security.said.upnp.camera-mapped.title' } },
    });
    // Values with values of their own inside the title (a fourth level), or a title not said by key: English only.
    const deeper: SecurityFinding = {
      ...finding('deeper', 'critical', 35),
      said: {
        title: {
          key: 'security.said.telnet.title',
          params: { ports: { key: 'security.said.telnet.title', params: { ports: '23' } } },
        },
      },
    };
    expect(judgeSecurityStep(result([deeper], 35), AT).reasonSaid).toBeUndefined();
    expect(judgeSecurityStep(result([finding('a', 'critical', 35)], 35), AT).reasonSaid).toBeUndefined();
    expect(judgeSecurityStep(result([finding('l', 'low', 4)], 96), AT).reasonSaid).toEqual({
      key: 'wizard.reasons.security.worthFixing',
      params: { count: 1, score: 96 },
    });
  });
});
