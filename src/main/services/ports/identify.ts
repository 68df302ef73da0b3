// The network side of service identification: runs the probes of protocol/service-identity.ts `probePlan` against each
// open port (bounded bytes and time per exchange, a few ports at once) and hands the recorded exchanges to the
// pure `identifyService`.
import { buildHttpGet, parseHeadReply, replyComplete } from '../../protocol/http-head';
import {
  buildOnvifProbe,
  buildRtspRequest,
  readRtspReply,
  RTSP_DESCRIBE_PATHS,
} from '../../protocol/rtsp-onvif-replies';
import { buildSdkHello, classifySdkReply, classifyTextBanner } from '../../protocol/sdk-text-banners';
import {
  identifyService,
  probePlan,
  type Exchange,
  type ProbeName,
  type ServiceIdentity,
} from '../../protocol/service-identity';
import type { TcpExchange } from '../../transport/tcp';

export interface PortIdentity extends ServiceIdentity {
  port: number;
}

export interface IdentifyOptions {
  exchange: TcpExchange;
  signal: AbortSignal;
  /** Ports identified at once. */
  concurrency?: number;
  /** One exchange, connect included. */
  timeoutMs?: number;
  /** How long a silent port is given to speak first (SSH, FTP, telnet greet the client). */
  bannerWaitMs?: number;
  /** After the first bytes of a reply: stop when the peer is quiet this long. */
  idleMs?: number;
  /** Bytes read per exchange at most. */
  maxBytes?: number;
  /**
   * Ports the device itself names as its ONVIF service (its discovery answer's XAddr, GetServices), with the path
   * there: the ONVIF probe asks that path, and always runs on those ports, whatever answered the first probes.
   */
  onvifPaths?: ReadonlyMap<number, string>;
  now?: () => Date;
}

function request(probe: ProbeName, host: string, port: number, onvifPath?: string): string | Uint8Array | undefined {
  switch (probe) {
    case 'banner':
      return undefined;
    case 'http':
      return buildHttpGet(host, port);
    case 'https':
      return buildHttpGet(host, port, '/', true);
    case 'onvif':
      return buildOnvifProbe(host, port, false, onvifPath);
    case 'rtsp-options':
      return buildRtspRequest('OPTIONS', host, port, 1);
    case 'rtsp-describe':
      return buildRtspRequest('DESCRIBE', host, port, 2);
    case 'sdk-hikvision':
      return buildSdkHello('hikvision');
    case 'sdk-dahua':
      return buildSdkHello('dahua');
    case 'sdk-reolink':
      return buildSdkHello('reolink');
  }
}

/** Whether a reply settles the port, so the rest of the plan can be skipped. */
function decisive(x: Exchange): boolean {
  if (x.outcome !== 'ok' || x.reply.length === 0) return false;
  if (x.probe === 'banner') return classifyTextBanner(x.reply) !== null;
  return parseHeadReply(x.reply) !== null || classifySdkReply(x.reply) !== null;
}

