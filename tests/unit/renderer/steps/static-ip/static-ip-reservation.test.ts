// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { HIK_NVR, fakeReading, fakeStaticIp, STATIC_IP_PAGE } from '../../fake-static-ip';
import { api, mountStep, useStepHarness } from '../../mount-step';

useStepHarness(STATIC_IP_PAGE);

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const inputsOf = (channel: 'address.reserve' | 'address.check') =>
  api.calls.filter((c) => c.channel === channel).map((c) => c.input);

describe('Static IP step: the router way', () => {
  it('“I reserved it” notes the reservation with main (nothing sent to the NVR), then reads the NVR to prove it', async () => {
    const saved = fakeStaticIp(
      api,
      { reading: fakeReading() },
      { onCheck: fakeReading({ at: '2025-03-01T12:30:00.000Z' }) },
    );
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'reservation').attributes('open')).toBeUndefined();
    expect(byTest(wrapper, 'reservation-address').text()).toBe('192.168.1.230');
    await byTest(wrapper, 'reserve').trigger('click');
    await flushPromises();
    expect(inputsOf('address.reserve')).toEqual([{ deviceId: HIK_NVR.id, address: '192.168.1.230' }]);
    expect(inputsOf('address.check')).toEqual([{ deviceId: HIK_NVR.id }]);
    expect(api.count('address.apply')).toBe(0);
    expect(saved.reservation?.address).toBe('192.168.1.230');
    expect(byTest(wrapper, 'reservation-planned').text()).toContain('You reserved 192.168.1.230');
    expect(byTest(wrapper, 'reserve').exists()).toBe(false);
    // Changed their mind: main forgets it.
    await byTest(wrapper, 'unreserve').trigger('click');
    await flushPromises();
    expect(inputsOf('address.reserve').at(-1)).toEqual({ deviceId: HIK_NVR.id, address: null });
    expect(byTest(wrapper, 'reservation-planned').exists()).toBe(false);
    expect(byTest(wrapper, 'reserve').exists()).toBe(true);
  });

  it('a reservation noted before is shown unfolded at open; main’s problems with an address are said', async () => {
    const reading = fakeReading();
    fakeStaticIp(api, {
      reading: { ...reading, reservation: { ...reading.reservation!, address: '192.168.1.1' } },
      reservation: { address: '192.168.1.240', mac: HIK_NVR.mac, plannedAt: '2025-03-01T12:20:00.000Z' },
    });
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'reservation').attributes('open')).toBeDefined();
    expect(byTest(wrapper, 'reservation-planned').text()).toContain('192.168.1.240');
    await byTest(wrapper, 'reserve').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'reserve-problems').text()).toContain('192.168.1.1 is your router’s address.');
    expect(byTest(wrapper, 'reservation-planned').text()).toContain('192.168.1.240');
    expect(api.count('address.check')).toBe(0);
  });
});
