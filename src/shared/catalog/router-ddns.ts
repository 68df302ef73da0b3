// Routers' own DDNS clients, by router family (issue 13 item 2: "where the NVR or router has a built-in DDNS client:
// its steps, brand/router family, sourced"), because this app is not a background service: something that stays on
// must keep the name current, and the router knows the moment its address changes. For each family the app knows
// (the Router rules step's families, router-forwards.ts, plus MikroTik and GL.iNet of the VPN step), the menu steps
// from the login to saving with the user's name filled in, the providers its list takes and what to do for one it
// does not take. First facts from ../shared/reference/INTERNET-SECURITY.md §1.6; the menu steps from the vendors'
// documentation or source (AVM's knowledge base, OpenWrt's LuCI and ddns-scripts, pfSense's and OPNsense's manuals,
// Asuswrt-Merlin's DDNS page and wiki, MikroTik's wiki, GL.iNet's docs), each entry with its sources. A family with no
// source found is listed in ROUTER_DDNS_NOT_KNOWN: the page and the CLI say "not known" for it instead of guessing.
// Confidence: H vendor documentation or source, M one secondary source or an inferred path, L believed and
// unconfirmed (shown as "reportedly", never as fact).
import type { BuiltInDdns } from './ddns-clients';
import { FORWARD_PAGES, FORWARD_PAGE_IDS } from './router-forwards';
import { DDNS_PROVIDERS, DDNS_SECRET, duckdnsDomain, type DdnsProvider } from '../domain/ddns-providers';

const REF = '../shared/reference/INTERNET-SECURITY.md §1.6';

/** The router families whose own client is looked up here: the Router rules step's, then MikroTik and GL.iNet. */
export const ROUTER_DDNS_IDS = [...FORWARD_PAGE_IDS, 'mikrotik', 'glinet'] as const;
export type RouterDdnsId = (typeof ROUTER_DDNS_IDS)[number];

/** In a router's steps, where the line for the provider chosen on the page goes (see `providers`). */
export const PROVIDER_STEP = '{provider}';

/** A router's built-in client, with the menu steps to it (the router family's entry on this page). */
export interface RouterDdns extends BuiltInDdns {
  /**
   * From the login to saving, in order; one of them is PROVIDER_STEP. In the texts, {name} is the name made here,
   * {sub} its DuckDNS label, {user} the user name, {secret} "your password" or "your token", {server} the dyndns2 server.
   */
  steps: readonly string[];
  /** How each of the app's providers is picked and typed in its list; a provider absent here is not in it. */
  providers: Readonly<Partial<Record<DdnsProvider, string>>>;
  /** What to do when the provider chosen on the page is not in its list. */
  otherwise: string;
}

const AVM_KB =
  'https://en.avm.de/service/knowledge-base/dok/FRITZ-Box-3272-int/30_Setting-up-dynamic-DNS-in-the-FRITZ-Box/';
const AVM_PLACEHOLDERS = 'http://asheiduk.de/post/fritzbox-dyndns/';
const LUCI = 'https://github.com/openwrt/luci/blob/master/applications/luci-app-ddns';
const DDNS_SCRIPTS = 'https://github.com/openwrt/packages/tree/master/net/ddns-scripts/files';
const MERLIN = 'https://github.com/RMerl/asuswrt-merlin.ng';
const CRON_INSTEAD = 'use this app’s cron line (below) instead.';
const MIKROTIK_CLOUD = 'https://wiki.mikrotik.com/index.php?title=Manual:IP/Cloud&oldid=26485';
const MIKROTIK_DDNS_ENABLED = 'https://www.pulumi.com/registry/packages/routeros/api-docs/ipcloud';
/** GL.iNet's docs for firmware 4 (site of the gl-inet/docs4.x repository: its mkdocs.yml site_url and nav). */
const GLINET_DOCS = 'https://docs.gl-inet.com/router/en/4/interface_guide';

