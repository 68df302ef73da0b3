import { isAbsolute, join } from 'node:path';
import { said } from '../../../shared/i18n/said';
import { AppFailure } from '../../../shared/ipc/errors';
import { saidFailure, withSaid } from '../../core/said-failure';
import type { OutsideProof } from '../../../shared/domain/outside-proof';
import { DEFAULT_CHECKER_URL } from '../../../shared/domain/public-address';
import type { SetupRecord } from '../../../shared/domain/setup';
import { internetServices } from '../internet/services';
import { keepProof } from '../internet/status';
import { parseCheckerUrl } from '../../protocol/echoip';
import type { VpnPlan } from '../../../shared/domain/vpn-plan';
import type { VpnRequest } from '../../../shared/steps/vpn';
import { probeWireGuard } from '../../services/vpn/vpn-probe';
import { createVpnService, VpnError, type VpnService } from '../../services/vpn/vpn-service';
import { nodeLookup } from '../../transport/dns';
import { lanFacts } from '../static-ip';
import { defineFeature, type AppContext } from '../types';
import { VPN_COMMANDS } from './cli';
import { judgeVpn, judgeVpnChecked } from './status';

/** The service's plain words as the contract's error (composed by our code, with the same said by key beside them). */
async function plainly<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof VpnError) throw withSaid('BAD_REQUEST', err.message, err.said);
    throw err;
  }
}

/** The LAN (the chosen interface's network) and every other network this computer sees. */
async function networks(ctx: AppContext): Promise<{ lan: string; address: string; others: string[] }> {
  const lan = await lanFacts(ctx);
  if (!lan) throw new AppFailure('INTERFACE_UNUSABLE');
  const { setup: record } = await ctx.setup.load();
  const report = await ctx.netcheck.report(record.interfaceName);
  const lanNet = report.interfaces.flatMap((i) => i.ipv4).find((a) => a.address === lan.address)?.subnet;
  const others = report.interfaces
    .filter((i) => i.kind !== 'loopback')
    .flatMap((i) => i.ipv4.map((a) => a.subnet))
    .filter((s) => s !== lanNet);
  return { lan: lanNet ?? `${lan.address}/${lan.prefix}`, address: lan.address, others };
}

// "VPN": the WireGuard plan (keys made in main, public keys only in the record), the configs and QR codes written
// to the files the user names, owner-only.
/** The proof from outside, now, with the saved checker (bounded by the service: 60 s in all), and kept. */
async function proveNow(ctx: AppContext, record: SetupRecord): Promise<OutsideProof> {
  const nvrId = record.nvr?.deviceId ?? null;
  const checker = record.internet.checker ?? DEFAULT_CHECKER_URL;
  // The one way a proof fails as a whole is a checker that is not an http(s) address: said before anything is sent.
  if (!parseCheckerUrl(checker)) throw saidFailure('BAD_REQUEST', said('vpn.failures.checkerUnusable', { checker }));
  const proof = await internetServices(ctx).prover.prove({
    checker,
    name: null,
    publicAddress: record.internet.check?.publicAddress ?? null,
    internetVerdict: record.internet.check?.verdict.code ?? null,
    // The saved plan of router rules, if any, so the kept proof is the Internet step's whole proof; for the VPN
    // every port reachable from outside counts against it (vpn-check.ts), planned or not.
    plan: record.rules.plan,
    report: nvrId ? (record.ports[nvrId]?.report ?? null) : null,
    brand: record.nvr?.device.brand ?? null,
    mappings: record.upnp.audit?.mappings ?? null,
    signal: AbortSignal.timeout(90_000),
  });
  await ctx.save((draft) => keepProof(draft, proof, ctx.now()));
  return proof;
}

export default defineFeature({
  id: 'vpn',
  handlers: (ctx) => {
    const { setup, save, now, options } = ctx;
    // Built on first use: the options (data folder, resolver) are read when a call comes, not when handlers are listed.
    let service: VpnService | null = null;
    const vpn = () =>
      (service ??= createVpnService({
        keysFile: join(options.dataDir, 'vpn-keys.json'),
        resolve: async (host) => {
          const address = await (options.lookup ?? nodeLookup)(host);
          return address ? [address] : [];
        },
        probe: (req) => probeWireGuard({ ...req, udp: ctx.udp }),
      }));
    const checkOut = (out: string) => {
      if (!isAbsolute(out)) throw saidFailure('BAD_REQUEST', said('vpn.failures.fullPath'));
    };
    const lastPlan = async (): Promise<VpnPlan> => {
      const plan = (await setup.load()).setup.vpn.plan;
      if (!plan) throw saidFailure('BAD_REQUEST', said('vpn.failures.planFirst', { command: 'vpn plan --server …' }));
      return plan;
    };
    return {
      'vpn.plan': async (input) => {
        const { setup: record } = await setup.load();
        const prev = record.vpn.request;
        const request: VpnRequest = {
          server: input.server,
          peers: input.peers ?? prev?.peers ?? ['phone'],
          endpoint: input.endpoint ?? prev?.endpoint ?? null,
          tunnel: input.tunnel ?? prev?.tunnel ?? null,
          serverLanAddress: input.serverLanAddress ?? prev?.serverLanAddress ?? null,
        };
        const net = await networks(ctx);
        const check = record.internet.check;
        const plan = await plainly(() =>
          vpn().plan({
            server: request.server,
            lan: net.lan,
            otherNetworks: net.others,
            peers: request.peers,
            ddnsName: request.endpoint,
            publicAddress: check?.publicAddress ?? null,
            verdict: check?.verdict.code ?? null,
            serverLanAddress: request.serverLanAddress ?? (request.server === 'linux' ? net.address : null),
            tunnel: request.tunnel,
            at: now(),
          }),
        );
        await save((draft) => {
          draft.vpn = { request, plan };
          judgeVpn(draft, plan, now());
        });
        return plan;
      },
      'vpn.config': async ({ which, out }) => {
        checkOut(out);
        const plan = await lastPlan();
        return plainly(() => vpn().writeConfig(plan, which, out));
      },
      'vpn.qr': async ({ peer, out }) => {
        checkOut(out);
        const plan = await lastPlan();
        return plainly(() => vpn().writeQr(plan, peer, out));
      },
      'vpn.check': async ({ peer, to, port, prove }) => {
        const plan = await lastPlan();
        const { setup: record } = await setup.load();
        // Asked for: the proof from outside made now (the ports that must not be reachable, the NVR's admin pages among
        // them, and any saved rule), saved as the Internet step's proof like any other.
        const proof = prove ? await proveNow(ctx, record) : (record.internet.proof ?? null);
        // Where the server is: the address given, else the Linux computer of the plan, else the router (the gateway).
        const address = to ?? plan.forward?.to ?? (await lanFacts(ctx))?.gateway ?? null;
        if (!address) throw saidFailure('BAD_REQUEST', said('vpn.failures.serverAddressUnknown', { option: '--to' }));
        const check = await plainly(() =>
          vpn().check(plan, {
            address,
            ...(port !== undefined ? { port } : {}),
            ...(peer !== undefined ? { peer } : {}),
            publicAddress: record.internet.check?.publicAddress ?? null,
            proof,
            nvrAddress: record.nvr?.device.addresses[0] ?? null,
            at: now,
          }),
        );
        await save((draft) => judgeVpnChecked(draft, check));
        return check;
      },
      'vpn.get': async () => {
        const { vpn: slice } = (await setup.load()).setup;
        return { plan: slice.plan, request: slice.request };
      },
    };
  },
  commands: VPN_COMMANDS,
});
