import { describe, expect, it } from 'vitest';
import {
  PROVIDER_STEP,
  ROUTER_DDNS,
  ROUTER_DDNS_FAMILIES,
  ROUTER_DDNS_IDS,
  ROUTER_DDNS_NOT_KNOWN,
  routerDdnsFamily,
  routerDdnsNotKnown,
  routerDdnsProviders,
  type RouterDdns,
} from '../../../../src/shared/catalog/router-ddns';
import { routerDdnsSteps } from '../../../../src/shared/catalog/router-ddns-steps';
import { english } from '../../../../src/shared/i18n/english';
import { readableSource } from '../../../../src/shared/catalog/source-text';
import { ROUTER_FAMILIES } from '../../../../src/shared/domain/rule-commands';
import { DDNS_PROVIDERS } from '../../../../src/shared/domain/ddns-providers';

const entries = Object.entries(ROUTER_DDNS) as [string, RouterDdns][];
const values = { host: 'mynvr.ddns.net', user: 'alice', server: 'https://members.example.net' };
/** The one family whose entry rests on our reference file alone (no address found): shown as "reportedly". */
const REFERENCE_ONLY = ['tp-link'];

describe('router-ddns: every router family the app knows, its own DDNS client or "not known"', () => {
  it('every family the app knows (Router rules’ families, MikroTik, GL.iNet) has steps or is said not known', () => {
    for (const f of [...ROUTER_FAMILIES, ...ROUTER_DDNS_IDS]) {
      const known = routerDdnsFamily(f) !== null;
      const notKnown = routerDdnsNotKnown(f) !== null;
      expect(known !== notKnown, `${f}: exactly one of steps or "not known"`).toBe(true);
    }
    for (const words of Object.values(ROUTER_DDNS_NOT_KNOWN))
      expect(english(words)).toMatch(/not known|no DDNS client/);
  });

  it('every family with steps has a source address a user can follow (the reference-only one is unconfirmed)', () => {
    for (const [id, c] of entries) {
      if (REFERENCE_ONLY.includes(id)) {
        expect(c.confidence, id).toBe('L');
        continue;
      }
      expect(readableSource(c.source), id).toMatch(/https?:\/\/\S+/);
    }
  });

  it('steps are non-empty and the provider’s line is filled for every provider, with the name typed here', () => {
    for (const [id, c] of entries)
      for (const provider of DDNS_PROVIDERS) {
        const steps = routerDdnsSteps(c, { provider, ...values });
        expect(steps.length, `${id}/${provider}`).toBe(c.steps.length);
        for (const s of steps) {
          expect(s.trim().length, `${id}/${provider}`).toBeGreaterThan(2);
          expect(s, `${id}/${provider}`).not.toContain(PROVIDER_STEP);
        }
      }
  });

  it('a provider the family cannot take gives the way round (custom URL, the cron line) or says “Not supported”', () => {
    for (const [id, c] of entries)
      for (const provider of DDNS_PROVIDERS.filter((p) => !(p in c.providers)))
        expect(english(c.otherwise), `${id}/${provider}`).toMatch(/cron line|Custom|User-defined|^Not supported/);
  });

  it('MikroTik: its own name only, turned on with /ip cloud; any provider is not supported, with the cron line', () => {
    const steps = routerDdnsSteps(ROUTER_DDNS.mikrotik!, { provider: 'noip', ...values });
    expect(steps[1]).toBe('Type /ip cloud set ddns-enabled=yes');
    expect(steps[3]).toMatch(
      /^Not supported: RouterOS keeps only its own …sn\.mynetname\.net name, not mynvr\.ddns\.net/,
    );
    expect(steps[3]).toContain('cron line');
    expect(ROUTER_DDNS.mikrotik!.providers).toEqual({});
  });

  it('GL.iNet: LuCI from its Advanced Settings, then OpenWrt’s own steps and providers', () => {
    const gl = routerDdnsSteps(ROUTER_DDNS.glinet!, { provider: 'duckdns', ...values, host: 'cam.duckdns.org' });
    const wrt = routerDdnsSteps(ROUTER_DDNS['openwrt-luci']!, {
      provider: 'duckdns',
      ...values,
      host: 'cam.duckdns.org',
    });
    expect(gl[0]).toMatch(/System > Advanced Settings, click “Go To LuCI”/);
    expect(gl.slice(1)).toEqual(wrt);
    expect(gl).toContain(
      'DDNS Service provider: duckdns.org. Domain: cam. Username: any word (the field must not be empty). Password: your token.',
    );
  });

  it('the family picker lists exactly the families with steps, Router rules’ order first, each with its name', () => {
    expect(ROUTER_DDNS_FAMILIES.map((f) => f.id)).toEqual([
      'tp-link',
      'asus',
      'netgear',
      'fritzbox',
      'unifi',
      'openwrt-luci',
      'pfsense',
      'mikrotik',
      'glinet',
    ]);
    expect(ROUTER_DDNS_FAMILIES.map((f) => f.id).sort()).toEqual(Object.keys(ROUTER_DDNS).sort());
    expect(ROUTER_DDNS_FAMILIES.find((f) => f.id === 'mikrotik')?.family).toBe('MikroTik RouterOS');
  });

  it('a word that is no family, or an object’s own property name, is neither known nor "not known"', () => {
    for (const f of ['', 'cisco', '__proto__', 'constructor', 'toString', null, undefined]) {
      expect(routerDdnsFamily(f), String(f)).toBeNull();
      expect(routerDdnsNotKnown(f), String(f)).toBeNull();
    }
  });

  it('the providers each family can keep, in the app’s order; MikroTik none (its own name only)', () => {
    expect(routerDdnsProviders(ROUTER_DDNS.fritzbox!)).toEqual(['duckdns', 'noip', 'dynu', 'dyndns2']);
    expect(routerDdnsProviders(ROUTER_DDNS['openwrt-luci']!)).toEqual([...DDNS_PROVIDERS]);
    expect(routerDdnsProviders(ROUTER_DDNS.asus!)).toEqual(['noip', 'dyndns2']);
    expect(routerDdnsProviders(ROUTER_DDNS.mikrotik!)).toEqual([]);
    for (const [id, c] of entries)
      expect(routerDdnsProviders(c), id).toEqual(
        Object.keys(c.providers).sort(
          (a, b) => DDNS_PROVIDERS.indexOf(a as never) - DDNS_PROVIDERS.indexOf(b as never),
        ),
      );
  });
});
