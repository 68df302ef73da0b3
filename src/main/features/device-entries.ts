import type { SetupRecord } from '../../shared/domain/setup';

// A step's entries in the setup record, one per device (record.ports, record.staticIp, …: a slice written with
// perDeviceRecord in src/shared/steps/fields.ts), read and changed the same way by every feature that keeps them.

export interface DeviceEntries<E> {
  /** The device's entry, or a copy of the empty one when it has none. */
  get(record: SetupRecord, deviceId: string): E;
  /**
   * Changes one device's entry in a draft of the record (made from the empty one when there is none) and makes it the
   * newest; the oldest entries make room when the record holds more than `max`.
   */
  set(draft: SetupRecord, deviceId: string, change: (entry: E) => void): void;
}

export function deviceEntries<E>(
  entries: (record: SetupRecord) => Record<string, E>,
  empty: E,
  max: number,
): DeviceEntries<E> {
  return {
    get: (record, deviceId) => entries(record)[deviceId] ?? structuredClone(empty),
    set(draft, deviceId, change) {
      const all = entries(draft);
      const entry = all[deviceId] ?? structuredClone(empty);
      change(entry);
      delete all[deviceId];
      all[deviceId] = entry;
      const ids = Object.keys(all);
      for (const id of ids.slice(0, Math.max(0, ids.length - max))) delete all[id];
    },
  };
}
