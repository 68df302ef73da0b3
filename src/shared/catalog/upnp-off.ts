// Where UPnP (and NAT-PMP/PCP) is turned off: on the router, by family, and on the recorder, by brand. From
// ../shared/reference/ROUTERS.md §1, §2.1, §2.2, §2.5 and §5 part B. Confidence as there: H vendor documentation,
// M one secondary source or an inferred path, L believed and unconfirmed — L paths are shown as "look for".
// The words (each path and note, and a general row's name) are the catalogue's, `upnp.turnOff.paths.<id>`
// (src/shared/i18n/en/upnp.ts); the facts stay here beside their source: the family or brand name, the commands to
// type, the confidence.
import { sayWith, type Said } from '../i18n/said';
import type { Translator } from '../i18n/translate';
import type { MessageKey } from '../i18n/types';

type PathKey<F extends string> = Extract<MessageKey, `upnp.turnOff.paths.${string}.${F}`>;

export interface UpnpOffPath {
  /** The router family or the recorder brand, as it is; or words by key (a general row: "Any other brand"). */
  name: string | { key: PathKey<'name'> };
  /** The menu path (or the command), as the vendor names it: by key, a command to type as its value. */
  path: { key: PathKey<'path'>; params?: Readonly<Record<string, string>> };
  /** What else to know (a default, a second toggle, a trap). */
  note?: { key: PathKey<'note'> };
  confidence: 'H' | 'M' | 'L';
  source: string;
}

const ROUTERS_MD = 'ROUTERS.md';

/** On the router. */
export const ROUTER_UPNP_OFF: readonly UpnpOffPath[] = [
  {
    name: 'TP-Link Archer',
    path: { key: 'upnp.turnOff.paths.tplink.path' },
    note: { key: 'upnp.turnOff.paths.tplink.note' },
    confidence: 'H',
    source: 'https://community.tp-link.com/us/home/kb/detail/348',
  },
  {
    name: 'ASUS / Asuswrt-Merlin',
    path: { key: 'upnp.turnOff.paths.asus.path' },
    confidence: 'L',
    source: `${ROUTERS_MD} §1.2`,
  },
  {
    name: 'Netgear Nighthawk / Orbi',
    path: { key: 'upnp.turnOff.paths.netgear.path' },
    note: { key: 'upnp.turnOff.paths.netgear.note' },
    confidence: 'H',
    source: 'https://www.easymanua.ls/netgear/wndr4500/manual?p=107',
  },
  {
    name: 'Linksys Smart Wi-Fi / Velop',
    path: { key: 'upnp.turnOff.paths.linksys.path' },
    confidence: 'L',
    source: `${ROUTERS_MD} §1.4`,
  },
  {
    name: 'AVM FRITZ!Box',
    path: { key: 'upnp.turnOff.paths.fritzbox.path' },
    note: { key: 'upnp.turnOff.paths.fritzbox.note' },
    confidence: 'H',
    source:
      'https://avm.de/service/fritzbox/fritzbox-6430-cable/wissensdatenbank/publication/show/894_Automatische-Portfreigaben-einrichten/',
  },
  {
    name: 'Ubiquiti UniFi',
    path: { key: 'upnp.turnOff.paths.unifi.path' },
    note: { key: 'upnp.turnOff.paths.unifi.note' },
    confidence: 'M',
    source: `${ROUTERS_MD} §1.6`,
  },
  {
    name: 'OpenWrt',
    path: {
      key: 'upnp.turnOff.paths.openwrt.path',
      params: {
        commands:
          "uci set upnpd.config.enabled='0'; uci commit upnpd; /etc/init.d/miniupnpd stop; /etc/init.d/miniupnpd disable",
      },
    },
    note: { key: 'upnp.turnOff.paths.openwrt.note' },
    confidence: 'H',
    source:
      'https://github.com/openwrt/packages/blob/00565ada662e9e2a44b11614872bcb99f1121207/net/miniupnpd/files/upnpd.config',
  },
  {
    name: 'MikroTik RouterOS',
    path: { key: 'upnp.turnOff.paths.mikrotik.path', params: { command: '/ip upnp set enabled=no' } },
    note: { key: 'upnp.turnOff.paths.mikrotik.note' },
    confidence: 'H',
    source: 'https://help.mikrotik.com/docs/display/ROS/UPnP',
  },
  {
    name: 'pfSense / OPNsense',
    path: { key: 'upnp.turnOff.paths.pfsense.path' },
    confidence: 'H',
    source: 'https://github.com/pfsense/docs/blob/master/source/services/configuring-upnp-and-nat-pmp.rst',
  },
  {
    name: 'eero',
    path: { key: 'upnp.turnOff.paths.eero.path' },
    confidence: 'H',
    source: `${ROUTERS_MD} §1.8`,
  },
  {
    name: { key: 'upnp.turnOff.paths.isp.name' },
    path: { key: 'upnp.turnOff.paths.isp.path' },
    note: { key: 'upnp.turnOff.paths.isp.note' },
    confidence: 'L',
    source: `${ROUTERS_MD} §1.9–1.14`,
  },
];

