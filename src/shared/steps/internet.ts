import { z } from 'zod';
import { outsideProofSchema } from '../domain/outside-proof';
import { MAX_PUBLIC_HISTORY, publicAddressCheckSchema, publicAddressSeenSchema } from '../domain/public-address-shapes';
import { defineStep } from './define';
import { jobStarted, noInput } from './fields';

const { jobId } = jobStarted.shape;
const stunServer = z.string().min(1).max(260);
const checkerUrl = z.string().min(1).max(300);
/** A DDNS name to prove instead of the public address. */
const hostName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9]([A-Za-z0-9-]{0,62}\.)*[A-Za-z0-9-]{1,63}\.?$/);

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
    /**
     * The proof from outside (a job, progress per port, cancellable): the checker (given, else the one chosen
     * before, else the default) asks `/port/N` for every planned rule and every port that must not be reachable,
     * then a hairpin connect from inside. Nothing is contacted before this.
     */
    'internet.prove': {
      input: z.object({ checker: checkerUrl.optional(), host: hostName.optional() }).strict(),
      output: jobStarted,
    },
    /** The last check, the public addresses seen (newest first) and the servers the next check asks. */
    'internet.get': {
      input: noInput,
      output: z.object({
        check: publicAddressCheckSchema.nullable(),
        /** The last proof from outside (absent from older mains). */
        proof: outsideProofSchema.nullable().optional(),
        history: z.array(publicAddressSeenSchema).max(MAX_PUBLIC_HISTORY),
        servers: z.object({ stun: stunServer, checker: checkerUrl }),
      }),
    },
  },
  events: {
    'internet.onCheck': z.object({ jobId, check: publicAddressCheckSchema }),
    'internet.onProof': z.object({ jobId, proof: outsideProofSchema }),
  },
  jobs: ['internet-check', 'internet-prove'],
  record: {
    version: 2,
    shape: {
      /**
       * The Internet step: the last check, every public address seen (newest first), the servers chosen, the last
       * proof from outside.
       */
      internet: z.object({
        check: publicAddressCheckSchema.nullable().default(null),
        history: z.array(publicAddressSeenSchema).max(MAX_PUBLIC_HISTORY).default([]),
        stun: stunServer.nullable().default(null),
        checker: checkerUrl.nullable().default(null),
        proof: outsideProofSchema.nullable().default(null),
      }),
    },
    empty: () => ({ internet: { check: null, history: [], stun: null, checker: null, proof: null } }),
    migrations: {
      // v2 adds the proof from outside: none made yet.
      2: (record) => {
        const internet = record.internet;
        if (!internet || typeof internet !== 'object' || Array.isArray(internet)) return record;
        return { ...record, internet: { ...internet, proof: null } };
      },
    },
  },
});