/** LuCI's Dynamic DNS page (OpenWrt, and GL.iNet through its LuCI): from the page to the provider's line. */
const LUCI_STEPS = [
  'In LuCI go to Services > Dynamic DNS (if it is missing, install luci-app-ddns and ddns-scripts under System > Software).',
  'Press “Add new services…”, give it a name and press “Create service”.',
  'Basic Settings: tick “Enabled”; Lookup Hostname: {name}; IP address version: IPv4.',
  PROVIDER_STEP,
  'Press “Save”, then “Save & Apply”.',
] as const;
const LUCI_PROVIDERS: RouterDdns['providers'] = {
  duckdns:
    'DDNS Service provider: duckdns.org. Domain: {sub}. Username: any word (the field must not be empty). Password: {secret}.',
  noip: 'DDNS Service provider: no-ip.com. Domain: {name}. Username: {user}. Password: {secret}.',
  dynu: 'DDNS Service provider: dynu.com. Domain: {name}. Username: {user}. Password: {secret}.',
  dyndns2:
    'DDNS Service provider: dyndns.org for Dyn; for {server} choose “-- custom --” with Custom update-URL https://[USERNAME]:[PASSWORD]@your server/nic/update?hostname=[DOMAIN]&myip=[IP]. Domain: {name}. Username: {user}. Password: {secret}.',
  cloudflare:
    'DDNS Service provider: cloudflare.com-v4 (listed when its ddns-scripts service is installed). Domain: the name written host@zone, like nvr@example.com for {name}. Username: Bearer. Password: {secret} (the API token).',
};

