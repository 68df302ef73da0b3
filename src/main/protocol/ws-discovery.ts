// WS-Discovery (ONVIF flavour, 2005/04) codec: builds Probes, reads ProbeMatches / Hello / Bye.
// Pure: message ids are parameters; hostile input gives an error value, never an exception.
// Sources: shared/reference/PROTOCOLS.md §3.2 (ONVIF Core, agsh/onvif, WCF constants).
import { classifyIpv4, inSubnet, parseIpv4 } from './ipv4';
import { child, children, escapeXml, parseXml, path, resolveQName, textOf, type XmlElement } from './xml';

export const WSD_MULTICAST = { address: '239.255.255.250', port: 3702 } as const;
export const NS = {
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
  wsa: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
  wsa10: 'http://www.w3.org/2005/08/addressing',
  wsd: 'http://schemas.xmlsoap.org/ws/2005/04/discovery',
  wsd11: 'http://docs.oasis-open.org/ws-dd/ns/discovery/2009/01',
  dn: 'http://www.onvif.org/ver10/network/wsdl',
  tds: 'http://www.onvif.org/ver10/device/wsdl',
} as const;

/** The three Types variants we probe with: devices differ in which they answer (PROTOCOLS.md §3.2). */
export type ProbeVariant = 'nvt' | 'device' | 'any';
export const PROBE_VARIANTS: readonly ProbeVariant[] = ['nvt', 'device', 'any'];

