import { z } from 'zod';
import type { RecordSlice } from './define';

// The pieces every step's slice (src/shared/steps/<id>.ts) is written with: the ids its channels take and give, and
// the record slice of a step that keeps one entry per device.

/** A long job's id, as `jobs.start` makes it and `job.onProgress` / `job.onDone` carry it. */
export const jobId = z.string().regex(/^job-[A-Za-z0-9_-]{1,64}$/);

/** The input of a channel that takes nothing. */
export const noInput = z.object({}).strict();

/** The output of a channel that starts a long job: the job's id, which its events and `job.onDone` carry. */
export const jobStarted = z.object({ jobId });

/** A device's id (discovery's), as the channels of a step about one device take it. */
export const deviceId = z.string().min(1).max(300);

/**
 * The record slice of a step that keeps one entry per device: `key` maps device ids to `entry`, at most `max` of
 * them (the feature drops the oldest to make room), empty in a fresh record; version 1. A later version spreads it
 * and adds its own: `{ ...perDeviceRecord(…), version: 2, migrations: { 2: … } }`.
 */
export function perDeviceRecord<const K extends string, E extends z.ZodType>(key: K, entry: E, max: number) {
  const entries = z
    .record(z.string().max(300), entry)
    .refine((r) => Object.keys(r).length <= max, { message: `at most ${max} devices` });
  type Shape = { [P in K]: typeof entries };
  const slice: RecordSlice<Shape> = {
    version: 1,
    shape: { [key]: entries } as Shape,
    empty: () => ({ [key]: {} }) as ReturnType<RecordSlice<Shape>['empty']>,
  };
  return slice;
}
