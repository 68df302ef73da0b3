import { z } from 'zod';

export const interfaceKindSchema = z.enum(['loopback', 'wired', 'wireless', 'vpn', 'virtual', 'unknown']);
export type InterfaceKind = z.infer<typeof interfaceKindSchema>;

export const ipv4AddressSchema = z.object({
  address: z.string(),
  prefix: z.number().int().min(0).max(32),
  /** Network address with prefix, e.g. 192.168.1.0/24 */
  subnet: z.string(),
});

export const networkInterfaceSchema = z.object({
  name: z.string().min(1).max(64),
  kind: interfaceKindSchema,
  up: z.boolean(),
  mac: z.string().nullable(),
  ipv4: z.array(ipv4AddressSchema),
  /** Why this interface can or cannot be used for finding the NVR, in plain words. */
  usable: z.boolean(),
  note: z.string(),
});
export type NetworkInterface = z.infer<typeof networkInterfaceSchema>;

export const gatewaySchema = z.object({
  address: z.string(),
  interfaceName: z.string(),
});
export type Gateway = z.infer<typeof gatewaySchema>;

export const networkReportSchema = z.object({
  interfaces: z.array(networkInterfaceSchema),
  gateway: gatewaySchema.nullable(),
  /** The interface the app suggests for discovery, and why. */
  recommended: z.object({ interfaceName: z.string(), reason: z.string() }).nullable(),
  /** The interface the user chose (kept in the setup), if it still exists. */
  chosenInterface: z.string().nullable(),
  measuredAt: z.string(),
});
export type NetworkReport = z.infer<typeof networkReportSchema>;
