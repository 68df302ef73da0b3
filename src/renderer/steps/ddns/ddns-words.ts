import {
  DDNS_SECRET,
  ddnsServer,
  isDdnsHost,
  type DdnsOutcome,
  type DdnsLookup,
  type DdnsProvider,
  type DdnsVerdict,
} from '../../../shared/domain/ddns-shapes';
import { parseIpv4 } from '../../../shared/domain/ipv4';
import { sayIn } from '../../../shared/i18n/said';
import { t } from '../../composables/useT';

// The DDNS page's words (en/ddns.ts's `words`, through `t`): the providers as the user knows them, what each field
// takes, the titles of main's answers and verdicts (main's own sentence follows each title), and the page's check of
// what was typed.

/** The providers as the user knows them: their brand names, and the generic dyndns2 server in words. */
export const providerLabel = (p: DdnsProvider): string =>
  p === 'dyndns2' ? t('ddns.words.dyndns2Label') : PROVIDER_NAMES[p];
const PROVIDER_NAMES: Record<Exclude<DdnsProvider, 'dyndns2'>, string> = {
  duckdns: 'DuckDNS',
  noip: 'No-IP',
  dynu: 'Dynu',
  cloudflare: 'Cloudflare',
};

/** What the page asks for, by provider: the name's example, the secret's label and what it is. */
export function providerHelp(p: DdnsProvider): { host: string; secret: string; secretHelp: string; user?: string } {
  const help = {
    host: t(`ddns.words.help.${p}.host`),
    secret: t(`ddns.words.help.${p}.secret`),
    secretHelp: t(`ddns.words.help.${p}.secretHelp`),
  };
  return p === 'duckdns' || p === 'cloudflare' ? help : { ...help, user: t(`ddns.words.help.${p}.user`) };
}

export const needsUser = (p: DdnsProvider): boolean => DDNS_SECRET[p] === 'password';

/** How one of main's answers is said on the page: a title and a tone (its sentence follows). */
export interface AnswerView {
  title: string;
  tone: 'ok' | 'warn' | 'danger';
}

const OUTCOME_TONE: Record<DdnsOutcome, AnswerView['tone']> = {
  updated: 'ok',
  unchanged: 'ok',
  auth: 'danger',
  host: 'danger',
  blocked: 'danger',
  'retry-later': 'warn',
  fatal: 'danger',
};
const VERDICT_TONE: Record<DdnsVerdict, AnswerView['tone']> = {
  ok: 'ok',
  propagating: 'warn',
  stale: 'danger',
  nxdomain: 'danger',
  servfail: 'danger',
  refused: 'danger',
  'no-record': 'danger',
  unreachable: 'danger',
  'no-expected': 'warn',
};

/** Main's update answer, said as a title and a tone (its sentence, `answer.words`, follows). */
export const outcomeView = (o: DdnsOutcome): AnswerView => ({
  title: t(`ddns.words.outcome.${o}`),
  tone: OUTCOME_TONE[o],
});
/** Main's check verdict, said as a title and a tone (its sentence, `check.words`, follows). */
export const verdictView = (v: DdnsVerdict): AnswerView => ({
  title: t(`ddns.words.verdict.${v}`),
  tone: VERDICT_TONE[v],
});

/** One DNS answer in words: its addresses with their TTL, else its code and why there is no answer. */
export function lookupWords(l: DdnsLookup): string {
  if (l.addresses.length)
    return l.addresses
      .map((a) => (a.ttl !== null ? t('ddns.words.lookup.ttl', { address: a.address, ttl: String(a.ttl) }) : a.address))
      .join(', ');
  const error = l.error ? sayIn({ t }, l.errorSaid, l.error) : null;
  const why = [l.rcode, error].filter(Boolean).join(' — ');
  return why ? t('ddns.words.lookup.noneWhy', { why }) : t('ddns.words.lookup.none');
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
    host: !host ? t('ddns.words.problem.hostEmpty') : isDdnsHost(host) ? null : t('ddns.words.problem.hostBad'),
    server:
      forUpdate &&
      f.provider === 'dyndns2' &&
      server &&
      (server.length < 8 || !ddnsServer({ provider: 'dyndns2', server }))
        ? t('ddns.words.problem.server')
        : null,
    user: forUpdate && needsUser(f.provider) && !f.user.trim() ? t('ddns.words.problem.user') : null,
    ip: ip && parseIpv4(ip) === null ? t('ddns.words.problem.ip') : null,
  };
}
