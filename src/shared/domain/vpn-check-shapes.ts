// The VPN step's check from inside: its shape (the contract's, and the page's) and the handshake's answers. The rules
// that fill it are in vpn-check.ts (every name is exported from there too); this file says no words, so the pages
// load it without the catalogue.
import { z } from 'zod';
import { saidSchema } from '../i18n/said';

export const HANDSHAKE_ANSWERS = ['handshake', 'busy', 'unreadable', 'silent'] as const;
export type HandshakeResult = (typeof HANDSHAKE_ANSWERS)[number];

const words = z.string().max(600);

export const vpnCheckSchema = z.object({
  checkedAt: z.string(),
  server: z.object({
    address: z.string().max(45),
    port: z.number().int().min(1).max(65535),
    /** The device whose keys the handshake was made with. */
    peer: z.string().max(40),
    answer: z.enum(HANDSHAKE_ANSWERS),
    /** Milliseconds from the last attempt to the answer (null: no answer). */
    ms: z.number().int().min(0).nullable(),
    attempts: z.number().int().min(0).max(10),
    ok: z.boolean(),
    text: words,
    /** The same words by the catalogue's key (said.ts): the page and the CLI say them in the user's language. */
    said: saidSchema.optional(),
  }),
  endpoint: z.object({
    host: z.string().max(253).nullable(),
    /** The addresses the name resolved to (null: not a name, or not resolved). */
    resolved: z.array(z.string().max(45)).max(8).nullable(),
    /** true: points to the public address; false: does not (or does not resolve); null: nothing to compare. */
    ok: z.boolean().nullable(),
    text: words,
    said: saidSchema.optional(),
  }),
  exposure: z.object({
    /** When the internet side was last tested from outside (null: never). */
    measuredAt: z.string().nullable(),
    /** TCP/UDP ports the outside checker reached at that time. */
    reachable: z.array(z.object({ protocol: z.enum(['tcp', 'udp']), port: z.number().int() })).max(48),
    ok: z.boolean().nullable(),
    text: words,
    said: saidSchema.optional(),
  }),
  /** The test only a phone on mobile data can make, in steps. */
  phoneTest: z.array(z.string().max(300)).max(6),
  /** The same steps by the catalogue's keys, one for each. */
  phoneTestSaid: z.array(saidSchema).max(6).optional(),
});
export type VpnCheck = z.infer<typeof vpnCheckSchema>;
