// The UPnP step's shapes and rules: what the router's UPnP (IGD) and NAT-PMP say, which device each port mapping
// opens to the internet and what it exposes there, and the re-check after a deletion. Pure: the main process
// measures (services/upnp), this decides. The findings in plain words are upnp-findings.ts's (judgeUpnp): they say
// their words through the catalogue, which the pages, loading this file's shapes with the contract, must not reach.
import { z } from 'zod';
import { saidSchema, type Said } from '../i18n/said';

export * from './upnp-attribution';

const port = z.number().int().min(1).max(65535);
const address = z.string().max(64);

export const UPNP_PROTOCOLS = ['TCP', 'UDP'] as const;
export const upnpProtocolSchema = z.enum(UPNP_PROTOCOLS);
export type UpnpProtocol = z.infer<typeof upnpProtocolSchema>;

/** At most this many mappings are read from one router (a real one holds a few dozen). */
export const MAX_UPNP_MAPPINGS = 256;

export const upnpMappingSchema = z.object({
  protocol: upnpProtocolSchema,
  externalPort: port,
  internalClient: address,
  internalPort: port,
  /** '' = from any address on the internet. */
  remoteHost: address,
  enabled: z.boolean(),
  description: z.string().max(256),
  /** Seconds left; 0 = never expires. */
  leaseSeconds: z.number().int().min(0).max(0xffffffff),
  /** The known device at the internal address, if any. */
  device: z
    .object({ id: z.string().max(300), name: z.string().max(200), brand: z.string().max(100).nullable().optional() })
    .nullable(),
  /** True when that device is the chosen NVR or another recorder or camera the search found. */
  camera: z.boolean(),
  /** What the internal port is on that device (from its Ports measurement or its own declaration), if known. */
  service: z.string().max(120).nullable(),
  /**
   * The same said by key where it is a port's name (`ports.role.…`, with the product that answered there through
   * `ports.said.purpose.roleProduct`), for the CLI to say in its language. Absent where it is a service's identifier.
   */
  serviceSaid: saidSchema.optional(),
});
export type UpnpMapping = z.infer<typeof upnpMappingSchema>;

export const upnpIgdSchema = z.object({
  /** The description's URL (always on the gateway's own address). */
  location: z.string().max(300),
  controlUrl: z.string().max(300),
  serviceType: z.string().max(100),
  igdVersion: z.union([z.literal(1), z.literal(2)]),
  friendlyName: z.string().max(256).nullable(),
  manufacturer: z.string().max(256).nullable(),
  modelName: z.string().max(256).nullable(),
  externalAddress: z.string().max(64).nullable(),
  connectionStatus: z.string().max(64).nullable(),
});
export type UpnpIgd = z.infer<typeof upnpIgdSchema>;

/** How the reading of the mapping list ended. */
export const UPNP_LIST_ENDS = ['complete', 'limit', 'refused', 'unreadable', 'unreachable', 'cancelled'] as const;
export type UpnpListEnd = (typeof UPNP_LIST_ENDS)[number];

export const UPNP_FINDING_CODES = [
  'upnp-off',
  'upnp-on',
  'camera-mapped',
  'came-back',
  'other-mapped',
  'no-mappings',
  'natpmp-on',
  'igd-elsewhere',
  'igd-unreadable',
  'list-incomplete',
  'no-gateway',
] as const;
export const upnpFindingSchema = z.object({
  code: z.enum(UPNP_FINDING_CODES),
  severity: z.enum(['problem', 'warning', 'ok', 'info']),
  /** Plain words for a home user (English; the JSON's). */
  text: z.string().max(600),
  /** The same words by the catalogue's key, for the page and the CLI to say in the user's language. */
  said: saidSchema.optional(),
  evidence: z.array(z.string().max(300)).max(16),
});
export type UpnpFinding = z.infer<typeof upnpFindingSchema>;

