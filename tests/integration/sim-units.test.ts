// The simulators' own codecs and rules (tests/lab/sim): no network, no lab needed.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  parseXml,
  find,
  text,
  createDigest,
  verifyUsernameToken,
  usernameTokenXml,
  parseAuthParams,
  parseDiscovery,
  probeMatches,
  probeMatchesXml,
  NS,
  handleOnvif,
  Device,
  dhipPacket,
  parseDhip,
  notifyDevInfo,
  parseSadpProbe,
  sadpProbeMatchXml,
  ROGUE_VARIANTS as VARIANTS,
  SIMULATORS,
  SIM_USERS,
} from '../lab/sim/testing.mjs';

const md5 = (s: string) => crypto.createHash('md5').update(s).digest('hex');
const admin = SIM_USERS.find((u) => u.user === 'admin')!;
const locked = SIM_USERS.find((u) => u.locked)!;

function probeXml(types: string, id = `urn:uuid:${crypto.randomUUID()}`, scopes = '') {
  return (
    `<?xml version="1.0"?><e:Envelope xmlns:e="${NS.env}" xmlns:w="${NS.wsa}" xmlns:d="${NS.d}"><e:Header><w:MessageID>${id}</w:MessageID>` +
    `<w:Action>${NS.d}/Probe</w:Action></e:Header><e:Body><d:Probe>${types}${scopes}</d:Probe></e:Body></e:Envelope>`
  );
}

describe('sim xml reader', () => {
  it('resolves namespaces and refuses DTDs, entities and junk', () => {
    const r = parseXml('<a:x xmlns:a="urn:a"><a:y>1 &amp; 2</a:y></a:x>');
    expect(r.ok).toBe(true);
    expect(text(find(r.root, 'urn:a', 'y'))).toBe('1 & 2');
    expect(parseXml('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>')).toEqual({
      ok: false,
      error: 'dtd-forbidden',
    });
    expect(parseXml('<x>&e;</x>').ok).toBe(false);
    expect(parseXml('<p:x/>').ok).toBe(false);
    expect(parseXml('<x><y></x>').ok).toBe(false);
    expect(parseXml(`<x>${'a'.repeat(70 * 1024)}</x>`)).toEqual({ ok: false, error: 'too-large' });
  });
});

describe('sim auth', () => {
  it('HTTP digest: accepts a correct MD5/qop=auth answer, refuses a wrong one, reports the locked user', () => {
    const dg = createDigest({ realm: 'IP Camera' });
    const p = parseAuthParams(dg.challenge());
    const answer = (u: { user: string; password: string }) => {
      const ha1 = md5(`${u.user}:IP Camera:${u.password}`);
      const resp = md5(`${ha1}:${p.nonce}:00000001:abc:auth:${md5('POST:/onvif/device_service')}`);
      return `Digest username="${u.user}", realm="IP Camera", nonce="${p.nonce}", uri="/onvif/device_service", qop=auth, nc=00000001, cnonce="abc", response="${resp}"`;
    };
    expect(dg.verify(answer(admin), 'POST', SIM_USERS).ok).toBe(true);
    expect(dg.verify(answer({ ...admin, password: 'nope' }), 'POST', SIM_USERS)).toEqual({ ok: false, reason: 'bad' });
    expect(dg.verify(answer(locked), 'POST', SIM_USERS).reason).toBe('locked');
  });

  it('HTTP digest: a nonce older than its lifetime is stale', () => {
    let now = 1_000_000;
    const dg = createDigest({ realm: 'r', now: () => now });
    const p = parseAuthParams(dg.challenge());
    now += 301_000;
    const ha1 = md5(`admin:r:${admin.password}`);
    const resp = md5(`${ha1}:${p.nonce}:${md5('POST:/x')}`);
    expect(
      dg.verify(
        `Digest username="admin", realm="r", nonce="${p.nonce}", uri="/x", response="${resp}"`,
        'POST',
        SIM_USERS,
      ).reason,
    ).toBe('stale');
  });

  it('UsernameToken: PasswordDigest checked against the device clock with ±300 s', () => {
    const hdr = (created: string, u = admin) =>
      parseXml(`<h xmlns="${NS.env}">${usernameTokenXml(u.user, u.password, created)}</h>`).root;
    const dev = Date.parse('2024-08-17T12:30:45Z');
    expect(verifyUsernameToken(hdr('2024-08-17T12:30:45Z'), SIM_USERS, dev).ok).toBe(true);
    expect(verifyUsernameToken(hdr('2024-08-17T12:34:00.123Z'), SIM_USERS, dev).ok).toBe(true);
    expect(verifyUsernameToken(hdr('2024-08-17T12:40:45Z'), SIM_USERS, dev).reason).toBe('clock');
    expect(verifyUsernameToken(hdr('2024-08-17T12:30:45Z', locked), SIM_USERS, dev).reason).toBe('locked');
    expect(verifyUsernameToken(hdr('2024-08-17T12:30:45Z', { ...admin, password: 'x' }), SIM_USERS, dev).reason).toBe(
      'bad',
    );
  });
});

