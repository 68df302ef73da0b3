// The proof from outside (issue 13 item 3): for every rule of the saved Router rules plan, an echoip-compatible
// checker on the internet (`GET /port/N` → `{ ip, port, reachable }`) tries a TCP connection back to this network's
// public address; the same for ports that must NOT be reachable (telnet, FTP, SSH, plain HTTP, RTSP, the NVR's admin
// pages). Per port: reachable / closed / filtered, with the likely cause from what the app already knows (the
// internet verdict, the Ports step's last measurement, the UPnP step's last audit). Pure: the main process asks
// (services/internet/outside-proof-service), this decides. Every text is plain (no markup).
//
// An echoip checker answers only `reachable: true|false`. Closed (something answered with a refusal) and filtered (no
// answer until the checker gave up — echoip and the lab's checker wait about 2 s) are told apart by how fast the
// "no" came: well before the checker's own time-out it was a refusal.
import { z } from 'zod';
import { inSubnet, parseIpv4 } from './ipv4';
import type { ForwardPlan } from './forward-plan';
import type { PortReport } from './ports';
import type { PublicVerdictCode } from './public-address';
import type { UpnpMapping } from './upnp';

const address = z.string().max(253);
const port = z.number().int().min(1).max(65535);
const text = z.string().max(600);

export const PROOF_STATES = ['reachable', 'closed', 'filtered', 'not-testable', 'unknown'] as const;
export type ProofState = (typeof PROOF_STATES)[number];

export const PROOF_CAUSES = [
  'upnp-mapping',
  'upnp-elsewhere',
  'cgnat',
  'double-nat',
  'wrong-address',
  'port-changed',
  'source-limited',
  'isp-blocks',
  'no-rule',
  'firewall',
  'extra-rule',
  'udp',
  'checker-failed',
] as const;
export type ProofCause = (typeof PROOF_CAUSES)[number];

export const proofRowSchema = z.object({
  /** planned: a rule of the plan (must be reachable); forbidden: must NOT be reachable. */
  kind: z.enum(['planned', 'forbidden']),
  protocol: z.enum(['tcp', 'udp']),
  /** The outside port asked about. */
  port,
  /** What it is ("HTTPS web page", "Telnet"…). */
  label: z.string().max(80),
  /** Planned rules: where the plan sends it. */
  internal: z.object({ address: z.string().max(45), port }).nullable(),
  state: z.enum(PROOF_STATES),
  /** True when this port is as it should be (planned reachable, forbidden not reachable); null: not known. */
  ok: z.boolean().nullable(),
  /** One word for the page and the CLI: reachable, closed, filtered, exposed, not exposed, not testable, unknown. */
  verdict: z.string().max(20),
  cause: z.enum(PROOF_CAUSES).nullable(),
  /** The likely cause or a note, in plain words. */
  text,
  /** The checker's answer (milliseconds, or why there is none). */
  evidence: z.string().max(300),
});
export type ProofRow = z.infer<typeof proofRowSchema>;

export const hairpinRowSchema = z.object({
  port,
  result: z.enum(['reached', 'refused', 'no-answer']),
});
export type HairpinRow = z.infer<typeof hairpinRowSchema>;

export const hairpinSchema = z.object({
  /** The public address connected to from inside. */
  address: z.string().max(45),
  rows: z.array(hairpinRowSchema).max(16),
  /** Whether the router loops back: yes (every port reached), no, or unknown (nothing to compare). */
  loopsBack: z.enum(['yes', 'no', 'unknown']),
  /** What it means, and what the user sees on the phone (mobile data vs home Wi-Fi). */
  text: z.string().max(900),
});
export type Hairpin = z.infer<typeof hairpinSchema>;

export const PROOF_VERDICTS = ['proven', 'failed', 'unknown'] as const;

export const outsideProofSchema = z.object({
  measuredAt: z.string(),
  checker: z.string().max(300),
  /** The address the checker was meant to test (the public address, or the DDNS name's address). */
  target: address.nullable(),
  /** The DDNS name given, if any. */
  name: address.nullable(),
  /** The address the checker says it tested (its `ip`): the caller's, seen from outside. */
  testedAddress: z.string().max(64).nullable(),
  rows: z.array(proofRowSchema).max(48),
  hairpin: hairpinSchema.nullable(),
  verdict: z.object({ code: z.enum(PROOF_VERDICTS), title: z.string().max(160), advice: z.string().max(800) }),
  findings: z.array(text).max(8),
});
export type OutsideProof = z.infer<typeof outsideProofSchema>;

