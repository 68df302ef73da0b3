// The device's web servers: vendor login page (HTTP), the same over HTTPS with a self-signed certificate made
// at first start, the ONVIF endpoints where the ONVIF port is this port, a UPnP description, and a couple of
// vendor identification URLs (Hikvision ISAPI deviceInfo, Dahua magicBox) behind digest auth.
import http from 'node:http';
import https from 'node:https';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { handleOnvif } from './onvif-device.mjs';
import { esc } from './xml.mjs';
import { log } from './log.mjs';

export const MAX_BODY = 64 * 1024;

/** Send a whole response with Content-Length (devices don't use chunked encoding; libonvif can't read it). */
export function send(res, status, headers, body = '') {
  const b = Buffer.from(body ?? '');
  res.writeHead(status, { ...headers, 'Content-Length': b.length });
  res.end(res.req?.method === 'HEAD' ? undefined : b);
}

export function ensureCert(stateDir, cn) {
  const key = path.join(stateDir, 'https-key.pem');
  const cert = path.join(stateDir, 'https-cert.pem');
  if (!fs.existsSync(key) || !fs.existsSync(cert)) {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '3650',
      '-keyout', key, '-out', cert, '-subj', `/CN=${cn}`, '-addext', `subjectAltName=IP:${cn}`,
    ], { stdio: 'ignore', timeout: 15_000 });
  }
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

function loginPage(dev) {
  const p = dev.p;
  const brand = p.manufacturer;
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${esc(p.title)}</title></head>
<body class="${esc(dev.profile)}-login">
<div id="login"><h1>${esc(brand)} ${esc(dev.model)}</h1>
<form method="post" action="${esc(p.loginPath)}"><label>User Name <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Login</button></form></div>
</body></html>
`;
}

export function upnpDescription(dev) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<root xmlns="urn:schemas-upnp-org:device-1-0">
<specVersion><major>1</major><minor>0</minor></specVersion>
<URLBase>http://${dev.address()}:${dev.st.ports.http}</URLBase>
<device>
<deviceType>urn:schemas-upnp-org:device:Basic:1</deviceType>
<friendlyName>${esc(dev.model)} - ${esc(dev.serial)}</friendlyName>
<manufacturer>${esc(dev.p.manufacturer)}</manufacturer>
<manufacturerURL>http://www.example.com/</manufacturerURL>
<modelDescription>${esc(dev.p.upnp.label)} network video recorder</modelDescription>
<modelName>${esc(dev.model)}</modelName>
<modelNumber>${esc(dev.model)}</modelNumber>
<serialNumber>${esc(dev.serial)}</serialNumber>
<UDN>uuid:${dev.uuid}</UDN>
<presentationURL>http://${dev.address()}${dev.st.ports.http === 80 ? '' : ':' + dev.st.ports.http}/</presentationURL>
</device>
</root>
`;
}

function vendorApi(dev, req, url) {
  if (dev.profile === 'hikvision' && url.pathname === '/ISAPI/System/deviceInfo') {
    return {
      type: 'application/xml',
      body: `<?xml version="1.0" encoding="UTF-8"?>
<DeviceInfo version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema">
<deviceName>${esc(dev.st.hostname)}</deviceName><deviceID>${dev.uuid}</deviceID><model>${esc(dev.model)}</model>
<serialNumber>${esc(dev.serial)}</serialNumber><macAddress>${dev.mac}</macAddress><firmwareVersion>${esc(dev.p.firmware.split(' ')[0])}</firmwareVersion>
<firmwareReleasedDate>${esc(dev.p.firmware.split(' build ')[1] ?? '')}</firmwareReleasedDate><deviceType>NVR</deviceType>
</DeviceInfo>
`,
    };
  }
  if (dev.profile === 'dahua' && url.pathname === '/cgi-bin/magicBox.cgi') {
    const action = url.searchParams.get('action');
    const v = { getDeviceType: `type=${dev.model}`, getSerialNo: `sn=${dev.serial}`, getSoftwareVersion: `version=${dev.p.firmware}`, getMachineName: `name=${dev.st.hostname}` }[action];
    return v ? { type: 'text/plain', body: `${v}\r\n` } : { status: 400, type: 'text/plain', body: 'Error\r\nBad Request!\r\n' };
  }
  return null;
}