describe('sim WS-Discovery matching', () => {
  const scopes = ['onvif://www.onvif.org/name/X', 'onvif://www.onvif.org/hardware/Y'];
  const match = (types: string, sc = '') => {
    const p = parseDiscovery(Buffer.from(probeXml(types, undefined, sc)));
    return p.ok && probeMatches(p, scopes);
  };
  it('matches NVT / tds:Device by namespace (any prefix) and empty Types, not wsdp:Device', () => {
    expect(
      match('<d:Types xmlns:q="http://www.onvif.org/ver10/network/wsdl">q:NetworkVideoTransmitter</d:Types>'),
    ).toBe(true);
    expect(match('<d:Types xmlns:z="http://www.onvif.org/ver10/device/wsdl">z:Device</d:Types>')).toBe(true);
    expect(match('')).toBe(true);
    expect(match('<d:Types/>')).toBe(true);
    expect(match('<d:Types xmlns:wsdp="http://schemas.xmlsoap.org/ws/2006/02/devprof">wsdp:Device</d:Types>')).toBe(
      false,
    );
    expect(match('<d:Types xmlns:dn="urn:other">dn:NetworkVideoTransmitter</d:Types>')).toBe(false);
    expect(match('', '<d:Scopes>onvif://www.onvif.org/name</d:Scopes>')).toBe(true);
    expect(match('', '<d:Scopes>onvif://www.onvif.org/name/Z</d:Scopes>')).toBe(false);
  });
  it('builds ProbeMatches that parse back with RelatesTo and the first XAddr', () => {
    const xml = probeMatchesXml({
      messageId: 'urn:uuid:1',
      relatesTo: 'urn:uuid:probe',
      instanceId: 3,
      messageNumber: 7,
      epr: 'urn:uuid:dev',
      scopes,
      xaddrs: ['http://192.168.50.64/onvif/device_service'],
    });
    const r = parseXml(xml);
    expect(r.root.ns).toBe(NS.env);
    expect(text(find(r.root, NS.wsa, 'RelatesTo'))).toBe('urn:uuid:probe');
    expect(text(find(r.root, NS.d, 'XAddrs'))).toBe('http://192.168.50.64/onvif/device_service');
    expect(text(find(r.root, NS.d, 'Types'))).toBe('dn:NetworkVideoTransmitter tds:Device');
  });
  it('rogue variants are what they claim (and every well-formed one is refused or flagged by the sim reader)', () => {
    const all = (name: string) => VARIANTS[name]!('192.168.50.250', 'urn:uuid:p').map((x) => x.payload);
    const v = (name: string) => all(name)[0]!;
    expect(parseXml(v('malformed')).ok).toBe(false);
    expect(parseXml(v('xxe')).error).toBe('dtd-forbidden');
    expect(parseXml(v('billion-laughs')).error).toBe('dtd-forbidden');
    const big = Buffer.byteLength(v('oversized'));
    expect(big).toBeGreaterThan(50 * 1024);
    expect(big).toBeLessThanOrEqual(60 * 1024);
    expect(all('duplicate')).toHaveLength(5);
    expect(parseXml(v('soap11')).root.ns).toBe('http://schemas.xmlsoap.org/soap/envelope/');
    expect(v('wsd2009')).toContain('http://docs.oasis-open.org/ws-dd/ns/discovery/2009/01');
    expect(v('offsubnet')).toContain('http://10.99.99.99/');
  });
});

