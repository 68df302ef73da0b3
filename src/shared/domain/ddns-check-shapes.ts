// DDNS: the shapes of what the record keeps of each host's updates and of the check (the contract's and the pages'),
// apart from the rules that judge them in main's words (ddns-check.ts, which loads the English catalogue).
import { z } from 'zod';
import { saidSchema } from '../i18n/said';
import { ddnsAnswerSchema, ddnsProviderSchema } from './ddns-providers';

// What the setup record keeps of each host's updates: the last answer and the last address a provider took.
export const ddnsLastSchema = z.object({
  provider: ddnsProviderSchema,
  host: z.string().max(253),
  /** The server sent to (the provider's own when it was not given). */
  server: z.string().max(300),
  user: z.string().max(128).nullable(),
  /** The address the provider took at the last `good`/`nochg` (null: never). */
  address: z.string().max(64).nullable(),
  successAt: z.string().max(40).nullable(),
  answer: ddnsAnswerSchema,
  answeredAt: z.string().max(40),
});
export type DdnsLast = z.infer<typeof ddnsLastSchema>;

// The check: does the name resolve to the public address, at the system's resolver and at the zone's own server?
export const DDNS_VERDICTS = [
  'ok',
  'propagating',
  'stale',
  'nxdomain',
  'servfail',
  'refused',
  'no-record',
  'unreachable',
  'no-expected',
] as const;
export const ddnsVerdictSchema = z.enum(DDNS_VERDICTS);
export type DdnsVerdict = z.infer<typeof ddnsVerdictSchema>;

export const ddnsLookupSchema = z.object({
  /** Who was asked: `system resolver` or the server's address. */
  server: z.string().max(300).nullable(),
  rcode: z.string().max(16).nullable(),
  addresses: z.array(z.object({ address: z.string().max(64), ttl: z.number().int().min(0).nullable() })).max(64),
  /** Why there is no answer (no server found, no answer in time, unreadable, truncated …). */
  error: z.string().max(300).nullable(),
  /** `error` said by key, when it is main's own sentence (a DNS question's own failure is not). */
  errorSaid: saidSchema.optional(),
});
export type DdnsLookup = z.infer<typeof ddnsLookupSchema>;

export const ddnsCheckSchema = z.object({
  host: z.string().max(253),
  expected: z.string().max(64).nullable(),
  /** Where the expected address came from (the user, the router, the last update). */
  expectedFrom: z.string().max(100).nullable(),
  /** `expectedFrom` said by key, when main said it (its English is `expectedFrom`). */
  expectedFromSaid: saidSchema.optional(),
  zone: z.string().max(253).nullable(),
  system: ddnsLookupSchema,
  authoritative: ddnsLookupSchema,
  verdict: ddnsVerdictSchema,
  words: z.string().max(1000),
  /** `words` said by key (the page and the CLI say them in their language; `words` is main's English sentence). */
  said: saidSchema.optional(),
  checkedAt: z.string().max(40),
});
export type DdnsCheck = z.infer<typeof ddnsCheckSchema>;
