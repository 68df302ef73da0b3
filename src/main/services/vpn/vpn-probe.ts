// The VPN check's one packet exchange: a WireGuard handshake initiation made with one of the plan's devices' keys,
// sent to the server over UDP, and the answer read (protocol/wireguard-handshake.ts). Bounded: `attempts` tries of
// `waitMs` each (3 × 1 s by default), one socket, closed at the end; cancellable. Only the plan's server address is
// contacted, and only when the user asks for the check.
import { randomBytes } from 'node:crypto';
import type { HandshakeResult } from '../../../shared/domain/vpn-check';
import { buildInitiation, readAnswer, tai64n } from '../../protocol/wireguard-handshake';
import { nodeUdp, type UdpTransport } from '../../transport/udp';
import { clamp, keyBytes } from './wg-keys';

export interface ProbeRequest {
  address: string;
  port: number;
  /** The server's public key and the device's private key, in WireGuard's base64 form. */
  serverPublicKey: string;
  peerPrivateKey: string;
  signal?: AbortSignal;
  attempts?: number;
  waitMs?: number;
  udp?: UdpTransport;
  now?: () => number;
}

export interface ProbeResult {
  answer: HandshakeResult;
  /** From the last initiation sent to the answer. */
  ms: number | null;
  attempts: number;
}

/** Sends up to `attempts` initiations (a fresh one each time: the server refuses a timestamp it has seen). */
export async function probeWireGuard(req: ProbeRequest): Promise<ProbeResult> {
  const server = keyBytes(req.serverPublicKey);
  const peer = keyBytes(req.peerPrivateKey);
  if (!server || !peer) throw new Error('not WireGuard keys');
  const attempts = Math.max(1, Math.min(req.attempts ?? 3, 10));
  const waitMs = Math.max(50, Math.min(req.waitMs ?? 1000, 5000));
  const now = req.now ?? (() => Date.now());
  const udp = req.udp ?? nodeUdp;
  let pending: ((a: HandshakeResult) => void) | null = null;
  let state: ReturnType<typeof buildInitiation>['state'] | null = null;
  const socket = await udp.open({ bindAddress: '0.0.0.0' }, (d) => {
    if (!state || !pending || d.from.address !== req.address || d.from.port !== req.port) return;
    const a = readAnswer(d.data, state);
    if (a === 'response') pending('handshake');
    else if (a === 'cookie') pending('busy');
    else if (a === 'unreadable') pending('unreadable');
  });
  let sent = 0;
  try {
    for (let i = 0; i < attempts && !req.signal?.aborted; i++) {
      const built = buildInitiation({
        serverPublicKey: server,
        peerPrivateKey: peer,
        ephemeralPrivateKey: clamp(randomBytes(32)),
        senderIndex: randomBytes(4),
        timestamp: tai64n(now(), i),
      });
      state = built.state;
      const at = performance.now();
      const answer = await new Promise<HandshakeResult | null>((resolve) => {
        const done = (a: HandshakeResult | null) => {
          clearTimeout(timer);
          req.signal?.removeEventListener('abort', onAbort);
          pending = null;
          resolve(a);
        };
        const onAbort = () => done(null);
        const timer = setTimeout(() => done(null), waitMs);
        req.signal?.addEventListener('abort', onAbort, { once: true });
        pending = done;
        socket.send(built.packet, req.port, req.address).then(
          () => sent++,
          () => done(null),
        );
      });
      if (answer) return { answer, ms: Math.round(performance.now() - at), attempts: sent };
    }
    return { answer: 'silent', ms: null, attempts: sent };
  } finally {
    socket.close();
  }
}
