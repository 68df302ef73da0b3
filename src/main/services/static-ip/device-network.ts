// A device's IPv4 settings over ONVIF, on a logged-in session: read them (GetNetworkInterfaces,
// GetNetworkDefaultGateway, GetDNS) and send new ones (SetDNS, SetNetworkDefaultGateway, then SetNetworkInterfaces
// last, since the address change cuts the connection), and SystemReboot when the device asks for it. Faults become
// catalogued failures in plain words; a settings change the device refuses half-way is put back where it can be.
// The decisions (which address, whether to send) are the caller's: this file only speaks to the device.
import { said, saidWords, type SaidWords } from '../../../shared/i18n/said';
import { AppFailure } from '../../../shared/ipc/errors';
import { saidFailure } from '../../core/said-failure';
import {
  buildSetDns,
  buildSetNetworkDefaultGateway,
  buildSetNetworkInterfaces,
  buildSystemReboot,
  canonicalIPv4,
  networkFault,
  readDefaultGateway,
  readDns,
  readNetworkInterfaces,
  readRebootNeeded,
  readSystemRebootMessage,
  type DnsSettings,
  type NetworkFault,
  type OnvifInterface,
} from '../../protocol/onvif-network';
import type { SoapReply } from '../../protocol/onvif-soap';
import type { XmlElement } from '../../protocol/xml';
import type { OnvifSession } from '../onvif/onvif-client';

export interface DeviceNetwork {
  /** The interface that carries the address we reached the device at (else the first enabled one). */
  interfaceToken: string;
  mac: string | null;
  dhcp: boolean;
  address: string | null;
  prefix: number | null;
  gateway: string | null;
  dns: string[];
  dnsFromDhcp: boolean;
  /** Every interface the device listed (at most 8). */
  interfaces: OnvifInterface[];
}

export type DeviceNetworkChange =
  | { interfaceToken: string; address: string; prefix: number; gateway: string; dns: string[] }
  | { interfaceToken: string; dhcp: true };

export interface SendResult {
  rebootNeeded: boolean;
  /**
   * The interface change was sent but its answer never came (the connection was cut or timed out): the device
   * has most likely moved already. Follow it; do not report a failure.
   */
  replyLost: boolean;
}

/** Failures that mean "the request went out, the answer did not come back" (the device moved under us). */
const LOST = new Set(['DEVICE_UNREACHABLE', 'TIMEOUT', 'NOT_ONVIF', 'NETWORK_LOST']);

