// The free-address proof (issue #11, "Choose a good address"): just before an NVR is given a static address, prove
// that nobody on the LAN uses it — no answer to an ICMP echo (the system's `ping`), no TCP answer on common ports,
// and no complete neighbour-table (ARP) entry after both have sent to it. Every method is bounded in time, the
// whole proof can be cancelled, and a method this computer cannot use is reported as unavailable, never as a
// failure. Traffic goes to the one address asked about, and nowhere else.
import { AppFailure } from '../../../shared/ipc/errors';
import { parseProcArp } from '../../protocol/arp';
import { formatIpv4, parseIpv4 } from '../../protocol/ipv4';
import { nodeSpawnProgram, runBounded, type SpawnProgram } from '../../transport/bounded-program';
import { nodeSystem } from '../../transport/system';
import { createFastTcpConnector, type ConnectOutcome, type TcpConnector } from '../../transport/tcp';

export type ProbeMethod = 'icmp' | 'arp' | 'tcp';
/** `answered`: someone is there; `silent`: the method ran and nobody answered; `unavailable`: it could not run. */
export type ProbeResult = 'answered' | 'silent' | 'unavailable';

export interface ProbeEvidence {
  method: ProbeMethod;
  result: ProbeResult;
  /** What happened, in plain words for the user. */
  detail: string;
}

export interface FreeProof {
  /** True only when no method got an answer and at least one method that sends (ICMP or TCP) ran and heard nothing. */
  free: boolean;
  /** One entry per method, in the order icmp, tcp, arp. */
  evidence: ProbeEvidence[];
  /** The MAC the neighbour table names for the address (lower case, colon-separated), when it names one. */
  mac: string | null;
}

/** Ports knocked on: web, HTTPS, RTSP, SSH, the Hikvision SDK, HTTP alternatives, the Dahua SDK, ONVIF alternatives. */
export const KNOCK_PORTS: readonly number[] = [80, 443, 554, 22, 8000, 8080, 37777, 8899];
/** The whole proof's default bound. */
export const DEFAULT_PROOF_MS = 1500;
/** Time kept back from the bound for reading the neighbour table after the probes. */
const ARP_READ_MS = 100;
const MAX_OUTPUT = 4096;

export type { SpawnedProcess, SpawnProgram } from '../../transport/bounded-program';

/** Timers, so tests can run the bound on a virtual clock. `set` returns the function that cancels the timer. */
export interface ProbeClock {
  set(fn: () => void, ms: number): () => void;
}

export interface AddressProbeDeps {
  spawn: SpawnProgram;
  connector: TcpConnector;
  /** A small text file, or null when it cannot be read (SystemSource.readText). */
  readText: (path: string) => Promise<string | null>;
  clock: ProbeClock;
  platform: NodeJS.Platform;
}

export interface ProveAddressOptions {
  signal?: AbortSignal;
  /** The whole proof's bound in ms (default 1500): ICMP and TCP run at once within it, then the table is read. */
  timeoutMs?: number;
  /** TCP ports to knock on (default KNOCK_PORTS). */
  ports?: readonly number[];
  deps?: Partial<AddressProbeDeps>;
}

const realClock: ProbeClock = {
  set(fn, ms) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

function defaults(partial: Partial<AddressProbeDeps> = {}): AddressProbeDeps {
  return {
    spawn: partial.spawn ?? nodeSpawnProgram,
    connector: partial.connector ?? createFastTcpConnector(),
    readText: partial.readText ?? ((path) => nodeSystem.readText(path)),
    clock: partial.clock ?? realClock,
    platform: partial.platform ?? process.platform,
  };
}

/** ping's arguments: one echo request, numeric output, waiting at most `waitMs` for the reply. */
export function pingArguments(platform: NodeJS.Platform, address: string, waitMs: number): string[] {
  const seconds = Math.max(1, Math.floor(waitMs / 1000));
  if (platform === 'win32') return ['-n', '1', '-w', String(Math.max(1, Math.floor(waitMs))), address];
  // macOS and the BSDs take -W in milliseconds; Linux (iputils, busybox) in seconds.
  if (platform === 'darwin' || platform === 'freebsd' || platform === 'openbsd')
    return ['-n', '-c', '1', '-W', String(Math.max(1, Math.floor(waitMs))), address];
  return ['-n', '-c', '1', '-W', String(seconds), address];
}

/** The first line of a program's error output, printable ASCII only, at most 120 characters. */
function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.replace(/[^\x20-\x7e]/g, '').trim())
      .find(Boolean)
      ?.slice(0, 120) ?? ''
  );
}

