// The app:// protocol: serves the built renderer (out/renderer) instead of file://, with the CSP header on
// every response. Only types come from electron here; index.ts passes Electron's `protocol` in.

import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_SCHEME, mimeTypeFor, resolveAppPath, responseSecurityHeaders } from './security';

/**
 * app:// is standard (real origin, relative URLs resolve), secure (like https: no mixed-content downgrade),
 * fetch-capable and CORS-enabled (Vite's module scripts carry `crossorigin`). It does not bypass CSP and
 * allows no service workers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
  },
};

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Must run after ready, before the window loads. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererRoot, request));
}

/** Files bigger than this are not ours (the renderer bundle is a few hundred KB). */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

function reply(status: number, body: string | Uint8Array | null, contentType: string): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': contentType, 'Cache-Control': 'no-cache', ...responseSecurityHeaders() },
  });
}

const notFound = () => reply(404, 'Not found', 'text/plain; charset=utf-8');

/**
 * Answers one app:// request from files under rendererRoot: GET and HEAD only; 404 for anything that
 * resolveAppPath refuses, anything missing, a directory, or a symlink that leads out of the root. Never
 * reveals a path or an error text. Runs without Electron (Node's Request/Response), so it is unit-tested.
 */
export async function serveAppRequest(
  rendererRoot: string,
  request: Pick<Request, 'url' | 'method'>,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return reply(405, 'Method not allowed', 'text/plain; charset=utf-8');
  const file = resolveAppPath(rendererRoot, request.url);
  if (!file) return notFound();
  try {
    const [root, real] = await Promise.all([realpath(rendererRoot), realpath(file)]);
    const rel = path.relative(root, real);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return notFound();
    const info = await stat(real);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return notFound();
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(real));
    return reply(200, body, mimeTypeFor(real));
  } catch {
    return notFound();
  }
}
