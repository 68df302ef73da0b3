import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import * as client from '../api/client';
import type { ForwardPlan, ForwardWants } from '../../shared/domain/forward-plan-shapes';
import type { RouterFamily } from '../../shared/domain/rule-commands';
import type { InvokeOutput } from '../../shared/ipc/contract';
import { readFromMain, saveInMain } from './call-main';
import { useSetupStore } from './setup';
import { checkAllowText, checkForwardChain, checkWan, usesWan } from './rules-derived';
import { openWithRecord } from './step-load';

export * from './rules-derived';

/** The commands main wrote for a router family, and the plan they were written from. */
export interface RouterCommands {
  family: InvokeOutput<'rules.commands'>['family'];
  text: string;
  /** A web page's steps by the catalogue's key (the page says them in its language). */
  said?: InvokeOutput<'rules.commands'>['said'];
  /** When the plan they come from was made. */
  planMadeAt: string;
}

/**
 * The Router rules step: main's last plan of port-forward rules and the user's choices it was made with (what to
 * reach from outside, the allowed sources), as main saved them; the fields as the user edits them; the router
 * family chosen and the commands main wrote for it. Nothing here touches the router: the user enters the rules.
 */
export const useRulesStore = defineStore('rules', () => {
  const setup = useSetupStore();

  const plan = ref<ForwardPlan | null>(null);
  /** What to reach from outside, as ticked (sent with the next plan). */
  const wants = ref<ForwardWants>({ web: true, app: true, video: false });
  /** The allowed sources field as typed. */
  const allowText = ref('');
  const loading = ref(false);
  /** Why the saved plan could not be read, in plain words. */
  const loadError = ref<string | null>(null);
  const planning = ref<'plan' | null>(null);
  /** Main's words when it refused to make the plan. */
  const planError = ref<string | null>(null);

  const family = ref<RouterFamily | null>(null);
  /** The router's internet-side interface as typed (nftables, iptables). */
  const wan = ref('');
  /** nftables: the router's own forward chain that drops what it does not accept, as typed (empty: none). */
  const forwardChain = ref('');
  const commands = ref<RouterCommands | null>(null);
  const writing = ref<'commands' | null>(null);
  const commandsError = ref<string | null>(null);

  const deviceId = computed<string | null>(() => setup.record?.nvr?.deviceId ?? null);
  const sources = computed(() => checkAllowText(allowText.value));
  const wanCheck = computed(() => checkWan(wan.value));
  /** Why the WAN field cannot be used (only for the families that name it), or null. */
  const wanProblem = computed(() =>
    usesWan(family.value) && !wanCheck.value.ok ? (wanCheck.value as { error: string }).error : null,
  );
  const chainCheck = computed(() => checkForwardChain(forwardChain.value));
  /** Why the forward chain field cannot be used (nftables only), or null. */
  const chainProblem = computed(() =>
    family.value === 'nftables' && !chainCheck.value.ok ? (chainCheck.value as { error: string }).error : null,
  );
  /** The saved plan was made for an NVR other than the one chosen now. */
  const planForOther = computed(() => !!plan.value && !!deviceId.value && plan.value.deviceId !== deviceId.value);
  /** The commands on show are from an older plan than the one on show. */
  const commandsStale = computed(
    () => !!commands.value && !!plan.value && commands.value.planMadeAt !== plan.value.madeAt,
  );
  const canPlan = computed(() => !!deviceId.value && sources.value.problems.length === 0 && planning.value === null);

  function take(data: { plan: ForwardPlan | null; wants: ForwardWants; allow: string[] }): void {
    plan.value = data.plan;
    wants.value = { ...data.wants };
    allowText.value = data.allow.join(', ');
  }

  /** Reads the last plan and the choices main saved. */
  const load = (): Promise<boolean> =>
    readFromMain({ loading, error: loadError }, () => client.call('rules.get', {}), take);

  /** Entering the step: show what main saved. */
  const openStep = (): Promise<void> => openWithRecord(setup, load);

  function setWant(key: keyof ForwardWants, on: boolean): void {
    wants.value = { ...wants.value, [key]: on };
  }

  /**
   * Asks main for the plan with what is ticked and the allowed sources. A source that is not an internet address
   * or network is refused here, with its reason under the field, and nothing is sent. True when a plan came.
   */
  async function makePlan(): Promise<boolean> {
    if (!canPlan.value) return false;
    const allow = sources.value.cidrs;
    const typed = allowText.value;
    return saveInMain(
      { saving: planning, as: 'plan', error: planError },
      () => client.call('rules.plan', { wants: { ...wants.value }, allow }),
      async (next) => {
        plan.value = next;
        // The sources as main keeps them, unless the user typed on meanwhile (their text stays theirs).
        if (allowText.value === typed) allowText.value = next.sources.join(', ');
        await setup.reloadRecord();
        // The commands on show were written from the old plan: written again for the same router.
        if (family.value) await writeCommands();
      },
    );
  }

  /** The router family chosen: its commands are written from the plan at once. */
  async function chooseFamily(next: RouterFamily): Promise<boolean> {
    family.value = next;
    commands.value = null;
    commandsError.value = null;
    return writeCommands();
  }

  /** Asks main for the plan written for the chosen family (with the WAN interface, where it names one). */
  async function writeCommands(): Promise<boolean> {
    const chosen = family.value;
    const current = plan.value;
    if (!chosen || !current || writing.value) return false;
    if (wanProblem.value || chainProblem.value) return false;
    const named = usesWan(chosen) && wanCheck.value.ok ? wanCheck.value.wan : null;
    const chain = chosen === 'nftables' && chainCheck.value.ok ? chainCheck.value.chain : null;
    const input = { family: chosen, ...(named ? { wan: named } : {}), ...(chain ? { forwardChain: chain } : {}) };
    return saveInMain(
      { saving: writing, as: 'commands', error: commandsError },
      () => client.call('rules.commands', input),
      (data) => {
        commands.value = {
          family: data.family,
          text: data.text,
          ...(data.said ? { said: data.said } : {}),
          planMadeAt: current.madeAt,
        };
      },
    );
  }

  return {
    plan,
    wants,
    allowText,
    loading,
    loadError,
    planning,
    planError,
    family,
    wan,
    forwardChain,
    commands,
    writing,
    commandsError,
    deviceId,
    sources,
    wanProblem,
    chainProblem,
    planForOther,
    commandsStale,
    canPlan,
    load,
    openStep,
    setWant,
    makePlan,
    chooseFamily,
    writeCommands,
  };
});
