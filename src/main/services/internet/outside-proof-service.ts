// The proof from outside, measured: an echoip-compatible checker (mpolden/echoip with `-p`, ifconfig.co, the lab's)
// is asked `GET /port/N` for every port of the proof (shared/domain/outside-proof: the planned rules, then the ports
// that must not be reachable); it connects back to this network's address and answers `{ ip, port, reachable }`.
// Bounded: three questions at a time, each ≤ 5 s and 16 KB, the whole ≤ 60 s, cancellable; only the checker the user
// chose (or the Internet step's) is asked, and only when a proof is started. Then the hairpin check: a TCP connect
// from inside to the public address on each planned outside port (2 s each, at once); and, for the troubleshooting
// tree, a TCP connect to each planned rule's inside address:port (the NVR on the LAN; 2 s each, at once).
import { isIP } from 'node:net';
import { said, type Words } from '../../../shared/i18n/said';
import {
  judgeHairpin,
  judgeOutsideProof,
  proofTargets,
  type CheckerAnswer,
  type Hairpin,
  type HairpinRow,
  type InsideAnswer,
  type OutsideProof,
} from '../../../shared/domain/outside-proof';
import { insideKey } from '../../../shared/domain/proof-tree';
import type { ForwardPlan } from '../../../shared/domain/forward-plan';
import type { PortReport } from '../../../shared/domain/ports';
import type { PublicVerdictCode } from '../../../shared/domain/public-address';
import type { UpnpMapping } from '../../../shared/domain/upnp';
import { ECHOIP_MAX_BYTES, parseCheckerUrl, readAddressText } from '../../protocol/echoip';
import type { HostLookup } from '../../transport/dns';
import type { TcpProbe } from '../../transport/tcp';
import type { BoundedGet } from './public-address-service';
import { deadline } from '../../core/deadline';

/** `GET /port/N`'s answer: `{ ip, port, reachable }`, bounded and checked (the port must be the one asked). */
export function readEchoipPort(
  body: Uint8Array,
  asked: number,
): { ok: true; reachable: boolean; ip: string | null } | { ok: false; error: string } {
  if (!(body instanceof Uint8Array) || body.length > ECHOIP_MAX_BYTES)
    return { ok: false, error: `the checker's answer is larger than ${ECHOIP_MAX_BYTES} bytes` };
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: false }).decode(body));
  } catch {
    return { ok: false, error: "the checker's /port answer is not JSON" };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, error: "the checker's /port answer is not an object" };
  const d = data as Record<string, unknown>;
  if (typeof d.reachable !== 'boolean')
    return { ok: false, error: "the checker's /port answer has no reachable field" };
  if (d.port !== asked) return { ok: false, error: `the checker answered about another port than ${asked}` };
  const ip = typeof d.ip === 'string' ? (readAddressText(d.ip)?.address ?? null) : null;
  return { ok: true, reachable: d.reachable, ip };
}

export interface OutsideProofDeps {
  get: BoundedGet;
  tcp: TcpProbe;
  lookup: HostLookup;
  now: () => Date;
  /** A monotonic clock in ms (default performance.now), to time the checker's "no". */
  clock?: () => number;
  /** Bounds (defaults: 3 at a time, 5 s per port, 60 s in all, hairpin 2 s). */
  concurrency?: number;
  perPortMs?: number;
  totalMs?: number;
  hairpinMs?: number;
}

export interface OutsideProofRun {
  checker: string;
  /** A DDNS name to prove instead of the public address (resolved here). */
  name: string | null;
  /** The Internet step's last public address. */
  publicAddress: string | null;
  internetVerdict: PublicVerdictCode | null;
  plan: ForwardPlan | null;
  report: PortReport | null;
  /** The NVR's maker (the found device's brand): its default ports are asked about when `report` is null. */
  brand?: string | null;
  mappings: readonly UpnpMapping[] | null;
  signal: AbortSignal;
  progress?: (done: number, total: number, words: Words) => void;
}

