// Where each router family keeps its port forwards, what it calls the fields, and whether a rule can be limited to
// source addresses — from ../shared/reference/ROUTERS.md §0 and §1. Confidence as there: H vendor documentation,
// M one secondary source or an inferred path, L believed and unconfirmed (shown as "look for", never as fact).

/** The router families with a forward page or app, in the order they are offered. */
export const FORWARD_PAGE_IDS = [
  'tp-link',
  'asus',
  'netgear',
  'linksys',
  'fritzbox',
  'unifi',
  'openwrt-luci',
  'pfsense',
  'google',
  'eero',
  'isp',
] as const;
export type ForwardPageId = (typeof FORWARD_PAGE_IDS)[number];

export interface ForwardPage {
  id: ForwardPageId;
  family: string;
  /** The menu path to the forward page, and what to press to add one. */
  path: string;
  /** The family's names for the fields, where known. */
  fields: { name: string; external: string; address: string; internal: string; protocol: string; source?: string };
  /** Whether a rule can be limited to source addresses on that page. */
  sourceLimit: boolean;
  /** What else to do or know (save button, a second step). */
  note?: string;
  /** Where the family offers port triggering beside forwarding, and the source (see PORT_TRIGGERING). */
  triggering?: { where: string; source: string };
  confidence: 'H' | 'M' | 'L';
  source: string;
}

const ROUTERS_MD = 'ROUTERS.md';
const USUAL = {
  name: 'Service name',
  external: 'External port',
  address: 'Internal IP',
  internal: 'Internal port',
  protocol: 'Protocol',
};

export const FORWARD_PAGES: readonly ForwardPage[] = [
  {
    id: 'tp-link',
    family: 'TP-Link Archer',
    path: 'Advanced > NAT Forwarding > Virtual Servers > Add',
    fields: {
      name: 'Service Type',
      external: 'External Port',
      address: 'Internal IP',
      internal: 'Internal Port',
      protocol: 'Protocol',
    },
    sourceLimit: false,
    triggering: {
      where: 'Advanced > NAT Forwarding > Port Triggering',
      source: `${ROUTERS_MD} §1.1 (https://manualshive.com/ru/manual/tp-link/hc220-g1/1146003?page=34)`,
    },
    confidence: 'M',
    source: `${ROUTERS_MD} §1.1 (https://manualshive.com/ru/manual/tp-link/hc220-g1/1146003?page=34)`,
  },
  {
    id: 'asus',
    family: 'ASUS / Asuswrt-Merlin',
    path: 'Advanced Settings > WAN > Virtual Server / Port Forwarding > Add profile (older firmware: the list and "+")',
    fields: {
      name: 'Service Name',
      external: 'Port Range',
      address: 'Local IP',
      internal: 'Local Port',
      protocol: 'Protocol',
      source: 'Source IP',
    },
    sourceLimit: true,
    note: 'Press Apply after adding.',
    confidence: 'M',
    source: `${ROUTERS_MD} §1.2`,
  },
  {
    id: 'netgear',
    family: 'Netgear Nighthawk / Orbi',
    path: 'ADVANCED > Advanced Setup > Port Forwarding / Port Triggering: choose Port Forwarding, then "Add Custom Service"',
    fields: {
      name: 'Service Name',
      external: 'External port range',
      address: 'Internal IP address',
      internal: 'Internal port range',
      protocol: 'Protocol',
    },
    sourceLimit: false,
    triggering: {
      where: 'the Port Triggering choice under ADVANCED > Advanced Setup > Port Forwarding / Port Triggering',
      source: `${ROUTERS_MD} §1.3 (https://19216811.live/netgear-r8500-manual/36)`,
    },
    confidence: 'H',
    source: `${ROUTERS_MD} §1.3`,
  },
  {
    id: 'linksys',
    family: 'Linksys Smart Wi-Fi / Velop',
    path: 'Security > Apps and Gaming > Single Port Forwarding > Add a new Single Port Forwarding',
    fields: {
      name: 'Application name',
      external: 'External Port',
      address: 'Device IP#',
      internal: 'Internal Port',
      protocol: 'Protocol',
    },
    sourceLimit: false,
    note: 'Press Save.',
    confidence: 'M',
    source: `${ROUTERS_MD} §1.4`,
  },
  {
    id: 'fritzbox',
    family: 'AVM FRITZ!Box',
    path: 'Internet > Permit Access > Port Sharing > Add Device for Sharing: choose the NVR, then "New Sharing" > Port sharing',
    fields: {
      name: 'Application / Server service',
      external: 'External port',
      address: 'the device chosen',
      internal: 'Port to device',
      protocol: 'Protocol',
    },
    sourceLimit: false,
    note: 'Each external port can be shared only once on the whole FRITZ!Box. Press OK, then Apply.',
    confidence: 'H',
    source: 'https://service.avm.de/help/en/FRITZ-Box-7530/019p2/hilfe_portfreigabe',
  },
  {
    id: 'unifi',
    family: 'Ubiquiti UniFi',
    path: 'Settings > Routing > Port Forwarding (older: Settings > Routing & Firewall > Port Forwarding), add an entry',
    fields: {
      name: 'Name',
      external: 'Port',
      address: 'Forward IP',
      internal: 'Forward Port',
      protocol: 'Protocol',
      source: 'From: Limited',
    },
    sourceLimit: true,
    note: 'WAN interface: your internet connection. Save.',
    confidence: 'M',
    source: `${ROUTERS_MD} §1.6`,
  },
  {
    id: 'openwrt-luci',
    family: 'OpenWrt (LuCI)',
    path: 'Network > Firewall > Port Forwards > Add',
    fields: {
      name: 'Name',
      external: 'External port',
      address: 'Internal IP address',
      internal: 'Internal port',
      protocol: 'Protocol',
      source: 'Source IP address (Advanced Settings tab)',
    },
    sourceLimit: true,
    note: 'Press Save & Apply.',
    confidence: 'H',
    source: `${ROUTERS_MD} §1.18`,
  },
  {
    id: 'pfsense',
    family: 'pfSense / OPNsense',
    path: 'pfSense: Firewall > NAT > Port Forward > Add; OPNsense: Firewall > NAT > Destination NAT (Port Forward) > Add',
    fields: {
      name: 'Description',
      external: 'Destination port range',
      address: 'Redirect Target IP',
      internal: 'Redirect Target Port',
      protocol: 'Protocol',
      source: 'Source Address',
    },
    sourceLimit: true,
    note: 'Interface: WAN. Let it make the firewall rule too (OPNsense: Firewall rule "Pass" or "Register rule"); press Apply Changes.',
    confidence: 'H',
    source:
      'https://github.com/opnsense/docs/blob/master/source/manual/nat.rst ; https://github.com/pfsense/docs/blob/master/source/nat/index.rst',
  },
  {
    id: 'google',
    family: 'Google Nest Wifi / Google Wifi',
    path: 'Google Home app: Wi-Fi > Settings > Advanced Networking > Port management > (+), IPv4 tab, choose the NVR',
    fields: { ...USUAL, address: 'the device chosen' },
    sourceLimit: false,
    confidence: 'H',
    source: `${ROUTERS_MD} §1.7`,
  },
  {
    id: 'eero',
    family: 'eero',
    path: 'eero app: Settings > Advanced > Reservations and Port Forwarding > Add a reservation (the NVR), then "Open a port"',
    fields: { ...USUAL, address: 'the device chosen' },
    sourceLimit: false,
    confidence: 'H',
    source: `${ROUTERS_MD} §1.8`,
  },
  {
    id: 'isp',
    family: 'An ISP box (BT, Orange, Vodafone, Sky, Xfinity, Fios…)',
    path: '"Port Forwarding", "NAT/PAT" or "Port Mapping" under Advanced, Firewall or Internet settings',
    fields: USUAL,
    sourceLimit: false,
    note: 'Some ISP boxes need a restart after a change. If the box has no forward page, ask the ISP, or use a VPN.',
    confidence: 'L',
    source: `${ROUTERS_MD} §1.9–1.14`,
  },
];

