import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSoapReply, type SoapReply } from '../../../../src/main/protocol/onvif-soap';
import type { OnvifSession } from '../../../../src/main/services/onvif/onvif-client';
import {
  readDeviceNetwork,
  rebootDevice,
  sendDeviceNetwork,
} from '../../../../src/main/services/static-ip/device-network';
import { AppFailure } from '../../../../src/shared/ipc/errors';

// The device side of a static-address change (issue 11) on a session that answers with recorded replies
// (tests/fixtures/onvif-network): which interface and address are read, what is sent and in which order, the
// answer lost when the address moves, and the faults in plain words with what was put back.

const FIXTURES = join(__dirname, '..', '..', '..', 'fixtures', 'onvif-network');
const recorded = (name: string): SoapReply => readSoapReply(readFileSync(join(FIXTURES, name)));
const NS =
  'xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema"';
const empty = (operation: string): SoapReply =>
  readSoapReply(`<s:Envelope ${NS}><s:Body><tds:${operation}Response/></s:Body></s:Envelope>`);
const faultWith = (sub: string): SoapReply =>
  readSoapReply(
    `<s:Envelope ${NS} xmlns:ter="http://www.onvif.org/ver10/error"><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value>` +
      `<s:Subcode><s:Value>ter:InvalidArgVal</s:Value><s:Subcode><s:Value>ter:${sub}</s:Value></s:Subcode></s:Subcode>` +
      `</s:Code><s:Reason><s:Text xml:lang="en">no</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>`,
  );

type Answer = SoapReply | AppFailure | ((inner: string) => SoapReply | AppFailure);

/** A session whose device answers each operation from a script (several answers are used in turn). */
function fakeSession(script: Record<string, Answer | Answer[]>) {
  const calls: Array<{ operation: string; inner: string }> = [];
  const used: Record<string, number> = {};
  const session: OnvifSession = {
    url: new URL('http://192.168.1.64/onvif/device_service'),
    clockOffsetMs: 0,
    auth: 'digest',
    async call(operation, inner = '') {
      calls.push({ operation, inner });
      const entry = script[operation];
      if (entry === undefined) throw new Error(`unexpected ${operation}`);
      const list = Array.isArray(entry) ? entry : [entry];
      const k = Math.min(used[operation] ?? 0, list.length - 1);
      used[operation] = (used[operation] ?? 0) + 1;
      const answer = list[k]!;
      const r = typeof answer === 'function' ? answer(inner) : answer;
      if (r instanceof AppFailure) throw r;
      return r;
    },
  };
  return { session, calls, ops: () => calls.map((c) => c.operation) };
}

const signal = new AbortController().signal;
const HIK = {
  GetNetworkInterfaces: recorded('hikvision-like.GetNetworkInterfaces.xml'),
  GetNetworkDefaultGateway: recorded('hikvision-like.GetNetworkDefaultGateway.xml'),
  GetDNS: recorded('hikvision-like.GetDNS.xml'),
};
const DAHUA = {
  GetNetworkInterfaces: recorded('dahua-like.GetNetworkInterfaces.xml'),
  GetNetworkDefaultGateway: recorded('dahua-like.GetNetworkDefaultGateway.xml'),
  GetDNS: recorded('dahua-like.GetDNS.xml'),
};
const STATIC = {
  interfaceToken: 'eth0',
  address: '192.168.1.201',
  prefix: 24,
  gateway: '192.168.1.1',
  dns: ['192.168.1.1'],
};

