import { computed, ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../api/client';
import { useJob } from '../composables/useJob';
import { jobKindSchema } from '../../shared/ipc/contract';
import type { UpnpAudit, UpnpDeletion, UpnpMapping, UpnpRecheck } from '../../shared/domain/upnp';
import { t } from '../composables/useT';
import { useSetupStore } from './setup';
import { newer, useStepLoad, openWithRecord, loadWithRecord } from './step-load';
import { MAX_DELETIONS, isChosen, keptChoices, mappingKey, orderMappings } from './upnp-derived';

export * from './upnp-derived';

/** A deletion this page asked for: what the router did with each mapping, and the mappings as they were sent. */
export interface DeletionRun {
  deletions: UpnpDeletion[];
  /** The mappings sent, by key (to name a deletion once the mapping is gone from the list). */
  sent: Record<string, UpnpMapping>;
}

/**
 * The UPnP step: main's last audit of the router (its UPnP gateway, every port mapping and which device each opens,
 * NAT-PMP, the findings) and the deletions made, as main saved them; the check job and the deletion job this page
 * started (each followed through useJob: `auditJob`, `deleteJob`); which mappings the user chose to delete.
 * Nothing is deleted without the user's word.
 */
export const useUpnpStore = defineStore('upnp', () => {
  const setup = useSetupStore();

  const audit = ref<UpnpAudit | null>(null);
  /** The deletions main saved (newest first; earlier ones proven gone stay, so one listed again came back). */
  const saved = ref<UpnpDeletion[] | null>(null);
  /** The deletion this page ran last, with the mappings it sent. */
  const lastRun = shallowRef<DeletionRun | null>(null);
  /** How long to wait before reading the list again after the last deletion (s, main's rule); null: nothing gone. */
  const recheckAfterS = ref<number | null>(null);
  /** The last timed re-check: what it looked for, and what came back. */
  const recheck = ref<UpnpRecheck | null>(null);
  /** What the user ticked or unticked, by mapping key; a mapping without a tick is chosen when it opens a camera. */
  const choices = ref<Record<string, boolean>>({});
  /** The mappings sent by the running deletion. */
  let sending: Record<string, UpnpMapping> = {};

  function takeAudit(next: UpnpAudit): void {
    audit.value = next;
    choices.value = keptChoices(choices.value, next.mappings);
  }

  /** The check (main's `upnp-audit` job); the audit arrives as an event. */
  const auditJob = useJob({
    kind: jobKindSchema.enum['upnp-audit'],
    maxBuffered: 50,
    events: { 'upnp.onAudit': ({ audit: next }) => takeAudit(next) },
    onEnd: () => sync(),
  });

  /** The deletion (main's `upnp-delete` job): the router's answer per mapping, then the list read again. */
  const deleteJob = useJob({
    kind: jobKindSchema.enum['upnp-delete'],
    maxBuffered: 50,
    events: {
      'upnp.onDeleted': ({ result }) => {
        lastRun.value = { deletions: result.deletions, sent: sending };
        recheckAfterS.value = result.recheckAfterS ?? null;
        takeAudit(result.audit);
      },
    },
    onEnd: () => sync(),
  });

  /**
   * The timed re-check (main's `upnp-watch` job): it waits (the countdown is its progress), then reads the list again
   * and names each deleted mapping a device opened again.
   */
  const watchJob = useJob({
    kind: jobKindSchema.enum['upnp-watch'],
    maxBuffered: 80,
    events: {
      'upnp.onWatched': ({ result }) => {
        recheck.value = result.recheck;
        takeAudit(result.audit);
      },
    },
    onEnd: () => sync(),
  });

  /** The chosen NVR's id (its mappings are marked as the NVR's). */
  const nvrId = computed<string | null>(() => setup.record?.nvr?.deviceId ?? null);
  /** The router's mappings, those to a camera or recorder first. */
  const mappings = computed(() => orderMappings(audit.value?.mappings ?? []));
  const chosen = computed(() => mappings.value.filter((m) => isChosen(m, choices.value)));
  const busy = computed(() => auditJob.busy || deleteJob.busy || watchJob.busy);
  /** Why "Delete" cannot be pressed now (plain words), or null. */
  const deleteBlocked = computed<string | null>(() => {
    if (!audit.value?.mappings.length) return t('upnp.blocked.noMappings');
    if (!audit.value.igd) return t('upnp.blocked.noGateway');
    if (chosen.value.length === 0) return t('upnp.blocked.noneTicked');
    if (chosen.value.length > MAX_DELETIONS)
      return t('upnp.blocked.tooMany', { max: MAX_DELETIONS, untick: chosen.value.length - MAX_DELETIONS });
    return null;
  });
  const canDelete = computed(() => deleteBlocked.value === null && !busy.value);
  /**
   * "Delete" deletes at once (no question) when every ticked mapping opens a camera or recorder: what the page itself
   * proposes. A mapping the user ticked beyond that (a console's, a PC's) brings the question first.
   */
  const deletesAtOnce = computed(() => chosen.value.every((m) => m.camera));

  function setChosen(m: UpnpMapping, on: boolean): void {
    choices.value = { ...choices.value, [mappingKey(m)]: on };
  }

  /** Reads the last audit and the deletions main saved. */
  const { loading, loadError, load } = useStepLoad({
    read: () => client.call('upnp.get', {}),
    take: (_, data) => {
      // An event may have brought a newer audit than main's saved answer holds.
      const next = newer(audit.value, data.audit);
      if (next && next !== audit.value) takeAudit(next);
      saved.value = data.deleted;
      recheckAfterS.value = data.recheckAfterS ?? null;
      // Likewise a re-check the page has just been sent is not undone by an older saved one.
      const kept = data.recheck ?? null;
      if (!recheck.value || (kept && kept.at >= recheck.value.at)) recheck.value = kept;
    },
  });

  /** After a job: main's saved audit and deletions, and the setup record (the step's status). */
  const sync = (): Promise<void> => loadWithRecord(setup, load);

  /** Entering the step: show what main saved. */
  const openStep = (): Promise<void> => openWithRecord(setup, load);

  /** Asks the router (the default gateway only) what it opened through UPnP and NAT-PMP. Nothing is changed. */
  async function check(): Promise<boolean> {
    if (busy.value) return false;
    const started = await auditJob.start(() => client.call('upnp.audit', {}), {
      message: t('upnp.job.checking'),
    });
    return started !== null;
  }

  const cancelCheck = (): Promise<boolean> => auditJob.cancel();

  /**
   * Deletes the chosen mappings through UPnP (the user pressed Delete, and confirmed where a mapping beyond the page's
   * proposal was ticked); main reads the list again as the proof.
   */
  async function deleteChosen(): Promise<boolean> {
    if (!canDelete.value) return false;
    const sent = chosen.value;
    sending = Object.fromEntries(sent.map((m) => [mappingKey(m), m]));
    const started = await deleteJob.start(
      () =>
        client.call('upnp.delete', {
          mappings: sent.map(({ protocol, externalPort }) => ({ protocol, externalPort })),
        }),
      { message: t('upnp.job.deleting') },
    );
    return started !== null;
  }

  const cancelDelete = (): Promise<boolean> => deleteJob.cancel();

  /** Waits main's re-check delay (or `seconds`), then reads the router's list again for the deleted mappings. */
  async function watchAgain(seconds?: number): Promise<boolean> {
    if (busy.value) return false;
    const started = await watchJob.start(() => client.call('upnp.watch', seconds ? { seconds } : {}), {
      message: t('upnp.job.waiting'),
    });
    return started !== null;
  }

  const cancelWatch = (): Promise<boolean> => watchJob.cancel();

  /** Stops following main's events (the jobs themselves go on). */
  function unsubscribe(): void {
    auditJob.unsubscribe();
    deleteJob.unsubscribe();
    watchJob.unsubscribe();
  }

  return {
    audit,
    saved,
    lastRun,
    recheckAfterS,
    recheck,
    loading,
    loadError,
    choices,
    auditJob,
    deleteJob,
    watchJob,
    nvrId,
    mappings,
    chosen,
    busy,
    deleteBlocked,
    canDelete,
    deletesAtOnce,
    setChosen,
    load,
    sync,
    openStep,
    check,
    cancelCheck,
    deleteChosen,
    cancelDelete,
    watchAgain,
    cancelWatch,
    unsubscribe,
  };
});