/**
 * Why port triggering, which some routers offer beside forwarding, does not fit an NVR: a trigger opens an inbound
 * port only after a device inside has sent out on the trigger port, only to that device and only for a while — made
 * for games and chat programs that call out first. An NVR waits for the phone to call in and never calls out on a
 * trigger port, so the trigger never fires (or the port closes again while nobody watches).
 */
export const PORT_TRIGGERING =
  'Port triggering is not for an NVR: it opens a port only after a device inside calls out first on the trigger ' +
  'port, and only for a while. An NVR never calls out first — it waits for your phone to call in — so the port ' +
  'would stay shut. Use a forward (above), or a VPN.';

/** A rule as the steps need it (a subset of the plan's rules). */
export interface StepRule {
  name: string;
  protocol: 'tcp' | 'udp';
  externalPort: number;
  internalAddress: string;
  internalPort: number;
  /** A range rule: this many ports from each first one (absent: one port). */
  portCount?: number;
  sources: readonly string[];
}

/** "8000", or "6100-6199" for a range. */
const ports = (first: number, r: StepRule) => (r.portCount ? `${first}-${first + r.portCount - 1}` : String(first));

/**
 * Numbered steps with the plan's exact values for one family's forward page: where to go, each rule's fields, save;
 * a family that cannot limit sources says so when the plan has them.
 */
export function forwardSteps(page: ForwardPage, rules: readonly StepRule[]): string[] {
  const f = page.fields;
  const where = page.confidence === 'L' ? `look for ${page.path}` : page.path;
  const steps = [`Open the router’s page in a browser and log in; go to ${where}.`];
  for (const r of rules) {
    const values = [
      `${f.name}: ${r.name}`,
      `${f.external}: ${ports(r.externalPort, r)}`,
      `${f.address}: ${r.internalAddress}`,
      `${f.internal}: ${ports(r.internalPort, r)}`,
      `${f.protocol}: ${r.protocol.toUpperCase()}`,
    ];
    if (r.sources.length && page.sourceLimit && f.source) values.push(`${f.source}: ${r.sources.join(', ')}`);
    steps.push(`Add a rule — ${values.join('; ')}.`);
  }
  steps.push(page.note ?? 'Save.');
  if (rules.some((r) => r.sources.length) && !page.sourceLimit)
    steps.push(
      'This router cannot limit a forward to your addresses: the rules are open to the whole internet. A VPN, or a router that can, is safer.',
    );
  if (page.triggering) steps.push(`Leave ${page.triggering.where} alone. ${PORT_TRIGGERING}`);
  return steps.map((s, i) => `${i + 1}. ${s}`);
}