/** Runs one bounded `ping`. Settles at the bound at the latest (the process is killed); never rejects. */
function icmpEcho(
  deps: AddressProbeDeps,
  address: string,
  boundMs: number,
  signal: AbortSignal,
): Promise<ProbeEvidence> {
  const args = pingArguments(deps.platform, address, boundMs);
  const setTimer = (fn: () => void, ms: number) => deps.clock.set(fn, ms);
  return runBounded(deps.spawn, 'ping', args, { boundMs, signal, maxOutput: MAX_OUTPUT, setTimer }).then((run) => {
    const evidence = (result: ProbeResult, detail: string): ProbeEvidence => ({ method: 'icmp', result, detail });
    if (run.kind === 'cancelled') return evidence('silent', 'Cancelled before ping answered.');
    if (run.kind === 'not-started') return evidence('unavailable', spawnFailure(run.error));
    if (run.kind === 'bound')
      return evidence('silent', `No answer to an ICMP echo request (ping) within ${boundMs} ms.`);
    const { code, out, err } = run;
    const replied = deps.platform === 'win32' ? code === 0 && /TTL=/i.test(out) : code === 0;
    if (replied) return evidence('answered', `${address} answered an ICMP echo request (ping).`);
    if (code === 1 || (deps.platform === 'win32' && code === 0))
      return evidence(
        'silent',
        /unreachable/i.test(out)
          ? `No answer to an ICMP echo request (ping): nobody answered this computer's ARP request for ${address}.`
          : 'No answer to an ICMP echo request (ping).',
      );
    const why = firstLine(err) || firstLine(out);
    if (/not permitted|permission denied|operation not allowed|socket:/i.test(why))
      return evidence(
        'unavailable',
        'This computer does not let ping send ICMP echo requests here (no permission), so that check was skipped.',
      );
    return evidence('unavailable', `ping could not run${why ? ` (${why})` : ''}, so that check was skipped.`);
  });
}

function spawnFailure(e: NodeJS.ErrnoException | undefined): string {
  if (e?.code === 'ENOENT') return 'The ping program is not installed on this computer, so no ICMP echo was sent.';
  if (e?.code === 'EACCES' || e?.code === 'EPERM')
    return 'This computer does not allow running ping, so no ICMP echo was sent.';
  return 'ping could not be started, so no ICMP echo was sent.';
}

type KnockOutcome = ConnectOutcome | 'timeout';

/** Knocks on every port at once through the app's connector; each attempt is cancelled at the bound. */
function tcpKnock(
  deps: AddressProbeDeps,
  address: string,
  ports: readonly number[],
  boundMs: number,
  signal: AbortSignal,
): Promise<ProbeEvidence> {
  return new Promise((resolve) => {
    const outcomes = new Map<number, KnockOutcome>();
    const cancels: Array<() => void> = [];
    let done = false;
    let cancelTimer: () => void = () => {};
    const cancelAll = () => {
      for (const cancel of cancels) {
        try {
          cancel();
        } catch {
          // a connector that cannot cancel has nothing more to say
        }
      }
    };
    const finish = () => {
      if (done) return;
      done = true;
      cancelTimer();
      signal.removeEventListener('abort', onAbort);
      cancelAll();
      for (const port of ports) if (!outcomes.has(port)) outcomes.set(port, 'timeout');
      resolve(describeKnock(address, ports, outcomes, boundMs));
    };
    const onAbort = () => finish();
    if (ports.length === 0) {
      done = true;
      return resolve({ method: 'tcp', result: 'unavailable', detail: 'No TCP port was given to knock on.' });
    }
    cancelTimer = deps.clock.set(finish, boundMs);
    signal.addEventListener('abort', onAbort, { once: true });
    for (const port of ports) {
      if (done) break;
      try {
        cancels.push(
          deps.connector.attempt(address, port, (outcome) => {
            if (done || outcomes.has(port)) return;
            outcomes.set(port, outcome);
            if (outcomes.size === ports.length) finish();
          }),
        );
      } catch {
        outcomes.set(port, 'no-resources');
        if (outcomes.size === ports.length) finish();
      }
    }
  });
}

