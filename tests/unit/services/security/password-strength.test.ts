// The real estimator (zxcvbn-ts, common + English dictionaries) on known passwords: the ones every list of leaked
// passwords holds are scored weak with a warning; long random or many-word ones strong; words from the login's
// context (the user name, the brand) count against the password.
import { describe, expect, it } from 'vitest';
import { estimatePassword } from '../../../../src/main/services/security/password-strength';
import { judgePassword } from '../../../../src/shared/domain/security-password';

describe('estimatePassword', () => {
  it.each(['password1', '123456789012', 'admin12345', 'qwertyuiop', 'Hik12345'])(
    'the leaked or keyboard password %s scores at most 1, with a warning or a suggestion',
    async (password) => {
      const e = await estimatePassword(password);
      expect(e.score).toBeLessThanOrEqual(1);
      expect(e.warning !== null || e.suggestions.length > 0).toBe(true);
    },
  );

  it.each(['xK9#mQ2$vL7@pW4!', 'correct horse battery staple', 'Tr0ub4dor&3-Lantern-Quay'])(
    'the long random or many-word password %s scores 4',
    async (password) => {
      expect((await estimatePassword(password)).score).toBe(4);
    },
  );

  it('gives the crack time for a stolen copy in words', async () => {
    expect((await estimatePassword('password1')).crackTime).toBe('less than a second');
    expect((await estimatePassword('correct horse battery staple')).crackTime).toBe('centuries');
  });

  it('a password built from the user name and the brand scores lower with them as context', async () => {
    const password = 'shopkeeper-hikvision';
    const alone = await estimatePassword(password);
    const inContext = await estimatePassword(password, ['shopkeeper', 'hikvision']);
    expect(inContext.score).toBeLessThan(alone.score);
  });

  it('with the app’s rule: the vendor-style Admin12345! is refused, a four-word phrase with digits passes', async () => {
    const weak = judgePassword('Admin12345!', await estimatePassword('Admin12345!'));
    expect(weak.strong).toBe(false);
    const strong = judgePassword('Otter-Mango-Fjord-61', await estimatePassword('Otter-Mango-Fjord-61'));
    expect(strong.strong).toBe(true);
  });
});
