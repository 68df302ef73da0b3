// The cron line that keeps a DDNS name current from a computer that stays on (this app is no background service):
// `nvr-assist ddns update` every 15 minutes with the provider, name and user typed, the password or token read from a
// file only its owner can read — never on the line itself. Shared by the DDNS page and `nvr-assist ddns router`.
import { DDNS_SECRET, type DdnsProvider } from './ddns-providers';

export interface DdnsCronValues {
  provider: DdnsProvider;
  host: string;
  user: string;
  server: string;
}

/** A word as the shell reads it back: as it is when plain, else in single quotes. */
export const shellQuoted = (v: string): string => (/^[\w.@:/+-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);

/** The crontab line for these values (NAME and USER where they are not typed yet). */
export function ddnsCronLine(v: DdnsCronValues): string {
  const p = v.provider;
  const kind = DDNS_SECRET[p];
  const parts = ['nvr-assist', 'ddns', 'update', '--provider', p, '--host', shellQuoted(v.host.trim() || 'NAME')];
  if (p === 'dyndns2' && v.server.trim()) parts.push('--server', shellQuoted(v.server.trim()));
  if (kind === 'password') parts.push('--user', shellQuoted(v.user.trim() || 'USER'));
  parts.push(kind === 'password' ? '--password-stdin' : '--token-stdin', `< ~/.nvr-ddns-${kind}`);
  return `*/15 * * * * ${parts.join(' ')}`;
}
