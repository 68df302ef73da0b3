// The default-password check's verdict from the NVR's answers, what the record keeps, and its finding in the
// Security list. A wrong verdict here tells a user whose NVR opens to the factory login that it is safe, or hides
// the finding behind a later run that tried nothing.
import { describe, expect, it } from 'vitest';
import { defaultCandidates, type DefaultAttempt } from '../../../../src/shared/domain/security-defaults';
import {
  checkToKeep,
  defaultPasswordFinding,
  goOnAfter,
  judgeDefaultAnswers,
  keepAttempts,
  notTriedCheck,
} from '../../../../src/shared/domain/security-defaults-verdict';
import { judgeSecurity, type SecurityInput } from '../../../../src/shared/domain/security';
import { securityStep } from '../../../../src/shared/steps/security';
import { createTranslator } from '../../../../src/shared/i18n';
import { saidSchema, sayIn } from '../../../../src/shared/i18n/said';

const AT = '2026-12-06T01:00:00.000Z';
const XM = defaultCandidates('XM');
const tried = (...outcomes: DefaultAttempt['outcome'][]): DefaultAttempt[] =>
  outcomes.map((outcome, i) => ({ deviceId: 'nvr-1', candidate: XM[i]!.id, at: AT, outcome }));
const judge = (...outcomes: DefaultAttempt['outcome'][]) =>
  judgeDefaultAnswers({
    deviceId: 'nvr-1',
    brand: 'XM',
    tried: tried(...outcomes),
    candidates: XM,
    untried: 0,
    checkedAt: AT,
  });

describe('goOnAfter', () => {
  it('goes on only after a refusal the user confirmed going past; never after a lockout, an acceptance or no answer', () => {
    expect(goOnAfter('refused', true)).toBe(true);
    expect(goOnAfter('refused', false)).toBe(false);
    for (const o of ['accepted', 'locked', 'no-answer', 'unusable'] as const) expect(goOnAfter(o, true), o).toBe(false);
  });
});

describe('judgeDefaultAnswers', () => {
  it('accepted: the verdict, which login in words, change it now and how — and never the password itself', () => {
    const c = judge('refused', 'accepted');
    expect(c).toMatchObject({ verdict: 'accepted', accepted: expect.stringContaining('user "default"') });
    expect(c.reason).toMatch(/^Your NVR still accepts its factory login/);
    expect(c.fix).toMatch(/^Change it now: .*12\+ characters/);
    expect(c.source).toMatch(/pcmag/);
    expect(JSON.stringify(c)).not.toContain('tluafed');
  });

  it('refused: good, with the defaults not tried counted and why they were not', () => {
    const c = judgeDefaultAnswers({
      deviceId: 'nvr-1',
      brand: 'XM',
      tried: tried('refused'),
      candidates: XM,
      untried: 0,
      checkedAt: AT,
    });
    expect(c).toMatchObject({ verdict: 'refused', untried: 1, accepted: null });
    expect(c.reason).toMatch(
      /^The NVR refused the factory default tried: user "admin" with a blank password\. 1 other/,
    );
    expect(judge('refused', 'refused').reason).toMatch(/^The NVR refused all 2 factory defaults tried/);
    expect(judge('refused', 'refused').untried).toBe(0);
  });

  it('a lockout or no answer is "not tried", said why; a lockout says not to retry', () => {
    const locked = judge('refused', 'locked');
    expect(locked).toMatchObject({ verdict: 'not-tried' });
    expect(locked.reason).toMatch(/login is locked.*\(1 default refused before it\.\)/);
    expect(locked.fix).toMatch(/Do not retry now/);
    expect(judge('no-answer').reason).toMatch(/did not answer/);
    expect(judge('unusable').reason).toMatch(/says nothing about the password/);
  });
});

describe('what the record keeps', () => {
  const found = judge('accepted');
  const nothing = notTriedCheck({
    deviceId: 'nvr-1',
    brand: 'XM',
    reason: 'r',
    fix: 'f',
    nextAt: null,
    untried: 2,
    checkedAt: AT,
  });

  it('a run that tried nothing does not replace the same NVR’s found default', () => {
    expect(checkToKeep(found, nothing)).toBe(found);
    expect(checkToKeep(found, judge('refused'))).toEqual(judge('refused'));
    expect(checkToKeep({ ...found, deviceId: 'nvr-2' }, nothing)).toBe(nothing);
    expect(checkToKeep(null, nothing)).toBe(nothing);
  });

  it('attempts are kept for the 30-minute window only, newest 16 at most', () => {
    const now = new Date(AT);
    const at = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
    const a = (m: number) => ({ deviceId: 'd', candidate: `c${m}`, at: at(m), outcome: 'refused' as const });
    expect(keepAttempts([a(40), a(29)], [a(0)], now).map((x) => x.candidate)).toEqual(['c29', 'c0']);
    const many = Array.from({ length: 20 }, (_, i) => a(i));
    expect(keepAttempts(many, [], now)).toHaveLength(16);
  });
});

