// Turning the NVR's HTTPS on, as it is kept and crosses to the page: the outcomes, the result and the pending record
// (the rules: security-https-on.ts). Without words of its own: the contract and the pages load it.
import { z } from 'zod';
import { saidSchema } from '../i18n/said';

export const HTTPS_ON_OUTCOMES = [
  /** Turned on, and checked: the NVR lists HTTPS as enabled on its port and a TLS handshake there answered. */
  'on',
  /** Nothing sent: the NVR already lists HTTPS as enabled. */
  'already-on',
  /** The device refused the change (`fault` says why); GetNetworkProtocols proved HTTPS is still off, as it was. */
  'refused',
  /** The device took the change but the check failed; HTTPS is off again, as it was (GetNetworkProtocols proved it). */
  'put-back',
  /** The check failed and turning HTTPS off again could not be proven by GetNetworkProtocols. */
  'put-back-failed',
  /** A change the app did not live to finish (found at the next start): whether HTTPS is on is not known. */
  'unfinished',
] as const;
export type HttpsOnOutcome = (typeof HTTPS_ON_OUTCOMES)[number];

export const httpsOnResultSchema = z.object({
  deviceId: z.string().max(300),
  outcome: z.enum(HTTPS_ON_OUTCOMES),
  /** The HTTPS port the NVR lists (null: not known). */
  port: z.number().int().min(1).max(65535).nullable(),
  /** Whether HTTPS is on now, as far as GetNetworkProtocols and a handshake proved it (null: not known). */
  httpsOn: z.boolean().nullable(),
  /** The put-back, when there was one: whether GetNetworkProtocols proved HTTPS off again (null: no put-back). */
  putBackVerified: z.boolean().nullable(),
  /** The device's refusal in plain words (null: none). */
  fault: z.string().max(300).nullable(),
  /** The verdict and what to do, in plain words, most important first. */
  words: z.array(z.string().max(500)).min(1).max(6),
  /** The same lines by the catalogue's key, one for each of `words`, for the page and the CLI to say in the user's language. */
  said: z.object({ words: z.array(saidSchema.nullable()).max(6) }).optional(),
  at: z.string().max(40),
});
export type HttpsOnResult = z.infer<typeof httpsOnResultSchema>;

/** Saved before SetNetworkProtocols is sent: a crash between the send and the check is found at the next start. */
export const httpsOnPendingSchema = z.object({
  deviceId: z.string().max(300),
  port: z.number().int().min(1).max(65535).nullable(),
  startedAt: z.string().max(40),
});
export type HttpsOnPending = z.infer<typeof httpsOnPendingSchema>;

export const httpsOnRecordSchema = z.object({
  last: httpsOnResultSchema.nullable().default(null),
  pending: httpsOnPendingSchema.nullable().default(null),
});
