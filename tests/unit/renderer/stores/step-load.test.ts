import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../src/renderer/api/client';
import { loadWithRecord, newer, openWithRecord, useStepLoad } from '../../../../src/renderer/stores/step-load';
import { failed, ok } from '../fake-api';

type Entry = { at: string; note: string };

/** A loader whose reads wait until the test answers them; `chosen` is the NVR the page is about. */
function loader() {
  const state = { chosen: 'nvr-a' as string | null, shown: null as Entry | null, cleared: 0 };
  const answers: ((r: Result<Entry>) => void)[] = [];
  const entry = useStepLoad<Entry>({
    deviceId: () => state.chosen,
    read: () => new Promise((resolve) => answers.push(resolve)),
    // As a store does: what is on show now belongs to that NVR.
    take: (id, saved) => {
      state.shown = saved;
      entry.loadedFor.value = id;
    },
    clear: () => {
      state.cleared++;
      state.shown = null;
    },
  });
  return { state, answers, entry };
}

describe('a step’s saved entry (useStepLoad)', () => {
  it('an answer that comes after another NVR was chosen is not shown as the new NVR’s', async () => {
    const { state, answers, entry } = loader();
    const loading = entry.load();
    expect(entry.loading.value).toBe(true);
    state.chosen = 'nvr-b';
    answers[0]!(ok({ at: '2025-03-01T12:00:00.000Z', note: 'of nvr-a' }));
    expect(await loading).toBe(false);
    expect(state.shown).toBeNull();
    expect(entry.loading.value).toBe(false);
  });

  it('a failed read says main’s words and keeps what a refresh after a job shows', async () => {
    const { state, answers, entry } = loader();
    const first = entry.load();
    answers[0]!(ok({ at: '2025-03-01T12:00:00.000Z', note: 'saved' }));
    expect(await first).toBe(true);
    const second = entry.load();
    answers[1]!(failed('INTERNAL', 'The setup file could not be read.') as Result<Entry>);
    expect(await second).toBe(false);
    expect(entry.loadError.value).toBe('The setup file could not be read.');
    const again = entry.refresh();
    answers[2]!(failed('INTERNAL', 'Still broken.') as Result<Entry>);
    expect(await again).toBeNull();
    expect(state.shown?.note).toBe('saved');
    expect(entry.loadError.value).toBe('The setup file could not be read.');
  });

  it('no NVR chosen: what was shown is forgotten and main is not asked', async () => {
    const { state, answers, entry } = loader();
    state.chosen = null;
    expect(await entry.load()).toBe(false);
    expect(await entry.refresh()).toBeNull();
    expect(state.cleared).toBe(1);
    expect(answers).toHaveLength(0);
  });

  it('keeps the newer of what an event brought and main’s saved one (the same time: main’s)', () => {
    const mine = { at: '2025-03-01T12:05:00.000Z' };
    const saved = { at: '2025-03-01T12:00:00.000Z' };
    expect(newer(mine, saved)).toBe(mine);
    expect(newer(saved, mine)).toBe(mine);
    const same = { at: mine.at };
    expect(newer(mine, same)).toBe(same);
    expect(newer(null, saved)).toBe(saved);
    expect(newer(mine, null)).toBe(mine);
    expect(newer({ measuredAt: '2025-03-02' }, { measuredAt: '2025-03-01' })).toEqual({ measuredAt: '2025-03-02' });
  });

  it('entering a step reads the setup record only when none is read yet, and before the entry', async () => {
    const calls: string[] = [];
    const setup = {
      record: null as object | null,
      reloadRecord: async () => {
        calls.push('record');
        setup.record = {};
      },
    };
    const load = async () => {
      calls.push(setup.record ? 'entry after the record' : 'entry without the record');
    };
    await openWithRecord(setup, load);
    await openWithRecord(setup, load);
    expect(calls).toEqual(['record', 'entry after the record', 'entry after the record']);
    await loadWithRecord(setup, load);
    expect(calls.slice(3).sort()).toEqual(['entry after the record', 'record']);
  });
});
