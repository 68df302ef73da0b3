import { nextTick, ref, unref, watch, type ComponentPublicInstance, type Ref } from 'vue';

/**
 * What holds a button that comes and goes: a span (or other element) around it with a ref, or a component whose
 * root element holds it (a ref on the component).
 */
export type FocusHolder = HTMLElement | ComponentPublicInstance | null;

/** The element of a holder: itself, or the root element of a component. */
function elementOf(holder: FocusHolder): HTMLElement | null {
  if (!holder) return null;
  return holder instanceof HTMLElement ? holder : ((holder.$el as HTMLElement | null) ?? null);
}

/**
 * Puts the keyboard on the (first) button inside `holder` once the page has updated (it may only just have
 * appeared). Pages wrap buttons that come and go in a span with a ref, and pass that span here.
 */
export async function focusIn(holder: FocusHolder | Ref<FocusHolder>): Promise<void> {
  await nextTick();
  elementOf(unref(holder))?.querySelector('button')?.focus();
}

/**
 * When a job ends its Cancel button goes away: a keyboard user who was on it is put back on the button that started
 * the job (inside `start`), instead of being dropped at the top of the page.
 */
export function keepFocusWhenJobEnds(
  running: () => boolean,
  cancel: Ref<FocusHolder>,
  start: FocusHolder | Ref<FocusHolder>,
): void {
  watch(running, async (now, before) => {
    if (before && !now && elementOf(cancel.value)?.contains(document.activeElement)) await focusIn(start);
  });
}

/** Resolves once `busy()` is false (at once when it is already). */
function whenIdle(busy: () => boolean): Promise<void> {
  if (!busy()) return Promise.resolve();
  return new Promise((resolve) => {
    const stopWatching = watch(busy, (now) => {
      if (now) return;
      stopWatching();
      resolve();
    });
  });
}

/**
 * A job's start button and its Cancel beside it (the page puts `startButton` and `cancelButton` on their holders):
 * `start` begins the job and, when it began, puts the keyboard on Cancel; `cancel` stops it and puts the keyboard
 * back on the start button — once the job has ended (`busy` false): main's answer to the cancel can come before the
 * job's end, and the start button is disabled, so cannot take the keyboard, until then.
 */
export function useStartCancel(
  begin: () => Promise<boolean>,
  stop: () => Promise<unknown>,
  busy: () => boolean = () => false,
) {
  const startButton = ref<FocusHolder>(null);
  const cancelButton = ref<FocusHolder>(null);
  async function start(): Promise<void> {
    if (await begin()) await focusIn(cancelButton);
  }
  async function cancel(): Promise<void> {
    await stop();
    await whenIdle(busy);
    await focusIn(startButton);
  }
  return { startButton, cancelButton, start, cancel };
}