describe('sim SADP and DHIP codecs', () => {
  it('DHIP: 32-byte header as real devices send it, JSON round trip', () => {
    const pkt = dhipPacket({ method: 'DHDiscover.search', params: { mac: '', uni: 1 } });
    expect(pkt.readUInt32LE(0)).toBe(0x20);
    expect(pkt.toString('latin1', 4, 8)).toBe('DHIP');
    expect(pkt.readUInt32LE(16)).toBe(pkt.length - 32);
    expect(pkt.readUInt32LE(24)).toBe(pkt.length - 32);
    const p = parseDhip(pkt);
    expect(p.ok && p.json.method).toBe('DHDiscover.search');
    const info = notifyDevInfo({
      mac: '02:00:C0:A8:32:41',
      model: 'M',
      httpPort: 80,
      httpsPort: 443,
      gateway: '192.168.50.1',
      dhcp: false,
      address: '192.168.50.65',
      prefix: 24,
      hostname: 'h',
      sdkPort: 37777,
      serial: 'S',
      version: '4.0',
    });
    expect(info.method).toBe('client.notifyDevInfo');
    expect(info.params.deviceInfo.IPv4Address.SubnetMask).toBe('255.255.255.0');
    expect(parseDhip(Buffer.from('junk')).ok).toBe(false);
  });
  it('SADP: Probe parses, ProbeMatch carries the probe Uuid and the device fields', () => {
    expect(
      parseSadpProbe(Buffer.from('<?xml version="1.0"?><Probe><Uuid>ABC</Uuid><Types>inquiry</Types></Probe>')),
    ).toEqual({ ok: true, uuid: 'ABC', types: 'inquiry' });
    const x = parseXml(
      sadpProbeMatchXml(
        {
          deviceType: '1',
          model: 'M',
          serial: 'S',
          commandPort: 8000,
          httpPort: 80,
          mac: '02:00:c0:a8:32:40',
          address: '192.168.50.64',
          prefix: 24,
          gateway: '192.168.50.1',
          dhcp: false,
          softwareVersion: 'V',
          bootTime: 'B',
          salt: 's',
        },
        'ABC',
      ),
    );
    expect(x.ok).toBe(true);
    const f = (n: string) => text(find(x.root, null, n));
    expect([f('Uuid'), f('MAC'), f('IPv4Address'), f('CommandPort'), f('DHCP'), f('Activated')]).toEqual([
      'ABC',
      '02-00-c0-a8-32-40',
      '192.168.50.64',
      '8000',
      'false',
      'true',
    ]);
  });
});

