import { emptySetupRecord, RECORD_SLICES, SETUP_SCHEMA_VERSION, type SetupRecord } from '../../../shared/domain/setup';
import type { RecordSlice } from '../../../shared/steps/define';

type Slices = Readonly<Record<string, RecordSlice>>;

/** A fresh record: the frame, and every step's slice empty at its current version. */
export function emptySetup(now: Date): SetupRecord {
  return emptySetupRecord(now.toISOString());
}

/**
 * Older records are upgraded here. First the frame, one version at a time (v1 → v2 → v3, kept as it was); then each
 * step's slice from its own version (absent: 1) to the current one, through that step's migrations, touching only its
 * keys — so two steps that change their slices never bump the same number. A slice the record lacks (a step newer
 * than the record) starts empty. A frame or slice version from the future is left as it is: the schema refuses it
 * and the file is treated like a corrupt one (kept, not overwritten).
 */
export function migrate(raw: unknown, slices: Slices = RECORD_SLICES as Slices): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  let record = raw as Record<string, unknown>;
  // v1 → v2: discovery results and the chosen NVR.
  if (record.schemaVersion === 1) record = { ...record, schemaVersion: 2, devices: [], nvr: null };
  // v2 → v3: the Ports step's measurements, plans and changes, by device.
  if (record.schemaVersion === 2) record = { ...record, schemaVersion: 3, ports: {} };
  if (record.schemaVersion !== SETUP_SCHEMA_VERSION) return record;

  const given = record.sliceVersions;
  const versions: Record<string, unknown> =
    given && typeof given === 'object' && !Array.isArray(given) ? { ...(given as Record<string, unknown>) } : {};
  for (const [id, slice] of Object.entries(slices)) {
    // Its version as written; a record from before slice versions holds version 1 of the slices it has data for.
    const legacy = Object.keys(slice.shape).some((k) => k in record);
    let version = versions[id] ?? (legacy ? 1 : null);
    if (version === null) {
      // A step newer than the record: its slice starts empty.
      record = { ...record, ...(slice.empty() as Record<string, unknown>) };
      versions[id] = slice.version;
      continue;
    }
    if (typeof version !== 'number' || !Number.isInteger(version) || version > slice.version) return record;
    while (version < slice.version) {
      version += 1;
      const step = slice.migrations?.[version];
      if (!step) return record; // a version without its migration: refuse rather than guess
      record = step(record);
    }
    // Keys the slice's shape has and the record still lacks start empty.
    record = { ...(slice.empty() as Record<string, unknown>), ...record };
    versions[id] = version;
  }
  return { ...record, sliceVersions: versions };
}
