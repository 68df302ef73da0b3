import { describe, expect, it } from 'vitest';
import {
  searchSeconds,
  subnetHostCount,
  SWEEP_MAX_PREFIX,
  sweepCovers,
} from '../../../src/shared/domain/discovery-limits';

// The search's limits, as main enforces them and the Find page states them (issue 17: no test of the rules
// themselves, only of the page that shows them).

describe('the sweep’s /22 limit', () => {
  it('never knocks on more than a /22 (1 022 addresses): /21 and wider get the usual search only', () => {
    expect(SWEEP_MAX_PREFIX).toBe(22);
    expect([16, 20, 21].map(sweepCovers)).toEqual([false, false, false]);
    expect([22, 23, 24, 30, 31, 32].map(sweepCovers)).toEqual([true, true, true, true, true, true]);
  });

  it('refuses what is no prefix at all', () => {
    expect([33, 24.5, Number.NaN, -1].map(sweepCovers)).toEqual([false, false, false, false]);
  });
});

describe('host counts', () => {
  it.each([
    [22, 1022],
    [24, 254],
    [30, 2],
    [31, 1],
    [32, 1],
    [0, 4_294_967_294],
  ])('/%i has %i host addresses', (prefix, hosts) => {
    expect(subnetHostCount(prefix)).toBe(hosts);
  });

  it('a value that is no prefix has none', () => {
    expect([-1, 33, 24.5, Number.NaN].map(subnetHostCount)).toEqual([0, 0, 0, 0]);
  });
});

describe('how long a search takes, as the page says it', () => {
  it.each([
    [{ sweep: false, prefix: 24 }, 4],
    [{ sweep: false, prefix: null }, 4],
    [{ sweep: true, prefix: 22 }, 20],
    [{ sweep: true, prefix: 23 }, 10],
    [{ sweep: true, prefix: 24 }, 6],
    [{ sweep: true, prefix: 28 }, 6],
    [{ sweep: true, prefix: null }, 6],
    // A subnet too big for the sweep is not swept: the usual time.
    [{ sweep: true, prefix: 21 }, 4],
    [{ sweep: true, prefix: 16 }, 4],
  ])('%j: %i s', (options, seconds) => {
    expect(searchSeconds(options)).toBe(seconds);
  });
});
