// The ONVIF SOAP codec's rules that mutation testing found untested (issue 17): the WS-Security header a login
// sends, the envelope without one, the reply reader's caps and its missing Body, the fault code's local part, the
// digest challenge's "stale", the login verdict on a fault's subcodes and the protocols list's element filter.
// Each test names what a user would suffer if its rule broke.
import { describe, expect, it } from 'vitest';
import {
  ONVIF_NS,
  buildDeviceRequest,
  classifyAuthReply,
  parseDigestChallenge,
  readNetworkProtocols,
  readSoapReply,
  usernameToken,
  type SoapReply,
} from '../../../src/main/protocol/onvif-soap';
import { child, parseXml, path, type XmlElement } from '../../../src/main/protocol/xml';

const parsed = (xml: string): XmlElement => {
  const r = parseXml(xml);
  if (!r.ok) throw new Error(r.error);
  return r.root;
};
const envelope = (inner: string) =>
  `<s:Envelope xmlns:s="${ONVIF_NS.soap}" xmlns:tt="${ONVIF_NS.tt}">${inner}</s:Envelope>`;
/** A SOAP 1.2 fault with a chain of subcodes (each nested in the one before, as the standard writes them). */
const fault = (code: string, subcodes: string[], reason: string): SoapReply => {
  const chain = subcodes.reduceRight((inner, s) => `<s:Subcode><s:Value>${s}</s:Value>${inner}</s:Subcode>`, '');
  return readSoapReply(
    envelope(
      `<s:Body><s:Fault><s:Code><s:Value>${code}</s:Value>${chain}</s:Code>` +
        `<s:Reason><s:Text xml:lang="en">${reason}</s:Text></s:Reason></s:Fault></s:Body>`,
    ),
  );
};

describe('the request a login sends', () => {
  it('carries the WS-Security password digest and nonce, each with the type the standard names (else every login fails)', () => {
    const token = usernameToken('admin', 'pässword', new Uint8Array(16).fill(7), new Date('2026-01-02T03:04:05.678Z'));
    const request = parsed(buildDeviceRequest('GetUsers', '', token));
    const ut = path(request, 'Header', 'Security', 'UsernameToken');
    expect(child(ut, 'Username', ONVIF_NS.wsse)?.text).toBe('admin');
    const password = child(ut, 'Password', ONVIF_NS.wsse);
    expect(password?.text).toBe(token.digest);
    expect(password?.attrs.Type).toBe(
      'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest',
    );
    const nonce = child(ut, 'Nonce', ONVIF_NS.wsse);
    expect(nonce?.text).toBe(Buffer.from(new Uint8Array(16).fill(7)).toString('base64'));
    expect(nonce?.attrs.EncodingType).toBe(
      'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary',
    );
    expect(child(ut, 'Created', ONVIF_NS.wsu)?.text).toBe('2026-01-02T03:04:05.678Z');
  });

  it('a request without credentials has nothing before its Body (a strict device refuses stray text)', () => {
    const request = parsed(buildDeviceRequest('GetSystemDateAndTime'));
    expect(request.children.map((c) => c.name)).toEqual(['Body']);
    expect(request.text).toBe('');
  });
});

describe('reading a reply', () => {
  it('a large reply within the SOAP caps (over 5 000 elements, 36 levels deep) is read, not refused', () => {
    const many = `<tt:List>${'<tt:Item/>'.repeat(6000)}</tt:List>`;
    const r = readSoapReply(envelope(`<s:Body>${many}</s:Body>`));
    expect(r.kind).toBe('body');
    if (r.kind === 'body') expect(r.body.children).toHaveLength(6000);
    const deep = `${'<tt:D>'.repeat(34)}x${'</tt:D>'.repeat(34)}`;
    expect(readSoapReply(envelope(`<s:Body>${deep}</s:Body>`)).kind).toBe('body');
  });

  it('an envelope without a Body is refused as empty, not thrown out of the reader', () => {
    expect(readSoapReply(envelope('<s:Header/>'))).toEqual({ kind: 'invalid', error: 'empty SOAP body' });
  });

  it('a fault code is read after its prefix, even an empty one, and cut to 100 characters', () => {
    const r = fault(':Sender', [`ter:${'X'.repeat(150)}`], 'r');
    expect(r).toMatchObject({ kind: 'fault', code: 'Sender' });
    if (r.kind === 'fault') expect(r.subcodes).toEqual(['X'.repeat(100)]);
  });
});

describe('the digest challenge', () => {
  it('only stale=true (any case) marks the nonce stale, not a value that merely starts or ends with it', () => {
    const stale = (v: string) => parseDigestChallenge(`Digest realm="r", nonce="n", stale=${v}`)?.stale;
    expect(stale('True')).toBe(true);
    expect(stale('"TRUE"')).toBe(true);
    expect(stale('untrue')).toBe(false);
    expect(stale('trueish')).toBe(false);
  });
});

describe('the login verdict on a fault', () => {
  it('FailedAuthentication among other subcodes is a wrong password, not a generic fault', () => {
    expect(classifyAuthReply(400, fault('s:Sender', ['ter:InvalidArgVal', 'wsse:FailedAuthentication'], 'x'))).toBe(
      'wrong-credentials',
    );
    expect(classifyAuthReply(400, fault('s:Sender', ['wsse:InvalidSecurity', 'ter:Other'], 'x'))).toBe(
      'wrong-credentials',
    );
  });

  it('a fault with no subcodes and no login words is a fault, not a wrong password (the user is not sent to retype it)', () => {
    expect(classifyAuthReply(500, fault('s:Receiver', [], 'Internal error'))).toBe('fault');
  });
});

describe('the protocols list', () => {
  it('only NetworkProtocols elements are read: another element with a Name and a Port is not a protocol', () => {
    const body = parsed(
      '<r><Other><Name>HTTP</Name><Enabled>true</Enabled><Port>8080</Port></Other>' +
        '<NetworkProtocols><Name>RTSP</Name><Enabled>true</Enabled><Port>554</Port></NetworkProtocols></r>',
    );
    expect(readNetworkProtocols(body)).toEqual([{ name: 'RTSP', enabled: true, ports: [554] }]);
  });
});
