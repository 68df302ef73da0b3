// Setup records for the Security tests: a chosen NVR of a brand and firmware, with a Ports measurement.
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import type { PortRow } from '../../../../src/shared/domain/ports';
import type { SetupRecord } from '../../../../src/shared/domain/setup';
import { portRow } from '../../../support/port-row';

export const AT = '2026-12-05T20:00:00.000Z';

export const nvrDevice = (brand: string, model: string, firmware: string): DiscoveredDevice => ({
  id: 'nvr-1',
  addresses: ['192.168.1.64'],
  mac: null,
  brand,
  brandSource: 'sadp',
  model,
  name: null,
  firmware,
  serial: null,
  sources: ['sadp'],
  onvifUrl: null,
  endpoint: null,
  ports: {},
  dhcp: null,
  activated: true,
  upnp: false,
  notes: [],
  interfaceName: 'eth0',
  lastSeenAt: AT,
});

export const HTTPS_AND_TELNET: PortRow[] = [
  portRow(443, 'https', { service: 'https' }),
  portRow(23, 'telnet', { service: 'telnet' }),
];

/** Puts `device` in `draft` as the chosen NVR, with `rows` as its Ports measurement. */
export function chooseNvr(draft: SetupRecord, device: DiscoveredDevice, rows: PortRow[] = HTTPS_AND_TELNET): void {
  draft.devices = [device];
  draft.nvr = { deviceId: device.id, device, chosenAt: AT };
  draft.ports[device.id] = {
    report: {
      deviceId: device.id,
      address: device.addresses[0]!,
      measuredAt: AT,
      full: false,
      rows,
      declaredButClosed: [],
      undeclaredOpen: [],
      onvifProtocols: null,
    },
    plan: null,
    lastChange: null,
    pending: null,
  };
}