export const upnpAuditSchema = z.object({
  measuredAt: z.string(),
  interfaceName: z.string().max(64).nullable(),
  gateway: address.nullable(),
  /** The gateway's IGD, when one answered there and its description could be read. */
  igd: upnpIgdSchema.nullable(),
  mappings: z.array(upnpMappingSchema).max(MAX_UPNP_MAPPINGS),
  listEnd: z.enum(UPNP_LIST_ENDS),
  /** Why the list ended early, in plain words (absent when it was read to its end). */
  listNote: z.string().max(300).optional(),
  /** The same words by the catalogue's key, for the page to say in the user's language. */
  listNoteSaid: saidSchema.optional(),
  natPmp: z.object({
    present: z.boolean(),
    externalAddress: z.string().max(64).nullable(),
    /** PCP (RFC 6887) answered too, on the same port; absent: it did not (or the audit is older). */
    pcp: z.boolean().optional(),
  }),
  /** Answers that claimed to be a router from another address: reported, never followed. */
  elsewhere: z.array(z.object({ from: address, location: z.string().max(300) })).max(16),
  findings: z.array(upnpFindingSchema).max(16),
});
export type UpnpAudit = z.infer<typeof upnpAuditSchema>;

/** What the router said when asked to delete one mapping, and what the list showed afterwards. */
export const upnpDeletionSchema = z.object({
  protocol: upnpProtocolSchema,
  externalPort: port,
  /** The router accepted the request. */
  accepted: z.boolean(),
  /** The mapping is gone from the list read again afterwards. */
  gone: z.boolean(),
  /** The UPnP error the router answered with, if any. */
  errorCode: z.number().int().nullable(),
  /** What happened, in plain words (English; the JSON's). */
  message: z.string().max(400),
  /** The same words by the catalogue's key, for the page and the CLI to say in the user's language. */
  said: saidSchema.optional(),
});
export type UpnpDeletion = z.infer<typeof upnpDeletionSchema>;

/** The re-check waits at most this long after a deletion (s): longer leases are not waited out (see recheckDelay). */
export const RECHECK_MAX_S = 600;
/** How long the re-check waits by default after a permanent mapping (lease 0) was deleted (s; see recheckDelay). */
export const RECHECK_PERMANENT_S = 120;
/** Added to the longest lease left (s): the device's renewal and the router's list need a moment. */
export const RECHECK_MARGIN_S = 10;
/** The longest wait a user may ask for (s). */
export const WATCH_MAX_S = 3600;

export const upnpDeleteResultSchema = z.object({
  deletions: z.array(upnpDeletionSchema).max(32),
  /** The audit read again after the deletions: the proof. */
  audit: upnpAuditSchema,
  /**
   * When to read the list again (s after the deletion) to catch a device that opens a deleted mapping again
   * (recheckDelay); null when nothing was proven gone. Absent from results made before the re-check existed.
   */
  recheckAfterS: z.number().int().min(1).max(RECHECK_MAX_S).nullable().optional(),
});
export type UpnpDeleteResult = z.infer<typeof upnpDeleteResultSchema>;

const mappingKey = z.object({ protocol: upnpProtocolSchema, externalPort: port });

/** A deleted mapping the re-check found listed again, and who opened it. */
export const upnpCameBackSchema = z.object({
  protocol: upnpProtocolSchema,
  externalPort: port,
  internalClient: address,
  internalPort: port,
  /** The known device at the internal address (its name), if any. */
  device: z.string().max(200).nullable(),
});
export type UpnpCameBack = z.infer<typeof upnpCameBackSchema>;

/**
 * The re-check's verdict: `came-back` when a deleted mapping is listed again; `still-gone` when the router's whole
 * list was read without it, or no UPnP gateway and no NAT-PMP answers at the router any more (nothing can open it);
 * `unproven` when the list could not be read to its end (nothing can be said either way).
 */
export const UPNP_RECHECK_OUTCOMES = ['came-back', 'still-gone', 'unproven'] as const;

/** The timed re-check after a deletion: when it ran, how long it waited, what it looked for and what came back. */
export const upnpRecheckSchema = z.object({
  /** When the router's list was read again. */
  at: z.string().max(40),
  /** How long it waited before reading (s). */
  waitedS: z.number().int().min(0).max(WATCH_MAX_S),
  /** The deleted mappings it looked for. */
  watched: z.array(mappingKey).max(32),
  cameBack: z.array(upnpCameBackSchema).max(32),
  outcome: z.enum(UPNP_RECHECK_OUTCOMES),
});
export type UpnpRecheck = z.infer<typeof upnpRecheckSchema>;

