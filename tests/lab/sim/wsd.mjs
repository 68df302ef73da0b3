// WS-Discovery (SOAP 1.2 + WS-Discovery 2005/04, as ONVIF Core cites) target service.
import dgram from 'node:dgram';
import crypto from 'node:crypto';
import { parseXml, child, find, text, esc } from './xml.mjs';
import { NS } from './soap.mjs';
import { log } from './log.mjs';

export const WSD_GROUP = '239.255.255.250';
export const WSD_PORT = 3702;
const ACT = 'http://schemas.xmlsoap.org/ws/2005/04/discovery';
const ANON = 'http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous';
const TO_DISCOVERY = 'urn:schemas-xmlsoap-org:ws:2005:04:discovery';
export const OUR_TYPES = [
  { ns: NS.dn, local: 'NetworkVideoTransmitter' },
  { ns: NS.tds, local: 'Device' },
];

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="${NS.env}" xmlns:wsa="${NS.wsa}" xmlns:wsdd="${NS.d}" xmlns:dn="${NS.dn}" xmlns:tds="${NS.tds}">`;

function header({ messageId, action, relatesTo, to, instanceId, messageNumber }) {
  return (
    `<SOAP-ENV:Header><wsa:MessageID>${esc(messageId)}</wsa:MessageID>` +
    (relatesTo ? `<wsa:RelatesTo>${esc(relatesTo)}</wsa:RelatesTo>` : '') +
    `<wsa:To SOAP-ENV:mustUnderstand="true">${to}</wsa:To>` +
    `<wsa:Action SOAP-ENV:mustUnderstand="true">${action}</wsa:Action>` +
    `<wsdd:AppSequence InstanceId="${instanceId}" MessageNumber="${messageNumber}"></wsdd:AppSequence></SOAP-ENV:Header>`
  );
}

function matchBody(m) {
  return (
    `<wsa:EndpointReference><wsa:Address>${esc(m.epr)}</wsa:Address></wsa:EndpointReference>` +
    `<wsdd:Types>dn:NetworkVideoTransmitter tds:Device</wsdd:Types>` +
    `<wsdd:Scopes>${esc(m.scopes.join(' '))}</wsdd:Scopes>` +
    `<wsdd:XAddrs>${esc(m.xaddrs.join(' '))}</wsdd:XAddrs>` +
    `<wsdd:MetadataVersion>${m.metadataVersion ?? 1}</wsdd:MetadataVersion>`
  );
}

export function probeMatchesXml(m) {
  return (
    HEAD +
    header({ messageId: m.messageId, action: `${ACT}/ProbeMatches`, relatesTo: m.relatesTo, to: ANON, instanceId: m.instanceId, messageNumber: m.messageNumber }) +
    `<SOAP-ENV:Body><wsdd:ProbeMatches><wsdd:ProbeMatch>${matchBody(m)}</wsdd:ProbeMatch></wsdd:ProbeMatches></SOAP-ENV:Body></SOAP-ENV:Envelope>`
  );
}
export function resolveMatchesXml(m) {
  return (
    HEAD +
    header({ messageId: m.messageId, action: `${ACT}/ResolveMatches`, relatesTo: m.relatesTo, to: ANON, instanceId: m.instanceId, messageNumber: m.messageNumber }) +
    `<SOAP-ENV:Body><wsdd:ResolveMatches><wsdd:ResolveMatch>${matchBody(m)}</wsdd:ResolveMatch></wsdd:ResolveMatches></SOAP-ENV:Body></SOAP-ENV:Envelope>`
  );
}
export function helloXml(m) {
  return (
    HEAD +
    header({ messageId: m.messageId, action: `${ACT}/Hello`, to: TO_DISCOVERY, instanceId: m.instanceId, messageNumber: m.messageNumber }) +
    `<SOAP-ENV:Body><wsdd:Hello>${matchBody(m)}</wsdd:Hello></SOAP-ENV:Body></SOAP-ENV:Envelope>`
  );
}
export function byeXml(m) {
  return (
    HEAD +
    header({ messageId: m.messageId, action: `${ACT}/Bye`, to: TO_DISCOVERY, instanceId: m.instanceId, messageNumber: m.messageNumber }) +
    `<SOAP-ENV:Body><wsdd:Bye><wsa:EndpointReference><wsa:Address>${esc(m.epr)}</wsa:Address></wsa:EndpointReference></wsdd:Bye></SOAP-ENV:Body></SOAP-ENV:Envelope>`
  );
}

/**
 * Parse an incoming WS-Discovery message. Only SOAP 1.2 + 2005/04 Probe/Resolve are understood.
 * Types are resolved by namespace in the scope of the Types element (prefixes are irrelevant).
 */
export function parseDiscovery(buf) {
  const r = parseXml(buf);
  if (!r.ok) return { ok: false, error: r.error };
  const env = r.root;
  if (env.local !== 'Envelope' || env.ns !== NS.env) return { ok: false, error: 'not-soap12' };
  const hdr = child(env, NS.env, 'Header');
  const body = child(env, NS.env, 'Body');
  const messageId = text(find(hdr, NS.wsa, 'MessageID'));
  const action = text(find(hdr, NS.wsa, 'Action'));
  const replyTo = text(find(find(hdr, NS.wsa, 'ReplyTo'), NS.wsa, 'Address'));
  const probe = child(body, NS.d, 'Probe');
  const resolve = child(body, NS.d, 'Resolve');
  if (probe && (!action || action === `${ACT}/Probe`)) {
    const typesNode = child(probe, NS.d, 'Types');
    const types = [];
    for (const q of text(typesNode).split(/\s+/).filter(Boolean)) {
      const [p, l] = q.includes(':') ? q.split(':', 2) : ['', q];
      const ns = typesNode.scope[p];
      types.push(ns === undefined ? { ns: null, local: l, qname: q } : { ns, local: l, qname: q });
    }
    const scopesNode = child(probe, NS.d, 'Scopes');
    const scopes = text(scopesNode).split(/\s+/).filter(Boolean);
    const matchBy = scopesNode?.attrs.MatchBy ?? '';
    return { ok: true, kind: 'probe', messageId, replyTo, types, scopes, matchBy };
  }
  if (resolve && (!action || action === `${ACT}/Resolve`)) {
    const epr = text(find(resolve, NS.wsa, 'Address'));
    return { ok: true, kind: 'resolve', messageId, replyTo, epr };
  }
  return { ok: false, error: 'not-probe' };
}

/** WS-Discovery matching: every requested type must be one we implement; every scope must match (RFC 3986 prefix). */
export function probeMatches(probe, ourScopes) {
  for (const t of probe.types) {
    if (!OUR_TYPES.some((o) => o.ns === t.ns && o.local === t.local)) return false;
  }
  const mb = probe.matchBy || 'http://schemas.xmlsoap.org/ws/2005/04/discovery/rfc3986';
  for (const s of probe.scopes) {
    const ok = ourScopes.some((o) => {
      if (mb.endsWith('/strcmp0')) return o === s;
      const a = o.replace(/\/+$/, '').toLowerCase();
      const b = s.replace(/\/+$/, '').toLowerCase();
      return a === b || a.startsWith(b + '/');
    });
    if (!ok) return false;
  }
  return true;
}

export const newMessageId = () => `urn:uuid:${crypto.randomUUID()}`;

/**
 * Start a responder. dev(): returns { epr, scopes, xaddrs, address, discoverable, instanceId }.
 * Answers each MessageID once, unicast to the sender, after a random 0–500 ms delay: from port 3702, or with
 * `replyFromEphemeral` from a socket of its own on an ephemeral port, as some cameras do (WS-Discovery does not
 * require the reply to come from 3702).
 */
export async function startWsd({ dev, replyFromEphemeral = false }) {
  let messageNumber = 0;
  const seen = new Map();
  const timers = new Set();
  const sock = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  const d0 = dev();
  await new Promise((res, rej) => { sock.once('error', rej); sock.bind(WSD_PORT, '0.0.0.0', () => { sock.off('error', rej); res(); }); });
  sock.on('error', (e) => log('wsd socket error', e.message));
  try { sock.addMembership(WSD_GROUP, d0.address); } catch (e) { log('wsd addMembership', e.message); }
  try { sock.setMulticastInterface(d0.address); sock.setMulticastTTL(1); sock.setMulticastLoopback(false); } catch (e) { log('wsd mcast opts', e.message); }

  sock.on('message', (buf, rinfo) => {
    if (buf.length > 64 * 1024) return;
    const m = parseDiscovery(buf);
    if (!m.ok) return;
    const d = dev();
    if (!m.messageId || seen.has(m.messageId)) return;
    seen.set(m.messageId, Date.now());
    if (seen.size > 512) seen.delete(seen.keys().next().value);
    if (!d.discoverable) return;
    let xml = null;
    const base = { ...d, relatesTo: m.messageId, instanceId: d.instanceId };
    if (m.kind === 'probe' && probeMatches(m, d.scopes)) xml = () => probeMatchesXml({ ...base, messageId: newMessageId(), messageNumber: ++messageNumber });
    if (m.kind === 'resolve' && m.epr === d.epr) xml = () => resolveMatchesXml({ ...base, messageId: newMessageId(), messageNumber: ++messageNumber });
    if (!xml) return;
    const t = setTimeout(() => {
      timers.delete(t);
      if (!replyFromEphemeral) {
        sock.send(Buffer.from(xml()), rinfo.port, rinfo.address, (e) => e && log('wsd send', e.message));
        return;
      }
      const one = dgram.createSocket('udp4');
      one.on('error', (e) => { log('wsd reply socket', e.message); one.close(); });
      one.bind(0, d.address, () => {
        one.send(Buffer.from(xml()), rinfo.port, rinfo.address, (e) => { if (e) log('wsd send', e.message); one.close(); });
      });
    }, Math.floor(Math.random() * 500));
    timers.add(t);
  });

  const multicast = (xml) => new Promise((res) => sock.send(Buffer.from(xml), WSD_PORT, WSD_GROUP, (e) => { if (e) log('wsd mcast send', e.message); res(); }));
  return {
    hello() {
      const d = dev();
      if (!d.discoverable) return Promise.resolve();
      return multicast(helloXml({ ...d, messageId: newMessageId(), messageNumber: ++messageNumber }));
    },
    bye() {
      const d = dev();
      if (!d.discoverable) return Promise.resolve();
      return multicast(byeXml({ ...d, messageId: newMessageId(), messageNumber: ++messageNumber }));
    },
    close() {
      for (const t of timers) clearTimeout(t);
      return new Promise((res) => sock.close(res));
    },
  };
}
