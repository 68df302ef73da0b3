import {
  changedFinding,
  DEFAULT_CHECKER_URL,
  DEFAULT_STUN_SERVER,
  notePublicAddress,
  type PublicAddressCheck,
} from '../../../shared/domain/public-address';
import { judgeIpv6 } from '../../../shared/domain/ipv6-facts';
import type { SetupRecord } from '../../../shared/domain/setup';
import { parseCheckerUrl } from '../../protocol/echoip';
import { parseStunServer } from '../../protocol/stun';
import { type RouterWan } from '../../services/internet/public-address-service';
import { lanFacts } from '../static-ip';
import { defineFeature, type AppContext } from '../types';
import { INTERNET_COMMANDS } from './cli';
import { internetServices } from './services';
import { judgeInternetStep, keepProof } from './status';

/** The servers the next check asks: the ones given, else the ones chosen before, else the documented defaults. */
function servers(record: SetupRecord, input: { stun?: string; checker?: string } = {}) {
  return {
    stun: input.stun ?? record.internet.stun ?? DEFAULT_STUN_SERVER,
    checker: input.checker ?? record.internet.checker ?? DEFAULT_CHECKER_URL,
  };
}

/**
 * The router's WAN address: asked now from its UPnP gateway or NAT-PMP (the default gateway only, read-only — the
 * UPnP step's own record is not touched), else the external address the UPnP step's last audit read.
 */
async function routerWan(ctx: AppContext, record: SetupRecord, signal: AbortSignal): Promise<RouterWan> {
  const lan = await lanFacts(ctx);
  if (lan?.gateway) {
    const audit = await ctx.upnp.audit(
      { interfaceName: lan.interfaceName, interfaceAddress: lan.address, prefix: lan.prefix, gateway: lan.gateway },
      { signal, attribution: { devices: [], nvrId: null, portReports: {} } },
    );
    if (audit.igd?.externalAddress)
      return { address: audit.igd.externalAddress, source: 'igd', readAt: audit.measuredAt };
    if (audit.natPmp.externalAddress)
      return { address: audit.natPmp.externalAddress, source: 'nat-pmp', readAt: audit.measuredAt };
  }
  const last = record.upnp.audit;
  if (last?.igd?.externalAddress)
    return { address: last.igd.externalAddress, source: 'upnp-record', readAt: last.measuredAt };
  return { address: null, source: null, readAt: null };
}

// "Internet side": the public address seen from outside (STUN, an echoip checker), the router's own WAN address, and
// the verdict — direct, double NAT or CGNAT — with the way forward. Nothing is contacted until a check is started.
export default defineFeature({
  id: 'internet',
  handlers: (ctx) => {
    const { jobs, hub, save, setup, now } = ctx;
    const { publicAddress: service, prover } = internetServices(ctx);
    return {
      'internet.check': async (input) => {
        const jobId = jobs.start('internet-check', async ({ jobId, signal, progress }) => {
          const { setup: record } = await setup.load();
          const chosen = servers(record, input);
          const lan = await lanFacts(ctx);
          const measured = await service.check({
            gateway: lan?.gateway ?? null,
            ...chosen,
            signal,
            progress: (message) => progress(0, null, message),
            routerWan: (s) => routerWan(ctx, record, s),
          });
          // A cancelled check proves nothing: it is neither shown nor kept.
          if (signal.aborted) return;
          // IPv6: this computer's addresses on the LAN interface and the NVR's known ones (nothing is sent for it).
          const ipv6 = judgeIpv6(
            (lan ? (ctx.system.networkInterfaces()[lan.interfaceName] ?? []) : [])
              .filter((a) => a.family === 'IPv6')
              .map((a) => a.address),
            record.nvr?.device.addresses ?? [],
          );
          let check: PublicAddressCheck = { ...measured, changed: null, ipv6 };
          await save((draft) => {
            const noted = notePublicAddress(draft.internet.history, measured.publicAddress, measured.measuredAt);
            check = {
              ...measured,
              ipv6,
              changed: noted.changed,
              findings:
                noted.changed && measured.publicAddress
                  ? [...measured.findings, changedFinding(measured.publicAddress, noted.changed)].slice(0, 16)
                  : measured.findings,
            };
            draft.internet.check = check;
            draft.internet.history = noted.history;
            // Servers are kept only when they are usable ones (a typo is not remembered).
            if (parseStunServer(chosen.stun)) draft.internet.stun = chosen.stun;
            if (parseCheckerUrl(chosen.checker)) draft.internet.checker = chosen.checker;
            judgeInternetStep(draft, check, now());
          });
          hub.emit('internet.onCheck', { jobId, check });
        });
        return { jobId };
      },
      'internet.prove': async (input) => {
        const jobId = jobs.start('internet-prove', async ({ jobId, signal, progress }) => {
          const { setup: record } = await setup.load();
          const { checker } = servers(record, input);
          const plan = record.rules.plan;
          const proof = await prover.prove({
            checker,
            name: input.host ?? null,
            publicAddress: record.internet.check?.publicAddress ?? null,
            internetVerdict: record.internet.check?.verdict.code ?? null,
            plan,
            report: record.ports[plan?.deviceId ?? record.nvr?.deviceId ?? '']?.report ?? null,
            brand: record.nvr?.device.brand ?? null,
            mappings: record.upnp.audit?.mappings ?? null,
            signal,
            progress: (done, total, message) => progress(done, total, message),
          });
          // A cancelled proof proves nothing: it is neither shown nor kept.
          if (signal.aborted) return;
          await save((draft) => {
            keepProof(draft, proof, now());
            if (parseCheckerUrl(checker)) draft.internet.checker = checker;
          });
          hub.emit('internet.onProof', { jobId, proof });
        });
        return { jobId };
      },
      'internet.get': async () => {
        const { setup: record } = await setup.load();
        return {
          check: record.internet.check,
          proof: record.internet.proof,
          history: record.internet.history,
          servers: servers(record),
        };
      },
    };
  },
  commands: INTERNET_COMMANDS,
});
