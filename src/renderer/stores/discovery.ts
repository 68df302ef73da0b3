import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../api/client';
import type { DiscoveredDevice, DeviceSource } from '../../shared/domain/device';
import type { EventPayload, InvokeOutput } from '../../shared/ipc/contract';
import type { AppError } from '../../shared/ipc/result';
import { useSetupStore } from './setup';

export interface DiscoveryProgress {
  done: number;
  total: number | null;
  message: string;
}

type DiscoveryList = InvokeOutput<'discovery.list'>;

export type DiscoveryOutcome = 'ok' | 'failed' | 'cancelled';

/** Sources that only a camera or recorder answers (the others also find TVs, printers, routers). */
const NVR_SOURCES: readonly DeviceSource[] = ['onvif', 'sadp', 'dhip'];
/** Events kept while discovery.start is on its way: the first ones can arrive before its answer. */
const MAX_BUFFERED_EVENTS = 1000;
const MAX_WARNINGS = 50;
/** The kind of main's job that hears devices announce themselves (ONVIF Hello/Bye). */
export const LISTEN_JOB_KIND = 'discovery-listen';
/** How long to wait for a cancelled listen job to end before listening again (it ends within milliseconds). */
const LISTEN_STOP_WAIT_MS = 3000;

type JobEvent =
  | { kind: 'device'; payload: EventPayload<'discovery.onDevice'> }
  | { kind: 'warning'; payload: EventPayload<'discovery.onWarning'> }
  | { kind: 'progress'; payload: EventPayload<'job.onProgress'> }
  | { kind: 'done'; payload: EventPayload<'job.onDone'> };

/** A sortable number for an IPv4 address; anything else sorts after every IPv4 address. */
function addressKey(address: string | undefined): number {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address ?? '');
  if (!m) return Number.MAX_SAFE_INTEGER;
  return m.slice(1).reduce((n, part) => n * 256 + Math.min(Number(part), 255), 0);
}

/** A short name for a device in an announcement: brand and model (or its own name), else "A device". */
function shortName(device: DiscoveredDevice): string {
  return [device.brand, device.model ?? device.name].filter(Boolean).join(' ') || 'A device';
}

const GOODBYE = /^Said goodbye\b/;

/** What an announcement changed, in words for screen readers; null when it says nothing new worth saying. */
export function describeAnnouncement(before: DiscoveredDevice | undefined, device: DiscoveredDevice): string | null {
  const name = shortName(device);
  const where = device.addresses[0] ?? 'an unknown address';
  const goodbye = device.notes.filter((n) => GOODBYE.test(n)).at(-1);
  if (goodbye && !before?.notes.includes(goodbye))
    return `${name} at ${where} ${goodbye.replace(GOODBYE, 'said goodbye')}`;
  if (!before) return `${name} switched on at ${where} and was added to the list.`;
  if (before.addresses[0] !== device.addresses[0]) return `${name} is now at ${where}.`;
  return `${name} at ${where} announced itself.`;
}

/** True when a device answered a protocol that only cameras and recorders speak. */
export function isLikelyNvr(device: DiscoveredDevice): boolean {
  return device.sources.some((s) => NVR_SOURCES.includes(s));
}

