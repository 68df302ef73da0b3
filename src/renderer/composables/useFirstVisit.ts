import { onBeforeUnmount, ref, watch } from 'vue';
import { useSetupStore } from '../stores/setup';
import { stepFit } from '../../shared/domain/step-approach';
import type { StepId } from '../../shared/domain/steps';

/** What the rule asks of a step's page: its opening, what it has measured, whether it can measure now, and how. */
export interface FirstVisitOptions {
  stepId: StepId;
  /** The page's opening: reads main's saved entry for the step (the rule is judged once it is read). */
  open: () => Promise<unknown>;
  /** Why main's saved entry could not be read (nothing is started then: the page says it cannot read it). */
  loadError: () => string | null;
  /** Main's saved entry holds a measurement (for the chosen NVR, where the step is about one). */
  measured: () => boolean;
  /** The measurement can start now: none of the step's jobs is busy (and the step's own conditions hold). */
  canRun: () => boolean;
  /**
   * Only once an NVR is chosen (true unless said): before the user searched for it and chose it, the app asks nothing
   * of the network by itself, and a check of the setup says little.
   */
  needsNvr?: boolean;
  /** Starts the measurement as its button does (without moving the keyboard): true when it started. */
  start: () => Promise<boolean>;
  /** The measurement is starting or running (whoever started it). */
  running: () => boolean;
}

/**
 * A step never measured measures on its first visit. The pages whose measurement only reads (the NVR, the router or
 * the setup record) and changes nothing call `open` where they read their saved entry: once it is read, when it holds
 * no measurement, an NVR is chosen, the way chosen on "Your network" needs the step (and the user did not skip it) and
 * the measurement can run, it is started as if its button had been pressed (the keyboard stays where it is) — at most
 * once per visit, and never while a result is on show (the button stays for "again"). A page left before its entry
 * is read starts nothing; a measurement that is running goes on when the page is left, as a pressed one does.
 * `measuring` is true while the measurement this visit started by itself runs (the page says so meanwhile); Cancel
 * stops it as it stops a pressed one. (Find's first search is its store's own rule: stores/discovery.ts `openStep`.)
 */
export function useFirstVisit(options: FirstVisitOptions) {
  const setup = useSetupStore();
  /** The measurement this visit started by itself is running. */
  const measuring = ref(false);
  let tried = false;
  let shown = true;

  watch(options.running, (running) => {
    if (!running) measuring.value = false;
  });
  onBeforeUnmount(() => {
    shown = false;
  });

  /** Whether an NVR is chosen (where the step needs one), the chosen way needs the step and the user did not skip it. */
  function needed(): boolean {
    if ((options.needsNvr ?? true) && !setup.record?.nvr) return false;
    const skipped = setup.record?.steps[options.stepId]?.status === 'skipped';
    return !skipped && stepFit(options.stepId, setup.approach).applies;
  }

  /** The page's opening, then the rule: the measurement starts when the step was never measured and can be. */
  async function open(): Promise<void> {
    await options.open();
    if (!shown || tried || !setup.record) return;
    if (options.loadError() !== null || options.measured() || !needed() || !options.canRun()) return;
    tried = true;
    measuring.value = true;
    if (!(await options.start())) measuring.value = false;
  }

  return { open, measuring };
}
