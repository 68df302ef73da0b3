// The DDNS clients built into NVRs and routers (issue 13 item 2: "where the NVR or router has a built-in DDNS client:
// its steps, brand/router family, sourced"), because this app is not a background service and something that stays on
// must keep the name current. NVRs and the first router facts from ../shared/reference/INTERNET-SECURITY.md §1.6; the
// routers' menu steps from their vendors' documentation or source (AVM's knowledge base, OpenWrt's LuCI and
// ddns-scripts, pfSense's and OPNsense's manuals, Asuswrt-Merlin's DDNS page and wiki), each entry with its sources.
// Confidence: H vendor documentation or source, M one secondary source or an inferred path, L believed and
// unconfirmed (shown as "reportedly", never as fact).
import { portsForBrand } from './ports';
import type { ForwardPageId } from './router-forwards';
import { DDNS_SECRET, duckdnsDomain, type DdnsProvider } from '../domain/ddns-providers';

const REF = '../shared/reference/INTERNET-SECURITY.md §1.6';

export interface BuiltInDdns {
  /** The product, as the page names it. */
  product: string;
  /** What it offers, in plain words. */
  offers: string;
  /** What to do with it for the name made here (empty: nothing beyond `offers`). */
  use: string;
  confidence: 'H' | 'M' | 'L';
  source: string;
}

/** NVR makers' built-in clients, by the port catalogue's brand id (portsForBrand: every name a device gives). */
export const NVR_DDNS: Readonly<Record<string, BuiltInDdns>> = {
  hikvision: {
    product: 'Hikvision (Hik-Connect)',
    offers:
      'Hik-Connect, Hikvision’s cloud service, “integrates DDNS along with an alarm push notification service”; Hikvision’s own bulletin still asks for UPnP or a port forward to use it. The older HiDDNS service’s status is not confirmed.',
    use: 'Hik-Connect gives its own name, not the one made here: keep the name here current with the router’s client or the cron line, and leave UPnP off on the NVR.',
    confidence: 'M',
    source: `${REF} (Hikvision technical bulletin “Adding a Device to a Hik-Connect Account” v2.0)`,
  },
  dahua: {
    product: 'Dahua (Dahua DDNS, NO-IP, DynDNS)',
    offers:
      'Dahua DDNS (www.dahuaddns.com) gives each device a name from its MAC, or a name of your own, with no account; keep more than 60 s between registrations, and a name idle for a year may be taken back. The same list offers CN99, NO-IP, DynDNS and sysdns.',
    use: 'For a No-IP or dyndns2 name made here, choose NO-IP or DynDNS in the NVR’s DDNS list and type the same name, user and password.',
    confidence: 'M',
    source: `${REF} (Dahua-OEM manual, IC Realtime NVR manual p. 61)`,
  },
  amcrest: {
    product: 'Amcrest (AmcrestDDNS, NO-IP, DynDNS)',
    offers:
      'Amcrest lists Quick DDNS, NO-IP, CN99 and DynDNS; AmcrestDDNS is free but must be renewed every year (a reminder goes to the e-mail in the user name field).',
    use: 'For a No-IP or dyndns2 name made here, choose NO-IP or DynDNS in the NVR’s DDNS list and type the same name, user and password.',
    confidence: 'M',
    source: `${REF} (https://www.easymanua.ls/amcrest/ip4m-1041b/manual?p=30)`,
  },
  reolink: {
    product: 'Reolink',
    offers:
      'Reolink’s remote access is mainly by the device’s UID through Reolink’s P2P relay; a Reolink DDNS service is not confirmed.',
    use: 'Keep the name current with the router’s client or the cron line.',
    confidence: 'M',
    source: `${REF} (https://kaspars.net/blog/reolink-battery-camera-remote-protocol)`,
  },
};

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

/** Routers' built-in clients, by the router family of the Router rules step (router-forwards.ts). */
export const ROUTER_DDNS: Readonly<Partial<Record<ForwardPageId, RouterDdns>>> = {
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
    steps: [
      'In LuCI go to Services > Dynamic DNS (if it is missing, install luci-app-ddns and ddns-scripts under System > Software).',
      'Press “Add new services…”, give it a name and press “Create service”.',
      'Basic Settings: tick “Enabled”; Lookup Hostname: {name}; IP address version: IPv4.',
      PROVIDER_STEP,
      'Press “Save”, then “Save & Apply”.',
    ],
    providers: {
      duckdns:
        'DDNS Service provider: duckdns.org. Domain: {sub}. Username: any word (the field must not be empty). Password: {secret}.',
      noip: 'DDNS Service provider: no-ip.com. Domain: {name}. Username: {user}. Password: {secret}.',
      dynu: 'DDNS Service provider: dynu.com. Domain: {name}. Username: {user}. Password: {secret}.',
      dyndns2:
        'DDNS Service provider: dyndns.org for Dyn; for {server} choose “-- custom --” with Custom update-URL https://[USERNAME]:[PASSWORD]@your server/nic/update?hostname=[DOMAIN]&myip=[IP]. Domain: {name}. Username: {user}. Password: {secret}.',
      cloudflare:
        'DDNS Service provider: cloudflare.com-v4 (listed when its ddns-scripts service is installed). Domain: the name written host@zone, like nvr@example.com for {name}. Username: Bearer. Password: {secret} (the API token).',
    },
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

/** The Router rules step's command family for OpenWrt is the same router as its LuCI page. */
const SAME_ROUTER: Readonly<Record<string, ForwardPageId>> = { openwrt: 'openwrt-luci' };

/** The router family whose built-in client the page shows for the family chosen on Router rules (null: none known). */
export function routerDdnsFamily(family: string | null | undefined): ForwardPageId | null {
  const f = family ?? '';
  const id = Object.hasOwn(SAME_ROUTER, f) ? SAME_ROUTER[f]! : f;
  return Object.hasOwn(ROUTER_DDNS, id) ? (id as ForwardPageId) : null;
}

/** ONVIF's own DynamicDNS setting is not one of these services: said once, on the page. */
export const ONVIF_DDNS_NOTE =
  'The NVR’s ONVIF “Dynamic DNS” setting is RFC 2136 (a signed update to a DNS server you run), not DuckDNS, No-IP or the others: the app does not use it.';

/** The NVR's built-in client for a brand the app found (null: none known). */
export function nvrDdnsFor(brand: string | null | undefined): BuiltInDdns | null {
  const id = portsForBrand(brand)?.id;
  return id !== undefined && Object.hasOwn(NVR_DDNS, id) ? NVR_DDNS[id]! : null;
}
