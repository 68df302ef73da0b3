import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, expect, vi } from 'vitest';
import type { Protocol } from 'electron';
import {
  APP_SCHEME_PRIVILEGES,
  handleAppProtocol,
  registerAppScheme,
  serveAppRequest,
} from '../../../src/main/electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/electron/security';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'nvr-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>NVR</title>');
  await writeFile(join(root, 'assets', 'index-1.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'index-1.css'), 'body{}');
  await writeFile(join(base, 'secret.txt'), 'outside the root');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'escape.txt'));
  await mkdir(join(root, 'dir'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serveAppRequest(root, { url, method });

describe('app:// scheme privileges', () => {
  it('is a standard, secure, fetch-capable scheme that does not bypass CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        bypassCSP: false,
        allowServiceWorkers: false,
        stream: false,
      },
    });
  });

  it('is registered and handled through the protocol module', async () => {
    const registerSchemesAsPrivileged = vi.fn();
    let handler: ((request: Request) => Promise<Response>) | undefined;
    const protocol = {
      registerSchemesAsPrivileged,
      handle: (scheme: string, h: typeof handler) => {
        expect(scheme).toBe('app');
        handler = h;
      },
    } as unknown as Protocol;
    registerAppScheme(protocol);
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    handleAppProtocol(protocol, root);
    const response = await handler!(new Request('app://nvr-assist/index.html'));
    expect(response.status).toBe(200);
  });
});

describe('serveAppRequest', () => {
  it.each([
    ['app://nvr-assist/', 'text/html; charset=utf-8', '<!doctype html><title>NVR</title>'],
    ['app://nvr-assist/index.html', 'text/html; charset=utf-8', '<!doctype html><title>NVR</title>'],
    ['app://nvr-assist/assets/index-1.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://nvr-assist/assets/index-1.css', 'text/css; charset=utf-8', 'body{}'],
  ])('serves %s as %s with the CSP', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(body);
  });

  it.each([
    ['app://nvr-assist/missing.js', 'missing file'],
    ['app://nvr-assist/dir', 'a directory'],
    ['app://nvr-assist/assets/escape.txt', 'a symlink out of the root'],
    ['app://nvr-assist/..%2fsecret.txt', 'encoded traversal'],
    ['app://nvr-assist/%2e%2e/secret.txt', 'dot traversal (normalised to the root)'],
    ['app://evil/index.html', 'another host'],
  ])('answers 404 for %s (%s), with the CSP and no path in the body', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const text = await response.text();
    expect(text).toBe('Not found');
    expect(text).not.toContain(base);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://nvr-assist/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('app://nvr-assist/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 when the renderer was never built', async () => {
    const response = await serveAppRequest(join(base, 'nope'), { url: 'app://nvr-assist/', method: 'GET' });
    expect(response.status).toBe(404);
  });
});
