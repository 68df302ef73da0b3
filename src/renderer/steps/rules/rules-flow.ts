import { computed, onMounted, ref } from 'vue';
import { useRulesStore } from '../../stores/rules';
import { useSetupStore } from '../../stores/setup';
import { defineStepFlow } from '../../composables/step-flow';
import { copyText } from '../../components/copy-text';
import { deviceTitle } from '../../components/device-identity';
import { t } from '../../composables/useT';
import type { RouterFamily } from '../../../shared/domain/rule-commands';
import { sayForwardSteps } from '../../../shared/catalog/router-forwards';

/**
 * The Router rules page's way through, shared by its parts (what we found, what to do, verify): the NVR it is about,
 * what the buttons do, and what the page says after them (a plan made, the commands copied) for the eyes and for
 * screen readers. The page only plans and writes: nothing is sent to the router or the NVR.
 */
function createRulesFlow() {
  const store = useRulesStore();
  const setup = useSetupStore();
  const nvr = computed(() => setup.record?.nvr ?? null);
  const nvrTitle = computed(() => (nvr.value ? deviceTitle(nvr.value.device, t('rules.yourNvr')) : ''));
  const nvrAddress = computed(() => nvr.value?.device.addresses[0] ?? null);
  /** Said after "Make the plan" worked. */
  const planned = ref('');
  /** The plan on show was made by the page on opening (not by the button). */
  const madeOnOpening = ref(false);
  /** What the page does on opening is done: main's saved plan read, and the plan made if there was none to make. */
  const opened = ref(false);
  /** Said after a Copy. */
  const copied = ref('');

  /** Asks main for the plan (the button, or the page on opening): true when one came. */
  async function makePlan(): Promise<boolean> {
    planned.value = '';
    madeOnOpening.value = false;
    if (!(await store.makePlan()) || !store.plan) return false;
    const n = store.plan.rules.length;
    planned.value = n ? t('rules.planMade', { count: n }) : t('rules.planMadeNone');
    return true;
  }

  async function chooseFamily(family: RouterFamily): Promise<void> {
    copied.value = '';
    await store.chooseFamily(family);
  }

  async function writeAgain(): Promise<void> {
    copied.value = '';
    await store.writeCommands();
  }

  async function copyCommands(): Promise<void> {
    const c = store.commands;
    if (!c?.text) return;
    // As the page shows it: a web page's steps in the page's language.
    const text = sayForwardSteps({ t }, c.text, c.said);
    copied.value = (await copyText(text)) ? t('rules.copiedCommands') : t('rules.copyCommandsFailed');
  }

  /**
   * Nothing to decide yet: on the port-forwarding way, with the NVR's ports measured and no plan saved, the plan is
   * made as the button would make it, from the choices main kept (the button stays, to make it again).
   */
  const planOnOpening = computed(
    () =>
      setup.approach === 'port-forwarding' &&
      !!nvr.value &&
      !!setup.record?.ports[nvr.value.deviceId]?.report &&
      !store.plan &&
      !store.loadError &&
      store.canPlan,
  );

  /** Entering the step: what main saved, then the plan when there is none yet and one can be made (once a visit). */
  async function open(): Promise<void> {
    try {
      await store.openStep();
      if (planOnOpening.value) madeOnOpening.value = await makePlan();
    } finally {
      opened.value = true;
    }
  }

  onMounted(() => open());

  return {
    nvr,
    nvrTitle,
    nvrAddress,
    planned,
    madeOnOpening,
    opened,
    copied,
    makePlan,
    chooseFamily,
    writeAgain,
    copyCommands,
  };
}

/** The page makes the flow once and hands it to its parts (`provide…`); a part of the Router rules page takes it (`use…`). */
export const { provide: provideRulesFlow, use: useRulesFlow } = defineStepFlow('Router rules', createRulesFlow);