/** Ports that must never be reachable from outside: plain-text logins, the plain web page, unencrypted video. */
export const FORBIDDEN_PORTS: ReadonlyArray<{ port: number; label: string }> = [
  { port: 21, label: 'FTP (plain-text login)' },
  { port: 22, label: 'SSH (the NVR’s shell)' },
  { port: 23, label: 'Telnet (plain-text login)' },
  { port: 80, label: 'plain HTTP web page' },
  { port: 554, label: 'RTSP video (unencrypted)' },
];

/**
 * Inbound ports many ISPs block for home lines (mail, NetBIOS/SMB, and on some plans the web ports). A filtered
 * answer on one of these may be the ISP, not the router.
 */
export const ISP_BLOCKED_PORTS: ReadonlySet<number> = new Set([25, 80, 135, 137, 138, 139, 443, 445, 1900, 8080]);

/** One port to ask the checker about. */
export interface ProofTarget {
  kind: 'planned' | 'forbidden';
  protocol: 'tcp' | 'udp';
  port: number;
  label: string;
  internal: { address: string; port: number } | null;
  /** Planned rules limited to these sources (empty: any). */
  sources: readonly string[];
}

/** What the checker said about one port: reachable or not and how long it took, or why there is no answer. */
export type CheckerAnswer =
  { ok: true; reachable: boolean; ms: number; ip: string | null } | { ok: false; error: string };

/** The ports to ask about: every planned rule (UDP ones too, flagged), then the forbidden ones not planned. */
export function proofTargets(plan: ForwardPlan | null, report: PortReport | null): ProofTarget[] {
  const out: ProofTarget[] = [];
  for (const r of plan?.rules ?? [])
    out.push({
      kind: 'planned',
      protocol: r.protocol,
      port: r.externalPort,
      label: r.name.slice(0, 80),
      internal: { address: r.internalAddress, port: r.internalPort },
      sources: r.sources,
    });
  const planned = new Set(out.filter((t) => t.protocol === 'tcp').map((t) => t.port));
  const forbidden = new Map<number, string>(FORBIDDEN_PORTS.map((f) => [f.port, f.label]));
  for (const row of report?.rows ?? [])
    if (row.state === 'open' && (row.adminUi || (row.plainText && row.service === 'http')) && !forbidden.has(row.port))
      forbidden.set(row.port, row.plainText ? 'the NVR’s plain HTTP admin page' : 'the NVR’s admin page');
  for (const [p, label] of [...forbidden].sort((a, b) => a[0] - b[0]))
    if (!planned.has(p)) out.push({ kind: 'forbidden', protocol: 'tcp', port: p, label, internal: null, sources: [] });
  return out.slice(0, 48);
}

/** Reachable / closed / filtered from the checker's answer (closed: a "no" well before its time-out). */
export function stateOf(answer: CheckerAnswer, checkerTimeoutMs = 2000): ProofState {
  if (!answer.ok) return 'unknown';
  if (answer.reachable) return 'reachable';
  return answer.ms < checkerTimeoutMs * 0.75 ? 'closed' : 'filtered';
}

function inSources(addr: string | null, sources: readonly string[]): boolean | null {
  if (!sources.length) return true;
  if (!addr || parseIpv4(addr) === null) return null;
  return sources.some((s) => {
    const [net, prefix = '32'] = s.split('/');
    return inSubnet(addr, net!, Number(prefix));
  });
}

export interface ProofInput {
  targets: readonly ProofTarget[];
  answers: ReadonlyMap<number, CheckerAnswer>;
  /** The internet step's last verdict (null: never checked). */
  internetVerdict: PublicVerdictCode | null;
  /** The Ports step's last measurement of the planned NVR. */
  report: PortReport | null;
  /** The UPnP step's last audit's mappings (null: no audit). */
  mappings: ReadonlyArray<
    Pick<UpnpMapping, 'protocol' | 'externalPort' | 'internalClient' | 'internalPort'> & {
      device?: { name: string } | null;
    }
  > | null;
  /** The checker's own address (its host resolved), to tell whether a source-limited rule lets it in. */
  checkerAddress: string | null;
  checkerTimeoutMs?: number;
}

function mappingFor(input: ProofInput, p: number) {
  return input.mappings?.find((m) => m.protocol === 'TCP' && m.externalPort === p) ?? null;
}

