import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';

/** The Content-Security-Policy for every page we serve, in Electron (app://) and in browser mode alike. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return (dot >= 0 && MIME_TYPES[path.slice(dot).toLowerCase()]) || 'application/octet-stream';
}

/**
 * Maps a URL path to a file inside `root`, or null when it would leave the root. Decodes once, refuses NUL,
 * backslashes, encoded slashes and dot segments that climb out; `/` is index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  if (urlPath.length > 2048) return null;
  const pathOnly = urlPath.split(/[?#]/, 1)[0] ?? '/';
  if (/%2f|%5c|%00/i.test(pathOnly)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathOnly);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null;
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  const wanted = decoded === '/' ? '/index.html' : decoded;
  const absoluteRoot = resolve(root);
  const target = resolve(absoluteRoot, `.${normalize(wanted)}`);
  const rel = relative(absoluteRoot, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}