export function buildProbe(messageId: string, variant: ProbeVariant): string {
  const types =
    variant === 'nvt'
      ? `<d:Types xmlns:dn="${NS.dn}">dn:NetworkVideoTransmitter</d:Types>`
      : variant === 'device'
        ? `<d:Types xmlns:tds="${NS.tds}">tds:Device</d:Types>`
        : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<s:Envelope xmlns:s="${NS.soap12}" xmlns:a="${NS.wsa}" xmlns:d="${NS.wsd}">` +
    `<s:Header><a:MessageID>${escapeXml(messageId)}</a:MessageID>` +
    `<a:To s:mustUnderstand="1">urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>` +
    `<a:Action s:mustUnderstand="1">${NS.wsd}/Probe</a:Action></s:Header>` +
    `<s:Body><d:Probe>${types}</d:Probe></s:Body></s:Envelope>`
  );
}

export interface WsdMatch {
  /** EndpointReference address (urn:uuid:…), the device's stable identity. */
  endpoint: string;
  /** Types as {namespace}local, e.g. {http://www.onvif.org/ver10/device/wsdl}Device. */
  types: string[];
  scopes: string[];
  xaddrs: string[];
  metadataVersion: number | null;
}

export type WsdMessage =
  | { kind: 'probe-matches'; relatesTo: string | null; matches: WsdMatch[]; dialect: Dialect }
  | { kind: 'hello'; match: WsdMatch; dialect: Dialect }
  | { kind: 'bye'; endpoint: string; dialect: Dialect }
  | { kind: 'probe'; messageId: string | null; dialect: Dialect };

/** Which SOAP and WS-Discovery versions a message used; we accept the others but note them. */
export interface Dialect {
  soap: '1.2' | '1.1';
  wsd: '2005/04' | '2009/01';
}

export type WsdResult = { ok: true; message: WsdMessage } | { ok: false; error: string };

const MAX_DATAGRAM = 64 * 1024;
const MAX_MATCHES = 512;
const MAX_LIST = 64;

export function parseWsdMessage(data: string | Uint8Array): WsdResult {
  const parsed = parseXml(data, { maxBytes: MAX_DATAGRAM, maxDepth: 24, maxNodes: 8000 });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const env = parsed.root;
  if (env.name !== 'Envelope' || (env.ns !== NS.soap12 && env.ns !== NS.soap11))
    return { ok: false, error: 'not a SOAP envelope' };
  const soap = env.ns === NS.soap12 ? '1.2' : '1.1';
  const header = child(env, 'Header', env.ns);
  const body = child(env, 'Body', env.ns);
  if (!body) return { ok: false, error: 'SOAP envelope without a Body' };
  const payload = body.children[0];
  if (!payload) return { ok: false, error: 'empty SOAP Body' };
  if (payload.ns !== NS.wsd && payload.ns !== NS.wsd11) return { ok: false, error: 'not a WS-Discovery message' };
  const dialect: Dialect = { soap, wsd: payload.ns === NS.wsd ? '2005/04' : '2009/01' };
  const wsaNs = [NS.wsa, NS.wsa10];
  const relatesTo = textOf(child(header, 'RelatesTo', wsaNs)) || null;

  switch (payload.name) {
    case 'ProbeMatches': {
      const items = children(payload, 'ProbeMatch', payload.ns);
      if (items.length > MAX_MATCHES) return { ok: false, error: 'too many ProbeMatch entries' };
      const matches: WsdMatch[] = [];
      for (const item of items) {
        const match = readMatch(item, payload.ns);
        if (match) matches.push(match);
      }
      if (matches.length === 0) return { ok: false, error: 'ProbeMatches without a usable ProbeMatch' };
      return { ok: true, message: { kind: 'probe-matches', relatesTo, matches, dialect } };
    }
    case 'Hello': {
      const match = readMatch(payload, payload.ns);
      if (!match) return { ok: false, error: 'Hello without an EndpointReference' };
      return { ok: true, message: { kind: 'hello', match, dialect } };
    }
    case 'Bye': {
      const endpoint = textOf(path(payload, 'EndpointReference', 'Address'));
      if (!endpoint) return { ok: false, error: 'Bye without an EndpointReference' };
      return { ok: true, message: { kind: 'bye', endpoint: endpoint.slice(0, 256), dialect } };
    }
    case 'Probe':
      return {
        ok: true,
        message: { kind: 'probe', messageId: textOf(child(header, 'MessageID', wsaNs)) || null, dialect },
      };
    default:
      return { ok: false, error: `unsupported WS-Discovery message ${payload.name.slice(0, 40)}` };
  }
}

function readMatch(el: XmlElement, wsdNs: string): WsdMatch | null {
  const endpoint = textOf(path(el, 'EndpointReference', 'Address'));
  if (!endpoint || endpoint.length > 256) return null;
  const typesEl = child(el, 'Types', wsdNs);
  const types = typesEl
    ? splitList(textOf(typesEl)).map((q) => {
        const { ns, local } = resolveQName(q, typesEl);
        return ns ? `{${ns}}${local}` : local;
      })
    : [];
  const mv = Number(textOf(child(el, 'MetadataVersion', wsdNs)));
  return {
    endpoint,
    types,
    scopes: splitList(textOf(child(el, 'Scopes', wsdNs))),
    xaddrs: splitList(textOf(child(el, 'XAddrs', wsdNs))),
    metadataVersion: Number.isFinite(mv) && textOf(child(el, 'MetadataVersion', wsdNs)) !== '' ? mv : null,
  };
}

function splitList(text: string): string[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_LIST)
    .map((s) => s.slice(0, 512));
}

/** True when the match says it is an ONVIF device (tds:Device) or video transmitter. */
export function isOnvifMatch(match: WsdMatch): boolean {
  return match.types.some((t) => t === `{${NS.tds}}Device` || t === `{${NS.dn}}NetworkVideoTransmitter`);
}

/** Name, hardware, location, MAC and serial from ONVIF scopes (percent-decoded; vendor schemes ignored). */
export function readScopes(scopes: string[]): {
  name: string | null;
  hardware: string | null;
  location: string | null;
  mac: string | null;
  serial: string | null;
  manufacturer: string | null;
} {
  const out = { name: null, hardware: null, location: null, mac: null, serial: null, manufacturer: null } as Record<
    string,
    string | null
  >;
  for (const scope of scopes) {
    const m = /^onvif:\/\/www\.onvif\.org\/([^/]+)\/(.+)$/i.exec(scope);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = safeDecode(m[2]!);
    const field =
      key === 'name'
        ? 'name'
        : key === 'hardware'
          ? 'hardware'
          : key === 'location'
            ? 'location'
            : key === 'macaddress' || key === 'mac'
              ? 'mac'
              : key === 'serialnumber'
                ? 'serial'
                : key === 'manufacturer' || key === 'mfr'
                  ? 'manufacturer'
                  : null;
    if (field && out[field] === null && value) out[field] = value;
  }
  if (out.mac) out.mac = normaliseMac(out.mac);
  return out as ReturnType<typeof readScopes>;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s).slice(0, 200);
  } catch {
    return s.slice(0, 200);
  }
}

export function normaliseMac(text: string): string | null {
  const hex = text.replace(/[^0-9a-fA-F]/g, '');
  if (hex.length !== 12) return null;
  return hex.toLowerCase().replace(/(..)(?!$)/g, '$1:');
}

export interface XAddrChoice {
  /** The device-service URL to use, or null when none is safe to follow. */
  url: string | null;
  /** URLs dropped, with the reason in plain words (for device details). */
  dropped: Array<{ url: string; reason: string }>;
}

/**
 * Picks the XAddr to talk to (PROTOCOLS.md §3.2): prefer the one whose host is the UDP sender; drop 127/8 and
 * 169.254/16 when a routable one exists; never follow one outside the interface's subnet; http(s) only.
 */
export function chooseXAddr(
  xaddrs: string[],
  sender: string,
  subnet: { network: string; prefix: number },
): XAddrChoice {
  const dropped: XAddrChoice['dropped'] = [];
  const candidates: Array<{ url: string; host: string }> = [];
  for (const raw of xaddrs) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      dropped.push({ url: raw, reason: 'not a valid address' });
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      dropped.push({ url: raw, reason: 'not an http(s) address' });
      continue;
    }
    if (url.username || url.password) {
      dropped.push({ url: raw, reason: 'contains credentials' });
      continue;
    }
    const host = url.hostname;
    const value = parseIpv4(host);
    if (value === null) {
      dropped.push({ url: raw, reason: 'not an IPv4 address' });
      continue;
    }
    candidates.push({ url: url.toString(), host });
  }
  const onSubnet = candidates.filter((c) => {
    const ok = inSubnet(c.host, subnet.network, subnet.prefix);
    if (!ok) {
      const kind = classifyIpv4(c.host);
      dropped.push({
        url: c.url,
        reason:
          kind === 'loopback'
            ? 'points at the device itself (127.x)'
            : kind === 'link-local'
              ? 'a self-assigned address (169.254.x)'
              : 'outside your network: never followed',
      });
    }
    return ok;
  });
  const fromSender = onSubnet.find((c) => c.host === sender);
  return { url: (fromSender ?? onSubnet[0])?.url ?? null, dropped };
}