/** Routers' built-in clients, by router family (router-forwards.ts's ids, plus mikrotik and glinet). */
export const ROUTER_DDNS: Readonly<Partial<Record<RouterDdnsId, RouterDdns>>> = {
  fritzbox: {
    product: 'AVM FRITZ!Box',
    offers:
      'MyFRITZ! (a free account: the box reports its public address and you reach it by a MyFRITZ! address), and a DynDNS client with a “user-defined” provider.',
    use: 'For the name made here: in its DynDNS settings choose the provider “User-defined”, with the provider’s update address, the name, user and password.',
    steps: [
      'Open the FRITZ!Box user interface; click “Internet”, then “Permit Access”, then the “DynDNS” tab.',
      'Enable “Use DynDNS”.',
      PROVIDER_STEP,
      'Click “Apply”. The box sends its address to the provider each time it connects to the internet.',
    ],
    providers: {
      duckdns:
        'DynDNS provider: “User-defined”. Update URL: https://www.duckdns.org/update?domains=<domain>&token=<pass>&ip=<ipaddr> (the box fills in the parts in < >). Domain name: {sub}. User name: any word (DuckDNS does not use it). Password: {secret}.',
      noip: 'DynDNS provider: No-IP if it is in the drop-down list (reportedly it is), otherwise “User-defined” with No-IP’s update URL. Domain name: {name}. User name: {user}. Password: {secret}.',
      dynu: 'DynDNS provider: “User-defined”, with the update URL Dynu gives for the FRITZ!Box. Domain name: {name}. User name: {user}. Password: {secret}.',
      dyndns2:
        'DynDNS provider: DynDNS if your server is Dyn’s, otherwise “User-defined” with the update URL of {server}. Domain name: {name}. User name: {user}. Password: {secret}.',
    },
    otherwise: `Cloudflare’s API wants its token in a header and a PATCH request, which an update URL cannot send: ${CRON_INSTEAD}`,
    confidence: 'H',
    source: `${AVM_KB} ; https://service.avm.de/help/en/FRITZ-Box-Fon-WLAN-7490/018/hilfe_dyndns ; placeholders <domain>, <pass>, <ipaddr>: ${AVM_PLACEHOLDERS}`,
  },
  'openwrt-luci': {
    product: 'OpenWrt (luci-app-ddns)',
    offers:
      'The ddns-scripts client with LuCI’s “Dynamic DNS” page, when the packages ddns-scripts and luci-app-ddns are installed; its provider list includes duckdns.org, no-ip.com, dynu.com, dyndns.org and cloudflare.com-v4, plus a custom update URL.',
    use: 'Pick your provider in “DDNS Service provider” and type the same name, user and password or token as here.',
    steps: LUCI_STEPS,
    providers: LUCI_PROVIDERS,
    otherwise: CRON_INSTEAD,
    confidence: 'H',
    source: `${LUCI}/root/usr/share/luci/menu.d/luci-app-ddns.json ; ${LUCI}/htdocs/luci-static/resources/view/ddns/overview.js ; ${DDNS_SCRIPTS}/usr/share/ddns/default ; ${DDNS_SCRIPTS}/usr/lib/ddns/update_cloudflare_com_v4.sh`,
  },
  asus: {
    product: 'ASUS',
    offers:
      'A free name.asuscomm.com kept by the router itself; behind a second router the router must be told to find its real public address (Asuswrt-Merlin).',
    use: 'Either use the asuscomm.com name instead of the one made here, or pick your provider in the router’s DDNS list.',
    steps: [
      'Open the router’s page and go to Advanced Settings > WAN > DDNS.',
      'Enable the DDNS Client: Yes.',
      PROVIDER_STEP,
      'Press “Apply”.',
    ],
    providers: {
      noip: 'Server: WWW.NO-IP.COM. Host Name: {name}. User Name: {user}. Password: {secret}.',
      dyndns2:
        'Server: WWW.DYNDNS.ORG (Dyn’s own server only; for {server}, Asuswrt-Merlin’s “Custom” with a ddns-start script). Host Name: {name}. User Name: {user}. Password: {secret}.',
    },
    otherwise: `Not in its list (WWW.ASUS.COM, WWW.NO-IP.COM, WWW.DYNDNS.ORG and others). Asuswrt-Merlin only: Server “Custom” runs your own /jffs/scripts/ddns-start (custom scripts enabled under Administration > System). Otherwise ${CRON_INSTEAD}`,
    confidence: 'M',
    source: `${REF} (${MERLIN}/wiki/Custom-DDNS ; ${MERLIN}/blob/master/release/src/router/www/Advanced_ASUSDDNS_Content.asp)`,
  },
  'tp-link': {
    product: 'TP-Link',
    offers: 'Reportedly a tplinkdns.com name tied to a TP-Link ID (not confirmed).',
    use: 'Look for Dynamic DNS in the router’s settings and pick your provider if it is listed.',
    steps: [
      'Look for Dynamic DNS in the router’s settings (Advanced > Network > Dynamic DNS).',
      PROVIDER_STEP,
      'Save.',
    ],
    providers: {
      noip: 'Service Provider: NO-IP, if it is listed. Domain Name: {name}. Username: {user}. Password: {secret}.',
      dyndns2:
        'Service Provider: DynDNS, if it is listed and your server is Dyn’s. Domain Name: {name}. Username: {user}. Password: {secret}.',
    },
    otherwise: `If your provider is not in its list, ${CRON_INSTEAD}`,
    confidence: 'L',
    source: REF,
  },
  netgear: {
    product: 'Netgear Nighthawk / Orbi',
    offers: 'A Dynamic DNS page (its manuals have a “Dynamic DNS” section); the providers it lists are not confirmed.',
    use: 'Pick your provider if it is listed.',
    steps: [
      'Look for Dynamic DNS in the router’s settings (ADVANCED > Advanced Setup > Dynamic DNS).',
      'Turn the Dynamic DNS service on.',
      PROVIDER_STEP,
      'Press Apply.',
    ],
    providers: {
      noip: 'Service Provider: No-IP, if it is listed. Host Name: {name}. User Name: {user}. Password: {secret}.',
      dyndns2:
        'Service Provider: Dyn (DynDNS), if it is listed and your server is Dyn’s. Host Name: {name}. User Name: {user}. Password: {secret}.',
    },
    otherwise: `If your provider is not in its list, ${CRON_INSTEAD}`,
    confidence: 'L',
    source: 'http://38.142.81.21:8001/manual/netgear/c6900/user-manual-english/page-81.html (contents: “Dynamic DNS”)',
  },
  unifi: {
    product: 'Ubiquiti UniFi gateways',
    offers:
      'A Dynamic DNS client (inadyn on the gateway) set up in the UniFi Network application, with a service, host name, server, login and password per entry.',
    use: 'Add an entry for your provider with the same name, user and password or token as here.',
    steps: [
      'In the UniFi Network application, look for Dynamic DNS in the settings of your internet connection (WAN); the menu differs by version.',
      'Create a new entry.',
      PROVIDER_STEP,
      'Save. The gateway updates the name when its WAN address changes.',
    ],
    providers: {
      noip: 'Service: noip, if it is listed. Hostname: {name}. Username: {user}. Password: {secret}.',
      dyndns2: 'Service: dyndns. Hostname: {name}. Username: {user}. Password: {secret}. Server: {server}.',
    },
    otherwise: `If your provider is not in its list, ${CRON_INSTEAD}`,
    confidence: 'L',
    source:
      'https://blog.jjhayes.net/wp/2022/05/19/dynamic-dns-ddns-on-the-ubiquiti-udm-se ; https://pulumi.com/registry/packages/unifi/api-docs/dynamicdns/',
  },
  pfsense: {
    product: 'pfSense / OPNsense',
    offers:
      'A Dynamic DNS client under Services > Dynamic DNS on both; pfSense lists Cloudflare, No-IP, DynDNS and “Custom” among its providers, OPNsense lists Duck DNS and “Custom”.',
    use: 'Add an entry for your provider with the same name, user and password or token as here.',
    steps: [
      'pfSense: Services > Dynamic DNS, the tab of DynDNS providers, Add. OPNsense: Services > Dynamic DNS, “Add” in the upper right corner.',
      'Leave it enabled; Interface (OPNsense: Interface to monitor): WAN.',
      PROVIDER_STEP,
      'Description: the NVR’s name. Save.',
    ],
    providers: {
      duckdns:
        'OPNsense: Service type “Duck DNS”, Hostname {name}, Username: {secret}, Password: empty. pfSense: Service Type “Custom” with DuckDNS’s update URL.',
      noip: 'pfSense: Service Type “No-IP”. Hostname: {name}. Username: {user}. Password: {secret}. (OPNsense: pick it if it is listed.)',
      dyndns2:
        'Service Type “DynDNS” for Dyn; for {server}, “Custom” with the server’s update URL (Username and Password are sent as HTTP basic auth). Hostname: {name}. Username: {user}. Password: {secret}.',
      cloudflare:
        'pfSense: Service Type “Cloudflare”. Hostname: {name}; the API token as its form asks. (OPNsense: pick it if it is listed.)',
    },
    otherwise: `Service type “Custom” with your provider’s update URL (see its help), or ${CRON_INSTEAD}`,
    confidence: 'H',
    source:
      'https://github.com/pfsense/docs/blob/master/source/dns/dynamic-dns.rst ; https://github.com/opnsense/docs/blob/master/source/manual/dynamic_dns.rst',
  },
  mikrotik: {
    product: 'MikroTik RouterOS (IP > Cloud)',
    offers:
      'MikroTik’s own DDNS service, on its RouterBOARD devices: the router keeps a name of its own under sn.mynetname.net pointing at its public IPv4 address (checked every minute). It has no client for other providers.',
    use: 'Either use the router’s own name instead of the one made here, or keep the name made here current with the cron line.',
    steps: [
      'Open a terminal on the router (WinBox > New Terminal, or ssh).',
      'Type /ip cloud set ddns-enabled=yes',
      'Type /ip cloud print: the name it shows (ending in .sn.mynetname.net) now points at your public address.',
      PROVIDER_STEP,
    ],
    providers: {},
    otherwise: `Not supported: RouterOS keeps only its own …sn.mynetname.net name, not {name}. Either use that name instead, or ${CRON_INSTEAD}`,
    confidence: 'M',
    source: `${MIKROTIK_CLOUD} ; ddns-enabled: ${MIKROTIK_DDNS_ENABLED}`,
  },
  glinet: {
    product: 'GL.iNet (firmware 4.x)',
    offers:
      'Its own free name (…glddns.com: Applications > Dynamic DNS, “Enable DDNS”, then “Apply”), and LuCI, OpenWrt’s own pages, under System > Advanced Settings, where OpenWrt’s DDNS client takes other providers.',
    use: 'Either use the glddns.com name instead of the one made here, or set up your provider in LuCI as on OpenWrt.',
    steps: [
      'In the admin panel go to System > Advanced Settings, click “Go To LuCI” and log in with the admin panel’s password.',
      ...LUCI_STEPS,
    ],
    providers: LUCI_PROVIDERS,
    otherwise: CRON_INSTEAD,
    confidence: 'M',
    source: `${GLINET_DOCS}/ddns/ ; ${GLINET_DOCS}/advanced_settings/ ; ${LUCI}/htdocs/luci-static/resources/view/ddns/overview.js`,
  },
};

