// WireGuard keys (src/main/services/vpn/wg-keys.ts): X25519 from Node's crypto in WireGuard's base64 form. A key in
// another form, or a public key that is not the private key's, is a tunnel that never comes up. The RFC 7748
// vector is independent of Node; the same check against `wg pubkey` itself runs in tests/integration/vpn-tunnel.test.ts.
import { describe, expect, it } from 'vitest';
import { clamp, generateKeyPair, keyBytes, publicKeyOf } from '../../../../src/main/services/vpn/wg-keys';
import { isWgKey } from '../../../../src/shared/domain/vpn-plan';

const hex = (h: string) => Buffer.from(h, 'hex').toString('base64');

describe('WireGuard keys', () => {
  it('the public key of RFC 7748’s Alice is RFC 7748’s (§6.1): our X25519 is the curve WireGuard uses', () => {
    const alice = hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
    expect(publicKeyOf(alice)).toBe(hex('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a'));
    const bob = hex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
    expect(publicKeyOf(bob)).toBe(hex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f'));
  });

  it('a new pair is 32 bytes each in base64 (44 characters), clamped like wg genkey, the public key derived from the private', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const k = generateKeyPair();
      expect(k.privateKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(isWgKey(k.privateKey) && isWgKey(k.publicKey)).toBe(true);
      const d = keyBytes(k.privateKey)!;
      expect(d[0]! & 7).toBe(0);
      expect(d[31]! & 0xc0).toBe(0x40);
      expect(publicKeyOf(k.privateKey)).toBe(k.publicKey);
      expect(k.publicKey).not.toBe(k.privateKey);
      seen.add(k.privateKey);
    }
    expect(seen.size).toBe(20);
  });

  it('clamping does not change the public key (X25519 clamps the scalar itself)', () => {
    const raw = Buffer.alloc(32, 0xff);
    expect(publicKeyOf(clamp(raw).toString('base64'))).toBe(publicKeyOf(raw.toString('base64')));
    expect([...clamp(raw)].slice(0, 1)).toEqual([248]);
    expect(clamp(raw)[31]).toBe(127);
  });

  it('refuses text that is not a 32-byte base64 key instead of making a wrong key from it', () => {
    expect(keyBytes('abc=')).toBeNull();
    expect(keyBytes(`${'A'.repeat(43)}`)).toBeNull();
    expect(keyBytes(`${'A'.repeat(42)}B=`)).toBeNull(); // non-canonical padding bits
    expect(keyBytes(`${'A'.repeat(43)}=`)).toEqual(Buffer.alloc(32));
    expect(() => publicKeyOf('not a key')).toThrow('not a WireGuard private key');
  });
});
