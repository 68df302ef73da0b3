// Hostile input for the DHIP codec (src/main/protocol/dhip.ts): whatever a device sends to UDP 37810, decoding
// never throws, a device comes back only with well-formed fields, and the work is bounded by the 16 KiB the codec
// reads of a body (a larger length field is refused before any parsing). Property-based (fast-check), plus the
// worst-case shapes of tests/support/hostile-shapes.ts timed at 64 KiB and 512 KiB as in hostile-banners.test.ts
// (64 KiB < 200 ms, 512 KiB < 20× that; generous bounds, the precise numbers are the benchmark's).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDhip, encodeDhip, parseDhipReply, type DhipDevice } from '../../../src/main/protocol/dhip';
import * as S from '../../support/hostile-shapes';

const MAX_JSON = 16 * 1024;

const ANNOUNCEMENT = {
  mac: '02:00:c0:a8:32:41',
  method: 'client.notifyDevInfo',
  params: {
    deviceInfo: {
      DeviceType: 'NVR4108HS-4KS2',
      HttpPort: 80,
      Port: 37777,
      SerialNo: '7J0ABCDEF123456',
      Vendor: 'Dahua',
      Version: '4.001.0000000.3',
      IPv4Address: {
        IPAddress: '192.168.50.65',
        SubnetMask: '255.255.255.0',
        DefaultGateway: '192.168.50.1',
        DhcpEnable: false,
      },
    },
  },
};
const ANNOUNCEMENT_TEXT = JSON.stringify(ANNOUNCEMENT);

function expectDevice(d: DhipDevice) {
  const strOrNull = (v: unknown) => v === null || (typeof v === 'string' && v.length <= 200);
  const portOrNull = (v: unknown) => v === null || (Number.isInteger(v) && (v as number) > 0 && (v as number) < 65536);
  expect(d.mac === null || /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(d.mac), `mac ${d.mac}`).toBe(true);
  for (const a of [d.address, d.gateway])
    expect(a === null || /^(\d{1,3}\.){3}\d{1,3}$/.test(a), `address ${a}`).toBe(true);
  expect(d.prefix === null || (Number.isInteger(d.prefix) && d.prefix >= 0 && d.prefix <= 32)).toBe(true);
  expect([true, false, null]).toContain(d.dhcp);
  expect(portOrNull(d.httpPort) && portOrNull(d.sdkPort)).toBe(true);
  for (const v of [d.serial, d.model, d.vendor, d.name, d.firmware]) expect(strOrNull(v), `${v}`).toBe(true);
}

function expectReply(r: ReturnType<typeof parseDhipReply>) {
  if (r.ok) expectDevice(r.device);
  else expect(typeof r.error).toBe('string');
}

/** A JSON value of any shape: deep nesting, huge and odd numbers, long strings, prototype-looking keys. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...['1e400', '-0', '99999999999999999999', '65536', '0', '-1', '37777.5', '1e-400'].map(Number)),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom('mac', 'method', 'params', 'deviceInfo', 'IPv4Address', 'HttpPort', 'Port', '__proto__', 'x'),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

/** The announcement with its fields replaced by any JSON value. */
const mangledAnnouncement = fc
  .record({
    mac: jsonValue,
    HttpPort: jsonValue,
    Port: jsonValue,
    SerialNo: jsonValue,
    IPAddress: jsonValue,
    SubnetMask: jsonValue,
    DhcpEnable: jsonValue,
  })
  .map((f) => {
    const a = structuredClone(ANNOUNCEMENT) as Record<string, unknown> & typeof ANNOUNCEMENT;
    const info = a.params.deviceInfo as Record<string, unknown>;
    const v4 = info.IPv4Address as Record<string, unknown>;
    a.mac = f.mac as string;
    Object.assign(info, { HttpPort: f.HttpPort, Port: f.Port, SerialNo: f.SerialNo });
    Object.assign(v4, { IPAddress: f.IPAddress, SubnetMask: f.SubnetMask, DhcpEnable: f.DhcpEnable });
    return JSON.stringify(a) ?? 'null';
  });

/** The announcement's text with a few characters deleted, inserted or replaced: almost-JSON for the salvage path. */
const almostJson = fc
  .array(fc.tuple(fc.nat(ANNOUNCEMENT_TEXT.length), fc.nat(3), fc.constantFrom('', '"', '\\', '{', ':', ',', ' ')), {
    minLength: 1,
    maxLength: 4,
  })
  .map((edits) =>
    edits.reduce(
      (t, [at, cut, put]) => t.slice(0, at) + put + t.slice(Math.min(t.length, at + cut)),
      ANNOUNCEMENT_TEXT,
    ),
  );

const shaped = fc
  .tuple(fc.constantFrom(...Object.keys(S.SHAPES)), fc.integer({ min: 0, max: MAX_JSON + 64 }))
  .map(([name, n]) => S.SHAPES[name]!(n));

