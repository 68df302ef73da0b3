import { describe, expect, it } from 'vitest';
import { buildInitiation, INITIATION_LENGTH, readAnswer, tai64n } from '../../../src/main/protocol/wireguard-handshake';
import { createHash } from 'node:crypto';
import { blake2s } from '../../../src/main/protocol/blake2s';
import { clamp, keyBytes } from '../../../src/main/services/vpn/wg-keys';

// One exchange with a real server, recorded in throwaway namespaces on 2026-12-05: wireguard-go 0.0.20220316 (Debian)
// with the server key below and one peer (the device key below); our initiation from fixed inputs, its answer as
// received. The keys are test keys (bytes 1…32 and 101…132, clamped), made for this record only.
const SERVER_PUBLIC = 'B6N8vBQgk8i3VdwbEOhstCY3StFqqFPtC9/AsrhtHHw=';
const DEVICE_PRIVATE = 'YGZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg0Q=';
const INPUT = {
  serverPublicKey: keyBytes(SERVER_PUBLIC)!,
  peerPrivateKey: keyBytes(DEVICE_PRIVATE)!,
  ephemeralPrivateKey: clamp(Buffer.from(Array.from({ length: 32 }, (_, i) => 201 + i))),
  senderIndex: Buffer.from([1, 2, 3, 4]),
  timestamp: tai64n(Date.UTC(2026, 11, 5, 22, 0, 0)),
};
const SENT =
  '01000000010203044c29f4996985e80d247e80b70303824592ff9fbad74904ea7c3d2bda24e51c12931e52315e51d6901ad8e4073141774c142b484df0cdc1822750bcfa10c135b232c95e48f9caa29b14f3de7d7f16adc3ec9eef9712534b3f0a26dd911008f16612d7dbd84d536f5a4460d754010a87884e33c7e3b55c6a3e2f3f3abd00000000000000000000000000000000';
const ANSWER =
  '020000001b0ed3a9010203045c2462eb3f7fd6e9e0ed256aa8514f6fa93a5e871405d9fb61928f0439ac21081d7c66b1f9cf994ae20bc40618f731f390526047e730674f29c4ed16862c8d9c00000000000000000000000000000000';

const answer = () => Buffer.from(ANSWER, 'hex');

describe('WireGuard handshake initiation: the packet the server must be able to read', () => {
  it('is byte for byte the initiation wireguard-go accepted (148 bytes: type 1, our index, MAC1, no MAC2)', () => {
    const { packet } = buildInitiation(INPUT);
    expect(packet).toHaveLength(INITIATION_LENGTH);
    expect(packet.toString('hex')).toBe(SENT);
  });

  it('a different device key or server key gives another packet (the server would not read it as this device)', () => {
    const other = buildInitiation({ ...INPUT, peerPrivateKey: clamp(Buffer.alloc(32, 7)) }).packet.toString('hex');
    expect(other).not.toBe(SENT);
    expect(other.slice(0, 80)).toBe(SENT.slice(0, 80)); // same type, index and ephemeral key
    const otherServer = buildInitiation({ ...INPUT, serverPublicKey: Buffer.alloc(32, 9) }).packet.toString('hex');
    expect(otherServer.slice(80)).not.toBe(SENT.slice(80));
  });

  it('TAI64N: 2^62 + 10 + seconds since 1970, then the nanoseconds, big-endian', () => {
    const t = tai64n(Date.UTC(2026, 11, 5, 22, 0, 0) + 123, 4);
    expect(t.readBigUInt64BE(0)).toBe(0x400000000000000an + BigInt(Date.UTC(2026, 11, 5, 22, 0, 0) / 1000));
    expect(t.readUInt32BE(8)).toBe(123_000_004);
  });

  it('refuses inputs of the wrong size instead of sending a packet the server drops', () => {
    expect(() => buildInitiation({ ...INPUT, senderIndex: Buffer.alloc(3) })).toThrow(RangeError);
    expect(() => buildInitiation({ ...INPUT, serverPublicKey: Buffer.alloc(31) })).toThrow(RangeError);
    // The message names the input and its size (what the VPN step shows when a plan's key is broken).
    expect(() => buildInitiation({ ...INPUT, serverPublicKey: Buffer.alloc(31) })).toThrow('serverPublicKey: 32 bytes');
    expect(() => buildInitiation({ ...INPUT, timestamp: Buffer.alloc(8) })).toThrow('timestamp: 12 bytes');
  });
});

