import type { Ref } from 'vue';
import type { Result } from '../api/client';
import { localMessage } from '../../shared/i18n/local-message';
import { t } from '../composables/useT';

// How the stores ask main for something, written once: a reading (readFromMain) or a choice main saves (saveInMain).

/** What a store does with main's answer when it worked (may wait for something, such as re-reading the record). */
type Take<T> = (data: T) => void | Promise<void>;

interface Asking<B> {
  /** Says the call is on its way: `as` while it runs, `idle` after (with `ownMarkOnly`, only if it still says `as`). */
  busy: Ref<B>;
  as: B;
  idle: B;
  ownMarkOnly?: boolean;
  /** Main's plain words when it refused; cleared when the call starts (`clearFirst`, a choice) or when it works. */
  error: Ref<string | null>;
  clearFirst?: boolean;
}

async function askMain<T, B>(call: () => Promise<Result<T>>, take: Take<T>, asking: Asking<B>): Promise<boolean> {
  const { busy, as, error } = asking;
  busy.value = as;
  if (asking.clearFirst) error.value = null;
  try {
    const result = await call();
    if (!result.ok) {
      error.value = localMessage(result.error, { t });
      return false;
    }
    if (!asking.clearFirst) error.value = null;
    const after = take(result.data);
    if (after) await after;
    return true;
  } finally {
    if (!asking.ownMarkOnly || busy.value === as) busy.value = asking.idle;
  }
}

/**
 * A reading from main: `loading` is on while it runs; a failure keeps what the store shows and puts main's plain
 * words in `error`; a success clears them and hands the answer to `take`. True when it worked.
 */
export function readFromMain<T>(
  state: { loading: Ref<boolean>; error: Ref<string | null> },
  call: () => Promise<Result<T>>,
  take: Take<T>,
): Promise<boolean> {
  return askMain(call, take, { busy: state.loading, as: true, idle: false, error: state.error });
}

/**
 * A choice main saves: `saving` names what is being saved (`as`) while it runs, the last refusal's words are cleared
 * at the start and main's plain words go to `error` if it refuses (the previous choice is kept), its answer to
 * `take`. Afterwards `saving` is null again — with `ownMarkOnly`, only if no later choice has put its own name there
 * since. True when it was saved.
 */
export function saveInMain<K, T>(
  state: { saving: Ref<K | null>; as: K; error: Ref<string | null>; ownMarkOnly?: boolean },
  call: () => Promise<Result<T>>,
  take: Take<T>,
): Promise<boolean> {
  const { saving, as, error, ownMarkOnly } = state;
  return askMain<T, K | null>(call, take, { busy: saving, as, idle: null, error, clearFirst: true, ownMarkOnly });
}
