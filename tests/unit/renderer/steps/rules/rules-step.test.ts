// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { discoveryList, failed, fakeSetup, ok } from '../../fake-api';
import { REOLINK, fakePortReport, setupWithNvr } from '../../fake-ports';
import { api, mountStep, router, useStepHarness } from '../../mount-step';
import { STEP_PAGES } from '../../../../../src/renderer/router';
import { fakeRules } from './fake-rules';

let setup = setupWithNvr();

useStepHarness({
  path: '/step/rules',
  handlers: () => {
    setup = setupWithNvr({
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
const allByTest = (wrapper: VueWrapper, id: string) => wrapper.findAll(`[data-testid="${id}"]`);
const inputsOf = (channel: 'rules.plan' | 'rules.commands') =>
  api.calls.filter((c) => c.channel === channel).map((c) => c.input);
/** Each rule row as "outside → address:port from …". */
const ruleLines = (wrapper: VueWrapper) =>
  allByTest(wrapper, 'rule-row').map(
    (r) =>
      `${r.find('[data-testid="rule-protocol"]').text()} ${r.find('[data-testid="rule-external"]').text()} → ` +
      `${r.find('[data-testid="rule-address"]').text()}:${r.find('[data-testid="rule-internal"]').text()} from ` +
      r.find('[data-testid="rule-sources"]').text(),
  );

async function press(wrapper: VueWrapper, id: string): Promise<void> {
  await byTest(wrapper, id).trigger(['make-plan', 'wan-submit', 'chain-submit'].includes(id) ? 'submit' : 'click');
  await flushPromises();
}

/** Presses "Make the plan" (the form's submit, as Enter or the button does). */
async function makePlan(wrapper: VueWrapper): Promise<void> {
  await wrapper.find('form.wishes').trigger('submit');
  await flushPromises();
}

/** The page opened with main answering for the Reolink's measured ports. */
async function opened(): Promise<VueWrapper> {
  fakeRules(api);
  return mountStep();
}

/** Opened, and the plan made with what main kept (web page and app, from anywhere). */
async function planned(): Promise<VueWrapper> {
  const wrapper = await opened();
  await makePlan(wrapper);
  return wrapper;
}

async function chooseFamily(wrapper: VueWrapper, family: string): Promise<void> {
  await byTest(wrapper, `family-${family}`).setValue(true);
  await flushPromises();
}

describe('Router rules step: opening', () => {
  it('is the page of its folder, found by the router', () => {
    expect(STEP_PAGES.rules).toBeDefined();
    expect(router.currentRoute.value.name).toBe('step-rules');
  });

  it('shows what the plan rests on: the ports the Ports step measured, the address not checked as kept', async () => {
    const wrapper = await opened();
    expect(api.count('rules.get')).toBe(1);
    expect(api.count('rules.plan')).toBe(0);
    expect(byTest(wrapper, 'rules-subject').text()).toContain('192.168.1.66');
    expect(byTest(wrapper, 'found-open-ports').text()).toBe(
      '80 (Web page (HTTP)), 443 (Web page (HTTPS)), 554 (Video streams (RTSP)), 8000 (ONVIF), 9000 (Media port), 23 (Telnet)',
    );
    expect(byTest(wrapper, 'found-address-kept').text()).toBe('not checked yet');
    expect(byTest(wrapper, 'found-address-hint').text()).toContain('Static IP');
    // No plan yet: the first plan is the page's main action, and no rule table is shown.
    expect(byTest(wrapper, 'make-plan').text()).toBe('Make the plan');
    expect(byTest(wrapper, 'rule-table').exists()).toBe(false);
  });

  it('shows the plan and the choices main kept, without making a new plan', async () => {
    const main = fakeRules(api);
    api.handlers['rules.plan']!({ wants: { web: true, app: false, video: true }, allow: ['198.51.100.7'] });
    api.calls.length = 0;
    expect(main.plan).not.toBeNull();
    const wrapper = await mountStep();
    expect(api.count('rules.plan')).toBe(0);
    expect(ruleLines(wrapper)).toEqual([
      'TCP 10443 → 192.168.1.66:443 from 198.51.100.7',
      'TCP 10554 → 192.168.1.66:554 from 198.51.100.7',
    ]);
    expect((byTest(wrapper, 'want-web').element as HTMLInputElement).checked).toBe(true);
    expect((byTest(wrapper, 'want-app').element as HTMLInputElement).checked).toBe(false);
    expect((byTest(wrapper, 'want-video').element as HTMLInputElement).checked).toBe(true);
    expect((byTest(wrapper, 'rules-allow-input').element as HTMLInputElement).value).toBe('198.51.100.7');
    expect(byTest(wrapper, 'rules-planned-at').attributes('datetime')).toBe('2025-03-01T13:00:00.000Z');
  });

  it('says what each wish opens and what it risks, each tick box named for the keyboard', async () => {
    const wrapper = await opened();
    for (const key of ['web', 'app', 'video']) {
      const box = byTest(wrapper, `want-${key}`);
      expect(wrapper.find(`label[for="${box.attributes('id')}"]`).exists()).toBe(true);
      const help = wrapper.find(`#${box.attributes('aria-describedby')}`);
      expect(help.text()).toContain('Risk:');
    }
    expect(wrapper.find(`#${byTest(wrapper, 'want-video').attributes('aria-describedby')}`).text()).toContain(
      'not encrypted',
    );
  });

  it('without a chosen NVR shows the way to Find your NVR and no plan to make', async () => {
    setup = fakeSetup();
    const wrapper = await opened();
    expect(byTest(wrapper, 'no-nvr').text()).toContain('Find your NVR');
    expect(byTest(wrapper, 'make-plan').exists()).toBe(false);
  });
});

describe('Router rules step: the plan', () => {
  it('makes the plan: HTTPS on 10443 and the app port on its own number, each with why, never plain HTTP', async () => {
    const wrapper = await planned();
    expect(inputsOf('rules.plan')).toEqual([{ wants: { web: true, app: true, video: false }, allow: [] }]);
    expect(ruleLines(wrapper)).toEqual([
      'TCP 10443 → 192.168.1.66:443 from anywhere',
      'TCP 9000 → 192.168.1.66:9000 from anywhere',
    ]);
    expect(allByTest(wrapper, 'rule-why').map((w) => w.text())).toEqual([
      'The web page, encrypted (HTTPS). Plain HTTP is never forwarded.',
      'The phone app and viewer software (Media port): same number outside, as the vendor requires.',
    ]);
    expect(byTest(wrapper, 'plan-made').text()).toBe('Plan made: 2 rules to enter.');
    expect(byTest(wrapper, 'make-plan').text()).toBe('Make the plan again');
    // The status comes from main's record, read again after the plan.
    expect(api.count('setup.get')).toBeGreaterThanOrEqual(2);
  });

  it('shows the notes most urgent first, each marked with its severity', async () => {
    const wrapper = await planned();
    const notes = allByTest(wrapper, 'note');
    expect(notes.map((n) => `${n.attributes('data-severity')} ${n.attributes('data-code')}`)).toEqual([
      'warning risky-port',
      'warning any-source',
      'warning address-not-kept',
      'info external-differs',
    ]);
    expect(notes[0]!.text()).toContain('warning');
    expect(notes[0]!.text()).toContain('The maker’s own protocol, with a history of security flaws.');
    expect(notes[3]!.text()).toContain('note');
  });

  it('sends the wishes and the allowed sources as ticked and typed; the rules are limited to them', async () => {
    const wrapper = await opened();
    await byTest(wrapper, 'want-app').setValue(false);
    await byTest(wrapper, 'want-video').setValue(true);
    await byTest(wrapper, 'rules-allow-input').setValue(' 198.51.100.7 , 203.0.113.0/24');
    await makePlan(wrapper);
    expect(inputsOf('rules.plan')).toEqual([
      { wants: { web: true, app: false, video: true }, allow: ['198.51.100.7', '203.0.113.0/24'] },
    ]);
    expect(ruleLines(wrapper)).toEqual([
      'TCP 10443 → 192.168.1.66:443 from 198.51.100.7, 203.0.113.0/24',
      'TCP 10554 → 192.168.1.66:554 from 198.51.100.7, 203.0.113.0/24',
    ]);
    expect(byTest(wrapper, 'plan-for').text()).toBe(
      'For the web page (HTTPS), live video (RTSP), from 198.51.100.7, 203.0.113.0/24.',
    );
    expect(allByTest(wrapper, 'note').map((n) => n.attributes('data-code'))).toContain('plain-video');
    expect(allByTest(wrapper, 'note').map((n) => n.attributes('data-code'))).not.toContain('any-source');
  });

  it('refuses a source that is not an internet address at the field, in plain words, and asks main nothing', async () => {
    const wrapper = await opened();
    const field = byTest(wrapper, 'rules-allow-input');
    await field.setValue('192.168.1.5, 198.51.100.300, 198.51.100.7/16');
    await makePlan(wrapper);
    expect(api.count('rules.plan')).toBe(0);
    expect(allByTest(wrapper, 'plan-problem').map((p) => p.text())).toEqual([
      'Problem: 192.168.1.5 is a private address: give the address you connect from on the internet.',
      'Problem: "198.51.100.300" is not an IPv4 address or network (e.g. 198.51.100.7 or 198.51.100.0/24).',
      'Problem: 198.51.100.7/16 is not the start of a /16 network (did you mean 198.51.0.0/16?).',
    ]);
    expect(field.attributes('aria-invalid')).toBe('true');
    expect(field.attributes('aria-describedby')).toContain('rules-allow-problems');
    // Fixed: the problems go and the plan is asked for.
    await field.setValue('198.51.0.0/16');
    await makePlan(wrapper);
    expect(allByTest(wrapper, 'plan-problem')).toHaveLength(0);
    expect(inputsOf('rules.plan')).toEqual([
      { wants: { web: true, app: true, video: false }, allow: ['198.51.0.0/16'] },
    ]);
  });

  it('says nothing about a half-typed source until the field is left', async () => {
    const wrapper = await opened();
    const field = byTest(wrapper, 'rules-allow-input');
    // Typing (input events only; setValue would also leave the field).
    (field.element as HTMLInputElement).value = '198.51';
    await field.trigger('input');
    expect(allByTest(wrapper, 'plan-problem')).toHaveLength(0);
    await field.trigger('change');
    expect(allByTest(wrapper, 'plan-problem')).toHaveLength(1);
  });

  it('says main’s refusal in its plain words and keeps the plan shown', async () => {
    const wrapper = await planned();
    api.handlers['rules.plan'] = () =>
      failed('RULES_NO_NVR', 'Choose your NVR first (Find your NVR): the rules point at its address.');
    await makePlan(wrapper);
    expect(byTest(wrapper, 'plan-error').text()).toBe(
      'The plan could not be made. Choose your NVR first (Find your NVR): the rules point at its address.',
    );
    expect(byTest(wrapper, 'plan-error').attributes('role')).toBe('alert');
    expect(allByTest(wrapper, 'rule-row')).toHaveLength(2);
  });

  it('says so when the saved plan cannot be read', async () => {
    api.handlers['rules.get'] = () => failed('INTERNAL', 'The setup file could not be read.');
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'rules-load-error').text()).toBe(
      'The saved plan could not be read. The setup file could not be read.',
    );
  });
});

describe('Router rules step: the commands for the router', () => {
  it('writes the plan for nftables on choosing it, the text as main wrote it, with a Copy that copies it', async () => {
    fakeRules(api);
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'families').exists()).toBe(false);
    await makePlan(wrapper);
    await chooseFamily(wrapper, 'nftables');
    expect(inputsOf('rules.commands')).toEqual([{ family: 'nftables' }]);
    const text = byTest(wrapper, 'commands-text').text();
    expect(text).toContain('iifname "wan0" tcp dport 10443 dnat ip to 192.168.1.66:443');
    expect(text).toContain('iifname "wan0" tcp dport 9000 dnat ip to 192.168.1.66:9000');
    await press(wrapper, 'commands-copy');
    expect(writeText).toHaveBeenCalledWith(text);
    expect(byTest(wrapper, 'commands-copied').text()).toBe('Copied the commands.');
  });

  it('names the router’s interface in the commands; a name that is not one is refused at the field', async () => {
    const wrapper = await planned();
    await chooseFamily(wrapper, 'iptables');
    await byTest(wrapper, 'rules-wan-input').setValue('eth1; reboot');
    await press(wrapper, 'wan-submit');
    expect(inputsOf('rules.commands')).toEqual([{ family: 'iptables' }]);
    expect(byTest(wrapper, 'rules-wan-input').attributes('aria-invalid')).toBe('true');
    expect(byTest(wrapper, 'plan-problem').text()).toBe(
      'Problem: "eth1; reboot" is not an interface name. Use the name the router gives it, such as eth1 or wan.',
    );
    await byTest(wrapper, 'rules-wan-input').setValue('eth1');
    await press(wrapper, 'wan-submit');
    expect(inputsOf('rules.commands').at(-1)).toEqual({ family: 'iptables', wan: 'eth1' });
    // Every rule on the interface typed, none left on the default.
    expect(byTest(wrapper, 'commands-text').text()).toContain('-i eth1 -p tcp --dport 10443');
    expect(byTest(wrapper, 'commands-text').text()).not.toContain('wan0');
    expect(byTest(wrapper, 'plan-problem').exists()).toBe(false);
  });

  it('nftables: the router’s own dropping forward chain gets the accepts too; one not named "<family> <table> <chain>" is refused at the field', async () => {
    const wrapper = await planned();
    await chooseFamily(wrapper, 'nftables');
    expect(byTest(wrapper, 'commands-text').text()).not.toContain('nft add rule');
    await byTest(wrapper, 'rules-chain-input').setValue('filter; reboot');
    await press(wrapper, 'chain-submit');
    expect(inputsOf('rules.commands')).toEqual([{ family: 'nftables' }]);
    expect(byTest(wrapper, 'rules-chain-input').attributes('aria-invalid')).toBe('true');
    expect(byTest(wrapper, 'plan-problem').text()).toBe(
      'Problem: The forward chain is given as "<family> <table> <chain>", e.g. "inet filter forward".',
    );
    await byTest(wrapper, 'rules-chain-input').setValue(' inet  filter forward ');
    await press(wrapper, 'chain-submit');
    expect(inputsOf('rules.commands').at(-1)).toEqual({ family: 'nftables', forwardChain: 'inet filter forward' });
    const text = byTest(wrapper, 'commands-text').text();
    expect(text).toContain('nft add rule inet filter forward iifname "wan0" ip daddr 192.168.1.66 tcp dport 443');
    expect(byTest(wrapper, 'plan-problem').exists()).toBe(false);
    // Only nftables names a chain: iptables neither asks nor sends one.
    await chooseFamily(wrapper, 'iptables');
    expect(byTest(wrapper, 'rules-chain-input').exists()).toBe(false);
    expect(inputsOf('rules.commands').at(-1)).toEqual({ family: 'iptables' });
  });

  it('asks no interface for OpenWrt and MikroTik, and writes theirs from the same plan', async () => {
    const wrapper = await planned();
    await chooseFamily(wrapper, 'openwrt');
    expect(byTest(wrapper, 'rules-wan-input').exists()).toBe(false);
    expect(byTest(wrapper, 'commands-text').text()).toContain("uci set firewall.nvr_https_1.src_dport='10443'");
    await chooseFamily(wrapper, 'mikrotik');
    expect(byTest(wrapper, 'commands-text').text()).toContain('dst-port=9000');
    expect(inputsOf('rules.commands')).toEqual([{ family: 'openwrt' }, { family: 'mikrotik' }]);
  });

  it('offers the routers with a web page or app too: numbered steps with the plan’s values, no interface asked', async () => {
    const wrapper = await planned();
    expect(byTest(wrapper, 'families').findAll('input').length).toBeGreaterThanOrEqual(8);
    await chooseFamily(wrapper, 'asus');
    expect(byTest(wrapper, 'rules-wan-input').exists()).toBe(false);
    const text = byTest(wrapper, 'commands-text').text();
    expect(text).toMatch(/^# ASUS \/ Asuswrt-Merlin: menus differ by firmware/);
    expect(text).toContain('Port Range: 10443; Local IP: ');
    expect(inputsOf('rules.commands')).toEqual([{ family: 'asus' }]);
  });

  it('writes the commands again from a new plan for the router chosen', async () => {
    const wrapper = await planned();
    await chooseFamily(wrapper, 'nftables');
    await byTest(wrapper, 'rules-allow-input').setValue('198.51.100.7');
    await makePlan(wrapper);
    expect(api.count('rules.commands')).toBe(2);
    expect(byTest(wrapper, 'commands-text').text()).toContain('elements = { 198.51.100.7 }');
  });

  it('says when the copy did not work, so the user copies by hand', async () => {
    fakeRules(api);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    const wrapper = await mountStep();
    await makePlan(wrapper);
    await chooseFamily(wrapper, 'openwrt');
    await press(wrapper, 'commands-copy');
    expect(byTest(wrapper, 'commands-copied').text()).toBe(
      'Could not copy: select the commands and copy them yourself (Ctrl+C).',
    );
  });

  it('says main’s refusal to write the commands in its plain words', async () => {
    const wrapper = await planned();
    api.handlers['rules.commands'] = () =>
      failed(
        'RULES_NO_PLAN',
        'Make the plan first (what you want to reach from outside); the commands are written from it.',
      );
    await chooseFamily(wrapper, 'mikrotik');
    expect(byTest(wrapper, 'commands-error').text()).toBe(
      'The commands could not be written. Make the plan first (what you want to reach from outside); the commands are written from it.',
    );
    expect(byTest(wrapper, 'commands').exists()).toBe(false);
  });

  it('shows what main wrote as text only, never as markup', async () => {
    const wrapper = await planned();
    api.handlers['rules.commands'] = () => ok({ family: 'openwrt', text: 'uci set x=<img src=x onerror="alert(1)">' });
    await chooseFamily(wrapper, 'openwrt');
    expect(byTest(wrapper, 'commands-text').text()).toBe('uci set x=<img src=x onerror="alert(1)">');
    expect(wrapper.find('img').exists()).toBe(false);
  });
});
