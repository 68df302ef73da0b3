import { z } from 'zod';
import {
  RECHECK_MAX_S,
  WATCH_MAX_S,
  upnpAuditSchema,
  upnpDeleteResultSchema,
  upnpProtocolSchema,
  upnpRecheckSchema,
  upnpWatchResultSchema,
} from '../domain/upnp';
import { defineStep } from './define';
import { jobStarted, noInput } from './fields';

const { jobId } = jobStarted.shape;

/** The delay computed at the last deletion (s), and the last timed re-check. */
const recheckAfterS = z.number().int().min(1).max(RECHECK_MAX_S).nullable();

/** "UPnP": what the router's UPnP and NAT-PMP opened to the internet, for which device, and closing it. */
export const upnpStep = defineStep({
  id: 'upnp',
  title: 'UPnP',
  available: true,
  invoke: {
    /** Ask the router (the default gateway only): its IGD, external address, every port mapping, NAT-PMP (a job). */
    'upnp.audit': { input: noInput, output: jobStarted },
    /** The last audit, the deletions made (newest first), the delay and the last re-check (the setup record's). */
    'upnp.get': {
      input: noInput,
      output: z.object({
        audit: upnpAuditSchema.nullable(),
        deleted: upnpDeleteResultSchema.shape.deletions.nullable(),
        recheckAfterS: recheckAfterS.optional(),
        recheck: upnpRecheckSchema.nullable().optional(),
      }),
    },
    /** Delete the chosen mappings through UPnP, then read the list again to prove they are gone (a job). */
    'upnp.delete': {
      input: z
        .object({
          mappings: z
            .array(
              z.object({ protocol: upnpProtocolSchema, externalPort: z.number().int().min(1).max(65535) }).strict(),
            )
            .min(1)
            .max(32),
        })
        .strict(),
      output: jobStarted,
    },
    /**
     * The timed re-check (a job): waits `seconds` (default: the delay computed at the last deletion), reporting the
     * seconds left as job progress (done = seconds waited, total = the wait), then reads the router's list again and
     * names each mapping proven gone earlier that is listed again (upnp.onWatched). Refused (BAD_REQUEST) when no
     * deleted mapping is on record. Cancel with job.cancel: nothing is read or saved then.
     */
    'upnp.watch': {
      input: z.object({ seconds: z.number().int().min(1).max(WATCH_MAX_S).optional() }).strict(),
      output: jobStarted.extend({ seconds: z.number().int().min(1).max(WATCH_MAX_S) }),
    },
  },
  events: {
    'upnp.onAudit': z.object({ jobId, audit: upnpAuditSchema }),
    'upnp.onDeleted': z.object({ jobId, result: upnpDeleteResultSchema }),
    'upnp.onWatched': z.object({ jobId, result: upnpWatchResultSchema }),
  },
  jobs: ['upnp-audit', 'upnp-delete', 'upnp-watch'],
  record: {
    version: 2,
    shape: {
      /**
       * The UPnP step: the last audit and the deletions made, newest first (a mapping listed again came back); the
       * re-check delay computed at the last deletion, and the last timed re-check (when, and what came back).
       */
      upnp: z.object({
        audit: upnpAuditSchema.nullable().default(null),
        deleted: upnpDeleteResultSchema.shape.deletions.nullable().default(null),
        recheckAfterS: recheckAfterS.default(null),
        recheck: upnpRecheckSchema.nullable().default(null),
      }),
    },
    empty: () => ({ upnp: { audit: null, deleted: null, recheckAfterS: null, recheck: null } }),
    migrations: {
      // v2 adds the re-check: none made yet.
      2: (record) => {
        const upnp = record.upnp;
        if (!upnp || typeof upnp !== 'object' || Array.isArray(upnp)) return record;
        return { ...record, upnp: { ...upnp, recheckAfterS: null, recheck: null } };
      },
    },
  },
});
