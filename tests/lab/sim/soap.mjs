// SOAP 1.2 envelopes and faults as ONVIF devices send them.
import { esc, parseXml, child } from './xml.mjs';

export const NS = {
  env: 'http://www.w3.org/2003/05/soap-envelope',
  soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
  tds: 'http://www.onvif.org/ver10/device/wsdl',
  trt: 'http://www.onvif.org/ver10/media/wsdl',
  tt: 'http://www.onvif.org/ver10/schema',
  ter: 'http://www.onvif.org/ver10/error',
  dn: 'http://www.onvif.org/ver10/network/wsdl',
  wsa: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
  d: 'http://schemas.xmlsoap.org/ws/2005/04/discovery',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
};

const ENV_OPEN =
  `<?xml version="1.0" encoding="UTF-8"?>\n<env:Envelope xmlns:env="${NS.env}" xmlns:tt="${NS.tt}" xmlns:tds="${NS.tds}"` +
  ` xmlns:trt="${NS.trt}" xmlns:ter="${NS.ter}">`;

export const envelope = (body) => `${ENV_OPEN}<env:Body>${body}</env:Body></env:Envelope>`;

/**
 * A SOAP 1.2 fault. code: 'Sender' | 'Receiver'; subcodes e.g. ['ter:InvalidArgVal', 'ter:PortAlreadyInUse'].
 * HTTP status per the SOAP 1.2 HTTP binding: Sender → 400, Receiver → 500.
 */
export function fault(code, subcodes, reason) {
  let sub = '';
  for (let i = subcodes.length - 1; i >= 0; i--) sub = `<env:Subcode><env:Value>${subcodes[i]}</env:Value>${sub}</env:Subcode>`;
  const body =
    `<env:Fault><env:Code><env:Value>env:${code}</env:Value>${sub}</env:Code>` +
    `<env:Reason><env:Text xml:lang="en">${esc(reason)}</env:Text></env:Reason></env:Fault>`;
  return { status: code === 'Sender' ? 400 : 500, body: envelope(body), fault: subcodes[subcodes.length - 1] };
}

/** Parse a SOAP request. Returns { ok, header, body, op, version } or { ok:false, fault }. */
export function parseRequest(text) {
  const r = parseXml(text);
  if (!r.ok) {
    return { ok: false, fault: fault('Sender', ['ter:WellFormed'], `Request is not well-formed XML (${r.error})`) };
  }
  const envNode = r.root;
  if (envNode.local !== 'Envelope' || (envNode.ns !== NS.env && envNode.ns !== NS.soap11)) {
    return { ok: false, fault: fault('Sender', ['ter:WellFormed'], 'Not a SOAP envelope') };
  }
  if (envNode.ns === NS.soap11) {
    return { ok: false, fault: fault('Sender', ['ter:WellFormed'], 'SOAP 1.1 is not supported, use SOAP 1.2') };
  }
  const header = child(envNode, envNode.ns, 'Header');
  const body = child(envNode, envNode.ns, 'Body');
  const op = body?.children[0] ?? null;
  if (!op) return { ok: false, fault: fault('Sender', ['ter:WellFormed'], 'Empty SOAP body') };
  return { ok: true, header, body, op };
}

// tt:DateTime helpers
export function dateTimeXml(d) {
  return (
    `<tt:Time><tt:Hour>${d.getUTCHours()}</tt:Hour><tt:Minute>${d.getUTCMinutes()}</tt:Minute><tt:Second>${d.getUTCSeconds()}</tt:Second></tt:Time>` +
    `<tt:Date><tt:Year>${d.getUTCFullYear()}</tt:Year><tt:Month>${d.getUTCMonth() + 1}</tt:Month><tt:Day>${d.getUTCDate()}</tt:Day></tt:Date>`
  );
}
