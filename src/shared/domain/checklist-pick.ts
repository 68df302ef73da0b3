import { z } from 'zod';
import { saidSchema } from '../i18n/said';
import {
  checklistFindingSchema,
  checklistProofRowSchema,
  port,
  securityFindingFields,
  text,
  when,
} from './checklist-schema';
import { PUBLIC_VERDICTS } from './public-address-shapes';
import { findingSaidSchema } from './security-model';
import { stepStatusSchema } from './step-state';

// Allow-lists: what is read from the record. A zod object keeps only the keys it names, so a key added to the
// record later (or a secret put where it should not be) never reaches the checklist unless it is named here.

/** A value of the record read through `schema`; anything missing or malformed gives null, never a throw. */
export function pick<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> | null {
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
}
const opt = <T extends z.ZodType>(s: T) => s.nullable().optional().catch(null);
const list = <T extends z.ZodType>(s: T) =>
  z
    .array(z.unknown())
    .catch([])
    .transform((a) => a.flatMap((v) => (s.safeParse(v).success ? [s.parse(v) as z.infer<T>] : [])));
/** Words said by key beside an English sentence: malformed ones are left out, never the sentence with them. */
const saidOf = <T extends z.ZodType>(s: T) => s.optional().catch(undefined);
const said = saidOf(saidSchema);

const pickDevice = z.object({
  id: text(300),
  addresses: list(text(45)),
  mac: opt(text(17)),
  brand: opt(text(100)),
  model: opt(text(200)),
  name: opt(text(200)),
  firmware: opt(text(200)),
  dhcp: opt(z.boolean()),
});
export const pickNvr = z.object({ deviceId: text(300), device: pickDevice });
export const pickStepState = z.object({
  status: stepStatusSchema,
  updatedAt: when,
  reason: opt(text(500)),
  reasonSaid: said,
});
export const pickStaticIp = z.object({
  reading: opt(
    z.object({
      settings: z.object({ dhcp: opt(z.boolean()), address: opt(text(45)) }),
      mac: opt(text(17)),
      findings: list(z.object({ code: text(40) })),
    }),
  ),
  lastChange: opt(z.object({ outcome: text(20), address: opt(text(45)), mac: opt(text(17)), at: when })),
  reservation: opt(z.object({ address: text(45) })),
});
export const pickPorts = z.object({
  report: opt(
    z.object({
      measuredAt: when,
      address: text(45),
      rows: list(
        z.object({
          port,
          state: z.enum(['open', 'closed', 'filtered']),
          service: text(20),
          role: opt(text(20)),
          risk: z.object({ level: text(20) }),
        }),
      ),
    }),
  ),
  lastChange: opt(
    z.object({
      outcome: z.enum(['verified', 'partial', 'restored', 'failed']),
      at: when,
      message: text(1000),
      changes: list(z.object({ role: text(20), from: port, to: port, verified: z.boolean() })),
    }),
  ),
});
const pickFinding = checklistFindingSchema.extend({ said });
export const pickRules = z.object({
  plan: opt(
    z.object({
      madeAt: when,
      rules: list(
        z.object({
          name: text(40),
          protocol: z.enum(['tcp', 'udp']),
          externalPort: port,
          internalAddress: text(45),
          internalPort: port,
          portCount: opt(z.number().int().min(2).max(1000)),
          sources: list(text(18)),
          why: text(300),
          said,
        }),
      ),
      notes: list(pickFinding),
    }),
  ),
});
export const pickUpnp = z.object({
  audit: opt(
    z.object({
      measuredAt: when,
      igd: opt(z.object({}).loose()),
      natPmp: opt(z.object({ present: z.boolean() })),
      mappings: list(
        z.object({
          protocol: text(8),
          externalPort: port,
          internalClient: text(64),
          internalPort: port,
          device: opt(z.object({ name: text(200) })),
          camera: z.boolean().catch(false),
        }),
      ),
      findings: list(pickFinding),
    }),
  ),
  deleted: opt(z.array(z.unknown())),
  recheck: opt(z.object({ outcome: text(40), at: when })),
});
export const pickDdns = z.object({
  hosts: list(
    z.object({
      host: text(253),
      provider: text(40),
      address: opt(text(64)),
      successAt: opt(when),
      answer: z.object({ outcome: text(40) }),
    }),
  ),
  check: opt(z.object({ host: text(253), verdict: text(20), words: text(1000), said, checkedAt: when })),
});
export const pickInternet = z.object({
  check: opt(
    z.object({
      measuredAt: when,
      publicAddress: opt(text(64)),
      verdict: z.object({
        code: text(40),
        title: text(160),
        advice: text(800),
        said: saidOf(z.object({ title: saidSchema, advice: saidSchema })),
      }),
    }),
  ),
  proof: opt(
    z.object({
      measuredAt: when,
      verdict: z.object({ code: text(20), title: text(160), advice: text(800) }),
      rows: list(checklistProofRowSchema.extend({ ok: opt(z.boolean()) })),
    }),
  ),
});

export const pickVpn = z.object({
  plan: opt(
    z.object({
      madeAt: when,
      mode: text(20),
      serverName: text(80),
      tunnel: opt(text(18)),
      listenPort: opt(port),
      endpoint: opt(z.object({ host: text(253) })),
      forward: opt(z.object({ protocol: z.literal('udp'), port, to: text(15) })),
      serverPublicKey: opt(text(44)),
      peers: list(z.object({ name: text(40), address: text(18), publicKey: text(44) })),
    }),
  ),
});

/** The Security step's last check: its time, score and findings (never a finding's evidence). */
export const pickSecurity = z.object({
  last: opt(
    z.object({
      checkedAt: when,
      score: z.number().int().min(0).max(100),
      highRisk: z.boolean(),
      findings: list(
        z.object({
          ...securityFindingFields,
          worth: z.number().int().min(0).max(100),
          said: saidOf(findingSaidSchema),
        }),
      ),
    }),
  ),
});

/** What the topology picture reads beyond the other picks: the devices found, the gateway, the VPN, the proof's states. */
export const pickDevices = list(pickDevice);
export const pickTopologyInternet = z.object({
  check: opt(
    z.object({
      publicAddress: opt(text(64)),
      gateway: opt(text(45)),
      verdict: z.object({ code: z.enum(PUBLIC_VERDICTS).catch('unknown') }),
    }),
  ),
  proof: opt(z.object({ rows: list(z.object({ port, protocol: z.enum(['tcp', 'udp']), state: text(20) })) })),
});
export const pickUpnpGateway = z.object({ audit: opt(z.object({ gateway: opt(text(45)) })) });
export const pickVpnPlan = z.object({
  plan: opt(
    z.object({
      mode: text(20),
      listenPort: opt(port),
      forward: opt(z.object({ to: text(45) })),
    }),
  ),
});

/** A key of a part of the record (anything that is not an object reads as nothing). */
export const field = (record: unknown, key: string): unknown =>
  record && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>)[key] : undefined;
