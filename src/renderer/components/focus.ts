import { nextTick, unref, type Ref } from 'vue';

/**
 * Puts the keyboard on the (first) button inside `holder` once the page has updated (it may only just have
 * appeared). Pages wrap buttons that come and go in a span with a ref, and pass that span here.
 */
export async function focusIn(holder: HTMLElement | null | Ref<HTMLElement | null>): Promise<void> {
  await nextTick();
  unref(holder)?.querySelector('button')?.focus();
}
