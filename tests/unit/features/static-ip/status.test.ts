// The Static IP step's status. What the user would lose: a step verified while the NVR is still on DHCP (its address
// can move and every rule pointing at it breaks), a problem hidden, or another device's reading judged as the NVR's.
import { describe, expect, it } from 'vitest';
import { judgeStaticIp } from '../../../../src/main/features/static-ip/status';
import type { StaticIpReading, StaticIpResult } from '../../../../src/shared/steps/static-ip';
import { fullRecord } from '../../shared/domain/checklist-fixture';

const AT = new Date('2026-03-05T00:00:00.000Z');
const NOW = AT.toISOString();
const ID = 'mac:44:19:b6:00:00:01';
type Finding = StaticIpReading['findings'][number];
const reading = (loggedIn: boolean, dhcp: boolean | null, findings: Finding[] = []): StaticIpReading => {
  const r = structuredClone(fullRecord().staticIp[ID]!.reading!);
  return { ...r, loggedIn, settings: { ...r.settings, dhcp }, findings };
};
const finding = (code: Finding['code'], severity: Finding['severity'], text = `${code}.`): Finding => ({
  code,
  severity,
  text,
  evidence: [],
});
const result = (outcome: StaticIpResult['outcome'], message = 'Done.'): StaticIpResult => ({
  ...structuredClone(fullRecord().staticIp[ID]!.lastChange!),
  outcome,
  message,
});
const judged = (event: Parameters<typeof judgeStaticIp>[2], deviceId = ID) => {
  const r = fullRecord();
  r.steps['static-ip'] = { status: 'working', updatedAt: 'before', reason: 'r' };
  judgeStaticIp(r, deviceId, event, AT);
  return r.steps['static-ip'];
};

describe('judgeStaticIp after a change', () => {
  it('a verified change verifies the step; any other outcome is attention with its message, cut to 300', () => {
    expect(judged({ kind: 'changed', result: result('verified') })).toEqual({ status: 'verified', updatedAt: NOW });
    expect(judged({ kind: 'changed', result: result('lost', 'Not found at either address.') })).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: 'Not found at either address.',
    });
    expect(judged({ kind: 'changed', result: result('failed', 'm'.repeat(900)) })?.reason).toHaveLength(300);
  });
});

describe('judgeStaticIp after a reading', () => {
  it('DHCP off read from the NVR itself after a login verifies the step', () => {
    expect(judged({ kind: 'read', reading: reading(true, false) })).toEqual({ status: 'verified', updatedAt: NOW });
  });

  it('DHCP off as discovery announces it (no login) is only working, asking to log in', () => {
    expect(judged({ kind: 'read', reading: reading(false, false) })).toEqual({
      status: 'working',
      updatedAt: NOW,
      reason: 'What discovery knows; log in to read the NVR’s own settings.',
      reasonSaid: { key: 'wizard.reasons.static-ip.discovery' },
    });
  });

  it('still on DHCP (or not known) after a login is working, pointing below', () => {
    for (const dhcp of [true, null])
      expect(judged({ kind: 'read', reading: reading(true, dhcp) })).toEqual({
        status: 'working',
        updatedAt: NOW,
        reason: 'Read from the NVR. See what to do below.',
        reasonSaid: { key: 'wizard.reasons.static-ip.read' },
      });
  });

  it('the router way proven (a reservation for it) verifies the step even on DHCP and without a login', () => {
    expect(judged({ kind: 'read', reading: reading(false, true, [finding('reservation-ok', 'ok')]) })).toEqual({
      status: 'verified',
      updatedAt: NOW,
    });
    expect(
      judged({ kind: 'read', reading: reading(false, true, [finding('reservation-pending', 'info')]) })?.status,
    ).toBe('working');
  });

  it('a problem is attention with the first problem’s text (cut to 300), even when DHCP is off', () => {
    const findings = [
      finding('static-ok', 'ok'),
      finding('no-dns', 'warning'),
      finding('static-in-pool', 'problem', 'Inside the router’s pool.'),
      finding('address-conflict', 'problem'),
    ];
    expect(judged({ kind: 'read', reading: reading(true, false, findings) })).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: 'Inside the router’s pool.',
    });
    expect(
      judged({ kind: 'read', reading: reading(true, false, [finding('static-in-pool', 'problem', 'p'.repeat(900))]) })
        ?.reason,
    ).toHaveLength(300);
  });

  it('a problem said by key gives the step its reason by the same key (main’s English beside it)', () => {
    const said = {
      key: 'staticIp.findings.staticInPool',
      params: { address: '192.168.1.64', pool: '192.168.1.2–192.168.1.99' },
    };
    const problem = { ...finding('static-in-pool', 'problem', 'Inside the router’s pool.'), said };
    expect(judged({ kind: 'read', reading: reading(true, false, [problem]) })).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: 'Inside the router’s pool.',
      reasonSaid: said,
    });
  });

  it('another device than the chosen NVR leaves the step alone', () => {
    expect(judged({ kind: 'read', reading: reading(true, false) }, 'other')).toEqual({
      status: 'working',
      updatedAt: 'before',
      reason: 'r',
    });
    expect(judged({ kind: 'changed', result: result('verified') }, 'other')?.updatedAt).toBe('before');
  });

  it('with no NVR chosen, the device read is judged', () => {
    const r = fullRecord();
    r.nvr = null;
    judgeStaticIp(r, 'other', { kind: 'read', reading: reading(true, false) }, AT);
    expect(r.steps['static-ip']).toEqual({ status: 'verified', updatedAt: NOW });
  });
});
