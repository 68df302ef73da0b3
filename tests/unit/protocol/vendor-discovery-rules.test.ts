// The rules of the vendor discovery codecs one by one: Hikvision SADP (UDP 37020, XML) and Dahua DHIP (UDP 37810,
// a 32-byte header and JSON). What they read tells the user a recorder's SDK and web ports, whether it is activated
// and whether it uses DHCP; each test names what a user would lose if the rule broke (a port shown wrong, a stray
// packet taken for a device, a recorder missed).
import { describe, expect, it } from 'vitest';
import { decodeDhip, encodeDhip, parseDhipReply } from '../../../src/main/protocol/dhip';
import { parseSadpReply } from '../../../src/main/protocol/sadp';

const sadp = (inner: string) => `<ProbeMatch><Uuid>u-1</Uuid>${inner}</ProbeMatch>`;
const sadpDevice = (inner: string) => {
  const r = parseSadpReply(sadp(inner));
  if (!r.ok) throw new Error(r.error);
  return r.device;
};

describe('SADP replies (Hikvision recorders and cameras)', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['false', false],
    ['flase', false],
    ['untrue', null],
    ['trueish', null],
    ['notfalse', null],
    ['falsely', null],
  ])('Activated "%s" reads as %s (only the whole word counts)', (text, want) => {
    expect(sadpDevice(`<Activated>${text}</Activated>`).activated).toBe(want);
  });

  it.each([
    ['8000', 8000],
    ['1', 1],
    ['65535', 65535],
    ['0', null],
    ['-5', null],
    ['65536', null],
    ['80.5', null],
    ['http', null],
  ])('a port written "%s" reads as %s', (text, want) => {
    expect(sadpDevice(`<CommandPort>${text}</CommandPort><HttpPort>${text}</HttpPort>`)).toMatchObject({
      commandPort: want,
      httpPort: want,
    });
  });

  it('an address or gateway that is not IPv4 is not shown', () => {
    expect(sadpDevice('<IPv4Address>999.1.1.1</IPv4Address><IPv4Gateway>gw</IPv4Gateway>')).toMatchObject({
      address: null,
      gateway: null,
    });
  });

  it('text fields are cut to 200 characters', () => {
    expect(sadpDevice(`<DeviceSN>${'s'.repeat(300)}</DeviceSN>`).serial).toBe('s'.repeat(200));
  });

  it.each([
    ['a root other than ProbeMatch', '<Probe><Uuid>u-1</Uuid></Probe>', 'not a SADP ProbeMatch'],
    ['a ProbeMatch without a Uuid', '<ProbeMatch><HttpPort>80</HttpPort></ProbeMatch>', 'SADP reply without a Uuid'],
  ])('%s is refused as "%s"', (_label, xml, error) => {
    expect(parseSadpReply(xml)).toEqual({ ok: false, error });
  });

  it('a reply over 16 KiB or nested deeper than 4 is refused (the codec bounds its own input)', () => {
    const big = parseSadpReply(sadp(`<DeviceSN>${' '.repeat(17 * 1024)}x</DeviceSN>`));
    expect(big.ok === false && big.error).toMatch(/^message too large/);
    const deep = parseSadpReply(sadp('<a><b><c><d>x</d></c></b></a>'));
    expect(deep.ok === false && deep.error).toMatch(/^nesting too deep/);
  });
});

/** A DHIP packet whose header's length field says `length` (default: the body's) around the given body text. */
function packet(body: string, length?: number): Uint8Array {
  const bytes = new TextEncoder().encode(body);
  const out = new Uint8Array(32 + bytes.length);
  out.set(encodeDhip(null).subarray(0, 32));
  new DataView(out.buffer).setUint32(16, length ?? bytes.length, true);
  out.set(bytes, 32);
  return out;
}

