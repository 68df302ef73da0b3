// The UPnP audit: find the router's Internet Gateway Device (SSDP through node-ssdp), read what it says (external
// address, status, every port mapping), ask NAT-PMP at the gateway, attribute each mapping to a known device and
// judge; delete the mappings the user chose and read the list again as the proof. Only the default gateway's own
// address is ever followed: an IGD answer from anywhere else is reported, never fetched.
import {
  attributeMappings,
  recheckDelay,
  type AttributionContext,
  type UpnpAudit,
  type UpnpDeleteResult,
  type UpnpDeletion,
  type UpnpIgd,
  type UpnpProtocol,
} from '../../../shared/domain/upnp';
import { judgeUpnp } from '../../../shared/domain/upnp-findings';
import { networkOf } from '../../protocol/ipv4';
import { allowedLocation, SEARCH_TARGETS } from '../../protocol/ssdp';
import {
  NAT_PMP_PORT,
  natPmpExternalAddressRequest,
  pcpAnnounceRequest,
  readIgdDescription,
  readNatPmpReply,
  type IgdControl,
} from '../../protocol/upnp-igd';
import type { HttpTransport } from '../../transport/http';
import type { SsdpTransport } from '../../transport/ssdp-client';
import type { UdpTransport } from '../../transport/udp';
import { callIgd, deleteMapping, deletionWords, listMappings, type MappingList } from './igd-control';
import { said, type Said, type Words } from '../../../shared/i18n/said';

export interface UpnpServiceDeps {
  http: HttpTransport;
  ssdp: SsdpTransport;
  udp: UdpTransport;
  now: () => Date;
  /** How long the IGD search listens (ms); the NAT-PMP question runs meanwhile. */
  searchMs?: number;
}

/** Where to look: the interface (name and address) whose default gateway is the router. */
export interface UpnpTarget {
  interfaceName: string;
  interfaceAddress: string;
  prefix: number;
  /** The default gateway on that interface; null when this computer has none. */
  gateway: string | null;
}

export interface UpnpRun {
  signal: AbortSignal;
  progress?: (words: Words) => void;
  attribution: AttributionContext;
  /** Mappings deleted earlier and proven gone then (a listed one came back). */
  deletedBefore?: ReadonlyArray<{ protocol: UpnpProtocol; externalPort: number }>;
}

/** How long the search listens for the router (UDA: MX is 1–5 s; routers answer within a few ms). */
export const UPNP_SEARCH_MS = 2000;
const NAT_PMP_WAIT_MS = 1000;
/** After the first answer on UDP 5351, how long the other protocol (NAT-PMP or PCP) may still answer (ms). */
const PCP_GRACE_MS = 150;
const MAX_ELSEWHERE = 16;

interface Found {
  /** The gateway's description URL (from its own answer), if it answered. */
  location: URL | null;
  /** The LOCATION of the gateway's own first answer that could not be followed (off its address, https, a user…). */
  gatewayOff: string | null;
  elsewhere: Array<{ from: string; location: string }>;
}

/**
 * Sends a question now and once more after `againMs` (UDP may drop the first), then waits until `answered` settles,
 * `windowMs` have passed or `signal` aborts, whichever comes first; no timer or listener outlives it.
 */
async function askTwice(
  send: () => void,
  againMs: number,
  windowMs: number,
  answered: Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  let stop = () => {};
  const ended = new Promise<void>((resolve) => (stop = resolve));
  if (signal.aborted) return;
  send();
  const again = setTimeout(send, againMs);
  const timer = setTimeout(stop, windowMs);
  signal.addEventListener('abort', stop, { once: true });
  try {
    await Promise.race([answered, ended]);
  } finally {
    clearTimeout(again);
    clearTimeout(timer);
    signal.removeEventListener('abort', stop);
  }
}

