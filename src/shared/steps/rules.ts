import { z } from 'zod';
import { saidSchema } from '../i18n/said';
import { forwardPlanSchema, forwardWantsSchema } from '../domain/forward-plan-shapes';
import { PROXY_KINDS } from '../domain/reverse-proxy-shapes';
import { ROUTER_FAMILIES } from '../domain/rule-commands';
import { defineStep } from './define';
import { deviceId, noInput } from './fields';

/** "Router rules": the fewest port-forward rules for what the user wants, and the commands for their router. */
export const rulesStep = defineStep({
  id: 'rules',
  title: 'Router rules',
  available: true,
  invoke: {
    /**
     * Make the plan for the chosen NVR (or `deviceId`) from its Ports measurement: what to reach from outside and
     * the allowed source addresses are kept for next time when given.
     */
    'rules.plan': {
      input: z
        .object({
          deviceId: deviceId.optional(),
          wants: forwardWantsSchema.optional(),
          allow: z.array(z.string().max(40)).max(16).optional(),
        })
        .strict(),
      output: forwardPlanSchema,
    },
    /** The plan written for a router: commands for one with a command line, numbered steps with its values for the others. */
    'rules.commands': {
      input: z
        .object({
          family: z.enum(ROUTER_FAMILIES),
          wan: z.string().max(20).optional(),
          forwardChain: z.string().max(80).optional(),
        })
        .strict(),
      output: z.object({
        family: z.enum(ROUTER_FAMILIES),
        text: z.string().max(20_000),
        /** A web page's numbered steps by the catalogue's key (router-forwards.ts): for the user's language. */
        said: z.object({ header: saidSchema, steps: z.array(saidSchema).max(40) }).optional(),
      }),
    },
    /**
     * Instead of forwarding the NVR's web page: a reverse proxy (Caddy or nginx) on another computer of the LAN, in
     * front of the plan's web entry — its config and the numbered steps around it. Nothing is kept.
     */
    'rules.proxy': {
      input: z
        .object({
          kind: z.enum(PROXY_KINDS),
          host: z.string().max(260).optional(),
          user: z.string().max(40).optional(),
        })
        .strict(),
      output: z.object({
        kind: z.enum(PROXY_KINDS),
        path: z.string().max(200),
        text: z.string().max(20_000),
        steps: z.array(z.string().max(1000)).max(16),
        /** The steps by the catalogue's key (said.ts), one each: the page says them in the user's language. */
        said: z.object({ steps: z.array(saidSchema).max(16) }).optional(),
      }),
    },
    /** The last plan and the user's choices (kept in the setup record). */
    'rules.get': {
      input: noInput,
      output: z.object({
        plan: forwardPlanSchema.nullable(),
        wants: forwardWantsSchema,
        allow: z.array(z.string().max(18)).max(16),
      }),
    },
  },
  record: {
    version: 1,
    shape: {
      /** The Router rules step: what the user wants outside, the allowed sources, the last plan. */
      rules: z.object({
        wants: forwardWantsSchema.default({ web: true, app: true, video: false }),
        allow: z.array(z.string().max(18)).max(16).default([]),
        plan: forwardPlanSchema.nullable().default(null),
      }),
    },
    empty: () => ({ rules: { wants: { web: true, app: true, video: false }, allow: [], plan: null } }),
  },
});
