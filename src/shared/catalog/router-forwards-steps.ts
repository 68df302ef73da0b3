// The router families' forward steps in main's English (router-forwards.ts says them by key): main's side only, since
// it loads the whole catalogue (src/shared/i18n/english.ts), which the pages never load at once.
import { english } from '../i18n/english';
import { forwardStepsSaid, PORT_TRIGGERING, type ForwardPage, type StepRule } from './router-forwards';

/** Why port triggering does not fit an NVR, in English (see PORT_TRIGGERING). */
export const PORT_TRIGGERING_TEXT = english(PORT_TRIGGERING);

/**
 * Numbered steps with the plan's exact values for one family's forward page: where to go, each rule's fields, save;
 * a family that cannot limit sources says so when the plan has them.
 */
export function forwardSteps(page: ForwardPage, rules: readonly StepRule[]): string[] {
  return forwardStepsSaid(page, rules).map((s, i) => `${i + 1}. ${english(s)}`);
}