describe('sim ONVIF device service (in-process)', () => {
  let dev: any;
  const scheduled: string[] = [];
  const hik = SIMULATORS.find((s) => s.host === 'hik')!;
  const soap = (body: string, header = '') =>
    `<?xml version="1.0"?><s:Envelope xmlns:s="${NS.env}" xmlns:tds="${NS.tds}" xmlns:tt="${NS.tt}"><s:Header>${header}</s:Header><s:Body>${body}</s:Body></s:Envelope>`;
  const ut = (u = admin, skewS = 0) =>
    usernameTokenXml(u.user, u.password, new Date(dev.nowMs() + skewS * 1000).toISOString());

  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-unit-'));
    dev = new Device({
      profile: hik.profile,
      host: hik.host,
      ip: hik.ip,
      prefix: '24',
      gateway: '192.168.50.1',
      iface: 'eth0',
      mac: hik.mac,
      name: hik.name,
      stateDir: dir,
      clockOffset: 600,
    });
    dev.later = (fn: () => void, _ms: number) => scheduled.push(String(fn));
  });
  afterAll(() => fs.rmSync(dev.stateDir, { recursive: true, force: true }));

  it('GetSystemDateAndTime is PRE_AUTH and reports the device clock (offset 600 s)', () => {
    const r = handleOnvif(dev, { bodyText: soap('<tds:GetSystemDateAndTime/>') });
    expect(r.status).toBe(200);
    const x = parseXml(r.body);
    const g = (n: string) => Number(text(find(find(x.root, null, 'UTCDateTime'), null, n)));
    const t = Date.UTC(g('Year'), g('Month') - 1, g('Day'), g('Hour'), g('Minute'), g('Second'));
    expect(Math.abs(t - (Date.now() + 600_000))).toBeLessThan(5000);
  });

  it('needs auth for GetDeviceInformation: 401 + digest challenge without credentials', () => {
    const r = handleOnvif(dev, { bodyText: soap('<tds:GetDeviceInformation/>') });
    expect(r.status).toBe(401);
    expect(r.headers['WWW-Authenticate']).toMatch(/^Digest realm="IP Camera", qop="auth"/);
  });

  it('UsernameToken signed with the device clock passes, one with the local clock is a 400 NotAuthorized', () => {
    expect(handleOnvif(dev, { bodyText: soap('<tds:GetDeviceInformation/>', ut(admin, 0)) }).status).toBe(200);
    const bad = handleOnvif(dev, {
      bodyText: soap(
        '<tds:GetDeviceInformation/>',
        usernameTokenXml(admin.user, admin.password, new Date().toISOString()),
      ),
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('ter:NotAuthorized');
  });

  it('locked user gets a fault that says so; operator may not read users', () => {
    const r = handleOnvif(dev, { bodyText: soap('<tds:GetDeviceInformation/>', ut(locked)) });
    expect(r.status).toBe(400);
    expect(r.body).toMatch(/locked: too many failed login attempts/);
    const op = SIM_USERS.find((u) => u.level === 'Operator')!;
    expect(handleOnvif(dev, { bodyText: soap('<tds:GetUsers/>', ut(op)) }).body).toContain('ter:NotAuthorized');
  });

  it('SetNetworkProtocols: PortAlreadyInUse for the SDK port, accepted otherwise; unknown op → ActionNotSupported; DOCTYPE refused', () => {
    const set = (port: number) =>
      soap(
        `<tds:SetNetworkProtocols><tds:NetworkProtocols><tt:Name>HTTP</tt:Name><tt:Enabled>true</tt:Enabled><tt:Port>${port}</tt:Port></tds:NetworkProtocols></tds:SetNetworkProtocols>`,
        ut(),
      );
    const clash = handleOnvif(dev, { bodyText: set(hik.ports.sdk!) });
    expect(clash.status).toBe(400);
    expect(clash.body).toMatch(/ter:InvalidArgVal<\/env:Value><env:Subcode><env:Value>ter:PortAlreadyInUse/);
    const n = scheduled.length;
    expect(handleOnvif(dev, { bodyText: set(8080) }).status).toBe(200);
    expect(scheduled.length).toBe(n + 1);
    const unk = handleOnvif(dev, { bodyText: soap('<tds:GetFancyThing/>', ut()) });
    expect(unk.body).toContain('ter:ActionNotSupported');
    const dtd = handleOnvif(dev, { bodyText: '<!DOCTYPE x [<!ENTITY a "b">]>' + soap('<tds:GetSystemDateAndTime/>') });
    expect(dtd.status).toBe(400);
    expect(dtd.body).toContain('ter:WellFormed');
  });

  it('SetNetworkInterfaces validates the address and reports RebootNeeded per profile', () => {
    const set = (addr: string) =>
      soap(
        `<tds:SetNetworkInterfaces><tds:InterfaceToken>eth0</tds:InterfaceToken><tds:NetworkInterface><tt:IPv4><tt:Manual><tt:Address>${addr}</tt:Address><tt:PrefixLength>24</tt:PrefixLength></tt:Manual><tt:DHCP>false</tt:DHCP></tt:IPv4></tds:NetworkInterface></tds:SetNetworkInterfaces>`,
        ut(),
      );
    expect(handleOnvif(dev, { bodyText: set('127.0.0.1') }).body).toContain('ter:InvalidIPv4Address');
    expect(handleOnvif(dev, { bodyText: set('192.168.50.70') }).body).toContain(
      '<tds:RebootNeeded>false</tds:RebootNeeded>',
    );
  });
  it('SetDiscoveryMode and SetHostname change the state and survive a restart (state.json)', () => {
    const nd = handleOnvif(dev, {
      bodyText: soap(
        '<tds:SetDiscoveryMode><tds:DiscoveryMode>NonDiscoverable</tds:DiscoveryMode></tds:SetDiscoveryMode>',
        ut(),
      ),
    });
    expect(nd.status).toBe(200);
    expect(dev.wsdInfo().discoverable).toBe(false);
    expect(
      handleOnvif(dev, { bodyText: soap('<tds:SetHostname><tds:Name>bad_name!</tds:Name></tds:SetHostname>', ut()) })
        .body,
    ).toContain('ter:InvalidHostname');
    expect(
      handleOnvif(dev, { bodyText: soap('<tds:SetHostname><tds:Name>shop-nvr</tds:Name></tds:SetHostname>', ut()) })
        .status,
    ).toBe(200);
    const again = new Device({
      profile: hik.profile,
      host: hik.host,
      ip: hik.ip,
      prefix: '24',
      gateway: '192.168.50.1',
      iface: 'eth0',
      mac: hik.mac,
      name: hik.name,
      stateDir: dev.stateDir,
    });
    expect(again.st.hostname).toBe('shop-nvr');
    expect(again.st.discoveryMode).toBe('NonDiscoverable');
    expect(again.st.instanceId).toBe(dev.st.instanceId + 1);
  });
});