export function createOutsideProofService(deps: OutsideProofDeps) {
  const clock = deps.clock ?? (() => performance.now());
  const perPortMs = deps.perPortMs ?? 5000;
  const totalMs = deps.totalMs ?? 60_000;
  const concurrency = Math.max(1, Math.min(deps.concurrency ?? 3, 8));

  async function ask(base: URL, port: number, signal: AbortSignal, user: AbortSignal): Promise<CheckerAnswer> {
    const outOfTime = () => ({
      ok: false as const,
      error: user.aborted ? 'cancelled' : `not asked: the proof’s ${Math.round(totalMs / 1000)} s ran out`,
    });
    if (signal.aborted) return outOfTime();
    const started = clock();
    const r = await deps.get(new URL(`port/${port}`, base), {
      timeoutMs: perPortMs,
      maxBytes: ECHOIP_MAX_BYTES,
      signal,
    });
    const ms = clock() - started;
    if (!r.ok) return signal.aborted ? outOfTime() : { ok: false, error: r.error };
    if (r.status !== 200) return { ok: false, error: `/port/${port} answered HTTP ${r.status}` };
    const a = readEchoipPort(r.body, port);
    return a.ok ? { ok: true, reachable: a.reachable, ip: a.ip, ms } : a;
  }

  return {
    /** One proof. Throws only for an unusable checker address; everything else is a row or a finding. */
    async prove(run: OutsideProofRun): Promise<OutsideProof> {
      const measuredAt = deps.now().toISOString();
      const base = parseCheckerUrl(run.checker);
      if (!base) throw new Error('The checker is not an http(s) address without a query.');
      const findings: string[] = [];
      let target = run.publicAddress;
      if (run.name) {
        const resolved = await deps.lookup(run.name, 3000).catch(() => null);
        if (resolved) target = resolved;
        else findings.push(`${run.name} does not resolve to an address: the proof tests the public address instead.`);
      }
      const host = base.hostname.replace(/^\[|\]$/g, '');
      const checkerAddress = isIP(host) ? host : await deps.lookup(host, 3000).catch(() => null);

      const targets = proofTargets(run.plan, run.report, run.brand ?? null);
      const asked = targets.filter((t) => t.protocol === 'tcp').map((t) => t.port);
      const unique = [...new Set(asked)];
      const answers = new Map<number, CheckerAnswer>();
      const limit = deadline(totalMs, run.signal);
      const bounded = limit.signal;
      let next = 0;
      let done = 0;
      const worker = async () => {
        while (next < unique.length) {
          const port = unique[next++]!;
          answers.set(port, await ask(base, port, bounded, run.signal));
          done++;
          const a = answers.get(port)!;
          // A checker's own error stays as it came (evidence, in the checker's words).
          const p = String(port);
          run.progress?.(
            done,
            unique.length,
            a.ok
              ? said(a.reachable ? 'internet.progress.portReachable' : 'internet.progress.portNotReachable', {
                  port: p,
                })
              : said('internet.progress.portError', { port: p, error: a.error }),
          );
        }
      };
      run.progress?.(
        0,
        unique.length,
        said('internet.progress.askingChecker', { checker: base.href, ports: String(unique.length) }),
      );
      try {
        await Promise.all(Array.from({ length: Math.min(concurrency, unique.length) }, worker));
      } finally {
        limit.clear();
      }

      // The NVR from inside, where each planned rule sends its port: the tree's "does the NVR answer there now?".
      const insideTargets = new Map<string, { address: string; port: number }>();
      for (const t of targets)
        if (t.kind === 'planned' && t.protocol === 'tcp' && t.internal && isIP(t.internal.address) === 4)
          insideTargets.set(insideKey(t.internal.address, t.internal.port), t.internal);
      const inside = new Map<string, InsideAnswer>();
      const insideDone = run.signal.aborted
        ? Promise.resolve()
        : Promise.all(
            [...insideTargets].map(async ([key, to]) => {
              const r = await deps.tcp(to.address, to.port, deps.hairpinMs ?? 2000, run.signal);
              inside.set(key, r === 'open' ? 'open' : r === 'closed' ? 'closed' : 'no-answer');
            }),
          );

      let hairpin: Hairpin | null = null;
      let tested: string | null = null;
      for (const a of answers.values()) if (a.ok && a.ip && !tested) tested = a.ip;
      const hairpinAddress = target ?? tested;
      const plannedTcp = [
        ...new Set(targets.filter((t) => t.kind === 'planned' && t.protocol === 'tcp').map((t) => t.port)),
      ];
      if (hairpinAddress && isIP(hairpinAddress) === 4 && plannedTcp.length && !run.signal.aborted) {
        run.progress?.(done, unique.length, said('internet.progress.hairpin', { address: hairpinAddress }));
        const rows: HairpinRow[] = await Promise.all(
          plannedTcp.map(async (port) => {
            const r = await deps.tcp(hairpinAddress, port, deps.hairpinMs ?? 2000, run.signal);
            return { port, result: r === 'open' ? 'reached' : r === 'closed' ? 'refused' : 'no-answer' } as const;
          }),
        );
        const reachable = plannedTcp.filter((p) => {
          const a = answers.get(p);
          return a?.ok && a.reachable;
        });
        hairpin = judgeHairpin(hairpinAddress, rows, reachable);
      }
      await insideDone;
      const proof = judgeOutsideProof({
        measuredAt,
        checker: base.href,
        target,
        name: run.name,
        targets,
        answers,
        internetVerdict: run.internetVerdict,
        report: run.report,
        mappings: run.mappings,
        checkerAddress,
        hairpin,
        inside,
      });
      return { ...proof, findings: [...findings, ...proof.findings].slice(0, 8) };
    },
  };
}

export type OutsideProofService = ReturnType<typeof createOutsideProofService>;
