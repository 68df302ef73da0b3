// How the UPnP page says things: a mapping's lease and its outside side, the router's UPnP gateway, and what a
// deletion came to. Plain words only; no command lines.
import type { UpnpAudit, UpnpMapping } from '../../../shared/domain/upnp';
import type { DeletionOutcome } from '../../stores/upnp';

type Tone = 'neutral' | 'info' | 'ok' | 'warn' | 'danger' | 'muted';

export const DELETION_VIEW: Record<DeletionOutcome, { label: string; tone: Tone }> = {
  gone: { label: 'Gone', tone: 'ok' },
  'not-gone': { label: 'NOT GONE', tone: 'danger' },
  refused: { label: 'Refused', tone: 'danger' },
  'not-sent': { label: 'Not sent', tone: 'muted' },
};

/** What 606 means for the user, and what to do instead. */
export const NOT_AUTHORIZED_WORDS =
  'This router lets each device delete only the mappings it opened itself, so the app cannot delete this one for it. ' +
  'Turn UPnP off on that device (in its network settings), then remove the mapping on the router’s own page ' +
  '(often under “UPnP” or “NAT”).';

/** "45 s", "10 min", "3 h", "7 days". */
export function duration(s: number): string {
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}

/** "never expires", "expires in 7 days". */
export function leaseWords(seconds: number): string {
  return seconds === 0 ? 'never expires' : `expires in ${duration(seconds)}`;
}

/** "TCP 8000". */
export const mappingName = (m: Pick<UpnpMapping, 'protocol' | 'externalPort'>): string =>
  `${m.protocol} ${m.externalPort}`;

/** The router's UPnP gateway in a line: its name, maker and model as it gives them, and the IGD version. */
export function igdWords(igd: UpnpAudit['igd']): string {
  if (!igd) return 'no UPnP gateway answered';
  const model = [igd.manufacturer, igd.modelName].filter(Boolean).join(' ');
  const name = igd.friendlyName ? `“${igd.friendlyName}”` : '';
  return [name, model && name ? `(${model})` : model, `UPnP IGD ${igd.igdVersion}`].filter(Boolean).join(' ');
}

/** NAT-PMP at the router: whether it answered, and the external address it gave. */
export function natPmpWords(natPmp: UpnpAudit['natPmp']): string {
  if (!natPmp.present) return 'no answer (off)';
  const words = natPmp.externalAddress ? `answers (external address ${natPmp.externalAddress})` : 'answers';
  return natPmp.pcp ? `${words}; PCP answers too` : words;
}
