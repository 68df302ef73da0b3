import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail } from '../shared/ipc/result';
import type { AppCore } from './app';
import { CONTENT_SECURITY_POLICY, mimeTypeOf, resolveStaticPath } from './core/static-files';

/**
 * Browser mode: the same contract as Electron IPC, over HTTP + server-sent events on 127.0.0.1.
 * The printed address carries a one-time token: the first `GET /?token=…` exchanges it for a cookie holding a
 * separate random session secret, and from then on the token is refused. Every other request needs that
 * session secret (the cookie, or an `Authorization: Bearer` header), a Host header naming our loopback address
 * and port (DNS-rebinding), and — when present — an Origin that is ours (CSRF). The decisions are the pure
 * functions below.
 */

export const SESSION_COOKIE = 'nvr_assist_session';
const MAX_BODY = 1024 * 1024;

export interface BrowserServer {
  /** The address to print: the origin with the one-time token. */
  url: string;
  origin: string;
  port: number;
  /** The one-time URL token (good for one exchange only). */
  token: string;
  /**
   * The session secret the token is exchanged for, for the process that started the server (tests, a caller
   * in the same process): the cookie's value, also accepted as `Authorization: Bearer`. Never printed.
   */
  session: string;
  close(): Promise<void>;
}

export interface BrowserServerOptions {
  core: AppCore;
  staticDir: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The Host header must be exactly our loopback address (or localhost) with our port. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** An Origin header, when the browser sends one, must be our own. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/**
 * Exactly `application/json`, optionally with parameters (`application/json; charset=utf-8`); the media type is
 * case-insensitive. Not `application/jsonx`, `application/json-seq`, `text/json` or a missing header.
 */
export function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const semicolon = value.indexOf(';');
  const type = (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  return type === 'application/json';
}

export function tokensEqual(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The session secret a request carries: `Authorization: Bearer …`, else our cookie; null when neither. */
export function sessionFromHeaders(headers: IncomingMessage['headers']): string | null {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const cookie = headers.cookie;
  if (!cookie) return null;
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) return rest.join('=');
  }
  return null;
}

export type GateDecision =
  | { allow: true }
  | { allow: false; status: number; reason: string }
  | { allow: 'set-cookie'; location: string }
  | { allow: 'redirect'; location: string };

/**
 * Everything a request must pass before any handler runs. Pure: headers, URL and the server's keys in,
 * decision out. `token` is the one-time URL token, null once it has been exchanged; `session` is the secret
 * it is exchanged for (null: no session yet, so only the exchange can succeed).
 */
export function gate(
  req: { method?: string; url?: string; headers: IncomingMessage['headers'] },
  port: number,
  token: string | null,
  session: string | null = null,
): GateDecision {
  if (!isAllowedHost(req.headers.host, port)) return { allow: false, status: 421, reason: 'unexpected Host' };
  const origin = req.headers.origin;
  if (!isAllowedOrigin(typeof origin === 'string' ? origin : undefined, port))
    return { allow: false, status: 403, reason: 'foreign Origin' };
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return { allow: false, status: 403, reason: 'cross-site request' };
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  const hasSession = session !== null && tokensEqual(sessionFromHeaders(req.headers), session);
  const queryToken = url.searchParams.get('token');
  if (queryToken !== null) {
    // Only a top-level page load may exchange the URL token for a cookie, and only once.
    if (req.method !== 'GET' || url.pathname !== '/') return { allow: false, status: 403, reason: 'token off /' };
    if (token !== null && tokensEqual(queryToken, token)) return { allow: 'set-cookie', location: '/' };
    // The address opened again in a browser that already has the session: the cookie lets it in, not the token.
    if (hasSession) return { allow: 'redirect', location: '/' };
    return { allow: false, status: 403, reason: token === null ? 'token already used' : 'bad token' };
  }
  if (!hasSession) return { allow: false, status: 401, reason: 'missing session' };
  return { allow: true };
}

/** The page a browser gets for a used (or wrong) address: plain words, no script. */
export const TOKEN_REFUSED_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>This address was already used — NVR Remote-Access Assistant</title></head>
<body>
<h1>This address was already used</h1>
<p>The address <code>npm start</code> printed opens the app once: the browser that opened it first stays signed
in until the app stops. To open the app here, stop <code>npm start</code> (Ctrl-C) and run it again, then open
the new address it prints.</p>
</body>
</html>
`;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, body: string, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    ...extra,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  // The URL token is good for one exchange; then it is forgotten and only the session secret lets anyone in.
  const token = options.token ?? newToken();
  let urlToken: string | null = token;
  const session = newToken();
  const log = options.log ?? (() => {});
  const { core } = options;
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = core.hub.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const server = createServer(async (req, res) => {
    try {
      const decision = gate(req, port, urlToken, session);
      if (decision.allow === false) {
        log(`refused ${req.method} ${(req.url ?? '').split('?')[0]}: ${decision.reason}`);
        // A page load with a used or wrong address gets words a person can act on, not JSON.
        if (decision.reason === 'token already used' || decision.reason === 'bad token')
          return send(res, 403, TOKEN_REFUSED_PAGE, 'text/html; charset=utf-8');
        const message =
          decision.status === 401
            ? 'Open the app with the address printed by `npm start` (it contains a one-time access key).'
            : undefined;
        sendJson(res, decision.status, fail('FORBIDDEN', message));
        return;
      }
      if (decision.allow === 'set-cookie' || decision.allow === 'redirect') {
        if (decision.allow === 'set-cookie') urlToken = null; // one exchange only
        res.writeHead(303, {
          ...SECURITY_HEADERS,
          Location: decision.location,
          ...(decision.allow === 'set-cookie'
            ? { 'Set-Cookie': `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/` }
            : {}),
          'Content-Length': '0',
        });
        res.end();
        return;
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname.startsWith('/api/invoke/')) {
        if (req.method !== 'POST') return sendJson(res, 405, fail('BAD_REQUEST'));
        // A JSON content type cannot be sent by a plain HTML form: one more CSRF barrier.
        if (!isJsonContentType(req.headers['content-type'])) return sendJson(res, 415, fail('BAD_REQUEST'));
        const body = await readBody(req);
        if (body === null) return sendJson(res, 413, fail('BAD_REQUEST'));
        // Clients always send JSON (`{}` for a call without input): an empty body is not read as "no input".
        let input: unknown;
        try {
          input = JSON.parse(body);
        } catch {
          return sendJson(res, 400, fail('BAD_REQUEST'));
        }
        const channel = decodeURIComponent(url.pathname.slice('/api/invoke/'.length));
        const result = await core.dispatch(channel, input, { transport: 'browser' });
        return sendJson(res, 200, result);
      }
      if (url.pathname === '/api/events') {
        if (req.method !== 'GET') return sendJson(res, 405, fail('BAD_REQUEST'));
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        sseClients.add(res);
        const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
        req.on('close', () => {
          clearInterval(heartbeat);
          sseClients.delete(res);
        });
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('BAD_REQUEST'));
      const file = resolveStaticPath(options.staticDir, url.pathname);
      if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      try {
        const data = await readFile(file);
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': mimeTypeOf(file), 'Content-Length': data.length });
        res.end(req.method === 'HEAD' ? undefined : data);
      } catch {
        send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      }
    } catch {
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL'));
      else res.destroy();
    }
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    session,
    close: async () => {
      unsubscribe();
      for (const client of sseClients) client.end();
      sseClients.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
