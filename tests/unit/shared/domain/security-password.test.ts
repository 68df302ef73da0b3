// The password verdict: strong only when the app's rule (12+ characters, 3 kinds) AND the estimator (score 3+) agree;
// what to change in plain words; the password itself never in the verdict.
import { describe, expect, it } from 'vitest';
import {
  judgePassword,
  passwordClasses,
  passwordStrengthSchema,
  type PasswordEstimate,
} from '../../../../src/shared/domain/security-password';

const estimate = (score: number, over: Partial<PasswordEstimate> = {}): PasswordEstimate => ({
  score,
  warning: null,
  suggestions: [],
  crackTime: '3 years',
  ...over,
});

describe('passwordClasses', () => {
  it('names each kind present once, in a fixed order, letters of any script by their case', () => {
    expect(passwordClasses('')).toEqual([]);
    expect(passwordClasses('abc')).toEqual(['lower']);
    expect(passwordClasses('9aZ!')).toEqual(['lower', 'upper', 'digit', 'symbol']);
    expect(passwordClasses('Äö')).toEqual(['lower', 'upper']);
    expect(passwordClasses('a b')).toEqual(['lower', 'symbol']);
    expect(passwordClasses('監視12')).toEqual(['digit']);
  });
});

describe('judgePassword', () => {
  it('12 characters of 3 kinds with a score of 3: strong, with the time in the first words', () => {
    const p = judgePassword('Blue-Harbor-74', estimate(3));
    expect(p.strong).toBe(true);
    expect(p.rule).toEqual({
      length: 14,
      lengthOk: true,
      classes: ['lower', 'upper', 'digit', 'symbol'],
      mixedOk: true,
    });
    expect(p.words[0]).toBe(
      'Strong: 14 characters of 4 kinds, and hard to guess (3 years for an attacker with a stolen copy).',
    );
    expect(passwordStrengthSchema.parse(p)).toEqual(p);
  });

  it('exactly 12 characters and exactly 3 kinds pass the rule; 11 characters or 2 kinds do not', () => {
    expect(judgePassword('Abcdefghij12', estimate(4)).strong).toBe(true);
    const short = judgePassword('Abcdefghi12', estimate(4));
    expect(short.strong).toBe(false);
    expect(short.rule.lengthOk).toBe(false);
    expect(short.words).toContain('Make it at least 12 characters long (it has 11): length matters most.');
    const twoKinds = judgePassword('abcdefghij12', estimate(4));
    expect(twoKinds.strong).toBe(false);
    expect(twoKinds.rule.mixedOk).toBe(false);
    expect(twoKinds.words).toContain(
      'Mix at least 3 kinds of character: it has small letters and digits; add capital letters or symbols.',
    );
  });

  it('the rule alone is not enough: a long mixed password the estimator guesses (score 2) is not strong', () => {
    const p = judgePassword('Password1234!', estimate(2, { warning: 'This is similar to a commonly used password.' }));
    expect(p.strong).toBe(false);
    expect(p.rule.lengthOk && p.rule.mixedOk).toBe(true);
    expect(p.words[0]).toBe(
      'Not strong enough: guessed with some effort (3 years for an attacker with a stolen copy).',
    );
    expect(p.words).toContain('This is similar to a commonly used password.');
  });

  it('carries the estimator’s suggestions after the rule’s advice, and never the password', () => {
    const p = judgePassword(
      'admin',
      estimate(0, { warning: 'W', suggestions: ['S1', 'S2'], crackTime: 'less than a second' }),
    );
    expect(p.words).toEqual([
      'Not strong enough: guessed almost at once (less than a second for an attacker with a stolen copy).',
      'Make it at least 12 characters long (it has 5): length matters most.',
      'Mix at least 3 kinds of character: it has small letters; add capital letters or digits or symbols.',
      'W',
      'S1',
      'S2',
    ]);
    expect(JSON.stringify(p)).not.toContain('admin');
  });

  it('said by key line by line: the score and the kinds as words by key, the estimator’s own words as they came', () => {
    const p = judgePassword('admin', estimate(0, { warning: 'W', crackTime: 'less than a second' }));
    const score = { key: 'security.said.password.score.0' };
    const kind = (k: string) => ({ key: `security.said.password.kind.${k}` });
    expect(p.said!.words).toEqual([
      { key: 'security.said.password.weak', params: { score, crackTime: 'less than a second' } },
      { key: 'security.said.password.longer', params: { min: '12', length: '5' } },
      {
        key: 'security.said.password.mixOne',
        params: { min: '3', x: kind('lower'), a: kind('upper'), b: kind('digit'), c: kind('symbol') },
      },
      null,
    ]);
    expect(judgePassword('', estimate(0)).said!.words[2]).toEqual({
      key: 'security.said.password.mixNone',
      params: { min: '3', a: kind('lower'), b: kind('upper'), c: kind('digit'), d: kind('symbol') },
    });
    expect(judgePassword('abcdefghijk1', estimate(1)).words[1]).toBe(
      'Mix at least 3 kinds of character: it has small letters and digits; add capital letters or symbols.',
    );
    const strong = judgePassword('Otter-Mango-Fjord-61', estimate(4));
    expect(strong.said!.words).toEqual([
      {
        key: 'security.said.password.strong',
        params: { length: '20', kinds: '4', score: { key: 'security.said.password.score.4' }, crackTime: '3 years' },
      },
    ]);
  });

  it('counts characters, not UTF-16 units (an emoji is one character)', () => {
    expect(judgePassword('😀😀😀😀😀😀😀😀😀😀😀A1', estimate(4)).rule.length).toBe(13);
  });
});
