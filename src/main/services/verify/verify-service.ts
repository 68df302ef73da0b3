// The Verify step's run: every check that needs no password, measured again through the other steps' own services
// (injected by the feature: the Ports step's catalogue audit, the UPnP audit, the public-address check, the DDNS
// check, the proof from outside) and judged against the saved setup record (shared/domain/verify). Each measurement
// is bounded in time and cancellable; one that fails or runs out of time is "not checked" with the reason, never a
// guess. Nothing is measured for a check with nothing saved to compare with.
import type { DdnsCheck } from '../../../shared/domain/ddns';
import type { DiscoveredDevice } from '../../../shared/domain/device';
import type { OutsideProof } from '../../../shared/domain/outside-proof';
import type { PortReport } from '../../../shared/domain/ports';
import type { PublicAddressCheck } from '../../../shared/domain/public-address';
import type { SetupRecord } from '../../../shared/domain/setup';
import type { UpnpAudit } from '../../../shared/domain/upnp';
import { judgeVerify, type Fresh, type KnockState, type VerifyResult } from '../../../shared/domain/verify';
import { ERROR_MESSAGES, isAppFailure } from '../../../shared/ipc/errors';
import { deadline } from '../../core/deadline';
import { said, saidWords, type SaidWords, type Words } from '../../../shared/i18n/said';
import type { RouterWan } from '../internet/public-address-service';

/** Each measurement's bound (ms). */
export const VERIFY_BOUNDS = { nvr: 90_000, upnp: 30_000, public: 45_000, ddns: 20_000, proof: 90_000 } as const;
export type VerifyBounds = { [K in keyof typeof VERIFY_BOUNDS]: number };

export interface NvrMeasurement {
  reached: boolean;
  mac: string | null;
  report: PortReport | null;
  /** Ports open when saved that the audit does not list open, each knocked on by itself. */
  knocked?: Record<number, KnockState>;
}

export interface VerifyDeps {
  now: () => Date;
  /**
   * The NVR at its saved address: its ports (no login), or reached false when nothing answers there; its MAC; and
   * `savedOpen` (the ports open when saved, and the ports the router rules send to) knocked on where the audit does
   * not list them open.
   */
  measureNvr(device: DiscoveredDevice, savedOpen: readonly number[], signal: AbortSignal): Promise<NvrMeasurement>;
  /** The router's UPnP IGD and NAT-PMP (the default gateway only), attributed to the devices on record. */
  auditUpnp(record: SetupRecord, signal: AbortSignal): Promise<UpnpAudit>;
  /** The public address (STUN, the checker) with the router's WAN address as read now. */
  checkPublic(
    record: SetupRecord,
    checker: string,
    routerWan: RouterWan,
    signal: AbortSignal,
  ): Promise<PublicAddressCheck>;
  /** Where a DDNS name points, against the address it should have. */
  checkDdns(host: string, expected: string | null, signal: AbortSignal): Promise<DdnsCheck>;
  /** The proof from outside of the saved rules plan, on the public address as measured now. */
  prove(
    record: SetupRecord,
    run: { checker: string; publicAddress: string | null; mappings: UpnpAudit['mappings'] | null },
    signal: AbortSignal,
  ): Promise<OutsideProof>;
  bounds?: Partial<VerifyBounds>;
}

export interface VerifyRun {
  record: SetupRecord;
  checker: string;
  signal: AbortSignal;
  /** main's progress lines, said by key (`verify.said.progress.*`). */
  progress?: (done: number, total: number, words: Words) => void;
}

const TOTAL = 5;

/**
 * The words of a failure: a catalogued one's own, else a plain "went wrong" (no exception text leaves main). Said by
 * key where the words have no values of their own (they fill the check's sentence, one level): a failure in the
 * catalogue's words for its code, one main said by a key without values; else its English as it came. The bound's
 * "no answer within" is said by key with its time a number (the locale writes it).
 */
function failureWords(err: unknown, bound: AbortSignal, ms: number): string | SaidWords {
  if (bound.aborted)
    return ms < 1000
      ? saidWords('verify.said.failures.noAnswerMs', { ms })
      : saidWords('verify.said.failures.noAnswerS', { seconds: Math.round(ms / 1000) });
  if (isAppFailure(err)) {
    if (err.said && !err.said.params && !err.parts?.length) return { key: err.said.key };
    return !err.said && err.message === ERROR_MESSAGES[err.code] ? { key: `errors.${err.code}` } : err.message;
  }
  return saidWords('verify.said.failures.unexpected');
}

