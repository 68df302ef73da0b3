import { z } from 'zod';
import { saidSchema } from '../i18n/said';
import { portRoleSchema, transportSchema, type BrandPorts, type PortRole, type Transport } from './ports';

/**
 * The rules both the proposal (port-proposal.ts) and the check of a set the user edited (port-proposal-check.ts)
 * apply, and the shapes they exchange. Pure.
 *
 * Rules, with where they come from:
 * - Never a well-known port (< 1024) and never an ephemeral one: IANA 49152–65535 and Linux 32768–60999, so
 *   nothing from 32768 up. Proposals come from 10001–32767 (the registered ports below 10000 are crowded with
 *   vendor defaults). A user may pick anything in 1–65535; outside 1024–32767 it is a warning they must confirm
 *   (going back to a factory port such as 80 is their call, with the reason in front of them).
 * - Never a port in use on the device or on another known device: a router forwards an outside port to only one
 *   device (shared/reference/ROUTERS.md §3, "Same external port twice", H).
 * - Never a port the catalogue (ports.ts) names as a default or a known service, and never a commonly scanned
 *   alternate (COMMONLY_SCANNED_PORTS: our judgement, not a sourced fact).
 * - Inside port = outside port for the vendor's SDK/app ports: Dahua requires it ("internal = external port for
 *   TCP/UDP", Dahua NVR4208 manual p.274, via shared/reference/PORTS.md); we keep it for every brand's SDK, media
 *   and phone-app ports because those apps learn the port from the device.
 * - Ports that shared one number before (ONVIF on the web port) share the new one; Speco's audio port stays at
 *   network port + 1.
 */

export const WELL_KNOWN_MAX = 1023;
/** Linux's ephemeral range starts here (32768–60999); IANA's is 49152–65535. */
export const EPHEMERAL_START = 32768;
export const USER_PORT_MIN = WELL_KNOWN_MAX + 1;
export const USER_PORT_MAX = EPHEMERAL_START - 1;
/** Where proposals are drawn from. */
export const PROPOSAL_MIN = 10001;
export const PROPOSAL_MAX = USER_PORT_MAX;

/**
 * Alternates to 80/443 and other ports that internet scanners sweep. Not in the reference files: a judgement
 * (they are the usual "second web port" choices and popular remote-access ports), used only to steer away.
 */
export const COMMONLY_SCANNED_PORTS: readonly number[] = [
  81, 82, 88, 2323, 3389, 5900, 7547, 8001, 8008, 8080, 8081, 8082, 8088, 8090, 8181, 8443, 8888, 9090, 9443, 10000,
];

/** Roles where the vendor's own apps connect: inside and outside port stay equal. */
export const VENDOR_APP_ROLES: readonly PortRole[] = ['sdk', 'media', 'mobile'];

export const portAssignmentSchema = z.object({
  role: portRoleSchema,
  transport: transportSchema,
  port: z.number().int().min(1).max(65535),
});
export type PortAssignment = z.infer<typeof portAssignmentSchema>;

/** A port taken somewhere. Without a transport it counts for both TCP and UDP. */
export const usedPortSchema = z.object({
  port: z.number().int().min(1).max(65535),
  transport: transportSchema.optional(),
  /** Plain words: which device or service has it (for messages), e.g. "the other NVR (192.168.1.20)". */
  where: z.string().max(200).optional(),
});
export type UsedPort = z.infer<typeof usedPortSchema>;

export const proposalInputSchema = z.object({
  brand: z.string().max(100).nullable().optional(),
  /** The device's current ports, by role. */
  current: z.array(portAssignmentSchema).max(64),
  /** Every port open on the device (from the probe), including the ones in `current`. */
  inUseOnDevice: z.array(usedPortSchema).max(1024).optional(),
  /** Ports of other known devices and of existing router forwards. */
  inUseElsewhere: z.array(usedPortSchema).max(4096).optional(),
});
export type ProposalInput = z.infer<typeof proposalInputSchema>;

export const SAME_PORT_POLICIES = ['required-by-vendor', 'recommended', 'free'] as const;
export type SamePortPolicy = (typeof SAME_PORT_POLICIES)[number];

export const proposedPortSchema = z.object({
  role: portRoleSchema,
  transport: transportSchema,
  /** The port the device uses now. */
  current: z.number().int().min(1).max(65535),
  /** The new port on the device. */
  internal: z.number().int().min(1).max(65535),
  /** The port the router opens outside (equal to `internal` in every proposal). */
  external: z.number().int().min(1).max(65535),
  /** Whether the outside port may differ from the inside one if the user edits it. */
  samePort: z.enum(SAME_PORT_POLICIES),
  /** Plain words. */
  why: z.string(),
  /**
   * The same words by the catalogue's keys (said.ts), one sentence each, joined with a space in `why`: the page says
   * them in the user's language. Absent in plans saved before them.
   */
  whySaid: z.array(saidSchema).max(6).optional(),
});
export type ProposedPort = z.infer<typeof proposedPortSchema>;

/** A user-edited entry: `external` defaults to `internal`. */
export const editedPortSchema = z.object({
  role: portRoleSchema,
  transport: transportSchema,
  internal: z.number(),
  external: z.number().optional(),
});
export type EditedPort = z.infer<typeof editedPortSchema>;

/** How strictly the outside port must equal the inside one for a role, by the brand's rules and VENDOR_APP_ROLES. */
export function samePortPolicy(brand: BrandPorts | null, role: PortRole): SamePortPolicy {
  if (brand?.rules.some((r) => r.id === 'internal-equals-external' && r.roles.includes(role)))
    return 'required-by-vendor';
  return VENDOR_APP_ROLES.includes(role) ? 'recommended' : 'free';
}

/** Whether the brand's device also uses the port after this role's (Speco's audio port: network port + 1). */
export function nextPortRule(brand: BrandPorts | null, role: PortRole): boolean {
  return brand?.rules.some((r) => r.id === 'next-port-also-used' && r.roles.includes(role)) ?? false;
}

/** The entry of `list` that takes this port for this transport (one without a transport takes both). */
export const takenBy = (list: readonly UsedPort[], port: number, transport: Transport): UsedPort | undefined =>
  list.find((u) => u.port === port && (u.transport === undefined || u.transport === transport));

/**
 * takenBy over `list` for many questions: the list indexed by port once (the same first entry takenBy finds), so a
 * proposal with thousands of ports in use elsewhere is not a search of the whole list for every candidate port.
 */
export function usedIndex(list: readonly UsedPort[]): (port: number, transport: Transport) => UsedPort | undefined {
  const byPort = new Map<number, UsedPort[]>();
  for (const u of list) {
    const same = byPort.get(u.port);
    if (same) same.push(u);
    else byPort.set(u.port, [u]);
  }
  return (port, transport) => {
    const same = byPort.get(port);
    return same && takenBy(same, port, transport);
  };
}
