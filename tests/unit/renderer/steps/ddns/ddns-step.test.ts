// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { failed, fakeDevice, fakeSetup, ok } from '../../fake-api';
import { api, mountStep, pinia, useStepHarness } from '../../mount-step';
import { judgeDdnsCheck, readDyndns2Answer } from '../../../../../src/shared/domain/ddns';
import { ACCOUNT, HOST, PUBLIC, fakeDdns, lookup, type FakeDdns } from './fake-ddns';

let main: FakeDdns;
useStepHarness({
  path: '/step/ddns',
  handlers: () => {
    main = fakeDdns();
    return main.handlers;
  },
});

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);
const inputOf = (w: VueWrapper, id: string) => byTest(w, id).element as HTMLInputElement;
const callsTo = (channel: 'ddns.update' | 'ddns.check') =>
  api.calls.filter((c) => c.channel === channel).map((c) => c.input as Record<string, unknown>);

/** Fills the form for No-IP with the account's name and user, and `secret` in the password field. */
async function fillNoIp(w: VueWrapper, secret: string, host = HOST): Promise<void> {
  await byTest(w, 'ddns-provider-noip').setValue(true);
  await byTest(w, 'ddns-host').setValue(host);
  await byTest(w, 'ddns-user').setValue(ACCOUNT.user);
  await byTest(w, 'ddns-secret').setValue(secret);
}

async function submit(w: VueWrapper): Promise<void> {
  await byTest(w, 'ddns-form').trigger('submit');
  await flushPromises();
}

