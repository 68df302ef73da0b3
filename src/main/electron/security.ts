// The Electron shell's security decisions, as pure functions: no electron import, no I/O, no clock.
// window.ts, guards.ts, protocol.ts and ipc.ts only wire these to Electron; every decision is unit-tested in
// tests/unit/electron/security.test.ts without Electron. See DESIGN.md §4 (Electron's security checklist).

import path from 'node:path';
import { CONTENT_SECURITY_POLICY, MIME_TYPES, mimeTypeOf, resolveStaticPath, type PathApi } from '../core/static-files';

/** Our one custom scheme; the renderer is served from it instead of file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'nvr-assist';
/** The origin of our own pages. Node's URL gives `null` as the origin of a non-special scheme, so compare parts. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The exact webPreferences of every window we open. A test asserts this object key by key, so adding,
 * removing or loosening one is a deliberate, reviewed change. DevTools exist only under electron-vite dev
 * (`dev`: the window loads the checked loopback dev server, see devServerOrigin); everywhere else they are off.
 */
export function secureWebPreferences(preload: string, options: { dev?: boolean } = {}) {
  return {
    devTools: options.dev === true,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    preload,
  } as const;
}

/**
 * Sent as a header with every app:// response. Vite's build links CSS as files, and Vue sets dynamic styles
 * through the CSSOM (which CSP does not govern), so no 'unsafe-inline' anywhere.
 */
export { CONTENT_SECURITY_POLICY };

/** Headers on every app:// response, including errors. */
export function responseSecurityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

const MAX_URL_LENGTH = 4096;

function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URL_LENGTH) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function isAppUrl(url: URL): boolean {
  // Chromium canonicalises a standard scheme's host to lower case before we see it: compare exactly.
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/**
 * The dev server's origin (electron-vite dev sets ELECTRON_RENDERER_URL), trusted only when the app is not
 * packaged and only for plain http on loopback. Everything else gives null: no extra origin is trusted.
 */
export function devServerOrigin(rendererUrl: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !rendererUrl) return null;
  const url = parseUrl(rendererUrl);
  if (!url || url.protocol !== 'http:' || url.username || url.password) return null;
  if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1' && url.hostname !== '[::1]') return null;
  return url.origin;
}

function isOurs(value: unknown, devOrigin: string | null): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  if (isAppUrl(url)) return true;
  return devOrigin !== null && url.protocol === 'http:' && url.origin === devOrigin && !url.username && !url.password;
}

/** Navigation (will-navigate, will-redirect, will-frame-navigate) is allowed only within our own origin. */
export function isAllowedNavigation(url: unknown, devOrigin: string | null = null): boolean {
  return isOurs(url, devOrigin);
}

export interface SenderInfo {
  /** The URL of the frame that sent the IPC message. */
  url: string;
  /** Whether that frame is the top frame of its page. */
  isMainFrame: boolean;
}

/** An IPC message is served only when it comes from our origin and from the top frame. */
export function isTrustedSender(sender: SenderInfo | null | undefined, devOrigin: string | null = null): boolean {
  if (!sender || sender.isMainFrame !== true) return false;
  return isOurs(sender.url, devOrigin);
}

/**
 * Hosts the app may open in the user's browser: documentation and account pages of the VPN and DDNS services
 * the wizard recommends. Exact host names, https only, default port only.
 */
export const EXTERNAL_HOSTS: readonly string[] = Object.freeze([
  'tailscale.com',
  'www.wireguard.com',
  'zerotier.com',
  'www.duckdns.org',
  'www.noip.com',
  'www.dynu.com',
  'developers.cloudflare.com',
  'github.com',
]);

/**
 * The URL to hand to shell.openExternal, re-serialised from the parse we checked, or null when refused.
 * Refused: anything not https, credentials in the URL, an explicit port, a host not exactly on the list
 * (no subdomains, no trailing dot, no look-alikes; WHATWG parsing already lower-cases and punycodes hosts).
 */
export function externalUrlToOpen(value: unknown): string | null {
  const url = parseUrl(value);
  if (!url) return null;
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.port !== '') return null;
  if (!EXTERNAL_HOSTS.includes(url.hostname)) return null;
  return url.href;
}

export function isAllowedExternal(url: unknown): boolean {
  return externalUrlToOpen(url) !== null;
}

/** What to do when a page asks to open a window: never open one; maybe hand an allowlisted URL to the browser. */
export function windowOpenDecision(url: unknown): { action: 'deny'; openExternal: string | null } {
  return { action: 'deny', openExternal: externalUrlToOpen(url) };
}

/**
 * Whether the renderer's session may make a request: an allowlist. All network work happens in the main process
 * (Node), so the page may reach no network and no file: only our own app:// URLs, data: (images the CSP allows)
 * and blob: URLs our own page made. Everything else is refused — chrome:, devtools:, chrome-extension:,
 * view-source:, javascript:, filesystem:, about:, file:, http(s):, ws(s):, and any scheme we have not thought of.
 * Under electron-vite dev (devOrigin given) the dev server over http, its HMR socket over ws, its blob: URLs and
 * DevTools' own devtools: pages are allowed too.
 */
export function isAllowedRendererRequest(value: unknown, devOrigin: string | null = null): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  switch (url.protocol) {
    case `${APP_SCHEME}:`:
      return isAppUrl(url);
    case 'data:':
      return true;
    case 'blob:': {
      // blob:<origin>/<uuid>: only a blob our own page created.
      return isOurs(url.pathname, devOrigin);
    }
    case 'http:':
    case 'ws:': {
      if (devOrigin === null || url.username || url.password) return false;
      return url.host === new URL(devOrigin).host;
    }
    case 'devtools:':
      return devOrigin !== null;
    default:
      return false;
  }
}

/**
 * Every permission request and check (camera, microphone, geolocation, notifications, clipboard, HID, serial,
 * USB, …) is refused. The app needs none of them.
 */
export function permissionDecision(_permission?: string): false {
  return false;
}

/**
 * Maps an app:// request URL to a file under rendererRoot, or null (serve 404) when the URL is not ours or
 * tries to leave the root (the path rules are resolveStaticPath's, shared with browser mode). `pathApi` is a
 * parameter so the Windows rules are tested on every platform.
 */
export function resolveAppPath(rendererRoot: string, requestUrl: unknown, pathApi: PathApi = path): string | null {
  const url = parseUrl(requestUrl);
  if (!url || !isAppUrl(url) || url.port !== '') return null;
  // Node leaves a non-special scheme's empty path empty; Chromium sends `/`.
  return resolveStaticPath(rendererRoot, url.pathname === '' ? '/' : url.pathname, pathApi);
}

export { MIME_TYPES };

export function mimeTypeFor(filePath: string): string {
  return mimeTypeOf(filePath);
}
