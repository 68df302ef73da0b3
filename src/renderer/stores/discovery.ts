import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../api/client';
import { readFromMain, saveInMain } from './call-main';
import { useJob } from '../composables/useJob';
import type { DiscoveredDevice } from '../../shared/domain/device';
import { jobKindSchema, type InvokeOutput } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/ipc/result';
import { compareDevices, describeAnnouncement, isLikelyNvr } from './discovery-devices';
import { useSetupStore } from './setup';
import { t } from '../composables/useT';

export { compareDevices, describeAnnouncement, isLikelyNvr } from './discovery-devices';

type DiscoveryList = InvokeOutput<'discovery.list'>;

const MAX_WARNINGS = 50;
/** How long to wait for a cancelled listen job to end before listening again (it ends within milliseconds). */
const LISTEN_STOP_WAIT_MS = 3000;

/**
 * The search for the NVR on the chosen interface (a job in main), the devices it found, and the NVR the user
 * picked; and the job that hears devices announce themselves while the step is shown. Main keeps the results and
 * the step status; this store mirrors them and follows its own jobs through useJob.
 */
export const useDiscoveryStore = defineStore('discovery', () => {
  const setup = useSetupStore();
  const found = ref<DiscoveredDevice[]>([]);
  /** The interface of the running or last search. */
  const interfaceName = ref<string | null>(null);
  const warnings = ref<string[]>([]);
  /** When the last search ended (null for results saved by an earlier run of the app, or while searching). */
  const finishedAt = ref<string | null>(null);
  /** Why main's list could not be read, in plain words. */
  const loadError = ref<string | null>(null);
  const loading = ref(false);
  /** True once discovery.list answered: the list shown is what main has. */
  const loaded = ref(false);
  /** The device being saved as the NVR right now. */
  const choosing = ref<string | null>(null);
  /** Why the last choice could not be saved; the previous choice is kept. */
  const chooseError = ref<string | null>(null);
  /** A search was started automatically once in this window; never again by itself. */
  const autoStarted = ref(false);
  /** A device is being added by its address right now. */
  const adding = ref(false);
  /** Why the last add-by-address failed (code and plain message), or null. */
  const addError = ref<AppError | null>(null);
  /** The device the last add-by-address put in the list. */
  const lastAddedId = ref<string | null>(null);
  /** The user's choice for the next search: also knock on every address of the subnet (off by default). */
  const sweep = ref(false);
  /** Whether the running or last search of this session checked every address (null: not known). */
  const lastSweep = ref<boolean | null>(null);
  /** The interface the listen job hears on. */
  const listenInterface = ref<string | null>(null);
  /** The last thing a device announced, in words (for an aria-live region). */
  const announcement = ref('');
  /** Devices whose login main keeps encrypted (from discovery.list, so it survives a restart). */
  const rememberedIds = ref<string[]>([]);
  /** Devices whose login main holds now (a page loaded again need not ask for it). */
  const loginKnownIds = ref<string[]>([]);

  /** The search (main's `discovery` job). */
  const searchJob = useJob({
    kind: jobKindSchema.enum['discovery'],
    events: {
      'discovery.onDevice': ({ device }) => upsert(device),
      'discovery.onWarning': ({ message }) => {
        if (warnings.value.length < MAX_WARNINGS) warnings.value.push(message);
      },
    },
    onEnd: (end) => {
      if (end) {
        finishedAt.value = new Date().toISOString();
        loadError.value = null;
      }
      // Main's list is the reference (it also has the end time): take it quietly, keep ours if it fails.
      return sync();
    },
  });

  /** Hears devices that switch on, move or leave (main's `discovery-listen` job), while the step is shown. */
  const listenJob = useJob({
    kind: jobKindSchema.enum['discovery-listen'],
    events: { 'discovery.onDevice': ({ device }) => announce(device) },
  });

  /** Whether the Find step is on screen: the listen job runs only while it is. */
  let stepShown = false;
  /** What listening the page wants (null: none); the listen queue brings main in line with it, one call at a time. */
  let listenWanted: { interfaceName: string | null } | null = null;
  let listenQueue: Promise<void> = Promise.resolve();

  const devices = computed(() => [...found.value].sort(compareDevices));
  const likelyNvrCount = computed(() => found.value.filter(isLikelyNvr).length);
  /** Why the search or the list failed, in plain words (the search's own words first). */
  const error = computed(() => searchJob.errorText ?? loadError.value);
  /** The time the list shown was measured: the end of the search, else the newest sighting in it. */
  const measuredAt = computed<string | null>(() => {
    if (finishedAt.value) return finishedAt.value;
    const times = found.value.map((d) => d.lastSeenAt).sort();
    return times.at(-1) ?? null;
  });
  const shownInterface = computed<string | null>(() => interfaceName.value ?? found.value[0]?.interfaceName ?? null);
  /** The NVR the user picked, as main saved it (kept across restarts). */
  const chosen = computed(() => setup.record?.nvr ?? null);
  const chosenId = computed(() => chosen.value?.deviceId ?? null);

  /** The chosen NVR, matched by id, or by MAC when a later search named the same box differently. */
  function isChosen(device: DiscoveredDevice): boolean {
    const nvr = chosen.value;
    if (!nvr) return false;
    if (nvr.deviceId === device.id) return true;
    const mac = nvr.device.mac?.toLowerCase();
    return !!mac && device.mac?.toLowerCase() === mac && !found.value.some((d) => d.id === nvr.deviceId);
  }

  function upsert(device: DiscoveredDevice): void {
    const at = found.value.findIndex((d) => d.id === device.id);
    if (at < 0) found.value.push(device);
    else if (found.value[at]!.lastSeenAt <= device.lastSeenAt) found.value[at] = device;
  }

  /** Takes a device main just answered with (add by address, login): it is the newest word on it. */
  function put(device: DiscoveredDevice): void {
    const at = found.value.findIndex((d) => d.id === device.id);
    if (at < 0) found.value.push(device);
    else found.value[at] = device;
  }

  /** A device from the listen job: into the list, and said in words. */
  function announce(device: DiscoveredDevice): void {
    const before = found.value.find((d) => d.id === device.id);
    upsert(device);
    const words = describeAnnouncement(before, device);
    if (words) announcement.value = words;
  }

  /** Stops following main's events (the jobs themselves go on). */
  function unsubscribe(): void {
    searchJob.unsubscribe();
    listenJob.unsubscribe();
  }

  function take(list: DiscoveryList): void {
    found.value = [...list.devices];
    rememberedIds.value = [...list.rememberedDeviceIds];
    loginKnownIds.value = [...(list.loginKnownDeviceIds ?? [])];
    warnings.value = list.warnings.slice(0, MAX_WARNINGS);
    finishedAt.value = list.finishedAt;
    interfaceName.value = list.interfaceName;
    // A search is under way (started before a reload): follow it.
    if (list.running && list.running !== searchJob.id)
      searchJob.follow(list.running, t('components.discovery.searching'));
    loaded.value = true;
  }

  /** Re-reads main's list after a search ended, without touching the error shown. */
  async function sync(): Promise<void> {
    const result = await client.listDiscovery();
    if (result.ok && !searchJob.starting && (searchJob.id === null || result.data.running === searchJob.id))
      take(result.data);
  }

  /** Shows what main has: the running search, the last one, or the one saved before a restart. */
  const load = (): Promise<boolean> => readFromMain({ loading, error: loadError }, client.listDiscovery, take);

  /**
   * Starts a search through `name` (or the interface main picks); with `sweep`, main also checks every address
   * of the subnet. Main clears the old list when it starts.
   */
  async function start(name?: string | null, options: { sweep?: boolean } = {}): Promise<boolean> {
    const sweeping = options.sweep ?? false;
    if (searchJob.busy) return false;
    loadError.value = null;
    const started = await searchJob.start(() => client.startDiscovery(name ?? undefined, { sweep: sweeping }), {
      message: t('components.discovery.starting'),
      onStarted: (data) => {
        found.value = [];
        warnings.value = [];
        finishedAt.value = null;
        lastSweep.value = sweeping;
        interfaceName.value = data.interfaceName;
      },
    });
    return started !== null;
  }

  /** Asks main to stop the search; what was found so far stays. The end comes as job.onDone. */
  const cancel = (): Promise<boolean> => searchJob.cancel();

  /** One step of bringing main's listen job in line with what the page wants. */
  async function reconcileListen(): Promise<void> {
    const want = listenWanted;
    if (listenJob.running && (!want || (want.interfaceName !== null && want.interfaceName !== listenInterface.value)))
      await listenJob.cancel({ waitMs: LISTEN_STOP_WAIT_MS });
    if (!want || listenJob.running || listenWanted !== want) return;
    for (let attempt = 0; attempt < 2; attempt++) {
      // Main may still have a listen job on another interface (from before a reload): not that one.
      const onOtherInterface = (name: string) =>
        want.interfaceName !== null && name !== want.interfaceName && attempt === 0;
      const started = await listenJob.start(() => client.listenDiscovery(want.interfaceName ?? undefined), {
        accept: (data) => !onOtherInterface(data.interfaceName),
        onStarted: (data) => (listenInterface.value = data.interfaceName),
      });
      if (!started) return;
      if (!onOtherInterface(started.interfaceName)) return;
      // Stop it and ask again.
      await listenJob.cancel({ jobId: started.jobId, waitMs: LISTEN_STOP_WAIT_MS });
    }
  }

  /** Queues a reconcile after the ones already queued: one listen or cancel call at a time, in order. */
  function syncListen(): Promise<void> {
    listenQueue = listenQueue.then(reconcileListen, reconcileListen);
    return listenQueue;
  }

  /**
   * Hears devices that switch on, move or leave, through `name` (null: the interface main picks), for as long
   * as the step is shown. Asking again with another interface stops the old job first.
   */
  function startListening(name: string | null = null): Promise<void> {
    listenWanted = { interfaceName: name };
    return syncListen();
  }

  /** Stops the listen job (leaving the step). */
  function stopListening(): Promise<void> {
    listenWanted = null;
    announcement.value = '';
    return syncListen();
  }

  /** The step's interface changed: listen there instead (only while listening is wanted). */
  function followInterface(name: string | null): Promise<void> {
    if (!listenWanted || listenWanted.interfaceName === name) return listenQueue;
    return startListening(name);
  }

  /**
   * Entering the step: show main's list and start hearing announcements; search by itself only the very first
   * time, when there is nothing saved and no search has ever run (never when a list, even an empty one, is
   * already known).
   */
  async function openStep(interfaceFor: () => string | null = () => null): Promise<void> {
    stepShown = true;
    if (!setup.record) await setup.reloadRecord();
    const listed = await load();
    // Left the step while the list was loading: start nothing.
    if (!stepShown) return;
    void startListening(interfaceFor());
    const record = setup.record;
    const neverSearched =
      !!record &&
      record.devices.length === 0 &&
      !record.nvr &&
      (record.steps.find?.status ?? 'not-started') === 'not-started';
    if (
      listed &&
      neverSearched &&
      !autoStarted.value &&
      !searchJob.running &&
      !finishedAt.value &&
      found.value.length === 0
    ) {
      autoStarted.value = true;
      await start(interfaceFor());
    }
  }

  /** Leaving the step: the listen job stops (a running search goes on and is shown when the step is back). */
  function closeStep(): Promise<void> {
    stepShown = false;
    return stopListening();
  }

  /** Saves the device as the NVR in main; on failure the previous choice is kept and the reason shown. */
  const chooseDevice = (deviceId: string): Promise<boolean> =>
    saveInMain(
      { saving: choosing, as: deviceId, error: chooseError, ownMarkOnly: true },
      () => client.chooseDevice(deviceId),
      (record) => setup.applyRecord(record),
    );

  /**
   * Asks main to add the device at `host` (IPv4 address or LAN name, optional ONVIF port). Main checks it is on
   * this network and speaks ONVIF; the device it answers with goes into the list (its event may carry another
   * job's id, so the answer itself is what counts).
   */
  async function addByAddress(host: string, port?: number): Promise<DiscoveredDevice | null> {
    if (adding.value) return null;
    adding.value = true;
    addError.value = null;
    try {
      const result = await client.addDeviceByAddress(host, port);
      if (!result.ok) {
        addError.value = result.error;
        return null;
      }
      put(result.data.device);
      lastAddedId.value = result.data.device.id;
      return result.data.device;
    } finally {
      adding.value = false;
    }
  }

  function clearAddError(): void {
    addError.value = null;
  }

  return {
    devices,
    rememberedIds,
    loginKnownIds,
    searchJob,
    listenJob,
    interfaceName,
    shownInterface,
    warnings,
    finishedAt,
    measuredAt,
    error,
    loadError,
    loading,
    loaded,
    choosing,
    chooseError,
    autoStarted,
    adding,
    addError,
    lastAddedId,
    likelyNvrCount,
    chosen,
    chosenId,
    isChosen,
    load,
    start,
    cancel,
    openStep,
    chooseDevice,
    put,
    addByAddress,
    clearAddError,
    sweep,
    lastSweep,
    listenInterface,
    announcement,
    startListening,
    stopListening,
    followInterface,
    closeStep,
    unsubscribe,
  };
});
