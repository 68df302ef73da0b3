import { onMounted, watch } from 'vue';
import { mappingKey, useUpnpStore } from '../../stores/upnp';
import { useConfirmPanel, useJobPlaces } from '../../composables/job-focus';
import { useFirstVisit } from '../../composables/useFirstVisit';
import { defineStepFlow } from '../../composables/step-flow';
import { focusIn } from '../../components/focus';

/**
 * The UPnP page's way through a deletion, shared by its parts (what we found, what to do, verify): whether the
 * confirmation is open, the buttons the keyboard goes back to when the one it was on goes away, and what the
 * buttons do. Nothing is deleted on the router without the user's word: "Delete" deletes at once when every ticked
 * mapping opens a camera or recorder (what the page proposes: closing a hole to a camera is the step's purpose, and
 * a device with UPnP on opens it again itself), and asks first when the user ticked any other mapping (a console's,
 * a PC's: the page did not propose it, so the question names each one). A router never checked
 * is checked on the page's first visit (useFirstVisit) once an NVR is chosen: the check only reads the router's list,
 * and before the user searched for the NVR the app asks nothing of the network by itself.
 */
function createUpnpFlow() {
  const store = useUpnpStore();
  // The places the keyboard is put back on, kept when a job ends.
  const {
    checkButton,
    checkCancelButton,
    changeButton: deleteButton,
    changeCancelButton: deleteCancelButton,
  } = useJobPlaces(
    () => store.auditJob.running,
    () => store.deleteJob.running,
  );
  /** The confirmation of the deletion ('delete') while it is on show. */
  const { confirming, confirmPanel, openConfirm } = useConfirmPanel<'delete'>();

  async function check(): Promise<void> {
    confirming.value = null;
    if (await store.check()) await focusIn(checkCancelButton);
  }

  /**
   * "Delete the chosen mappings": at once when only cameras' and recorders' mappings are ticked; otherwise the
   * question first, the keyboard on its "yes".
   */
  async function askDelete(): Promise<void> {
    if (!store.canDelete) return;
    if (store.deletesAtOnce) return confirmDelete();
    await openConfirm('delete');
  }

  async function cancelDelete(): Promise<void> {
    confirming.value = null;
    await focusIn(deleteButton);
  }

  /** The user confirmed (or pressed "Delete" with only cameras' mappings ticked): the only way a mapping is deleted. */
  async function confirmDelete(): Promise<void> {
    confirming.value = null;
    if (await store.deleteChosen()) await focusIn(deleteCancelButton);
    else await focusIn(deleteButton);
  }

  // What the confirmation names is what is ticked in the list on show: a new list or another tick closes it.
  watch(
    () => `${store.audit?.measuredAt ?? ''} ${store.chosen.map(mappingKey).join(',')}`,
    () => (confirming.value = null),
  );
  const firstVisit = useFirstVisit({
    stepId: 'upnp',
    open: () => store.openStep(),
    loadError: () => store.loadError,
    measured: () => store.audit !== null,
    canRun: () => !store.busy,
    start: () => store.check(),
    running: () => store.auditJob.busy,
  });
  onMounted(() => firstVisit.open());

  return {
    /** The check this visit started by itself is running. */
    firstVisitMeasuring: firstVisit.measuring,
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

/** The page makes the flow once and hands it to its parts (`provide…`); a part of the UPnP page takes it (`use…`). */
export const { provide: provideUpnpFlow, use: useUpnpFlow } = defineStepFlow('UPnP', createUpnpFlow);
