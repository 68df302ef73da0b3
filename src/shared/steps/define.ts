import type { z } from 'zod';

// What a wizard step contributes to the shared layer: its slice of the contract (channels, events, job kinds) and
// its slice of the setup record (keys, shape, its own version and migrations). A step is defined in
// src/shared/steps/<id>.ts and listed once in STEPS (src/shared/domain/steps.ts); the contract and the record are
// merged from that list, so a new step adds its own file and one line there (see CONTRIBUTING.md).

export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/** A step's part of the setup record: top-level keys no other step uses, versioned on their own. */
export interface RecordSlice<S extends z.ZodRawShape = z.ZodRawShape> {
  /**
   * This slice's version. A record written before per-slice versions is at version 1 of every slice. Bump it and
   * add a migration when the slice's shape changes; another step's change never touches it.
   */
  version: number;
  shape: S;
  /** The slice in a fresh record (and for a record written before the step existed). */
  empty: () => { [K in keyof S]: z.input<S[K]> };
  /**
   * Migrations by the version they produce: `migrations[2]` turns this slice from v1 into v2. Each gets the whole
   * record and returns it, changing only this slice's keys (unknown keys are dropped when the record is parsed).
   */
  migrations?: Record<number, (record: Record<string, unknown>) => Record<string, unknown>>;
}

export interface StepDefinition {
  id: string;
  title: string;
  /** A step with a page; the others are planned and shown as such. */
  available: boolean;
  invoke?: Record<string, ChannelSpec>;
  events?: Record<string, z.ZodType>;
  /** Kinds of long job this step starts (`job.onProgress` and `job.onDone` carry them). */
  jobs?: readonly string[];
  record?: RecordSlice;
}

/** Checks a step's definition and keeps its literal types (channel names, job kinds) for the merged contract. */
export function defineStep<const T extends StepDefinition>(step: T): T {
  return step;
}

/** A step that is planned but has no page, no channels and no record yet. */
export function plannedStep<const I extends string, const T extends string>(id: I, title: T) {
  return { id, title, available: false } as const;
}
