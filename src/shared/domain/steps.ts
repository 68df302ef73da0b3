import { z } from 'zod';
import { findStep } from '../steps/find';
import { networkStep } from '../steps/network';
import { portsStep } from '../steps/ports';
import { staticIpStep } from '../steps/static-ip';
import { rulesStep } from '../steps/rules';
import { upnpStep } from '../steps/upnp';
import { ddnsStep } from '../steps/ddns';
import { internetStep } from '../steps/internet';
import { vpnStep } from '../steps/vpn';
import { checklistStep } from '../steps/checklist';
import { verifyStep } from '../steps/verify';
import { securityStep } from '../steps/security';

export { STEP_STATUSES, stepStateSchema, stepStatusSchema, type StepState, type StepStatus } from './step-state';

/**
 * Every wizard step, in order: THE list. A step with a page is defined in src/shared/steps/<id>.ts (its slice of the
 * contract and of the setup record) and has a main feature (src/main/features/<id>/) and a page
 * (src/renderer/steps/<id>/), both found by their folder; the others are planned and shown as such.
 */
export const STEPS = [
  networkStep,
  findStep,
  staticIpStep,
  portsStep,
  securityStep,
  upnpStep,
  internetStep,
  ddnsStep,
  rulesStep,
  vpnStep,
  verifyStep,
  checklistStep,
] as const;

export type StepId = (typeof STEPS)[number]['id'];
export const STEP_IDS = STEPS.map((s) => s.id) as [StepId, ...StepId[]];
export const stepIdSchema = z.enum(STEP_IDS);

/** The steps that bring something to the contract or the record (the available ones). */
export type DefinedStep = Extract<(typeof STEPS)[number], { available: true }>;
