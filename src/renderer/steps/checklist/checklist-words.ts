import type { StepId } from '../../../shared/domain/steps';
import { t } from '../../composables/useT';

/** Each step's key in `checklist.todo.how` (a step id with a dash is not a key). */
const HOW_KEYS = {
  network: 'network',
  find: 'find',
  'static-ip': 'staticIp',
  ports: 'ports',
  security: 'security',
  upnp: 'upnp',
  internet: 'internet',
  ddns: 'ddns',
  rules: 'rules',
  vpn: 'vpn',
  verify: 'verify',
  checklist: 'checklist',
} as const satisfies Partial<Record<StepId, string>>;

/**
 * What to do for a step the checklist lists as to do, in a line: where to go and what finishes it. A step not listed
 * here (a new one) says to open its page, by its title: adding a step needs no edit here.
 */
export function todoHow(step: string, title: string): string {
  const key = HOW_KEYS[step as keyof typeof HOW_KEYS];
  return key ? t(`checklist.todo.how.${key}`) : t('checklist.todo.openStep', { title });
}

const ADDRESS_KINDS = ['static', 'reserved', 'dhcp', 'unknown'] as const;

/** How an NVR's address is kept, in words (an unknown kind as it came). */
export function addressKindWords(kind: string): string {
  return (ADDRESS_KINDS as readonly string[]).includes(kind)
    ? t(`checklist.done.addressKind.${kind as (typeof ADDRESS_KINDS)[number]}`)
    : kind;
}
