// RTSP and ONVIF, asked without credentials: the OPTIONS/DESCRIBE requests and the stream paths tried, the
// unauthenticated ONVIF GetSystemDateAndTime (which ONVIF Core says a device answers before any login), and what
// their replies tell. Pure.
import { hostHeader, parseHeadReply } from './http-head';
import { buildDeviceRequest, readSoapReply, readSystemDateAndTime, soapAction } from './onvif-soap';

/** ONVIF GetSystemDateAndTime, unauthenticated (ONVIF Core: must be answered before login). */
export function buildOnvifProbe(host: string, port: number, tls = false): string {
  const body = buildDeviceRequest('GetSystemDateAndTime');
  return (
    `POST /onvif/device_service HTTP/1.1\r\nHost: ${hostHeader(host, port, tls ? 443 : 80)}\r\n` +
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
