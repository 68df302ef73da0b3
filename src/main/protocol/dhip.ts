// Dahua DHIP discovery: UDP 37810, multicast 239.255.255.251. A 32-byte header (u32le 0x20, "DHIP",
// u32le session, u32le id, u32le length, u32le 0, u32le length, u32le 0) followed by JSON.
// Reveals the SDK port (37777), HTTP port, DHCP flag and serial without a login.
// Source: shared/fixtures/dhip (UniversalScanner's Dahua2 selftest) and discovery-ports.md.
import type { VendorAnnouncement } from './vendor-announcement';
import { formatIpv4, parseIpv4, prefixFromNetmask } from './ipv4';
import { normaliseMac } from './ws-discovery';

export const DHIP_MULTICAST = { address: '239.255.255.251', port: 37810 } as const;
const MAGIC = [0x44, 0x48, 0x49, 0x50]; // "DHIP"
/**
 * The largest JSON body read. A real announcement is under 1 KiB (the shared corpus one: 709 bytes) and a UDP
 * datagram under 64 KiB; 16 KiB bounds JSON.parse (whose nesting depth V8 handles without recursion) and the
 * salvage regexes below, whatever the length field says.
 */
const MAX_JSON = 16 * 1024;

export function encodeDhip(json: unknown, id = 0): Uint8Array {
  const body = new TextEncoder().encode(`${JSON.stringify(json)}\n`);
  const out = new Uint8Array(32 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x20, true);
  out.set(MAGIC, 4);
  view.setUint32(8, 0, true);
  view.setUint32(12, id, true);
  view.setUint32(16, body.length, true);
  view.setUint32(24, body.length, true);
  out.set(body, 32);
  return out;
}

export function buildDhipSearch(id = 0): Uint8Array {
  return encodeDhip({ method: 'DHDiscover.search', params: { mac: '', uni: 1 } }, id);
}

export type DhipDecode = { ok: true; json: unknown; text: string } | { ok: false; error: string; text?: string };

export function decodeDhip(data: Uint8Array): DhipDecode {
  if (data.length < 32) return { ok: false, error: 'DHIP packet shorter than its header' };
  if (!MAGIC.every((b, i) => data[4 + i] === b)) return { ok: false, error: 'not a DHIP packet' };
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const length = view.getUint32(16, true);
  if (length > MAX_JSON || length > data.length - 32) return { ok: false, error: 'DHIP length field out of range' };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(data.subarray(32, 32 + length));
  try {
    return { ok: true, json: JSON.parse(text), text };
  } catch {
    return { ok: false, error: 'DHIP body is not JSON', text };
  }
}

/**
 * Some firmware sends almost-JSON (a missing quote, as in the shared corpus). When the body does not parse,
 * the flat fields we need are read one by one, each bounded; nothing else is trusted. Linear in the (≤ 16 KiB)
 * text: each regex starts with a literal `"key"`, a string value is at most 200 characters with no ambiguity
 * between its two alternatives, and a whitespace run belongs to the one key before it.
 */
function salvageFields(text: string): Record<string, unknown> | null {
  if (!/"method"\s*:\s*"client\.notifyDevInfo"/.test(text)) return null;
  const grab = (key: string): string | number | boolean | undefined => {
    const m = new RegExp(`"${key}"\\s*:\\s*("((?:[^"\\\\]|\\\\.){0,200})"|-?\\d{1,10}|true|false)`).exec(text);
    if (!m) return undefined;
    if (m[2] !== undefined) return m[2].replace(/\\\//g, '/');
    if (m[1] === 'true' || m[1] === 'false') return m[1] === 'true';
    return Number(m[1]);
  };
  return {
    method: 'client.notifyDevInfo',
    mac: grab('mac'),
    params: {
      deviceInfo: {
        DeviceType: grab('DeviceType'),
        HttpPort: grab('HttpPort'),
        Port: grab('Port'),
        SerialNo: grab('SerialNo'),
        Vendor: grab('Vendor'),
        MachineName: grab('MachineName'),
        IPv4Address: {
          IPAddress: grab('IPAddress'),
          SubnetMask: grab('SubnetMask'),
          DefaultGateway: grab('DefaultGateway'),
          DhcpEnable: grab('DhcpEnable'),
        },
      },
    },
  };
}

export interface DhipDevice extends VendorAnnouncement {
  sdkPort: number | null;
  vendor: string | null;
  name: string | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v.length <= 200 ? v : null);
/** An IPv4 address in its canonical dotted form (a device's `" 192.168.1.08"` comes back as `192.168.1.8`). */
const ipv4 = (v: unknown): string | null => {
  const n = parseIpv4(str(v) ?? '');
  return n === null ? null : formatIpv4(n);
};
const port = (v: unknown): number | null =>
  Number.isInteger(v) && (v as number) > 0 && (v as number) < 65536 ? (v as number) : null;

export function parseDhipReply(data: Uint8Array): { ok: true; device: DhipDevice } | { ok: false; error: string } {
  const decoded = decodeDhip(data);
  const salvaged = !decoded.ok && decoded.text !== undefined ? salvageFields(decoded.text) : null;
  if (!decoded.ok && !salvaged) return { ok: false, error: decoded.error };
  const json = obj(decoded.ok ? decoded.json : salvaged);
  if (json.method !== 'client.notifyDevInfo') return { ok: false, error: 'not a DHIP device announcement' };
  const info = obj(obj(json.params).deviceInfo);
  const v4 = obj(info.IPv4Address);
  const address = ipv4(v4.IPAddress);
  const mask = str(v4.SubnetMask);
  const gateway = ipv4(v4.DefaultGateway);
  return {
    ok: true,
    device: {
      mac: normaliseMac(str(json.mac) ?? str(info.MAC) ?? ''),
      address,
      prefix: mask ? prefixFromNetmask(mask) : null,
      gateway,
      dhcp: typeof v4.DhcpEnable === 'boolean' ? v4.DhcpEnable : null,
      httpPort: port(info.HttpPort),
      sdkPort: port(info.Port),
      serial: str(info.SerialNo),
      model: str(info.DeviceType),
      vendor: str(info.Vendor),
      name: str(info.MachineName),
      firmware: str(info.Version),
    },
  };
}
