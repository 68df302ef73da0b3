// RTSP and ONVIF, asked without credentials: the OPTIONS/DESCRIBE requests and the stream paths tried, the
// unauthenticated ONVIF GetSystemDateAndTime (which ONVIF Core says a device answers before any login), and what
// their replies tell; the service addresses of a GetServices answer. Pure.
import { hostHeader, parseHeadReply } from './http-head';
import { buildDeviceRequest, readSoapReply, readSystemDateAndTime, soapAction } from './onvif-soap';
import { children, textOf, type XmlElement } from './xml';

/** Where ONVIF Core puts the device service; a device's own discovery answer (XAddr) may name another path. */
export const ONVIF_DEVICE_PATH = '/onvif/device_service';

/** A path from a device's XAddr that is safe on a request line (printable, no spaces); else the standard one. */
export function onvifRequestPath(path: string | null | undefined): string {
  return typeof path === 'string' && /^\/[\x21-\x7e]{0,255}$/.test(path) ? path : ONVIF_DEVICE_PATH;
}

/** ONVIF GetSystemDateAndTime, unauthenticated (ONVIF Core: must be answered before login), POSTed to `path`. */
export function buildOnvifProbe(host: string, port: number, tls = false, path: string = ONVIF_DEVICE_PATH): string {
  const body = buildDeviceRequest('GetSystemDateAndTime');
  return (
    `POST ${onvifRequestPath(path)} HTTP/1.1\r\nHost: ${hostHeader(host, port, tls ? 443 : 80)}\r\n` +
    `User-Agent: nvr-assist\r\nContent-Type: application/soap+xml; charset=utf-8; action="${soapAction('GetSystemDateAndTime')}"\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

/**
 * Stream paths tried by DESCRIBE when the root answers 404 (some servers check the path before the login):
 * Hikvision, Dahua/Amcrest, Reolink, generic. Only asked without credentials, to learn whether a login is needed.
 */
export const RTSP_DESCRIBE_PATHS = [
  '/Streaming/Channels/101',
  '/cam/realmonitor?channel=1&subtype=0',
  '/h264Preview_01_main',
  '/stream1',
] as const;

/** RTSP OPTIONS or DESCRIBE (no credentials), of the server root unless a path is given. */
export function buildRtspRequest(
  method: 'OPTIONS' | 'DESCRIBE',
  host: string,
  port: number,
  cseq: number,
  path = '/',
): string {
  const url = `rtsp://${hostHeader(host, port, 554)}${path.startsWith('/') ? path : `/${path}`}`;
  return (
    `${method} ${url} RTSP/1.0\r\nCSeq: ${cseq}\r\nUser-Agent: nvr-assist\r\n` +
    (method === 'DESCRIBE' ? 'Accept: application/sdp\r\n' : '') +
    '\r\n'
  );
}

/** RTSP facts from an OPTIONS or DESCRIBE reply. */
export function readRtspReply(bytes: Uint8Array): {
  status: number;
  server: string | null;
  authRequired: boolean;
  authScheme: string | null;
  sdp: boolean;
  methods: string[];
} | null {
  const r = parseHeadReply(bytes);
  if (!r || r.protocol !== 'RTSP') return null;
  const auth = r.headers['www-authenticate'] ?? null;
  return {
    status: r.status,
    server: r.headers['server'] ?? null,
    authRequired: r.status === 401,
    authScheme: auth ? (auth.split(/\s/, 1)[0] ?? null) : null,
    sdp: r.status === 200 && (/application\/sdp/i.test(r.headers['content-type'] ?? '') || /^v=0/m.test(r.body)),
    methods: (r.headers['public'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 20),
  };
}

/** Whether an HTTP reply is an ONVIF device service answering GetSystemDateAndTime (or a SOAP fault). */
export function readOnvifReply(bytes: Uint8Array): { onvif: boolean; deviceTime: Date | null; fault: string | null } {
  const r = parseHeadReply(bytes);
  if (!r || r.protocol !== 'HTTP') return { onvif: false, deviceTime: null, fault: null };
  const reply = readSoapReply(r.body);
  if (reply.kind === 'body')
    return reply.body.name === 'GetSystemDateAndTimeResponse'
      ? { onvif: true, deviceTime: readSystemDateAndTime(reply.body), fault: null }
      : { onvif: false, deviceTime: null, fault: null };
  if (reply.kind === 'fault') return { onvif: true, deviceTime: null, fault: reply.subcodes[0] ?? reply.code };
  return { onvif: false, deviceTime: null, fault: null };
}

/**
 * The service addresses (XAddr) a GetServicesResponse lists: every one is an ONVIF endpoint of the device (device,
 * media, events…). At most 32, each at most 300 characters; the caller decides which it believes.
 */
export function readServiceAddresses(body: XmlElement): string[] {
  if (body.name !== 'GetServicesResponse') return [];
  const out: string[] = [];
  for (const service of children(body, 'Service').slice(0, 64)) {
    const xaddr = textOf(children(service, 'XAddr')[0]);
    if (xaddr && xaddr.length <= 300 && !out.includes(xaddr)) out.push(xaddr);
    if (out.length >= 32) break;
  }
  return out;
}
