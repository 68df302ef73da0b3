// A device of the setup record as the topology's tests build them.
import type { SetupRecord } from '../../../../src/shared/domain/setup';

export type Device = SetupRecord['devices'][number];
/** A device found on the LAN: its id, address, name, brand and model; the rest empty. */
export const device = (
  id: string,
  address: string | null,
  name: string | null,
  brand: string | null = null,
  model: string | null = null,
) =>
  ({
    id,
    addresses: address ? [address] : [],
    mac: null,
    brand,
    brandSource: null,
    model,
    name,
    firmware: null,
    serial: null,
    sources: [],
    onvifUrl: null,
    endpoint: null,
    ports: {},
    dhcp: null,
    activated: null,
    upnp: false,
    notes: [],
    interfaceName: 'eth0',
    lastSeenAt: '2026-12-05T10:00:00Z',
  }) as unknown as Device;