/** Frames with a body, a length field that may lie, or a header only. */
const frame = fc.oneof(
  fc
    .oneof(mangledAnnouncement, almostJson, shaped, fc.string({ unit: 'binary', maxLength: 500 }))
    .map((t) => S.dhipPacket(S.toBytes(t))),
  fc.oneof(mangledAnnouncement, almostJson).map((t) => S.dhipPacket(t)),
  fc.tuple(fc.uint8Array({ maxLength: 2000 }), fc.nat(), fc.nat()).map(([body, len, len2]) => {
    const p = S.dhipPacket(body);
    const view = new DataView(p.buffer);
    view.setUint32(16, len, true);
    view.setUint32(24, len2, true);
    return p;
  }),
  fc.uint8Array({ maxLength: 64 }),
);

describe('DHIP on hostile packets', () => {
  it('never throws; a device has only well-formed fields', () => {
    fc.assert(
      fc.property(frame, (packet) => {
        const d = decodeDhip(packet);
        expect(typeof d.ok).toBe('boolean');
        if (d.text !== undefined) expect(d.text.length).toBeLessThanOrEqual(MAX_JSON);
        expectReply(parseDhipReply(packet));
      }),
      { numRuns: 500 },
    );
  });

  it('reads the announcement’s fields whatever JSON values they hold (no NaN port, no long string)', () => {
    fc.assert(
      fc.property(mangledAnnouncement, (text) => {
        const r = parseDhipReply(S.dhipPacket(text));
        expect(r.ok).toBe(true);
        expectReply(r);
      }),
      { numRuns: 300 },
    );
  });

  it('salvages almost-JSON into well-formed fields only', () => {
    fc.assert(
      fc.property(almostJson, (text) => {
        const r = parseDhipReply(S.dhipPacket(text));
        expectReply(r);
      }),
      { numRuns: 500 },
    );
  });

  it('deep nesting, huge numbers and truncated UTF-8 at the 16 KiB limit', () => {
    for (const body of [
      S.deepJson(MAX_JSON),
      S.deepJsonUnclosed(MAX_JSON),
      `{"method":"client.notifyDevInfo","params":{"deviceInfo":{"Port":${S.hugeNumber(MAX_JSON - 60)}}}}`,
      `{"method":"client.notifyDevInfo","params":{"deviceInfo":{"Port":1e400,"HttpPort":-0}}}`,
      S.truncatedUtf8(MAX_JSON),
      S.jsonKeyFlood(MAX_JSON),
      S.escapeFlood(MAX_JSON),
    ]) {
      const packet = S.dhipPacket(S.toBytes(body.slice(0, MAX_JSON)));
      expect(() => decodeDhip(packet)).not.toThrow();
      const r = parseDhipReply(packet);
      expectReply(r);
      if (r.ok) expect([r.device.sdkPort, r.device.httpPort]).toEqual([null, null]);
    }
    // One byte over the limit is refused before any parsing, whatever the body.
    expect(decodeDhip(S.dhipPacket(S.deepJson(MAX_JSON + 1)))).toEqual({
      ok: false,
      error: 'DHIP length field out of range',
    });
  });

  it('still reads a well-formed announcement', () => {
    expect(parseDhipReply(encodeDhip(ANNOUNCEMENT))).toMatchObject({
      ok: true,
      device: { mac: '02:00:c0:a8:32:41', address: '192.168.50.65', prefix: 24, sdkPort: 37777, httpPort: 80 },
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Linear time. At 64 KiB and 512 KiB a framed body is over the 16 KiB limit and refused at once, so these mostly
// guard that limit; the work on a body at the limit is timed by the last test.

const DHIP_SHAPES = [
  'deepJson',
  'deepJsonUnclosed',
  'jsonKeyFlood',
  'escapeFlood',
  'hugeNumber',
  'whitespaceFlood',
  'quoteFlood',
  'truncatedUtf8',
  'controlChars',
];

describe('linear time on worst-case shapes (64 KiB < 200 ms, 512 KiB < 20× that)', () => {
  it.each(DHIP_SHAPES)('parseDhipReply: %s (framed, and as the bare datagram)', (name) => {
    for (const prepare of [(s: string) => S.dhipPacket(S.toBytes(s)), S.toBytes]) {
      expect(S.growthProblem(S.timeGrowth(S.SHAPES[name]!, parseDhipReply, prepare))).toBeNull();
    }
  });

  it.each(DHIP_SHAPES)('parseDhipReply: %s at the 16 KiB limit takes < 100 ms', (name) => {
    const packet = S.dhipPacket(S.toBytes(S.SHAPES[name]!(MAX_JSON)));
    parseDhipReply(packet);
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = S.cpuMs();
      parseDhipReply(packet);
      best = Math.min(best, S.cpuMs() - t0);
    }
    expect(best).toBeLessThan(100);
  });
});
