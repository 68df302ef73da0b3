import { nextTick, onMounted, ref, watch } from 'vue';
import { mappingKey, useUpnpStore } from '../../stores/upnp';
import { defineStepFlow } from '../../composables/step-flow';
import type ConfirmPanel from '../../components/ConfirmPanel.vue';
import { focusIn, keepFocusWhenJobEnds, type FocusHolder } from '../../components/focus';

/**
 * The UPnP page's way through a deletion, shared by its parts (what we found, what to do, verify): whether the
 * confirmation is open, the buttons the keyboard goes back to when the one it was on goes away, and what the
 * buttons do. Nothing is deleted on the router without the user's "yes" in the confirmation.
 */
function createUpnpFlow() {
  const store = useUpnpStore();
  const holder = () => ref<FocusHolder>(null);
  const checkButton = holder();
  const checkCancelButton = holder();
  const deleteButton = holder();
  const deleteCancelButton = holder();
  const confirmPanel = ref<InstanceType<typeof ConfirmPanel> | null>(null);
  /** The confirmation of the deletion is on show. */
  const confirming = ref(false);

  async function check(): Promise<void> {
    confirming.value = false;
    if (await store.check()) await focusIn(checkCancelButton);
  }

  /** "Delete the chosen mappings": the question first, the keyboard on its "yes". */
  async function askDelete(): Promise<void> {
    if (!store.canDelete) return;
    confirming.value = true;
    await nextTick();
    await confirmPanel.value?.focusYes();
  }

  async function cancelDelete(): Promise<void> {
    confirming.value = false;
    await focusIn(deleteButton);
  }

  /** The user confirmed: the only way a mapping is deleted. */
  async function confirmDelete(): Promise<void> {
    confirming.value = false;
    if (await store.deleteChosen()) await focusIn(deleteCancelButton);
    else await focusIn(deleteButton);
  }

  // What the confirmation names is what is ticked in the list on show: a new list or another tick closes it.
  watch(
    () => `${store.audit?.measuredAt ?? ''} ${store.chosen.map(mappingKey).join(',')}`,
    () => (confirming.value = false),
  );
  // When a job ends its Cancel goes away: keep the keyboard user's place on the button that started it.
  keepFocusWhenJobEnds(() => store.auditJob.running, checkCancelButton, checkButton);
  keepFocusWhenJobEnds(() => store.deleteJob.running, deleteCancelButton, deleteButton);
  onMounted(() => store.openStep());

  return {
    checkButton,
    checkCancelButton,
    deleteButton,
    deleteCancelButton,
    confirmPanel,
    confirming,
    check,
    askDelete,
    cancelDelete,
    confirmDelete,
  };
}

const upnpFlow = defineStepFlow('UPnP', createUpnpFlow);

export type UpnpFlow = ReturnType<typeof createUpnpFlow>;
/** The page makes the flow once and hands it to its parts. */
export const provideUpnpFlow = upnpFlow.provide;
/** A part of the UPnP page takes the page's flow. */
export const useUpnpFlow = upnpFlow.use;
