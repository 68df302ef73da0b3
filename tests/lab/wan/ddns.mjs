// DDNS update protocols, as the providers answer them. Pure: (request, zone, accounts) → response.
//   dyndns2 (DynDNS / No-IP):  GET /nic/update?hostname=a.example[,b.example]&myip=1.2.3.4   (HTTP basic auth)
//      answers per host, one per line: good <ip> | nochg <ip> | badauth | nohost | notfqdn | abuse | numhost
//   DuckDNS:                    GET /update?domains=label[,label]&token=T[&ip=1.2.3.4][&verbose=true][&clear=true]
//      answers OK | KO   (verbose: OK\n<ip>\n<ipv6>\nUPDATED|NOCHANGE)
import net from 'node:net';
import { setRecord } from './zone.mjs';

const MAX_HOSTS = 20; // dyndns2 "numhost": too many hosts in one request

/** Parse `Authorization: Basic …` → { user, password } or null. */
export function parseBasicAuth(header) {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return null;
  const text = Buffer.from(m[1], 'base64').toString('utf8');
  const i = text.indexOf(':');
  if (i < 0) return null;
  return { user: text.slice(0, i), password: text.slice(i + 1) };
}

const isFqdn = (h) => /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(h);

/**
 * dyndns2 update.
 * @param {{ query: URLSearchParams, authorization?: string, callerIp: string }} req
 * @param {import('./zone.mjs').ZoneState} zone
 * @param {{ user: string, password: string, hosts: string[] }[]} accounts
 * @param {{ blocked?: string[] }} [opts]
 * @returns {{ status: number, body: string, headers?: Record<string,string>, changed: boolean }}
 */
export function dyndns2Update(req, zone, accounts, { blocked = [] } = {}) {
  const creds = parseBasicAuth(req.authorization);
  const account = creds && accounts.find((a) => a.user === creds.user && a.password === creds.password);
  if (!account) {
    return { status: 401, body: 'badauth', headers: { 'www-authenticate': 'Basic realm="DDNS Update"' }, changed: false };
  }
  const hostnames = (req.query.get('hostname') ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  if (hostnames.length === 0) return { status: 200, body: 'notfqdn', changed: false };
  if (hostnames.length > MAX_HOSTS) return { status: 200, body: 'numhost', changed: false };
  // A malformed myip is ignored and the caller's address used instead (as DynDNS documents).
  const myip = req.query.get('myip');
  const ip = myip && net.isIPv4(myip) ? myip : req.callerIp;
  let changed = false;
  const lines = hostnames.map((h) => {
    if (!isFqdn(h)) return 'notfqdn';
    if (blocked.includes(h)) return 'abuse';
    if (!account.hosts.map((x) => x.toLowerCase()).includes(h)) return 'nohost';
    if (setRecord(zone, h, ip)) { changed = true; return `good ${ip}`; }
    return `nochg ${ip}`;
  });
  return { status: 200, body: lines.join('\n'), changed };
}

/**
 * DuckDNS update. Domains are labels under the lab zone (`mynvr` = mynvr.<zone>); full names are accepted too.
 * @param {{ query: URLSearchParams, callerIp: string }} req
 * @param {import('./zone.mjs').ZoneState} zone
 * @param {{ token: string, hosts: string[] }[]} accounts
 */
export function duckdnsUpdate(req, zone, accounts) {
  const ko = { status: 200, body: 'KO', changed: false };
  const token = req.query.get('token') ?? '';
  const account = token && accounts.find((a) => a.token === token);
  if (!account) return ko;
  const domains = (req.query.get('domains') ?? '').split(',').map((d) => d.trim().toLowerCase()).filter(Boolean);
  if (domains.length === 0 || domains.length > MAX_HOSTS) return ko;
  const fqdns = domains.map((d) => (d.endsWith('.' + zone.origin) ? d : `${d}.${zone.origin}`));
  const owned = account.hosts.map((x) => x.toLowerCase());
  if (!fqdns.every((f) => owned.includes(f))) return ko;
  const verbose = req.query.get('verbose') === 'true';
  if (req.query.get('clear') === 'true') {
    let changed = false;
    for (const f of fqdns) changed = setRecord(zone, f, null) || changed;
    return { status: 200, body: verbose ? `OK\n\n\n${changed ? 'UPDATED' : 'NOCHANGE'}` : 'OK', changed };
  }
  const ipParam = req.query.get('ip');
  if (ipParam && !net.isIPv4(ipParam)) return ko;
  const ip = ipParam || req.callerIp;
  let changed = false;
  for (const f of fqdns) changed = setRecord(zone, f, ip) || changed;
  return { status: 200, body: verbose ? `OK\n${ip}\n\n${changed ? 'UPDATED' : 'NOCHANGE'}` : 'OK', changed };
}
