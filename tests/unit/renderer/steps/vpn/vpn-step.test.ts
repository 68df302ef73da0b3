// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { fakeSetup } from '../../fake-api';
import { api, mountStep, useStepHarness } from '../../mount-step';
import { DDNS, OTHER, PUBLIC, fakeVpn, publicKeyOf, recordWithDdns, type FakeVpn } from './fake-vpn';

let main: FakeVpn;
useStepHarness({
  path: '/step/vpn',
  handlers: () => {
    main = fakeVpn(recordWithDdns());
    return main.handlers;
  },
});

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);
const callsTo = (channel: 'vpn.plan' | 'vpn.config' | 'vpn.qr') =>
  api.calls.filter((c) => c.channel === channel).map((c) => c.input as Record<string, unknown>);

async function makePlan(w: VueWrapper): Promise<void> {
  await byTest(w, 'vpn-form').trigger('submit');
  await flushPromises();
}

describe('VPN step', () => {
  it('sends no plan on opening; the plan asks for the chosen server, the devices and the DDNS name prefilled', async () => {
    const w = await mountStep();
    expect(callsTo('vpn.plan')).toEqual([]);
    expect(byTest(w, 'vpn-empty').exists()).toBe(true);
    expect((byTest(w, 'vpn-endpoint').element as HTMLInputElement).value).toBe(DDNS);
    expect(byTest(w, 'vpn-server-fritzbox-note').text()).toContain('unofficial sources only');
    expect(byTest(w, 'vpn-server-tplink-note').text()).toContain('no source shows a WireGuard server');
    await byTest(w, 'vpn-server-linux').setValue(true);
    await byTest(w, 'vpn-peers').setValue('phone, laptop');
    await makePlan(w);
    expect(callsTo('vpn.plan')).toEqual([{ server: 'linux', peers: ['phone', 'laptop'], endpoint: DDNS }]);
  });

  it('shows the plan: the server and its steps, the tunnel and what it avoided, the name dialled, each PUBLIC key', async () => {
    const w = await mountStep();
    await byTest(w, 'vpn-peers').setValue('phone, laptop');
    await makePlan(w);
    const plan = main.plan!;
    expect(byTest(w, 'vpn-server-name').text()).toContain(plan.serverName);
    expect(w.findAll('[data-testid="vpn-steps"] li').map((li) => li.text())).toEqual(plan.steps);
    expect(byTest(w, 'vpn-steps').text()).toContain('forward UDP 51820 to 192.168.1.10');
    // 10.8.0.0/24 lies in a network this computer sees: the tunnel moved, and the page says why
    expect(plan.tunnel).not.toBe('10.8.0.0/24');
    expect(byTest(w, 'vpn-tunnel').text()).toContain(plan.tunnel!);
    expect(byTest(w, 'vpn-tunnel-why').text()).toContain(OTHER);
    expect(byTest(w, 'vpn-endpoint-shown').text()).toBe(`${DDNS}:51820`);
    const rows = w.findAll('[data-testid="vpn-peer"]').map((r) => r.text());
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(publicKeyOf('phone'));
    expect(rows[1]).toContain(publicKeyOf('laptop'));
    expect(byTest(w, 'vpn-server-key').text()).toBe(publicKeyOf('server'));
    expect(document.body.textContent).not.toMatch(/PrivateKey/i);
    // the common LAN is a finding of its own
    expect(w.findAll('[data-testid="finding"]').map((f) => f.attributes('data-code'))).toContain('lan-common');
  });

  it('without a DDNS name the devices dial the public address, with the warning that it changes', async () => {
    main.record = fakeSetup(); // the DDNS step saved no name
    const w = await mountStep();
    expect((byTest(w, 'vpn-endpoint').element as HTMLInputElement).value).toBe('');
    await makePlan(w);
    expect(callsTo('vpn.plan')[0]).toEqual({ server: 'linux', peers: ['phone'] });
    expect(byTest(w, 'vpn-endpoint-shown').text()).toBe(`${PUBLIC}:51820 (your public address now)`);
    expect(byTest(w, 'vpn-endpoint-warning').text()).toContain('get a new one now and then');
  });

  it('a device name that cannot be a file name is said at its field, which gets the keyboard; nothing is sent', async () => {
    const w = await mountStep();
    await byTest(w, 'vpn-peers').setValue('my phone');
    await makePlan(w);
    expect(callsTo('vpn.plan')).toEqual([]);
    const field = byTest(w, 'vpn-peers');
    expect(byTest(w, 'vpn-peers-problem').text()).toContain('"my phone" cannot be a file name');
    expect(field.attributes('aria-invalid')).toBe('true');
    expect(field.attributes('aria-describedby')).toBe('vpn-peers-help vpn-peers-problem');
    expect(document.activeElement).toBe(field.element);
    await byTest(w, 'vpn-peers').setValue('my-phone');
    await makePlan(w);
    expect(callsTo('vpn.plan')).toEqual([{ server: 'linux', peers: ['my-phone'], endpoint: DDNS }]);
    expect(byTest(w, 'vpn-peers-problem').exists()).toBe(false);
  });

  it('behind carrier-grade NAT: no home server, the overlay ways with their steps, and no files to write', async () => {
    const w = await mountStep();
    main.verdict = 'cgnat';
    await makePlan(w);
    const plan = main.plan!;
    expect(plan.mode).toBe('overlay');
    expect(w.find('[data-code="cgnat"]').attributes('data-severity')).toBe('problem');
    for (const way of plan.overlay) {
      const part = byTest(w, `vpn-overlay-${way.id}`);
      expect(part.text()).toContain(way.name);
      expect(part.findAll('li').map((li) => li.text())).toEqual(way.steps);
    }
    expect(plan.overlay.map((o) => o.id)).toEqual(['tailscale', 'headscale', 'zerotier']);
    expect(byTest(w, 'vpn-peers-table').exists()).toBe(false);
    expect(byTest(w, 'vpn-no-files').exists()).toBe(true);
  });

  it('a router without WireGuard is a plain problem pointing at the Linux way', async () => {
    const w = await mountStep();
    await byTest(w, 'vpn-server-tplink').setValue(true);
    await makePlan(w);
    expect(w.find('[data-code="no-wireguard"]').text()).toContain('always-on Linux computer');
    expect(byTest(w, 'vpn-files').exists()).toBe(false);
  });

  it('Save writes a device’s config and QR code where the user said, says where, and shows the same CLI commands', async () => {
    const w = await mountStep();
    await makePlan(w);
    await byTest(w, 'vpn-file-config-phone-path').setValue('/home/me/phone.conf');
    await byTest(w, 'vpn-file-config-phone').trigger('submit');
    await flushPromises();
    expect(callsTo('vpn.config')).toEqual([{ which: 'phone', out: '/home/me/phone.conf' }]);
    expect(byTest(w, 'vpn-file-config-phone-said').text()).toBe(
      'Written to /home/me/phone.conf (301 bytes, readable by you only). It holds a private key: keep it to yourself.',
    );
    await byTest(w, 'vpn-file-qr-phone-path').setValue('phone.png');
    await byTest(w, 'vpn-file-qr-phone-save').trigger('click');
    await flushPromises();
    expect(callsTo('vpn.qr')).toEqual([{ peer: 'phone', out: 'phone.png' }]);
    expect(byTest(w, 'vpn-file-qr-phone-said').text()).toBe('The file to write must be given as a full path.');
    expect(byTest(w, 'vpn-file-qr-phone-said').classes()).toContain('wizard-step__problem--error');
    const cli = byTest(w, 'vpn-cli').text();
    expect(cli).toContain('nvr-assist vpn config server --out /home/you/wg-server.conf');
    expect(cli).toContain('nvr-assist vpn config phone --out /home/me/phone.conf');
    expect(cli).toContain('nvr-assist vpn qr phone --out phone.png');
  });

  it('checks the server from here once planned: the handshake, the name, the outside — each in words beside its badge', async () => {
    const w = await mountStep();
    // Before a plan: no check offered, the phone test still explained.
    expect(byTest(w, 'vpn-check').exists()).toBe(false);
    expect(byTest(w, 'vpn-phone-test').text()).toContain('mobile data');
    await byTest(w, 'vpn-server-linux').setValue(true);
    await makePlan(w);
    expect(api.calls.filter((c) => c.channel === 'vpn.check')).toEqual([]);
    main.answer = 'silent';
    await byTest(w, 'vpn-check-run').trigger('click');
    await flushPromises();
    expect(byTest(w, 'vpn-check-server').text()).toContain('To fix');
    expect(byTest(w, 'vpn-check-server').text()).toContain('No answer from 192.168.1.10:51820 after 3 tries');
    expect(byTest(w, 'vpn-check-endpoint').text()).toContain(`${DDNS} points to your public address ${PUBLIC}`);
    expect(byTest(w, 'vpn-check-exposure').text()).toContain('Not known');
    main.answer = 'handshake';
    await byTest(w, 'vpn-check-run').trigger('click');
    await flushPromises();
    expect(byTest(w, 'vpn-check-run').text()).toBe('Check again');
    expect(byTest(w, 'vpn-check-server').text()).toContain('Good');
    expect(byTest(w, 'vpn-check-server').text()).toContain('runs with this plan’s server key and knows phone');
    expect(byTest(w, 'vpn-phone-test').text()).toContain(`it dials ${DDNS}:51820`);
    expect(api.calls.filter((c) => c.channel === 'vpn.check')).toHaveLength(2);
    // The checker is asked now unless the box is unticked (then the last proof from outside stands).
    expect((byTest(w, 'vpn-check-prove').element as HTMLInputElement).checked).toBe(true);
    await byTest(w, 'vpn-check-prove').setValue(false);
    await byTest(w, 'vpn-check-run').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'vpn.check').map((c) => c.input)).toEqual([
      { prove: true },
      { prove: true },
      {},
    ]);
  });
});
