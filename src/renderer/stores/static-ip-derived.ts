import { computed, type Ref } from 'vue';
import type { Job } from '../composables/useJob';
import type { InvokeOutput } from '../../shared/ipc/contract';
import type { StaticIpPending, StaticIpReading, StaticIpResult } from '../../shared/steps/static-ip';
import { t } from '../composables/useT';

/** What main answered to `address.plan`: its problems with the typed address, and the address as it would send it. */
export type AddressPlan = InvokeOutput<'address.plan'>;
export type AddressTarget = NonNullable<AddressPlan['proposal']>;

/** What the user typed in "What to do": the address, the router (gateway) and the DNS servers, as text. */
export interface AddressDraft {
  address: string;
  gateway: string;
  dns: string;
}

/** What "Give the NVR this address" sends (the checked proposal's address, gateway and DNS). */
export interface ApplyInput {
  address: string;
  gateway: string;
  dns: string[];
}

/** At most this many DNS servers go to the NVR (the contract's bound). */
export const MAX_DNS = 4;

/** Error codes that mean "main has no login for the NVR": the page offers the login dialog. */
export const LOGIN_NEEDED_CODES: readonly string[] = ['STATIC_IP_LOGIN_NEEDED'];
/** Main's refusal of an address it would not have proposed, until the user says yes to it (its message says why). */
export const WARNINGS_UNCONFIRMED_CODE = 'STATIC_IP_UNCONFIRMED';

/**
 * Main's refusals before anything was sent (the address, the login, the network): said under the button. Any other
 * end of a change (stopped, a fault on the way) is said under Verify.
 */
export const REFUSED_BEFORE_SENDING: readonly string[] = [
  'STATIC_IP_REFUSED',
  'STATIC_IP_UNCONFIRMED',
  'STATIC_IP_ADDRESS_IN_USE',
  'STATIC_IP_LOGIN_NEEDED',
  'STATIC_IP_NOT_SUPPORTED',
  'INTERFACE_UNUSABLE',
  'BAD_REQUEST',
];