/** Why a planned port is not reachable, in the order the app can tell. */
function plannedCause(t: ProofTarget, state: ProofState, input: ProofInput): { cause: ProofCause; text: string } {
  if (input.internetVerdict === 'cgnat')
    return {
      cause: 'cgnat',
      text: 'Your internet line is behind carrier-grade NAT (the Internet step’s verdict): no rule on your router can be reached from outside. Ask your ISP for a public IPv4 address, or use a VPN.',
    };
  if (input.internetVerdict === 'double-nat')
    return {
      cause: 'double-nat',
      text: 'There is a second router (an ISP box) in front of yours (the Internet step’s verdict): the connection stops there. Put the ISP box in bridge mode, or forward the port on it to your router too.',
    };
  if (inSources(input.checkerAddress, t.sources) === false)
    return {
      cause: 'source-limited',
      text: `The rule lets in only ${t.sources.join(', ')}; the checker connects from ${input.checkerAddress}, so it is kept out as it should be. Check from an allowed address.`,
    };
  const m = mappingFor(input, t.port);
  if (m && t.internal && (m.internalClient !== t.internal.address || m.internalPort !== t.internal.port))
    return {
      cause: 'upnp-elsewhere',
      text: `A UPnP mapping sends port ${t.port} to ${m.internalClient}:${m.internalPort} (the UPnP step’s last audit), not to the NVR: delete it, then the rule can take the port.`,
    };
  const r = input.report;
  if (t.internal && r && r.address !== t.internal.address)
    return {
      cause: 'wrong-address',
      text: `The rule sends the port to ${t.internal.address}, but the NVR was last measured at ${r.address}: make the plan again and correct the rule’s address (and keep the NVR’s address fixed).`,
    };
  if (t.internal && r && !r.rows.some((x) => x.port === t.internal!.port && x.state === 'open'))
    return {
      cause: 'port-changed',
      text: `The NVR did not answer on port ${t.internal.port} at the Ports step’s last measurement (${r.measuredAt}): its port changed since the plan. Make the plan again and correct the rule.`,
    };
  if (state === 'filtered' && ISP_BLOCKED_PORTS.has(t.port))
    return {
      cause: 'isp-blocks',
      text: `No answer at all on port ${t.port}: many ISPs block this port toward home lines. If the rule is entered, use another outside port (e.g. ${10_000 + (t.port % 10_000)}) or ask your ISP.`,
    };
  if (state === 'closed')
    return {
      cause: 'no-rule',
      text: `Something refused the connection: most likely no forward rule for port ${t.port} is entered on the router yet (the router itself answered), or it is not switched on.`,
    };
  return {
    cause: 'firewall',
    text: `No answer on port ${t.port}: the router’s firewall drops it — the rule is missing, switched off or limited to other addresses — or the ISP filters it.`,
  };
}

const VERDICT_WORDS: Record<ProofState, string> = {
  reachable: 'reachable',
  closed: 'closed',
  filtered: 'filtered',
  'not-testable': 'not testable',
  unknown: 'unknown',
};

function evidenceOf(a: CheckerAnswer | undefined): string {
  if (!a) return 'not asked';
  if (!a.ok) return `the checker gave no answer: ${a.error}`.slice(0, 300);
  return `the checker said ${a.reachable ? 'reachable' : 'not reachable'} after ${Math.round(a.ms)} ms`;
}

/** One row: the state, whether it is as it should be, and the likely cause. */
export function judgeRow(t: ProofTarget, input: ProofInput): ProofRow {
  const base = { kind: t.kind, protocol: t.protocol, port: t.port, label: t.label, internal: t.internal };
  if (t.protocol === 'udp')
    return {
      ...base,
      state: 'not-testable',
      ok: null,
      verdict: 'not testable',
      cause: 'udp',
      text: 'UDP: not testable by a TCP checker (nothing answers a UDP probe that proves it arrived). Test it with the player itself from outside.',
      evidence: 'not asked',
    };
  const answer = input.answers.get(t.port);
  const state = answer ? stateOf(answer, input.checkerTimeoutMs) : 'unknown';
  const evidence = evidenceOf(answer);
  if (state === 'unknown')
    return {
      ...base,
      state,
      ok: null,
      verdict: 'unknown',
      cause: 'checker-failed',
      text: 'The checker did not say: try again, or use another checker.',
      evidence,
    };
  const m = mappingFor(input, t.port);
  if (t.kind === 'forbidden') {
    if (state !== 'reachable')
      return {
        ...base,
        state,
        ok: true,
        verdict: 'not exposed',
        cause: null,
        text: 'Not reachable from outside, as it should be.',
        evidence,
      };
    return {
      ...base,
      state,
      ok: false,
      verdict: 'exposed',
      cause: m ? 'upnp-mapping' : 'extra-rule',
      text: m
        ? `Exposed: a UPnP mapping opens port ${t.port} to ${m.internalClient}:${m.internalPort}${m.device?.name ? ` (${m.device.name})` : ''} (the UPnP step’s last audit). Delete it and turn UPnP off on that device or the router.`
        : `Exposed: port ${t.port} (${t.label}) answers from the internet. A forward rule or DMZ on the router that is not in the plan, or the router’s own remote service, opens it: remove it.`,
      evidence,
    };
  }
  if (state === 'reachable')
    return {
      ...base,
      state,
      ok: true,
      verdict: 'reachable',
      cause: m ? 'upnp-mapping' : null,
      text: m
        ? `Reachable — through a UPnP mapping, not your rule (the UPnP step’s last audit lists port ${t.port} to ${m.internalClient}:${m.internalPort}). Enter the rule and delete the mapping, so that it stays open the way you chose.`
        : 'Reachable from outside.',
      evidence,
    };
  const why = plannedCause(t, state, input);
  return { ...base, state, ok: false, verdict: VERDICT_WORDS[state], ...why, evidence };
}

