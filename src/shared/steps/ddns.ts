import { z } from 'zod';
import { ddnsAnswerSchema, ddnsCheckSchema, ddnsLastSchema, ddnsProviderSchema } from '../domain/ddns-shapes';
import { defineStep } from './define';
import { noInput } from './fields';

const host = z.string().min(3).max(253);
const ipv4 = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}$/);
const server = z.string().min(8).max(300);

/**
 * "DDNS": keep a name (mynvr.ddns.net) pointing at this network's public address through the user's provider, and
 * check that it does. The secret (password or token) is only in the `ddns.update` call: main holds it in memory,
 * it never goes into the setup record, a log or an answer.
 */
export const ddnsStep = defineStep({
  id: 'ddns',
  title: 'DDNS',
  available: true,
  invoke: {
    /** Send one update, unless the providers' rules say not to (unchanged address, a wait, a stop answer). */
    'ddns.update': {
      input: z
        .object({
          provider: ddnsProviderSchema,
          host,
          server: server.optional(),
          user: z.string().min(1).max(128).optional(),
          /** The password or token; absent: the one main holds from an earlier call for this host. */
          secret: z.string().min(1).max(512).optional(),
          /** The address to set; absent: the provider takes the request's (Cloudflare: the router's). */
          ip: ipv4.optional(),
          /** The user fixed what stopped the last update (abuse, badagent …) at the provider. */
          force: z.boolean().optional(),
        })
        .strict(),
      output: z.object({
        provider: ddnsProviderSchema,
        host: z.string(),
        server: z.string(),
        ip: z.string().nullable(),
        sent: z.boolean(),
        requests: z.array(z.string().max(600)).max(8),
        answer: ddnsAnswerSchema,
        at: z.string(),
      }),
    },
    /** Where the name points (system resolver and the zone's own server) against the public address. */
    'ddns.check': {
      input: z
        .object({
          host,
          /** The address it should have; absent: the router's external address, else the last update's. */
          ip: ipv4.optional(),
          /** Ask this DNS server instead of finding the zone's own by NS. */
          dnsServer: ipv4.optional(),
        })
        .strict(),
      output: ddnsCheckSchema,
    },
    /** What the record keeps: each host's last update answer and address, and the last check. */
    'ddns.get': {
      input: noInput,
      output: z.object({ hosts: z.array(ddnsLastSchema), check: ddnsCheckSchema.nullable() }),
    },
  },
  record: {
    version: 1,
    shape: {
      /** The DDNS step: each host's last update (newest first, no secret) and the last check. */
      ddns: z.object({
        hosts: z.array(ddnsLastSchema).max(8).default([]),
        check: ddnsCheckSchema.nullable().default(null),
      }),
    },
    empty: () => ({ ddns: { hosts: [], check: null } }),
  },
});
