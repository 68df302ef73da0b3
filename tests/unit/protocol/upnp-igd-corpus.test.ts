import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIgdRequest, readIgdDescription, readIgdReply } from '../../../src/main/protocol/upnp-igd';
import { parseXml, textOf } from '../../../src/main/protocol/xml';
import { sharedFixture } from '../../support/shared-corpus';

// Walks the shared corpus of real router descriptions and miniupnpc's reply tests (../shared/fixtures/upnp-igd, not
// copied into this repo): every description gives a control URL on the router it was fetched from, or fails with a
// reason; the replies read as miniupnpc reads them. Without the corpus this file fails (tests/support/shared-corpus.ts).
const DIR = sharedFixture('upnp-igd');
const files = readdirSync(DIR);
const descriptions = files.filter((f) => f.endsWith('.rootDesc.xml') || /rootDesc-.*\.xml$/.test(f));
const read = (f: string) => readFileSync(join(DIR, f));
/** Where each description is taken to come from: not the URLBase some of them carry (192.168.1.1:49152). */
const AT = new URL('http://192.168.1.1:5000/rootDesc.xml');

/** miniupnpc's expected values: `name=value` lines, or the "first:" block of its description tests. */
function expectedValues(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of readFileSync(join(DIR, file), 'utf8').split('\n')) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}
function firstService(file: string): { servicetype: string; controlurl: string } {
  const text = readFileSync(join(DIR, file), 'utf8');
  const block = text.split(/^first:$/m)[1] ?? '';
  const get = (k: string) => new RegExp(`^ ${k} = (.*)$`, 'm').exec(block)?.[1] ?? '';
  return { servicetype: get('servicetype'), controlurl: get('controlurl') };
}

describe('shared corpus: router descriptions', () => {
  it('has the descriptions to walk (five real routers, two spoofed)', () => {
    expect(descriptions.length).toBeGreaterThanOrEqual(7);
    expect(descriptions.filter((f) => f.includes('spoofed'))).toHaveLength(2);
  });

  it.each(descriptions)('%s gives a control URL on the router it came from, or fails with a reason', (file) => {
    const r = readIgdDescription(read(file), AT);
    if (r.ok) {
      expect(r.igd.controlUrl.host).toBe(AT.host);
      expect(r.igd.controlUrl.protocol).toBe('http:');
      expect(r.igd.controlUrl.username + r.igd.controlUrl.password).toBe('');
    } else expect(r.error.length).toBeGreaterThan(0);
  });

  it.each([
    ['miniupnpd-20180615.rootDesc.xml', 'urn:schemas-upnp-org:service:WANIPConnection:1', '/ctl/IPConn'],
    ['avm-fritzbox7430.rootDesc.xml', 'urn:schemas-upnp-org:service:WANIPConnection:1', '/igdupnp/control/WANIPConn1'],
    [
      'unknown-router-anonymised.rootDesc.xml',
      'urn:schemas-upnp-org:service:WANIPConnection:1',
      '/upnp/control/WANIPConn1',
    ],
  ])('the real router %s is read: its mappings can be listed', (file, serviceType, path) => {
    const r = readIgdDescription(read(file), AT);
    expect(r.ok && [r.igd.serviceType, r.igd.controlUrl.href, r.igd.igdVersion]).toEqual([
      serviceType,
      `http://192.168.1.1:5000${path}`,
      1,
    ]);
  });

  it('the Linksys (IGD:1, PPP) gives the service miniupnpc picks, on the router, not at its URLBase', () => {
    const first = firstService('linksys-wag200g.rootDesc.expected.txt');
    const r = readIgdDescription(read('linksys-wag200g.rootDesc.xml'), AT);
    expect(r.ok && [r.igd.serviceType, r.igd.controlUrl.href]).toEqual([
      first.servicetype,
      `http://192.168.1.1:5000${first.controlurl}`,
    ]);
  });

  // The Orange Livebox lists its connection as WANPPPConnection:2, a type miniupnpc accepts: its mappings are read.
  it('the Orange Livebox (IGD:2, WANPPPConnection:2) gives the service miniupnpc picks', () => {
    const first = firstService('sagemcom-orange-livebox.rootDesc.expected.txt');
    const r = readIgdDescription(read('sagemcom-orange-livebox.rootDesc.xml'), AT);
    expect(r.ok && [r.igd.serviceType, r.igd.controlUrl.href]).toEqual([
      first.servicetype,
      `http://192.168.1.1:5000${first.controlurl}`,
    ]);
  });

  it.each(descriptions.filter((f) => f.includes('spoofed')))(
    '%s, even inside a real IGD, never yields a control URL off the router',
    (file) => {
      // As published they declare no device type (refused as not an IGD); made into an IGD, the spoofed URL must
      // still stay on the router or be refused.
      const asIgd = read(file)
        .toString('utf8')
        .replace('<device>', '<device><deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>');
      for (const data of [read(file), asIgd]) {
        const r = readIgdDescription(data, AT);
        if (r.ok) expect(r.igd.controlUrl.hostname).toBe('192.168.1.1');
        else expect(r.error).toMatch(/another host|not an Internet Gateway Device/);
      }
      // Made an IGD, the spoofed control URL is a path on the router ("/:aaa@example2.com/…"), never that host.
      const r = readIgdDescription(asIgd, AT);
      expect(r.ok && r.igd.controlUrl.hostname).toBe('192.168.1.1');
    },
  );
});

describe('shared corpus: miniupnpc’s reply tests', () => {
  it.each([
    ['miniupnpc-testreplyparse.GetExternalIPAddressResponse', 'GetExternalIPAddress'],
    ['miniupnpc-testreplyparse.GetSpecificPortMappingEntryResponse', 'GetSpecificPortMappingEntry'],
  ])('%s reads the values miniupnpc expects', (name, action) => {
    const r = readIgdReply(read(`${name}.xml`), action);
    expect(r).toEqual({ kind: 'ok', values: expectedValues(`${name}.expected.txt`) });
  });

  it('the truncated reply is invalid, not an answer', () => {
    const r = readIgdReply(read('miniupnpc-testreplyparse.malformed-truncated.xml'), 'GetExternalIPAddress');
    expect(r.kind).toBe('invalid');
  });

  it.each([
    [
      'DeletePortMapping',
      [
        ['NewRemoteHost', ''],
        ['NewExternalPort', 123],
        ['NewProtocol', 'TCP'],
      ],
    ],
    [
      'GetSpecificPortMappingEntry',
      [
        ['NewRemoteHost', ''],
        ['NewExternalPort', 12345],
        ['NewProtocol', 'UDP'],
      ],
    ],
  ] as const)('our %s request carries the values of miniupnpc’s', (action, args) => {
    const built = parseXml(buildIgdRequest('urn:schemas-upnp-org:service:WANIPConnection:1', action, args).body);
    if (!built.ok) throw new Error(built.error);
    const el = built.root.children[0]!.children[0]!;
    const ours = Object.fromEntries(el.children.map((c) => [c.name, textOf(c)]));
    expect(ours).toEqual(expectedValues(`miniupnpc-testreplyparse.${action}-request.expected.txt`));
  });
});