describe('DDNS step', () => {
  it('sends nothing on opening; asks a user name only of the providers that take a password', async () => {
    const w = await mountStep();
    expect(api.calls.map((c) => c.channel)).not.toContain('ddns.update');
    expect(api.calls.map((c) => c.channel)).not.toContain('ddns.check');
    expect(byTest(w, 'ddns-empty').text()).toContain('Nothing sent yet.');
    expect(byTest(w, 'ddns-user').exists()).toBe(false); // DuckDNS: the token only
    await byTest(w, 'ddns-provider-noip').setValue(true);
    expect(byTest(w, 'ddns-user').exists()).toBe(true);
    expect(byTest(w, 'ddns-server').exists()).toBe(false);
    await byTest(w, 'ddns-provider-dyndns2').setValue(true);
    expect(byTest(w, 'ddns-server').exists()).toBe(true);
    await byTest(w, 'ddns-provider-cloudflare').setValue(true);
    expect(byTest(w, 'ddns-user').exists()).toBe(false);
    expect(inputOf(w, 'ddns-secret').type).toBe('password');
    expect(w.find('label[for="ddns-secret"]').text()).toBe('API token');
  });

  it('the update carries the password to main, then neither the page’s store nor the page keeps or shows it', async () => {
    const w = await mountStep();
    await fillNoIp(w, ACCOUNT.secret);
    await submit(w);
    expect(callsTo('ddns.update')).toEqual([
      { provider: 'noip', host: HOST, user: ACCOUNT.user, secret: ACCOUNT.secret },
    ]);
    expect(JSON.stringify(pinia.state.value)).not.toContain(ACCOUNT.secret);
    expect(inputOf(w, 'ddns-secret').value).toBe('');
    expect(document.body.innerHTML).not.toContain(ACCOUNT.secret);
    // main's answer in plain words, with what was sent as it may be shown (basic auth as the user, no password)
    expect(byTest(w, 'ddns-outcome').text()).toBe('Updated');
    expect(byTest(w, 'ddns-force').exists()).toBe(false); // nothing to force after a good answer
    expect(byTest(w, 'ddns-answer-words').text()).toBe(readDyndns2Answer(200, `good ${PUBLIC}`, PUBLIC).words);
    expect(byTest(w, 'ddns-sent').text()).toContain(`hostname=${HOST}`);
    expect(byTest(w, 'ddns-sent').text()).toContain(`basic auth as ${ACCOUNT.user}`);
  });

  it('an update the provider took is followed by the check at once (one action less); a refused one is not', async () => {
    const w = await mountStep();
    await fillNoIp(w, 'not-the-password');
    await submit(w);
    expect(callsTo('ddns.check')).toEqual([]);
    await byTest(w, 'ddns-secret').setValue(ACCOUNT.secret);
    await submit(w);
    expect(byTest(w, 'ddns-outcome').text()).toBe('Updated');
    expect(callsTo('ddns.check')).toEqual([{ host: HOST }]);
    expect(byTest(w, 'ddns-authoritative').exists()).toBe(true);
  });

  it('a second update with the field left empty sends no secret (main uses the one it holds)', async () => {
    const w = await mountStep();
    await fillNoIp(w, ACCOUNT.secret);
    await submit(w);
    await submit(w);
    expect(callsTo('ddns.update').map((c) => 'secret' in c)).toEqual([true, false]);
    expect(byTest(w, 'ddns-outcome').text()).toBe('Updated');
  });

  it('a wrong password is said at the password field (marked invalid, described, keyboard put there)', async () => {
    const w = await mountStep();
    await fillNoIp(w, 'not-the-password');
    await submit(w);
    const words = readDyndns2Answer(200, 'badauth', PUBLIC).words;
    const field = inputOf(w, 'ddns-secret');
    expect(byTest(w, 'ddns-secret-problem').text()).toBe(words);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain('ddns-secret-problem');
    expect(document.activeElement).toBe(field);
    expect(byTest(w, 'ddns-outcome').text()).toBe('Login refused');
    expect(byTest(w, 'ddns-stop').exists()).toBe(true);
    expect(document.body.innerHTML).not.toContain('not-the-password');
  });

  it('a name the provider does not know is said at the name field', async () => {
    const w = await mountStep();
    await fillNoIp(w, ACCOUNT.secret, 'other.ddns.net');
    await submit(w);
    expect(byTest(w, 'ddns-host-problem').text()).toBe(readDyndns2Answer(200, 'nohost', PUBLIC).words);
    expect(inputOf(w, 'ddns-host').getAttribute('aria-invalid')).toBe('true');
  });

  it('what cannot be sent is said at its field and nothing goes to main: a bad name, a missing user, a bad address', async () => {
    const w = await mountStep();
    await byTest(w, 'ddns-provider-noip').setValue(true);
    await byTest(w, 'ddns-host').setValue('my nvr');
    await byTest(w, 'ddns-ip').setValue('203.0.113');
    await byTest(w, 'ddns-secret').setValue(ACCOUNT.secret);
    await submit(w);
    expect(callsTo('ddns.update')).toEqual([]);
    expect(byTest(w, 'ddns-host-problem').text()).toMatch(/full name/);
    expect(byTest(w, 'ddns-user-problem').text()).toMatch(/needs the user name/);
    expect(byTest(w, 'ddns-ip-problem').text()).toMatch(/IPv4 address/);
    expect(inputOf(w, 'ddns-host').getAttribute('aria-describedby')).toBe('ddns-host-help ddns-host-problem');
    expect(document.activeElement).toBe(inputOf(w, 'ddns-host'));
    // the password is still only in its own field: it was not sent
    expect(JSON.stringify(pinia.state.value)).not.toContain(ACCOUNT.secret);
  });

  it('the check shows main’s verdict, the zone server’s and the resolver’s addresses with the TTL', async () => {
    main.dns = {
      authoritative: lookup('198.51.100.53', '198.51.100.7', 60),
      system: lookup('system resolver', '198.51.100.7', 42),
    };
    const w = await mountStep();
    await byTest(w, 'ddns-host').setValue(HOST);
    await byTest(w, 'ddns-check').trigger('click');
    await flushPromises();
    expect(callsTo('ddns.check')).toEqual([{ host: HOST }]);
    const { words } = judgeDdnsCheck(HOST, PUBLIC, main.dns.system, main.dns.authoritative);
    expect(byTest(w, 'ddns-verdict-title').text()).toBe('The name points somewhere else');
    expect(byTest(w, 'ddns-verdict-words').text()).toBe(words);
    expect(byTest(w, 'ddns-expected').text()).toContain(PUBLIC);
    expect(byTest(w, 'ddns-authoritative').text()).toBe('198.51.100.53: 198.51.100.7 (TTL 60 s)');
    expect(byTest(w, 'ddns-system').text()).toBe('198.51.100.7 (TTL 42 s)');
  });

  it('a saved stop answer (abuse) offers “I fixed it”, and only then does the update say force', async () => {
    // main's record: an earlier update of this name that the provider answered "abuse"
    main.handlers['ddns.update']!({ provider: 'noip', host: HOST, user: ACCOUNT.user, secret: ACCOUNT.secret });
    main.hosts = main.hosts.map((h) => ({ ...h, answer: readDyndns2Answer(200, 'abuse', PUBLIC) }));
    // the name, provider and user come back from main's record, and its last answer with them
    const w = await mountStep();
    expect(inputOf(w, 'ddns-host').value).toBe(HOST);
    expect(inputOf(w, 'ddns-user').value).toBe(ACCOUNT.user);
    expect(byTest(w, 'ddns-outcome').text()).toBe('Blocked by the provider');
    await byTest(w, 'ddns-force').setValue(true);
    await submit(w);
    expect(callsTo('ddns.update').at(-1)).toEqual({ provider: 'noip', host: HOST, user: ACCOUNT.user, force: true });
  });

  it('main’s refusal of the call is said inline', async () => {
    main.handlers['ddns.check'] = () => failed('BAD_REQUEST', 'The request was not valid.');
    const w = await mountStep();
    await byTest(w, 'ddns-host').setValue(HOST);
    await byTest(w, 'ddns-check').trigger('click');
    await flushPromises();
    expect(byTest(w, 'ddns-error').text()).toBe('The check did not work. The request was not valid.');
  });

  it('what to do says the app is no daemon and gives the cron line from the form, without the secret', async () => {
    const w = await mountStep();
    await fillNoIp(w, ACCOUNT.secret);
    expect(byTest(w, 'ddns-not-daemon').text()).toContain('not a background service');
    expect(byTest(w, 'ddns-cron').text()).toBe(
      `*/15 * * * * nvr-assist ddns update --provider noip --host ${HOST} --user ${ACCOUNT.user} --password-stdin < ~/.nvr-ddns-password`,
    );
    expect(byTest(w, 'ddns-keep').text()).not.toContain(ACCOUNT.secret);
  });

  it('names the chosen NVR’s own DDNS client by its brand, the routers that have one, each with its source, and that ONVIF’s Dynamic DNS is another thing', async () => {
    const dahua = fakeDevice({ id: 'urn:uuid:dahua-1', brand: 'Dahua', addresses: ['192.168.1.108'] });
    main.handlers['setup.get'] = () =>
      ok({
        setup: fakeSetup({ nvr: { deviceId: dahua.id, device: dahua, chosenAt: '2026-01-01T00:00:00.000Z' } }),
        notice: null,
      });
    const w = await mountStep();
    const nvr = byTest(w, 'ddns-nvr-client').text();
    expect(nvr).toContain('Dahua (Dahua DDNS, NO-IP, DynDNS):');
    expect(nvr).toContain('choose NO-IP or DynDNS in the NVR’s DDNS list');
    expect(nvr).toContain('Source: Dahua-OEM manual, IC Realtime NVR manual p. 61');
    const routers = byTest(w, 'ddns-router-clients');
    expect(routers.findAll('dt').map((d) => d.text())).toEqual([
      'TP-Link',
      'ASUS',
      'Netgear Nighthawk / Orbi',
      'AVM FRITZ!Box',
      'Ubiquiti UniFi gateways',
      'OpenWrt (luci-app-ddns)',
      'pfSense / OPNsense',
      'MikroTik RouterOS (IP > Cloud)',
      'GL.iNet (firmware 4.x)',
    ]);
    expect(routers.find('[data-router="tp-link"]').text()).toMatch(/^Reportedly: /);
    expect(routers.find('[data-router="tp-link"]').text()).not.toContain('Source:');
    expect(routers.find('[data-router="fritzbox"]').text()).toContain('Source: https://en.avm.de/service/');
    expect(byTest(w, 'ddns-onvif-note').text()).toContain('RFC 2136');
  });

  it('an NVR of a brand without a known client (or none chosen) gets no made-up advice', async () => {
    const w = await mountStep();
    expect(byTest(w, 'ddns-nvr-client').exists()).toBe(false);
    expect(byTest(w, 'ddns-onvif-note').exists()).toBe(true);
  });
});