/** Likely NVRs first, then by address (numerically), then by id so the order never jumps. */
export function compareDevices(a: DiscoveredDevice, b: DiscoveredDevice): number {
  const rank = Number(!isLikelyNvr(a)) - Number(!isLikelyNvr(b));
  if (rank !== 0) return rank;
  const byAddress = addressKey(a.addresses[0]) - addressKey(b.addresses[0]);
  if (byAddress !== 0) return byAddress;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The search for the NVR on the chosen interface (a job in main), the devices it found, and the NVR the user
 * picked. Main keeps the results and the step status; this store mirrors them and follows its own job's events.
 */
export const useDiscoveryStore = defineStore('discovery', () => {
  const setup = useSetupStore();
  const found = ref<DiscoveredDevice[]>([]);
  /** The running search's job, or null. */
  const jobId = ref<string | null>(null);
  const interfaceName = ref<string | null>(null);
  const progress = ref<DiscoveryProgress | null>(null);
  const warnings = ref<string[]>([]);
  /** When the last search ended (null for results saved by an earlier run of the app, or while searching). */
  const finishedAt = ref<string | null>(null);
  const outcome = ref<DiscoveryOutcome | null>(null);
  /** Why the last search could not start or failed, in plain words. */
  const error = ref<string | null>(null);
  const loading = ref(false);
  /** True once discovery.list answered: the list shown is what main has. */
  const loaded = ref(false);
  const starting = ref(false);
  const cancelling = ref(false);
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
  /** Main's job that hears devices announce themselves while the step is shown, or null. */
  const listenJobId = ref<string | null>(null);
  /** The interface that job listens on. */
  const listenInterface = ref<string | null>(null);
  /** Why listening could not start or stopped, in plain words, or null. */
  const listenError = ref<string | null>(null);
  /** A listen job is being asked for right now. */
  const listenStarting = ref(false);
  /** The last thing a device announced, in words (for an aria-live region). */
  const announcement = ref('');
  let buffered: JobEvent[] = [];
  let unsubscribers: (() => void)[] = [];
  /** Whether the Find step is on screen: the listen job runs only while it is. */
  let stepShown = false;
  /** What listening the page wants (null: none); the listen queue brings main in line with it, one call at a time. */
  let listenWanted: { interfaceName: string | null } | null = null;
  let listenQueue: Promise<void> = Promise.resolve();
  /** Device events that arrive while discovery.listen is on its way (they may be from the job it starts). */
  let listenBuffered: EventPayload<'discovery.onDevice'>[] = [];
  /** Who waits for a cancelled listen job's end, by job id. */
  const listenEnds = new Map<string, () => void>();

  const devices = computed(() => [...found.value].sort(compareDevices));
  const running = computed(() => jobId.value !== null);
  const listening = computed(() => listenJobId.value !== null);
  const likelyNvrCount = computed(() => found.value.filter(isLikelyNvr).length);
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

  function apply(event: JobEvent): void {
    switch (event.kind) {
      case 'device':
        upsert(event.payload.device);
        break;
      case 'warning':
        if (warnings.value.length < MAX_WARNINGS) warnings.value.push(event.payload.message);
        break;
      case 'progress': {
        const { done, total, message } = event.payload;
        progress.value = { done, total, message };
        break;
      }
      case 'done':
        jobId.value = null;
        cancelling.value = false;
        outcome.value = event.payload.outcome;
        finishedAt.value = new Date().toISOString();
        error.value = event.payload.outcome === 'failed' ? (event.payload.error?.message ?? null) : null;
        // Main's list is the reference (it also has the end time): take it quietly, keep ours if it fails.
        void sync();
        break;
    }
  }

  /** A device from the listen job: into the list, and said in words. */
  function announce(device: DiscoveredDevice): void {
    const before = found.value.find((d) => d.id === device.id);
    upsert(device);
    const words = describeAnnouncement(before, device);
    if (words) announcement.value = words;
  }

  /** The listen job ended (cancelled by us, or failed on its own). */
  function listenEnded(payload: EventPayload<'job.onDone'>): void {
    listenEnds.get(payload.jobId)?.();
    if (payload.jobId !== listenJobId.value) return;
    listenJobId.value = null;
    if (payload.outcome === 'failed') listenError.value = payload.error?.message ?? null;
  }

  /**
   * Our own jobs' events are applied (the search's, and devices from the listen job); while a start is on its way
   * they wait; any other job's are ignored.
   */
  function receive(event: JobEvent): void {
    if (event.kind === 'done' && event.payload.kind === LISTEN_JOB_KIND) {
      listenEnded(event.payload);
      return;
    }
    if (event.kind === 'device') {
      const { jobId: id, device } = event.payload;
      if (listenJobId.value !== null && id === listenJobId.value) {
        announce(device);
        return;
      }
      if (listenStarting.value && id !== jobId.value && listenBuffered.length < MAX_BUFFERED_EVENTS)
        listenBuffered.push(event.payload);
    }
    if (event.kind === 'progress' || event.kind === 'done') {
      if (event.payload.kind !== 'discovery') return;
    }
    const id = event.payload.jobId;
    if (jobId.value !== null && id === jobId.value) apply(event);
    else if (starting.value && jobId.value === null && buffered.length < MAX_BUFFERED_EVENTS) buffered.push(event);
  }

  function subscribe(): void {
    if (unsubscribers.length) return;
    unsubscribers = [
      client.onDiscoveryDevice((payload) => receive({ kind: 'device', payload })),
      client.onDiscoveryWarning((payload) => receive({ kind: 'warning', payload })),
      client.onJobProgress((payload) => receive({ kind: 'progress', payload })),
      client.onJobDone((payload) => receive({ kind: 'done', payload })),
    ];
  }

  /** Stops following main's events (the jobs themselves go on). */
  function unsubscribe(): void {
    for (const off of unsubscribers) off();
    unsubscribers = [];
  }

  function take(list: DiscoveryList): void {
    found.value = [...list.devices];
    rememberedIds.value = [...list.rememberedDeviceIds];
    warnings.value = list.warnings.slice(0, MAX_WARNINGS);
    finishedAt.value = list.finishedAt;
    interfaceName.value = list.interfaceName;
    if (list.running && list.running !== jobId.value) {
      // A search is under way (started before a reload): follow it.
      jobId.value = list.running;
      progress.value ??= { done: 0, total: null, message: 'Searching…' };
    }
    loaded.value = true;
  }

  /** Devices whose login main keeps encrypted (from discovery.list, so it survives a restart). */
  const rememberedIds = ref<string[]>([]);

  /** Re-reads main's list after a search ended, without touching the error shown. */
  async function sync(): Promise<void> {
    const result = await client.listDiscovery();
    if (result.ok && !starting.value && (jobId.value === null || result.data.running === jobId.value))
      take(result.data);
  }

  /** Shows what main has: the running search, the last one, or the one saved before a restart. */
  async function load(): Promise<boolean> {
    subscribe();
    loading.value = true;
    try {
      const result = await client.listDiscovery();
      if (!result.ok) {
        error.value = result.error.message;
        return false;
      }
      error.value = null;
      take(result.data);
      return true;
    } finally {
      loading.value = false;
    }
  }

  /**
   * Starts a search through `name` (or the interface main picks); with `sweep`, main also checks every address
   * of the subnet. Main clears the old list when it starts.
   */
  async function start(name?: string | null, options: { sweep?: boolean } = {}): Promise<boolean> {
    if (jobId.value || starting.value) return false;
    subscribe();
    starting.value = true;
    buffered = [];
    error.value = null;
    const sweeping = options.sweep ?? false;
    try {
      const result = await client.startDiscovery(name ?? undefined, { sweep: sweeping });
      if (!result.ok) {
        error.value = result.error.message;
        return false;
      }
      found.value = [];
      warnings.value = [];
      finishedAt.value = null;
      outcome.value = null;
      lastSweep.value = sweeping;
      progress.value = { done: 0, total: null, message: 'Starting the search…' };
      interfaceName.value = result.data.interfaceName;
      jobId.value = result.data.jobId;
      const early = buffered.filter((e) => e.payload.jobId === result.data.jobId);
      buffered = [];
      for (const event of early) apply(event);
      return true;
    } finally {
      starting.value = false;
      buffered = [];
    }
  }

  /** Asks main to stop the search; what was found so far stays. The end comes as job.onDone. */
  async function cancel(): Promise<boolean> {
    const id = jobId.value;
    if (!id) return false;
    cancelling.value = true;
    const result = await client.cancelJob(id);
    if (!result.ok) {
      cancelling.value = false;
      error.value = result.error.message;
      return false;
    }
    if (!result.data.cancelled && jobId.value === id) {
      // It had already ended and the end event was missed: take main's state.
      jobId.value = null;
      cancelling.value = false;
      await sync();
    }
    return true;
  }

  /** Waits (bounded) for a cancelled listen job to end, so that main does not hand it back to the next listen. */
  async function endListenJob(id: string): Promise<void> {
    let settle = () => undefined as void;
    const ended = new Promise<void>((resolve) => {
      const timer = setTimeout(() => settle(), LISTEN_STOP_WAIT_MS);
      settle = () => {
        clearTimeout(timer);
        listenEnds.delete(id);
        resolve();
      };
      listenEnds.set(id, settle);
    });
    const result = await client.cancelJob(id);
    if (result.ok && result.data.cancelled) await ended;
    else settle();
    if (listenJobId.value === id) listenJobId.value = null;
  }

  /** One step of bringing main's listen job in line with what the page wants. */
  async function reconcileListen(): Promise<void> {
    const want = listenWanted;
    const current = listenJobId.value;
    if (current && (!want || (want.interfaceName !== null && want.interfaceName !== listenInterface.value)))
      await endListenJob(current);
    if (!want || listenJobId.value || listenWanted !== want) return;
    subscribe();
    for (let attempt = 0; attempt < 2; attempt++) {
      listenStarting.value = true;
      listenBuffered = [];
      let result: Awaited<ReturnType<typeof client.listenDiscovery>>;
      try {
        result = await client.listenDiscovery(want.interfaceName ?? undefined);
      } finally {
        listenStarting.value = false;
      }
      const early = listenBuffered;
      listenBuffered = [];
      if (!result.ok) {
        listenError.value = result.error.message;
        return;
      }
      const { jobId: id, interfaceName: name } = result.data;
      if (want.interfaceName !== null && name !== want.interfaceName && attempt === 0) {
        // Main still had a listen job on another interface (from before a reload): stop it and ask again.
        await endListenJob(id);
        continue;
      }
      listenError.value = null;
      listenJobId.value = id;
      listenInterface.value = name;
      for (const payload of early) if (payload.jobId === id) announce(payload.device);
      return;
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
      !jobId.value &&
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
  async function chooseDevice(deviceId: string): Promise<boolean> {
    choosing.value = deviceId;
    chooseError.value = null;
    try {
      const result = await client.chooseDevice(deviceId);
      if (!result.ok) {
        chooseError.value = result.error.message;
        return false;
      }
      setup.applyRecord(result.data);
      return true;
    } finally {
      if (choosing.value === deviceId) choosing.value = null;
    }
  }

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
    jobId,
    running,
    interfaceName,
    shownInterface,
    progress,
    warnings,
    finishedAt,
    measuredAt,
    outcome,
    error,
    loading,
    loaded,
    starting,
    cancelling,
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
    listenJobId,
    listenInterface,
    listenError,
    listenStarting,
    listening,
    announcement,
    startListening,
    stopListening,
    followInterface,
    closeStep,
    unsubscribe,
  };
});
