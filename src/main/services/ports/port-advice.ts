// The Ports step's advice on one port: what to do about it, from its judged row (role, service, risk, what was
// measured), said by key (`ports.said.advice`) with main's English sentence. Pure. The rest of a port's judgement is
// port-judgement.ts.
import type { PortRole } from '../../../shared/catalog/ports';
import type { PortRow } from '../../../shared/domain/ports';
import type { ports } from '../../../shared/i18n/en/ports';
import { english } from '../../../shared/i18n/english';
import { said, type Said } from '../../../shared/i18n/said';

/** Roles that only work on the home network. */
export const LAN_ONLY_ROLES: readonly PortRole[] = ['discovery', 'upnp', 'igd', 'nat-pmp'];

/** A piece of advice about a port, said by key (`ports.said.advice`). */
type Advice = keyof typeof ports.said.advice;
const advice = (which: Advice): Said => said(`ports.said.advice.${which}`);

/**
 * Plain words: what to do about this port. Each piece of advice agrees with the row's risk (a test holds every
 * role and service to it): advice that names a danger comes with a risk that says it, and advice to forward never
 * comes with a high risk.
 */
export function recommendationFor(
  row: Omit<PortRow, 'recommendation' | 'said'>,
  facts: { cveHistory?: boolean } = {},
): string {
  return english(recommendationSaid(row, facts));
}

/** What to do about this port (recommendationFor), said by key. */
export function recommendationSaid(
  row: Omit<PortRow, 'recommendation' | 'said'>,
  facts: { cveHistory?: boolean } = {},
): Said {
  if (row.state !== 'open') return advice(row.declaredBy.some((d) => d !== 'catalogue') ? 'declaredClosed' : 'closed');
  const role = row.role;
  const service = row.service;
  const high = row.risk.level === 'high';
  if (role === 'backdoor') return advice('backdoor');
  if (service === 'telnet' || role === 'telnet') return advice('telnet');
  if (service === 'ftp' || role === 'ftp') return advice('ftp');
  if (service === 'ssh' || role === 'ssh') return advice('ssh');
  if (role !== null && LAN_ONLY_ROLES.includes(role)) return advice('lanOnly');
  // A port whose role is ONVIF is the ONVIF service alone (ONVIF on the web port is named by the web page).
  if (role === 'onvif' || service === 'onvif') return advice('onvif');
  if (role === 'sdk' || role === 'media' || role === 'mobile' || service === 'sdk') {
    if (high && facts.cveHistory) return advice('sdkCve');
    if (high) return advice('sdkHigh');
    return advice('sdk');
  }
  // The device (or the catalogue) names a role, but nothing recognisable answered: say that, not the role's advice.
  if (service === 'unknown') return advice('unknown');
  if (service === 'http' || role === 'http') {
    if (row.adminUi && row.authRequired === false) return advice('httpNoLogin');
    if (!row.adminUi && service === 'http') return advice('httpNoPage');
    return row.isDefault ? advice('httpDefault') : advice('http');
  }
  if (service === 'https' || role === 'https') {
    if (row.adminUi && row.authRequired === false) return advice('httpsNoLogin');
    if (high) return facts.cveHistory ? advice('httpsCve') : advice('httpsHigh');
    return row.isDefault ? advice('httpsDefault') : advice('https');
  }
  if (service === 'rtsp' || role === 'rtsp' || role === 'rtsps') {
    if (row.authRequired === false) return advice('rtspNoAuth');
    return row.isDefault ? advice('rtspDefault') : advice('rtsp');
  }
  return advice('otherwise');
}
