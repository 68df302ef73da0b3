// How the UPnP page says things: a mapping's lease and its outside side, the router's UPnP gateway, and what a
// deletion came to. Plain words only (upnp.* in the catalogue); no command lines.
import type { UpnpAudit, UpnpMapping } from '../../../shared/domain/upnp';
import type { DeletionOutcome } from '../../stores/upnp';
import { t } from '../../composables/useT';

type Tone = 'neutral' | 'info' | 'ok' | 'warn' | 'danger' | 'muted';

const DELETION_TONE: Record<DeletionOutcome, Tone> = {
  gone: 'ok',
  'not-gone': 'danger',
  refused: 'danger',
  'not-sent': 'muted',
};

/** What a deletion came to, as its badge says it: “Gone”, “NOT GONE”, “Refused”, “Not sent”. */
export function deletionView(outcome: DeletionOutcome): { label: string; tone: Tone } {
  return { label: t(`upnp.deletion.${outcome}`), tone: DELETION_TONE[outcome] };
}

/** "45 s", "10 min", "3 h", "7 days". */
export function duration(s: number): string {
  if (s < 120) return t('upnp.duration.seconds', { count: s });
  if (s < 7200) return t('upnp.duration.minutes', { count: Math.round(s / 60) });
  if (s < 172_800) return t('upnp.duration.hours', { count: Math.round(s / 3600) });
  return t('upnp.duration.days', { count: Math.round(s / 86_400) });
}

/** "never expires", "expires in 7 days". */
export function leaseWords(seconds: number): string {
  return seconds === 0 ? t('upnp.lease.never') : t('upnp.lease.expiresIn', { duration: duration(seconds) });
}

/** "TCP 8000". */
export const mappingName = (m: Pick<UpnpMapping, 'protocol' | 'externalPort'>): string =>
  `${m.protocol} ${m.externalPort}`;

/** The router's UPnP gateway in a line: its name, maker and model as it gives them, and the IGD version. */
export function igdWords(igd: UpnpAudit['igd']): string {
  if (!igd) return t('upnp.igd.none');
  const model = [igd.manufacturer, igd.modelName].filter(Boolean).join(' ');
  const name = igd.friendlyName ? t('upnp.igd.name', { name: igd.friendlyName }) : '';
  return [name, model && name ? `(${model})` : model, t('upnp.igd.version', { version: String(igd.igdVersion) })]
    .filter(Boolean)
    .join(' ');
}

/** NAT-PMP at the router: whether it answered, and the external address it gave. */
export function natPmpWords(natPmp: UpnpAudit['natPmp']): string {
  if (!natPmp.present) return t('upnp.natPmp.none');
  const address = natPmp.externalAddress;
  if (natPmp.pcp) return address ? t('upnp.natPmp.answersAtPcp', { address }) : t('upnp.natPmp.answersPcp');
  return address ? t('upnp.natPmp.answersAt', { address }) : t('upnp.natPmp.answers');
}
