import { describe, expect, it } from 'vitest';
import {
  PROVIDER_STEP,
  ROUTER_DDNS,
  routerDdnsFamily,
  ROUTER_DDNS_IDS,
  type RouterDdns,
  type RouterDdnsValues,
} from '../../../../src/shared/catalog/router-ddns';
import { routerDdnsSteps } from '../../../../src/shared/catalog/router-ddns-steps';
import { english } from '../../../../src/shared/i18n/english';

/** The catalogue's words in English (they are said by key: ddns.said.router). */
const en = (words: string | { key: string }): string => (typeof words === 'string' ? words : english(words));
import { DDNS_PROVIDERS, type DdnsProvider } from '../../../../src/shared/domain/ddns-providers';

const REF = '../shared/reference/INTERNET-SECURITY.md §1.6';
const entries = Object.entries(ROUTER_DDNS) as [string, RouterDdns][];
const values = (provider: DdnsProvider, more: Partial<RouterDdnsValues> = {}): RouterDdnsValues => ({
  provider,
  host: 'mynvr.duckdns.org',
  user: 'alice',
  server: 'https://members.example.net',
  ...more,
});
const entry = (id: keyof typeof ROUTER_DDNS) => ROUTER_DDNS[id]!;

describe('routers’ built-in DDNS clients: the catalogue', () => {
  it('covers the families of the Router rules step whose client the sources confirm, with their confidence', () => {
    expect(Object.keys(ROUTER_DDNS).sort()).toEqual(
      ['asus', 'fritzbox', 'glinet', 'mikrotik', 'netgear', 'openwrt-luci', 'pfsense', 'tp-link', 'unifi'].sort(),
    );
    for (const id of Object.keys(ROUTER_DDNS)) expect(ROUTER_DDNS_IDS).toContain(id);
    const confidence = Object.fromEntries(entries.map(([id, c]) => [id, c.confidence]));
    expect(confidence).toEqual({
      fritzbox: 'H',
      'openwrt-luci': 'H',
      pfsense: 'H',
      asus: 'M',
      mikrotik: 'M',
      glinet: 'M',
      'tp-link': 'L',
      netgear: 'L',
      unifi: 'L',
    });
  });

  it('every entry has steps with exactly one place for the provider, and nothing empty (no blank step shown)', () => {
    for (const [id, c] of entries) {
      expect(c.steps.length, id).toBeGreaterThanOrEqual(3);
      expect(
        c.steps.filter((s) => s === PROVIDER_STEP),
        id,
      ).toHaveLength(1);
      for (const s of [...c.steps, ...Object.values(c.providers), c.otherwise, c.product, c.offers, c.use])
        expect(en(s!).trim().length, id).toBeGreaterThan(2);
    }
  });

  it('every entry’s source is an address or our reference file, never made up or empty (a user can follow it)', () => {
    for (const [id, c] of entries) {
      const parts = c.source.split(' ; ');
      for (const p of parts) expect(p === REF || /https?:\/\/\S+/.test(p), `${id}: ${p}`).toBe(true);
      // an unconfirmed entry may rest on the reference alone; a confirmed one names its documents
      if (c.confidence !== 'L') expect(c.source, id).toMatch(/https:\/\//);
    }
  });

  it('names only providers the app has; a confirmed entry’s steps carry no hedge of their own (no false doubt)', () => {
    for (const [id, c] of entries) {
      for (const p of Object.keys(c.providers)) expect(DDNS_PROVIDERS, `${id}: ${p}`).toContain(p);
      // a confirmed entry's own steps state facts: the hedge is for L entries only (added when shown)
      if (c.confidence !== 'L')
        for (const step of c.steps) expect(en(step), id).not.toMatch(/reportedly|not confirmed/i);
    }
  });

  it('the existing facts are kept: FRITZ!Box user-defined, ASUS asuscomm.com, TP-Link reportedly tplinkdns.com', () => {
    expect(en(entry('fritzbox').use)).toMatch(/User-defined/);
    expect(en(entry('asus').offers)).toMatch(/asuscomm\.com/);
    expect(en(entry('tp-link').offers)).toMatch(/^Reportedly a tplinkdns\.com name/);
  });
});

describe('routerDdnsSteps: the chosen router’s steps for the provider on the page', () => {
  it('puts the provider’s line in its place, with the name made here (FRITZ!Box and DuckDNS: the label only)', () => {
    const steps = routerDdnsSteps(entry('fritzbox'), values('duckdns'));
    expect(steps).toHaveLength(4);
    expect(steps[0]).toMatch(/^Open the FRITZ!Box user interface; click “Internet”, then “Permit Access”/);
    expect(steps[2]).toContain('Update URL: https://www.duckdns.org/update?domains=<domain>&token=<pass>&ip=<ipaddr>');
    expect(steps[2]).toContain('Domain name: mynvr.');
    expect(steps[2]).toContain('Password: your token.');
    expect(steps[3]).toMatch(/^Click “Apply”/);
  });

  it('fills the full name, the user and the word for the secret, never a placeholder', () => {
    const steps = routerDdnsSteps(entry('openwrt-luci'), values('noip', { host: ' cam.ddns.net ', user: ' bob ' }));
    expect(steps[2]).toBe('Basic Settings: tick “Enabled”; Lookup Hostname: cam.ddns.net; IP address version: IPv4.');
    expect(steps[3]).toBe(
      'DDNS Service provider: no-ip.com. Domain: cam.ddns.net. Username: bob. Password: your password.',
    );
    for (const [id, c] of entries)
      for (const p of DDNS_PROVIDERS)
        for (const s of routerDdnsSteps(c, values(p))) expect(s, `${id}/${p}`).not.toMatch(/\{[a-z]+\}/);
  });

  it('with nothing typed yet, says what to type instead of leaving a field blank', () => {
    const noip = routerDdnsSteps(entry('asus'), values('noip', { host: ' ', user: '' }));
    expect(noip[2]).toBe(
      'Server: WWW.NO-IP.COM. Host Name: your name. User Name: your user name. Password: your password.',
    );
    const duck = routerDdnsSteps(entry('openwrt-luci'), values('duckdns', { host: '' }));
    expect(duck[3]).toContain('Domain: your DuckDNS name without .duckdns.org.');
    const dyn = routerDdnsSteps(entry('unifi'), values('dyndns2', { server: '  ' }));
    expect(dyn[2]).toContain('Server: your server.');
    expect(routerDdnsSteps(entry('unifi'), values('dyndns2'))[2]).toContain('Server: https://members.example.net.');
  });

  it('a provider the router does not list gets what to do instead (the cron line), not another provider’s line', () => {
    const steps = routerDdnsSteps(entry('fritzbox'), values('cloudflare'));
    expect(steps[2]).toBe(en(entry('fritzbox').otherwise));
    expect(steps[2]).toMatch(/cron line/);
    expect(routerDdnsSteps(entry('asus'), values('duckdns'))[2]).toBe(en(entry('asus').otherwise));
  });

  it('an unconfirmed (L) router says “Reportedly (not confirmed)” first; a confirmed one states its path', () => {
    const tp = routerDdnsSteps(entry('tp-link'), values('noip'));
    expect(tp[0]).toMatch(/^Reportedly \(not confirmed\): Look for Dynamic DNS/);
    expect(tp.slice(1).some((s) => s.startsWith('Reportedly'))).toBe(false);
    for (const [id, c] of entries)
      expect(routerDdnsSteps(c, values('noip'))[0]!.startsWith('Reportedly'), id).toBe(c.confidence === 'L');
    // the catalogue's own steps stay as they were (the hedge is added to a copy)
    expect(en(entry('tp-link').steps[0]!)).toMatch(/^Look for/);
  });
});

describe('routerDdnsFamily: which router’s steps the page shows for the family chosen on Router rules', () => {
  it('a page family with a known client is itself; OpenWrt’s command family is its LuCI page', () => {
    expect(routerDdnsFamily('fritzbox')).toBe('fritzbox');
    expect(routerDdnsFamily('tp-link')).toBe('tp-link');
    expect(routerDdnsFamily('openwrt')).toBe('openwrt-luci');
    expect(routerDdnsFamily('mikrotik')).toBe('mikrotik');
    expect(routerDdnsFamily('glinet')).toBe('glinet');
  });

  it('no family, one without a known client, or an object’s own property name: none (no made-up steps)', () => {
    for (const f of [null, undefined, '', 'google', 'eero', 'isp', 'linksys', 'nftables', 'iptables'])
      expect(routerDdnsFamily(f), String(f)).toBeNull();
    for (const f of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(routerDdnsFamily(f), f).toBeNull();
  });
});