/** The router families with a known client, in the order they are offered (the Router rules step's, then the rest). */
export const ROUTER_DDNS_FAMILIES: readonly { id: RouterDdnsId; family: string }[] = (
  [
    ...FORWARD_PAGES.map((p) => ({ id: p.id, family: p.family })),
    { id: 'mikrotik', family: 'MikroTik RouterOS' },
    { id: 'glinet', family: 'GL.iNet (firmware 4.x)' },
  ] satisfies { id: RouterDdnsId; family: string }[]
).filter((f) => Object.hasOwn(ROUTER_DDNS, f.id));

/**
 * The families the app knows whose own DDNS client no source was found for: said as "not known", never guessed.
 * By the word the Router rules step (or the CLI's --router) uses.
 */
export const ROUTER_DDNS_NOT_KNOWN: Readonly<Record<string, string>> = {
  linksys: 'Linksys: not known (no source found for its DDNS settings).',
  google: 'Google Nest Wifi / Google Wifi: not known (no source found for a DDNS client of its own).',
  eero: 'eero: not known (no source found for a DDNS client of its own).',
  isp: 'Your internet provider’s router: not known (its pages differ by provider).',
  nftables: 'A Linux router (nftables): no DDNS client of its own; the cron line can run on it.',
  iptables: 'A Linux router (iptables): no DDNS client of its own; the cron line can run on it.',
};

