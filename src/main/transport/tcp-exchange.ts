// One bounded request/response with a device's port (service identification, banners, TLS certificates):
// at most `maxBytes` read, at most `timeoutMs` spent, the reply's completeness checked without re-reading it.
import net from 'node:net';
import tls from 'node:tls';
import type { CertificateFacts } from '../protocol/banners';

export type PeerCertificateFacts = CertificateFacts;

export interface ExchangeOptions {
  /** Bytes to send once connected (nothing: just listen for a banner). */
  send?: string | Uint8Array;
  /** Wrap the connection in TLS first (certificate checks off: we only read what the device shows). */
  tls?: boolean;
  /** Whole exchange, connect included. */
  timeoutMs: number;
  /** After the first bytes: stop when the peer is quiet this long. */
  idleMs: number;
  /** Stop reading after this many bytes (the rest is dropped). */
  maxBytes: number;
  /** Stop as soon as this says the reply is whole (e.g. a head plus Content-Length bytes). */
  complete?: (bytes: Uint8Array) => boolean;
  signal?: AbortSignal;
}

export interface ExchangeResult {
  /** `ok`: connected and the exchange ran (bytes may be empty: a silent service). */
  outcome: 'ok' | 'refused' | 'unreachable' | 'timeout' | 'tls-failed' | 'aborted';
  bytes: Uint8Array;
  /** The peer closed or reset the connection (rather than us stopping at a limit). */
  peerClosed: boolean;
  certificate: PeerCertificateFacts | null;
  elapsedMs: number;
}

/** One bounded request/response with a port: at most `maxBytes` read, at most `timeoutMs` spent. */
export type TcpExchange = (address: string, port: number, options: ExchangeOptions) => Promise<ExchangeResult>;

function certificateFacts(socket: tls.TLSSocket): PeerCertificateFacts | null {
  const cert = socket.getPeerCertificate(false);
  if (!cert || Object.keys(cert).length === 0) return null;
  const flat = (o: unknown): Record<string, string> => {
    const out: Record<string, string> = {};
    if (o && typeof o === 'object')
      for (const [k, v] of Object.entries(o as Record<string, unknown>))
        out[k.slice(0, 16)] = (Array.isArray(v) ? v.join(', ') : String(v)).slice(0, 256);
    return out;
  };
  const err = socket.authorizationError as unknown;
  return {
    subject: flat(cert.subject),
    issuer: flat(cert.issuer),
    subjectAltName: cert.subjectaltname ? String(cert.subjectaltname).slice(0, 512) : null,
    validFrom: String(cert.valid_from ?? ''),
    validTo: String(cert.valid_to ?? ''),
    fingerprint256: String(cert.fingerprint256 ?? ''),
    trusted: socket.authorized,
    trustError: err ? String(err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message) : err) : null,
    protocol: socket.getProtocol(),
    keyType: cert.modulus ? 'RSA' : cert.asn1Curve || cert.nistCurve ? 'EC' : null,
    keyBits: typeof cert.bits === 'number' ? cert.bits : null,
    // The certificate's own bytes (public, no key): protocol/tls-certificate.ts reads its signature algorithm.
    der: cert.raw ? new Uint8Array(cert.raw) : null,
  };
}

/** How many chunks of a reply are each checked for completeness before the checks space out (see below). */
export const EVERY_CHUNK_CHECKS = 32;

export const nodeTcpExchange: TcpExchange = (address, port, options) =>
  new Promise((resolve) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let certificate: PeerCertificateFacts | null = null;
    let connected = false;
    const socket: net.Socket = options.tls
      ? tls.connect({ host: address, port, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] })
      : net.connect({ host: address, port });
    let idle: NodeJS.Timeout | undefined;
    const finish = (outcome: ExchangeResult['outcome'], peerClosed = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(overall);
      clearTimeout(idle);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve({
        outcome,
        bytes: Buffer.concat(chunks),
        peerClosed,
        certificate,
        elapsedMs: performance.now() - started,
      });
    };
    const onAbort = () => finish('aborted');
    if (options.signal?.aborted) return finish('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const overall = setTimeout(() => finish(connected ? 'ok' : 'timeout'), options.timeoutMs);
    const ready = () => {
      connected = true;
      if (options.tls) certificate = certificateFacts(socket as tls.TLSSocket);
      if (options.send !== undefined && options.send.length > 0) socket.write(options.send);
    };
    socket.once(options.tls ? 'secureConnect' : 'connect', ready);
    // A device may trickle its reply a byte at a time: asking `complete` about the whole reply on every chunk would
    // be quadratic. The first chunks are always checked (real replies come in a few), after that only once the
    // reply has grown by a quarter since the last check, so the checks cost O(reply) in all; a reply that ends
    // between checks ends at the idle timer.
    let received = 0;
    let checkedAt = 0;
    socket.on('data', (chunk: Buffer) => {
      const room = options.maxBytes - size;
      if (room > 0) chunks.push(chunk.subarray(0, room));
      size += Math.min(room, chunk.length);
      if (size >= options.maxBytes) return finish('ok');
      if (options.complete && (++received <= EVERY_CHUNK_CHECKS || size >= checkedAt * 1.25)) {
        checkedAt = size;
        if (chunks.length > 1) chunks.splice(0, chunks.length, Buffer.concat(chunks));
        if (options.complete(chunks[0]!)) return finish('ok');
      }
      clearTimeout(idle);
      idle = setTimeout(() => finish('ok'), options.idleMs);
    });
    socket.once('end', () => finish(connected ? 'ok' : 'unreachable', true));
    socket.once('close', () => finish(connected ? 'ok' : 'unreachable', true));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      if (connected) return finish('ok', true);
      if (err.code === 'ECONNREFUSED') return finish('refused');
      if (options.tls && !err.code?.startsWith('E')) return finish('tls-failed', true);
      if (options.tls && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) return finish('tls-failed', true);
      finish('unreachable');
    });
  });
