import path from 'node:path';

// The one implementation of how the built UI is served, shared by Electron's app:// protocol
// (src/main/electron/protocol.ts) and browser mode (src/main/server.ts).

/** The Content-Security-Policy for every page we serve, in Electron (app://) and in browser mode alike. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Content types of what Vite emits into out/renderer. Anything else is served as opaque bytes. */
export const MIME_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
});

export function mimeTypeOf(filePath: string): string {
  const dot = filePath.lastIndexOf('.');
  const slash = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  if (dot <= slash) return 'application/octet-stream';
  return MIME_TYPES[filePath.slice(dot).toLowerCase()] ?? 'application/octet-stream';
}

export type PathApi = Pick<typeof path.posix, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

const FORBIDDEN_ENCODED = /%(?:2f|5c|00)/i;

/**
 * Maps a URL path (query and fragment ignored) to a file under `root`, or null (serve 404) when it tries to
 * leave the root: traversal, absolute paths, encoded slashes or backslashes, NUL, drive letters, malformed
 * escapes. `/` and `/dir/` are that folder's index.html. `pathApi` is a parameter so the Windows rules are
 * tested on every platform.
 */
export function resolveStaticPath(root: string, urlPath: string, pathApi: PathApi = path): string | null {
  if (urlPath.length > 2048) return null;
  const raw = urlPath.split(/[?#]/, 1)[0] ?? '';
  if (!raw.startsWith('/') || FORBIDDEN_ENCODED.test(raw)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(decoded)) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '.' || s === '..')) return null;
  // Empty segments (`//`) only at the very end.
  const inner = segments.slice(0, -1);
  if (inner.some((s) => s === '')) return null;
  const last = segments[segments.length - 1] ?? '';
  const parts = last === '' ? [...inner, 'index.html'] : segments;

  const absoluteRoot = pathApi.resolve(root);
  const file = pathApi.resolve(absoluteRoot, ...parts);
  const rel = pathApi.relative(absoluteRoot, file);
  if (rel === '' || rel.startsWith('..') || pathApi.isAbsolute(rel)) return null;
  return file;
}
