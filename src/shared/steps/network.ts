import { z } from 'zod';
import { networkReportSchema } from '../domain/network';
import { defineStep } from './define';
import { noInput } from './fields';

export const APPROACHES = ['vpn', 'port-forwarding', 'vendor-cloud'] as const;
export const approachSchema = z.enum(APPROACHES);
export type Approach = z.infer<typeof approachSchema>;

/** "Your network": this computer's interfaces, the one used to find devices, and the chosen approach. */
export const networkStep = defineStep({
  id: 'network',
  title: 'Your network',
  available: true,
  invoke: {
    'network.get': { input: noInput, output: networkReportSchema },
  },
  record: {
    version: 1,
    shape: {
      approach: approachSchema.nullable(),
      interfaceName: z.string().nullable(),
      /** The last measurement of the computer's network, with its time. */
      network: networkReportSchema.nullable(),
    },
    empty: () => ({ approach: null, interfaceName: null, network: null }),
  },
});
