import { z } from 'zod';
import { discoveredDeviceSchema } from '../domain/device';
import { defineStep } from './define';
import { jobId, noInput } from './fields';

/** "Find your NVR": discovery by every protocol, manual add, the list of devices and the chosen NVR. */
export const findStep = defineStep({
  id: 'find',
  title: 'Find your NVR',
  available: true,
  invoke: {
    'discovery.start': {
      input: z.object({ interfaceName: z.string().min(1).max(64).optional(), sweep: z.boolean().optional() }).strict(),
      output: z.object({ jobId, interfaceName: z.string() }),
    },
    'discovery.listen': {
      input: z.object({ interfaceName: z.string().min(1).max(64).optional() }).strict(),
      output: z.object({ jobId, interfaceName: z.string() }),
    },
    'discovery.addManual': {
      input: z
        .object({ host: z.string().min(1).max(253), port: z.number().int().min(1).max(65535).optional() })
        .strict(),
      output: z.object({ device: discoveredDeviceSchema }),
    },
    'discovery.list': {
      input: noInput,
      output: z.object({
        devices: z.array(discoveredDeviceSchema),
        running: jobId.nullable(),
        interfaceName: z.string().nullable(),
        finishedAt: z.string().nullable(),
        warnings: z.array(z.string()),
        /** Devices whose login is remembered (encrypted by the system keychain); never the login itself. */
        rememberedDeviceIds: z.array(z.string()),
        /**
         * Devices whose login main holds now (in memory, remembered or not), so a page loaded again does not ask for
         * it twice; never the login itself.
         */
        loginKnownDeviceIds: z.array(z.string()).optional(),
      }),
    },
  },
  events: {
    'discovery.onDevice': z.object({ jobId, device: discoveredDeviceSchema }),
    'discovery.onWarning': z.object({ jobId, message: z.string().max(500) }),
  },
  jobs: ['discovery', 'discovery-listen'],
  record: {
    version: 1,
    shape: {
      /** The devices the last discovery found. */
      devices: z.array(discoveredDeviceSchema).max(512),
      /** The NVR the user picked: the subject of every later step. */
      nvr: z.object({ deviceId: z.string(), device: discoveredDeviceSchema, chosenAt: z.string() }).nullable(),
    },
    empty: () => ({ devices: [], nvr: null }),
  },
});
