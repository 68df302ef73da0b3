// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import {
  SEARCH_SECONDS,
  SWEEP_MAX_PREFIX,
  SWEEP_SECONDS,
  searchSeconds,
  subnetHostCount,
  sweepCovers,
} from '../../../../../src/shared/domain/discovery-limits';
import { fakeListening, fakeReport, ok, searchedList, searchedSetup } from '../../fake-api';
import { api, mountStep, useStepHarness } from '../../mount-step';

useStepHarness({
  path: '/step/find',
  handlers: () => ({
    'setup.get': () => ok({ setup: searchedSetup(), notice: null }),
    'discovery.list': () => searchedList(),
  }),
});

/** The Find page on an eth0 with this prefix. */
async function pageOn(prefix: number) {
  const report = fakeReport({ chosenInterface: 'eth0' });
  report.interfaces[1]!.ipv4 = [{ address: '10.1.2.3', prefix, subnet: `10.1.0.0/${prefix}` }];
  api.handlers['setup.get'] = () => ok({ setup: searchedSetup({ network: report }), notice: null });
  fakeListening(api);
  const wrapper = await mountStep();
  await flushPromises();
  return wrapper;
}

describe('discovery limits (shared with main)', () => {
  it('the sweep covers /22 up to /32, nothing bigger', () => {
    expect(SWEEP_MAX_PREFIX).toBe(22);
    expect(sweepCovers(21)).toBe(false);
    expect(sweepCovers(22)).toBe(true);
    expect(sweepCovers(32)).toBe(true);
    expect(sweepCovers(33)).toBe(false);
    expect(sweepCovers(22.5)).toBe(false);
    expect(subnetHostCount(22)).toBe(1022);
    expect(subnetHostCount(24)).toBe(254);
    expect(subnetHostCount(31)).toBe(1);
    expect(subnetHostCount(40)).toBe(0);
  });

  it('says how long a search takes: the usual one, or the sweep by prefix', () => {
    expect(searchSeconds({ sweep: false, prefix: 24 })).toBe(SEARCH_SECONDS);
    expect(searchSeconds({ sweep: true, prefix: 24 })).toBe(SWEEP_SECONDS[24]);
    expect(searchSeconds({ sweep: true, prefix: 28 })).toBe(SWEEP_SECONDS[24]);
    expect(searchSeconds({ sweep: true, prefix: 23 })).toBe(SWEEP_SECONDS[23]);
    expect(searchSeconds({ sweep: true, prefix: 22 })).toBe(SWEEP_SECONDS[22]);
    expect(searchSeconds({ sweep: true, prefix: 16 })).toBe(SEARCH_SECONDS); // too big: the usual search only
    expect(searchSeconds({ sweep: true, prefix: null })).toBe(SWEEP_SECONDS[24]);
  });

  it.each([
    [24, SWEEP_SECONDS[24]],
    [23, SWEEP_SECONDS[23]],
    [22, SWEEP_SECONDS[22]],
    [21, SEARCH_SECONDS],
  ])('the Find page on a /%i says the shared estimate with the sweep ticked', async (prefix, seconds) => {
    const wrapper = await pageOn(prefix);
    expect(wrapper.find('[data-testid="search-duration"]').text()).toBe(`Takes about ${SEARCH_SECONDS} seconds.`);
    const sweep = wrapper.find('[data-testid="sweep"]');
    expect((sweep.element as HTMLInputElement).disabled).toBe(!sweepCovers(prefix));
    if (sweepCovers(prefix)) await sweep.setValue(true);
    expect(wrapper.find('[data-testid="search-duration"]').text()).toBe(`Takes about ${seconds} seconds.`);
  });
});
