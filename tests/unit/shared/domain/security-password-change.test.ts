// The password change's verdict in plain words (pure): what the NVR takes now is said only as far as a login proved
// it; a device's refusal is told in words, not ONVIF codes; a new password a device cannot take is stopped before
// it is sent; a lockout says which password to try first once the NVR unlocks.
import { describe, expect, it } from 'vitest';
import {
  judgePasswordChange,
  newPasswordProblems,
  newPasswordProblemWords,
  passwordChangeResultSchema,
  setUserFaultWords,
  unfinishedPasswordChange,
  type PasswordChangeFacts,
} from '../../../../src/shared/domain/security-password-change';

const facts = (ran: PasswordChangeFacts['ran'], fault: string | null = null, remembered = false) =>
  passwordChangeResultSchema.parse(
    judgePasswordChange({ deviceId: 'nvr-1', user: 'admin', at: '2026-12-06T01:00:00.000Z', ran, fault, remembered }),
  );

describe('judgePasswordChange', () => {
  it('verified: the new one works; kept on disk or for this session, as the login was', () => {
    const kept = facts({ outcome: 'verified' }, null, true);
    expect(kept).toMatchObject({ outcome: 'verified', works: 'new', putBackVerified: null, remembered: true });
    expect(kept.words[0]).toBe(
      'Done, and checked: the NVR’s password for “admin” is changed, and a new login with the new password worked.',
    );
    expect(kept.words[1]).toMatch(/kept as your NVR login is kept/);
    expect(kept.words[2]).toMatch(/^Change it too wherever else it is saved/);
    expect(facts({ outcome: 'verified' }).words[1]).toMatch(/give the new one the next time you log in/);
  });

  it('refused by the device: its reason in words, the old one proven by a login, nothing remembered', () => {
    const r = facts(
      { outcome: 'restored', refused: true, failure: 'x.' },
      setUserFaultWords({ code: 'Sender', subcodes: ['OperationProhibited', 'PasswordTooWeak'] }),
    );
    expect(r).toMatchObject({ outcome: 'refused', works: 'old', putBackVerified: true, remembered: false });
    expect(r.words[0]).toBe('Not changed: the NVR says the password is too weak for its own rules.');
    expect(r.words[1]).toMatch(/^The old password still works: a login with it was checked/);
    // A refusal without a fault the app read still says it was refused.
    expect(facts({ outcome: 'restored', refused: true, failure: 'x.' }).words[0]).toBe(
      'Not changed: the NVR refused the new password.',
    );
  });

  it('said by key: the user and a known refusal inside the lines, an unknown refusal and the failure as they came', () => {
    expect(facts({ outcome: 'verified' }, null, true).said!.words).toEqual([
      { key: 'security.said.passwordChange.done', params: { user: 'admin' } },
      { key: 'security.said.passwordChange.remembered' },
      { key: 'security.said.passwordChange.elsewhere' },
    ]);
    const refused = facts(
      { outcome: 'restored', refused: true, failure: 'x.' },
      setUserFaultWords({ code: 'Sender', subcodes: ['FixedUser'] }),
    );
    expect(refused.said!.words[0]).toEqual({
      key: 'security.said.passwordChange.notChanged',
      params: { fault: { key: 'security.said.passwordChange.fault.fixedUser' } },
    });
    const other = facts({ outcome: 'restored', refused: true, failure: 'x.' }, 'the NVR did not accept the change');
    expect(other.said!.words[0]!.params).toEqual({ fault: 'the NVR did not accept the change' });
    const back = facts({ outcome: 'failed', failure: 'f.', back: 'the NVR did not answer', reached: false });
    expect(back.said!.words.slice(0, 2)).toEqual([
      { key: 'security.said.passwordChange.notAsPlanned', params: { failure: 'f.' } },
      { key: 'security.said.passwordChange.backNotProven', params: { back: 'the NVR did not answer' } },
    ]);
  });

  it('whatever did not verify never claims the new password is what the app logs in with', () => {
    const notVerified: PasswordChangeFacts['ran'][] = [
      { outcome: 'restored', refused: true, failure: 'x.' },
      { outcome: 'restored', refused: false, failure: 'x.' },
      { outcome: 'failed', failure: 'x.', back: 'y', reached: true },
      { outcome: 'locked', when: 'verify', changed: true },
    ];
    for (const ran of notVerified) expect(facts(ran, null, true).remembered, ran.outcome).toBe(false);
  });

  it('put back: the failure, then that the old password is back and a login with it worked', () => {
    const r = facts({
      outcome: 'restored',
      refused: false,
      failure: 'the NVR refused a new login with the new password.',
    });
    expect(r).toMatchObject({ outcome: 'put-back', works: 'old', putBackVerified: true });
    expect(r.words.slice(0, 2)).toEqual([
      'Not changed: the NVR refused a new login with the new password.',
      'The app put the old password back, and a login with the old password worked: nothing is changed on the NVR.',
    ]);
  });

  it('put back failed: which password works is not claimed; both to try, old first, one try each', () => {
    const r = facts({
      outcome: 'failed',
      failure: 'the NVR did not answer a new login with the new password.',
      back: 'the NVR did not answer',
      reached: false,
    });
    expect(r).toMatchObject({ outcome: 'put-back-failed', works: 'unknown', putBackVerified: false });
    expect(r.words[1]).toBe(
      'The app tried to put the old password back, but could not prove it by a login with the old password: the NVR did not answer.',
    );
    expect(r.words[0]).toBe('Not changed as planned: the NVR did not answer a new login with the new password.');
    expect(r.words[2]).toMatch(/one try each/);
  });

  it('locked: no more passwords were sent; before the change: not changed; after it: the new one first', () => {
    const before = facts({ outcome: 'locked', when: 'send', changed: false });
    expect(before).toMatchObject({ outcome: 'locked', works: 'unknown', putBackVerified: null });
    expect(before.words[0]).toBe(
      'Stopped: the NVR locked the login (too many wrong passwords), so the app sent no more passwords.',
    );
    expect(before.words[1]).toMatch(/^The password was not changed/);
    const after = facts({ outcome: 'locked', when: 'put-back', changed: true });
    expect(after.putBackVerified).toBe(false);
    expect(after.words[1]).toMatch(/log in with the new password first, else the old one/);
  });
});

