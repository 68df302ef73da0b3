import { z } from 'zod';
// The shapes only (the rules that make the words load the whole English catalogue: main's, never the pages').
import { securityResultSchema } from '../domain/security-model';
import { defaultCheckSchema, defaultsRecordSchema } from '../domain/security-defaults-shapes';
import { httpsOnRecordSchema, httpsOnResultSchema } from '../domain/security-https-on-shapes';
import { passwordStrengthSchema } from '../domain/security-password-shapes';
import { passwordChangeRecordSchema, passwordChangeResultSchema } from '../domain/security-password-change-shapes';
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
    /** The last check and the last default-password check of the chosen NVR (null: none made yet). */
    'security.get': {
      input: noInput,
      output: z.object({
        last: securityResultSchema.nullable(),
        defaults: defaultCheckSchema.nullable().default(null),
        /** The last password change of the chosen NVR (an unfinished one is reported as such; null: none). */
        passwordChange: passwordChangeResultSchema.nullable().default(null),
        /** The last "turn HTTPS on" of the chosen NVR (an unfinished one is reported as such; null: none). */
        httpsOn: httpsOnResultSchema.nullable().default(null),
      }),
    },
    /**
     * How strong a password is (the app's rule and the estimator, in main): the password is in this call only —
     * never saved, logged or returned. `user` is the login's name, which the password must not lean on.
     */
    'security.password': {
      input: z.object({ password: z.string().min(1).max(256), user: z.string().max(64).optional() }).strict(),
      output: passwordStrengthSchema,
    },
    /**
     * With the user's consent: whether the chosen NVR still accepts its vendor's factory login — at most one
     * attempt per known default and 2 per 30 minutes, stopping at a refusal unless `tryNext`, and at any sign of a
     * lockout. The result is kept (and the Security check made again, so the finding shows).
     */
    'security.checkDefaults': {
      input: z.object({ consent: z.literal(true), tryNext: z.boolean().default(false) }).strict(),
      output: z.object({ check: defaultCheckSchema, result: securityResultSchema }),
    },
    /**
     * With the user's yes: changes the ONVIF user's password on the chosen NVR (ONVIF SetUser), verified by a new login
     * with the new password, and the old one put back (and proven by a login with it) when that login fails. The new
     * password must pass the app's strength rule. `user` and `current` default to the login main keeps for the NVR.
     * The passwords are in this call only: never saved in the record, logged or returned; the new one replaces the
     * kept login once verified.
     */
    'security.setPassword': {
      input: z
        .object({
          consent: z.literal(true),
          next: z.string().min(1).max(256),
          current: z.string().min(1).max(256).optional(),
          user: z.string().min(1).max(64).optional(),
        })
        .strict(),
      output: passwordChangeResultSchema,
    },
    /**
     * With the user's yes: turns the chosen NVR's HTTPS on (ONVIF SetNetworkProtocols, with the login main keeps),
     * verified by GetNetworkProtocols listing HTTPS enabled on its port and a TLS handshake on that port answering;
     * when that check fails, HTTPS is disabled again, as it was, and that is proven by GetNetworkProtocols.
     */
    'security.httpsOn': {
      input: z.object({ consent: z.literal(true) }).strict(),
      output: httpsOnResultSchema,
    },
  },
  record: {
    version: 4,
    shape: {
      /**
       * The Security step: the last check's result, with the time it was made; the default-password check's last
       * verdict and the attempts of the last 30 minutes (by candidate name, never a password); the last password
       * change's verdict and, while one runs, its pending record (user and time, never a password); the same for
       * turning the NVR's HTTPS on (its port and time).
       */
      security: z.object({
        last: securityResultSchema.nullable().default(null),
        defaults: defaultsRecordSchema.default({ last: null, attempts: [] }),
        passwordChange: passwordChangeRecordSchema.default({ last: null, pending: null }),
        httpsOn: httpsOnRecordSchema.default({ last: null, pending: null }),
      }),
    },
    empty: () => ({
      security: {
        last: null,
        defaults: { last: null, attempts: [] },
        passwordChange: { last: null, pending: null },
        httpsOn: { last: null, pending: null },
      },
    }),
    migrations: {
      // v2 adds the default-password check: none made yet.
      2: (record) => {
        const security = record.security;
        if (!security || typeof security !== 'object' || Array.isArray(security)) return record;
        return { ...record, security: { ...security, defaults: { last: null, attempts: [] } } };
      },
      // v3 adds the password change: none made yet.
      3: (record) => {
        const security = record.security;
        if (!security || typeof security !== 'object' || Array.isArray(security)) return record;
        return { ...record, security: { ...security, passwordChange: { last: null, pending: null } } };
      },
      // v4 adds turning HTTPS on: none made yet.
      4: (record) => {
        const security = record.security;
        if (!security || typeof security !== 'object' || Array.isArray(security)) return record;
        return { ...record, security: { ...security, httpsOn: { last: null, pending: null } } };
      },
    },
  },
});
