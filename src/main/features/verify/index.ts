import { DEFAULT_CHECKER_URL, DEFAULT_STUN_SERVER } from '../../../shared/domain/public-address';
import type { SetupRecord } from '../../../shared/domain/setup';
import type { AttributionContext } from '../../../shared/domain/upnp';
import { isAppFailure } from '../../../shared/ipc/errors';
import { said } from '../../../shared/i18n/said';
import { saidFailure } from '../../core/said-failure';
import { parseProcArp } from '../../protocol/arp';
import { parseCheckerUrl } from '../../protocol/echoip';
import { createDdnsService } from '../../services/ddns/ddns-service';
import { fetchDdnsHttp } from '../../services/ddns/ddns-http';
import { systemDnsServers, systemLookup, udpDnsQuery } from '../../services/ddns/dns-client';
import { createVerifyService, type VerifyService } from '../../services/verify/verify-service';
import { nodeTcpProbe } from '../../transport/tcp';
import { nodeUdp } from '../../transport/udp';
import { internetServices } from '../internet/services';
import { lanFacts } from '../static-ip';
import { defineFeature, type AppContext } from '../types';
import { VERIFY_COMMANDS } from './cli';
import { judgeVerifyStep } from './status';

/** Which device sits at a mapping's internal address: the devices on record, the chosen NVR, their ports. */
function attribution(record: SetupRecord): AttributionContext {
  return {
    devices: record.devices,
    nvrId: record.nvr?.deviceId ?? null,
    portReports: Object.fromEntries(Object.entries(record.ports).map(([id, p]) => [id, p.report])),
  };
}

/** The checker asked: the one given, else the Internet step's, else the one the saved proof used, else the default. */
function checkerFor(record: SetupRecord, given: string | undefined): string {
  return given ?? record.internet.checker ?? record.internet.proof?.checker ?? DEFAULT_CHECKER_URL;
}

// "Verify": the checks that need no password, run again through the other steps' services and compared with what
// they saved. Only this step's result and status are written: the other steps keep what they proved.
export default defineFeature({
  id: 'verify',
  handlers: (ctx: AppContext) => {
    const { jobs, hub, save, setup, now } = ctx;
    let service: VerifyService | null = null;
    const verify = () => (service ??= build(ctx));
    return {
      'verify.run': async (input) => {
        if (input.checker !== undefined && !parseCheckerUrl(input.checker))
          throw saidFailure('BAD_REQUEST', said('verify.said.failures.badChecker'));
        const jobId = jobs.start('verify-run', async ({ jobId, signal, progress }) => {
          const { setup: record } = await setup.load();
          const result = await verify().run({ record, checker: checkerFor(record, input.checker), signal, progress });
          // A cancelled verification proves nothing: it is neither shown nor kept.
          if (signal.aborted) return;
          await save((draft) => {
            draft.verify.last = result;
            judgeVerifyStep(draft, result, now());
          });
          hub.emit('verify.onResult', { jobId, result });
        });
        return { jobId };
      },
      'verify.get': async () => ({ last: (await setup.load()).setup.verify.last }),
    };
  },
  commands: VERIFY_COMMANDS,
});

/** The verification, made of the other steps' own services (built at the first run). */
function build(ctx: AppContext): VerifyService {
  const { now, ports, upnp, system } = ctx;
  const { publicAddress, prover } = internetServices(ctx);
  const ddns = createDdnsService({
    http: fetchDdnsHttp,
    query: udpDnsQuery(nodeUdp),
    lookup: systemLookup,
    dnsServers: systemDnsServers,
    now,
    version: ctx.options.version,
    log: ctx.log,
  });
  return createVerifyService({
    now,
    measureNvr: async (device, savedOpen, signal) => {
      const address = device.addresses[0] ?? '';
      try {
        const report = await ports.audit(device, { full: false, signal });
        const mac = parseProcArp((await system.readText('/proc/net/arp')) ?? '').get(address) ?? null;
        // The ports open when saved that this audit does not list open: one connect each (2 s, all at once).
        const listed = new Set(report.rows.filter((r) => r.state === 'open').map((r) => r.port));
        const knock = savedOpen.filter((p) => !listed.has(p));
        const states = await Promise.all(knock.map((p) => nodeTcpProbe(address, p, 2000, signal)));
        const knocked = Object.fromEntries(
          knock.map(
            (p, i) => [p, states[i] === 'open' ? 'open' : states[i] === 'closed' ? 'closed' : 'filtered'] as const,
          ),
        );
        return { reached: true, mac, report, knocked };
      } catch (err) {
        if (isAppFailure(err) && err.code === 'DEVICE_UNREACHABLE') return { reached: false, mac: null, report: null };
        throw err;
      }
    },
    auditUpnp: async (record, signal) => {
      const lan = await lanFacts(ctx);
      const target = lan
        ? {
            interfaceName: lan.interfaceName,
            interfaceAddress: lan.address,
            prefix: lan.prefix,
            gateway: lan.gateway,
          }
        : { interfaceName: '', interfaceAddress: '0.0.0.0', prefix: 32, gateway: null };
      const deletedBefore = (record.upnp.deleted ?? [])
        .filter((d) => d.gone)
        .map((d) => ({ protocol: d.protocol, externalPort: d.externalPort }));
      return upnp.audit(target, { signal, attribution: attribution(record), deletedBefore });
    },
    checkPublic: async (record, checker, routerWan, signal) => {
      const lan = await lanFacts(ctx);
      const check = await publicAddress.check({
        gateway: lan?.gateway ?? null,
        stun: record.internet.stun ?? DEFAULT_STUN_SERVER,
        checker,
        signal,
        routerWan: async () => routerWan,
      });
      return { ...check, changed: null };
    },
    checkDdns: (host, expected, signal) =>
      ddns.check({ host, expected, expectedFrom: expected ? 'the public address now' : null, dnsServer: null }, signal),
    prove: (record, run, signal) => {
      const plan = record.rules.plan;
      return prover.prove({
        checker: run.checker,
        name: record.internet.proof?.name ?? null,
        publicAddress: run.publicAddress ?? record.internet.check?.publicAddress ?? null,
        internetVerdict: record.internet.check?.verdict.code ?? null,
        plan,
        // The same ports as the proof it is compared with (internet.prove and vpn check --prove ask the same way).
        report: record.ports[plan?.deviceId ?? record.nvr?.deviceId ?? '']?.report ?? null,
        brand: record.nvr?.device.brand ?? null,
        mappings: run.mappings,
        signal,
      });
    },
  });
}
