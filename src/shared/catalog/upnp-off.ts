// Where UPnP (and NAT-PMP/PCP) is turned off: on the router, by family, and on the recorder, by brand. From
// ../shared/reference/ROUTERS.md §1, §2.1, §2.2, §2.5 and §5 part B. Confidence as there: H vendor documentation,
// M one secondary source or an inferred path, L believed and unconfirmed — L paths are shown as "look for".

export interface UpnpOffPath {
  /** The router family or the recorder brand. */
  name: string;
  /** The menu path (or the command), as the vendor names it. */
  path: string;
  /** What else to know (a default, a second toggle, a trap). */
  note?: string;
  confidence: 'H' | 'M' | 'L';
  source: string;
}

const ROUTERS_MD = 'ROUTERS.md';

/** On the router. */
export const ROUTER_UPNP_OFF: readonly UpnpOffPath[] = [
  {
    name: 'TP-Link Archer',
    path: 'Advanced > NAT Forwarding > UPnP: switch it off',
    note: 'TP-Link ships UPnP on.',
    confidence: 'H',
    source: 'https://community.tp-link.com/us/home/kb/detail/348',
  },
  {
    name: 'ASUS / Asuswrt-Merlin',
    path: 'Advanced Settings > WAN > Internet Connection > "Enable UPnP": No',
    confidence: 'L',
    source: `${ROUTERS_MD} §1.2`,
  },
  {
    name: 'Netgear Nighthawk / Orbi',
    path: 'ADVANCED > Advanced Setup > UPnP: clear "Turn UPnP On"',
    note: 'The same page shows the "UPnP Portmap Table". The default differs by model.',
    confidence: 'H',
    source: 'https://www.easymanua.ls/netgear/wndr4500/manual?p=107',
  },
  {
    name: 'Linksys Smart Wi-Fi / Velop',
    path: 'Connectivity > Administration > UPnP',
    confidence: 'L',
    source: `${ROUTERS_MD} §1.4`,
  },
  {
    name: 'AVM FRITZ!Box',
    path: 'Home Network > Network > Network Connections > edit the device: clear "Permit independent port sharing for this device" (PCP or UPnP)',
    note: 'Per device, not for the whole router: clear it for the NVR and each camera.',
    confidence: 'H',
    source:
      'https://avm.de/service/fritzbox/fritzbox-6430-cable/wissensdatenbank/publication/show/894_Automatische-Portfreigaben-einrichten/',
  },
  {
    name: 'Ubiquiti UniFi',
    path: 'Settings > Internet > [your WAN] > UPnP: off',
    note: 'NAT-PMP is a separate toggle there; it has no effect while UPnP is off.',
    confidence: 'M',
    source: `${ROUTERS_MD} §1.6`,
  },
  {
    name: 'OpenWrt',
    path: 'uci set upnpd.config.enabled=\'0\'; uci commit upnpd; /etc/init.d/miniupnpd stop; /etc/init.d/miniupnpd disable (or LuCI: Services > UPnP IGD & PCP/NAT-PMP, clear "Enable service")',
    note: 'Off unless the miniupnpd package was installed and enabled.',
    confidence: 'H',
    source:
      'https://github.com/openwrt/packages/blob/00565ada662e9e2a44b11614872bcb99f1121207/net/miniupnpd/files/upnpd.config',
  },
  {
    name: 'MikroTik RouterOS',
    path: '/ip upnp set enabled=no (or IP > UPnP)',
    note: 'Off by default.',
    confidence: 'H',
    source: 'https://help.mikrotik.com/docs/display/ROS/UPnP',
  },
  {
    name: 'pfSense / OPNsense',
    path: 'pfSense: Services > UPnP & NAT-PMP (newer: UPnP IGD & PCP), untick enable; OPNsense: Services > UPnP IGD & PCP, untick enable',
    confidence: 'H',
    source: 'https://github.com/pfsense/docs/blob/master/source/services/configuring-upnp-and-nat-pmp.rst',
  },
  {
    name: 'eero',
    path: 'eero app: Settings > Advanced > UPnP: off',
    confidence: 'H',
    source: `${ROUTERS_MD} §1.8`,
  },
  {
    name: 'An ISP box (BT, Orange, Vodafone, Sky, Xfinity, Fios…)',
    path: '"UPnP" under Advanced, Firewall or Network settings (BT Smart Hub: Advanced Settings > Firewall > UPnP; Orange Livebox: Réseau avancé > UPnP)',
    note: 'Menus vary by firmware and are often unconfirmed; some ISP boxes have no off switch — then turn it off on the NVR.',
    confidence: 'L',
    source: `${ROUTERS_MD} §1.9–1.14`,
  },
];

/** On the recorder (so it stops opening its own ports). Brands without a confirmed path are absent. */
export const NVR_UPNP_OFF: readonly UpnpOffPath[] = [
  {
    name: 'Hikvision',
    path: 'Network settings > Advanced Settings > NAT (UPnP): turn UPnP off',
    note: 'The manuals’ chapter "Configuring NAT"; on-screen labels vary by firmware. Hik-Connect (cloud P2P) sits in the same chapter.',
    confidence: 'M',
    source: 'http://38.142.81.21:8001/manual/hikvision/ds-7608nxi-k1/manual-english/page-207.html',
  },
  {
    name: 'Dahua (and Amcrest, Lorex OEM)',
    path: 'Network > UPnP: turn "UPnP" off',
    note: 'Dahua’s own security advice: disable UPnP when it is not used.',
    confidence: 'M',
    source: 'http://88.208.23.73:8080/en/manual/dahua/nvr4208-8p/nvr4208-8p_user-manual_500128-274.html',
  },
  {
    name: 'Any other brand',
    path: 'UPnP (sometimes "NAT" or "Port mapping: Auto") in the network settings, and turn it off',
    note: 'Where a recorder has no off switch, turn UPnP off on the router instead (or block the recorder’s internet access there).',
    confidence: 'L',
    source: `${ROUTERS_MD} §5 part B`,
  },
];

/** One line: "TP-Link Archer: Advanced > … (TP-Link ships UPnP on.)", with "look for" on unconfirmed paths. */
export function upnpOffText(p: UpnpOffPath): string {
  const path = p.confidence === 'L' ? `look for ${p.path}` : p.path;
  return `${p.name}: ${path}${p.note ? ` (${p.note})` : ''}`;
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
  const nvr = new Set(brands.map((b) => NVR_UPNP_OFF.find((p) => b && p.name.toLowerCase().includes(b)) ?? fallback));
  // The brands' own steps first, the general one last.
  return [...nvr].sort((x, y) => Number(x === fallback) - Number(y === fallback));
}
