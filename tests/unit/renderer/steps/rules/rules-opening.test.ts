// @vitest-environment happy-dom
// The Router rules page on opening (issue 16: no action that is not a decision): on the port-forwarding way, with the
// NVR's ports measured and no plan yet, the page makes the plan itself — the same call as "Make the plan", from the
// choices main kept, once a visit — and says so; the button stays, to make it again. Nothing is made when a plan
// exists, when the ports are not measured, on another way (or none chosen), or when main's saved choices cannot be
// read.
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import { discoveryList, failed, ok } from '../../fake-api';
import { REOLINK, fakePortReport, setupWithNvr } from '../../fake-ports';
import { api, mountStep, router, useStepHarness } from '../../mount-step';
import { fakeRules } from './fake-rules';

/** The port-forwarding way, the Reolink chosen and its ports measured. */
const forwarding = (overrides: Partial<SetupRecord> = {}) =>
  setupWithNvr({
    approach: 'port-forwarding',
    ports: { [REOLINK.id]: { report: fakePortReport(), plan: null, lastChange: null, pending: null } },
    ...overrides,
  });

let setup = forwarding();

useStepHarness({
  path: '/step/rules',
  handlers: () => {
    setup = forwarding();
    return {
      'setup.get': () => ok({ setup, notice: null }),
      'discovery.list': () => discoveryList(),
    };
  },
});

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const plans = () => api.calls.filter((c) => c.channel === 'rules.plan').map((c) => c.input);
const rows = (wrapper: VueWrapper) => wrapper.findAll('[data-testid="rule-row"]');

/** Leaves the page for another step and comes back to it: a new visit. */
async function visitAgain(wrapper: VueWrapper): Promise<VueWrapper> {
  wrapper.unmount();
  await router.push('/step/find');
  await router.push('/step/rules');
  return mountStep();
}

describe('Router rules step: the plan made on opening', () => {
  it('makes the plan once, as the button would, from the choices main kept, and says it was made on opening', async () => {
    fakeRules(api);
    const wrapper = await mountStep();
    expect(plans()).toEqual([{ wants: { web: true, app: true, video: false }, allow: [] }]);
    expect(rows(wrapper)).toHaveLength(2);
    expect(byTest(wrapper, 'plan-made').text()).toBe('Plan made: 2 rules to enter.');
    expect(byTest(wrapper, 'plan-made-on-opening').text()).toBe(
      'Made on opening this page, for the choices below. Change them and press “Make the plan again” if you want other rules.',
    );
    // The button stays, to make it again (no longer the page's main action).
    expect(byTest(wrapper, 'make-plan').text()).toBe('Make the plan again');
    // Done opening (what the end-to-end tests wait for before they look).
    expect(wrapper.find('form.wishes').attributes('data-opened')).toBe('true');
    // The status comes from main's record, read again after the plan (as after the button).
    expect(api.count('setup.get')).toBeGreaterThanOrEqual(2);
    await flushPromises();
    expect(plans()).toHaveLength(1);
  });

  it('uses the sources and wishes main kept; pressing the button makes it again and the opening words go', async () => {
    fakeRules(api, fakePortReport(), { wants: { web: true, app: false, video: false }, allow: ['198.51.100.7'] });
    const wrapper = await mountStep();
    expect(plans()).toEqual([{ wants: { web: true, app: false, video: false }, allow: ['198.51.100.7'] }]);
    await wrapper.find('form.wishes').trigger('submit');
    await flushPromises();
    expect(plans()).toHaveLength(2);
    expect(byTest(wrapper, 'plan-made').text()).toBe('Plan made: 1 rule to enter.');
    expect(byTest(wrapper, 'plan-made-on-opening').exists()).toBe(false);
  });

  it('once a visit: opening the page again with the plan made asks for none', async () => {
    fakeRules(api);
    const first = await mountStep();
    expect(plans()).toHaveLength(1);
    const again = await visitAgain(first);
    expect(plans()).toHaveLength(1);
    expect(rows(again)).toHaveLength(2);
    expect(byTest(again, 'plan-made-on-opening').exists()).toBe(false);
  });

  it('makes none when a plan is saved already', async () => {
    const main = fakeRules(api);
    api.handlers['rules.plan']!({ wants: { web: true, app: true, video: false }, allow: [] });
    api.calls.length = 0;
    expect(main.plan).not.toBeNull();
    const wrapper = await mountStep();
    expect(plans()).toEqual([]);
    expect(rows(wrapper)).toHaveLength(2);
    expect(byTest(wrapper, 'plan-made').text()).toBe('');
    expect(byTest(wrapper, 'plan-made-on-opening').exists()).toBe(false);
  });

  it('makes none while the ports are not measured: the plan would rest on nothing', async () => {
    setup = forwarding({ ports: {} });
    fakeRules(api);
    const wrapper = await mountStep();
    expect(plans()).toEqual([]);
    expect(wrapper.find('form.wishes').attributes('data-opened')).toBe('true');
    expect(byTest(wrapper, 'found-not-measured').exists()).toBe(true);
    expect(byTest(wrapper, 'make-plan').text()).toBe('Make the plan');
  });

  it('makes none on another way, or before a way is chosen', async () => {
    fakeRules(api);
    setup = forwarding({ approach: 'vpn' });
    let wrapper = await mountStep();
    for (const approach of ['vendor-cloud', null] as const) {
      setup = forwarding({ approach });
      wrapper = await visitAgain(wrapper);
      expect(plans(), String(approach)).toEqual([]);
      expect(byTest(wrapper, 'make-plan').text()).toBe('Make the plan');
    }
    expect(plans()).toEqual([]);
  });

  it('makes none when the saved plan and choices cannot be read', async () => {
    fakeRules(api);
    api.handlers['rules.get'] = () => failed('INTERNAL', 'The setup file could not be read.');
    const wrapper = await mountStep();
    expect(plans()).toEqual([]);
    expect(byTest(wrapper, 'rules-load-error').exists()).toBe(true);
  });

  it('says main’s refusal as for the button, and says nothing of a plan made', async () => {
    fakeRules(api);
    api.handlers['rules.plan'] = () =>
      failed('RULES_NO_NVR', 'Choose your NVR first (Find your NVR): the rules point at its address.');
    const wrapper = await mountStep();
    expect(plans()).toHaveLength(1);
    expect(byTest(wrapper, 'plan-error').text()).toBe(
      'The plan could not be made. Choose your NVR first (Find your NVR): the rules point at its address.',
    );
    expect(byTest(wrapper, 'plan-made').text()).toBe('');
    expect(byTest(wrapper, 'plan-made-on-opening').exists()).toBe(false);
  });

  it('while the plan is being made the button is busy; what the user types meanwhile stays as typed', async () => {
    fakeRules(api);
    const plan = api.handlers['rules.plan']!;
    let answer: () => void = () => undefined;
    api.handlers['rules.plan'] = (input) => new Promise((done) => (answer = () => done(plan(input))));
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'make-plan').attributes('aria-busy')).toBe('true');
    expect(wrapper.find('form.wishes').attributes('data-opened')).toBe('false');
    await byTest(wrapper, 'rules-allow-input').setValue('198.51.100.7');
    answer();
    await flushPromises();
    expect(rows(wrapper)).toHaveLength(2);
    expect((byTest(wrapper, 'rules-allow-input').element as HTMLInputElement).value).toBe('198.51.100.7');
    expect(byTest(wrapper, 'make-plan').attributes('aria-busy')).toBeUndefined();
  });
});
