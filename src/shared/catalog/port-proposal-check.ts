// Checking a set of ports the user edited against the rules in port-proposal-rules.ts: every problem, in plain
// words, errors first. Pure. Each problem's words are said by key (`ports.said.problem`, with main's English
// sentence beside them): the pages reach this file, so the English comes from port-words.ts (the ports group alone).
import type { Said, SaidWords } from '../i18n/said';
import { said } from '../i18n/said';
import { knownService, portsForBrand, ROLE_LABELS, type PortRole } from './ports';
import { portsSaidInEnglish, roleWords } from './port-words';
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
  /** Plain words, naming the service and the port (English; the JSON's). */
  message: string;
  /** The same words by the catalogue's key (said.ts), for the page and the CLI to say in the user's language. */
  said?: Said;
}

export interface ValidationContext {
  brand?: string | null;
  /** The device's current ports by role: a role keeping its own current port is not "in use". */
  current?: readonly PortAssignment[];
  inUseOnDevice?: readonly UsedPort[];
  inUseElsewhere?: readonly UsedPort[];
}

/** The range a port should be in, for the messages' "Use a whole number from {min} to {max}." */
const RANGE = { min: String(USER_PORT_MIN), max: String(USER_PORT_MAX) };

/**
 * Who has a port on the device, to fill a message's {where}: a service's name (planContext names the device's open
 * ports by ROLE_LABELS) said by key, else the words as they came.
 */
function whereWords(where: string): string | SaidWords {
  const role = (Object.keys(ROLE_LABELS) as PortRole[]).find((r) => ROLE_LABELS[r] === where);
  return role ? roleWords(role) : where;
}

/** A problem with its words said by key and main's English sentence (`message`) beside them. */
function problem(code: ProblemCode, severity: PortProblem['severity'], role: PortRole, port: number, words: Said) {
  const { said: saidWords, text } = portsSaidInEnglish(words);
  return { code, severity, role, port, message: text, ...(saidWords ? { said: saidWords } : {}) } satisfies PortProblem;
}

/**
 * A well-known or ephemeral number is a warning (the user may confirm it: going back to port 80, say); `keeping`:
 * the entry keeps the port it has now, which the message says. Only a value that is no port at all is an error.
 */
function rangeProblem(role: PortRole, port: number, outside: boolean, keeping = false): PortProblem | null {
  const values = { role: roleWords(role), port: String(port), ...RANGE };
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return problem(
      'out-of-range',
      'error',
      role,
      port,
      said(outside ? 'ports.said.problem.notPortOutside' : 'ports.said.problem.notPort', values),
    );
  // (`keeping` is only ever said of the port on the device, never of the outside one.)
  const which = outside ? 'Outside' : keeping ? 'Keep' : '';
  if (port <= WELL_KNOWN_MAX)
    return problem('well-known', 'warning', role, port, said(`ports.said.problem.wellKnown${which}`, values));
  if (port >= EPHEMERAL_START)
    return problem('ephemeral', 'warning', role, port, said(`ports.said.problem.ephemeral${which}`, values));
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
    const role = roleWords(p.role);
    const external = p.external ?? p.internal;
    const keeping = (n: number): boolean =>
      current.some((c) => c.role === p.role && c.transport === p.transport && c.port === n);
    const inside = rangeProblem(p.role, p.internal, false, keeping(p.internal));
    if (inside) problems.push(inside);
    if (external !== p.internal) {
      const outside = rangeProblem(p.role, external, true);
      if (outside) problems.push(outside);
    }
    if (inside?.severity === 'error') return;
    const port = p.internal;

    // Duplicates: the same port and transport on two entries, unless they may share (ONVIF on the web port).
    for (let j = 0; j < i; j++) {
      const q = ports[j]!;
      if (q.transport !== p.transport || q.internal !== port) continue;
      if (SHAREABLE.some((s) => s.has(p.role) && s.has(q.role)) && (q.external ?? q.internal) === external) continue;
      problems.push(
        problem(
          'duplicate',
          'error',
          p.role,
          port,
          said('ports.said.problem.duplicate', {
            role,
            other: roleWords(q.role),
            port: String(port),
            transport: p.transport.toUpperCase(),
          }),
        ),
      );
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
      problems.push(
        problem(
          'in-use-device',
          'error',
          p.role,
          port,
          dev.where
            ? said('ports.said.problem.inUseDeviceBy', { role, port: String(port), where: whereWords(dev.where) })
            : said('ports.said.problem.inUseDevice', { role, port: String(port) }),
        ),
      );
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
      const where = other.where ?? { key: 'ports.said.problem.anotherDevice' };
      problems.push(
        problem(
          'in-use-other',
          factory ? 'warning' : 'error',
          p.role,
          n,
          said(factory ? 'ports.said.problem.inUseFactory' : 'ports.said.problem.inUseOther', {
            role,
            port: String(n),
            where,
          }),
        ),
      );
    }

    const policy = samePortPolicy(brand, p.role);
    if (external !== port && policy !== 'free') {
      const values = { role, outside: String(external), port: String(port) };
      problems.push(
        problem(
          'must-match-outside',
          policy === 'required-by-vendor' ? 'error' : 'warning',
          p.role,
          port,
          policy === 'required-by-vendor'
            ? brand
              ? said('ports.said.problem.mustMatchBy', { ...values, brand: brand.name })
              : said('ports.said.problem.mustMatch', values)
            : said('ports.said.problem.keepMatching', values),
        ),
      );
    }

    if (nextPortRule(brand, p.role)) {
      const next = port + 1;
      const clash =
        ports.some(
          (q) =>
            q !== p && q.transport === p.transport && q.internal === next && !(q.role === 'media' && p.role === 'sdk'),
        ) || takenBy(elsewhere, next, p.transport) !== undefined;
      if (clash || next > USER_PORT_MAX)
        problems.push(
          problem(
            'next-port-taken',
            'error',
            p.role,
            port,
            said('ports.said.problem.nextPortTaken', { role, next: String(next) }),
          ),
        );
    }

    const defaults = knownService(port, p.transport);
    if (defaults.length > 0) {
      // The first two factory services on this number, each with up to three of its brands (names, not words).
      const [first, second] = defaults;
      const brands = (d: (typeof defaults)[number]) => d.brands.slice(0, 3).join(', ');
      const values = { role, port: String(port), service: roleWords(first!.role), brands: brands(first!) };
      problems.push(
        problem(
          'vendor-default',
          'warning',
          p.role,
          port,
          second
            ? said('ports.said.problem.vendorDefaultTwo', {
                ...values,
                service2: roleWords(second.role),
                brands2: brands(second),
              })
            : said('ports.said.problem.vendorDefault', values),
        ),
      );
    } else if (scanned.has(port))
      problems.push(
        problem(
          'commonly-scanned',
          'warning',
          p.role,
          port,
          said('ports.said.problem.commonlyScanned', { role, port: String(port) }),
        ),
      );
  });

  return problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
