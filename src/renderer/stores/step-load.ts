import { ref } from 'vue';
import type { Result } from '../api/client';
import { inPageWords } from '../components/page-words';

/** What a step's store tells the loader: how main's saved entry is read, and what to do with it. */
export interface StepLoadOptions<T> {
  /** The chosen NVR, for a step about it (null: none chosen); absent for a step that is not (UPnP: the router). */
  deviceId?: () => string | null;
  /** Asks main for its saved entry (for that NVR). */
  read: (deviceId: string) => Promise<Result<T>>;
  /** Shows main's answer (for that NVR). */
  take: (deviceId: string, saved: T) => void;
  /** Forgets what is shown: no NVR is chosen, or another one. */
  clear?: () => void;
}

/**
 * Main's saved entry of a step, read when the page opens (`load`) and again after a job (`refresh`): which NVR the
 * entry on show belongs to (`loadedFor`), whether it is being read (`loading`), and why it could not be (`loadError`,
 * main's plain words). An answer that comes after another NVR was chosen is dropped.
 */
export function useStepLoad<T>(options: StepLoadOptions<T>) {
  const loadedFor = ref<string | null>(null);
  const loading = ref(false);
  const loadError = ref<string | null>(null);
  const current = options.deviceId ?? (() => '');

  /** Reads what main saved (for the chosen NVR): true when it was read and is on show. */
  async function load(): Promise<boolean> {
    const id = current();
    if (id === null) {
      options.clear?.();
      return false;
    }
    if (options.deviceId && loadedFor.value !== id) options.clear?.();
    loading.value = true;
    try {
      const result = await options.read(id);
      if (current() !== id) return false;
      if (!result.ok) {
        loadError.value = inPageWords(result.error);
        return false;
      }
      loadError.value = null;
      options.take(id, result.data);
      return true;
    } finally {
      loading.value = false;
    }
  }

  /** After a job: main's entry again, keeping what is shown (and said) when it cannot be read. The entry, or null. */
  async function refresh(): Promise<T | null> {
    const id = current();
    if (id === null) return null;
    const result = await options.read(id);
    if (!result.ok || current() !== id) return null;
    options.take(id, result.data);
    return result.data;
  }

  return { loadedFor, loading, loadError, load, refresh };
}

/** The setup store as a step's store needs it: its record (each step's status) and the way to read it again. */
export interface SetupRecordReader {
  readonly record: unknown;
  reloadRecord(): Promise<void>;
}

/** Entering a step: the setup record first when none is read yet (the step's status), then main's saved entry. */
export async function openWithRecord(setup: SetupRecordReader, load: () => Promise<unknown>): Promise<void> {
  if (!setup.record) await setup.reloadRecord();
  await load();
}

/** After a job: main's saved entry and the setup record (the step's status), read together. */
export async function loadWithRecord(setup: SetupRecordReader, load: () => Promise<unknown>): Promise<void> {
  await Promise.all([load(), setup.reloadRecord()]);
}

/**
 * The newer of two readings, measurements or results (by `at`, else `measuredAt`; the same time: main's saved one):
 * an event may have brought one that main's saved answer lacks.
 */
export function newer<T extends { at?: string; measuredAt?: string }>(mine: T | null, saved: T | null): T | null {
  if (!mine || !saved) return saved ?? mine;
  return (mine.at ?? mine.measuredAt ?? '') > (saved.at ?? saved.measuredAt ?? '') ? mine : saved;
}