export function createUpnpService(deps: UpnpServiceDeps) {
  const searchMs = deps.searchMs ?? UPNP_SEARCH_MS;

  /** Searches for IGDs; keeps the gateway's answer and lists the others. Ends early once the gateway answered. */
  async function search(target: UpnpTarget, signal: AbortSignal): Promise<Found> {
    const found: Found = { location: null, gatewayOff: null, elsewhere: [] };
    const network = networkOf(target.interfaceAddress, target.prefix) ?? target.interfaceAddress;
    let finish = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    const searcher = await deps.ssdp(target.interfaceName, (r) => {
      const st = r.headers.ST ?? r.headers.NT ?? '';
      const location = r.headers.LOCATION ?? '';
      if (!/InternetGatewayDevice|WANIPConnection|WANPPPConnection/.test(st) || !location) return;
      const allowed =
        r.from.address === target.gateway
          ? allowedLocation(location, r.from.address, { network, prefix: target.prefix })
          : null;
      if (allowed) {
        if (!found.location) {
          found.location = allowed;
          // The gateway answered: a short while more for other answers (to report them), then stop.
          setTimeout(finish, 250).unref?.();
        }
        return;
      }
      const entry = { from: r.from.address.slice(0, 64), location: location.slice(0, 300) };
      if (r.from.address === target.gateway) found.gatewayOff ??= location.slice(0, 200);
      if (
        found.elsewhere.length < MAX_ELSEWHERE &&
        !found.elsewhere.some((e) => e.from === entry.from && e.location === entry.location)
      )
        found.elsewhere.push(entry);
    });
    try {
      const send = () => {
        for (const st of [SEARCH_TARGETS.igd2, SEARCH_TARGETS.igd1]) searcher.search(st);
      };
      await askTwice(send, 500, searchMs, done, signal);
    } finally {
      searcher.stop();
    }
    return found;
  }

  /** NAT-PMP's external address question to the gateway (UDP 5351), twice within NAT_PMP_WAIT_MS. */
  async function natPmp(target: UpnpTarget, signal: AbortSignal): Promise<UpnpAudit['natPmp']> {
    const gateway = target.gateway;
    if (!gateway) return { present: false, externalAddress: null };
    // Both questions go to UDP 5351: NAT-PMP's external address and PCP's ANNOUNCE. Either answer means devices can
    // open ports there; the wait ends once both answered (a server of one protocol never answers the other's).
    let natPmpAnswer: { externalAddress: string | null } | null = null;
    let pcp = false;
    let grace: ReturnType<typeof setTimeout> | undefined;
    let finish = () => {};
    const done = new Promise<void>((resolve) => (finish = resolve));
    let socket;
    try {
      socket = await deps.udp.open({ bindAddress: target.interfaceAddress }, (d) => {
        if (d.from.address !== gateway || d.from.port !== NAT_PMP_PORT) return;
        const r = readNatPmpReply(d.data);
        if (!r.ok) return;
        if (r.protocol === 'pcp') pcp = true;
        else natPmpAnswer ??= { externalAddress: r.externalAddress };
        // Both answered: done. One answered: the other protocol has PCP_GRACE_MS more (a server speaking both
        // answers both at once; one speaking only one never answers the other).
        if (pcp && natPmpAnswer) finish();
        else grace ??= setTimeout(finish, PCP_GRACE_MS);
      });
    } catch {
      return { present: false, externalAddress: null };
    }
    try {
      const send = () => {
        void socket.send(natPmpExternalAddressRequest(), NAT_PMP_PORT, gateway).catch(() => {});
        void socket.send(pcpAnnounceRequest(target.interfaceAddress), NAT_PMP_PORT, gateway).catch(() => {});
      };
      await askTwice(send, 250, NAT_PMP_WAIT_MS, done, signal);
    } finally {
      clearTimeout(grace);
      socket.close();
    }
    const found = natPmpAnswer as { externalAddress: string | null } | null;
    return {
      present: found !== null || pcp,
      externalAddress: found?.externalAddress ?? null,
      ...(pcp ? { pcp: true } : {}),
    };
  }

  /** The gateway's IGD control, with its external address and status; or why it could not be used. */
  async function describe(
    location: URL,
    signal: AbortSignal,
  ): Promise<{ control: IgdControl; igd: UpnpIgd } | { problem: string; problemSaid: Said }> {
    let body: Buffer;
    try {
      const res = await deps.http.request(location, { timeoutMs: 4000, maxBytes: 128 * 1024, signal });
      if (res.status !== 200)
        return {
          problem: `its description (${location.href}) answered HTTP ${res.status}.`,
          problemSaid: said('upnp.findings.igdUnreadableHttp', { location: location.href, status: String(res.status) }),
        };
      body = res.body;
    } catch {
      return {
        problem: `its description (${location.href}) did not load.`,
        problemSaid: said('upnp.findings.igdUnreadableNoLoad', { location: location.href }),
      };
    }
    const d = readIgdDescription(body, location);
    if (!d.ok)
      return {
        problem: `its description could not be used (${d.error}).`,
        problemSaid: said('upnp.findings.igdUnreadableUnusable', { error: d.error }),
      };
    const control = d.igd;
    const ext = await callIgd(deps.http, control, 'GetExternalIPAddress', [], signal);
    const status = await callIgd(deps.http, control, 'GetStatusInfo', [], signal);
    return {
      control,
      igd: {
        location: location.href.slice(0, 300),
        controlUrl: control.controlUrl.href.slice(0, 300),
        serviceType: control.serviceType,
        igdVersion: control.igdVersion,
        friendlyName: control.friendlyName,
        manufacturer: control.manufacturer,
        modelName: control.modelName,
        externalAddress: ext.kind === 'ok' ? ((ext.values.NewExternalIPAddress || null)?.slice(0, 64) ?? null) : null,
        connectionStatus:
          status.kind === 'ok' ? ((status.values.NewConnectionStatus || null)?.slice(0, 64) ?? null) : null,
      },
    };
  }

  /** Reads everything once: the audit, and the IGD control for a deletion that follows. */
  async function measure(target: UpnpTarget, run: UpnpRun): Promise<{ audit: UpnpAudit; control: IgdControl | null }> {
    const measuredAt = deps.now().toISOString();
    if (!target.gateway) {
      const m = {
        gateway: null,
        igd: null,
        igdProblem: null,
        mappings: [],
        listEnd: 'complete' as const,
        natPmp: { present: false, externalAddress: null },
        elsewhere: [],
      };
      const { igdProblem: _none, ...reported } = m;
      return {
        audit: { measuredAt, interfaceName: target.interfaceName, ...reported, findings: judgeUpnp(m) },
        control: null,
      };
    }
    run.progress?.(said('upnp.progress.looking', { gateway: target.gateway }));
    const [found, natPmpAnswer] = await Promise.all([search(target, run.signal), natPmp(target, run.signal)]);
    let igd: UpnpIgd | null = null;
    let control: IgdControl | null = null;
    let igdProblem: string | null = null;
    let igdProblemSaid: Said | null = null;
    let list: MappingList = { mappings: [], end: 'complete' };
    if (run.signal.aborted) list = { mappings: [], end: 'cancelled' };
    else if (found.location) {
      run.progress?.(said('upnp.progress.description'));
      const d = await describe(found.location, run.signal);
      if ('problem' in d) ({ problem: igdProblem, problemSaid: igdProblemSaid } = d);
      else {
        ({ igd, control } = d);
        run.progress?.(said('upnp.progress.mappings'));
        list = await listMappings(deps.http, control, run.signal);
      }
    } else if (found.gatewayOff) {
      // The router answered as a gateway, so UPnP is on there: never an all-clear, though nothing was followed.
      igdProblem = `its answer points at a description the assistant does not follow (${found.gatewayOff}): only plain http on the router’s own address is followed.`;
      igdProblemSaid = said('upnp.findings.igdUnreadableOffGateway', { location: found.gatewayOff });
    }
    const measurement = {
      gateway: target.gateway,
      igd,
      igdProblem,
      igdProblemSaid,
      mappings: attributeMappings(list.mappings, run.attribution),
      listEnd: list.end,
      ...(list.note ? { listNote: list.note.slice(0, 300) } : {}),
      ...(list.note && list.noteSaid && list.note.length <= 300 ? { listNoteSaid: list.noteSaid } : {}),
      natPmp: natPmpAnswer,
      elsewhere: found.elsewhere,
      deletedBefore: run.deletedBefore ?? [],
    };
    return {
      audit: {
        measuredAt,
        interfaceName: target.interfaceName,
        gateway: measurement.gateway,
        igd: measurement.igd,
        mappings: measurement.mappings,
        listEnd: measurement.listEnd,
        ...(measurement.listNote ? { listNote: measurement.listNote } : {}),
        ...(measurement.listNoteSaid ? { listNoteSaid: measurement.listNoteSaid } : {}),
        natPmp: measurement.natPmp,
        elsewhere: measurement.elsewhere,
        findings: judgeUpnp(measurement),
      },
      control,
    };
  }

  return {
    /** What the router's UPnP and NAT-PMP say now, judged. */
    async audit(target: UpnpTarget, run: UpnpRun): Promise<UpnpAudit> {
      return (await measure(target, run)).audit;
    },

    /**
     * Deletes the chosen mappings (each as the router lists it now), then reads the list again: a mapping counts
     * as gone only when the new list no longer holds it.
     */
    async delete(
      target: UpnpTarget,
      chosen: ReadonlyArray<{ protocol: UpnpProtocol; externalPort: number }>,
      run: UpnpRun,
    ): Promise<UpnpDeleteResult> {
      const before = await measure(target, run);
      const deletions: UpnpDeletion[] = [];
      /** Each deleted mapping's lease left, as listed before (for the re-check's delay). */
      const leases = new Map<UpnpDeletion, number>();
      for (const c of chosen) {
        const listed = before.audit.mappings.find(
          (m) => m.protocol === c.protocol && m.externalPort === c.externalPort,
        );
        if (!before.control || !listed) {
          deletions.push({
            ...c,
            accepted: false,
            gone: false,
            errorCode: null,
            ...deletionWords(said(before.control ? 'upnp.deletionSaid.notListed' : 'upnp.deletionSaid.noGateway')),
          });
          continue;
        }
        if (run.signal.aborted) break;
        run.progress?.(said('upnp.progress.deleting', { protocol: c.protocol, port: String(c.externalPort) }));
        const r = await deleteMapping(deps.http, before.control, listed, run.signal);
        const deletion = { ...c, ...r, gone: false };
        deletions.push(deletion);
        leases.set(deletion, listed.leaseSeconds);
      }
      run.progress?.(said('upnp.progress.readingAgain'));
      const after = await measure(target, { ...run, progress: undefined });
      for (const d of deletions) {
        const stillThere = after.audit.mappings.some(
          (m) => m.protocol === d.protocol && m.externalPort === d.externalPort,
        );
        d.gone = after.audit.listEnd === 'complete' && !!after.audit.igd && !stillThere;
        if (d.accepted && !d.gone)
          Object.assign(
            d,
            deletionWords(
              said(
                after.audit.listEnd === 'complete' && after.audit.igd
                  ? 'upnp.deletionSaid.stillListed'
                  : 'upnp.deletionSaid.notProven',
              ),
            ),
          );
      }
      const gone = deletions.filter((d) => d.gone).map((d) => ({ leaseSeconds: leases.get(d) ?? 0 }));
      return { deletions, audit: after.audit, recheckAfterS: gone.length ? recheckDelay(gone) : null };
    },
  };
}

export type UpnpService = ReturnType<typeof createUpnpService>;
