import { z } from 'zod';
import {
  catalogPortNumbers,
  knownService,
  portRoleSchema,
  portsForBrand,
  ROLE_LABELS,
  transportSchema,
  type BrandPorts,
  type PortRole,
  type Transport,
} from './ports';

/**
 * Proposing non-standard ports for a device, and checking a set the user edited. Pure: no I/O, no clock, no
 * Math.random — pass a random source (seededRandom(seed) gives a deterministic one).
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

/** Roles that may legitimately share one port (ONVIF runs on the web port for Hikvision, Dahua, Axis, … per PORTS.md). */
const SHAREABLE: ReadonlyArray<ReadonlySet<PortRole>> = [
  new Set<PortRole>(['http', 'onvif']),
  new Set<PortRole>(['https', 'onvif']),
];

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

export type RandomSource = () => number;

/** A deterministic random source (mulberry32) from a number or a string seed. */
export function seededRandom(seed: number | string): RandomSource {
  let h: number;
  if (typeof seed === 'number') h = seed >>> 0;
  else {
    h = 0x811c9dc5; // FNV-1a
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  }
  let a = h;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function samePortPolicy(brand: BrandPorts | null, role: PortRole): SamePortPolicy {
  if (brand?.rules.some((r) => r.id === 'internal-equals-external' && r.roles.includes(role)))
    return 'required-by-vendor';
  return VENDOR_APP_ROLES.includes(role) ? 'recommended' : 'free';
}

function nextPortRule(brand: BrandPorts | null, role: PortRole): boolean {
  return brand?.rules.some((r) => r.id === 'next-port-also-used' && r.roles.includes(role)) ?? false;
}

const takenBy = (list: readonly UsedPort[], port: number, transport: Transport): UsedPort | undefined =>
  list.find((u) => u.port === port && (u.transport === undefined || u.transport === transport));

const strictest = (a: SamePortPolicy, b: SamePortPolicy): SamePortPolicy =>
  SAME_PORT_POLICIES.indexOf(a) <= SAME_PORT_POLICIES.indexOf(b) ? a : b;

/**
 * Proposes a new port for each current one. Deterministic for a given input and random source. Throws only if
 * the pool is exhausted, which the schema caps make impossible (at most ~5 200 ports taken out of 22 767).
 */
export function proposePorts(input: ProposalInput, random: RandomSource): ProposedPort[] {
  const brand = portsForBrand(input.brand);
  const onDevice = input.inUseOnDevice ?? [];
  const elsewhere = input.inUseElsewhere ?? [];
  const catalog = catalogPortNumbers();
  const scanned = new Set(COMMONLY_SCANNED_PORTS);
  const chosen: UsedPort[] = [];

  /** In the proposal's range, no factory or commonly scanned port, not used elsewhere nor already chosen. */
  const fine = (port: number, transport: Transport): boolean =>
    port >= PROPOSAL_MIN &&
    port <= PROPOSAL_MAX &&
    !catalog.has(port) &&
    !scanned.has(port) &&
    !takenBy(elsewhere, port, transport) &&
    !takenBy(chosen, port, transport);
  const isFree = (port: number, transport: Transport): boolean =>
    fine(port, transport) && !takenBy(onDevice, port, transport) && !input.current.some((c) => c.port === port);

  const pick = (transport: Transport, span: number): number => {
    const size = PROPOSAL_MAX - PROPOSAL_MIN + 1;
    const fits = (p: number): boolean => {
      for (let i = 0; i < span; i++) if (!isFree(p + i, transport)) return false;
      return true;
    };
    for (let attempt = 0; attempt < 256; attempt++) {
      const p = PROPOSAL_MIN + Math.min(size - 1, Math.floor(random() * size));
      if (fits(p)) return p;
    }
    const start = Math.floor(random() * size);
    for (let i = 0; i < size; i++) {
      const p = PROPOSAL_MIN + ((start + i) % size);
      if (fits(p)) return p;
    }
    throw new RangeError('No free port left to propose.');
  };

  // Group entries that share a current port (ONVIF on the web port): they move together.
  const groups = new Map<string, PortAssignment[]>();
  for (const c of input.current) {
    const key = `${c.port}/${c.transport}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }

  const assigned = new Map<string, number>();
  const followers = new Map<string, { leaderKey: string }>();
  for (const [key, members] of groups) {
    const first = members[0]!;
    if (members.some((m) => nextPortRule(brand, m.role))) {
      const followerKey = `${first.port + 1}/${first.transport}`;
      if (groups.has(followerKey)) followers.set(followerKey, { leaderKey: key });
    }
  }

  // A port the rules would have picked themselves (e.g. after an earlier change) is kept (`fine`): moving it again
  // would only make the user update their apps and router once more.
  const kept = new Set<string>();
  for (const [key, members] of groups) {
    if (followers.has(key)) continue;
    const first = members[0]!;
    const span = members.some((m) => nextPortRule(brand, m.role)) ? 2 : 1;
    const follower = [...followers].find(([, f]) => f.leaderKey === key)?.[0];
    const keep =
      fine(first.port, first.transport) &&
      (span === 1 ||
        (follower !== undefined
          ? fine(first.port + 1, first.transport)
          : fine(first.port + 1, first.transport) && !takenBy(onDevice, first.port + 1, first.transport)));
    if (keep) kept.add(key);
    const port = keep ? first.port : pick(first.transport, span);
    for (let i = 0; i < span; i++) chosen.push({ port: port + i, transport: first.transport });
    assigned.set(key, port);
  }
  for (const [key, { leaderKey }] of followers) assigned.set(key, assigned.get(leaderKey)! + 1);

  return input.current.map((c) => {
    const internal = assigned.get(`${c.port}/${c.transport}`)!;
    const members = groups.get(`${c.port}/${c.transport}`)!;
    const samePort = members.map((m) => samePortPolicy(brand, m.role)).reduce(strictest, 'free' as SamePortPolicy);
    const label = ROLE_LABELS[c.role];
    const sharing =
      members.length > 1
        ? ` It stays shared with ${members
            .filter((m) => m !== c)
            .map((m) => ROLE_LABELS[m.role])
            .join(', ')}.`
        : '';
    const isFollower = followers.has(`${c.port}/${c.transport}`);
    const keptHere = internal === c.port && (kept.has(`${c.port}/${c.transport}`) || isFollower);
    const why =
      (keptHere
        ? `${label}: keep ${c.port}: it is already a port scanners do not look for, and no other service uses it.`
        : `${label}: move it from ${c.port} to ${internal}, a port scanners do not look for and no other service uses.`) +
      sharing +
      (isFollower ? ' It stays one above the network port, as the device expects.' : '') +
      (samePort === 'required-by-vendor'
        ? ` Forward it with the same number outside; ${brand?.name ?? 'the vendor'} requires it.`
        : samePort === 'recommended'
          ? " Forward it with the same number outside: the vendor's apps learn the port from the device."
          : '');
    return { role: c.role, transport: c.transport, current: c.port, internal, external: internal, samePort, why };
  });
}

export const PROBLEM_CODES = [
  'out-of-range',
  'well-known',
  'ephemeral',
  'duplicate',
  'in-use-device',
  'in-use-other',
  'must-match-outside',
  'next-port-taken',
  'vendor-default',
  'commonly-scanned',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface PortProblem {
  code: ProblemCode;
  /** `error`: the set cannot be applied; `warning`: it can, but it is not a good idea. */
  severity: 'error' | 'warning';
  role: PortRole;
  port: number;
  /** Plain words, naming the service and the port. */
  message: string;
}

export interface ValidationContext {
  brand?: string | null;
  /** The device's current ports by role: a role keeping its own current port is not "in use". */
  current?: readonly PortAssignment[];
  inUseOnDevice?: readonly UsedPort[];
  inUseElsewhere?: readonly UsedPort[];
}

const RANGE_HINT = `Use a whole number from ${USER_PORT_MIN} to ${USER_PORT_MAX}.`;

const KEEP_NOTE = ' It is the port the device uses now: keeping it works, but moving it is safer.';

/**
 * A well-known or ephemeral number is a warning (the user may confirm it: going back to port 80, say); `keeping`:
 * the entry keeps the port it has now, which the message says. Only a value that is no port at all is an error.
 */
function rangeProblem(role: PortRole, port: number, where: string, keeping = false): PortProblem | null {
  const label = ROLE_LABELS[role];
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return {
      code: 'out-of-range',
      severity: 'error',
      role,
      port,
      message: `${label}: ${where}${String(port)} is not a port number. ${RANGE_HINT}`,
    };
  if (port <= WELL_KNOWN_MAX)
    return {
      code: 'well-known',
      severity: 'warning',
      role,
      port,
      message:
        `${label}: ${where}${port} is below 1024. Those ports belong to standard services and are the first ones ` +
        `scanners try. ${RANGE_HINT}${keeping ? KEEP_NOTE : ''}`,
    };
  if (port >= EPHEMERAL_START)
    return {
      code: 'ephemeral',
      severity: 'warning',
      role,
      port,
      message:
        `${label}: ${where}${port} is 32768 or above. Computers and routers take ports from there for their own ` +
        `outgoing connections (Linux uses 32768–60999, the standard range is 49152–65535), so it can clash. ${RANGE_HINT}` +
        (keeping ? KEEP_NOTE : ''),
    };
  return null;
}

/** Checks a user-edited set of ports. Returns every problem found, errors first; an empty list means fine. */
export function validateProposal(ports: readonly EditedPort[], ctx: ValidationContext = {}): PortProblem[] {
  const brand = portsForBrand(ctx.brand);
  const current = ctx.current ?? [];
  const onDevice = ctx.inUseOnDevice ?? [];
  const elsewhere = ctx.inUseElsewhere ?? [];
  const scanned = new Set(COMMONLY_SCANNED_PORTS);
  const problems: PortProblem[] = [];

  ports.forEach((p, i) => {
    const label = ROLE_LABELS[p.role];
    const external = p.external ?? p.internal;
    const keeping = (n: number): boolean =>
      current.some((c) => c.role === p.role && c.transport === p.transport && c.port === n);
    const inside = rangeProblem(p.role, p.internal, '', keeping(p.internal));
    if (inside) problems.push(inside);
    if (external !== p.internal) {
      const outside = rangeProblem(p.role, external, 'the outside port ');
      if (outside) problems.push(outside);
    }
    if (inside?.severity === 'error') return;
    const port = p.internal;

    // Duplicates: the same port and transport on two entries, unless they may share (ONVIF on the web port).
    for (let j = 0; j < i; j++) {
      const q = ports[j]!;
      if (q.transport !== p.transport || q.internal !== port) continue;
      if (SHAREABLE.some((s) => s.has(p.role) && s.has(q.role)) && (q.external ?? q.internal) === external) continue;
      problems.push({
        code: 'duplicate',
        severity: 'error',
        role: p.role,
        port,
        message: `${label} and ${ROLE_LABELS[q.role]} both use ${port}/${p.transport.toUpperCase()}. Each service needs its own port.`,
      });
    }

    const ownCurrent = keeping(port);
    // A port another entry is moving away from is free once the change is applied.
    const vacated = current.some(
      (c) =>
        c.port === port &&
        c.transport === p.transport &&
        ports.some((q) => q.role === c.role && q.transport === c.transport && q.internal !== c.port),
    );
    const dev = takenBy(onDevice, port, p.transport);
    const isOtherEntry = ports.some((q, k) => k !== i && q.internal === port && q.transport === p.transport);
    if (dev && !ownCurrent && !vacated && !isOtherEntry)
      problems.push({
        code: 'in-use-device',
        severity: 'error',
        role: p.role,
        port,
        message: `${label}: ${port} is already used by another service on this device${dev.where ? ` (${dev.where})` : ''}.`,
      });
    for (const [n, what] of [
      [port, 'inside'],
      [external, 'outside'],
    ] as const) {
      if (what === 'outside' && n === port) continue;
      // A port this entry keeps is not a change: another device on the same number is not this plan's problem.
      if (n === port && ownCurrent) continue;
      const other = takenBy(elsewhere, n, p.transport);
      if (!other) continue;
      // A factory port of this very service (80 for a web page, 554 for RTSP…) is shared by many devices on a LAN:
      // going back to it is the user's call (a warning), though only one of them can be forwarded.
      const factory = knownService(n, p.transport).some((d) => d.role === p.role);
      problems.push({
        code: 'in-use-other',
        severity: factory ? 'warning' : 'error',
        role: p.role,
        port: n,
        message: factory
          ? `${label}: ${n} is also used by ${other.where ?? 'another device on your network'}, as factory ports often are. ` +
            'A router can forward an outside port to only one device: keep this one unforwarded, or pick another port.'
          : `${label}: ${n} is already used by ${other.where ?? 'another device on your network'}. ` +
            'A router can forward an outside port to only one device.',
      });
    }

    const policy = samePortPolicy(brand, p.role);
    if (external !== port && policy !== 'free')
      problems.push({
        code: 'must-match-outside',
        severity: policy === 'required-by-vendor' ? 'error' : 'warning',
        role: p.role,
        port,
        message:
          policy === 'required-by-vendor'
            ? `${label}: the outside port (${external}) must be the same as the port on the device (${port}); ${brand?.name ?? 'the vendor'} requires it.`
            : `${label}: keep the outside port (${external}) the same as the port on the device (${port}); the vendor's apps learn the port from the device.`,
      });

    if (nextPortRule(brand, p.role)) {
      const next = port + 1;
      const clash =
        ports.some(
          (q) =>
            q !== p && q.transport === p.transport && q.internal === next && !(q.role === 'media' && p.role === 'sdk'),
        ) || takenBy(elsewhere, next, p.transport) !== undefined;
      if (clash || next > USER_PORT_MAX)
        problems.push({
          code: 'next-port-taken',
          severity: 'error',
          role: p.role,
          port,
          message: `${label}: the device also uses the next port (${next}), and it is not free. Pick another number.`,
        });
    }

    const defaults = knownService(port, p.transport);
    if (defaults.length > 0) {
      const what = defaults
        .slice(0, 2)
        .map((d) => `${ROLE_LABELS[d.role]} of ${d.brands.slice(0, 3).join(', ')}`)
        .join('; ');
      problems.push({
        code: 'vendor-default',
        severity: 'warning',
        role: p.role,
        port,
        message: `${label}: ${port} is a known factory port (${what}). Scanners look for it; a less common number is safer.`,
      });
    } else if (scanned.has(port))
      problems.push({
        code: 'commonly-scanned',
        severity: 'warning',
        role: p.role,
        port,
        message: `${label}: ${port} is a popular alternate port that internet scanners sweep. A less common number is safer.`,
      });
  });

  return problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** Plain words for the Ports step: RTSP over TCP, and why RTP over UDP fails through a router. */
export const RTSP_TRANSPORT_ADVICE = {
  title: 'Watch RTSP over TCP',
  text:
    'Set your player or recorder to "RTSP over TCP" (in ffmpeg: -rtsp_transport tcp). Then the video travels ' +
    'inside the one RTSP connection. With RTP over UDP the camera sends the video from extra UDP ports (pairs ' +
    'such as 5556–5559 on Vivotek), and a home router (NAT) does not pass those back to you: the picture stays ' +
    'black or freezes unless every one of them is forwarded too. Better still, watch through a VPN and forward ' +
    'no RTSP port at all.',
  sources: [
    'https://manualsdump.com/en/manuals/vivotek-fe8171v/41867/69',
    'https://github.com/mpromonet/v4l2rtspserver/issues/249',
    'shared/reference/INTERNET-SECURITY.md §5',
  ],
  confidence: 'H',
} as const;
