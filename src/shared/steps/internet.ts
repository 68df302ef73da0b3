import { z } from 'zod';
import { MAX_PUBLIC_HISTORY, publicAddressCheckSchema, publicAddressSeenSchema } from '../domain/public-address';
import { defineStep } from './define';
import { jobStarted, noInput } from './fields';

const { jobId } = jobStarted.shape;
const stunServer = z.string().min(1).max(260);
const checkerUrl = z.string().min(1).max(300);

/** "Internet side": the public address, the router's WAN address, and the verdict (direct, double NAT, CGNAT). */
export const internetStep = defineStep({
  id: 'internet',
  title: 'Internet side',
  available: true,
  invoke: {
    /**
     * Ask the router (its UPnP/NAT-PMP WAN address), a STUN server and an echoip-compatible checker, then judge (a
     * job). Nothing is contacted before this. The servers given are kept for the next check.
     */
    'internet.check': {
      input: z.object({ stun: stunServer.optional(), checker: checkerUrl.optional() }).strict(),
      output: jobStarted,
    },
    /** The last check, the public addresses seen (newest first) and the servers the next check asks. */
    'internet.get': {
      input: noInput,
      output: z.object({
        check: publicAddressCheckSchema.nullable(),
        history: z.array(publicAddressSeenSchema).max(MAX_PUBLIC_HISTORY),
        servers: z.object({ stun: stunServer, checker: checkerUrl }),
      }),
    },
  },
  events: {
    'internet.onCheck': z.object({ jobId, check: publicAddressCheckSchema }),
  },
  jobs: ['internet-check'],
  record: {
    version: 1,
    shape: {
      /** The Internet step: the last check, every public address seen (newest first), the servers chosen. */
      internet: z.object({
        check: publicAddressCheckSchema.nullable().default(null),
        history: z.array(publicAddressSeenSchema).max(MAX_PUBLIC_HISTORY).default([]),
        stun: stunServer.nullable().default(null),
        checker: checkerUrl.nullable().default(null),
      }),
    },
    empty: () => ({ internet: { check: null, history: [], stun: null, checker: null } }),
  },
});
