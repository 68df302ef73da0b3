import { describe, expect, it } from 'vitest';
import { FEATURES, mergeHandlers } from '../../../src/main/features';
import type { AppContext, MainFeature } from '../../../src/main/features/types';
import { STEPS } from '../../../src/shared/domain/steps';
import { invokeContract } from '../../../src/shared/ipc/contract';

// The handlers only close over the context; building them calls nothing on it.
const ctx = { devices: { search: {} } } as unknown as AppContext;

describe('feature modules', () => {
  it('every step with a page has a main feature found by its folder, and the frame has its own', () => {
    const ids = FEATURES.map((f) => f.id);
    for (const step of STEPS.filter((s) => s.available)) expect(ids).toContain(step.id);
    expect(ids[0]).toBe('frame');
  });

  it('together they handle every channel of the contract exactly once', () => {
    const handlers = mergeHandlers(ctx);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(invokeContract).sort());
  });

  it('a channel nobody handles, or two features handling one, stops the app at start', () => {
    const [first, ...rest] = FEATURES as MainFeature[];
    expect(() => mergeHandlers(ctx, rest)).toThrow(/no feature handles/);
    expect(() => mergeHandlers(ctx, [...FEATURES, first!])).toThrow(/two features handle/);
  });

  it('each CLI command name is contributed once', () => {
    const names = FEATURES.flatMap((f) => f.commands ?? []).map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['network', 'discover', 'identify', 'ports', 'ports-scan', 'setup']));
  });
});
