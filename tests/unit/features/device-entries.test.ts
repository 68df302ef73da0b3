import { describe, expect, it } from 'vitest';
import { deviceEntries } from '../../../src/main/features/device-entries';
import { emptySetupRecord, type DevicePorts } from '../../../src/shared/domain/setup';

const EMPTY: DevicePorts = { report: null, plan: null, lastChange: null, pending: null };
const entries = deviceEntries((r) => r.ports, EMPTY, 3);
const fresh = () => emptySetupRecord('2026-01-01T00:00:00.000Z');

describe('deviceEntries (a step’s per-device entries in the record)', () => {
  it('a device without an entry reads as the empty one, and changing that copy leaves the record and the empty value alone', () => {
    const record = fresh();
    const got = entries.get(record, 'cam-1');
    expect(got).toEqual(EMPTY);
    got.plan = { deviceId: 'cam-1' } as DevicePorts['plan'];
    expect(record.ports).toEqual({});
    expect(EMPTY.plan).toBeNull();
  });

  it('a change lands on the device’s own entry and keeps what it does not touch', () => {
    const record = fresh();
    entries.set(record, 'cam-1', (e) => void (e.pending = null));
    entries.set(record, 'cam-1', (e) => void (e.lastChange = { outcome: 'verified' } as DevicePorts['lastChange']));
    expect(record.ports['cam-1']).toEqual({ ...EMPTY, lastChange: { outcome: 'verified' } });
    expect(entries.get(record, 'cam-1')).toBe(record.ports['cam-1']);
  });

  it('past the cap the least recently changed device is dropped, never the one just changed', () => {
    const record = fresh();
    for (const id of ['a', 'b', 'c']) entries.set(record, id, () => {});
    entries.set(record, 'a', () => {}); // a is the newest now: b is the oldest
    entries.set(record, 'd', () => {});
    expect(Object.keys(record.ports)).toEqual(['c', 'a', 'd']);
  });
});
