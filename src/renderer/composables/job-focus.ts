import { nextTick, ref } from 'vue';
import type ConfirmPanel from '../components/ConfirmPanel.vue';
import { keepFocusWhenJobEnds, type FocusHolder } from '../components/focus';

/**
 * The keyboard's places on a page with a check and a change (the buttons that start them, and their Cancels, filled
 * by the page's template refs): when a job ends its Cancel goes away, and a keyboard user who was on it is put back
 * on the button that started the job.
 */
export function useJobPlaces(checkRunning: () => boolean, changeRunning: () => boolean) {
  const holder = () => ref<FocusHolder>(null);
  const places = {
    checkButton: holder(),
    checkCancelButton: holder(),
    changeButton: holder(),
    changeCancelButton: holder(),
  };
  keepFocusWhenJobEnds(checkRunning, places.checkCancelButton, places.checkButton);
  keepFocusWhenJobEnds(changeRunning, places.changeCancelButton, places.changeButton);
  return places;
}

/**
 * The question a page asks in place (ConfirmPanel, its template ref `confirmPanel`): which one is on show, and
 * opening one with the keyboard on its "yes".
 */
export function useConfirmPanel<Purpose extends string>() {
  const confirming = ref<Purpose | null>(null);
  const confirmPanel = ref<InstanceType<typeof ConfirmPanel> | null>(null);

  async function openConfirm(purpose: Purpose): Promise<void> {
    confirming.value = purpose;
    await nextTick();
    await confirmPanel.value?.focusYes();
  }

  return { confirming, confirmPanel, openConfirm };
}
