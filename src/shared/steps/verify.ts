import { z } from 'zod';
// The shapes, not the rules: the pages load this contract, and the rules say their words with the whole catalogue.
import { verifyResultSchema } from '../domain/verify-shapes';
import { defineStep } from './define';
import { jobStarted, noInput } from './fields';

const { jobId } = jobStarted.shape;
const checkerUrl = z.string().min(1).max(300);

/**
 * "Verify": every check that needs no password run again against the saved setup (the NVR's address and ports, the
 * router's UPnP mappings, the public address, the DDNS name, what the outside reaches), and what drifted since.
 */
export const verifyStep = defineStep({
  id: 'verify',
  title: 'Verify',
  available: true,
  invoke: {
    /**
     * Re-check everything (a job, progress per stage, cancellable): each check against what its step saved. The
     * checker (given, else the Internet step's, else the default) is asked only when a proof from outside is saved.
     * Nothing saved by the other steps changes: only this step's last result and status.
     */
    'verify.run': { input: z.object({ checker: checkerUrl.optional() }).strict(), output: jobStarted },
    /** The last verification (null: none yet). */
    'verify.get': { input: noInput, output: z.object({ last: verifyResultSchema.nullable() }) },
  },
  events: {
    'verify.onResult': z.object({ jobId, result: verifyResultSchema }),
  },
  jobs: ['verify-run'],
  record: {
    version: 1,
    shape: {
      /** The Verify step: the last verification (each check's finding and the outcome). */
      verify: z.object({ last: verifyResultSchema.nullable().default(null) }),
    },
    empty: () => ({ verify: { last: null } }),
  },
});