/** The identification of one port of `host`: every probe of its plan, stopping at the first clear answer. */
function identifier(host: string, options: IdentifyOptions): (port: number) => Promise<PortIdentity> {
  const timeoutMs = options.timeoutMs ?? 3000;
  const bannerWaitMs = options.bannerWaitMs ?? 400;
  const idleMs = options.idleMs ?? 250;
  const maxBytes = options.maxBytes ?? 64 * 1024;
  const run = async (probe: ProbeName, port: number, path?: string): Promise<Exchange> => {
    const r = await options.exchange(host, port, {
      send:
        path !== undefined
          ? buildRtspRequest('DESCRIBE', host, port, 3, path)
          : request(probe, host, port, options.onvifPaths?.get(port)),
      tls: probe === 'https',
      timeoutMs: probe === 'banner' ? bannerWaitMs : timeoutMs,
      idleMs,
      maxBytes,
      complete: probe === 'banner' || probe.startsWith('sdk-') ? undefined : replyComplete,
      signal: options.signal,
    });
    return { probe, outcome: r.outcome, reply: r.bytes, certificate: r.certificate };
  };

  /** When DESCRIBE of the root was 404, asks for the usual stream paths until one is not 404. */
  const describePaths = async (port: number, exchanges: Exchange[]) => {
    if (readRtspReply(exchanges.at(-1)?.reply ?? new Uint8Array())?.status !== 404) return;
    for (const path of RTSP_DESCRIBE_PATHS) {
      if (options.signal.aborted) return;
      const y = await run('rtsp-describe', port, path);
      exchanges.push(y);
      if (readRtspReply(y.reply)?.status !== 404) return;
    }
  };

  const identifyOne = async (port: number): Promise<PortIdentity> => {
    const exchanges: Exchange[] = [];
    for (const probe of probePlan(port)) {
      if (options.signal.aborted) break;
      const x = await run(probe, port);
      exchanges.push(x);
      if (probe === 'rtsp-describe') await describePaths(port, exchanges);
      if (x.outcome === 'refused' || x.outcome === 'unreachable' || x.outcome === 'aborted') break;
      if (!decisive(x)) continue;
      // A web server may also be the ONVIF device service; an RTSP server that let OPTIONS through may still
      // want a login for DESCRIBE (the question that matters).
      const head = parseHeadReply(x.reply);
      if (head?.protocol === 'HTTP' && (probe === 'http' || probe === 'https' || probe.startsWith('sdk-'))) {
        if (probe !== 'https') exchanges.push(await run('onvif', port));
      } else if (head?.protocol === 'RTSP' && !probe.startsWith('rtsp-')) {
        // An RTSP server on an unusual port answered the HTTP probe: ask it properly.
        exchanges.push(await run('rtsp-options', port));
        if (!readRtspReply(exchanges.at(-1)!.reply)?.authRequired) {
          exchanges.push(await run('rtsp-describe', port));
          await describePaths(port, exchanges);
        }
      } else if (head?.protocol === 'RTSP' && probe === 'rtsp-options' && !readRtspReply(x.reply)?.authRequired) {
        exchanges.push(await run('rtsp-describe', port));
        await describePaths(port, exchanges);
      }
      break;
    }
    // The device says its ONVIF service is here: ask it, unless that was done or the port is gone.
    const gone = exchanges.some(
      (x) => x.outcome === 'refused' || x.outcome === 'unreachable' || x.outcome === 'aborted',
    );
    if (
      options.onvifPaths?.has(port) &&
      !gone &&
      !exchanges.some((x) => x.probe === 'onvif') &&
      !options.signal.aborted
    )
      exchanges.push(await run('onvif', port));
    return { port, ...identifyService(port, exchanges, { now: (options.now ?? (() => new Date()))(), host }) };
  };

  return identifyOne;
}

/**
 * Identification fed one port at a time (open ports as the scanner finds them): at most `concurrency` ports at
 * once, each port once however often it is added. `finish()` resolves with every port's identity, by port, once
 * the ports added so far are done (add nothing after it).
 */
export interface PortIdentifier {
  add(port: number): void;
  finish(): Promise<PortIdentity[]>;
}

export function createPortIdentifier(host: string, options: IdentifyOptions): PortIdentifier {
  const identifyOne = identifier(host, options);
  const limit = Math.max(1, options.concurrency ?? 8);
  const seen = new Set<number>();
  const queue: number[] = [];
  const results: PortIdentity[] = [];
  let active = 0;
  let idle: (() => void) | null = null;
  const pump = () => {
    while (active < limit && queue.length > 0 && !options.signal.aborted) {
      const port = queue.shift()!;
      active++;
      void identifyOne(port).then(
        (id) => settle(id),
        () => settle(null),
      );
    }
    if (active === 0 && (queue.length === 0 || options.signal.aborted)) idle?.();
  };
  const settle = (id: PortIdentity | null) => {
    active--;
    if (id) results.push(id);
    pump();
  };
  return {
    add(port) {
      if (seen.has(port)) return;
      seen.add(port);
      queue.push(port);
      pump();
    },
    finish() {
      return new Promise<PortIdentity[]>((resolve) => {
        idle = () => resolve([...results].sort((a, b) => a.port - b.port));
        pump();
      });
    },
  };
}

/** Identifies the service on each of `ports` of `host` (open ports from the scanner). */
export async function identifyPorts(
  host: string,
  ports: readonly number[],
  options: IdentifyOptions,
): Promise<PortIdentity[]> {
  const identify = createPortIdentifier(host, options);
  for (const port of ports) identify.add(port);
  return identify.finish();
}
