import { z } from 'zod';
import { saidSchema } from '../i18n/said';
import { defineStep } from './define';
import { deviceId, jobId, jobStarted, perDeviceRecord } from './fields';

const ipv4 = z
  .string()
  .max(15)
  .regex(/^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/);
const prefix = z.number().int().min(0).max(32);
const mac = z
  .string()
  .max(17)
  .regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
const words = (max: number) => z.string().max(max);

/** At most this many devices keep a Static IP entry in the record. */
export const MAX_STATIC_IP_ENTRIES = 64;

/** What a device says about its own IPv4 settings, and where that came from. */
export const ipv4SettingsSchema = z.object({
  dhcp: z.boolean().nullable(),
  address: ipv4.nullable(),
  prefix: prefix.nullable(),
  gateway: ipv4.nullable(),
  dns: z.array(ipv4).max(8),
  /** onvif: read after a login; sadp/dhip: the vendor's announcement; discovery: only the address it answered on. */
  source: z.enum(['onvif', 'sadp', 'dhip', 'discovery']),
});

/** This computer on the LAN ("Your network"). */
export const lanFactsSchema = z.object({
  interfaceName: words(64),
  address: ipv4,
  prefix,
  gateway: ipv4.nullable(),
});

/** The router's DHCP pool as far as we know it, and what that rests on. */
export const dhcpPoolSchema = z.object({
  first: ipv4,
  last: ipv4,
  /** user: the range the user typed; leases: spanned by devices seen on DHCP; router-default: a factory hint. */
  source: z.enum(['user', 'leases', 'router-default']),
  /** Up to 600: leases widened to several router families' factory pools, each named, run past 300. */
  basis: words(600),
  /** The same words by the catalogue's keys (said.ts): its parts, joined by "; ". */
  basisSaid: z.array(saidSchema).max(6).optional(),
});

export const FINDING_CODES = [
  'on-dhcp',
  'static-in-pool',
  'static-off-subnet',
  'gateway-not-router',
  'no-dns',
  'other-subnet',
  'address-conflict',
  'static-ok',
  'settings-unknown',
  /** The router way: the device, still on DHCP, has the address reserved for it in the router. */
  'reservation-ok',
  /** The router way: a reservation is planned, and the device does not have that address (yet). */
  'reservation-pending',
  /** No address can be proposed (why, in the text: the pool covers the network, no router known…). */
  'no-free-address',
] as const;

/** One thing we found about the device's address, in plain words, with where each fact came from. */
export const addressFindingSchema = z.object({
  code: z.enum(FINDING_CODES),
  severity: z.enum(['problem', 'warning', 'ok', 'info']),
  text: words(500),
  /** The same words by the catalogue's key (said.ts): the page says them in the user's language. */
  said: saidSchema.optional(),
  /** Up to 600: the DHCP range's evidence holds its basis. */
  evidence: z.array(words(600)).max(12),
});

/** The address we propose (or the user typed), with the reasons in plain words. */
export const addressProposalSchema = z.object({
  address: ipv4,
  prefix,
  gateway: ipv4,
  dns: z.array(ipv4).max(4),
  /** Up to 600: a line holds the DHCP range's basis. */
  why: z.array(words(600)).max(12),
  /**
   * The same lines by the catalogue's keys (said.ts), one for each of `why`: a parallel array rather than objects in
   * `why`, so the JSON and the records already saved keep their shape (no record migration).
   */
  whySaid: z.array(saidSchema).max(12).optional(),
});

export const addressProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** Up to 600: a problem inside the DHCP range holds the range's basis. */
  text: words(600),
  /** The same words by the catalogue's key (said.ts): the page says them in the user's language. */
  said: saidSchema.optional(),
});

/** The router way: a DHCP reservation for the device's MAC. */
export const reservationAdviceSchema = z.object({
  mac: mac.nullable(),
  address: ipv4,
  /** The router families' own menu paths for a reservation (../shared/reference/ROUTERS.md), each with its source. */
  families: z
    .array(
      z.object({
        family: words(80),
        path: words(300),
        /** The path's words by the catalogue's key (an unconfirmed path looked for), for the user's language. */
        pathSaid: saidSchema.optional(),
        source: words(300),
      }),
    )
    .max(24),
});

/** One reading of the device's address settings, judged. */
export const staticIpReadingSchema = z.object({
  deviceId,
  at: z.string(),
  settings: ipv4SettingsSchema,
  /** True when the settings were read from the device after a login; false: what discovery knows, and it says so. */
  loggedIn: z.boolean(),
  mac: mac.nullable(),
  lan: lanFactsSchema.nullable(),
  pool: dhcpPoolSchema.nullable(),
  findings: z.array(addressFindingSchema).max(16),
  proposal: addressProposalSchema.nullable(),
  reservation: reservationAdviceSchema.nullable(),
});

/** The settings before and after a change. */
export const staticIpChangeSchema = z.object({
  from: ipv4SettingsSchema,
  to: z.object({ address: ipv4, prefix, gateway: ipv4, dns: z.array(ipv4).max(4) }),
});

