// @vitest-environment happy-dom
// nftables' own forward chain on the Router rules page: the common chains of the catalogue
// (src/shared/catalog/nft-forward-chains.ts), each with where it comes from, offered before a router is chosen and
// beside Linux's two command lines; one click chooses nftables, fills the field and writes the commands for it, by the
// same way and with the same checks as a chain typed and "Write for this chain" pressed.
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { FORWARD_CHAINS } from '../../../../../src/shared/catalog/nft-forward-chains';
import { discoveryList, ok } from '../../fake-api';
import { REOLINK, fakePortReport, setupWithNvr } from '../../fake-ports';
import { api, mountStep, useStepHarness } from '../../mount-step';
import { fakeRules } from './fake-rules';

useStepHarness({
  path: '/step/rules',
  handlers: () => {
    const setup = setupWithNvr({
      ports: { [REOLINK.id]: { report: fakePortReport(), plan: null, lastChange: null, pending: null } },
    });
    return {
      'setup.get': () => ok({ setup, notice: null }),
      'discovery.list': () => discoveryList(),
    };
  },
});

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const commandInputs = () => api.calls.filter((c) => c.channel === 'rules.commands').map((c) => c.input);
const chainField = (wrapper: VueWrapper) => byTest(wrapper, 'rules-chain-input').element as HTMLInputElement;

/** The plan made and the router chosen. */
async function written(family: string): Promise<VueWrapper> {
  fakeRules(api);
  const wrapper = await mountStep();
  await wrapper.find('form.wishes').trigger('submit');
  await flushPromises();
  await byTest(wrapper, `family-${family}`).setValue(true);
  await flushPromises();
  return wrapper;
}

async function click(wrapper: VueWrapper, id: string): Promise<void> {
  await byTest(wrapper, id).trigger('click');
  await flushPromises();
}

