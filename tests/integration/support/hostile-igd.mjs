// A hostile or broken UPnP Internet Gateway Device for tests/integration/upnp-hostile-igd.test.ts: answers SSDP
// M-SEARCH (UDP 1900, a unicast reply to the asker) and serves an IGD description and its SOAP control over HTTP,
// misbehaving as its mode says. Plain node, no dependencies; run inside a throwaway network namespace:
//
//   node hostile-igd.mjs --mode <mode> --address <this host's address> [--port 5000] [--location <url>] [--n <N>]
//                        [--client <the mappings' internal address>]
//
// Modes (what a broken or hostile router does):
//   normal         an honest IGD:1 with three mappings, then 713 (the control case)
//   huge           IGD:2: GetListOfPortMappings answers a 4 000-entry list (about 1.5 MB); GetGenericPortMappingEntry
//                  answers every index with a new, distinct entry, forever
//   endless        every index answers the same entry, forever
//   malformed      the description is broken XML (unclosed, truncated)
//   malformed-soap the description is fine; every control reply is broken XML (HTTP 200)
//   faults         every control call answers a SOAP fault, UPnP error 501 (HTTP 500)
//   vanish         N distinct entries, then the router disappears: the pending request's socket is destroyed, the
//                  HTTP listener and the SSDP socket closed (later connections are refused)
//   hang           N distinct entries, then every request is accepted and never answered
//   refuse-delete  two mappings (TCP 8000, TCP 554); DeletePortMapping answers 606 for 8000 and 714 for any other
//   slow           every control reply is dripped over about 1.5 s; new distinct entries forever
//   drip           the description is dripped one byte every 200 ms, forever
//   off-gateway    answers M-SEARCH with --location (another host's description); its own is served (and counted)
//                  as in normal mode
//
// Every event is one JSON line on stdout: {"ev":"ready"}, {"ev":"msearch","from":…,"st":…},
// {"ev":"http","method":…,"path":…,"action":…,"index":…,"port":…}, {"ev":"vanished"}. SIGTERM ends it.
import dgram from 'node:dgram';
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    mode: { type: 'string', default: 'normal' },
    address: { type: 'string' },
    port: { type: 'string', default: '5000' },
    location: { type: 'string' },
    n: { type: 'string', default: '5' },
    client: { type: 'string', default: '192.168.213.64' },
  },
});
const MODE = args.mode;
const ADDRESS = args.address;
const PORT = Number(args.port);
const N = Number(args.n);
const LOCATION = args.location || `http://${ADDRESS}:${PORT}/rootDesc.xml`;
const MODES = [
  'normal',
  'huge',
  'endless',
  'malformed',
  'malformed-soap',
  'faults',
  'vanish',
  'hang',
  'refuse-delete',
  'slow',
  'drip',
  'off-gateway',
];
if (!ADDRESS || !MODES.includes(MODE)) {
  process.stderr.write(`usage: hostile-igd.mjs --mode <${MODES.join('|')}> --address <ip>\n`);
  process.exit(2);
}

const emit = (ev) => process.stdout.write(`${JSON.stringify(ev)}\n`);
const IGD2 = MODE === 'huge';
const SERVICE = `urn:schemas-upnp-org:service:WANIPConnection:${IGD2 ? 2 : 1}`;
const DEVICE = `urn:schemas-upnp-org:device:InternetGatewayDevice:${IGD2 ? 2 : 1}`;
const CLIENT = args.client;

const description =
  '<?xml version="1.0"?>\r\n<root xmlns="urn:schemas-upnp-org:device-1-0"><specVersion><major>1</major><minor>0</minor>' +
  `</specVersion><device><deviceType>${DEVICE}</deviceType><friendlyName>Hostile IGD (${MODE})</friendlyName>` +
  '<manufacturer>Test</manufacturer><modelName>hostile-igd</modelName><UDN>uuid:00000000-0000-4000-8000-0000000000aa</UDN>' +
  `<deviceList><device><deviceType>urn:schemas-upnp-org:device:WANDevice:${IGD2 ? 2 : 1}</deviceType>` +
  `<deviceList><device><deviceType>urn:schemas-upnp-org:device:WANConnectionDevice:${IGD2 ? 2 : 1}</deviceType>` +
  `<serviceList><service><serviceType>${SERVICE}</serviceType><serviceId>urn:upnp-org:serviceId:WANIPConn1</serviceId>` +
  '<SCPDURL>/WANIPCn.xml</SCPDURL><controlURL>/ctl/IPConn</controlURL><eventSubURL>/evt/IPConn</eventSubURL></service>' +
  '</serviceList></device></deviceList></device></deviceList></device></root>\r\n';
