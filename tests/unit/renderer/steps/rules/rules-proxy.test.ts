// @vitest-environment happy-dom
// The Router rules page's reverse-proxy part (RulesProxy.vue): shown where the plan would expose the web page, the
// choice of Caddy or nginx, the public name and the proxy's user checked at the field in the generator's own words,
// then main's config (made by the app's own generator in fake-rules.ts) with a Copy and the numbered steps.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { discoveryList, failed, ok } from '../../fake-api';
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

afterEach(() => vi.unstubAllGlobals());

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const proxyInputs = () => api.calls.filter((c) => c.channel === 'rules.proxy').map((c) => c.input);

async function planned(allow = ''): Promise<VueWrapper> {
  fakeRules(api);
  const wrapper = await mountStep();
  if (allow) await byTest(wrapper, 'rules-allow-input').setValue(allow);
  await wrapper.find('form.wishes').trigger('submit');
  await flushPromises();
  return wrapper;
}

async function write(wrapper: VueWrapper): Promise<void> {
  await byTest(wrapper, 'proxy-form').trigger('submit');
  await flushPromises();
}

describe('Router rules step: a reverse proxy instead of forwarding the NVR', () => {
  it('is offered only once there is a plan exposing the web page', async () => {
    fakeRules(api);
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'proxy').exists()).toBe(false);
    await wrapper.find('form.wishes').trigger('submit');
    await flushPromises();
    expect(byTest(wrapper, 'proxy').find('h3').text()).toBe('Instead of forwarding the NVR: a reverse proxy');
    // VPN first, named above the proxy wherever the plan would expose the web page (issue 12 item 5).
    expect(byTest(wrapper, 'vpn-first').text()).toMatch(/^Safest: a VPN first\. .*nothing of the NVR is forwarded/);
    // Without the web page wished for, nothing to put a proxy in front of.
    await wrapper.find('[data-testid="want-web"]').setValue(false);
    await wrapper.find('form.wishes').trigger('submit');
    await flushPromises();
    expect(byTest(wrapper, 'proxy').exists()).toBe(false);
  });

  it('writes nginx’s config for the plan with the user given: the file, a Copy that copies it, the steps', async () => {
    const wrapper = await planned('198.51.100.7');
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await byTest(wrapper, 'proxy-kind-nginx').setValue(true);
    await byTest(wrapper, 'rules-proxy-user-input').setValue('viewer');
    await write(wrapper);
    expect(proxyInputs()).toEqual([{ kind: 'nginx', user: 'viewer' }]);
    expect(byTest(wrapper, 'proxy-path').text()).toBe('For nginx: /etc/nginx/conf.d/nvr-proxy.conf');
    const text = byTest(wrapper, 'proxy-text').text();
    expect(text).toContain('    allow 198.51.100.7;\n    deny all;');
    expect(text).toContain('proxy_pass https://192.168.1.66:443;');
    const steps = wrapper.findAll('[data-testid="proxy-step"]').map((s) => s.text());
    expect(steps).toContain(
      'On the router: forward outside port 10443 (TCP) to the PROXY computer’s address, port 10443 — not to the NVR (192.168.1.66). Keep the allowed sources (198.51.100.7) on that rule too.',
    );
    await byTest(wrapper, 'proxy-copy').trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(text);
    expect(byTest(wrapper, 'proxy-copied').text()).toBe('Copied the config.');
  });

  it('a plan open to anyone requires the user name: said at the field, main not asked', async () => {
    const wrapper = await planned();
    expect(byTest(wrapper, 'proxy').text()).toContain(
      'Required: no address is allowed, so the password is the only lock.',
    );
    await write(wrapper);
    expect(proxyInputs()).toEqual([]);
    expect(byTest(wrapper, 'rules-proxy-user-input').attributes('aria-invalid')).toBe('true');
    expect(byTest(wrapper, 'proxy').text()).toContain(
      'No address is allowed: the proxy needs a user name for its password.',
    );
    await byTest(wrapper, 'rules-proxy-user-input').setValue('viewer');
    await write(wrapper);
    expect(proxyInputs()).toEqual([{ kind: 'caddy', user: 'viewer' }]);
    expect(byTest(wrapper, 'proxy-text').text()).toContain(
      'open to anyone on the internet. The password is the only lock.',
    );
  });

  it('a host name that is not one is refused at the field in plain words; a good one is sent lower-cased by main', async () => {
    const wrapper = await planned('198.51.100.7');
    await byTest(wrapper, 'rules-proxy-host-input').setValue('nvr.example.com {');
    await write(wrapper);
    expect(proxyInputs()).toEqual([]);
    expect(byTest(wrapper, 'proxy').text()).toContain(
      '"nvr.example.com {" is not a host name (like nvr.example.com): letters, digits, hyphens and dots only.',
    );
    await byTest(wrapper, 'rules-proxy-host-input').setValue('NVR.example.com');
    await write(wrapper);
    expect(proxyInputs()).toEqual([{ kind: 'caddy', host: 'NVR.example.com' }]);
    expect(byTest(wrapper, 'proxy-text').text()).toContain('nvr.example.com:10443 {');
  });

  it('says main’s refusal in its plain words and shows no config', async () => {
    const wrapper = await planned('198.51.100.7');
    api.handlers['rules.proxy'] = () => failed('RULES_NO_PLAN', 'Make the plan first.');
    await write(wrapper);
    expect(byTest(wrapper, 'proxy-error').text()).toBe('The config could not be written. Make the plan first.');
    expect(byTest(wrapper, 'proxy-text').exists()).toBe(false);
  });
});
