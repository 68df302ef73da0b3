import { z } from 'zod';
import { upnpAuditSchema, upnpDeleteResultSchema, upnpProtocolSchema } from '../domain/upnp';
import { defineStep } from './define';
import { jobStarted, noInput } from './fields';

const { jobId } = jobStarted.shape;

/** "UPnP": what the router's UPnP and NAT-PMP opened to the internet, for which device, and closing it. */
export const upnpStep = defineStep({
  id: 'upnp',
  title: 'UPnP',
  available: true,
  invoke: {
    /** Ask the router (the default gateway only): its IGD, external address, every port mapping, NAT-PMP (a job). */
    'upnp.audit': { input: noInput, output: jobStarted },
    /** The last audit and the deletions made (newest first; kept in the setup record). */
    'upnp.get': {
      input: noInput,
      output: z.object({
        audit: upnpAuditSchema.nullable(),
        deleted: upnpDeleteResultSchema.shape.deletions.nullable(),
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
  },
  events: {
    'upnp.onAudit': z.object({ jobId, audit: upnpAuditSchema }),
    'upnp.onDeleted': z.object({ jobId, result: upnpDeleteResultSchema }),
  },
  jobs: ['upnp-audit', 'upnp-delete'],
  record: {
    version: 1,
    shape: {
      /** The UPnP step: the last audit and the deletions made, newest first (a mapping listed again came back). */
      upnp: z.object({
        audit: upnpAuditSchema.nullable().default(null),
        deleted: upnpDeleteResultSchema.shape.deletions.nullable().default(null),
      }),
    },
    empty: () => ({ upnp: { audit: null, deleted: null } }),
  },
});
