import { nextTick, unref, watch, type Ref } from 'vue';

/**
 * Puts the keyboard on the (first) button inside `holder` once the page has updated (it may only just have
 * appeared). Pages wrap buttons that come and go in a span with a ref, and pass that span here.
 */
export async function focusIn(holder: HTMLElement | null | Ref<HTMLElement | null>): Promise<void> {
  await nextTick();
  unref(holder)?.querySelector('button')?.focus();
}

/**
 * When a job ends its Cancel button goes away: a keyboard user who was on it is put back on the button that started
 * the job (inside `start`), instead of being dropped at the top of the page.
 */
export function keepFocusWhenJobEnds(
  running: () => boolean,
  cancel: Ref<HTMLElement | null>,
  start: HTMLElement | null | Ref<HTMLElement | null>,
): void {
  watch(running, async (now, before) => {
    if (before && !now && cancel.value?.contains(document.activeElement)) await focusIn(start);
  });
}
