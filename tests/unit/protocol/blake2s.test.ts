import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blake2s } from '../../../src/main/protocol/blake2s';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const KEY = Uint8Array.from({ length: 32 }, (_, i) => i);

describe('BLAKE2s (the keyed MAC1 of a WireGuard handshake: a wrong byte and the server ignores the check)', () => {
  it('RFC 7693 Appendix B: BLAKE2s-256("abc")', () => {
    expect(hex(blake2s(Buffer.from('abc')))).toBe('508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982');
  });

  it('the reference keyed vectors (key 00…1f): empty input, one byte, and a full block', () => {
    expect(hex(blake2s(new Uint8Array(0), 32, KEY))).toBe(
      '48a8997da407876b3d79c0d92325ad3b89cbb754d86ab71aee047ad345fd2c49',
    );
    expect(hex(blake2s(Uint8Array.of(0), 32, KEY))).toBe(
      '40d15fee7c328830166ac3f918650f807e7e01e177258cdc0a39b11f598066f1',
    );
  });

  it('unkeyed, 32 bytes: the same as Node’s blake2s256 for every length around the block edges', () => {
    for (const n of [0, 1, 55, 63, 64, 65, 127, 128, 129, 200, 1000]) {
      const data = randomBytes(n);
      expect(hex(blake2s(data)), `${n} bytes`).toBe(createHash('blake2s256').update(data).digest('hex'));
    }
  });

  it('the output length is part of the hash (a 16-byte MAC is not the first half of the 32-byte hash)', () => {
    const m16 = blake2s(Buffer.from('mac'), 16, KEY);
    expect(m16).toHaveLength(16);
    expect(hex(m16)).not.toBe(hex(blake2s(Buffer.from('mac'), 32, KEY)).slice(0, 32));
  });

  it('refuses lengths and keys out of range instead of hashing something else', () => {
    expect(() => blake2s(new Uint8Array(1), 0)).toThrow(RangeError);
    expect(() => blake2s(new Uint8Array(1), 33)).toThrow(RangeError);
    expect(() => blake2s(new Uint8Array(1), 16, new Uint8Array(33))).toThrow(RangeError);
    expect(() => blake2s(new Uint8Array(1), 0)).toThrow('outLength: 1 to 32');
    expect(() => blake2s(new Uint8Array(1), 16, new Uint8Array(33))).toThrow('key: at most 32 bytes');
  });

  it('the shortest output, one byte, is allowed and is not the first byte of a longer hash', () => {
    const one = blake2s(Buffer.from('abc'), 1);
    expect(one).toHaveLength(1);
    expect(hex(one)).not.toBe(hex(blake2s(Buffer.from('abc'), 32)).slice(0, 2));
  });
});
