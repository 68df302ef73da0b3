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
// The words (what each client offers, what to do, each step and provider's line, "not known") are said by key
// (`ddns.said.router`, src/shared/i18n/en/said/ddns-router.ts), so the page and the CLI say them in the user's
// language; the menu paths, buttons and fields' labels inside them are the router's own and stay as it shows them.
// The products' and families' names stay here as they are, and so do the sources (evidence). main's English for
// the steps: router-ddns-steps.ts (it loads the whole catalogue, which the pages never load at once).
import type { BuiltInDdns } from './ddns-clients';
import { FORWARD_PAGES, FORWARD_PAGE_IDS } from './router-forwards';
import { DDNS_PROVIDERS, DDNS_SECRET, duckdnsDomain, type DdnsProvider } from '../domain/ddns-providers';
import { sayWith, type Said, type SaidWords } from '../i18n/said';
import type { Translator } from '../i18n/translate';
import type { MessageKey } from '../i18n/types';

/** A key of the routers' words (`ddns.said.router.…`). */
type RouterKey = Extract<MessageKey, `ddns.said.router.${string}`>;
type RouterWords = { readonly key: RouterKey };
/** Words by key, the key given without its `ddns.said.router.` (checked against the catalogue all the same). */
const k = <K extends string>(key: `ddns.said.router.${K}` extends RouterKey ? K : never): RouterWords => ({
  key: `ddns.said.router.${key}` as RouterKey,
});

const REF = '../shared/reference/INTERNET-SECURITY.md §1.6';

/** The router families whose own client is looked up here: the Router rules step's, then MikroTik and GL.iNet. */
export const ROUTER_DDNS_IDS = [...FORWARD_PAGE_IDS, 'mikrotik', 'glinet'] as const;
export type RouterDdnsId = (typeof ROUTER_DDNS_IDS)[number];

/** In a router's steps, where the line for the provider chosen on the page goes (see `providers`). */
export const PROVIDER_STEP = '{provider}';

/** A router's built-in client, with the menu steps to it (the router family's entry on this page). */
export interface RouterDdns extends Omit<BuiltInDdns, 'offers' | 'use'> {
  /** What it offers, in plain words (by key). */
  offers: RouterWords;
  /** What to do with it for the name made here (by key). */
  use: RouterWords;
  /**
   * From the login to saving, in order; one of them is PROVIDER_STEP. In the texts, {name} is the name made here,
   * {sub} its DuckDNS label, {user} the user name, {secret} "your password" or "your token", {server} the dyndns2 server.
   */
  steps: readonly (RouterWords | typeof PROVIDER_STEP)[];
  /** How each of the app's providers is picked and typed in its list; a provider absent here is not in it. */
  providers: Readonly<Partial<Record<DdnsProvider, RouterWords>>>;
  /** What to do when the provider chosen on the page is not in its list. */
  otherwise: RouterWords;
}

const AVM_KB =
  'https://en.avm.de/service/knowledge-base/dok/FRITZ-Box-3272-int/30_Setting-up-dynamic-DNS-in-the-FRITZ-Box/';
const AVM_PLACEHOLDERS = 'http://asheiduk.de/post/fritzbox-dyndns/';
const LUCI = 'https://github.com/openwrt/luci/blob/master/applications/luci-app-ddns';
const DDNS_SCRIPTS = 'https://github.com/openwrt/packages/tree/master/net/ddns-scripts/files';
const MERLIN = 'https://github.com/RMerl/asuswrt-merlin.ng';
/** What to do when the router's list does not have the provider. */
const CRON_INSTEAD = k('cronInstead');
const MIKROTIK_CLOUD = 'https://wiki.mikrotik.com/index.php?title=Manual:IP/Cloud&oldid=26485';
const MIKROTIK_DDNS_ENABLED = 'https://www.pulumi.com/registry/packages/routeros/api-docs/ipcloud';
/** GL.iNet's docs for firmware 4 (site of the gl-inet/docs4.x repository: its mkdocs.yml site_url and nav). */
const GLINET_DOCS = 'https://docs.gl-inet.com/router/en/4/interface_guide';