/** What the `upnp-watch` job ends with: the verdict and the audit it was read from. */
export const upnpWatchResultSchema = z.object({ recheck: upnpRecheckSchema, audit: upnpAuditSchema });
export type UpnpWatchResult = z.infer<typeof upnpWatchResultSchema>;

/**
 * How long to wait after deleting mappings before reading the router's list again (s), so that a device that
 * re-opens them has done so by then:
 * - a mapping with a lease (seconds left when it was deleted) must be renewed by its device before the lease runs out,
 *   so the re-check comes just after the longest lease left, plus RECHECK_MARGIN_S;
 * - a permanent mapping (lease 0) is never due for renewal: devices add such mappings again on a schedule of their own
 *   (at reboot, when their link or address changes, or at a periodic UPnP check of a minute or a few), so the wait is
 *   RECHECK_PERMANENT_S — two minutes, long enough for a once-a-minute check to have run, short enough to wait for;
 *   a device that re-adds only at its next reboot is caught by the next check after that, not by any wait;
 * - with nothing to go by (no mapping), the same default.
 * Never more than RECHECK_MAX_S (ten minutes: a longer lease is not waited out; the next check catches it), never 0.
 * An IGD:2 router gives a mapping asked for as permanent a week's lease (604 800 s, as the IGD:2 standard says, and
 * miniupnpd does): there the wait is the ten minutes.
 */
export function recheckDelay(deleted: ReadonlyArray<Pick<UpnpMapping, 'leaseSeconds'>>): number {
  if (!deleted.length) return RECHECK_PERMANENT_S;
  const waits = deleted.map((m) => (m.leaseSeconds > 0 ? m.leaseSeconds + RECHECK_MARGIN_S : RECHECK_PERMANENT_S));
  return Math.min(RECHECK_MAX_S, Math.max(...waits));
}

/** The listed mappings that are among those deleted before (by protocol and external port): they came back. */
export function mappingsBack<M extends Pick<UpnpMapping, 'protocol' | 'externalPort'>>(
  mappings: readonly M[],
  deleted: ReadonlyArray<{ protocol: UpnpProtocol; externalPort: number }>,
): M[] {
  return mappings.filter((x) => deleted.some((d) => d.protocol === x.protocol && d.externalPort === x.externalPort));
}

/** The re-check's verdict from the audit read after the wait (see UPNP_RECHECK_OUTCOMES). */
export function judgeRecheck(
  audit: UpnpAudit,
  watched: ReadonlyArray<{ protocol: UpnpProtocol; externalPort: number }>,
  waitedS: number,
): UpnpRecheck {
  const cameBack = mappingsBack(audit.mappings, watched).map((m) => ({
    protocol: m.protocol,
    externalPort: m.externalPort,
    internalClient: m.internalClient,
    internalPort: m.internalPort,
    device: m.device?.name ?? null,
  }));
  const listRead = !!audit.igd && audit.listEnd === 'complete';
  const upnpOff = audit.findings.some((f) => f.code === 'upnp-off');
  return {
    at: audit.measuredAt,
    waitedS,
    watched: watched.map((w) => ({ protocol: w.protocol, externalPort: w.externalPort })),
    cameBack,
    outcome: cameBack.length ? 'came-back' : listRead || upnpOff ? 'still-gone' : 'unproven',
  };
}

export interface UpnpMeasurement {
  gateway: string | null;
  igd: UpnpIgd | null;
  /** Why no IGD could be used at the gateway (it answered but its description or control failed). */
  igdProblem: string | null;
  /** The igd-unreadable finding's whole sentence by key (upnp.findings.igdUnreadable…), where the service said why. */
  igdProblemSaid?: Said | null;
  mappings: readonly UpnpMapping[];
  listEnd: UpnpListEnd;
  listNote?: string;
  listNoteSaid?: Said;
  natPmp: { present: boolean; externalAddress: string | null; pcp?: boolean };
  elsewhere: ReadonlyArray<{ from: string; location: string }>;
  /** Mappings deleted earlier (and proven gone then): listed again, a device re-opened them. */
  deletedBefore?: ReadonlyArray<{ protocol: UpnpProtocol; externalPort: number }>;
}
