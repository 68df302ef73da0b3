// BLAKE2s (RFC 7693) with a key and any output length from 1 to 32 bytes: what WireGuard's MAC1 needs (keyed,
// 16 bytes). Node's crypto offers BLAKE2s only unkeyed and 32 bytes long ('blake2s256'), which is used for the rest
// of the handshake; the unit test checks this one against it and against RFC 7693's own vectors.

const IV = new Uint32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
] as const;

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** The compression function F over one 64-byte block (RFC 7693 §3.2). */
function compress(h: Uint32Array, block: Uint8Array, t: number, last: boolean): void {
  const m = new Uint32Array(16);
  for (let i = 0; i < 16; i++)
    m[i] = block[4 * i]! | (block[4 * i + 1]! << 8) | (block[4 * i + 2]! << 16) | (block[4 * i + 3]! << 24);
  const v = new Uint32Array(16);
  v.set(h);
  v.set(IV, 8);
  v[12]! ^= t >>> 0;
  v[13]! ^= Math.floor(t / 0x100000000) >>> 0;
  if (last) v[14] = ~v[14]!;
  const g = (a: number, b: number, c: number, d: number, x: number, y: number) => {
    v[a] = v[a]! + v[b]! + x;
    v[d] = rotr(v[d]! ^ v[a]!, 16);
    v[c] = v[c]! + v[d]!;
    v[b] = rotr(v[b]! ^ v[c]!, 12);
    v[a] = v[a]! + v[b]! + y;
    v[d] = rotr(v[d]! ^ v[a]!, 8);
    v[c] = v[c]! + v[d]!;
    v[b] = rotr(v[b]! ^ v[c]!, 7);
  };
  for (const s of SIGMA) {
    g(0, 4, 8, 12, m[s[0]]!, m[s[1]]!);
    g(1, 5, 9, 13, m[s[2]]!, m[s[3]]!);
    g(2, 6, 10, 14, m[s[4]]!, m[s[5]]!);
    g(3, 7, 11, 15, m[s[6]]!, m[s[7]]!);
    g(0, 5, 10, 15, m[s[8]]!, m[s[9]]!);
    g(1, 6, 11, 12, m[s[10]]!, m[s[11]]!);
    g(2, 7, 8, 13, m[s[12]]!, m[s[13]]!);
    g(3, 4, 9, 14, m[s[14]]!, m[s[15]]!);
  }
  for (let i = 0; i < 8; i++) h[i] = h[i]! ^ v[i]! ^ v[i + 8]!;
}

/** BLAKE2s of `data`, `outLength` bytes long (1–32), keyed with `key` (0–32 bytes; empty: unkeyed). */
export function blake2s(data: Uint8Array, outLength = 32, key: Uint8Array = new Uint8Array(0)): Uint8Array {
  if (!Number.isInteger(outLength) || outLength < 1 || outLength > 32) throw new RangeError('outLength: 1 to 32');
  if (key.length > 32) throw new RangeError('key: at most 32 bytes');
  const h = new Uint32Array(IV);
  h[0] = h[0]! ^ 0x01010000 ^ (key.length << 8) ^ outLength;
  // A key is the first block, padded with zeros (RFC 7693 §3.3).
  const input = new Uint8Array((key.length ? 64 : 0) + data.length);
  input.set(key);
  input.set(data, key.length ? 64 : 0);
  let offset = 0;
  while (input.length - offset > 64) {
    compress(h, input.subarray(offset, offset + 64), offset + 64, false);
    offset += 64;
  }
  const last = new Uint8Array(64);
  last.set(input.subarray(offset));
  compress(h, last, input.length, true);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    out[4 * i] = h[i]! & 0xff;
    out[4 * i + 1] = (h[i]! >>> 8) & 0xff;
    out[4 * i + 2] = (h[i]! >>> 16) & 0xff;
    out[4 * i + 3] = (h[i]! >>> 24) & 0xff;
  }
  return out.slice(0, outLength);
}