function describeKnock(
  address: string,
  ports: readonly number[],
  outcomes: Map<number, KnockOutcome>,
  boundMs: number,
): ProbeEvidence {
  const with_ = (...wanted: KnockOutcome[]) => ports.filter((p) => wanted.includes(outcomes.get(p)!));
  const open = with_('open');
  const refused = with_('closed');
  if (open.length || refused.length) {
    const parts = [
      ...(open.length ? [`${open.join(', ')} (connection accepted)`] : []),
      ...(refused.length ? [`${refused.join(', ')} (connection refused counts: a host is there)`] : []),
    ];
    return { method: 'tcp', result: 'answered', detail: `${address} answered on TCP ${parts.join(' and ')}.` };
  }
  const tried = with_('timeout', 'unreachable');
  if (tried.length === 0) {
    const noRoute = with_('no-route').length > 0;
    return {
      method: 'tcp',
      result: 'unavailable',
      detail: noRoute
        ? `This computer has no route to ${address}, so no TCP knock could be sent.`
        : 'This computer ran out of network connections, so no TCP knock could be sent.',
    };
  }
  const unreachable = with_('unreachable').length > 0;
  const skipped = ports.length - tried.length;
  return {
    method: 'tcp',
    result: 'silent',
    detail:
      `No answer on TCP ${tried.join(', ')} within ${boundMs} ms` +
      (unreachable ? ` (nobody answered this computer's ARP request for ${address})` : '') +
      (skipped ? `; ${skipped} port(s) could not be tried` : '') +
      '.',
  };
}

/** Reads the neighbour table once the probes are over; bounded by `boundMs`. */
async function neighbourEntry(
  deps: AddressProbeDeps,
  address: string,
  boundMs: number,
): Promise<{ evidence: ProbeEvidence; mac: string | null }> {
  let cancelTimer: () => void = () => {};
  const timedOut = new Promise<'timeout'>((resolve) => {
    cancelTimer = deps.clock.set(() => resolve('timeout'), boundMs);
  });
  const text = await Promise.race([deps.readText('/proc/net/arp').catch(() => null), timedOut]);
  cancelTimer();
  if (text === null || text === 'timeout')
    return {
      evidence: {
        method: 'arp',
        result: 'unavailable',
        detail: "This computer's neighbour (ARP) table could not be read here, so that check was skipped.",
      },
      mac: null,
    };
  const mac = parseProcArp(text).get(address) ?? null;
  return mac
    ? {
        evidence: {
          method: 'arp',
          result: 'answered',
          detail: `The neighbour (ARP) table names ${mac} for ${address}: a device answered for that address.`,
        },
        mac,
      }
    : {
        evidence: {
          method: 'arp',
          result: 'silent',
          detail: `After the probes, the neighbour (ARP) table has no complete entry for ${address}: nobody claimed it.`,
        },
        mac: null,
      };
}

/**
 * Proves that `address` (dotted IPv4) is free just before it is used: ICMP echo and a TCP knock at once, then the
 * neighbour table. `free` is true only when nobody answered any method and at least one method that sends (ICMP
 * or TCP) ran. Bounded by `timeoutMs` (default 1.5 s) in all; never rejects except with AppFailure('CANCELLED')
 * when `signal` aborts (ping is killed and every connection closed first). A malformed address sends nothing and
 * is not free.
 */
export async function proveAddressFree(address: string, options: ProveAddressOptions = {}): Promise<FreeProof> {
  const signal = options.signal ?? new AbortController().signal;
  if (signal.aborted) throw new AppFailure('CANCELLED');
  const parsed = parseIpv4(address);
  if (parsed === null || formatIpv4(parsed) !== address) {
    const detail = 'That is not an IPv4 address (four numbers 0–255 with dots), so nothing was sent.';
    return {
      free: false,
      evidence: (['icmp', 'tcp', 'arp'] as const).map((method) => ({ method, result: 'unavailable', detail })),
      mac: null,
    };
  }
  const deps = defaults(options.deps);
  const total = Math.max(200, Math.floor(options.timeoutMs ?? DEFAULT_PROOF_MS));
  const probeMs = total - ARP_READ_MS;
  const [icmp, tcp] = await Promise.all([
    icmpEcho(deps, address, probeMs, signal),
    tcpKnock(deps, address, options.ports ?? KNOCK_PORTS, probeMs, signal),
  ]);
  if (signal.aborted) throw new AppFailure('CANCELLED');
  const arp = await neighbourEntry(deps, address, ARP_READ_MS);
  if (signal.aborted) throw new AppFailure('CANCELLED');
  const evidence = [icmp, tcp, arp.evidence];
  const nobody = evidence.every((e) => e.result !== 'answered');
  const sent = icmp.result === 'silent' || tcp.result === 'silent';
  return { free: nobody && sent, evidence, mac: arp.mac };
}