/** The DNS servers typed, one list: split on commas, semicolons and spaces, empty parts left out. */
export function splitDns(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What is wrong with the typed fields before anything is asked of main, by field (plain words). */
export function draftProblems(draft: AddressDraft): Partial<Record<keyof AddressDraft, string>> {
  const problems: Partial<Record<keyof AddressDraft, string>> = {};
  if (!draft.address.trim()) problems.address = t('staticIp.draft.addressEmpty');
  else if (draft.address.trim().length > 64) problems.address = t('staticIp.draft.tooLong');
  if (draft.gateway.trim().length > 64) problems.gateway = t('staticIp.draft.tooLong');
  const dns = splitDns(draft.dns);
  if (dns.length > MAX_DNS) problems.dns = t('staticIp.draft.dnsTooMany', { max: MAX_DNS });
  else if (dns.some((d) => d.length > 64)) problems.dns = t('staticIp.draft.dnsTooLong');
  return problems;
}

export const EMPTY_DRAFT: Readonly<AddressDraft> = Object.freeze({ address: '', gateway: '', dns: '' });

/** The fields as main's proposal has them (or the NVR's own router and DNS when there is no proposal). */
export function draftFromReading(r: StaticIpReading | null): AddressDraft {
  const p = r?.proposal;
  if (p) return { address: p.address, gateway: p.gateway, dns: p.dns.join(', ') };
  return {
    address: '',
    gateway: r?.lan?.gateway ?? r?.settings.gateway ?? '',
    dns: (r?.settings.dns ?? []).join(', '),
  };
}

/** The draft as `address.plan` and `address.apply` take it (empty gateway and DNS left out: main fills them). */
export function draftInput(draft: AddressDraft): { address: string; gateway?: string; dns?: string[] } {
  const gateway = draft.gateway.trim();
  const dns = splitDns(draft.dns);
  return { address: draft.address.trim(), ...(gateway ? { gateway } : {}), ...(dns.length ? { dns } : {}) };
}

/** The Static IP store's state that what the page may do now is worked out from. */
export interface StaticIpState {
  deviceId: Readonly<Ref<string | null>>;
  /** Where the chosen NVR was last found. */
  nvrAddress?: Readonly<Ref<string | null>>;
  reading: Ref<StaticIpReading | null>;
  lastChange: Ref<StaticIpResult | null>;
  pending: Ref<StaticIpPending | null>;
  draft: Ref<AddressDraft>;
  plan: Ref<AddressPlan | null>;
  /** The draft the shown plan was checked with (JSON of draftInput), or null. */
  planFor: Ref<string | null>;
  planning: Ref<boolean>;
  planError: Ref<string | null>;
  lastSent: Readonly<Ref<ApplyInput | null>>;
  checkJob: Job;
  applyJob: Job;
}

/**
 * What the Static IP page may do now, worked out from the store's state: the problems of the typed address (the
 * user's own and main's), what "Give the NVR this address" would send and why it cannot now, whether the reading
 * is out of date, and what main's refusal of the last change asks for.
 */
export function useStaticIpDerived(state: StaticIpState) {
  const { deviceId, reading, lastChange, pending, draft, plan, planFor, planning, planError, lastSent } = state;
  const { checkJob, applyJob } = state;

  const inputProblems = computed(() => draftProblems(draft.value));
  const hasInputProblems = computed(() => Object.keys(inputProblems.value).length > 0);
  /** Main's problems with the typed address, as far as the shown plan is the check of what is typed now. */
  const planCurrent = computed(
    () => planFor.value !== null && planFor.value === JSON.stringify(draftInput(draft.value)),
  );
  const errors = computed(() => (plan.value?.problems ?? []).filter((p) => p.severity === 'error'));
  const warnings = computed(() => (plan.value?.problems ?? []).filter((p) => p.severity === 'warning'));

  /**
   * No reading yet, one made before the last change, or one of an address the NVR is no longer found at (it moved by
   * itself: a new lease): the page reads the NVR again.
   */
  const needsCheck = computed(() => {
    if (!reading.value) return true;
    const at = state.nvrAddress?.value ?? null;
    if (at && reading.value.settings.address && at !== reading.value.settings.address) return true;
    const changed = lastChange.value;
    return !!changed && changed.deviceId === deviceId.value && reading.value.at < changed.at;
  });

  /** What the button would send: the address main checked, completed with its router and DNS. */
  const applyTarget = computed<AddressTarget | null>(() =>
    planCurrent.value && !errors.value.length ? (plan.value?.proposal ?? null) : null,
  );

  /** The NVR already keeps exactly this (read from the NVR itself): nothing to send. */
  const alreadySo = computed(() => {
    const r = reading.value;
    const target = applyTarget.value;
    if (!r || !target || !r.loggedIn || r.settings.dhcp !== false) return false;
    const s = r.settings;
    const sameDns = s.dns.length === target.dns.length && target.dns.every((d) => s.dns.includes(d));
    return s.address === target.address && s.prefix === target.prefix && s.gateway === target.gateway && sameDns;
  });

  /** Why "Give the NVR this address" is not possible now, in plain words, or null when it is. */
  const applyBlockedReason = computed<string | null>(() => {
    if (!deviceId.value) return t('staticIp.blocked.noNvr');
    if (pending.value) return t('staticIp.blocked.pending');
    if (!reading.value) return t('staticIp.blocked.noReading');
    if (checkJob.busy) return t('staticIp.blocked.checking');
    if (hasInputProblems.value) return t('staticIp.blocked.fields');
    if (planning.value) return t('staticIp.blocked.planning');
    if (planError.value || !planCurrent.value) return t('staticIp.blocked.notChecked');
    if (errors.value.length)
      return errors.value.length === 1 ? t('staticIp.blocked.problem') : t('staticIp.blocked.problems');
    if (!applyTarget.value) return t('staticIp.blocked.incomplete');
    if (alreadySo.value) return t('staticIp.blocked.alreadySo');
    return null;
  });
  const canApply = computed(() => applyBlockedReason.value === null && !applyJob.busy);

  /** Main did not send the last address (its reason is in applyJob.errorText). */
  const applyRefused = computed(() => !!applyJob.error && REFUSED_BEFORE_SENDING.includes(applyJob.error.code));
  /** The last change stopped or failed on the way (not a refusal before sending). */
  const applyBroken = computed(() => !!applyJob.error && !applyRefused.value);
  const needsLogin = computed(() => !!applyJob.error && LOGIN_NEEDED_CODES.includes(applyJob.error.code));
  /** Main named warnings about the last address sent: they wait for the user's yes. */
  const needsWarningYes = computed(() => applyJob.error?.code === WARNINGS_UNCONFIRMED_CODE && !!lastSent.value);

  return {
    inputProblems,
    planCurrent,
    errors,
    warnings,
    needsCheck,
    applyTarget,
    applyBlockedReason,
    canApply,
    applyRefused,
    applyBroken,
    needsLogin,
    needsWarningYes,
  };
}
