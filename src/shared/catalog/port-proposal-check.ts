// Checking a set of ports the user edited against the rules in port-proposal-rules.ts: every problem, in plain
// words, errors first. Pure.
import { knownService, portsForBrand, ROLE_LABELS, type PortRole } from './ports';
import {
  COMMONLY_SCANNED_PORTS,
  EPHEMERAL_START,
  nextPortRule,
  samePortPolicy,
  takenBy,
  USER_PORT_MAX,
  USER_PORT_MIN,
  WELL_KNOWN_MAX,
  type EditedPort,
  type PortAssignment,
  type UsedPort,
} from './port-proposal-rules';

/** Roles that may legitimately share one port (ONVIF runs on the web port for Hikvision, Dahua, Axis, … per PORTS.md). */
const SHAREABLE: ReadonlyArray<ReadonlySet<PortRole>> = [
  new Set<PortRole>(['http', 'onvif']),
  new Set<PortRole>(['https', 'onvif']),
];

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