/**
 * One HTTP(S) server. roles: { web: bool, onvif: bool }.
 */
export function startWeb(dev, { port, tls = null, roles }) {
  const handler = (req, res) => {
    res.setHeader('Server', dev.p.serverHeader);
    res.setHeader('Connection', 'close');
    let size = 0;
    const chunks = [];
    let aborted = false;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY && !aborted) {
        aborted = true;
        send(res, 413, { 'Content-Type': 'text/plain' }, 'Request Entity Too Large\n');
        req.destroy();
      } else if (!aborted) chunks.push(c);
    });
    req.on('end', () => {
      if (aborted) return;
      let url;
      try { url = new URL(req.url, 'http://device'); } catch { send(res, 400, {}); return; }
      const body = Buffer.concat(chunks).toString('utf8');
      if (roles.onvif && url.pathname.startsWith('/onvif/')) {
        if (req.method !== 'POST') { send(res, 405, { Allow: 'POST' }); return; }
        const out = handleOnvif(dev, { bodyText: body, authorization: req.headers.authorization, method: req.method, scheme: tls ? 'https' : 'http' });
        if (process.env.SIM_DEBUG || out.status >= 400) log('onvif', req.socket.remoteAddress, out.status, out.fault ?? '', out.status === 200 && !process.env.SIM_DEBUG ? '' : body.slice(0, process.env.SIM_DEBUG ? 2000 : 200).replace(/\s+/g, ' '));
        send(res, out.status, { 'Content-Type': 'application/soap+xml; charset=utf-8', ...(out.headers ?? {}) }, out.body);
        return;
      }
      if (roles.web) {
        if (dev.upnp && url.pathname === dev.p.upnp.descPath) {
          send(res, 200, { 'Content-Type': 'text/xml; charset="utf-8"' }, upnpDescription(dev));
          return;
        }
        const api = url.pathname.startsWith('/ISAPI/') || url.pathname.startsWith('/cgi-bin/');
        if (api) {
          const v = dev.digest.verify(req.headers.authorization, req.method, dev.users);
          if (!v.ok) {
            send(res, 401, { 'WWW-Authenticate': dev.digest.challenge(v.reason === 'stale'), 'Content-Type': 'text/html' }, v.reason === 'locked' ? '<html><body>User locked: too many failed login attempts</body></html>\n' : '<html><body>401 Unauthorized</body></html>\n');
            return;
          }
          const r = vendorApi(dev, req, url);
          if (r) { send(res, r.status ?? 200, { 'Content-Type': r.type }, r.body); return; }
          send(res, 404, { 'Content-Type': 'text/plain' }, 'Not Found\n'); return;
        }
        if (url.pathname === '/' && dev.p.loginPath !== '/') {
          send(res, 302, { Location: dev.p.loginPath, 'Content-Type': 'text/html' }, '');
          return;
        }
        if (url.pathname === '/' || url.pathname === dev.p.loginPath || url.pathname === '/index.html') {
          send(res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, loginPage(dev));
          return;
        }
      }
      send(res, 404, { 'Content-Type': 'text/html' }, '<html><head><title>Document Error: Not Found</title></head><body><h2>Access Error: 404 -- Not Found</h2></body></html>\n');
    });
  };
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handler) : http.createServer(handler);
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.keepAliveTimeout = 2_000;
  server.maxHeadersCount = 64;
  server.setTimeout(20_000, (s) => s.destroy());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => {
      server.off('error', reject);
      server.on('error', (e) => log('web error', e.message));
      resolve({ close: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections?.(); }) });
    });
  });
}