// Unclosed elements, an attribute without its quote, and the end cut off.
const brokenDescription =
  '<?xml version="1.0"?>\r\n<root xmlns="urn:schemas-upnp-org:device-1-0"><device><deviceType>' +
  `${DEVICE}</deviceType><friendlyName a="1>Broken<serviceList><service><serviceType>${SERVICE}` +
  '</serviceType><controlURL>/ctl/IPConn</controlURL></service></serviceList></devi';

const HEAD =
  '<?xml version="1.0"?>\r\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" ' +
  's:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>';
const TAIL = '</s:Body></s:Envelope>\r\n';
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const okReply = (action, values) =>
  `${HEAD}<u:${action}Response xmlns:u="${SERVICE}">` +
  Object.entries(values)
    .map(([k, v]) => `<${k}>${esc(v)}</${k}>`)
    .join('') +
  `</u:${action}Response>${TAIL}`;
const fault = (code, name) =>
  `${HEAD}<s:Fault><faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail>` +
  `<UPnPError xmlns="urn:schemas-upnp-org:control-1-0"><errorCode>${code}</errorCode>` +
  `<errorDescription>${name}</errorDescription></UPnPError></detail></s:Fault>${TAIL}`;

const entry = (externalPort, internalPort, description) => ({
  NewRemoteHost: '',
  NewExternalPort: externalPort,
  NewProtocol: 'TCP',
  NewInternalPort: internalPort,
  NewInternalClient: CLIENT,
  NewEnabled: 1,
  NewPortMappingDescription: description,
  NewLeaseDuration: 0,
});
/** Entry `i` of a list that never ends: every one a different external port. */
const distinct = (i) => entry(1024 + (i % 60000), 8000, `hostile ${i}`);
const FIXED = {
  normal: [entry(8000, 8000, 'NVR SDK'), entry(10443, 443, 'NVR web'), entry(10554, 554, 'NVR RTSP')],
  'refuse-delete': [entry(8000, 8000, 'NVR SDK'), entry(554, 554, 'NVR RTSP')],
};

/** IGD:2's listing for `n` entries, escaped into NewPortListing as the specification has it. */
function portListing(n) {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const e = distinct(i);
    rows.push(
      '<p:PortMappingEntry><p:NewRemoteHost></p:NewRemoteHost>' +
        `<p:NewExternalPort>${e.NewExternalPort}</p:NewExternalPort><p:NewProtocol>TCP</p:NewProtocol>` +
        `<p:NewInternalPort>${e.NewInternalPort}</p:NewInternalPort><p:NewInternalClient>${CLIENT}</p:NewInternalClient>` +
        `<p:NewEnabled>1</p:NewEnabled><p:NewDescription>${e.NewPortMappingDescription}</p:NewDescription>` +
        '<p:NewLeaseTime>0</p:NewLeaseTime></p:PortMappingEntry>',
    );
  }
  return `<?xml version="1.0" encoding="utf-8"?><p:PortMappingList xmlns:p="urn:schemas-upnp-org:gw:WANIPConnection">${rows.join('')}</p:PortMappingList>`;
}

const sockets = new Set();
const timers = new Set();
const later = (ms, fn) => {
  const t = setTimeout(() => {
    timers.delete(t);
    fn();
  }, ms);
  timers.add(t);
};
let ssdp = null;
let server = null;
let vanished = false;

