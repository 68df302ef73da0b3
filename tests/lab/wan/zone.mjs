// The DDNS zone the wan DNS server is authoritative for, and the answer logic. Pure: no sockets, no clock.
import { TYPE, CLASS, RCODE } from './dns-wire.mjs';

export const RECORD_TTL = 60;

/**
 * @typedef {{ origin: string, serial: number, nsName: string, nsIp: string, records: Record<string, string> }} ZoneState
 *   records: lower-case FQDN → IPv4 (one A record per DDNS host, as dyndns2/DuckDNS keep it)
 */

/** A fresh zone state. */
export function emptyZone(origin, nsIp, serial = 1) {
  const o = origin.toLowerCase();
  return { origin: o, serial, nsName: `ns1.${o}`, nsIp, records: {} };
}

export const inZone = (zone, name) => name === zone.origin || name.endsWith('.' + zone.origin);

function soa(zone) {
  return {
    name: zone.origin, type: TYPE.SOA, class: CLASS.IN, ttl: RECORD_TTL,
    data: { mname: zone.nsName, rname: `hostmaster.${zone.origin}`, serial: zone.serial, refresh: 3600, retry: 600, expire: 86400, minimum: RECORD_TTL },
  };
}

/**
 * Answer one question.
 * @param {ZoneState} zone
 * @param {{ name: string, type: number, class: number }} q
 * @returns {{ rcode: number, aa: boolean, answers: object[], authorities: object[], additionals: object[] }}
 */
export function answer(zone, q) {
  const name = q.name.toLowerCase();
  const empty = { answers: [], authorities: [], additionals: [] };
  if (q.class !== CLASS.IN && q.class !== CLASS.ANY) return { rcode: RCODE.REFUSED, aa: false, ...empty };
  if (!inZone(zone, name)) return { rcode: RCODE.REFUSED, aa: false, ...empty };
  const nsA = { name: zone.nsName, type: TYPE.A, class: CLASS.IN, ttl: RECORD_TTL, data: zone.nsIp };
  const nsRR = { name: zone.origin, type: TYPE.NS, class: CLASS.IN, ttl: RECORD_TTL, data: zone.nsName };
  /** @type {Map<number, object[]>} */
  const rrsets = new Map();
  if (name === zone.origin) {
    rrsets.set(TYPE.SOA, [soa(zone)]);
    rrsets.set(TYPE.NS, [nsRR]);
  }
  if (name === zone.nsName) rrsets.set(TYPE.A, [nsA]);
  const ip = zone.records[name];
  if (ip) rrsets.set(TYPE.A, [{ name, type: TYPE.A, class: CLASS.IN, ttl: RECORD_TTL, data: ip }]);
  if (rrsets.size === 0) {
    // An existing descendant makes this an empty non-terminal (NODATA), otherwise the name does not exist.
    const hasChild = Object.keys(zone.records).some((r) => r.endsWith('.' + name)) || zone.nsName.endsWith('.' + name);
    return { rcode: hasChild ? RCODE.NOERROR : RCODE.NXDOMAIN, aa: true, answers: [], authorities: [soa(zone)], additionals: [] };
  }
  const answers = q.type === TYPE.ANY ? [...rrsets.values()].flat() : (rrsets.get(q.type) ?? []);
  if (answers.length === 0) return { rcode: RCODE.NOERROR, aa: true, answers: [], authorities: [soa(zone)], additionals: [] };
  const additionals = answers.some((a) => a.type === TYPE.NS) ? [nsA] : [];
  const authorities = q.type === TYPE.NS || q.type === TYPE.ANY ? [] : [nsRR];
  return { rcode: RCODE.NOERROR, aa: true, answers, authorities, additionals: authorities.length ? [nsA] : additionals };
}

/** Set (or clear, with ip = null) a host's A record; returns whether anything changed. Bumps the serial. */
export function setRecord(zone, fqdn, ip) {
  const name = fqdn.toLowerCase();
  const before = zone.records[name] ?? null;
  if (before === ip) return false;
  if (ip === null) delete zone.records[name];
  else zone.records[name] = ip;
  zone.serial = (zone.serial + 1) >>> 0 || 1;
  return true;
}
