import { z } from 'zod';

export const DEVICE_SOURCES = ['onvif', 'ssdp', 'sadp', 'dhip', 'sweep', 'manual'] as const;
export const deviceSourceSchema = z.enum(DEVICE_SOURCES);
export type DeviceSource = z.infer<typeof deviceSourceSchema>;

/** One box on the LAN, merged from every protocol that found it. Device data is untrusted: all strings bounded. */
export const discoveredDeviceSchema = z.object({
  /** Stable within a discovery: derived from the first identity we learned (MAC, endpoint, serial or address). */
  id: z.string().max(300),
  addresses: z.array(z.string().max(45)).max(16),
  mac: z.string().max(17).nullable(),
  brand: z.string().max(100).nullable(),
  /** Where the brand came from: scopes, sadp, dhip, ssdp, oui, banner. */
  brandSource: z.string().max(20).nullable(),
  model: z.string().max(200).nullable(),
  name: z.string().max(200).nullable(),
  firmware: z.string().max(200).nullable(),
  serial: z.string().max(200).nullable(),
  sources: z.array(deviceSourceSchema),
  /** ONVIF device-service URL (only ever on the interface's subnet). */
  onvifUrl: z.string().max(300).nullable(),
  endpoint: z.string().max(300).nullable(),
  /** Ports the device itself declared (SADP, DHIP, XAddr), by role. */
  ports: z.record(z.string().max(20), z.number().int().min(1).max(65535)),
  dhcp: z.boolean().nullable(),
  activated: z.boolean().nullable(),
  /** The device advertises itself over UPnP/SSDP (often a sign its own UPnP port mapping is on). */
  upnp: z.boolean(),
  /** Plain-words remarks (e.g. an address we refused to follow). */
  notes: z.array(z.string().max(300)).max(20),
  interfaceName: z.string().max(64),
  lastSeenAt: z.string(),
});
export type DiscoveredDevice = z.infer<typeof discoveredDeviceSchema>;