// `--https-off` and the `https-plain` flag file (tests/integration/app-security-https-on.test.ts): HTTPS configured
// but off at a fresh start, and an HTTPS port that answers plain HTTP while it is listed as on.
describe('sim HTTPS configured but off (--https-off) and the https-plain flag', () => {
  const hik = SIMULATORS.find((s) => s.host === 'hik')!;
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const device = (httpsOff?: boolean) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-unit-https-'));
    dirs.push(dir);
    const opts = { profile: 'hikvision', host: 'x', ip: hik.ip, prefix: '24', iface: 'eth0', mac: hik.mac, name: 'N' };
    return new Device({ ...opts, stateDir: dir, ...(httpsOff === undefined ? {} : { httpsOff }) });
  };

  it('by default HTTPS is on at 443 and listened on; with httpsOff it is listed off at 443 and nothing listens', () => {
    const on = device();
    expect(on.protocols()).toContainEqual({ name: 'HTTPS', enabled: true, port: 443 });
    expect(on.desired().get('https')?.sig).toBe('443|true|tls');
    const off = device(true);
    expect(off.protocols()).toContainEqual({ name: 'HTTPS', enabled: false, port: 443 });
    expect(off.desired().has('https')).toBe(false);
  });

  it('https-plain: once HTTPS is turned on, its port is started without TLS; without the flag with TLS', () => {
    const dev = device(true);
    dev.st.enabled.https = true;
    expect(dev.desired().get('https')?.sig).toBe('443|true|tls');
    fs.writeFileSync(path.join(dev.stateDir, 'https-plain'), 'on\n');
    expect(dev.desired().get('https')?.sig).toBe('443|true|plain');
    expect(dev.protocols()).toContainEqual({ name: 'HTTPS', enabled: true, port: 443 });
  });
});
