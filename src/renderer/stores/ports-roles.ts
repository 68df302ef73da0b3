// The Ports step's vocabulary for the page and its store: which roles the user may edit or main moves through
// ONVIF, the changes Apply would make, and the check of a typed port number.

// The roles, defined once in the shared layer: the ones the user may edit, the ones main moves through ONVIF.
export { EDITABLE_ROLES, ONVIF_ROLES, type EditableRole, type OnvifRole } from '../../shared/domain/ports';
import { EDITABLE_ROLES, ONVIF_ROLES, type EditableRole, type OnvifRole } from '../../shared/domain/ports';
import { t } from '../composables/useT';

/** Error codes that mean "main has no login for the NVR": the page offers the login dialog. */
export const LOGIN_NEEDED_CODES: readonly string[] = ['PORTS_LOGIN_NEEDED'];
/** Main's refusal of ports it would not have proposed until the user says yes to them (its message names them). */
export const WARNINGS_UNCONFIRMED_CODE = 'PORTS_CHANGE_UNCONFIRMED';

/** One change the "Apply through ONVIF" button would make. */
export interface PendingChange {
  role: OnvifRole;
  from: number;
  to: number;
}

export const isEditableRole = (role: string): role is EditableRole =>
  (EDITABLE_ROLES as readonly string[]).includes(role);
export const isOnvifRole = (role: string): role is OnvifRole => (ONVIF_ROLES as readonly string[]).includes(role);

/**
 * Checks what the user typed for a port: a whole number from 1 to 65535 (main judges the rest). The error is said in
 * the page's language at the time.
 */
export function parsePortText(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const typed = text.trim();
  if (!typed) return { ok: false, error: t('ports.plan.enterPort') };
  if (!/^\d{1,5}$/.test(typed)) return { ok: false, error: t('ports.plan.wholeNumber') };
  const value = Number(typed);
  if (value < 1 || value > 65535) return { ok: false, error: t('ports.plan.outOfRange') };
  return { ok: true, value };
}