export interface ProofJudgeInput extends ProofInput {
  measuredAt: string;
  checker: string;
  target: string | null;
  name: string | null;
  hairpin: Hairpin | null;
}

/** The whole proof: every row, and the overall verdict. */
export function judgeOutsideProof(input: ProofJudgeInput): OutsideProof {
  const findings: string[] = [];
  let tested: string | null = null;
  for (const a of input.answers.values()) if (a.ok && a.ip && !tested) tested = a.ip;
  if (tested && input.target && tested !== input.target)
    findings.push(
      input.name
        ? `The checker tested ${tested} (this network’s address now), but ${input.name} points at ${input.target}: update the DDNS name.`
        : `The checker tested ${tested}, but the Internet step last saw ${input.target}: the public address changed — check it again.`,
    );
  const rows = input.targets.map((t) => judgeRow(t, input));
  const planned = rows.filter((r) => r.kind === 'planned' && r.protocol === 'tcp');
  const exposed = rows.filter((r) => r.kind === 'forbidden' && r.ok === false);
  const failedPlanned = planned.filter((r) => r.ok === false);
  let verdict: OutsideProof['verdict'];
  if (!input.targets.some((t) => t.kind === 'planned'))
    verdict = {
      code: 'unknown',
      title: 'Nothing to prove: there is no saved plan of router rules',
      advice: 'Make the plan in the Router rules step first; the forbidden ports were checked all the same.',
    };
  else if (exposed.length || failedPlanned.length)
    verdict = {
      code: 'failed',
      title: [
        failedPlanned.length ? `${failedPlanned.length} planned port(s) not reachable` : '',
        exposed.length ? `${exposed.length} port(s) exposed that must not be` : '',
      ]
        .filter(Boolean)
        .join('; '),
      advice: 'Each port says its likely cause and what to do: fix it and prove again.',
    };
  else if (planned.some((r) => r.ok === null) || rows.some((r) => r.kind === 'forbidden' && r.ok === null))
    verdict = {
      code: 'unknown',
      title: 'Could not check every port',
      advice: 'The checker did not answer for some ports: try again, or use another checker (you can run your own).',
    };
  else
    verdict = {
      code: 'proven',
      title: 'Proven from outside: every planned port is reachable and nothing else is exposed',
      advice: rows.some((r) => r.cause === 'upnp-mapping')
        ? 'Some ports are open through UPnP mappings rather than your rules: delete the mappings so that only your rules decide.'
        : '',
    };
  return {
    measuredAt: input.measuredAt,
    checker: input.checker.slice(0, 300),
    target: input.target,
    name: input.name,
    testedAddress: tested,
    rows,
    hairpin: input.hairpin,
    verdict,
    findings,
  };
}

/** The hairpin result: does the router loop a connection from inside to its public address back to the NVR? */
export function judgeHairpin(addr: string, rows: HairpinRow[], reachableOutside: readonly number[]): Hairpin {
  const compared = rows.filter((r) => reachableOutside.includes(r.port));
  const phone =
    'On the phone: on mobile data the app reaches the NVR at the public address (or the DDNS name); on your home Wi-Fi the same address';
  if (!rows.length)
    return { address: addr, rows, loopsBack: 'unknown', text: 'No planned TCP port to try from inside.' };
  if (rows.every((r) => r.result === 'reached'))
    return {
      address: addr,
      rows,
      loopsBack: 'yes',
      text: `Your router loops back (NAT loopback, "hairpin"): from inside, ${addr} reaches the NVR too. ${phone} works as well, so one entry in the app is enough.`,
    };
  return {
    address: addr,
    rows,
    loopsBack: compared.length && compared.some((r) => r.result !== 'reached') ? 'no' : 'unknown',
    text: `From inside, ${addr} does not reach the NVR (${rows.map((r) => `${r.port} ${r.result}`).join(', ')}). Many routers do not loop a connection to their own public address back into the LAN (no NAT loopback, "hairpin"), so this can fail while outside works. ${phone} fails: add the NVR a second time in the app with its LAN address for home, or turn on NAT loopback if the router has it, or let your router’s DNS answer the DDNS name with the NVR’s LAN address.`,
  };
}