describe('the finding in the Security check', () => {
  const input = (defaults: SecurityInput['defaults']): SecurityInput => ({
    nvr: { brand: 'HIKVISION', model: 'DS-2CD2032F-I', firmware: 'V5.4.0 build 160530' },
    ports: null,
    upnp: null,
    plan: null,
    proof: null,
    vpn: 'planned',
    defaults,
  });

  it('a default that works is the first fix, critical, above a critical firmware vulnerability', () => {
    const r = judgeSecurity(input(judge('accepted')), AT);
    expect(r.findings[0]).toMatchObject({ id: 'default-password', severity: 'critical', worth: 40 });
    expect(r.findings[1]).toMatchObject({ id: 'vuln-CVE-2017-7921', severity: 'critical' });
    expect(r.highRisk).toBe(true);
  });

  it('a refusal is a note worth nothing; no check, no finding (the score is as before)', () => {
    const refused = judgeSecurity(input(judge('refused')), AT);
    expect(refused.findings.find((f) => f.id === 'default-password')).toMatchObject({ severity: 'info', worth: 0 });
    const none = judgeSecurity(input(null), AT);
    expect(none.findings.some((f) => f.id === 'default-password')).toBe(false);
    expect(none.score).toBe(refused.score);
    expect(defaultPasswordFinding(judge('no-answer'))[0]).toMatchObject({ severity: 'unknown', worth: 0 });
  });
});

describe('the Security record slice, versions 2 and 3 (4: security-https-on.test.ts)', () => {
  it('a version-1 slice gains an empty default-password check (none made, no attempts); its last check is kept', () => {
    const slice = securityStep.record;
    expect(slice.version).toBe(4);
    const v1 = { schemaVersion: 3, security: { last: { checkedAt: AT } } };
    expect(slice.migrations[2]!(v1)).toEqual({
      schemaVersion: 3,
      security: { last: { checkedAt: AT }, defaults: { last: null, attempts: [] } },
    });
    expect(slice.empty()).toEqual({
      security: {
        last: null,
        defaults: { last: null, attempts: [] },
        passwordChange: { last: null, pending: null },
        httpsOn: { last: null, pending: null },
      },
    });
    for (const security of [undefined, null, 'x', [1]]) {
      const record = { schemaVersion: 3, security };
      expect(slice.migrations[2]!(record), JSON.stringify(security)).toBe(record);
    }
  });

  it('a version-2 slice gains an empty password change (none made, none pending); the rest is kept', () => {
    const slice = securityStep.record;
    const v2 = { schemaVersion: 3, security: { last: { checkedAt: AT }, defaults: { last: null, attempts: [] } } };
    expect(slice.migrations[3]!(v2)).toEqual({
      schemaVersion: 3,
      security: {
        last: { checkedAt: AT },
        defaults: { last: null, attempts: [] },
        passwordChange: { last: null, pending: null },
      },
    });
    for (const security of [undefined, null, 'x', [1]]) {
      const record = { schemaVersion: 3, security };
      expect(slice.migrations[3]!(record), JSON.stringify(security)).toBe(record);
    }
  });
});

