import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src/main/services/setup/record';
import type { RecordSlice } from '../../../../src/shared/steps/define';

// migrate() on its own, edge by edge (issue 17, from mutation testing): a record from a newer app, or one that is
// not a record at all, is handed back untouched — never "upgraded" into something that overwrites the user's file.

const frame = { schemaVersion: 3, createdAt: 'a', updatedAt: 'b', steps: {} };

/** A test step "alpha" at version 3, whose keys are `a` and `b`; each migration leaves a mark. */
const alpha: RecordSlice = {
  version: 3,
  shape: { a: z.number(), b: z.string() },
  empty: () => ({ a: 0, b: '' }),
  migrations: {
    2: (r) => ({ ...r, a: Number(r.a ?? 0) + 10, trail: [...((r.trail as string[]) ?? []), 'to 2'] }),
    3: (r) => ({ ...r, a: Number(r.a ?? 0) + 100, trail: [...((r.trail as string[]) ?? []), 'to 3'] }),
  },
};
const slices = { alpha };

describe('migrate: what is not a record at all comes back as it is', () => {
  it.each([null, undefined, 0, 'text', true, [frame], []])('%j', (raw) => {
    expect(migrate(raw, slices)).toBe(raw);
  });
});

describe('migrate: a record from a newer app is left alone (the file is then kept, not overwritten)', () => {
  it('a frame version it does not know', () => {
    const future = { ...frame, schemaVersion: 4, a: 1, sliceVersions: { alpha: 1 } };
    expect(migrate(future, slices)).toEqual(future);
  });

  it.each([
    ['a slice version above its own', 4],
    ['a slice version that is not a whole number', 1.5],
    ['a slice version that is text', '2'],
  ])('%s', (_name, version) => {
    // Without `b`: a record that went on to be "upgraded" would come back with it.
    const record = { ...frame, a: 1, sliceVersions: { alpha: version } };
    const out = migrate(record, slices) as Record<string, unknown>;
    expect(out).toEqual(record);
    expect(out.trail).toBeUndefined();
  });

  it('a version with no migration to the next: refused rather than guessed', () => {
    const gap: RecordSlice = { ...alpha, migrations: { 3: alpha.migrations![3]! } };
    const record = { ...frame, a: 1, sliceVersions: { alpha: 1 } };
    expect(migrate(record, { alpha: gap })).toEqual(record);
    const none: RecordSlice = { ...alpha, migrations: undefined };
    expect(migrate(record, { alpha: none })).toEqual(record);
  });
});

describe('migrate: each slice from its own version', () => {
  it('runs every migration in order from the written version, and records the new one', () => {
    const out = migrate({ ...frame, a: 1, b: 'x', sliceVersions: { alpha: 1 } }, slices);
    expect(out).toEqual({ ...frame, a: 111, b: 'x', trail: ['to 2', 'to 3'], sliceVersions: { alpha: 3 } });
    const fromTwo = migrate({ ...frame, a: 1, b: 'x', sliceVersions: { alpha: 2 } }, slices);
    expect(fromTwo).toMatchObject({ a: 101, trail: ['to 3'], sliceVersions: { alpha: 3 } });
  });

  it('a record from before slice versions is at version 1 of a slice when it has any of its keys', () => {
    expect(migrate({ ...frame, b: 'x' }, slices)).toMatchObject({ a: 110, b: 'x', sliceVersions: { alpha: 3 } });
    expect(migrate({ ...frame, a: 5, b: 'x' }, slices)).toMatchObject({ a: 115, sliceVersions: { alpha: 3 } });
  });

  it('a record without any of its keys predates the step: the slice starts empty at its current version', () => {
    const out = migrate({ ...frame }, slices) as Record<string, unknown>;
    expect(out).toEqual({ ...frame, a: 0, b: '', sliceVersions: { alpha: 3 } });
    expect(out.trail).toBeUndefined();
  });

  it('a slice at its current version is not migrated; keys it lacks start empty, its data is kept', () => {
    expect(migrate({ ...frame, a: 7, sliceVersions: { alpha: 3 } }, slices)).toEqual({
      ...frame,
      a: 7,
      b: '',
      sliceVersions: { alpha: 3 },
    });
  });

  it('sliceVersions that are not an object count as absent; other slices’ versions are kept', () => {
    for (const sliceVersions of [null, 'x', [3], 7])
      expect(migrate({ ...frame, a: 1, b: 'x', sliceVersions }, slices), JSON.stringify(sliceVersions)).toEqual({
        ...frame,
        a: 111,
        b: 'x',
        trail: ['to 2', 'to 3'],
        sliceVersions: { alpha: 3 },
      });
    expect(migrate({ ...frame, a: 1, sliceVersions: { alpha: 3, other: 9 } }, slices)).toMatchObject({
      sliceVersions: { alpha: 3, other: 9 },
    });
  });
});