describe('readDeviceNetwork', () => {
  it('Hikvision, static: its one interface, address, prefix, gateway and manual DNS', async () => {
    const { session, ops } = fakeSession(HIK);
    const n = await readDeviceNetwork(session, '192.168.1.64', signal);
    expect(n).toEqual({
      interfaceToken: 'eth0',
      mac: '00:11:22:33:44:55',
      dhcp: false,
      address: '192.168.1.64',
      prefix: 24,
      gateway: '192.168.1.1',
      dns: ['192.168.1.1', '9.9.9.9'],
      dnsFromDhcp: false,
      interfaces: [expect.objectContaining({ token: 'eth0' })],
    });
    expect(ops()).toEqual(['GetNetworkInterfaces', 'GetNetworkDefaultGateway', 'GetDNS']);
  });

  it('Dahua on DHCP: the lease we reached it at, not the left-over manual address; DNS from DHCP', async () => {
    const n = await readDeviceNetwork(fakeSession(DAHUA).session, '192.168.1.143', signal);
    expect(n).toMatchObject({
      interfaceToken: 'eth0',
      mac: 'a0:bd:1d:00:11:22',
      dhcp: true,
      address: '192.168.1.143',
      prefix: 24,
      gateway: '192.168.1.1',
      dns: ['192.168.1.1'],
      dnsFromDhcp: true,
    });
    expect(n.interfaces).toHaveLength(2);
  });

  it('picks the interface that carries the address we reached (here the second one), even when disabled', async () => {
    const n = await readDeviceNetwork(fakeSession(DAHUA).session, '192.168.000.108', signal);
    expect(n).toMatchObject({ interfaceToken: 'eth1', dhcp: false, address: '192.168.0.108', prefix: 24 });
    // The gateway on that subnet is preferred; none is, so the device's first one is given.
    expect(n.gateway).toBe('192.168.1.1');
  });

  it('reached by another address (a name, a NAT): the first enabled interface and its address in use', async () => {
    const dhcp = await readDeviceNetwork(fakeSession(DAHUA).session, '10.9.9.9', signal);
    expect(dhcp).toMatchObject({ interfaceToken: 'eth0', address: '192.168.1.143', dhcp: true });
    const axis = await readDeviceNetwork(
      fakeSession({ ...HIK, GetNetworkInterfaces: recorded('axis-like.GetNetworkInterfaces.xml') }).session,
      'nvr.local',
      signal,
    );
    expect(axis).toMatchObject({ interfaceToken: 'eth0', address: '10.0.0.90', prefix: 16 });
  });

  it('prefers the gateway on the address’s own subnet when the device lists several', async () => {
    const gw = readSoapReply(
      `<s:Envelope ${NS}><s:Body><tds:GetNetworkDefaultGatewayResponse><tds:NetworkGateway>` +
        `<tt:IPv4Address>10.0.0.1</tt:IPv4Address><tt:IPv4Address>192.168.1.254</tt:IPv4Address>` +
        `</tds:NetworkGateway></tds:GetNetworkDefaultGatewayResponse></s:Body></s:Envelope>`,
    );
    const n = await readDeviceNetwork(
      fakeSession({ ...HIK, GetNetworkDefaultGateway: gw }).session,
      '192.168.1.64',
      signal,
    );
    expect(n.gateway).toBe('192.168.1.254');
  });

  it('no address at all on the chosen interface: address, prefix and gateway are what is known', async () => {
    const none = readSoapReply(
      `<s:Envelope ${NS}><s:Body><tds:GetNetworkInterfacesResponse><tds:NetworkInterfaces token="eth0">` +
        `<tt:Enabled>false</tt:Enabled><tt:IPv4><tt:Config><tt:DHCP>true</tt:DHCP></tt:Config></tt:IPv4>` +
        `</tds:NetworkInterfaces></tds:GetNetworkInterfacesResponse></s:Body></s:Envelope>`,
    );
    const n = await readDeviceNetwork(
      fakeSession({ ...HIK, GetNetworkInterfaces: none }).session,
      '192.168.1.64',
      signal,
    );
    expect(n).toMatchObject({
      interfaceToken: 'eth0',
      dhcp: true,
      address: null,
      prefix: null,
      gateway: '192.168.1.1',
    });
  });

  it('gateway or DNS refused: still read, with none known', async () => {
    const n = await readDeviceNetwork(
      fakeSession({
        ...HIK,
        GetNetworkDefaultGateway: faultWith('ActionNotSupported'),
        GetDNS: faultWith('ActionNotSupported'),
      }).session,
      '192.168.1.64',
      signal,
    );
    expect(n).toMatchObject({ address: '192.168.1.64', gateway: null, dns: [], dnsFromDhcp: false });
  });

  it('a device that will not list its interfaces (fault or none) is STATIC_IP_NOT_SUPPORTED; nothing else asked', async () => {
    for (const answer of [recorded('axis-like.Fault-ActionNotSupported.xml'), empty('GetNetworkInterfaces')]) {
      const { session, ops } = fakeSession({ ...HIK, GetNetworkInterfaces: answer });
      await expect(readDeviceNetwork(session, '192.168.1.64', signal)).rejects.toMatchObject({
        code: 'STATIC_IP_NOT_SUPPORTED',
      });
      expect(ops()).toEqual(['GetNetworkInterfaces']);
    }
  });

  it('a device that stops answering: the session’s failure, as it is', async () => {
    const { session } = fakeSession({ ...HIK, GetDNS: new AppFailure('DEVICE_UNREACHABLE') });
    await expect(readDeviceNetwork(session, '192.168.1.64', signal)).rejects.toMatchObject({
      code: 'DEVICE_UNREACHABLE',
    });
  });
});

