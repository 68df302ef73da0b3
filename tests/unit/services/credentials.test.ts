import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCredentialStore, type SecretCipher } from '../../../src/main/services/credentials';

// A stand-in for the system keychain: reversible, and visibly not plain text.
const cipher: SecretCipher = {
  encrypt: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
  decrypt: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
};
const URL_A = 'http://192.168.50.64/onvif/device_service';

describe('credential store', () => {
  it('without a keychain keeps logins in memory only and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cred-'));
    const store = await createCredentialStore(join(dir, 'credentials.bin'), null);
    expect(store.canRemember).toBe(false);
    expect(await store.put(URL_A, { username: 'admin', password: 'Secret-1' }, true)).toBe(false);
    expect(store.get(URL_A)).toEqual({ username: 'admin', password: 'Secret-1' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('with a keychain remembers encrypted across restarts, and forgets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cred-'));
    const file = join(dir, 'credentials.bin');
    const first = await createCredentialStore(file, cipher);
    expect(await first.put(URL_A, { username: 'admin', password: 'Secret-1' }, true)).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain('Secret-1');
    const second = await createCredentialStore(file, cipher);
    expect(second.get(URL_A)).toEqual({ username: 'admin', password: 'Secret-1' });
    expect(await second.forget(URL_A)).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
    expect((await createCredentialStore(file, cipher)).get(URL_A)).toBeUndefined();
  });

  it('a login not meant to be remembered is not written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cred-'));
    const store = await createCredentialStore(join(dir, 'credentials.bin'), cipher);
    await store.put(URL_A, { username: 'admin', password: 'x' }, false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