/** A change started and not finished: saved before the device is told, so a crash is found out at the next start. */
export const staticIpPendingSchema = z.object({
  change: staticIpChangeSchema,
  mac: mac.nullable(),
  /** The device's WS-Discovery endpoint (how it is recognised at any address), if it has one. */
  endpoint: words(300).nullable(),
  onvifUrl: words(300),
  newOnvifUrl: words(300),
  startedAt: z.string(),
});

export const staticIpResultSchema = z.object({
  deviceId,
  /**
   * verified: the device answers at the new address with DHCP off and the settings as sent; restored: it was put
   * back and answers as before; failed: neither could be verified; lost: it did not come back within the bound
   * and is not at its old address either (the message says where to look).
   */
  outcome: z.enum(['verified', 'restored', 'failed', 'lost']),
  message: words(1000),
  change: staticIpChangeSchema,
  /** Where the device answers now (null when it was not found). */
  address: ipv4.nullable(),
  mac: mac.nullable(),
  /** What was sent and seen, in order, in plain words (for the user and the checklist). */
  steps: z.array(words(300)).max(24),
  /** Later steps whose results pointed at the old address and must be checked again. */
  recheck: z.array(words(40)).max(12),
  at: z.string(),
});

/** The router way, chosen by the user: this address reserved for the device's MAC in the router's DHCP settings. */
export const plannedReservationSchema = z.object({ address: ipv4, mac: mac.nullable(), plannedAt: z.string() });

/** The Static IP step for one device. */
export const deviceStaticIpSchema = z.object({
  reading: staticIpReadingSchema.nullable(),
  /** The DHCP pool as the user typed it (e.g. 192.168.50.100-192.168.50.199). */
  userPool: words(64).nullable(),
  lastChange: staticIpResultSchema.nullable(),
  pending: staticIpPendingSchema.nullable().default(null),
  /** The router way, when the user chose it (absent in records written before it existed: null). */
  reservation: plannedReservationSchema.nullable().default(null),
});
export type DeviceStaticIp = z.infer<typeof deviceStaticIpSchema>;

/** An address (and gateway, DNS) the user typed for a device, as `address.plan` checks it and `address.apply` sends it. */
const typedAddressInput = z.object({
  deviceId,
  address: words(64),
  gateway: words(64).optional(),
  dns: z.array(words(64)).max(4).optional(),
});

/** "Static IP": the NVR keeps its address — read, judged, a free address proposed, applied and the device followed. */
export const staticIpStep = defineStep({
  id: 'static-ip',
  title: 'Static IP',
  available: true,
  invoke: {
    /** Reads the device's address settings (logged in when a login is known) and judges them (a job). */
    'address.check': {
      input: z.object({ deviceId, pool: words(64).optional() }).strict(),
      output: jobStarted,
    },
    /** The last reading, the user's pool, the last change and an unfinished one. */
    'address.get': {
      input: z.object({ deviceId }).strict(),
      output: deviceStaticIpSchema.extend({
        pending: staticIpPendingSchema.nullable(),
        reservation: plannedReservationSchema.nullable(),
      }),
    },
    /** Checks an address (and gateway, DNS) the user typed: problems in plain words; nothing is sent. */
    'address.plan': {
      input: typedAddressInput.strict(),
      output: z.object({ problems: z.array(addressProblemSchema).max(16), proposal: addressProposalSchema.nullable() }),
    },
    /**
     * The router way: the user reserves this address for the device's MAC in the router (null: not any more). The
     * next check proves it once the device has renewed its lease.
     */
    'address.reserve': {
      input: z.object({ deviceId, address: words(64).nullable() }).strict(),
      output: z.object({
        reservation: plannedReservationSchema.nullable(),
        problems: z.array(addressProblemSchema).max(16),
      }),
    },
    /**
     * Gives the device this static address (a job): proven free just before, the change saved as pending, sent
     * through ONVIF, the device followed to its new address and read back; put back where it still answers.
     */
    'address.apply': {
      input: typedAddressInput
        .extend({
          /** The user's yes to the warnings about this address (e.g. inside a pool that is only a factory hint). */
          confirmWarnings: z.boolean().optional(),
        })
        .strict(),
      output: jobStarted,
    },
  },
  events: {
    'address.onReading': z.object({ jobId, reading: staticIpReadingSchema }),
    'address.onApplied': z.object({ jobId, result: staticIpResultSchema }),
  },
  jobs: ['static-ip-check', 'static-ip-apply'],
  /** The Static IP step, by device id. */
  record: perDeviceRecord('staticIp', deviceStaticIpSchema, MAX_STATIC_IP_ENTRIES),
});

export type Ipv4SettingsData = z.infer<typeof ipv4SettingsSchema>;
export type StaticIpReading = z.infer<typeof staticIpReadingSchema>;
export type StaticIpResult = z.infer<typeof staticIpResultSchema>;
export type StaticIpPending = z.infer<typeof staticIpPendingSchema>;
export type AddressProblem = z.infer<typeof addressProblemSchema>;
export type PlannedReservation = z.infer<typeof plannedReservationSchema>;
