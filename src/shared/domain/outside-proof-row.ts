// The proof from outside, one port at a time: reachable / closed / filtered from the checker's answer, whether that
// is as it should be, and the likely cause from what the app already knows (the Internet step's verdict, the Ports
// step's last measurement, the UPnP step's last audit, the connects made during the proof): a planned port that failed
// is walked through the troubleshooting tree (proof-tree.ts). Exported from outside-proof.ts as well.
//
// An echoip checker answers only `reachable: true|false`. Closed (something answered with a refusal) and filtered (no
// answer until the checker gave up — echoip and the lab's checker wait about 2 s) are told apart by how fast the
// "no" came: well before the checker's own time-out it was a refusal.
import {
  type CheckerAnswer,
  type ProofCause,
  type ProofQuestion,
  type ProofRow,
  type ProofState,
  type ProofTarget,
} from './outside-proof-shapes';
import { mappingFor, walkProofTree, type TreeFacts } from './proof-tree';

/** Reachable / closed / filtered from the checker's answer (closed: a "no" well before its time-out). */
export function stateOf(answer: CheckerAnswer, checkerTimeoutMs = 2000): ProofState {
  if (!answer.ok) return 'unknown';
  if (answer.reachable) return 'reachable';
  return answer.ms < checkerTimeoutMs * 0.75 ? 'closed' : 'filtered';
}

/** One proof's facts: the targets and the checker's answers, and what the tree reads (proof-tree.ts). */
export interface ProofInput extends TreeFacts {
  targets: readonly ProofTarget[];
  answers: ReadonlyMap<number, CheckerAnswer>;
  checkerTimeoutMs?: number;
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
  const row = (
    state: ProofState,
    ok: boolean | null,
    why: { cause: ProofCause | null; text: string; path?: ProofQuestion[] },
  ): ProofRow => ({
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
      path: [
        {
          question: `Does a UPnP mapping open port ${t.port}?`,
          answer: m
            ? `Yes: to ${m.internalClient}:${m.internalPort}.`
            : input.mappings === null
              ? 'Not known: no UPnP audit yet.'
              : 'No.',
          from: 'the UPnP step’s last audit',
        },
      ],
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
  return row(state, false, walkProofTree(t, state, input));
}