describe('sendDeviceNetwork', () => {
  const ok = {
    ...HIK,
    SetDNS: empty('SetDNS'),
    SetNetworkDefaultGateway: empty('SetNetworkDefaultGateway'),
    SetNetworkInterfaces: recorded('hikvision-like.SetNetworkInterfaces.xml'),
  };

  it('reads what is there (to put it back), then DNS, gateway and the interface last, with these exact bodies', async () => {
    const { session, calls } = fakeSession(ok);
    const r = await sendDeviceNetwork(session, STATIC, signal);
    expect(r).toEqual({ rebootNeeded: false, replyLost: false });
    expect(calls).toEqual([
      { operation: 'GetDNS', inner: '' },
      { operation: 'GetNetworkDefaultGateway', inner: '' },
      {
        operation: 'SetDNS',
        inner:
          '<tds:FromDHCP>false</tds:FromDHCP><tds:DNSManual><tt:Type>IPv4</tt:Type><tt:IPv4Address>192.168.1.1</tt:IPv4Address></tds:DNSManual>',
      },
      { operation: 'SetNetworkDefaultGateway', inner: '<tds:IPv4Address>192.168.1.1</tds:IPv4Address>' },
      {
        operation: 'SetNetworkInterfaces',
        inner:
          '<tds:InterfaceToken>eth0</tds:InterfaceToken><tds:NetworkInterface><tt:Enabled>true</tt:Enabled>' +
          '<tt:IPv4><tt:Enabled>true</tt:Enabled><tt:Manual><tt:Address>192.168.1.201</tt:Address>' +
          '<tt:PrefixLength>24</tt:PrefixLength></tt:Manual><tt:DHCP>false</tt:DHCP></tt:IPv4></tds:NetworkInterface>',
      },
    ]);
  });

  it('RebootNeeded true (Dahua) is passed on', async () => {
    const { session } = fakeSession({ ...ok, SetNetworkInterfaces: recorded('dahua-like.SetNetworkInterfaces.xml') });
    expect(await sendDeviceNetwork(session, STATIC, signal)).toEqual({ rebootNeeded: true, replyLost: false });
  });

  it('back to DHCP: only the interface is sent', async () => {
    const { session, calls } = fakeSession(ok);
    expect(await sendDeviceNetwork(session, { interfaceToken: 'eth0', dhcp: true }, signal)).toEqual({
      rebootNeeded: false,
      replyLost: false,
    });
    expect(calls).toEqual([
      {
        operation: 'SetNetworkInterfaces',
        inner:
          '<tds:InterfaceToken>eth0</tds:InterfaceToken><tds:NetworkInterface><tt:Enabled>true</tt:Enabled>' +
          '<tt:IPv4><tt:Enabled>true</tt:Enabled><tt:DHCP>true</tt:DHCP></tt:IPv4></tds:NetworkInterface>',
      },
    ]);
  });

  it('the connection cut or timed out after the interface request: sent, reply lost (not a failure)', async () => {
    for (const code of ['DEVICE_UNREACHABLE', 'TIMEOUT', 'NOT_ONVIF', 'NETWORK_LOST'] as const) {
      const { session, ops } = fakeSession({ ...ok, SetNetworkInterfaces: new AppFailure(code) });
      expect(await sendDeviceNetwork(session, STATIC, signal), code).toEqual({ rebootNeeded: false, replyLost: true });
      expect(ops().at(-1)).toBe('SetNetworkInterfaces');
    }
    const garbled = fakeSession({ ...ok, SetNetworkInterfaces: { kind: 'invalid', error: 'unclosed element' } });
    expect(await sendDeviceNetwork(garbled.session, STATIC, signal)).toEqual({ rebootNeeded: false, replyLost: true });
  });

  it('the same cut BEFORE the interface request is a failure: nothing claims the address was sent', async () => {
    const { session, ops } = fakeSession({ ...ok, SetNetworkDefaultGateway: new AppFailure('DEVICE_UNREACHABLE') });
    await expect(sendDeviceNetwork(session, STATIC, signal)).rejects.toMatchObject({ code: 'DEVICE_UNREACHABLE' });
    expect(ops()).not.toContain('SetNetworkInterfaces');
  });

  it('cancelled while waiting for the interface answer: CANCELLED (the caller’s pending record covers it)', async () => {
    const { session } = fakeSession({ ...ok, SetNetworkInterfaces: new AppFailure('CANCELLED') });
    await expect(sendDeviceNetwork(session, STATIC, signal)).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('the address refused (Dahua InvalidIPv4Address): DNS and gateway put back as they were, then a plain failure', async () => {
    const { session, calls } = fakeSession({
      ...ok,
      SetNetworkInterfaces: recorded('dahua-like.Fault-InvalidIPv4Address.xml'),
    });
    const err = await sendDeviceNetwork(session, STATIC, signal).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect(err).toMatchObject({
      code: 'STATIC_IP_DEVICE_REFUSED',
      message:
        'The NVR refused the new address (it says an address is not valid). It kept its own settings; nothing was changed.',
    });
    expect(calls.slice(5)).toEqual([
      { operation: 'SetNetworkDefaultGateway', inner: '<tds:IPv4Address>192.168.1.1</tds:IPv4Address>' },
      {
        operation: 'SetDNS',
        inner:
          '<tds:FromDHCP>false</tds:FromDHCP>' +
          '<tds:DNSManual><tt:Type>IPv4</tt:Type><tt:IPv4Address>192.168.1.1</tt:IPv4Address></tds:DNSManual>' +
          '<tds:DNSManual><tt:Type>IPv4</tt:Type><tt:IPv4Address>9.9.9.9</tt:IPv4Address></tds:DNSManual>',
      },
    ]);
  });

  it('the gateway refused: only DNS is put back, the interface is never sent', async () => {
    const { session, ops } = fakeSession({ ...ok, SetNetworkDefaultGateway: faultWith('InvalidGatewayAddress') });
    await expect(sendDeviceNetwork(session, STATIC, signal)).rejects.toMatchObject({
      code: 'STATIC_IP_DEVICE_REFUSED',
      message:
        'The NVR refused the router address (gateway) (it says an address is not valid). It kept its own settings; nothing was changed.',
    });
    expect(ops()).toEqual(['GetDNS', 'GetNetworkDefaultGateway', 'SetDNS', 'SetNetworkDefaultGateway', 'SetDNS']);
  });

  it('DNS not supported: STATIC_IP_NOT_SUPPORTED before anything changed', async () => {
    const { session, ops } = fakeSession({ ...ok, SetDNS: recorded('axis-like.Fault-ActionNotSupported.xml') });
    await expect(sendDeviceNetwork(session, STATIC, signal)).rejects.toMatchObject({
      code: 'STATIC_IP_NOT_SUPPORTED',
      message:
        'The NVR does not let the app change the DNS servers over ONVIF. It kept its own settings; nothing was changed.',
    });
    expect(ops()).toEqual(['GetDNS', 'GetNetworkDefaultGateway', 'SetDNS']);
  });

  it('what could not be put back is named (the device would not tell its DNS; the gateway undo faults)', async () => {
    const { session } = fakeSession({
      ...ok,
      GetDNS: faultWith('ActionNotSupported'),
      SetNetworkDefaultGateway: [empty('SetNetworkDefaultGateway'), faultWith('InvalidGatewayAddress')],
      SetNetworkInterfaces: faultWith('InvalidNetworkInterface'),
    });
    await expect(sendDeviceNetwork(session, STATIC, signal)).rejects.toMatchObject({
      code: 'STATIC_IP_DEVICE_REFUSED',
      message:
        'The NVR refused the new address (it says the network interface is not valid). It kept its address, but the DNS servers and the router address (gateway) could not be put back as they were: check them in the NVR’s own network page.',
    });
  });

  it('an undo that cannot reach the device is named too; other faults say so', async () => {
    const { session } = fakeSession({
      ...ok,
      SetDNS: [empty('SetDNS'), new AppFailure('DEVICE_UNREACHABLE')],
      SetNetworkInterfaces: faultWith('InvalidMtuValue'),
    });
    await expect(sendDeviceNetwork(session, STATIC, signal)).rejects.toMatchObject({
      message:
        'The NVR refused the new address (it says the network settings are not valid). It kept its address, but the DNS servers could not be put back as they were: check them in the NVR’s own network page.',
    });
    const other = fakeSession({ ...ok, SetNetworkInterfaces: faultWith('SomethingElse') });
    await expect(sendDeviceNetwork(other.session, STATIC, signal)).rejects.toMatchObject({
      code: 'STATIC_IP_DEVICE_REFUSED',
      message: expect.stringContaining('(it gave no reason the app knows)'),
    });
  });

  it('values it would never send are refused before anything reaches the device', async () => {
    for (const change of [
      { ...STATIC, address: '192.168.1.0' },
      { ...STATIC, gateway: 'router' },
      { ...STATIC, dns: ['8.8.8.8', '1.1.1.1</x>'] },
      { ...STATIC, interfaceToken: 'eth 0' },
      { ...STATIC, prefix: 31 },
    ]) {
      const { session, calls } = fakeSession(ok);
      await expect(sendDeviceNetwork(session, change, signal), JSON.stringify(change)).rejects.toThrow();
      expect(calls).toEqual([]);
    }
  });
});

describe('rebootDevice', () => {
  it('sends an empty SystemReboot and passes on the device’s message', async () => {
    const { session, calls } = fakeSession({ SystemReboot: recorded('axis-like.SystemReboot.xml') });
    const said: string[] = [];
    await rebootDevice(session, signal, (m) => said.push(m));
    expect(calls).toEqual([{ operation: 'SystemReboot', inner: '' }]);
    expect(said).toEqual(['Restarting.']);
    await rebootDevice(fakeSession({ SystemReboot: empty('SystemReboot') }).session, signal, (m) => said.push(m));
    expect(said).toEqual(['Restarting.']);
  });

  it('a cut connection is the restart under way; a fault says to restart it by hand', async () => {
    await expect(
      rebootDevice(fakeSession({ SystemReboot: new AppFailure('DEVICE_UNREACHABLE') }).session, signal),
    ).resolves.toBeUndefined();
    await expect(
      rebootDevice(fakeSession({ SystemReboot: faultWith('ActionNotSupported') }).session, signal),
    ).rejects.toMatchObject({
      code: 'STATIC_IP_NOT_SUPPORTED',
      message: expect.stringContaining('Restart it yourself'),
    });
    await expect(
      rebootDevice(fakeSession({ SystemReboot: faultWith('NotAuthorized') }).session, signal),
    ).rejects.toMatchObject({
      code: 'STATIC_IP_DEVICE_REFUSED',
      message: expect.stringContaining('Restart it yourself'),
    });
    await expect(
      rebootDevice(fakeSession({ SystemReboot: new AppFailure('CANCELLED') }).session, signal),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('device network, the details a device sees', () => {
  it('the three reads go out with empty bodies (a device faults on anything else inside a Get request)', async () => {
    const { session, calls } = fakeSession(HIK);
    await readDeviceNetwork(session, '192.168.1.64', signal);
    expect(calls).toEqual([
      { operation: 'GetNetworkInterfaces', inner: '' },
      { operation: 'GetNetworkDefaultGateway', inner: '' },
      { operation: 'GetDNS', inner: '' },
    ]);
  });

  it('a restart whose answer carries a message, asked without a listener, still succeeds (the message is not needed)', async () => {
    await expect(
      rebootDevice(fakeSession({ SystemReboot: recorded('axis-like.SystemReboot.xml') }).session, signal),
    ).resolves.toBeUndefined();
  });

  it('a restart answered with something unreadable is the restart under way: no message passed on, no error', async () => {
    const said: string[] = [];
    const garbage = readSoapReply('<html>busy</html>');
    await expect(
      rebootDevice(fakeSession({ SystemReboot: garbage }).session, signal, (m) => said.push(m)),
    ).resolves.toBeUndefined();
    expect(said).toEqual([]);
  });
});