describe('Router rules step: the common forward chains, one click away', () => {
  it('offers each chain of the catalogue beside the field, with where it comes from', async () => {
    const wrapper = await written('nftables');
    const offered = wrapper.findAll('[data-testid^="chain-suggest-"]');
    expect(offered.map((b) => b.text())).toEqual(FORWARD_CHAINS.map((c) => c.chain));
    const from = (id: string) =>
      wrapper.find(`#${byTest(wrapper, `chain-suggest-${id}`).attributes('aria-describedby')}`);
    expect(from('fw4').text()).toBe(
      'OpenWrt 22.03 and later (firewall fw4); it rebuilds this chain when it reloads, so enter the accepts again after a reload',
    );
    expect(from('filter').text()).toBe('Debian’s and Arch Linux’s /etc/nftables.conf');
    // Buttons, not submits: a click writes that chain only.
    for (const b of offered) expect(b.attributes('type')).toBe('button');
  });

  it('one click fills the field and writes the commands with the accepts in that chain', async () => {
    const wrapper = await written('nftables');
    await click(wrapper, 'chain-suggest-fw4');
    expect(chainField(wrapper).value).toBe('inet fw4 forward');
    expect(commandInputs().at(-1)).toEqual({ family: 'nftables', forwardChain: 'inet fw4 forward' });
    expect(byTest(wrapper, 'commands-text').text()).toContain(
      'nft add rule inet fw4 forward iifname "wan0" ip daddr 192.168.1.66 tcp dport 443',
    );
    // Another one replaces it.
    await click(wrapper, 'chain-suggest-filter');
    expect(chainField(wrapper).value).toBe('inet filter forward');
    expect(commandInputs().at(-1)).toEqual({ family: 'nftables', forwardChain: 'inet filter forward' });
    expect(byTest(wrapper, 'commands-text').text()).not.toContain('inet fw4 forward');
  });

  it('is written as a typed chain is: with the interface typed, and not while the interface is refused', async () => {
    const wrapper = await written('nftables');
    await byTest(wrapper, 'rules-wan-input').setValue('eth1; reboot');
    const before = commandInputs().length;
    await click(wrapper, 'chain-suggest-filter');
    // The same checks as "Write for this chain": nothing sent, the interface's problem said at its field.
    expect(commandInputs()).toHaveLength(before);
    expect(byTest(wrapper, 'rules-wan-input').attributes('aria-invalid')).toBe('true');
    expect(byTest(wrapper, 'plan-problem').text()).toBe(
      'Problem: "eth1; reboot" is not an interface name. Use the name the router gives it, such as eth1 or wan.',
    );
    await byTest(wrapper, 'rules-wan-input').setValue('eth1');
    await click(wrapper, 'chain-suggest-filter');
    expect(commandInputs().at(-1)).toEqual({ family: 'nftables', wan: 'eth1', forwardChain: 'inet filter forward' });
    expect(byTest(wrapper, 'commands-text').text()).toContain('nft add rule inet filter forward iifname "eth1"');
  });

  it('typing stays possible, and a typed chain that is not one is still refused at the field', async () => {
    const wrapper = await written('nftables');
    await click(wrapper, 'chain-suggest-fw4');
    await byTest(wrapper, 'rules-chain-input').setValue('inet fw4 forward; reboot');
    await byTest(wrapper, 'chain-submit').trigger('submit');
    await flushPromises();
    expect(commandInputs().at(-1)).toEqual({ family: 'nftables', forwardChain: 'inet fw4 forward' });
    expect(byTest(wrapper, 'rules-chain-input').attributes('aria-invalid')).toBe('true');
    await byTest(wrapper, 'rules-chain-input').setValue('ip nat my_forward');
    await byTest(wrapper, 'chain-submit').trigger('submit');
    await flushPromises();
    expect(commandInputs().at(-1)).toEqual({ family: 'nftables', forwardChain: 'ip nat my_forward' });
  });

  it('offered before a router is chosen and beside iptables: one click is nftables with that chain, written at once', async () => {
    fakeRules(api);
    const wrapper = await mountStep();
    await wrapper.find('form.wishes').trigger('submit');
    await flushPromises();
    // No router chosen yet: the common chains are there, a click chooses Linux with nftables and that chain.
    expect(byTest(wrapper, 'chain-suggestions').exists()).toBe(true);
    await click(wrapper, 'chain-suggest-filter');
    expect((byTest(wrapper, 'family-nftables').element as HTMLInputElement).checked).toBe(true);
    expect(chainField(wrapper).value).toBe('inet filter forward');
    expect(commandInputs().at(-1)).toEqual({ family: 'nftables', forwardChain: 'inet filter forward' });
    expect(byTest(wrapper, 'commands-text').text()).toContain('nft add rule inet filter forward iifname "wan0"');
    // From iptables likewise, with the interface typed there.
    await byTest(wrapper, 'family-iptables').setValue(true);
    await flushPromises();
    await byTest(wrapper, 'rules-wan-input').setValue('eth1');
    await click(wrapper, 'chain-suggest-fw4');
    expect((byTest(wrapper, 'family-nftables').element as HTMLInputElement).checked).toBe(true);
    expect(commandInputs().at(-1)).toEqual({ family: 'nftables', wan: 'eth1', forwardChain: 'inet fw4 forward' });
  });

  it('from iptables with an interface refused: nftables chosen, nothing written, the problem said at its field', async () => {
    const wrapper = await written('iptables');
    await byTest(wrapper, 'rules-wan-input').setValue('eth1; reboot');
    const before = commandInputs().length;
    await click(wrapper, 'chain-suggest-filter');
    expect(commandInputs()).toHaveLength(before);
    expect(byTest(wrapper, 'rules-wan-input').attributes('aria-invalid')).toBe('true');
  });

  it.each(['openwrt', 'mikrotik', 'tp-link'])(
    'not beside %s (OpenWrt’s uci, RouterOS, a web page name no chain)',
    async (family) => {
      const wrapper = await written(family);
      expect(byTest(wrapper, 'chain-suggestions').exists()).toBe(false);
    },
  );
});
