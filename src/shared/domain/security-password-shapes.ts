// A password's strength as it crosses to the page: the rule's numbers, the estimator's answer and the verdict (the
// rules: security-password.ts). Without words of its own: the contract and the pages load it.
import { z } from 'zod';
import { saidSchema } from '../i18n/said';

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
  /**
   * The same lines by the catalogue's key, one for each of `words` (null: the estimator's own English words, as they
   * came), for the page and the CLI to say in the user's language.
   */
  said: z.object({ words: z.array(saidSchema.nullable()).max(12) }).optional(),
});
export type PasswordStrength = z.infer<typeof passwordStrengthSchema>;