/** The values a router's steps are written with (never the password or token itself). */
export interface RouterDdnsValues {
  provider: DdnsProvider;
  host: string;
  user: string;
  server: string;
}

/**
 * The router's steps for the provider chosen on the page, with the name and user typed there: the provider's line
 * in its place, or what to do when the router does not list it. An unconfirmed (L) entry says so first.
 */
export function routerDdnsSteps(c: RouterDdns, v: RouterDdnsValues): string[] {
  const host = v.host.trim();
  const words: Record<string, string> = {
    '{name}': host || 'your name',
    '{sub}': host ? duckdnsDomain(host) : 'your DuckDNS name without .duckdns.org',
    '{user}': v.user.trim() || 'your user name',
    '{secret}': `your ${DDNS_SECRET[v.provider]}`,
    '{server}': v.server.trim() || 'your server',
  };
  const fill = (s: string) => s.replace(/\{(?:name|sub|user|secret|server)\}/g, (k) => words[k]!);
  const steps = c.steps.map((s) => fill(s === PROVIDER_STEP ? (c.providers[v.provider] ?? c.otherwise) : s));
  if (c.confidence === 'L') steps[0] = `Reportedly (not confirmed): ${steps[0]}`;
  return steps;
}

/** The app's providers a router's own client can keep (in its list, or by its custom entry), in the app's order. */
export function routerDdnsProviders(c: RouterDdns): DdnsProvider[] {
  return DDNS_PROVIDERS.filter((p) => Object.hasOwn(c.providers, p));
}

/** The Router rules step's command family for OpenWrt is the same router as its LuCI page. */
const SAME_ROUTER: Readonly<Record<string, RouterDdnsId>> = { openwrt: 'openwrt-luci' };

/** The router family whose built-in client is shown for a family word (Router rules', or --router); null: none known. */
export function routerDdnsFamily(family: string | null | undefined): RouterDdnsId | null {
  const f = family ?? '';
  const id = Object.hasOwn(SAME_ROUTER, f) ? SAME_ROUTER[f]! : f;
  return Object.hasOwn(ROUTER_DDNS, id) ? (id as RouterDdnsId) : null;
}

/** What is said for a family word whose client is not known (null: the word is not one of those). */
export function routerDdnsNotKnown(family: string | null | undefined): string | null {
  const f = family ?? '';
  return Object.hasOwn(ROUTER_DDNS_NOT_KNOWN, f) ? ROUTER_DDNS_NOT_KNOWN[f]! : null;
}