describe('setUserFaultWords', () => {
  it('names each ONVIF Core SetUser fault in words, and an unknown one without inventing a reason', () => {
    const w = (...subcodes: string[]) => setUserFaultWords({ code: 'Sender', subcodes });
    expect(w('InvalidArgVal', 'UsernameMissing')).toBe('the NVR does not know that user');
    expect(w('OperationProhibited', 'PasswordTooLong')).toBe('the NVR says the password is too long');
    expect(w('OperationProhibited', 'FixedUser')).toBe('the NVR does not let that user be changed');
    expect(w('OperationProhibited', 'AnonymousNotAllowed')).toBe('the NVR refused the user level');
    expect(w('NotAuthorized')).toMatch(/needs an Administrator/);
    expect(w('ActionNotSupported')).toBe('the NVR does not let passwords be changed over ONVIF');
    expect(w('Whatever')).toBe('the NVR refused it without a reason the app knows');
  });
  it('does not make up a reason from two codes run together (“Not” then “Authorized” is no call for an Administrator)', () => {
    expect(setUserFaultWords({ code: 'Not', subcodes: ['Authorized'] })).toBe(
      'the NVR refused it without a reason the app knows',
    );
  });
});

describe('newPasswordProblems', () => {
  it('too long for a device, a control character, or the current one again; none for a fine one', () => {
    expect(newPasswordProblems('Aa1!'.repeat(16), 'x')).toEqual([]);
    expect(newPasswordProblems(`${'Aa1!'.repeat(16)}x`, 'x')[0]).toMatch(/longer than 64 characters/);
    expect(newPasswordProblems('Otter-Mango\t61', 'x')[0]).toMatch(/control character/);
    expect(newPasswordProblems('Same-One-2026!', 'Same-One-2026!')).toEqual([
      'The new password is the same as the current one.',
    ]);
  });

  it('each said by key beside its English sentence (they fill the refusal’s {parts})', () => {
    expect(newPasswordProblemWords(`${'Aa1!'.repeat(16)}\n`, `${'Aa1!'.repeat(16)}\n`)).toEqual([
      {
        said: { key: 'security.said.failures.tooLong', params: { max: '64' } },
        text: 'The new password is longer than 64 characters: NVRs do not take it.',
      },
      {
        said: { key: 'security.said.failures.controlCharacter' },
        text: 'The new password holds a control character (a line break, a tab…).',
      },
      {
        said: { key: 'security.said.failures.sameAsCurrent' },
        text: 'The new password is the same as the current one.',
      },
    ]);
  });
});

describe('unfinishedPasswordChange', () => {
  it('says when it started and to try the new password first, then the old one', () => {
    const r = unfinishedPasswordChange({ deviceId: 'nvr-1', user: 'admin', startedAt: '2026-12-06T01:02:03Z' }, 'T');
    expect(r).toMatchObject({ outcome: 'unfinished', works: 'unknown', putBackVerified: null });
    expect(r.words[0]).toBe(
      'A password change for “admin” started on 2026-12-06 at 01:02 UTC did not finish (the app stopped while it ran).',
    );
    expect(r.words[1]).toBe(
      'The NVR has either the old or the new password: log in with the new one first, else the old one (one try each).',
    );
    expect(r.remembered).toBe(false);
    const undated = unfinishedPasswordChange({ deviceId: 'nvr-1', user: 'admin', startedAt: 'garbled' }, 'T');
    expect(undated.words[0]).toBe(
      'A password change for “admin” started did not finish (the app stopped while it ran).',
    );
  });
});