/**
 * Runs `fn` with `ms` as its bound and the user's cancel: its value, why it failed, or null when cancelled. The race
 * against the bound makes sure a measurement that does not stop at its signal still cannot hold the run.
 */
export async function bounded<T>(
  ms: number,
  signal: AbortSignal,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<Fresh<T>> {
  if (signal.aborted) return null;
  const limit = deadline(ms, signal);
  const bound = limit.signal;
  let onAbort = () => {};
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => reject(new Error('aborted'));
    bound.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const value = await Promise.race([fn(bound), stopped]);
    return signal.aborted ? null : { ok: true, value };
  } catch (err) {
    return signal.aborted ? null : { ok: false, error: failureWords(err, bound, ms) };
  } finally {
    bound.removeEventListener('abort', onAbort);
    limit.clear();
  }
}

/** The router's WAN address from the audit just made (UPnP IGD, else NAT-PMP), as the public-address check takes it. */
export function wanFrom(upnp: Fresh<UpnpAudit>): RouterWan {
  const audit = upnp?.ok ? upnp.value : null;
  if (audit?.igd?.externalAddress)
    return { address: audit.igd.externalAddress, source: 'igd', readAt: audit.measuredAt };
  if (audit?.natPmp.externalAddress)
    return { address: audit.natPmp.externalAddress, source: 'nat-pmp', readAt: audit.measuredAt };
  return { address: null, source: null, readAt: null };
}

/** The ports the NVR answered on when saved, and the ports the saved router rules send to (TCP). */
export function savedOpen(record: SetupRecord): number[] {
  const id = record.nvr?.deviceId;
  if (!id) return [];
  const open = (record.ports[id]?.report?.rows ?? []).filter((r) => r.state === 'open').map((r) => r.port);
  const plan = record.rules.plan;
  const ruled = plan?.deviceId === id ? plan.rules.filter((r) => r.protocol === 'tcp').map((r) => r.internalPort) : [];
  return [...new Set([...open, ...ruled])].slice(0, 256);
}

export function createVerifyService(deps: VerifyDeps) {
  const b: VerifyBounds = { ...VERIFY_BOUNDS, ...deps.bounds };
  return {
    /** One verification: the measurements (LAN first, then the internet side), then the judgement. */
    async run({ record, checker, signal, progress }: VerifyRun): Promise<VerifyResult> {
      const at = deps.now().toISOString();
      let done = 0;
      const step = (words: Words) => progress?.(done, TOTAL, words);
      const finished = <T>(p: Promise<T>) => p.finally(() => (done++, undefined));
      const device = record.nvr?.device ?? null;
      step(said('verify.said.progress.lan'));
      const [nvr, upnp] = await Promise.all([
        finished(
          device ? bounded(b.nvr, signal, (s) => deps.measureNvr(device, savedOpen(record), s)) : Promise.resolve(null),
        ),
        finished(record.upnp.audit ? bounded(b.upnp, signal, (s) => deps.auditUpnp(record, s)) : Promise.resolve(null)),
      ]);
      step(said('verify.said.progress.public'));
      const needPublic =
        !!record.internet.check?.publicAddress || !!record.ddns.hosts.length || !!record.internet.proof;
      const pub = await finished(
        needPublic
          ? bounded(b.public, signal, (s) => deps.checkPublic(record, checker, wanFrom(upnp), s))
          : Promise.resolve(null),
      );
      const publicAddress = (pub?.ok ? pub.value.publicAddress : null) ?? null;
      step(said('verify.said.progress.outside'));
      const host = record.ddns.hosts[0];
      const [ddns, proof] = await Promise.all([
        finished(
          host
            ? bounded(b.ddns, signal, (s) => deps.checkDdns(host.host, publicAddress ?? host.address, s))
            : Promise.resolve(null),
        ),
        finished(
          record.internet.proof
            ? bounded(b.proof, signal, (s) =>
                deps.prove(record, { checker, publicAddress, mappings: upnp?.ok ? upnp.value.mappings : null }, s),
              )
            : Promise.resolve(null),
        ),
      ]);
      step(said('verify.said.progress.comparing'));
      return judgeVerify(record, { at, nvr, upnp, public: pub, ddns, proof });
    },
  };
}

export type VerifyService = ReturnType<typeof createVerifyService>;
