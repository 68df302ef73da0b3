// The default-password check's plan: which vendor defaults may be tried on the chosen NVR now. The policy is the
// reference's (INTERNET-SECURITY.md §4.2): one attempt per candidate, 2 per device per 30 minutes, stop after a
// refusal unless the user confirms, stop at a lockout. A wrong plan here is a locked NVR (cut off from its cameras)
// or a default password left unfound.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS } from '../../../../src/shared/catalog/default-credentials';
import {
  defaultCandidates,
  describeCandidate,
  planDefaultCheck,
  recentAttempts,
  sendsOf,
  type DefaultAttempt,
  type DefaultPlanInput,
} from '../../../../src/shared/domain/security-defaults';

const NOW = new Date('2026-12-06T01:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const attempt = (candidate: string, outcome: DefaultAttempt['outcome'], m: number, deviceId = 'nvr-1') => ({
  deviceId,
  candidate,
  at: minutesAgo(m),
  outcome,
});
const plan = (brand: string | null, over: Partial<DefaultPlanInput> = {}) =>
  planDefaultCheck({
    device: { id: 'nvr-1', brand, activated: true },
    attempts: [],
    now: NOW,
    tryNext: false,
    ...over,
  });
const ids = (p: ReturnType<typeof plan>) => (p.kind === 'try' ? p.candidates.map((c) => c.id) : p.reason);

describe('the table of vendor defaults', () => {
  it('every row names its source in the reference and a brand the app recognises, ids are unique', () => {
    expect(new Set(DEFAULT_CREDENTIALS.map((c) => c.id)).size).toBe(DEFAULT_CREDENTIALS.length);
    for (const c of DEFAULT_CREDENTIALS) {
      expect(c.source, c.id).toMatch(/^INTERNET-SECURITY\.md §4\.1: /);
      expect(defaultCandidates(c.brand), c.id).toContainEqual(c);
      expect(c.id.length).toBeLessThanOrEqual(40);
    }
  });

  it('holds the reference’s defaults: Xiongmai admin/blank, old Dahua and Amcrest admin/admin, Axis root/pass, Reolink admin/blank', () => {
    const pairs = (brand: string) => defaultCandidates(brand).map((c) => `${c.user}/${c.password}`);
    expect(pairs('XIONGMAI')).toEqual(['admin/', 'default/tluafed']);
    expect(pairs('Dahua')).toEqual(['admin/admin']);
    expect(pairs('Amcrest')).toEqual(['admin/admin']);
    expect(pairs('AXIS')).toEqual(['root/pass']);
    expect(pairs('Reolink')).toEqual(['admin/']);
    expect(pairs('HIKVISION')).toEqual(['admin/12345']);
  });

  it('a brand without a known default, or none at all, has no candidate: nothing is guessed', () => {
    expect(defaultCandidates('IPCAM')).toEqual([]);
    expect(defaultCandidates('Synology')).toEqual([]);
    expect(defaultCandidates(null)).toEqual([]);
  });

  it('a candidate in words names the user, never the password', () => {
    const hidden = defaultCandidates('XM')[1]!;
    expect(describeCandidate(hidden)).toContain('user "default"');
    expect(describeCandidate(hidden)).not.toContain(hidden.password);
    expect(describeCandidate(defaultCandidates('XM')[0]!)).toContain('a blank password');
  });
});

