// The proof from outside, one port at a time: reachable / closed / filtered from the checker's answer, whether that
// is as it should be, and the likely cause from what the app already knows (the Internet step's verdict, the Ports
// step's last measurement, the UPnP step's last audit). Exported from outside-proof.ts as well.
//
// An echoip checker answers only `reachable: true|false`. Closed (something answered with a refusal) and filtered (no
// answer until the checker gave up — echoip and the lab's checker wait about 2 s) are told apart by how fast the
// "no" came: well before the checker's own time-out it was a refusal.
import { inSubnet, parseIpv4 } from './ipv4';
import {
  ISP_BLOCKED_PORTS,
  type CheckerAnswer,
  type ProofCause,
  type ProofRow,
  type ProofState,
  type ProofTarget,
} from './outside-proof-shapes';
import type { PortReport } from './ports';
import type { PublicVerdictCode } from './public-address';
import type { UpnpMapping } from './upnp';

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

const STATE_WORDS: Record<ProofState, string> = {
  reachable: 'reachable',
  closed: 'closed',
  filtered: 'filtered',
  'not-testable': 'not testable',
  unknown: 'unknown',
};

/** The row's one word: a port that must not be reachable is exposed or not exposed once known; else its state. */
function verdictWord(kind: ProofTarget['kind'], state: ProofState, ok: boolean | null): string {
  if (kind === 'forbidden' && ok !== null) return ok ? 'not exposed' : 'exposed';
  return STATE_WORDS[state];
}

function evidenceOf(a: CheckerAnswer | undefined): string {
  if (!a) return 'not asked';
  if (!a.ok) return `the checker gave no answer: ${a.error}`.slice(0, 300);
  return `the checker said ${a.reachable ? 'reachable' : 'not reachable'} after ${Math.round(a.ms)} ms`;
}

/** One row: the state, whether it is as it should be, and the likely cause. */
export function judgeRow(t: ProofTarget, input: ProofInput): ProofRow {
  const answer = t.protocol === 'udp' ? undefined : input.answers.get(t.port);
  const evidence = evidenceOf(answer);
  const row = (state: ProofState, ok: boolean | null, why: { cause: ProofCause | null; text: string }): ProofRow => ({
    kind: t.kind,
    protocol: t.protocol,
    port: t.port,
    label: t.label,
    internal: t.internal,
    state,
    ok,
    verdict: verdictWord(t.kind, state, ok),
    ...why,
    evidence,
  });
  if (t.protocol === 'udp')
    return row('not-testable', null, {
      cause: 'udp',
      text: 'UDP: not testable by a TCP checker (nothing answers a UDP probe that proves it arrived). Test it with the player itself from outside.',
    });
  const state = answer ? stateOf(answer, input.checkerTimeoutMs) : 'unknown';
  if (state === 'unknown')
    return row(state, null, {
      cause: 'checker-failed',
      text: 'The checker did not say: try again, or use another checker.',
    });
  const m = mappingFor(input, t.port);
  if (t.kind === 'forbidden') {
    if (state !== 'reachable')
      return row(state, true, { cause: null, text: 'Not reachable from outside, as it should be.' });
    return row(state, false, {
      cause: m ? 'upnp-mapping' : 'extra-rule',
      text: m
        ? `Exposed: a UPnP mapping opens port ${t.port} to ${m.internalClient}:${m.internalPort}${m.device?.name ? ` (${m.device.name})` : ''} (the UPnP step’s last audit). Delete it and turn UPnP off on that device or the router.`
        : `Exposed: port ${t.port} (${t.label}) answers from the internet. A forward rule or DMZ on the router that is not in the plan, or the router’s own remote service, opens it: remove it.`,
    });
  }
  if (state === 'reachable')
    return row(state, true, {
      cause: m ? 'upnp-mapping' : null,
      text: m
        ? `Reachable — through a UPnP mapping, not your rule (the UPnP step’s last audit lists port ${t.port} to ${m.internalClient}:${m.internalPort}). Enter the rule and delete the mapping, so that it stays open the way you chose.`
        : 'Reachable from outside.',
    });
  return row(state, false, plannedCause(t, state, input));
}
