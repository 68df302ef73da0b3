// `nvr-assist ddns router --router FAMILY --provider P [--host NAME] [--user U] [--server URL]`: the router's own DDNS
// client, step by step with the name filled in (this app is no background service, the router stays on), from the
// same catalogue as the DDNS page (src/shared/catalog/router-ddns.ts); for a family with no source, "not known". Then
// the cron line, for when the router cannot. The families are the contract's (the Router rules step's) plus GL.iNet.
import { z } from 'zod';
import {
  ROUTER_DDNS,
  routerDdnsFamily,
  routerDdnsNotKnown,
  routerDdnsProviders,
  routerDdnsSaid,
} from '../../../shared/catalog/router-ddns';
import { english } from '../../../shared/i18n/english';
import { said, sayIn, type Said } from '../../../shared/i18n/said';
import { readableSource } from '../../../shared/catalog/source-text';
import { DDNS_PROVIDERS, DDNS_SECRET, ddnsProviderSchema, type DdnsProvider } from '../../../shared/domain/ddns';
import { ddnsCronLine, type DdnsCronValues } from '../../../shared/domain/ddns-cron';
import { ROUTER_FAMILIES } from '../../../shared/domain/rule-commands';
import { ok } from '../../../shared/ipc/result';
import { createTranslator, type Translator } from '../../../shared/i18n';
import type { CommandContext } from '../../cli/command';

/** The words --router takes: the Router rules step's families (its contract's enum), and GL.iNet. */
export const ROUTER_WORDS = [...ROUTER_FAMILIES, 'glinet'] as const;
const routerWordSchema = z.enum(ROUTER_WORDS);

export interface RouterDdnsView {
  family: string;
  /** The catalogue's family (null: not known, see `notKnown`). */
  id: string | null;
  product: string | null;
  confidence: 'H' | 'M' | 'L' | null;
  /** The app's providers its client can keep (empty: none, or not known). */
  providers: DdnsProvider[];
  steps: string[];
  /** The same steps by the catalogue's key (`said[i]` for `steps[i]`), for the terminal's language. */
  said: Said[];
  source: string;
  notKnown: string | null;
  /** The same by the catalogue's key. */
  notKnownSaid: Said | null;
  cronLine: string;
  secret: 'password' | 'token';
}

/** One family's steps for the values typed (never a password or token: none is asked for). */
export function routerDdnsView(family: (typeof ROUTER_WORDS)[number], v: DdnsCronValues): RouterDdnsView {
  const id = routerDdnsFamily(family);
  const c = id === null ? null : ROUTER_DDNS[id]!;
  const steps = c ? routerDdnsSaid(c, v) : [];
  const notKnown = c ? null : (routerDdnsNotKnown(family) ?? said('ddns.said.router.notKnownOther', { family }));
  return {
    family,
    id,
    product: c?.product ?? null,
    confidence: c?.confidence ?? null,
    providers: c ? routerDdnsProviders(c) : [],
    steps: steps.map(english),
    said: steps,
    source: c ? readableSource(c.source) : '',
    notKnown: notKnown && english(notKnown),
    notKnownSaid: notKnown,
    cronLine: ddnsCronLine(v),
    secret: DDNS_SECRET[v.provider],
  };
}

export function renderRouterDdns(r: RouterDdnsView, t: Translator['t'] = createTranslator().t): string {
  const cron = [t(`cli.ddns.router.cron.${r.secret}`), `  ${r.cronLine}`];
  if (r.notKnown !== null)
    return [sayIn({ t }, r.notKnownSaid ?? undefined, r.notKnown), t('cli.ddns.router.lookFor'), ...cron].join('\n');
  const product = r.product ?? '';
  return [
    r.confidence === 'L'
      ? t('cli.ddns.router.ownClientReportedly', { product })
      : t('cli.ddns.router.ownClient', { product }),
    r.providers.length
      ? t('cli.ddns.router.providers', { providers: r.providers.join(', ') })
      : t('cli.ddns.router.noProviders'),
    ...r.steps.map((s, i) => `  ${i + 1}. ${sayIn({ t }, r.said[i], s)}`),
    ...(r.source ? [t('cli.ddns.router.source', { source: r.source })] : []),
    ...cron,
  ].join('\n');
}

export function runDdnsRouter(cmd: CommandContext): number {
  const { options, t } = cmd;
  const family = routerWordSchema.safeParse(options['--router']);
  if (!family.success)
    return cmd.usageError(t('cli.ddns.giveOneOf', { option: '--router', choices: ROUTER_WORDS.join(', ') }));
  const provider = ddnsProviderSchema.safeParse(options['--provider']);
  if (!provider.success)
    return cmd.usageError(t('cli.ddns.giveOneOf', { option: '--provider', choices: DDNS_PROVIDERS.join(', ') }));
  const values = {
    provider: provider.data,
    host: options['--host'] ?? '',
    user: options['--user'] ?? '',
    server: options['--server'] ?? '',
  };
  return cmd.finish(ok(routerDdnsView(family.data, values)), (v) => renderRouterDdns(v, t));
}