describe('reading the answer: only the plan’s server, knowing the device, proves the VPN is set up', () => {
  it('the recorded answer opens with the device’s keys: a handshake response', () => {
    const { state } = buildInitiation(INPUT);
    expect(readAnswer(answer(), state)).toBe('response');
  });

  it('any flipped byte of the answer’s keys or sealed part, or of its MAC1, makes it unreadable, not a success', () => {
    const { state } = buildInitiation(INPUT);
    for (const at of [12, 30, 43, 44, 59, 60, 75]) {
      const a = answer();
      a[at]! ^= 0x01;
      expect(readAnswer(a, state), `byte ${at}`).toBe('unreadable');
    }
  });

  it('an answer to another handshake (another index), another type or size, or a bad header is not ours', () => {
    const { state } = buildInitiation(INPUT);
    const otherIndex = answer();
    otherIndex[8]! ^= 0xff;
    expect(readAnswer(otherIndex, state)).toBe('other');
    expect(readAnswer(answer().subarray(0, 91), state)).toBe('other');
    const reserved = answer();
    reserved[2] = 1;
    expect(readAnswer(reserved, state)).toBe('other');
    const type4 = answer();
    type4[0] = 4;
    expect(readAnswer(type4, state)).toBe('other');
    expect(readAnswer(new Uint8Array(0), state)).toBe('other');
  });

  it('the same answer does not open for another initiation of the same device (a replayed answer proves nothing)', () => {
    const { state } = buildInitiation({ ...INPUT, ephemeralPrivateKey: clamp(Buffer.alloc(32, 5)) });
    expect(readAnswer(answer(), state)).toBe('unreadable');
  });

  it('a cookie reply (64 bytes, type 3) to our index: the server is up but busy', () => {
    const { state } = buildInitiation(INPUT);
    const cookie = Buffer.alloc(64);
    cookie[0] = 3;
    Buffer.from([1, 2, 3, 4]).copy(cookie, 4);
    expect(readAnswer(cookie, state)).toBe('cookie');
    cookie[4] = 9;
    expect(readAnswer(cookie, state)).toBe('other');
  });

  it('a reserved header byte that is not zero makes even a well-formed cookie reply not ours', () => {
    const { state } = buildInitiation(INPUT);
    for (const at of [1, 3]) {
      const cookie = Buffer.alloc(64);
      cookie[0] = 3;
      Buffer.from([1, 2, 3, 4]).copy(cookie, 4);
      cookie[at] = 1;
      expect(readAnswer(cookie, state), `byte ${at}`).toBe('other');
    }
  });

  it('a cookie reply is type 3 AND 64 bytes: a type-2 packet of 64 bytes or a type-3 packet of 92 is not a busy server', () => {
    const { state } = buildInitiation(INPUT);
    const short = Buffer.alloc(64);
    short[0] = 2;
    Buffer.from([1, 2, 3, 4]).copy(short, 4);
    expect(readAnswer(short, state)).toBe('other');
    const long = Buffer.alloc(92);
    long[0] = 3;
    Buffer.from([1, 2, 3, 4]).copy(long, 4);
    expect(readAnswer(long, state)).toBe('other');
  });

  it('a response with a valid MAC1 but a low-order ephemeral key (no shared secret) is unreadable, not a crash', () => {
    const { state } = buildInitiation(INPUT);
    const a = Buffer.alloc(92);
    a[0] = 2;
    Buffer.from([9, 9, 9, 9]).copy(a, 4);
    Buffer.from([1, 2, 3, 4]).copy(a, 8); // our index; bytes 12..44, the ephemeral key, all zero
    const mac1Key = createHash('blake2s256').update('mac1----').update(state.peerPublicKey).digest();
    Buffer.from(blake2s(a.subarray(0, 60), 16, mac1Key)).copy(a, 60);
    expect(readAnswer(a, state)).toBe('unreadable');
  });
});
