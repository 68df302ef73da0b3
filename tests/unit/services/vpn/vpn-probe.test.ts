import { describe, expect, it } from 'vitest';
import { probeWireGuard } from '../../../../src/main/services/vpn/vpn-probe';
import type { Datagram, UdpTransport } from '../../../../src/main/transport/udp';

const SERVER_PUBLIC = 'B6N8vBQgk8i3VdwbEOhstCY3StFqqFPtC9/AsrhtHHw=';
const DEVICE_PRIVATE = 'YGZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg0Q=';

/** A fake UDP socket: records what is sent; `reply` decides what comes back (and from where) for each send. */
function fakeUdp(reply: (packet: Buffer, n: number) => Datagram[]) {
  const sent: Array<{ packet: Buffer; port: number; address: string }> = [];
  let closed = false;
  const udp: UdpTransport = {
    async open(_options, onDatagram) {
      return {
        async send(data, port, address) {
          const packet = Buffer.from(data as Uint8Array);
          sent.push({ packet, port, address });
          for (const d of reply(packet, sent.length)) setTimeout(() => onDatagram(d), 1);
        },
        close() {
          closed = true;
        },
      };
    },
  };
  return { udp, sent, closed: () => closed };
}
const cookieFor = (packet: Buffer) => {
  const c = Buffer.alloc(64);
  c[0] = 3;
  packet.copy(c, 4, 4, 8);
  return c;
};
const base = {
  address: '192.168.57.10',
  port: 51820,
  serverPublicKey: SERVER_PUBLIC,
  peerPrivateKey: DEVICE_PRIVATE,
  waitMs: 50,
};

describe('the handshake probe: bounded, one server only, a fresh initiation each try', () => {
  it('no answer: exactly 3 tries, each a new initiation (new index: a server refuses a replay), socket closed', async () => {
    const f = fakeUdp(() => []);
    const r = await probeWireGuard({ ...base, udp: f.udp });
    expect(r).toEqual({ answer: 'silent', ms: null, attempts: 3 });
    expect(f.sent.map((s) => `${s.address}:${s.port}`)).toEqual(Array(3).fill('192.168.57.10:51820'));
    expect(new Set(f.sent.map((s) => s.packet.subarray(4, 8).toString('hex'))).size).toBe(3);
    expect(f.sent.every((s) => s.packet.length === 148 && s.packet[0] === 1)).toBe(true);
    expect(f.closed()).toBe(true);
  });

  it('an answer from another address or port is ignored; the server’s cookie reply to the last try is “busy”', async () => {
    const f = fakeUdp((packet, n) => [
      { data: cookieFor(packet), from: { address: '192.168.57.99', port: 51820 } },
      { data: cookieFor(packet), from: { address: '192.168.57.10', port: 51821 } },
      ...(n === 2 ? [{ data: cookieFor(packet), from: { address: '192.168.57.10', port: 51820 } }] : []),
    ]);
    const r = await probeWireGuard({ ...base, udp: f.udp });
    expect(r.answer).toBe('busy');
    expect(r.attempts).toBe(2);
  });

  it('an answer to an earlier try (its index) does not count for the current one', async () => {
    let first: Buffer | null = null;
    const f = fakeUdp((packet, n) => {
      if (n === 1) first = packet;
      return n === 2 ? [{ data: cookieFor(first!), from: { address: base.address, port: base.port } }] : [];
    });
    const r = await probeWireGuard({ ...base, udp: f.udp });
    expect(r.answer).toBe('silent');
  });

  it('cancelled: stops at once, before the tries are used up', async () => {
    const controller = new AbortController();
    const f = fakeUdp(() => {
      controller.abort();
      return [];
    });
    const r = await probeWireGuard({ ...base, waitMs: 5000, udp: f.udp, signal: controller.signal });
    expect(r.answer).toBe('silent');
    expect(f.sent).toHaveLength(1);
  });

  it('keys that are not WireGuard keys are refused before anything is sent', async () => {
    const f = fakeUdp(() => []);
    await expect(probeWireGuard({ ...base, serverPublicKey: 'nope', udp: f.udp })).rejects.toThrow();
    expect(f.sent).toHaveLength(0);
  });
});
