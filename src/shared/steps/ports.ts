import { z } from 'zod';
import {
  editableRoleSchema,
  onvifRoleSchema,
  portApplyResultSchema,
  portPendingChangeSchema,
  portPlanSchema,
  portReportSchema,
} from '../domain/ports';
import { defineStep } from './define';
import { deviceId, jobId, jobStarted, perDeviceRecord } from './fields';

/** At most this many devices keep a Ports entry in the record. */
export const MAX_PORTS_ENTRIES = 64;

/** The Ports step for one device: the last measurement, the plan, the last change and an unfinished one. */
export const devicePortsSchema = z.object({
  report: portReportSchema.nullable(),
  plan: portPlanSchema.nullable(),
  lastChange: portApplyResultSchema.nullable(),
  /** A change started and not finished (absent in records written before it existed: null). */
  pending: portPendingChangeSchema.nullable().default(null),
});
export type DevicePorts = z.infer<typeof devicePortsSchema>;

/** "Ports": what answers on each port, the plan of non-standard ports, and changes through ONVIF. */
export const portsStep = defineStep({
  id: 'ports',
  title: 'Ports',
  available: true,
  invoke: {
    /** Measure the chosen device's ports (a job): the catalogue audit, or with `full` every port 1–65535. */
    'ports.audit': {
      input: z.object({ deviceId, full: z.boolean().optional() }).strict(),
      output: jobStarted,
    },
    /** The last measurement, plan and change for a device (kept in the setup record), and a change left unfinished. */
    'ports.get': {
      input: z.object({ deviceId }).strict(),
      output: z.object({
        report: portReportSchema.nullable(),
        plan: portPlanSchema.nullable(),
        lastChange: portApplyResultSchema.nullable(),
        pending: portPendingChangeSchema.nullable(),
      }),
    },
    /** Proposes non-standard ports, or checks the user's edited ones (`edits` by role). */
    'ports.plan': {
      input: z
        .object({
          deviceId,
          edits: z.partialRecord(editableRoleSchema, z.number().int().min(1).max(65535)).optional(),
        })
        .strict(),
      output: portPlanSchema,
    },
    /** Moves HTTP/HTTPS/RTSP through ONVIF SetNetworkProtocols (a job): snapshot, apply, verify, restore on failure. */
    'ports.apply': {
      input: z
        .object({
          deviceId,
          changes: z
            .array(z.object({ role: onvifRoleSchema, to: z.number().int().min(1).max(65535) }).strict())
            .min(1)
            .max(3),
          /**
           * The user's yes to a change the app would not have proposed (a well-known or ephemeral port, another
           * brand's default): without it such a change is refused (PORTS_CHANGE_UNCONFIRMED); errors are refused always.
           */
          confirmWarnings: z.boolean().optional(),
          /**
           * Move each port on its own, keeping what the device takes (after it refused a combined change): the part
           * it accepts moves, the rest stays, and the result (`partial`) says what that means for forwarding.
           */
          oneAtATime: z.boolean().optional(),
        })
        .strict(),
      output: jobStarted,
    },
  },
  events: {
    'ports.onReport': z.object({ jobId, report: portReportSchema }),
    'ports.onApplied': z.object({ jobId, result: portApplyResultSchema }),
  },
  jobs: ['ports-audit', 'ports-apply'],
  /** The Ports step, by device id. */
  record: perDeviceRecord('ports', devicePortsSchema, MAX_PORTS_ENTRIES),
});