/** Sends `body` in ten pieces over `totalMs`. */
function dripBody(res, status, body, totalMs) {
  res.writeHead(status, { 'content-type': 'text/xml; charset="utf-8"', 'content-length': Buffer.byteLength(body) });
  const buf = Buffer.from(body);
  const pieces = 10;
  const size = Math.ceil(buf.length / pieces);
  for (let i = 0; i < pieces; i++)
    later((totalMs / pieces) * (i + 1), () => {
      if (res.destroyed) return;
      const part = buf.subarray(i * size, (i + 1) * size);
      if (i === pieces - 1) res.end(part);
      else res.write(part);
    });
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'text/xml; charset="utf-8"', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function vanish() {
  if (vanished) return;
  vanished = true;
  emit({ ev: 'vanished' });
  server?.close();
  for (const s of sockets) s.destroy();
  try {
    ssdp?.close();
  } catch {
    // already closed
  }
}

function control(req, res, body) {
  const action = /#([A-Za-z]+)"?\s*$/.exec(String(req.headers.soapaction ?? ''))?.[1] ?? null;
  const num = (name) => {
    const m = new RegExp(`<${name}>\\s*(\\d+)\\s*</${name}>`).exec(body);
    return m ? Number(m[1]) : null;
  };
  const index = num('NewPortMappingIndex');
  const port = num('NewExternalPort');
  emit({ ev: 'http', method: req.method, path: req.url, action, index, port });
  const answer = (values) => okReply(action, values);
  switch (MODE) {
    case 'faults':
      return send(res, 500, fault(501, 'ActionFailed'));
    case 'malformed-soap':
      return send(res, 200, `${HEAD}<u:${action}Response xmlns:u="${SERVICE}"><NewExternalIPAddress>203.0.113.9</New`);
    default:
  }
  if (action === 'GetExternalIPAddress') return send(res, 200, answer({ NewExternalIPAddress: '203.0.113.9' }));
  if (action === 'GetStatusInfo')
    return send(res, 200, answer({ NewConnectionStatus: 'Connected', NewLastConnectionError: 'ERROR_NONE' }));
  if (action === 'GetListOfPortMappings') {
    if (MODE !== 'huge') return send(res, 500, fault(401, 'Invalid Action'));
    return send(res, 200, answer({ NewPortListing: portListing(4000) }));
  }
  if (action === 'DeletePortMapping') {
    if (MODE !== 'refuse-delete') return send(res, 500, fault(606, 'Action not authorized'));
    return port === 8000
      ? send(res, 500, fault(606, 'Action not authorized'))
      : send(res, 500, fault(714, 'NoSuchEntryInArray'));
  }
  if (action !== 'GetGenericPortMappingEntry' || index === null) return send(res, 500, fault(402, 'Invalid Args'));
  switch (MODE) {
    case 'huge':
      return send(res, 200, answer(distinct(index)));
    case 'endless':
      return send(res, 200, answer(entry(8000, 8000, 'same again')));
    case 'vanish':
      if (index >= N) return vanish();
      return send(res, 200, answer(distinct(index)));
    case 'hang':
      if (index >= N) return; // accepted, never answered
      return send(res, 200, answer(distinct(index)));
    case 'slow':
      return dripBody(res, 200, answer(distinct(index)), 1500);
    default: {
      const fixed = FIXED[MODE] ?? FIXED.normal;
      const e = fixed[index];
      return e ? send(res, 200, answer(e)) : send(res, 500, fault(713, 'SpecifiedArrayIndexInvalid'));
    }
  }
}

function onRequest(req, res) {
  const chunks = [];
  let size = 0;
  req.on('data', (c) => {
    size += c.length;
    if (size < 64 * 1024) chunks.push(c);
  });
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    res.on('error', () => {});
    if (req.method === 'GET') {
      emit({ ev: 'http', method: 'GET', path: req.url, action: null, index: null, port: null });
      if (req.url !== '/rootDesc.xml') return send(res, 404, '');
      if (MODE === 'malformed') return send(res, 200, brokenDescription);
      if (MODE === 'drip') {
        // Claims a whole description, then one byte every 200 ms: it never ends on its own.
        res.writeHead(200, { 'content-type': 'text/xml', 'content-length': 100_000 });
        let i = 0;
        const tick = () => {
          if (res.destroyed) return;
          res.write(description[i++ % description.length]);
          later(200, tick);
        };
        return tick();
      }
      return send(res, 200, description);
    }
    if (req.method === 'POST' && req.url === '/ctl/IPConn') return control(req, res, body);
    emit({ ev: 'http', method: req.method, path: req.url, action: null, index: null, port: null });
    send(res, 404, '');
  });
}

function onSearch(msg, rinfo) {
  const text = msg.toString('latin1');
  if (!/^M-SEARCH \* HTTP\/1\.1\r\n/i.test(text)) return;
  const st = /^ST:\s*(.*?)\s*$/im.exec(text)?.[1] ?? '';
  emit({ ev: 'msearch', from: rinfo.address, st });
  if (!/InternetGatewayDevice|WANIPConnection|ssdp:all|upnp:rootdevice/.test(st)) return;
  const reply =
    'HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=120\r\nEXT:\r\n' +
    `LOCATION: ${LOCATION}\r\nSERVER: Linux/5 UPnP/1.1 hostile-igd/1\r\nST: ${st}\r\n` +
    `USN: uuid:00000000-0000-4000-8000-0000000000aa::${st}\r\n\r\n`;
  ssdp.send(Buffer.from(reply), rinfo.port, rinfo.address, () => {});
}

async function main() {
  ssdp = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  ssdp.on('error', (e) => emit({ ev: 'error', where: 'ssdp', message: e.message }));
  ssdp.on('message', onSearch);
  await new Promise((resolve) => ssdp.bind(1900, '0.0.0.0', resolve));
  ssdp.addMembership('239.255.255.250', ADDRESS);
  server = http.createServer(onRequest);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(PORT, ADDRESS, resolve));
  emit({ ev: 'ready', mode: MODE, location: LOCATION });
}

process.on('SIGTERM', () => {
  for (const t of timers) clearTimeout(t);
  for (const s of sockets) s.destroy();
  process.exit(0);
});
main().catch((e) => {
  process.stderr.write(`hostile-igd: ${e.stack ?? e}\n`);
  process.exit(1);
});
