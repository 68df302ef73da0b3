// WireGuard's first handshake message, and the reading of the server's answer (the WireGuard paper, §5.4;
// Noise_IKpsk2_25519_ChaChaPoly_BLAKE2s): what the VPN step's check sends to the server a plan describes, as one of
// the plan's devices, to learn whether that server runs with the plan's keys. A WireGuard server answers nothing to
// a handshake it cannot read (another server key, an unknown device, a bad MAC1), so an answer that decrypts with
// the device's keys proves both: the server holds the plan's private key and knows the device. Pure: keys, time and
// the random parts come in; bytes go out. X25519, ChaCha20-Poly1305, BLAKE2s and HMAC-BLAKE2s are Node's; keyed
// BLAKE2s (MAC1) is ours (blake2s.ts).
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
} from 'node:crypto';
import { blake2s } from './blake2s';

const CONSTRUCTION = 'Noise_IKpsk2_25519_ChaChaPoly_BLAKE2s';
const IDENTIFIER = 'WireGuard v1 zx2c4 Jason@zx2c4.com';
const LABEL_MAC1 = 'mac1----';
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');

export const INITIATION_LENGTH = 148;
export const RESPONSE_LENGTH = 92;
export const COOKIE_REPLY_LENGTH = 64;

const hash = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('blake2s256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const hmac = (key: Uint8Array, ...parts: Uint8Array[]): Buffer => {
  const h = createHmac('blake2s256', key);
  for (const p of parts) h.update(p);
  return h.digest();
};
/** HKDF as WireGuard uses it: n outputs of 32 bytes from the chaining key and an input. */
function kdf(key: Uint8Array, input: Uint8Array, n: 1 | 2 | 3): Buffer[] {
  const t0 = hmac(key, input);
  const out: Buffer[] = [];
  let prev: Buffer = Buffer.alloc(0);
  for (let i = 1; i <= n; i++) {
    prev = hmac(t0, prev, Uint8Array.of(i));
    out.push(prev);
  }
  return out;
}
const nonce = (counter: number) => {
  const n = Buffer.alloc(12);
  n.writeBigUInt64LE(BigInt(counter), 4);
  return n;
};
function seal(key: Uint8Array, plain: Uint8Array, ad: Uint8Array): Buffer {
  const c = createCipheriv('chacha20-poly1305', key, nonce(0), { authTagLength: 16 });
  c.setAAD(ad, { plaintextLength: plain.length });
  return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
}
/** The plain text of a sealed box, or null when it does not open with this key and these associated data. */
function open(key: Uint8Array, sealed: Uint8Array, ad: Uint8Array): Buffer | null {
  if (sealed.length < 16) return null;
  try {
    const d = createDecipheriv('chacha20-poly1305', key, nonce(0), { authTagLength: 16 });
    d.setAAD(ad, { plaintextLength: sealed.length - 16 });
    d.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([d.update(sealed.subarray(0, sealed.length - 16)), d.final()]);
  } catch {
    return null;
  }
}
function dh(privateKey: Uint8Array, publicKey: Uint8Array): Buffer {
  return diffieHellman({
    privateKey: createPrivateKey({ key: Buffer.concat([PKCS8_X25519, privateKey]), format: 'der', type: 'pkcs8' }),
    publicKey: createPublicKey({ key: Buffer.concat([SPKI_X25519, publicKey]), format: 'der', type: 'spki' }),
  });
}
function publicOf(privateKey: Uint8Array): Buffer {
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_X25519, privateKey]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return spki.subarray(spki.length - 32);
}

/** TAI64N of a moment: 8 bytes of seconds from 1970 plus 2^62 + 10, then 4 bytes of nanoseconds, big-endian. */
export function tai64n(ms: number, extraNs = 0): Buffer {
  const b = Buffer.alloc(12);
  const seconds = Math.floor(ms / 1000);
  b.writeBigUInt64BE(0x400000000000000an + BigInt(seconds), 0);
  b.writeUInt32BE(((ms - seconds * 1000) * 1_000_000 + extraNs) % 1_000_000_000, 8);
  return b;
}

export interface InitiationInput {
  /** The server's public key (32 bytes). */
  serverPublicKey: Uint8Array;
  /** The device's key pair: its private key (32 bytes; the public one is computed). */
  peerPrivateKey: Uint8Array;
  /** A fresh X25519 private key for this handshake only (32 random bytes). */
  ephemeralPrivateKey: Uint8Array;
  /** The 4 bytes that name this handshake (random); the answer carries them back. */
  senderIndex: Uint8Array;
  /** When it is sent (TAI64N: the server refuses a time not later than the last it accepted from this device). */
  timestamp: Uint8Array;
  /** The preshared key, when the plan has one (none: 32 zero bytes, as WireGuard). */
  presharedKey?: Uint8Array;
}

/** What the reading of the answer needs from the initiation (kept in memory only: it holds the ephemeral key). */
export interface InitiationState {
  chainingKey: Buffer;
  hash: Buffer;
  ephemeralPrivateKey: Uint8Array;
  peerPrivateKey: Uint8Array;
  peerPublicKey: Buffer;
  senderIndex: Buffer;
  presharedKey: Uint8Array;
}

