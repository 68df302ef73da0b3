import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildSetNetworkProtocols,
  digestAuthorization,
  readNetworkProtocols,
  readSoapReply,
} from '../../../src/main/protocol/onvif-soap';
import { parseXml } from '../../../src/main/protocol/xml';

// The codecs behind a port change and a login, exactly (issue 17, from mutation testing): the ports ONVIF lists and
// the ones the app sends, the fault a device answers with, and the digest answer to its challenge.

const body = (xml: string) => {
  const r = parseXml(xml);
  if (!r.ok) throw new Error(r.error);
  return r.root;
};
const protocol = (name: string, enabled: string, ...ports: string[]) =>
  `<NetworkProtocols><Name>${name}</Name><Enabled>${enabled}</Enabled>${ports.map((p) => `<Port>${p}</Port>`).join('')}</NetworkProtocols>`;

describe('readNetworkProtocols', () => {
  it('keeps HTTP, HTTPS and RTSP (any case), whole ports 1–65535 only, "true" or "1" as enabled', () => {
    const r = readNetworkProtocols(
      body(
        `<r>${protocol('http', 'TRUE', '80', '0', '65535', '65536', '8.5', 'x')}${protocol('HTTPS', '1', '443')}` +
          `${protocol('RTSP', 'yes', '554')}${protocol('FTP', 'true', '21')}<Other><Port>1</Port></Other></r>`,
      ),
    );
    expect(r).toEqual([
      { name: 'HTTP', enabled: true, ports: [80, 65535] },
      { name: 'HTTPS', enabled: true, ports: [443] },
      { name: 'RTSP', enabled: false, ports: [554] },
    ]);
  });

  it('an "Enabled" that only starts or ends like true is not enabled; ports beside the Port elements are ignored', () => {
    const r = readNetworkProtocols(
      body(
        `<r>${protocol('HTTP', 'truely', '80')}${protocol('HTTPS', 'untrue', '443')}<NetworkProtocols><Name>RTSP</Name><Enabled>true</Enabled><Other>554</Other></NetworkProtocols></r>`,
      ),
    );
    expect(r).toEqual([
      { name: 'HTTP', enabled: false, ports: [80] },
      { name: 'HTTPS', enabled: false, ports: [443] },
      { name: 'RTSP', enabled: true, ports: [] },
    ]);
  });

  it('reads at most 8 protocols and 8 ports each', () => {
    const many = Array.from({ length: 12 }, () =>
      protocol('HTTP', 'true', ...Array.from({ length: 12 }, (_, i) => String(8000 + i))),
    );
    const r = readNetworkProtocols(body(`<r>${many.join('')}</r>`));
    expect(r).toHaveLength(8);
    expect(r[0]!.ports).toEqual([8000, 8001, 8002, 8003, 8004, 8005, 8006, 8007]);
  });
});

describe('buildSetNetworkProtocols', () => {
  it('writes each protocol with its name, enabled flag and ports, in order', () => {
    expect(
      buildSetNetworkProtocols([
        { name: 'HTTP', enabled: true, ports: [1, 65535] },
        { name: 'RTSP', enabled: false, ports: [554] },
      ]),
    ).toBe(
      '<tds:NetworkProtocols><tt:Name>HTTP</tt:Name><tt:Enabled>true</tt:Enabled><tt:Port>1</tt:Port><tt:Port>65535</tt:Port></tds:NetworkProtocols>' +
        '<tds:NetworkProtocols><tt:Name>RTSP</tt:Name><tt:Enabled>false</tt:Enabled><tt:Port>554</tt:Port></tds:NetworkProtocols>',
    );
  });

  it('never sends a port that is no port, nor a protocol ONVIF does not have', () => {
    for (const port of [0, 65536, 80.5, Number.NaN])
      expect(() => buildSetNetworkProtocols([{ name: 'HTTP', enabled: true, ports: [port] }]), String(port)).toThrow(
        'port out of range',
      );
    expect(() => buildSetNetworkProtocols([{ name: 'FTP' as 'HTTP', enabled: true, ports: [21] }])).toThrow(
      'unknown protocol',
    );
  });
});

describe('readSoapReply', () => {
  const env = (inner: string) =>
    `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>${inner}</s:Body></s:Envelope>`;

  it('reads a SOAP 1.2 fault: the code’s local name, every nested subcode (at most 5), the reason cut at 300', () => {
    let sub = '';
    for (let i = 7; i >= 1; i--) sub = `<s:Subcode><s:Value>ter:Sub${i}</s:Value>${sub}</s:Subcode>`;
    const r = readSoapReply(
      env(
        `<s:Fault><s:Code><s:Value>s:Sender</s:Value>${sub}</s:Code><s:Reason><s:Text>${'r'.repeat(400)}</s:Text></s:Reason></s:Fault>`,
      ),
    );
    expect(r).toEqual({
      kind: 'fault',
      code: 'Sender',
      subcodes: ['Sub1', 'Sub2', 'Sub3', 'Sub4', 'Sub5'],
      reason: 'r'.repeat(300),
    });
  });

  it('skips an empty subcode value, and reads SOAP 1.1’s faultcode and faultstring', () => {
    const r = readSoapReply(
      env(
        `<s:Fault><s:Code><s:Value>s:Receiver</s:Value><s:Subcode><s:Value></s:Value><s:Subcode><s:Value>ter:X</s:Value></s:Subcode></s:Subcode></s:Code></s:Fault>`,
      ),
    );
    expect(r).toEqual({ kind: 'fault', code: 'Receiver', subcodes: ['X'], reason: '' });
    const soap11 = readSoapReply(
      `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Body><e:Fault><faultcode>e:Client</faultcode><faultstring>Bad</faultstring></e:Fault></e:Body></e:Envelope>`,
    );
    expect(soap11).toEqual({ kind: 'fault', code: 'Client', subcodes: [], reason: 'Bad' });
  });

  it('is not a reply: no envelope, an empty body', () => {
    expect(readSoapReply('<html><body>x</body></html>')).toEqual({ kind: 'invalid', error: 'not a SOAP envelope' });
    expect(readSoapReply(env(''))).toEqual({ kind: 'invalid', error: 'empty SOAP body' });
  });
});

describe('digestAuthorization', () => {
  it('answers RFC 2617’s own example exactly', () => {
    const header = digestAuthorization(
      {
        realm: 'testrealm@host.com',
        nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
        qop: 'auth',
        opaque: '5ccc069c403ebaf9f0171e9517f40e41',
        algorithm: 'MD5',
        stale: false,
      },
      { username: 'Mufasa', password: 'Circle Of Life' },
      { method: 'GET', uri: '/dir/index.html' },
      '0a4f113b',
    );
    expect(header).toBe(
      'Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", ' +
        'uri="/dir/index.html", algorithm=MD5, response="6629fae49393a05397450978507c4ef1", qop=auth, nc=00000001, ' +
        'cnonce="0a4f113b", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
  });

  it('without qop or opaque (RFC 2069) and with SHA-256: the older response, and quotes escaped', () => {
    const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
    const header = digestAuthorization(
      { realm: 'r', nonce: 'n', qop: null, opaque: null, algorithm: 'SHA-256', stale: false },
      { username: 'a"b\\c', password: 'pé' },
      { method: 'POST', uri: '/onvif/device_service' },
      'cn',
    );
    const response = sha(`${sha('a"b\\c:r:pé')}:n:${sha('POST:/onvif/device_service')}`);
    expect(header).toBe(
      `Digest username="a\\"b\\\\c", realm="r", nonce="n", uri="/onvif/device_service", algorithm=SHA-256, response="${response}"`,
    );
  });
});