/** On the recorder (so it stops opening its own ports). Brands without a confirmed path are absent. */
export const NVR_UPNP_OFF: readonly UpnpOffPath[] = [
  {
    name: 'Hikvision',
    path: { key: 'upnp.turnOff.paths.hikvision.path' },
    note: { key: 'upnp.turnOff.paths.hikvision.note' },
    confidence: 'M',
    source: 'http://38.142.81.21:8001/manual/hikvision/ds-7608nxi-k1/manual-english/page-207.html',
  },
  {
    name: 'Dahua (and Amcrest, Lorex OEM)',
    path: { key: 'upnp.turnOff.paths.dahua.path' },
    note: { key: 'upnp.turnOff.paths.dahua.note' },
    confidence: 'M',
    source: 'http://88.208.23.73:8080/en/manual/dahua/nvr4208-8p/nvr4208-8p_user-manual_500128-274.html',
  },
  {
    name: { key: 'upnp.turnOff.paths.anyBrand.name' },
    path: { key: 'upnp.turnOff.paths.anyBrand.path' },
    note: { key: 'upnp.turnOff.paths.anyBrand.note' },
    confidence: 'L',
    source: `${ROUTERS_MD} §5 part B`,
  },
];

/**
 * One line in a translator's language: "TP-Link Archer: Advanced > … (TP-Link ships UPnP on.)", with "look for" on
 * unconfirmed paths.
 */
export function upnpOffText(p: UpnpOffPath, translate: Translator['t']): string {
  const say = (words: Said) => sayWith(translate as Parameters<typeof sayWith>[0], words);
  const t = translate as (key: MessageKey, params?: Readonly<Record<string, string>>) => string;
  const name = typeof p.name === 'string' ? p.name : say(p.name);
  const path = p.confidence === 'L' ? t('upnp.turnOff.lookFor', { path: say(p.path) }) : say(p.path);
  return p.note
    ? t('upnp.turnOff.lineNote', { name, path, note: say(p.note) })
    : t('upnp.turnOff.line', { name, path });
}

/**
 * Where to turn UPnP off on the recorders the router maps ports to: the steps for each mapped camera's or recorder's
 * brand, then the general ones (for a brand without its own steps, or none known); none when no camera is mapped.
 */
export function recorderUpnpOff(
  mappings: readonly { camera: boolean; device: { brand?: string | null } | null }[],
): UpnpOffPath[] {
  const brands = [...new Set(mappings.filter((m) => m.camera).map((m) => m.device?.brand?.toLowerCase() ?? ''))];
  const fallback = NVR_UPNP_OFF[NVR_UPNP_OFF.length - 1]!;
  const named = (p: UpnpOffPath, b: string) => typeof p.name === 'string' && p.name.toLowerCase().includes(b);
  const nvr = new Set(brands.map((b) => NVR_UPNP_OFF.find((p) => b && named(p, b)) ?? fallback));
  // The brands' own steps first, the general one last.
  return [...nvr].sort((x, y) => Number(x === fallback) - Number(y === fallback));
}
