// WireGuard keys made on this computer: X25519 from Node's crypto, in WireGuard's form (the raw 32 bytes in base64,
// 44 characters) — what `wg genkey` and `wg pubkey` print. The private key is clamped as `wg genkey` clamps it
// (RFC 7748: X25519 clamps anyway, so the public key is the same either way).
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';

export interface WgKeyPair {
  privateKey: string;
  publicKey: string;
}

const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const fromB64url = (s: string) => Buffer.from(s, 'base64url');

/** The private key's 32 bytes clamped as `wg genkey` does. */
export function clamp(raw: Uint8Array): Buffer {
  const b = Buffer.from(raw);
  b[0]! &= 248;
  b[31]! &= 127;
  b[31]! |= 64;
  return b;
}

/** A 32-byte key in WireGuard's base64 form; null when it is not exactly that. */
export function keyBytes(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(text)) return null;
  const b = Buffer.from(text, 'base64');
  return b.length === 32 && b.toString('base64') === text ? b : null;
}

/** The public key of a private key (both in WireGuard's base64 form), as `wg pubkey` computes it. */
export function publicKeyOf(privateKey: string): string {
  const d = keyBytes(privateKey);
  if (!d) throw new Error('not a WireGuard private key');
  // PKCS#8 for an X25519 key is a fixed 16-byte head and the 32 bytes (RFC 8410 §7); Node 20's JWK import wants `x` too.
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_X25519, d]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return spki.subarray(spki.length - 32).toString('base64');
}

/** A new key pair (as `wg genkey | tee priv | wg pubkey`). */
export function generateKeyPair(): WgKeyPair {
  const { privateKey } = generateKeyPairSync('x25519');
  const d = privateKey.export({ format: 'jwk' }).d!;
  const priv = clamp(fromB64url(d)).toString('base64');
  return { privateKey: priv, publicKey: publicKeyOf(priv) };
}