describe('planDefaultCheck', () => {
  it('first run on a Xiongmai: both known defaults, at most 2 (the per-30-minute budget)', () => {
    const p = plan('XM');
    expect(ids(p)).toEqual(['xm-admin-blank', 'xm-default-hidden']);
    expect(p.kind === 'try' && p.untried).toBe(0);
  });

  it('only the chosen NVR: no NVR chosen, nothing tried', () => {
    const p = planDefaultCheck({ device: null, attempts: [], now: NOW, tryNext: false });
    expect(p).toMatchObject({ kind: 'not-tried', reason: expect.stringMatching(/No NVR is chosen/) });
  });

  it('a device that is not activated has no password: nothing tried, activation is the fix', () => {
    const p = planDefaultCheck({
      device: { id: 'nvr-1', brand: 'Hikvision', activated: false },
      attempts: [],
      now: NOW,
      tryNext: false,
    });
    expect(p).toMatchObject({ kind: 'not-tried', fix: expect.stringMatching(/^Activate it/) });
  });

  it('unknown brand, or a brand without a default: nothing tried, said why', () => {
    expect(plan(null)).toMatchObject({ kind: 'not-tried', reason: expect.stringMatching(/brand is not known/) });
    expect(plan('IPCAM')).toMatchObject({ kind: 'not-tried', reason: expect.stringMatching(/known for IPCAM/) });
  });

  it('after a refusal in the last 30 minutes: stops unless the user confirms; with it, only the next candidate', () => {
    const attempts = [attempt('xm-admin-blank', 'refused', 5)];
    expect(plan('XM', { attempts })).toMatchObject({
      kind: 'not-tried',
      reason: expect.stringMatching(/stops after a refusal unless you confirm/),
    });
    expect(ids(plan('XM', { attempts, tryNext: true }))).toEqual(['xm-default-hidden']);
  });

  it('one attempt per candidate: a candidate tried in the window is not tried again', () => {
    const p = plan('Dahua', { attempts: [attempt('dahua-old-admin', 'accepted', 10)], tryNext: true });
    expect(p).toMatchObject({ kind: 'not-tried', reason: expect.stringMatching(/one attempt each is the most/) });
    expect(p.kind === 'not-tried' && p.nextAt).toBe(new Date(NOW.getTime() + 20 * 60_000).toISOString());
  });

  it('2 attempts in the window: none more until the oldest is 30 minutes old, whatever the user confirms', () => {
    const attempts = [attempt('xm-admin-blank', 'refused', 29), attempt('xm-default-hidden', 'refused', 28)];
    const p = plan('XM', { attempts, tryNext: true });
    expect(p).toMatchObject({
      kind: 'not-tried',
      reason: expect.stringMatching(/^The NVR was sent a default password 2 times in the last 30 minutes/),
    });
    expect(p.kind === 'not-tried' && p.nextAt).toBe(new Date(NOW.getTime() + 60_000).toISOString());
    // Every attempt on the device counts, whatever candidate it was.
    expect(plan('XM', { attempts: [attempt('x', 'refused', 29), attempt('y', 'refused', 1)] }).kind).toBe('not-tried');
  });

  it('attempts older than 30 minutes, or on another device, do not count', () => {
    const old = [attempt('xm-admin-blank', 'refused', 31), attempt('xm-default-hidden', 'refused', 30)];
    expect(ids(plan('XM', { attempts: old }))).toEqual(['xm-admin-blank', 'xm-default-hidden']);
    const other = [
      attempt('xm-admin-blank', 'refused', 1, 'nvr-2'),
      attempt('xm-default-hidden', 'refused', 1, 'nvr-2'),
    ];
    expect(ids(plan('XM', { attempts: other }))).toEqual(['xm-admin-blank', 'xm-default-hidden']);
    expect(recentAttempts([...old, ...other], 'nvr-1', NOW)).toEqual([]);
  });

  it('a lockout seen in the window: nothing more is tried, even with the budget left and the user’s yes', () => {
    const p = plan('XM', { attempts: [attempt('xm-admin-blank', 'locked', 3)], tryNext: true });
    expect(p).toMatchObject({ kind: 'not-tried', reason: expect.stringMatching(/login is locked/) });
  });

  it('one attempt left in the budget: one candidate, the other counted as untried', () => {
    const p = plan('XM', { attempts: [attempt('dahua-old-admin', 'refused', 3)], tryNext: true });
    expect(ids(p)).toEqual(['xm-admin-blank']);
    expect(p.kind === 'try' && p.untried).toBe(1);
  });
});

