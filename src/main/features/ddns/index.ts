import { DDNS_SECRET, ddnsServer, type DdnsLast, type DdnsProvider } from '../../../shared/domain/ddns';
import { english } from '../../../shared/i18n/english';
import { said, type Said } from '../../../shared/i18n/said';
import { classifyIpv4 } from '../../../shared/domain/ipv4';
import { createDdnsService, type DdnsService } from '../../services/ddns/ddns-service';
import { fetchDdnsHttp } from '../../services/ddns/ddns-http';
import { systemDnsServers, systemLookup, udpDnsQuery } from '../../services/ddns/dns-client';
import { nodeUdp } from '../../transport/udp';
import { lanFacts } from '../static-ip';
import { defineFeature, type AppContext } from '../types';
import { DDNS_COMMANDS } from './cli';
import { judgeDdnsStep } from './status';

/** The secrets given in `ddns.update` calls, by provider, server, user and host: main's memory only. */
const secrets = new Map<string, string>();
const secretKey = (provider: DdnsProvider, server: string, user: string | null, host: string) =>
  JSON.stringify([provider, server, user, host.toLowerCase()]);

const sameTarget = (a: DdnsLast, b: { provider: DdnsProvider; server: string; host: string }) =>
  a.provider === b.provider && a.server === b.server && a.host === b.host.toLowerCase();

/**
 * The public address as the router states it (UPnP IGD, else NAT-PMP), when it is one: a private or carrier-grade
 * (100.64/10) address is the router's side of another NAT, never the address a DDNS name should carry.
 */
async function routerPublicAddress(ctx: AppContext, signal: AbortSignal): Promise<string | null> {
  const lan = await lanFacts(ctx);
  if (!lan?.gateway) return null;
  const audit = await ctx.upnp.audit(
    { interfaceName: lan.interfaceName, interfaceAddress: lan.address, prefix: lan.prefix, gateway: lan.gateway },
    { signal, attribution: { devices: [], nvrId: null, portReports: {} } },
  );
  const address = audit.igd?.externalAddress ?? audit.natPmp.externalAddress;
  const kind = address ? classifyIpv4(address) : null;
  return address && (kind === 'public' || kind === 'documentation') ? address : null;
}

// "DDNS": one update to the user's provider when its rules allow it, and the check that the name points here.
export default defineFeature({
  id: 'ddns',
  handlers: (ctx) => {
    let service: DdnsService | null = null;
    const ddns = () =>
      (service ??= createDdnsService({
        http: fetchDdnsHttp,
        query: udpDnsQuery(nodeUdp),
        lookup: systemLookup,
        dnsServers: systemDnsServers,
        now: ctx.now,
        version: ctx.options.version,
        log: ctx.log,
      }));
    const signal = () => AbortSignal.timeout(60_000);
    return {
      'ddns.update': async (input) => {
        const { setup: record } = await ctx.setup.load();
        const server = ddnsServer({ provider: input.provider, server: input.server })?.href ?? input.server ?? '';
        const user = DDNS_SECRET[input.provider] === 'password' ? (input.user ?? null) : null;
        const key = secretKey(input.provider, server, user, input.host);
        if (input.secret) secrets.set(key, input.secret);
        const last = record.ddns.hosts.find((h) => sameTarget(h, { ...input, server })) ?? null;
        const ip = input.ip ?? (await routerPublicAddress(ctx, signal()).catch(() => null));
        const result = await ddns().update(
          { ...input, server: input.server ?? null, user, ip, secret: secrets.get(key) ?? '', last },
          signal(),
        );
        if (result.sent)
          await ctx.save((draft) => {
            const before = draft.ddns.hosts.find((h) => sameTarget(h, { ...input, server })) ?? null;
            const ok = result.answer.outcome === 'updated' || result.answer.outcome === 'unchanged';
            const entry: DdnsLast = {
              provider: input.provider,
              host: result.host,
              server,
              user,
              address: ok ? (result.answer.address ?? result.ip) : (before?.address ?? null),
              successAt: ok ? result.at : (before?.successAt ?? null),
              answer: result.answer,
              answeredAt: result.at,
            };
            draft.ddns.hosts = [entry, ...draft.ddns.hosts.filter((h) => h !== before)].slice(0, 8);
            draft.steps.ddns = judgeDdnsStep(draft.ddns.check, entry, ctx.now());
          });
        return result;
      },
      'ddns.check': async (input) => {
        const { setup: record } = await ctx.setup.load();
        const last = record.ddns.hosts.find((h) => h.host === input.host.toLowerCase()) ?? null;
        let expected: string | null = input.ip ?? null;
        let from: Said | null = expected ? said('ddns.said.from.given') : null;
        if (!expected) {
          expected = await routerPublicAddress(ctx, signal()).catch(() => null);
          if (expected) from = said('ddns.said.from.router');
        }
        if (!expected && last?.address) {
          expected = last.address;
          from = said('ddns.said.from.lastUpdate');
        }
        const check = await ddns().check(
          {
            host: input.host,
            expected,
            expectedFrom: from ? english(from) : null,
            ...(from ? { expectedFromSaid: from } : {}),
            dnsServer: input.dnsServer ?? null,
          },
          signal(),
        );
        await ctx.save((draft) => {
          draft.ddns.check = check;
          const mine = draft.ddns.hosts.find((h) => h.host === check.host) ?? null;
          draft.steps.ddns = judgeDdnsStep(check, mine, ctx.now());
        });
        return check;
      },
      'ddns.get': async () => {
        const { setup: record } = await ctx.setup.load();
        return { hosts: record.ddns.hosts, check: record.ddns.check };
      },
    };
  },
  commands: DDNS_COMMANDS,
});