/** LuCI's Dynamic DNS page (OpenWrt, and GL.iNet through its LuCI): from the page to the provider's line. */
const LUCI_STEPS: RouterDdns['steps'] = [
  k('luci.steps.s1'),
  k('luci.steps.s2'),
  k('luci.steps.s3'),
  PROVIDER_STEP,
  k('luci.steps.s4'),
];
const LUCI_PROVIDERS: RouterDdns['providers'] = {
  duckdns: k('luci.providers.duckdns'),
  noip: k('luci.providers.noip'),
  dynu: k('luci.providers.dynu'),
  dyndns2: k('luci.providers.dyndns2'),
  cloudflare: k('luci.providers.cloudflare'),
};

/** Routers' built-in clients, by router family (router-forwards.ts's ids, plus mikrotik and glinet). */
export const ROUTER_DDNS: Readonly<Partial<Record<RouterDdnsId, RouterDdns>>> = {
  fritzbox: {
    product: 'AVM FRITZ!Box',
    offers: k('fritzbox.offers'),
    use: k('fritzbox.use'),
    steps: [k('fritzbox.steps.s1'), k('fritzbox.steps.s2'), PROVIDER_STEP, k('fritzbox.steps.s3')],
    providers: {
      duckdns: k('fritzbox.providers.duckdns'),
      noip: k('fritzbox.providers.noip'),
      dynu: k('fritzbox.providers.dynu'),
      dyndns2: k('fritzbox.providers.dyndns2'),
    },
    otherwise: k('fritzbox.otherwise'),
    confidence: 'H',
    source: `${AVM_KB} ; https://service.avm.de/help/en/FRITZ-Box-Fon-WLAN-7490/018/hilfe_dyndns ; placeholders <domain>, <pass>, <ipaddr>: ${AVM_PLACEHOLDERS}`,
  },
  'openwrt-luci': {
    product: 'OpenWrt (luci-app-ddns)',
    offers: k('openwrt-luci.offers'),
    use: k('openwrt-luci.use'),
    steps: LUCI_STEPS,
    providers: LUCI_PROVIDERS,
    otherwise: CRON_INSTEAD,
    confidence: 'H',
    source: `${LUCI}/root/usr/share/luci/menu.d/luci-app-ddns.json ; ${LUCI}/htdocs/luci-static/resources/view/ddns/overview.js ; ${DDNS_SCRIPTS}/usr/share/ddns/default ; ${DDNS_SCRIPTS}/usr/lib/ddns/update_cloudflare_com_v4.sh`,
  },
  asus: {
    product: 'ASUS',
    offers: k('asus.offers'),
    use: k('asus.use'),
    steps: [k('asus.steps.s1'), k('asus.steps.s2'), PROVIDER_STEP, k('asus.steps.s3')],
    providers: {
      noip: k('asus.providers.noip'),
      dyndns2: k('asus.providers.dyndns2'),
    },
    otherwise: k('asus.otherwise'),
    confidence: 'M',
    source: `${REF} (${MERLIN}/wiki/Custom-DDNS ; ${MERLIN}/blob/master/release/src/router/www/Advanced_ASUSDDNS_Content.asp)`,
  },
  'tp-link': {
    product: 'TP-Link',
    offers: k('tp-link.offers'),
    use: k('tp-link.use'),
    steps: [k('tp-link.steps.s1'), PROVIDER_STEP, k('tp-link.steps.s2')],
    providers: {
      noip: k('tp-link.providers.noip'),
      dyndns2: k('tp-link.providers.dyndns2'),
    },
    otherwise: k('tp-link.otherwise'),
    confidence: 'L',
    source: REF,
  },
  netgear: {
    product: 'Netgear Nighthawk / Orbi',
    offers: k('netgear.offers'),
    use: k('netgear.use'),
    steps: [k('netgear.steps.s1'), k('netgear.steps.s2'), PROVIDER_STEP, k('netgear.steps.s3')],
    providers: {
      noip: k('netgear.providers.noip'),
      dyndns2: k('netgear.providers.dyndns2'),
    },
    otherwise: k('netgear.otherwise'),
    confidence: 'L',
    source: 'http://38.142.81.21:8001/manual/netgear/c6900/user-manual-english/page-81.html (contents: “Dynamic DNS”)',
  },
  unifi: {
    product: 'Ubiquiti UniFi gateways',
    offers: k('unifi.offers'),
    use: k('unifi.use'),
    steps: [k('unifi.steps.s1'), k('unifi.steps.s2'), PROVIDER_STEP, k('unifi.steps.s3')],
    providers: {
      noip: k('unifi.providers.noip'),
      dyndns2: k('unifi.providers.dyndns2'),
    },
    otherwise: k('unifi.otherwise'),
    confidence: 'L',
    source:
      'https://blog.jjhayes.net/wp/2022/05/19/dynamic-dns-ddns-on-the-ubiquiti-udm-se ; https://pulumi.com/registry/packages/unifi/api-docs/dynamicdns/',
  },
  pfsense: {
    product: 'pfSense / OPNsense',
    offers: k('pfsense.offers'),
    use: k('pfsense.use'),
    steps: [k('pfsense.steps.s1'), k('pfsense.steps.s2'), PROVIDER_STEP, k('pfsense.steps.s3')],
    providers: {
      duckdns: k('pfsense.providers.duckdns'),
      noip: k('pfsense.providers.noip'),
      dyndns2: k('pfsense.providers.dyndns2'),
      cloudflare: k('pfsense.providers.cloudflare'),
    },
    otherwise: k('pfsense.otherwise'),
    confidence: 'H',
    source:
      'https://github.com/pfsense/docs/blob/master/source/dns/dynamic-dns.rst ; https://github.com/opnsense/docs/blob/master/source/manual/dynamic_dns.rst',
  },
  mikrotik: {
    product: 'MikroTik RouterOS (IP > Cloud)',
    offers: k('mikrotik.offers'),
    use: k('mikrotik.use'),
    steps: [k('mikrotik.steps.s1'), k('mikrotik.steps.s2'), k('mikrotik.steps.s3'), PROVIDER_STEP],
    providers: {},
    otherwise: k('mikrotik.otherwise'),
    confidence: 'M',
    source: `${MIKROTIK_CLOUD} ; ddns-enabled: ${MIKROTIK_DDNS_ENABLED}`,
  },
  glinet: {
    product: 'GL.iNet (firmware 4.x)',
    offers: k('glinet.offers'),
    use: k('glinet.use'),
    steps: [k('glinet.steps.s1'), ...LUCI_STEPS],
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
export const ROUTER_DDNS_NOT_KNOWN: Readonly<Record<string, RouterWords>> = {
  linksys: k('notKnown.linksys'),
  google: k('notKnown.google'),
  eero: k('notKnown.eero'),
  isp: k('notKnown.isp'),
  nftables: k('notKnown.nftables'),
  iptables: k('notKnown.iptables'),
};

/** The values a router's steps are written with (never the password or token itself). */
export interface RouterDdnsValues {
  provider: DdnsProvider;
  host: string;
  user: string;
  server: string;
}

/**
 * The router's steps for the provider chosen on the page, with the name and user typed there, said by key: the
 * provider's line in its place, or what to do when the router does not list it. An unconfirmed (L) entry says so
 * first. What the user left empty is said in words ("your name").
 */
export function routerDdnsSaid(c: RouterDdns, v: RouterDdnsValues): Said[] {
  const host = v.host.trim();
  const user = v.user.trim();
  const server = v.server.trim();
  const params: Record<string, string | SaidWords> = {
    name: host || k('fill.name'),
    sub: host ? duckdnsDomain(host) : k('fill.sub'),
    user: user || k('fill.user'),
    secret: k(`fill.secret.${DDNS_SECRET[v.provider]}`),
    server: server || k('fill.server'),
  };
  const steps: Said[] = c.steps.map((s) => ({
    key: (s === PROVIDER_STEP ? (c.providers[v.provider] ?? c.otherwise) : s).key,
    params,
  }));
  if (c.confidence === 'L') steps[0] = { key: k('reportedly').key, params: { step: steps[0]! as SaidWords } };
  return steps;
}

/** Words said by key in a translator's language (the routers' words: every page that shows them loads the group). */
export function sayRouterWords({ t }: Pick<Translator, 't'>, words: Said): string {
  return sayWith(t as Parameters<typeof sayWith>[0], words);
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

/** What is said for a family word whose client is not known, by key (null: the word is not one of those). */
export function routerDdnsNotKnown(family: string | null | undefined): Said | null {
  const f = family ?? '';
  return Object.hasOwn(ROUTER_DDNS_NOT_KNOWN, f) ? ROUTER_DDNS_NOT_KNOWN[f]! : null;
}