describe('the plan’s words, exactly (what the user reads when nothing is tried)', () => {
  it('a candidate in words: the user, the kind of password and whose default it was', () => {
    expect(describeCandidate(defaultCandidates('Dahua')[0]!)).toBe(
      'user "admin" with the factory password, the default of older Dahua firmware (before about 2017)',
    );
    expect(defaultCandidates(' XM ').map((c) => c.id)).toEqual(['xm-admin-blank', 'xm-default-hidden']);
  });

  it('no NVR, not activated, no brand, no default for the brand: each fix says what to do', () => {
    const fix = (p: ReturnType<typeof plan>) => (p.kind === 'not-tried' ? p.fix : '');
    expect(fix(planDefaultCheck({ device: null, attempts: [], now: NOW, tryNext: false }))).toBe(
      'Choose your NVR in “Find”.',
    );
    const inactive = planDefaultCheck({
      device: { id: 'nvr-1', brand: 'Hikvision', activated: false },
      attempts: [],
      now: NOW,
      tryNext: false,
    });
    expect(inactive.kind === 'not-tried' && inactive.reason).toBe(
      'The NVR says it is not activated yet: it has no password at all, so there is no default to try.',
    );
    expect(fix(plan(null))).toBe(
      'Log in to the NVR once (Ports or Static IP) so the app reads its brand, then check again.',
    );
    expect(fix(plan('IPCAM'))).toBe('Make sure the password is your own and strong (the password check above).');
    expect(plan('IPCAM')).toMatchObject({
      reason:
        'No factory default password is known for IPCAM (current firmware of most brands makes you set one at first use): nothing was tried.',
    });
  });

  it('locked, budget spent, each tried, a refusal: the time in the reason, when to come back in the fix', () => {
    const locked = plan('XM', { attempts: [attempt('xm-admin-blank', 'locked', 3)] });
    expect(locked).toMatchObject({
      reason: 'The NVR said at 00:57 UTC that the login is locked: no more attempts, so it is not locked for longer.',
      fix: 'Wait until the lock ends (often 30 minutes), then log in with your own password to make sure it works.',
      nextAt: '2026-12-06T01:27:00.000Z',
    });
    // The same words by key, the time as a value, for the page and the CLI to say in the user's language.
    expect(locked).toMatchObject({
      said: {
        reason: { key: 'security.said.defaults.lockedAt', params: { time: '00:57' } },
        fix: { key: 'security.said.defaults.waitLock' },
      },
    });
    // The window ends 30 minutes after the OLDEST attempt, whatever their order in the record.
    const spent = plan('XM', { attempts: [attempt('y', 'refused', 2), attempt('x', 'refused', 20)], tryNext: true });
    expect(spent).toMatchObject({ fix: 'Check again after 01:10 UTC.', nextAt: '2026-12-06T01:10:00.000Z' });
    const each = plan('Dahua', { attempts: [attempt('dahua-old-admin', 'refused', 10)], tryNext: true });
    expect(each).toMatchObject({ fix: 'Check again after 01:20 UTC.' });
    expect(each).toMatchObject({
      said: { fix: { key: 'security.said.defaults.checkAfter', params: { time: '01:20' } } },
    });
    const refused = plan('XM', { attempts: [attempt('xm-admin-blank', 'refused', 5)] });
    expect(refused).toMatchObject({
      fix: 'Confirm “try the next default too” to make one more attempt (at most 2 in 30 minutes).',
      nextAt: null,
    });
  });

  it('an earlier attempt that got no answer is no refusal: the next default is tried without a confirmation', () => {
    expect(ids(plan('XM', { attempts: [attempt('xm-admin-blank', 'no-answer', 5)] }))).toEqual(['xm-default-hidden']);
  });
});

describe('the budget counts the times a password was sent', () => {
  it('a login that answered a digest challenge sent it twice: the window’s budget is spent, even with a yes', () => {
    const twice = [{ ...attempt('xm-admin-blank', 'refused', 5), sends: 2 }];
    expect(plan('XM', { attempts: twice, tryNext: true })).toMatchObject({
      kind: 'not-tried',
      reason: expect.stringMatching(/sent a default password 2 times/),
    });
    expect(sendsOf(twice)).toBe(2);
  });

  it('an attempt kept without the count (or that sent nothing) counts as once, or not at all', () => {
    expect(sendsOf([attempt('a', 'refused', 1), { ...attempt('b', 'no-answer', 1), sends: 0 }])).toBe(1);
    const p = plan('XM', { attempts: [{ ...attempt('xm-admin-blank', 'no-answer', 1), sends: 0 }] });
    expect(p).toMatchObject({ kind: 'try', budget: 2 });
    expect(plan('XM')).toMatchObject({ kind: 'try', budget: 2 });
    expect(plan('XM', { attempts: [attempt('xm-admin-blank', 'refused', 1)], tryNext: true })).toMatchObject({
      budget: 1,
    });
  });
});
