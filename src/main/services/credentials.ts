import { readFile, unlink } from 'node:fs/promises';
import { writeAtomically } from './setup-store';

export interface OnvifSecret {
  username: string;
  password: string;
}

/**
 * Encrypts and decrypts with the operating system's keychain (Electron safeStorage). Browser mode and the CLI
 * have none: there, credentials are never written anywhere.
 */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

export interface CredentialStore {
  /** Whether "remember" is possible here (a system keychain is available). */
  canRemember: boolean;
  get(url: string): OnvifSecret | undefined;
  /** Whether this device's login is stored (encrypted) on disk. */
  isRemembered(url: string): boolean;
  /** Keeps a working login in memory; with `remember`, also encrypted on disk. */
  put(url: string, secret: OnvifSecret, remember: boolean): Promise<boolean>;
  /** Forgets one device's login (or all), in memory and on disk. */
  forget(url?: string): Promise<number>;
}

/**
 * Credentials by ONVIF URL. Memory always; disk only through the cipher, as one encrypted file that holds no
 * readable secret. Passwords never reach logs, the setup record, the renderer or the CLI's output.
 */
export async function createCredentialStore(file: string, cipher: SecretCipher | null): Promise<CredentialStore> {
  const memory = new Map<string, OnvifSecret>();
  const remembered = new Set<string>();
  if (cipher) {
    try {
      const data = JSON.parse(cipher.decrypt(Buffer.from(await readFile(file, 'utf8'), 'base64'))) as Record<
        string,
        OnvifSecret
      >;
      for (const [url, s] of Object.entries(data).slice(0, 256)) {
        if (typeof s?.username === 'string' && typeof s.password === 'string') {
          memory.set(url, { username: s.username, password: s.password });
          remembered.add(url);
        }
      }
    } catch {
      // no file yet, or it cannot be decrypted on this account any more: start without remembered logins
    }
  }
  const persist = async () => {
    if (!cipher) return;
    if (remembered.size === 0) {
      await unlink(file).catch(() => undefined);
      return;
    }
    const data = Object.fromEntries([...remembered].map((url) => [url, memory.get(url)]));
    await writeAtomically(file, cipher.encrypt(JSON.stringify(data)).toString('base64'));
  };
  return {
    canRemember: cipher !== null,
    get: (url) => memory.get(url),
    isRemembered: (url) => remembered.has(url),
    async put(url, secret, remember) {
      memory.set(url, { ...secret });
      if (remember && cipher) remembered.add(url);
      else remembered.delete(url);
      await persist();
      return remember && cipher !== null;
    },
    async forget(url) {
      const urls = url ? [url] : [...memory.keys()];
      let n = 0;
      for (const u of urls) {
        if (memory.delete(u)) n++;
        remembered.delete(u);
      }
      await persist();
      return n;
    },
  };
}
