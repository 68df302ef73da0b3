import { z } from 'zod';
import { stepStateSchema } from './step-state';
import { STEPS, stepIdSchema, type DefinedStep } from './steps';

export { APPROACHES, approachSchema, type Approach } from '../steps/network';
export { MAX_PORTS_ENTRIES, devicePortsSchema, type DevicePorts } from '../steps/ports';

/**
 * The version of the record's frame (the keys below plus the list of slices). It stays 3: a step's own keys are
 * versioned in `sliceVersions`, so two steps that change their slices never bump the same number.
 */
export const SETUP_SCHEMA_VERSION = 3;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type RecordOf<S> = S extends { record: infer R } ? R : never;
type SliceShapes = UnionToIntersection<
  RecordOf<DefinedStep> extends infer R ? (R extends { shape: infer X } ? X : never) : never
>;

/** Every step's record slice: its keys, version, empty value and migrations, by step id. */
export const RECORD_SLICES = Object.fromEntries(
  STEPS.flatMap((s) => ('record' in s && s.record ? [[s.id, s.record] as const] : [])),
) as Record<DefinedStep['id'], RecordOf<DefinedStep>>;

const sliceVersionShape = Object.fromEntries(
  Object.entries(RECORD_SLICES).map(([id, r]) => [id, z.literal(r.version).optional()]),
) as Record<DefinedStep['id'], z.ZodOptional<z.ZodLiteral<number>>>;

const sliceShape = Object.assign({}, ...Object.values(RECORD_SLICES).map((r) => r.shape)) as SliceShapes;

/**
 * The setup record: one per site, owned by the main process, written atomically. Secrets never go in it. The frame
 * (version, times, each step's status, slice versions) plus each step's slice (src/shared/steps/<id>.ts).
 */
export const setupRecordSchema = z.object({
  schemaVersion: z.literal(SETUP_SCHEMA_VERSION),
  createdAt: z.string(),
  updatedAt: z.string(),
  steps: z.partialRecord(stepIdSchema, stepStateSchema),
  /**
   * Each slice's version, by step id (absent: a record written before slices had versions). After migration every
   * slice is at its current version; a version we do not know (a newer app) or a slice we do not know is refused.
   */
  sliceVersions: z.object(sliceVersionShape).strict().optional(),
  ...sliceShape,
});
export type SetupRecord = z.infer<typeof setupRecordSchema>;

/**
 * A fresh record: the frame, and every step's slice empty at its current version. Test fixtures build on it too,
 * so a new step's keys reach them without an edit.
 */
export function emptySetupRecord(at: string): SetupRecord {
  const record: Record<string, unknown> = {
    schemaVersion: SETUP_SCHEMA_VERSION,
    createdAt: at,
    updatedAt: at,
    steps: {},
  };
  const versions: Record<string, number> = {};
  for (const [id, slice] of Object.entries(RECORD_SLICES)) {
    Object.assign(record, slice.empty());
    versions[id] = slice.version;
  }
  record.sliceVersions = versions;
  return record as SetupRecord;
}

export const setupNoticeSchema = z.object({
  code: z.literal('SETUP_RECOVERED'),
  message: z.string(),
  backupFile: z.string(),
});
export type SetupNotice = z.infer<typeof setupNoticeSchema>;
