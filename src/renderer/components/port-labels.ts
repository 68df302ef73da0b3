import { ROLE_LABELS, type NeededOutside, type PortRole, type RiskLevel } from '../../shared/catalog/ports';
import type { PortRow } from '../../shared/domain/ports';

/** How each identified service is named in the tables. */
export const SERVICE_LABELS: Record<PortRow['service'], string> = {
  http: 'Web page (HTTP)',
  https: 'Web page (HTTPS)',
  rtsp: 'Video streams (RTSP)',
  onvif: 'ONVIF',
  sdk: 'Maker’s app/SDK protocol',
  ssh: 'SSH (remote shell)',
  telnet: 'Telnet (remote shell, unencrypted)',
  ftp: 'FTP (file transfer)',
  unknown: 'Not identified',
};

/** "Needed outside?", said plainly. */
export const NEEDED_OUTSIDE_LABELS: Record<NeededOutside, string> = {
  yes: 'Yes',
  no: 'No',
  'only-with-vendor-app': 'Only for the maker’s phone app',
};

/** How each risk level is said and coloured. */
export const RISK_VIEW: Record<RiskLevel, { label: string; tone: 'ok' | 'info' | 'warn' | 'danger' }> = {
  none: { label: 'none', tone: 'ok' },
  low: { label: 'low', tone: 'info' },
  medium: { label: 'medium', tone: 'warn' },
  high: { label: 'high', tone: 'danger' },
};

export const DECLARED_BY_LABELS: Record<PortRow['declaredBy'][number], string> = {
  onvif: 'the NVR over ONVIF',
  sadp: 'the NVR’s Hikvision search answer (SADP)',
  dhip: 'the NVR’s Dahua search answer (DHIP)',
  discovery: 'the NVR’s discovery answer',
  catalogue: 'the maker’s usual ports (the app’s catalogue)',
};

export function roleLabel(role: PortRole | null | undefined): string {
  return role ? ROLE_LABELS[role] : '—';
}

/** "80, 443 and 554". */
export function listPorts(ports: readonly number[]): string {
  const items = ports.map(String);
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