describe('the verdict’s words and counts, exactly (what the user reads and what the page offers next)', () => {
  const run = (outcomes: DefaultAttempt['outcome'][], untried = 0) =>
    judgeDefaultAnswers({
      deviceId: 'nvr-1',
      brand: 'XM',
      tried: tried(...outcomes),
      candidates: XM,
      untried,
      checkedAt: AT,
    });

  it('one refused with one left: the reason names it and says why the other was not tried; the fix says good', () => {
    const c = run(['refused']);
    expect(c.reason).toBe(
      'The NVR refused the factory default tried: user "admin" with a blank password. 1 other known default was not tried (the check stops after a refusal unless you confirm, and makes at most 2 attempts in 30 minutes).',
    );
    expect(c.fix).toBe('Good. Keep the password your own, 12+ characters of three kinds.');
    expect(run(['refused'], 1).reason).toContain(' 2 other known defaults were not tried');
    expect(run(['refused', 'refused']).reason).toBe(
      'The NVR refused all 2 factory defaults tried: user "admin" with a blank password; user "default" with the factory password.',
    );
  });

  it('the defaults refused are said by key inside the refusal (words within words; several as a list)', () => {
    expect(run(['refused']).said?.reason).toEqual({
      key: 'security.said.defaults.refusedOneLeftOne',
      params: {
        tried: { key: 'security.said.defaults.candidateBlank', params: { user: 'admin' } },
        left: '1',
      },
    });
    const xa = createTranslator('en-XA');
    const shown = sayIn(xa, run(['refused']).said?.reason, 'fallback');
    expect(shown).toContain('admin');
    expect(shown).not.toContain('with a blank password');
    expect(run(['refused', 'refused']).said?.reason).toEqual({
      key: 'security.said.defaults.refusedAll',
      params: {
        count: '2',
        tried: {
          list: [
            { key: 'security.said.defaults.candidateBlank', params: { user: 'admin' } },
            { key: 'security.said.defaults.candidateFactory', params: { user: 'default' } },
          ],
          join: 'security.said.defaults.triedNext',
        },
      },
    });
    // Several refused: each in the page's language, the users' names as they came, joined the language's way.
    const several = run(['refused', 'refused']);
    expect(saidSchema.parse(several.said?.reason)).toEqual(several.said?.reason);
    const both = sayIn(xa, several.said?.reason, 'fallback');
    expect(both).toContain('"admin"');
    expect(both).toContain('"default"');
    expect(both).not.toContain('with a blank password');
    expect(both).not.toContain('with the factory password');
    expect(both).not.toContain('fallback');
  });

  it('no answer: not tried, the defaults left counted (none was answered), no "refused before", reach it first', () => {
    const c = run(['no-answer']);
    expect(c).toMatchObject({ verdict: 'not-tried', untried: 1 });
    expect(c.reason).toBe('The NVR did not answer the login: nothing is known about its password.');
    expect(c.fix).toBe('Make sure the NVR is on and reachable (Find, Ports), then check again.');
    expect(run(['refused', 'unusable'], 1).untried).toBe(1);
  });

  it('an accepted candidate the table does not hold (an older record): named by its id, the fix for "admin", no source', () => {
    const c = judgeDefaultAnswers({
      deviceId: 'nvr-1',
      brand: 'XM',
      tried: [{ deviceId: 'nvr-1', candidate: 'gone-row', at: AT, outcome: 'accepted' }],
      candidates: XM,
      untried: 0,
      checkedAt: AT,
    });
    expect(c).toMatchObject({ verdict: 'accepted', accepted: 'gone-row', source: null });
    expect(c.reason).toContain('factory login: gone-row.');
    expect(c.fix).toContain('give "admin" a new password');
  });

  it('nothing in the answers (never planned so): not tried, said so', () => {
    const c = run([]);
    expect(c).toMatchObject({ verdict: 'not-tried', reason: 'No default was tried.', fix: 'Check again.', tried: [] });
  });

  it('a not-tried check is replaced by the next not-tried one (its reason is the newer)', () => {
    const a = notTriedCheck({
      deviceId: 'nvr-1',
      brand: 'XM',
      reason: 'old',
      fix: 'f',
      nextAt: null,
      untried: 2,
      checkedAt: AT,
    });
    const b = { ...a, reason: 'new' };
    expect(checkToKeep(a, b)).toBe(b);
  });

  it('an attempt exactly 30 minutes old has left the window', () => {
    const now = new Date(AT);
    const at30 = new Date(now.getTime() - 30 * 60_000).toISOString();
    expect(keepAttempts([{ deviceId: 'd', candidate: 'c', at: at30, outcome: 'refused' }], [], now)).toEqual([]);
  });
});

describe('the finding’s words, evidence and source', () => {
  it('accepted: its title, the check’s words, the attempts as evidence and the candidate’s source', () => {
    const check = judge('accepted');
    const [f] = defaultPasswordFinding(check);
    expect(f).toEqual({
      id: 'default-password',
      severity: 'critical',
      title: 'The factory default password still works',
      text: check.reason,
      fix: check.fix,
      worth: 40,
      evidence: ['Checked 2026-12-06 01:00 UTC: 1 attempt (xm-admin-blank: accepted).'],
      source: check.source,
      // The check's own reason and fix by key, under main's title.
      said: {
        title: { key: 'security.said.defaults.finding.accepted' },
        text: check.said!.reason,
        fix: check.said!.fix,
      },
    });
  });

  it('refused and not tried: their titles, no source; the evidence counts attempts, or says none', () => {
    const [refused] = defaultPasswordFinding(judge('refused', 'refused'));
    expect(refused).toMatchObject({ title: 'The factory default password was refused', severity: 'info', worth: 0 });
    expect(refused!.source).toBeUndefined();
    expect(refused!.evidence).toEqual([
      'Checked 2026-12-06 01:00 UTC: 2 attempts (xm-admin-blank: refused, xm-default-hidden: refused).',
    ]);
    const none = notTriedCheck({
      deviceId: 'n',
      brand: null,
      reason: 'r',
      fix: 'f',
      nextAt: null,
      untried: 0,
      checkedAt: AT,
    });
    const [unknown] = defaultPasswordFinding(none);
    expect(unknown).toMatchObject({
      id: 'default-password',
      title: 'The default password could not be checked',
      severity: 'unknown',
      worth: 0,
    });
    expect(unknown!.evidence).toEqual(['Checked 2026-12-06 01:00 UTC: 0 attempts (none).']);
    expect(defaultPasswordFinding(null)).toEqual([]);
  });
});
