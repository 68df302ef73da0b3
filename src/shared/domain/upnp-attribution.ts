// The UPnP audit's attribution: which known device each port mapping opens, what that port is on it (its Ports
// measurement, else what it declared), whether it is a camera or recorder, and one line per mapping in plain words.
// Pure; used by upnp-findings.ts (judgeUpnp) and the UPnP service.
import { ROLE_LABELS, type PortRole } from '../catalog/ports';
import type { Said } from '../i18n/said';
import type { DiscoveredDevice } from './device';
import type { PortReport } from './ports';
import type { UpnpMapping } from './upnp';

/** A mapping as the router lists it, before it is attributed. */
export type RawUpnpMapping = Omit<UpnpMapping, 'device' | 'camera' | 'service'>;

export interface AttributionContext {
  devices: readonly DiscoveredDevice[];
  /** The chosen NVR's id, if one is chosen. */
  nvrId: string | null;
  /** The Ports measurements by device id. */
  portReports: Readonly<Record<string, PortReport | null | undefined>>;
}

/** Which known device sits at `address` (the first listed), if any. */
function deviceAt(devices: readonly DiscoveredDevice[], addr: string): DiscoveredDevice | undefined {
  return devices.find((d) => d.addresses.includes(addr));
}

/**
 * What port `p` is on `device`: its Ports measurement's row, else the role the device declared for it. Said by key
 * where it is a port's name (ROLE_LABELS is the catalogue's `ports.role`), as long as the English fits whole.
 */
function serviceOn(
  device: DiscoveredDevice,
  p: number,
  reports: AttributionContext['portReports'],
): { service: string | null; serviceSaid?: Said } {
  const row = reports[device.id]?.rows.find((r) => r.port === p && r.state === 'open');
  const role = row?.role ?? Object.entries(device.ports).find(([, v]) => v === p)?.[0];
  const named = role !== undefined && Object.hasOwn(ROLE_LABELS, role);
  const label = role ? (named ? ROLE_LABELS[role as PortRole] : role) : (row?.service ?? null);
  if (!label) return { service: null };
  const whole = row?.product ? `${label} (${row.product})` : label;
  const service = whole.slice(0, 120);
  if (!named || service !== whole) return { service };
  const name = { key: `ports.role.${role}` };
  return {
    service,
    serviceSaid: row?.product
      ? { key: 'ports.said.purpose.roleProduct', params: { role: name, product: row.product } }
      : name,
  };
}

/** The model first (a device's own name often carries its serial number), else its name, else brand and address. */
const deviceName = (d: DiscoveredDevice) =>
  (d.model || d.name || [d.brand, d.addresses[0]].filter(Boolean).join(' ') || d.id).slice(0, 200);

/** The protocols only recorders and cameras speak. */
const CAMERA_SOURCES: ReadonlySet<string> = new Set(['onvif', 'sadp', 'dhip']);

/**
 * A recorder or camera: the chosen NVR, a device that answered a camera protocol (ONVIF, SADP, DHIP), or one whose
 * brand the search recognised (the brands it knows are camera makers).
 */
function isCamera(device: DiscoveredDevice, nvrId: string | null): boolean {
  return device.id === nvrId || device.sources.some((s) => CAMERA_SOURCES.has(s)) || device.brand !== null;
}

/**
 * Each mapping with the known device at its internal address, whether that is the NVR or a camera, and what the
 * internal port is there.
 */
export function attributeMappings(mappings: readonly RawUpnpMapping[], ctx: AttributionContext): UpnpMapping[] {
  return mappings.map((m) => {
    const device = deviceAt(ctx.devices, m.internalClient);
    return {
      ...m,
      device: device ? { id: device.id, name: deviceName(device), brand: device.brand } : null,
      camera: device ? isCamera(device, ctx.nvrId) : false,
      ...(device ? serviceOn(device, m.internalPort, ctx.portReports) : { service: null }),
    };
  });
}

/** One line for a mapping: "TCP 8000 → 192.168.1.64:8000 (Hikvision SDK), never expires". */
export function describeMapping(
  m: Pick<
    UpnpMapping,
    'protocol' | 'externalPort' | 'internalClient' | 'internalPort' | 'description' | 'leaseSeconds' | 'remoteHost'
  >,
): string {
  const from = m.remoteHost ? ` from ${m.remoteHost} only` : '';
  const label = m.description ? ` “${m.description}”` : '';
  const lease = m.leaseSeconds === 0 ? 'never expires' : `expires in ${formatDuration(m.leaseSeconds)}`;
  return `${m.protocol} ${m.externalPort} → ${m.internalClient}:${m.internalPort}${label}${from}, ${lease}`.slice(
    0,
    300,
  );
}

function formatDuration(s: number): string {
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}
