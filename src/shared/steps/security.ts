import { z } from 'zod';
import { securityResultSchema } from '../domain/security';
import { passwordStrengthSchema } from '../domain/security-password';
import { defineStep } from './define';
import { noInput } from './fields';

/**
 * "Security": the findings judged from what the other steps recorded (the NVR's firmware against known critical
 * vulnerabilities, risky services and HTTPS from Ports, UPnP, the exposure planned and proven, the VPN), each with
 * what fixing it is worth, and a score. Nothing is measured on the network: the check reads the setup record. The
 * last check is kept with its time (a measurement of the record as it was then).
 */
export const securityStep = defineStep({
  id: 'security',
  title: 'Security',
  available: true,
  invoke: {
    /** Judge the setup record as it is now, keep the result as the last check and set the step's status. */
    'security.check': { input: noInput, output: securityResultSchema },
    /** The last check (null: none made yet). */
    'security.get': { input: noInput, output: z.object({ last: securityResultSchema.nullable() }) },
    /**
     * How strong a password is (the app's rule and the estimator, in main): the password is in this call only —
     * never saved, logged or returned. `user` is the login's name, which the password must not lean on.
     */
    'security.password': {
      input: z.object({ password: z.string().min(1).max(256), user: z.string().max(64).optional() }).strict(),
      output: passwordStrengthSchema,
    },
  },
  record: {
    version: 1,
    shape: {
      /** The Security step: the last check's result, with the time it was made. */
      security: z.object({ last: securityResultSchema.nullable().default(null) }),
    },
    empty: () => ({ security: { last: null } }),
  },
});
