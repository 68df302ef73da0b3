// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import type { VueWrapper } from '@vue/test-utils';
import { api, mountStep, useStepHarness } from '../../mount-step';
import { useRulesStore } from '../../../../../src/renderer/stores/rules';
import type { RouterFamily } from '../../../../../src/shared/domain/rule-commands';
import { ACCOUNT, fakeDdns } from './fake-ddns';

// "What to do" on the DDNS page: the built-in DDNS client of the router chosen on Router rules (or picked here), as
// numbered steps with the provider, name and user of the form, the source, and "reportedly" when unconfirmed.

useStepHarness({ path: '/step/ddns', handlers: () => fakeDdns().handlers });

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);
const steps = (w: VueWrapper) =>
  byTest(w, 'ddns-router-steps')
    .findAll('li')
    .map((li) => li.text());

/** The page, after the user chose `family` on the Router rules step (the rules store keeps it). */
async function withRouter(family: RouterFamily | null): Promise<VueWrapper> {
  const w = await mountStep();
  useRulesStore().family = family;
  await nextTick();
  return w;
}

describe('DDNS page: the chosen router’s own DDNS client, step by step', () => {
  it('shows the FRITZ!Box’s sourced steps for the family chosen on Router rules, with the name typed on the page', async () => {
    const w = await withRouter('fritzbox');
    await byTest(w, 'ddns-host').setValue('mynvr.duckdns.org');
    expect((byTest(w, 'ddns-router-family').element as HTMLSelectElement).value).toBe('fritzbox');
    const chosen = byTest(w, 'ddns-router-chosen');
    expect(chosen.find('strong').text()).toBe('AVM FRITZ!Box');
    expect(chosen.text()).not.toMatch(/reportedly/i);
    expect(byTest(w, 'ddns-router-providers').text()).toBe(
      'Providers it can keep: DuckDNS, No-IP, Dynu, Another dyndns2 server (DynDNS …).',
    );
    expect(steps(w)).toHaveLength(4);
    expect(steps(w)[0]).toBe(
      'Open the FRITZ!Box user interface; click “Internet”, then “Permit Access”, then the “DynDNS” tab.',
    );
    expect(steps(w)[2]).toContain('“User-defined”');
    expect(steps(w)[2]).toContain('Domain name: mynvr.');
    expect(steps(w)[2]).toContain('Password: your token.');
    expect(byTest(w, 'ddns-router-source').text()).toContain(
      'Source: https://en.avm.de/service/knowledge-base/dok/FRITZ-Box-3272-int/30_Setting-up-dynamic-DNS-in-the-FRITZ-Box/',
    );
  });

  it('follows the provider and user of the form, and never shows the password typed', async () => {
    const w = await withRouter('asus');
    await byTest(w, 'ddns-provider-noip').setValue(true);
    await byTest(w, 'ddns-host').setValue('cam.ddns.net');
    await byTest(w, 'ddns-user').setValue(ACCOUNT.user);
    await byTest(w, 'ddns-secret').setValue(ACCOUNT.secret);
    expect(steps(w)[2]).toBe(
      `Server: WWW.NO-IP.COM. Host Name: cam.ddns.net. User Name: ${ACCOUNT.user}. Password: your password.`,
    );
    await byTest(w, 'ddns-provider-cloudflare').setValue(true);
    expect(steps(w)[2]).toMatch(/^Not in its list/);
    expect(byTest(w, 'ddns-keep').text()).not.toContain(ACCOUNT.secret);
    expect(api.calls.map((c) => c.channel)).not.toContain('ddns.update');
  });

  it('an unconfirmed router’s steps read “reportedly”, and a source that is only our reference file is not shown', async () => {
    const w = await withRouter('tp-link');
    const chosen = byTest(w, 'ddns-router-chosen');
    expect(chosen.text()).toContain('TP-Link — reportedly: these steps are not confirmed.');
    expect(steps(w)[0]).toMatch(/^Reportedly \(not confirmed\): Look for Dynamic DNS/);
    expect(byTest(w, 'ddns-router-source').exists()).toBe(false);
  });

  it('OpenWrt chosen by its command family gets the LuCI page’s steps', async () => {
    const w = await withRouter('openwrt');
    expect(byTest(w, 'ddns-router-chosen').attributes('data-router')).toBe('openwrt-luci');
    expect(steps(w)[0]).toMatch(/^In LuCI go to Services > Dynamic DNS/);
  });

  it('a router without a known client gets no made-up steps, but is told so; nothing chosen shows neither', async () => {
    const w = await withRouter('google');
    expect(byTest(w, 'ddns-router-chosen').exists()).toBe(false);
    expect(byTest(w, 'ddns-router-unknown').text()).toContain('No built-in DDNS client is known here');
    expect(byTest(w, 'ddns-router-not-known').text()).toBe(
      'Google Nest Wifi / Google Wifi: not known (no source found for a DDNS client of its own).',
    );
    const none = await withRouter(null);
    expect(byTest(none, 'ddns-router-chosen').exists()).toBe(false);
    expect(byTest(none, 'ddns-router-unknown').exists()).toBe(false);
  });

  it('a router can be picked on the page too (none chosen on Router rules), and unpicked', async () => {
    const w = await withRouter(null);
    const pick = byTest(w, 'ddns-router-family');
    expect(pick.findAll('option').map((o) => o.text())).toEqual([
      'None chosen',
      'TP-Link Archer',
      'ASUS / Asuswrt-Merlin',
      'Netgear Nighthawk / Orbi',
      'AVM FRITZ!Box',
      'Ubiquiti UniFi',
      'OpenWrt (LuCI)',
      'pfSense / OPNsense',
      'MikroTik RouterOS',
      'GL.iNet (firmware 4.x)',
    ]);
    await pick.setValue('pfsense');
    expect(steps(w)[0]).toMatch(/^pfSense: Services > Dynamic DNS/);
    await pick.setValue('');
    expect(byTest(w, 'ddns-router-chosen').exists()).toBe(false);
  });

  it('MikroTik chosen on Router rules: its own name with /ip cloud, and “Not supported” for the provider', async () => {
    const w = await withRouter('mikrotik');
    await byTest(w, 'ddns-host').setValue('cam.ddns.net');
    expect(byTest(w, 'ddns-router-chosen').attributes('data-router')).toBe('mikrotik');
    expect(steps(w)[1]).toBe('Type /ip cloud set ddns-enabled=yes');
    expect(byTest(w, 'ddns-router-providers').text()).toBe('It keeps none of these providers, only a name of its own.');
    expect(steps(w)[3]).toMatch(
      /^Not supported: RouterOS keeps only its own …sn\.mynetname\.net name, not cam\.ddns\.net/,
    );
    expect(byTest(w, 'ddns-router-source').text()).toContain('https://wiki.mikrotik.com/');
  });

  it('GL.iNet picked on the page: LuCI from Advanced Settings, then the provider’s line', async () => {
    const w = await withRouter(null);
    await byTest(w, 'ddns-provider-noip').setValue(true);
    await byTest(w, 'ddns-host').setValue('cam.ddns.net');
    await byTest(w, 'ddns-router-family').setValue('glinet');
    expect(steps(w)[0]).toMatch(/^In the admin panel go to System > Advanced Settings, click “Go To LuCI”/);
    expect(steps(w)).toContain(
      'DDNS Service provider: no-ip.com. Domain: cam.ddns.net. Username: your user name. Password: your password.',
    );
  });

  it('a Linux router chosen on Router rules: no steps, told the cron line can run on it', async () => {
    const w = await withRouter('nftables');
    expect(byTest(w, 'ddns-router-chosen').exists()).toBe(false);
    expect(byTest(w, 'ddns-router-not-known').text()).toContain('the cron line can run on it');
  });
});
