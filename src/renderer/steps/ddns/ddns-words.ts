import {
  DDNS_SECRET,
  ddnsServer,
  isDdnsHost,
  type DdnsOutcome,
  type DdnsLookup,
  type DdnsProvider,
  type DdnsVerdict,
} from '../../../shared/domain/ddns';
import { parseIpv4 } from '../../../shared/domain/ipv4';

// The DDNS page's words: the providers as the user knows them, what each field takes, the titles of main's answers
// and verdicts (main's own sentence follows each title), and the page's check of what was typed.

export const PROVIDER_LABELS: Record<DdnsProvider, string> = {
  duckdns: 'DuckDNS',
  noip: 'No-IP',
  dynu: 'Dynu',
  dyndns2: 'Another dyndns2 server (DynDNS …)',
  cloudflare: 'Cloudflare',
};

/** What the page asks for, by provider: the name's example, the secret's label and what it is. */
export const PROVIDER_HELP: Record<DdnsProvider, { host: string; secret: string; secretHelp: string; user?: string }> =
  {
    duckdns: {
      host: 'Your DuckDNS name, like mynvr.duckdns.org.',
      secret: 'Token',
      secretHelp: 'The token shown on duckdns.org once you are logged in.',
    },
    noip: {
      host: 'The host name at No-IP, like mynvr.ddns.net.',
      secret: 'Password',
      secretHelp: 'The account password, or the password of a DDNS key.',
      user: 'Your No-IP user name or e-mail, or the user name of a DDNS key.',
    },
    dynu: {
      host: 'The host name at Dynu, like mynvr.freeddns.org.',
      secret: 'Password',
      secretHelp: 'The Dynu account password (or the IP update password, if you set one).',
      user: 'Your Dynu user name.',
    },
    dyndns2: {
      host: 'The host name at the provider, like mynvr.dyndns.org.',
      secret: 'Password',
      secretHelp: 'The password of the account (or the update key the provider gives).',
      user: 'The account’s user name.',
    },
    cloudflare: {
      host: 'The name in your Cloudflare zone, like nvr.example.com. Its A record must exist already.',
      secret: 'API token',
      secretHelp: 'An API token with the permission Zone → DNS → Edit for this zone (not the Global API Key).',
    },
  };

export const needsUser = (p: DdnsProvider): boolean => DDNS_SECRET[p] === 'password';

/** How one of main's answers is said on the page: a title and a tone (its sentence follows). */
export interface AnswerView {
  title: string;
  tone: 'ok' | 'warn' | 'danger';
}

/** Main's update answer, said as a title and a tone (its sentence, `answer.words`, follows). */
export const OUTCOME_VIEW: Record<DdnsOutcome, AnswerView> = {
  updated: { title: 'Updated', tone: 'ok' },
  unchanged: { title: 'Already up to date', tone: 'ok' },
  auth: { title: 'Login refused', tone: 'danger' },
  host: { title: 'Host name refused', tone: 'danger' },
  blocked: { title: 'Blocked by the provider', tone: 'danger' },
  'retry-later': { title: 'Try again later', tone: 'warn' },
  fatal: { title: 'Refused', tone: 'danger' },
};

/** Main's check verdict, said as a title and a tone (its sentence, `check.words`, follows). */
export const VERDICT_VIEW: Record<DdnsVerdict, AnswerView> = {
  ok: { title: 'The name points to your public address', tone: 'ok' },
  propagating: { title: 'Set at the provider, still reaching the resolvers', tone: 'warn' },
  stale: { title: 'The name points somewhere else', tone: 'danger' },
  nxdomain: { title: 'The name does not exist', tone: 'danger' },
  servfail: { title: 'The name’s DNS is failing', tone: 'danger' },
  refused: { title: 'The DNS server refused to answer', tone: 'danger' },
  'no-record': { title: 'The name has no IPv4 address', tone: 'danger' },
  unreachable: { title: 'No DNS answer', tone: 'danger' },
  'no-expected': { title: 'The public address is not known', tone: 'warn' },
};

/** One DNS answer in words: its addresses with their TTL, else its code and why there is no answer. */
export function lookupWords(l: DdnsLookup): string {
  if (l.addresses.length)
    return l.addresses.map((a) => `${a.address}${a.ttl !== null ? ` (TTL ${a.ttl} s)` : ''}`).join(', ');
  const why = [l.rcode, l.error].filter(Boolean).join(' — ');
  return why ? `no address (${why})` : 'no address';
}

/** What the user typed, as the page has it. */
export interface DdnsFields {
  provider: DdnsProvider;
  host: string;
  server: string;
  user: string;
  ip: string;
}

export interface DdnsProblems {
  host: string | null;
  server: string | null;
  user: string | null;
  ip: string | null;
}

/** The page's own check of the fields (`forUpdate`: the update's fields too; the check needs only the name). */
export function fieldProblems(f: DdnsFields, forUpdate: boolean): DdnsProblems {
  const host = f.host.trim();
  const server = f.server.trim();
  const ip = f.ip.trim();
  return {
    host: !host
      ? 'Type the name to keep up to date.'
      : isDdnsHost(host)
        ? null
        : 'Type the full name, like mynvr.ddns.net: letters, digits and hyphens between dots.',
    server:
      forUpdate &&
      f.provider === 'dyndns2' &&
      server &&
      (server.length < 8 || !ddnsServer({ provider: 'dyndns2', server }))
        ? 'Type the server’s address, like https://dyndns.example.net (http or https, without a user name or “?”).'
        : null,
    user: forUpdate && needsUser(f.provider) && !f.user.trim() ? 'This provider needs the user name.' : null,
    ip: ip && parseIpv4(ip) === null ? 'Type an IPv4 address, like 203.0.113.7, or leave it empty.' : null,
  };
}
