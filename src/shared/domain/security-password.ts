// The Security step's password strength: the app's own rule (12 characters or more, mixed: at least three of lower
// case, upper case, digits and symbols) AND an estimator's score (zxcvbn: 0 = guessed at once … 4 = very hard), with
// the estimator's feedback and the time an attacker would need, in plain words. The password itself is never part
// of the verdict: nothing here keeps, returns or logs it. Pure.
import { z } from 'zod';

/** The rule's minimum length. */
export const PASSWORD_MIN_LENGTH = 12;
/** How many of the four kinds of character a mixed password has, at least. */
export const PASSWORD_MIN_CLASSES = 3;
/** The estimator's score a strong password reaches, at least (3: "safely unguessable", zxcvbn's own wording). */
export const PASSWORD_MIN_SCORE = 3;

export const PASSWORD_CLASSES = ['lower', 'upper', 'digit', 'symbol'] as const;
export type PasswordClass = (typeof PASSWORD_CLASSES)[number];

/** What the estimator said (main's service fills it; the password is not in it). */
export const passwordEstimateSchema = z.object({
  /** 0–4. */
  score: z.number().int().min(0).max(4),
  warning: z.string().max(300).nullable(),
  suggestions: z.array(z.string().max(300)).max(8),
  /** How long an attacker who can try about 10 000 guesses a second (a stolen, slowly hashed copy) would need. */
  crackTime: z.string().max(80),
});
export type PasswordEstimate = z.infer<typeof passwordEstimateSchema>;

export const passwordStrengthSchema = z.object({
  /** Both the rule and the estimator say strong. */
  strong: z.boolean(),
  rule: z.object({
    length: z.number().int().min(0),
    lengthOk: z.boolean(),
    classes: z.array(z.enum(PASSWORD_CLASSES)).max(4),
    mixedOk: z.boolean(),
  }),
  estimate: passwordEstimateSchema,
  /** The verdict and what to change, in plain words, most important first. */
  words: z.array(z.string().max(400)).max(12),
});
export type PasswordStrength = z.infer<typeof passwordStrengthSchema>;

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

const CLASS_WORDS: Readonly<Record<PasswordClass, string>> = {
  lower: 'small letters',
  upper: 'capital letters',
  digit: 'digits',
  symbol: 'symbols',
};

const SCORE_WORDS = [
  'guessed almost at once',
  'guessed quickly',
  'guessed with some effort',
  'hard to guess',
  'very hard to guess',
] as const;

/** The verdict: the rule, the estimator's score, and what to change. */
export function judgePassword(password: string, estimate: PasswordEstimate): PasswordStrength {
  const length = [...password].length;
  const classes = passwordClasses(password);
  const lengthOk = length >= PASSWORD_MIN_LENGTH;
  const mixedOk = classes.length >= PASSWORD_MIN_CLASSES;
  const scoreOk = estimate.score >= PASSWORD_MIN_SCORE;
  const strong = lengthOk && mixedOk && scoreOk;
  const words: string[] = [
    strong
      ? `Strong: ${length} characters of ${classes.length} kinds, and ${SCORE_WORDS[estimate.score]} (${estimate.crackTime} for an attacker with a stolen copy).`
      : `Not strong enough: ${SCORE_WORDS[estimate.score]} (${estimate.crackTime} for an attacker with a stolen copy).`,
  ];
  if (!lengthOk)
    words.push(`Make it at least ${PASSWORD_MIN_LENGTH} characters long (it has ${length}): length matters most.`);
  if (!mixedOk) {
    const missing = PASSWORD_CLASSES.filter((c) => !classes.includes(c)).map((c) => CLASS_WORDS[c]);
    words.push(
      `Mix at least ${PASSWORD_MIN_CLASSES} kinds of character: it has ${classes.length ? classes.map((c) => CLASS_WORDS[c]).join(' and ') : 'none'}; add ${missing.join(' or ')}.`,
    );
  }
  if (estimate.warning) words.push(estimate.warning);
  for (const s of estimate.suggestions) words.push(s);
  return { strong, rule: { length, lengthOk, classes, mixedOk }, estimate, words: words.slice(0, 12) };
}
