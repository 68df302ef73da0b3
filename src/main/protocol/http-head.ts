// HTTP and RTSP reply heads, for service identification: the plain GET every web server answers, the head
// parser (status line, bounded headers, body as latin1 text) and the completeness check the bounded exchange uses.
// Pure: bytes in, facts out; nothing here throws on hostile input.

export const hostHeader = (host: string, port: number, defaultPort: number) =>
  port === defaultPort ? host : `${host}:${port}`;

/** A plain GET that any web server answers; `Connection: close` so the reply ends with the connection. */
export function buildHttpGet(host: string, port: number, path = '/', tls = false): string {
  return (
    `GET ${path} HTTP/1.1\r\nHost: ${hostHeader(host, port, tls ? 443 : 80)}\r\nUser-Agent: nvr-assist\r\n` +
    `Accept: text/html,*/*\r\nConnection: close\r\n\r\n`
  );
}

export interface HeadReply {
  protocol: 'HTTP' | 'RTSP';
  version: string;
  status: number;
  reason: string;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

/** Real reply heads are under 2 KiB (a camera's is a dozen headers); only the first 16 KiB is read as headers. */
const MAX_HEAD = 16 * 1024;
/**
 * How much of a reply is read at all: the body is only looked at for its `<title>` (first 64 KiB), login form
 * (first 128 KiB) and ONVIF SOAP reply (a few KiB), so 256 KiB covers every use with room to spare.
 */
const MAX_REPLY = 256 * 1024;

/**
 * Reads an HTTP/1.x or RTSP/1.0 reply head (and the body as latin1 text). Null when it is not one. Linear: the
 * status-line regex is anchored, the head end is two `indexOf`s, and only the first MAX_HEAD characters are split
 * into at most 100 headers.
 */
export function parseHeadReply(bytes: Uint8Array): HeadReply | null {
  const text = Buffer.from(bytes.subarray(0, MAX_REPLY)).toString('latin1');
  const m = /^(HTTP|RTSP)\/(\d\.\d) (\d{3})(?: ([^\r\n]*))?\r?\n/.exec(text);
  if (!m) return null;
  let end = text.indexOf('\r\n\r\n');
  let sep = 4;
  if (end < 0) {
    end = text.indexOf('\n\n');
    sep = 2;
  }
  const headEnd = end < 0 ? Math.min(text.length, MAX_HEAD) : Math.min(end, MAX_HEAD);
  const headers: Record<string, string> = {};
  let count = 0;
  for (const line of text.slice(m[0].length, headEnd).split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    if (++count > 100) break;
    const name = line.slice(0, i).trim().toLowerCase().slice(0, 64);
    const value = line
      .slice(i + 1)
      .trim()
      .slice(0, 1024);
    headers[name] = headers[name] !== undefined ? `${headers[name]}, ${value}` : value;
  }
  return {
    protocol: m[1] as 'HTTP' | 'RTSP',
    version: m[2]!,
    status: Number(m[3]),
    reason: (m[4] ?? '').slice(0, 200),
    headers,
    body: end < 0 ? '' : text.slice(end + sep),
  };
}

/**
 * Whether an HTTP/RTSP reply has fully arrived: the head, and as many body bytes as Content-Length says (an RTSP
 * reply without Content-Length has no body). False while unsure: the caller then waits for close or idle.
 */
export function replyComplete(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.subarray(0, MAX_REPLY)).toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0 || !/^(HTTP|RTSP)\/\d\.\d \d{3}/.test(text)) return false;
  const head = text.slice(0, end);
  const length = /\r\ncontent-length:\s*(\d{1,9})/i.exec(head);
  if (length) return bytes.length - (end + 4) >= Number(length[1]);
  return text.startsWith('RTSP/') || /^HTTP\/\d\.\d (1\d\d|204|304)/.test(text);
}