/** The handshake initiation (148 bytes) a device sends, and the state that reads the server's answer. */
export function buildInitiation(input: InitiationInput): { packet: Buffer; state: InitiationState } {
  for (const [name, v, n] of [
    ['serverPublicKey', input.serverPublicKey, 32],
    ['peerPrivateKey', input.peerPrivateKey, 32],
    ['ephemeralPrivateKey', input.ephemeralPrivateKey, 32],
    ['senderIndex', input.senderIndex, 4],
    ['timestamp', input.timestamp, 12],
  ] as const)
    if (v.length !== n) throw new RangeError(`${name}: ${n} bytes`);
  const psk = input.presharedKey ?? new Uint8Array(32);
  const peerPublicKey = publicOf(input.peerPrivateKey);
  const ephemeralPublic = publicOf(input.ephemeralPrivateKey);
  let c = hash(Buffer.from(CONSTRUCTION));
  let h = hash(c, Buffer.from(IDENTIFIER));
  h = hash(h, input.serverPublicKey);
  [c] = kdf(c, ephemeralPublic, 1) as [Buffer];
  h = hash(h, ephemeralPublic);
  let k: Buffer;
  [c, k] = kdf(c, dh(input.ephemeralPrivateKey, input.serverPublicKey), 2) as [Buffer, Buffer];
  const encryptedStatic = seal(k, peerPublicKey, h);
  h = hash(h, encryptedStatic);
  [c, k] = kdf(c, dh(input.peerPrivateKey, input.serverPublicKey), 2) as [Buffer, Buffer];
  const encryptedTimestamp = seal(k, input.timestamp, h);
  h = hash(h, encryptedTimestamp);
  const packet = Buffer.alloc(INITIATION_LENGTH);
  packet[0] = 1;
  Buffer.from(input.senderIndex).copy(packet, 4);
  ephemeralPublic.copy(packet, 8);
  encryptedStatic.copy(packet, 40);
  encryptedTimestamp.copy(packet, 88);
  const mac1Key = hash(Buffer.from(LABEL_MAC1), input.serverPublicKey);
  Buffer.from(blake2s(packet.subarray(0, 116), 16, mac1Key)).copy(packet, 116);
  // MAC2 stays zero: no cookie yet (a server under load answers with a cookie reply instead).
  return {
    packet,
    state: {
      chainingKey: c,
      hash: h,
      ephemeralPrivateKey: input.ephemeralPrivateKey,
      peerPrivateKey: input.peerPrivateKey,
      peerPublicKey,
      senderIndex: Buffer.from(input.senderIndex),
      presharedKey: psk,
    },
  };
}

/**
 * What an answer to our initiation is:
 * - `response`: a handshake response to THIS initiation that opens with the device's keys (the server holds the
 *   plan's private key and knows the device);
 * - `cookie`: a cookie reply to this initiation (the server is up and busy; it read our MAC1, so it has the plan's
 *   public key, but it proves nothing about the device);
 * - `unreadable`: addressed to this initiation but does not open (not the plan's server, or tampered with);
 * - `other`: not an answer to this initiation (another message, another handshake, a wrong size).
 */
export type HandshakeAnswer = 'response' | 'cookie' | 'unreadable' | 'other';

export function readAnswer(packet: Uint8Array, state: InitiationState): HandshakeAnswer {
  const p = Buffer.from(packet);
  const reservedZero = p.length >= 4 && p[1] === 0 && p[2] === 0 && p[3] === 0;
  if (!reservedZero) return 'other';
  if (p[0] === 3 && p.length === COOKIE_REPLY_LENGTH)
    return p.subarray(4, 8).equals(state.senderIndex) ? 'cookie' : 'other';
  if (p[0] !== 2 || p.length !== RESPONSE_LENGTH || !p.subarray(8, 12).equals(state.senderIndex)) return 'other';
  const mac1Key = hash(Buffer.from(LABEL_MAC1), state.peerPublicKey);
  if (!Buffer.from(blake2s(p.subarray(0, 60), 16, mac1Key)).equals(p.subarray(60, 76))) return 'unreadable';
  const ephemeral = p.subarray(12, 44);
  let c = state.chainingKey;
  let h = state.hash;
  [c] = kdf(c, ephemeral, 1) as [Buffer];
  h = hash(h, ephemeral);
  try {
    [c] = kdf(c, dh(state.ephemeralPrivateKey, ephemeral), 1) as [Buffer];
    [c] = kdf(c, dh(state.peerPrivateKey, ephemeral), 1) as [Buffer];
  } catch {
    return 'unreadable'; // a low-order point: no shared secret
  }
  const [, tau, k] = kdf(c, state.presharedKey, 3) as [Buffer, Buffer, Buffer];
  h = hash(h, tau);
  return open(k, p.subarray(44, 60), h) ? 'response' : 'unreadable';
}