describe('DHIP packets (Dahua recorders and cameras)', () => {
  it('the header is little-endian: 0x20, "DHIP", session 0, the id, the length twice', () => {
    const p = encodeDhip({ a: 1 }, 7);
    const length = p.length - 32;
    expect(Array.from(p.subarray(0, 32))).toEqual([
      0x20,
      0,
      0,
      0,
      0x44,
      0x48,
      0x49,
      0x50,
      0,
      0,
      0,
      0,
      7,
      0,
      0,
      0,
      length,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      length,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
    ]);
  });

  it('a packet shorter than the 32-byte header is refused (not read past its end), even with the magic', () => {
    const short = encodeDhip({}).subarray(0, 20);
    expect(decodeDhip(short)).toEqual({ ok: false, error: 'DHIP packet shorter than its header' });
  });

  it('a header alone (32 bytes, empty body) is read as a body that is not JSON', () => {
    expect(decodeDhip(packet(''))).toEqual({ ok: false, error: 'DHIP body is not JSON', text: '' });
  });

  it('one wrong byte of the magic is enough to refuse the packet', () => {
    const p = packet('{}');
    p[7] = 0x51; // "DHIQ"
    expect(decodeDhip(p)).toEqual({ ok: false, error: 'not a DHIP packet' });
  });

  it('a length field of 16 KiB is read; one over 16 KiB, or over what the packet holds, is refused', () => {
    const body = `"${'x'.repeat(16 * 1024 - 2)}"`;
    expect(decodeDhip(packet(body)).ok).toBe(true);
    expect(decodeDhip(packet(`${body} `))).toEqual({ ok: false, error: 'DHIP length field out of range' });
    expect(decodeDhip(packet('{}', 3))).toEqual({ ok: false, error: 'DHIP length field out of range' });
  });

  it('parseDhipReply says why a packet was refused: not JSON, or JSON that is not an announcement', () => {
    expect(parseDhipReply(packet('{oops'))).toEqual({ ok: false, error: 'DHIP body is not JSON' });
    expect(parseDhipReply(packet('{"method":"DHDiscover.search"}'))).toEqual({
      ok: false,
      error: 'not a DHIP device announcement',
    });
  });

  it('strings of 200 characters are kept, longer ones dropped; an address that is not IPv4 is not shown', () => {
    const reply = (SerialNo: string, IPAddress: string) =>
      parseDhipReply(
        encodeDhip({
          method: 'client.notifyDevInfo',
          params: { deviceInfo: { SerialNo, IPv4Address: { IPAddress } } },
        }),
      );
    expect(reply('s'.repeat(200), '192.168.1.08')).toMatchObject({
      ok: true,
      device: { serial: 's'.repeat(200), address: '192.168.1.8' },
    });
    expect(reply('s'.repeat(201), 'camera.local')).toMatchObject({ ok: true, device: { serial: null, address: null } });
  });
});

describe('DHIP salvage (almost-JSON from firmware that drops a quote)', () => {
  const broken = (fields: string) => packet(`{"method":"client.notifyDevInfo",${fields}, "Version" : "1.0, }`);

  it('reads every field it knows, written with or without spaces around the colon, and unescapes "\\/"', () => {
    const r = parseDhipReply(
      broken(
        '"mac":"02:00:c0:a8:32:41","DeviceType":"NVR\\/4108","HttpPort":8080,"Port" : 37777,"SerialNo":"S1",' +
          '"Vendor":"Dahua","MachineName":"Gate","IPAddress":"192.168.50.65","SubnetMask":"255.255.255.0",' +
          '"DefaultGateway":"192.168.50.1","DhcpEnable":false',
      ),
    );
    expect(r).toEqual({
      ok: true,
      device: {
        mac: '02:00:c0:a8:32:41',
        address: '192.168.50.65',
        prefix: 24,
        gateway: '192.168.50.1',
        dhcp: false,
        httpPort: 8080,
        sdkPort: 37777,
        serial: 'S1',
        model: 'NVR/4108',
        vendor: 'Dahua',
        name: 'Gate',
        firmware: null,
      },
    });
  });

  it('a salvaged DhcpEnable true reads as DHCP on', () => {
    const r = parseDhipReply(broken('"DhcpEnable":true'));
    expect(r.ok && r.device.dhcp).toBe(true);
  });
});
