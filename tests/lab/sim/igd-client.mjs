// A tiny UPnP IGD client, as an NVR with UPnP on uses it: find the router with M-SEARCH, read its description,
// AddPortMapping for the device's ports. Talks only to addresses inside the device's own subnet.
import dgram from 'node:dgram';
import http from 'node:http';
import { parseXml, find, findAll, text, esc } from './xml.mjs';
import { sameSubnet } from './netcfg.mjs';
import { log } from './log.mjs';

const ST = ['urn:schemas-upnp-org:device:InternetGatewayDevice:1', 'urn:schemas-upnp-org:device:InternetGatewayDevice:2'];
const SERVICES = ['urn:schemas-upnp-org:service:WANIPConnection:2', 'urn:schemas-upnp-org:service:WANIPConnection:1', 'urn:schemas-upnp-org:service:WANPPPConnection:1'];

export function discoverIgd({ address, prefix, timeoutMs = 2500 }) {
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4');
    const found = new Set();
    const done = () => { try { sock.close(); } catch { /* closed */ } resolve([...found]); };
    const t = setTimeout(done, timeoutMs);
    sock.on('error', () => { clearTimeout(t); done(); });
    sock.on('message', (buf, rinfo) => {
      const m = /^location:\s*(\S+)/im.exec(buf.toString('latin1').slice(0, 4096));
      if (!m || !sameSubnet(rinfo.address, address, prefix)) return;
      try {
        const u = new URL(m[1]);
        if (u.protocol === 'http:' && sameSubnet(u.hostname, address, prefix)) found.add(u.href);
      } catch { /* bad url */ }
    });
    sock.bind(0, address, () => {
      try { sock.setMulticastInterface(address); sock.setMulticastTTL(2); } catch { /* ignore */ }
      for (const st of ST) {
        const msg = `M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nST: ${st}\r\nMAN: "ssdp:discover"\r\nMX: 2\r\n\r\n`;
        sock.send(Buffer.from(msg), 1900, '239.255.255.250', () => {});
      }
    });
  });
}

function httpRequest(url, { method = 'GET', headers = {}, body, timeoutMs = 4000, maxBytes = 128 * 1024 }) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, timeout: timeoutMs }, (res) => {
      const chunks = [];
      let n = 0;
      res.on('data', (c) => { n += c.length; if (n > maxBytes) req.destroy(new Error('too large')); else chunks.push(c); });
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

export async function findControl(location) {
  const r = await httpRequest(location, {});
  const x = parseXml(r.body, { maxBytes: 128 * 1024, maxDepth: 48, maxNodes: 4000 });
  if (!x.ok) throw new Error(`bad description: ${x.error}`);
  const base = text(find(x.root, null, 'URLBase')) || location;
  for (const want of SERVICES) {
    for (const s of findAll(x.root, null, 'service')) {
      if (text(find(s, null, 'serviceType')) === want) return { serviceType: want, controlUrl: new URL(text(find(s, null, 'controlURL')), base).href };
    }
  }
  throw new Error('no WAN connection service');
}

export async function soapCall(ctl, action, args) {
  const body =
    `<?xml version="1.0"?>\r\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>` +
    `<u:${action} xmlns:u="${ctl.serviceType}">${Object.entries(args).map(([k, v]) => `<${k}>${esc(v)}</${k}>`).join('')}</u:${action}></s:Body></s:Envelope>\r\n`;
  const r = await httpRequest(ctl.controlUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset="utf-8"', SOAPAction: `"${ctl.serviceType}#${action}"`, 'Content-Length': Buffer.byteLength(body) },
    body,
  });
  const code = /<errorCode>(\d+)<\/errorCode>/.exec(r.body)?.[1];
  const desc = /<errorDescription>([^<]*)<\/errorDescription>/.exec(r.body)?.[1];
  return { ok: r.status === 200, status: r.status, code: code ? Number(code) : null, desc, body: r.body };
}

/**
 * Map ports on the router. mappings: [{ port, label }]; previous: mappings added before (deleted first).
 * Never throws; returns what was added.
 */
export async function syncPortMappings({ address, prefix, mappings, previous = [], label, tries = 3 }) {
  for (let attempt = 1; attempt <= tries; attempt++) {
    try {
      const locs = await discoverIgd({ address, prefix });
      if (!locs.length) throw new Error('no IGD answered M-SEARCH');
      const ctl = await findControl(locs[0]);
      for (const m of previous) {
        if (mappings.some((x) => x.port === m.port)) continue;
        const r = await soapCall(ctl, 'DeletePortMapping', { NewRemoteHost: '', NewExternalPort: m.port, NewProtocol: 'TCP' });
        log('upnp DeletePortMapping', m.port, r.ok ? 'ok' : `failed ${r.status} ${r.code ?? ''} ${r.desc ?? ''}`);
      }
      const added = [];
      for (const m of mappings) {
        const r = await soapCall(ctl, 'AddPortMapping', {
          NewRemoteHost: '', NewExternalPort: m.port, NewProtocol: 'TCP', NewInternalPort: m.port, NewInternalClient: address,
          NewEnabled: 1, NewPortMappingDescription: `${label} ${m.label}`, NewLeaseDuration: 0,
        });
        log('upnp AddPortMapping', m.port, m.label, r.ok ? 'ok' : `failed ${r.status} ${r.code ?? ''} ${r.desc ?? ''}`);
        if (r.ok) added.push(m);
      }
      return added;
    } catch (e) {
      log(`upnp attempt ${attempt}/${tries} failed:`, e.message);
      if (attempt < tries) await new Promise((r) => setTimeout(r, 2000));
    }
  }
  return [];
}
