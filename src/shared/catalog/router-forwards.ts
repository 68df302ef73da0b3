// Where each router family keeps its port forwards, what it calls the fields, and whether a rule can be limited to
// source addresses — from ../shared/reference/ROUTERS.md §0 and §1. Confidence as there: H vendor documentation,
// M one secondary source or an inferred path, L believed and unconfirmed (shown as "look for", never as fact).
// The steps are said by key (`rules.said.forward`, src/shared/i18n/en/said/rules-forward.ts); main writes their English
// (router-forwards-steps.ts, which loads the whole catalogue: the pages load this file). The menu paths, the families'
// names and the fields' labels are what the router's own screen shows: they stay here as they are, passed as values
// into the translated sentences (a label with words of ours is said by key). The sources stay English: evidence.
import { said, saidWords, sayIn, type Said, type SaidWords } from '../i18n/said';
import type { Translator } from '../i18n/translate';

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
  /** The family's name, as its maker names it (data, as it is); for a name of ours, its English (see familySaid). */
  family: string;
  /** A family's name in words of ours (not a maker's name), said by key: "An ISP box (…)". */
  familySaid?: SaidWords;
  /** The menu path to the forward page, and what to press to add one. */
  path: string;
  /** The family's names for the fields, where known (as the router shows them; words of ours said by key). */
  fields: {
    name: string;
    external: string;
    address: string | SaidWords;
    internal: string;
    protocol: string;
    source?: string | SaidWords;
  };
  /** Whether a rule can be limited to source addresses on that page. */
  sourceLimit: boolean;
  /** What else to do or know (save button, a second step): by key, `rules.said.forward.note.<id>`. */
  note?: SaidWords;
  /** Where the family offers port triggering beside forwarding (its page), and the source (see PORT_TRIGGERING). */
  triggering?: { where: string | SaidWords; source: string };
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
/** The address field of a family where the NVR is picked from a list (words of ours). */
const DEVICE_CHOSEN = saidWords('rules.said.forward.deviceChosen');
/** A family's note, said by key (`rules.said.forward.note.<id>`). */
const note = (id: 'asus' | 'linksys' | 'fritzbox' | 'unifi' | 'openwrt-luci' | 'pfsense' | 'isp'): SaidWords =>
  saidWords(`rules.said.forward.note.${id}`);

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
    note: note('asus'),
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
      where: saidWords('rules.said.forward.triggeringChoice', {
        path: 'ADVANCED > Advanced Setup > Port Forwarding / Port Triggering',
      }),
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
    note: note('linksys'),
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
      address: DEVICE_CHOSEN,
      internal: 'Port to device',
      protocol: 'Protocol',
    },
    sourceLimit: false,
    note: note('fritzbox'),
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
    note: note('unifi'),
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
      source: saidWords('rules.said.forward.fieldOnTab', { field: 'Source IP address', tab: 'Advanced Settings' }),
    },
    sourceLimit: true,
    note: note('openwrt-luci'),
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
    note: note('pfsense'),
    confidence: 'H',
    source:
      'https://github.com/opnsense/docs/blob/master/source/manual/nat.rst ; https://github.com/pfsense/docs/blob/master/source/nat/index.rst',
  },
  {
    id: 'google',
    family: 'Google Nest Wifi / Google Wifi',
    path: 'Google Home app: Wi-Fi > Settings > Advanced Networking > Port management > (+), IPv4 tab, choose the NVR',
    fields: { ...USUAL, address: DEVICE_CHOSEN },
    sourceLimit: false,
    confidence: 'H',
    source: `${ROUTERS_MD} §1.7`,
  },
  {
    id: 'eero',
    family: 'eero',
    path: 'eero app: Settings > Advanced > Reservations and Port Forwarding > Add a reservation (the NVR), then "Open a port"',
    fields: { ...USUAL, address: DEVICE_CHOSEN },
    sourceLimit: false,
    confidence: 'H',
    source: `${ROUTERS_MD} §1.8`,
  },
  {
    id: 'isp',
    family: 'An ISP box (BT, Orange, Vodafone, Sky, Xfinity, Fios…)',
    familySaid: saidWords('rules.said.forward.family.isp'),
    path: '"Port Forwarding", "NAT/PAT" or "Port Mapping" under Advanced, Firewall or Internet settings',
    fields: USUAL,
    sourceLimit: false,
    note: note('isp'),
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
export const PORT_TRIGGERING = saidWords('rules.said.forward.triggering');

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

/** The first line of a family's steps: its name, that menus differ, and the source (evidence, as it is). */
export function forwardHeaderSaid(page: ForwardPage): Said {
  return said('rules.said.forward.header', { family: page.familySaid ?? page.family, source: page.source });
}

/**
 * The steps with the plan's exact values for one family's forward page, said by key (unnumbered): where to go, each
 * rule's fields, save; a family that cannot limit sources says so when the plan has them.
 */
export function forwardStepsSaid(page: ForwardPage, rules: readonly StepRule[]): Said[] {
  const f = page.fields;
  const steps = [
    said(page.confidence === 'L' ? 'rules.said.forward.openLookFor' : 'rules.said.forward.open', { path: page.path }),
  ];
  for (const r of rules) {
    const values = {
      nameField: f.name,
      name: r.name,
      externalField: f.external,
      external: ports(r.externalPort, r),
      addressField: f.address,
      address: r.internalAddress,
      internalField: f.internal,
      internal: ports(r.internalPort, r),
      protocolField: f.protocol,
      protocol: r.protocol.toUpperCase(),
    };
    steps.push(
      r.sources.length && page.sourceLimit && f.source
        ? said('rules.said.forward.addRuleFrom', { ...values, sourceField: f.source, sources: r.sources.join(', ') })
        : said('rules.said.forward.addRule', values),
    );
  }
  steps.push(page.note ?? said('rules.said.forward.note.save'));
  if (rules.some((r) => r.sources.length) && !page.sourceLimit) steps.push(said('rules.said.forward.openToAll'));
  if (page.triggering)
    steps.push(said('rules.said.forward.leaveTriggering', { where: page.triggering.where, why: PORT_TRIGGERING }));
  return steps;
}

/** A family's forward steps as main wrote them, said by key: its first line, then each step. */
export interface ForwardStepsSaid {
  header: Said;
  steps: Said[];
}

/**
 * The text of a family's steps in a translator's language ("# family: …", then "1. …"), from main's English text and
 * its words by key; the English as it came where they do not match it (an older main) or are not there.
 */
export function sayForwardSteps(
  { t }: Pick<Translator, 't'>,
  text: string,
  words: ForwardStepsSaid | undefined,
): string {
  const lines = text.split('\n');
  if (!words || lines.length !== words.steps.length + 1) return text;
  const say = (w: Said, english: string) => sayIn({ t }, w, english);
  return [
    `# ${say(words.header, lines[0]!.replace(/^# /, ''))}`,
    ...words.steps.map((w, i) => `${i + 1}. ${say(w, lines[i + 1]!.replace(/^\d+\. /, ''))}`),
  ].join('\n');
}
