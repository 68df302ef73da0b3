// The proof from outside: its shapes (a row per port, the hairpin result, the saved proof), the ports it asks about
// and what the checker answers. The rules: outside-proof-row.ts (one port) and outside-proof.ts (the ports to ask,
// the whole proof, the hairpin); every name is also exported from outside-proof.ts.
import { z } from 'zod';

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
  'nvr-silent',
  'upstream-filter',
] as const;
export type ProofCause = (typeof PROOF_CAUSES)[number];

/** What a connect from this computer to a planned rule's inside address:port gave during the proof. */
export type InsideAnswer = 'open' | 'closed' | 'no-answer';

/** One question of the troubleshooting tree (proof-tree.ts), with the app's answer and where it came from. */
export const proofQuestionSchema = z.object({
  question: z.string().max(160),
  answer: z.string().max(300),
  from: z.string().max(80),
});
export type ProofQuestion = z.infer<typeof proofQuestionSchema>;

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
  /** The questions the app asked itself to find the cause, in order (absent in proofs saved before the tree). */
  path: z.array(proofQuestionSchema).max(12).optional(),
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
