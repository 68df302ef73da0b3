// Hikvision SADP (Search Active Devices Protocol): UDP 37020, multicast 239.255.255.250, XML.
// Reveals the SDK ("command") port, HTTP port, DHCP flag, activation state and firmware without a login.
// Source: shared/fixtures/sadp (UniversalScanner's Hikvision selftest) and discovery-ports.md.
import { normaliseMac } from './ws-discovery';
import type { VendorAnnouncement } from './vendor-announcement';
import { parseXml, child, textOf, escapeXml } from './xml';
import { parseIpv4, prefixFromNetmask } from './ipv4';

export const SADP_MULTICAST = { address: '239.255.255.250', port: 37020 } as const;

export function buildSadpInquiry(uuid: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><Probe><Uuid>${escapeXml(uuid)}</Uuid><Types>inquiry</Types></Probe>`;
}

export interface SadpDevice extends VendorAnnouncement {
  uuid: string;
  commandPort: number | null;
  activated: boolean | null;
}

export type SadpResult = { ok: true; device: SadpDevice } | { ok: false; error: string };

const bool = (s: string): boolean | null => (/^true$/i.test(s) ? true : /^(false|flase)$/i.test(s) ? false : null);
const port = (s: string): number | null => {
  const n = Number(s);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : null;
};
const ip = (s: string): string | null => (parseIpv4(s) !== null ? s : null);

export function parseSadpReply(data: string | Uint8Array): SadpResult {
  const r = parseXml(data, { maxBytes: 16 * 1024, maxDepth: 4, maxNodes: 200 });
  if (!r.ok) return { ok: false, error: r.error };
  const root = r.root;
  if (root.name !== 'ProbeMatch') return { ok: false, error: 'not a SADP ProbeMatch' };
  const f = (name: string) => textOf(child(root, name)).slice(0, 200);
  const uuid = f('Uuid');
  if (!uuid) return { ok: false, error: 'SADP reply without a Uuid' };
  const mask = f('IPv4SubnetMask');
  return {
    ok: true,
    device: {
      uuid,
      mac: normaliseMac(f('MAC')),
      address: ip(f('IPv4Address')),
      prefix: mask ? prefixFromNetmask(mask) : null,
      gateway: ip(f('IPv4Gateway')),
      dhcp: bool(f('DHCP')),
      httpPort: port(f('HttpPort')),
      commandPort: port(f('CommandPort')),
      serial: f('DeviceSN') || null,
      model: f('DeviceDescription') || null,
      firmware: f('SoftwareVersion') || null,
      activated: bool(f('Activated')),
    },
  };
}
