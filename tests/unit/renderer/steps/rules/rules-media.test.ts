// @vitest-environment happy-dom
// The Router rules page's media range: an NVR whose brand declares an RTP range for video over UDP (QNAP 6100–6199)
// is offered "Also video over UDP" under live video — not before live video is ticked, never for a brand with no
// range — and the range rule reads as a range in the plan's table. What the user would lose: a hundred ports opened
// without asking, the option missing where a player needs it, or a range shown as one port.
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { discoveryList, ok } from '../../fake-api';
import { REOLINK, fakePortReport, setupWithNvr } from '../../fake-ports';
import { api, mountStep, useStepHarness } from '../../mount-step';
import { fakeRules } from './fake-rules';

let brand = 'QNAP';

useStepHarness({
  path: '/step/rules',
  handlers: () => ({
    // Read when the page asks, so each test's brand is the NVR's.
    'setup.get': () => {
      const device = { ...REOLINK, brand };
      const setup = setupWithNvr({
        devices: [device],
        nvr: { deviceId: device.id, device, chosenAt: '2025-03-01T11:00:00.000Z' },
        ports: { [device.id]: { report: fakePortReport(), plan: null, lastChange: null, pending: null } },
      });
      return ok({ setup, notice: null });
    },
    'discovery.list': () => discoveryList(),
  }),
});

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);

async function opened(b: string): Promise<VueWrapper> {
  brand = b;
  fakeRules(api, fakePortReport(), {}, b);
  return mountStep();
}

describe('Router rules page: the media range over UDP', () => {
  it('offers it only once live video is ticked, naming the NVR’s range and its risk', async () => {
    const wrapper = await opened('QNAP');
    expect(byTest(wrapper, 'want-udp-media-row').exists()).toBe(false);
    await byTest(wrapper, 'want-video').setValue(true);
    const row = byTest(wrapper, 'want-udp-media-row');
    expect(row.text()).toContain('Also video over UDP (the NVR’s RTP ports 6100–6199)');
    expect(row.text()).toContain('100 more ports open, the video unencrypted');
    expect((byTest(wrapper, 'want-udpMedia').element as HTMLInputElement).checked).toBe(false);
  });

  it('ticked, main is asked for it and the plan shows one UDP rule for the whole range', async () => {
    const wrapper = await opened('QNAP');
    await byTest(wrapper, 'want-video').setValue(true);
    await byTest(wrapper, 'want-udpMedia').setValue(true);
    await wrapper.find('form.wishes').trigger('submit');
    await flushPromises();
    const asked = api.calls.filter((c) => c.channel === 'rules.plan').map((c) => c.input);
    expect(asked.at(-1)).toMatchObject({ wants: { video: true, udpMedia: true } });
    const udp = wrapper
      .findAll('[data-testid="rule-row"]')
      .filter((r) => r.find('[data-testid="rule-protocol"]').text() === 'UDP');
    expect(udp).toHaveLength(1);
    expect(udp[0]!.find('[data-testid="rule-external"]').text()).toBe('6100-6199');
    expect(udp[0]!.find('[data-testid="rule-internal"]').text()).toBe('6100-6199');
  });

  it('a brand that declares no range is never offered it, even with live video', async () => {
    const wrapper = await opened('Reolink');
    await byTest(wrapper, 'want-video').setValue(true);
    expect(byTest(wrapper, 'want-udp-media-row').exists()).toBe(false);
  });
});
