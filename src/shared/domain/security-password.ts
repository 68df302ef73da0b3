// The Security step's password strength: the app's own rule (12 characters or more, mixed: at least three of lower
// case, upper case, digits and symbols) AND an estimator's score (zxcvbn: 0 = guessed at once … 4 = very hard), with
// the estimator's feedback and the time an attacker would need, in plain words. The password itself is never part
// of the verdict: nothing here keeps, returns or logs it. Pure. The verdict's lines are said by key
// (`security.said.password.…`) beside main's English sentence; the estimator's own words (zxcvbn's English: the time
// to crack, its warning and suggestions) stay as they came. The shapes: security-password-shapes.ts.
import { english } from '../i18n/english';
import { said, saidWords, type Said } from '../i18n/said';
import {
  PASSWORD_CLASSES,
  PASSWORD_MIN_CLASSES,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MIN_SCORE,
  type PasswordClass,
  type PasswordEstimate,
  type PasswordStrength,
} from './security-password-shapes';

export * from './security-password-shapes';

/** The kinds of character in `password` (letters of any script count by their case; other non-digits are symbols). */
export function passwordClasses(password: string): PasswordClass[] {
  const seen = new Set<PasswordClass>();
  for (const ch of password) {
    if (/\p{Ll}/u.test(ch)) seen.add('lower');
    else if (/\p{Lu}/u.test(ch)) seen.add('upper');
    else if (/\p{Nd}/u.test(ch)) seen.add('digit');
    else if (!/\p{L}/u.test(ch)) seen.add('symbol');
  }
  return PASSWORD_CLASSES.filter((c) => seen.has(c));
}

/** A kind of character in words ("small letters"), to fill a line's placeholder. */
const kindWords = (c: PasswordClass) => saidWords(`security.said.password.kind.${c}`);

/** What the estimator's score (0–4) means, in words. */
const scoreWords = (score: number) =>
  saidWords(`security.said.password.score.${String(Math.min(4, Math.max(0, score))) as '0' | '1' | '2' | '3' | '4'}`);

/** Mix more kinds: the kinds it has (none, one or two: fewer than the three it needs) and the ones to add. */
function mixWords(classes: readonly PasswordClass[]): Said {
  const min = String(PASSWORD_MIN_CLASSES);
  const [a, b, c, d] = PASSWORD_CLASSES.filter((k) => !classes.includes(k)).map(kindWords);
  const [x, y] = classes.map(kindWords);
  if (!x) return said('security.said.password.mixNone', { min, a: a!, b: b!, c: c!, d: d! });
  if (!y) return said('security.said.password.mixOne', { min, x, a: a!, b: b!, c: c! });
  return said('security.said.password.mixTwo', { min, x, y, a: a!, b: b! });
}

/** The verdict: the rule, the estimator's score, and what to change. */
export function judgePassword(password: string, estimate: PasswordEstimate): PasswordStrength {
  const length = [...password].length;
  const classes = passwordClasses(password);
  const lengthOk = length >= PASSWORD_MIN_LENGTH;
  const mixedOk = classes.length >= PASSWORD_MIN_CLASSES;
  const scoreOk = estimate.score >= PASSWORD_MIN_SCORE;
  const strong = lengthOk && mixedOk && scoreOk;
  const score = scoreWords(estimate.score);
  // Each line by key, or (null) the estimator's own words as they came.
  const lines: (Said | string)[] = [
    strong
      ? said('security.said.password.strong', {
          length: String(length),
          kinds: String(classes.length),
          score,
          crackTime: estimate.crackTime,
        })
      : said('security.said.password.weak', { score, crackTime: estimate.crackTime }),
  ];
  if (!lengthOk)
    lines.push(said('security.said.password.longer', { min: String(PASSWORD_MIN_LENGTH), length: String(length) }));
  if (!mixedOk) lines.push(mixWords(classes));
  if (estimate.warning) lines.push(estimate.warning);
  for (const s of estimate.suggestions) lines.push(s);
  const kept = lines.slice(0, 12);
  const words = kept.map((l) => (typeof l === 'string' ? l : english(l)));
  const saidLines = kept.map((l) => (typeof l === 'string' ? null : l));
  return { strong, rule: { length, lengthOk, classes, mixedOk }, estimate, words, said: { words: saidLines } };
}