function toNumber(a: string): number {
  return a.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

function sameSubnet(a: string, b: string, prefix: number): boolean {
  const size = 2 ** (32 - prefix);
  return Math.floor(toNumber(a) / size) === Math.floor(toNumber(b) / size);
}

function addressesOf(i: OnvifInterface) {
  return [...(i.fromDhcp ? [i.fromDhcp] : []), ...i.manual];
}

/** The interface, address and prefix that answer at `reachedAt`; else the first enabled interface's own. */
function choose(interfaces: OnvifInterface[], reachedAt: string) {
  const at = canonicalIPv4(reachedAt);
  for (const i of interfaces) {
    const hit = addressesOf(i).find((a) => a.address === at);
    if (hit) return { iface: i, addr: hit };
  }
  const iface = interfaces.find((i) => i.enabled) ?? interfaces[0]!;
  // The address in use: the lease when DHCP is on, else the first manual one.
  const addr = (iface.dhcp ? (iface.fromDhcp ?? iface.manual[0]) : (iface.manual[0] ?? iface.fromDhcp)) ?? null;
  return { iface, addr };
}

/** The body of a reply, or null when the device faulted (not-supported or other) on an optional read. */
function bodyOr<T>(reply: SoapReply, read: (body: XmlElement) => T, empty: T): T {
  return reply.kind === 'body' ? read(reply.body) : empty;
}

/** Reads the device's IPv4 settings. A device that cannot list its interfaces is STATIC_IP_NOT_SUPPORTED. */
export async function readDeviceNetwork(
  session: OnvifSession,
  reachedAt: string,
  signal: AbortSignal,
): Promise<DeviceNetwork> {
  const reply = await session.call('GetNetworkInterfaces', '', signal);
  const interfaces = reply.kind === 'body' ? readNetworkInterfaces(reply.body) : [];
  if (interfaces.length === 0) throw new AppFailure('STATIC_IP_NOT_SUPPORTED');
  const { iface, addr } = choose(interfaces, reachedAt);
  // Gateway and DNS are read too, but a device that faults on them still has an address to show.
  const gateways = bodyOr(await session.call('GetNetworkDefaultGateway', '', signal), readDefaultGateway, []);
  const dns = bodyOr<DnsSettings>(await session.call('GetDNS', '', signal), readDns, {
    fromDhcp: false,
    servers: [],
  });
  const gateway = (addr && gateways.find((g) => sameSubnet(g, addr.address, addr.prefix))) ?? gateways[0] ?? null;
  return {
    interfaceToken: iface.token,
    mac: iface.mac,
    dhcp: iface.dhcp,
    address: addr?.address ?? null,
    prefix: addr?.prefix ?? null,
    gateway,
    dns: dns.servers,
    dnsFromDhcp: dns.fromDhcp,
    interfaces,
  };
}

/** What the app was changing, in the refusal's words (the catalogue's staticIp.failures.what). */
const WHAT = {
  SetDNS: saidWords('staticIp.failures.what.SetDNS'),
  SetNetworkDefaultGateway: saidWords('staticIp.failures.what.SetNetworkDefaultGateway'),
  SetNetworkInterfaces: saidWords('staticIp.failures.what.SetNetworkInterfaces'),
} as const;

/** Why the NVR refused, by its ONVIF fault (staticIp.failures.why). */
const WHY: Record<NetworkFault, SaidWords> = {
  'invalid-address': saidWords('staticIp.failures.why.invalidAddress'),
  'invalid-interface': saidWords('staticIp.failures.why.invalidInterface'),
  'invalid-mtu': saidWords('staticIp.failures.why.invalidMtu'),
  'not-supported': saidWords('staticIp.failures.why.notSupported'),
  other: saidWords('staticIp.failures.why.unknown'),
};

/**
 * Sends the change: DNS, gateway, then the interface (the address change cuts the connection, so it goes last).
 * A fault on any of them puts back what was already changed (from a reading taken just before) and fails with
 * STATIC_IP_DEVICE_REFUSED (STATIC_IP_NOT_SUPPORTED when the device does not allow it); the message says whether
 * anything stayed changed. A connection cut after the interface request was sent is `replyLost`, not a failure.
 * Going back to DHCP sends only the interface.
 */
export async function sendDeviceNetwork(
  session: OnvifSession,
  change: DeviceNetworkChange,
  signal: AbortSignal,
): Promise<SendResult> {
  // Validate every body before anything is sent (the builders throw on bad values; nothing half-sent).
  const interfaceBody =
    'dhcp' in change
      ? buildSetNetworkInterfaces(change.interfaceToken, { dhcp: true })
      : buildSetNetworkInterfaces(change.interfaceToken, {
          dhcp: false,
          address: change.address,
          prefix: change.prefix,
        });
  const steps: Array<{ operation: 'SetDNS' | 'SetNetworkDefaultGateway'; body: string; undo: string | null }> = [];
  if (!('dhcp' in change)) {
    const dnsBody = buildSetDns({ fromDhcp: false, servers: change.dns });
    const gatewayBody = buildSetNetworkDefaultGateway([change.gateway]);
    const before = await readForUndo(session, signal);
    steps.push({ operation: 'SetDNS', body: dnsBody, undo: before.dns });
    steps.push({ operation: 'SetNetworkDefaultGateway', body: gatewayBody, undo: before.gateway });
  }

  const done: typeof steps = [];
  for (const step of steps) {
    const reply = await session.call(step.operation, step.body, signal);
    if (reply.kind !== 'body') await refuse(session, step.operation, reply, done, signal);
    done.push(step);
  }

  let reply: SoapReply;
  try {
    reply = await session.call('SetNetworkInterfaces', interfaceBody, signal);
  } catch (err) {
    if (err instanceof AppFailure && LOST.has(err.code)) return { rebootNeeded: false, replyLost: true };
    throw err;
  }
  if (reply.kind === 'invalid') return { rebootNeeded: false, replyLost: true };
  if (reply.kind === 'fault') await refuse(session, 'SetNetworkInterfaces', reply, done, signal);
  return { rebootNeeded: reply.kind === 'body' && readRebootNeeded(reply.body), replyLost: false };
}

/** The bodies that put DNS and gateway back as they are now (null where the device would not tell). */
async function readForUndo(session: OnvifSession, signal: AbortSignal) {
  const undo = async (operation: string, build: (body: XmlElement) => string) => {
    const reply = await session.call(operation, '', signal);
    if (reply.kind !== 'body') return null;
    try {
      return build(reply.body);
    } catch {
      return null; // a value the device holds that we would not send (e.g. more than 8): no undo
    }
  };
  return {
    dns: await undo('GetDNS', (b) => buildSetDns(readDns(b))),
    gateway: await undo('GetNetworkDefaultGateway', (b) => buildSetNetworkDefaultGateway(readDefaultGateway(b))),
  };
}

/** Puts back the steps already done (newest first), then fails in plain words saying what stayed changed. */
async function refuse(
  session: OnvifSession,
  operation: keyof typeof WHAT,
  reply: SoapReply,
  done: Array<{ operation: 'SetDNS' | 'SetNetworkDefaultGateway'; undo: string | null }>,
  signal: AbortSignal,
): Promise<never> {
  const fault = networkFault(reply) ?? 'other';
  const stayed: Array<'SetDNS' | 'SetNetworkDefaultGateway'> = [];
  for (const step of [...done].reverse()) {
    let restored = false;
    if (step.undo !== null)
      try {
        restored = (await session.call(step.operation, step.undo, signal)).kind === 'body';
      } catch {
        restored = false;
      }
    if (!restored) stayed.unshift(step.operation);
  }
  const code = fault === 'not-supported' ? 'STATIC_IP_NOT_SUPPORTED' : 'STATIC_IP_DEVICE_REFUSED';
  const what = WHAT[operation];
  // DNS is always sent before the gateway: what stayed changed is one of them, or both in that order.
  const left = stayed.length > 1 ? saidWords('staticIp.failures.what.both') : stayed[0] ? WHAT[stayed[0]] : null;
  const words =
    fault === 'not-supported'
      ? left
        ? said('staticIp.failures.notSupportedStayed', { what, stayed: left })
        : said('staticIp.failures.notSupportedKept', { what })
      : left
        ? said('staticIp.failures.refusedStayed', { what, why: WHY[fault], stayed: left })
        : said('staticIp.failures.refusedKept', { what, why: WHY[fault] });
  throw saidFailure(code, words);
}

/**
 * Restarts the device (after a change that needs it) and gives back the device's own words about it (its Message,
 * at most 200 characters) when it sent any. A cut connection is the restart under way, not a failure.
 */
export async function rebootDevice(
  session: OnvifSession,
  signal: AbortSignal,
  onMessage?: (message: string) => void,
): Promise<void> {
  let reply: SoapReply;
  try {
    reply = await session.call('SystemReboot', buildSystemReboot(), signal);
  } catch (err) {
    if (err instanceof AppFailure && LOST.has(err.code)) return;
    throw err;
  }
  if (reply.kind === 'fault') {
    if (networkFault(reply) === 'not-supported')
      throw saidFailure('STATIC_IP_NOT_SUPPORTED', said('staticIp.failures.rebootNotSupported'));
    throw saidFailure('STATIC_IP_DEVICE_REFUSED', said('staticIp.failures.rebootRefused'));
  }
  const message = reply.kind === 'body' ? readSystemRebootMessage(reply.body) : null;
  if (message !== null) onMessage?.(message);
}
