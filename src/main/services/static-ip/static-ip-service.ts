// The Static IP step's service: read what the device says about its address (logged in over ONVIF, else what
// discovery knows), judge it against this computer's network and the DHCP pool as known, propose a free address,
// and change it — proven free just before, saved as pending before it is sent, the device followed to its new
// address and read back; put back where it still answers.
import {
  RESERVATION_PATHS,
  reservationPathSaid,
  reservationPathText,
} from '../../../shared/catalog/router-reservations';
import type { DiscoveredDevice } from '../../../shared/domain/device';
import {
  checkTypedAddress,
  choosePool,
  judgeAddress,
  noProposalSaid,
  parsePool,
  poolFromLeases,
  proposeAddress,
  routerDefaultPool,
  type Ipv4Settings,
  type KnownDevice,
  type LanFacts,
} from '../../../shared/domain/static-ip';
import type { AddressProblem, PlannedReservation, StaticIpReading } from '../../../shared/steps/static-ip';
import { AppFailure } from '../../../shared/ipc/errors';
import { saidInEnglish } from '../../../shared/i18n/english';
import { said, type Words } from '../../../shared/i18n/said';
import { type OnvifClientDeps, type OnvifCredentials, type OnvifSession } from '../onvif/onvif-client';
import { createAddressChange, settingsFromNetwork } from './address-change';
import type { FreeProof } from './address-probe';
import { createFollower } from './static-ip-follow';

export { STEPS_TO_RECHECK, type ApplyOptions } from './address-change';
export { urlAt } from './static-ip-follow';
import type { DeviceNetwork } from './device-network';

export interface StaticIpServiceDeps {
  onvif: OnvifClientDeps;
  now: () => Date;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readNetwork(session: OnvifSession, reachedAt: string, signal: AbortSignal): Promise<DeviceNetwork>;
  sendNetwork(
    session: OnvifSession,
    change:
      | { interfaceToken: string; address: string; prefix: number; gateway: string; dns: string[] }
      | { interfaceToken: string; dhcp: true },
    signal: AbortSignal,
  ): Promise<{ rebootNeeded: boolean; replyLost?: boolean }>;
  reboot(session: OnvifSession, signal: AbortSignal): Promise<void>;
  proveFree(address: string, signal: AbortSignal): Promise<FreeProof>;
  /** The MAC the neighbour table holds for an address (after we talked to it), or null. */
  macAt(address: string): Promise<string | null>;
  /** How long to look for the device after the change: rounds × interval (default 30 × 2 s, a reboot included). */
  follow?: { rounds: number; intervalMs: number };
  /**
   * Searches the LAN for a device by its MAC or WS-Discovery endpoint; its device-service URL, or null. For a device
   * that came back at neither the address it was given nor its old one (e.g. its DHCP lease moved).
   */
  locate?: (whom: { mac: string | null; endpoint: string | null }, signal: AbortSignal) => Promise<string | null>;
  /** Logs in (default: ONVIF openSession over `onvif`); tests pass a fake device. */
  openSession?: (url: URL, login: OnvifCredentials, signal: AbortSignal) => Promise<OnvifSession>;
  /** Whether ONVIF answers at an address and port without a login (default: GetSystemDateAndTime). */
  reachable?: (address: string, port: number, signal: AbortSignal) => Promise<void>;
}

export interface CheckOptions {
  login?: OnvifCredentials;
  /** The router way, when the user chose it: proven when the device has the reserved address. */
  reservation?: PlannedReservation | null;
  lan: LanFacts | null;
  userPool: string | null;
  known: KnownDevice[];
  signal: AbortSignal;
  progress?: (done: number, total: number | null, words: Words) => void;
}

/** What discovery knows of a device's address settings, without a login. */
export function settingsFromDiscovery(device: DiscoveredDevice): Ipv4Settings {
  const source = device.sources.includes('sadp') ? 'sadp' : device.sources.includes('dhip') ? 'dhip' : 'discovery';
  return {
    dhcp: device.dhcp,
    address: device.addresses[0] ?? null,
    prefix: null,
    gateway: null,
    dns: [],
    source,
  };
}

/**
 * The findings once the user chose the router way: a device that has the reserved address from DHCP is fine on DHCP
 * (the router keeps that address for its MAC); one that does not have it yet is waiting for its next lease.
 */
export function withReservation(
  findings: StaticIpReading['findings'],
  settings: Ipv4Settings,
  reservation: PlannedReservation,
): StaticIpReading['findings'] {
  const planned = `Your reservation: ${reservation.address} for MAC ${reservation.mac ?? '(not known)'}, noted ${reservation.plannedAt.slice(0, 10)}.`;
  const now = `${settings.source === 'onvif' ? 'The NVR says' : 'Discovery saw'}: DHCP ${settings.dhcp === null ? 'not known' : settings.dhcp ? 'on' : 'off'}, address ${settings.address ?? 'not known'}.`;
  // A static address is judged as such: the reservation does not matter to a device that does not ask DHCP.
  if (settings.dhcp === false) return findings;
  if (settings.address === reservation.address)
    return [
      {
        code: 'reservation-ok',
        severity: 'ok',
        ...saidInEnglish(said('staticIp.findings.reservationOk', { address: reservation.address })),
        evidence: [now, planned],
      },
      ...findings.filter((f) => f.code !== 'on-dhcp' && f.code !== 'static-in-pool'),
    ];
  return [
    ...findings,
    {
      code: 'reservation-pending',
      severity: 'info',
      ...saidInEnglish(
        settings.address === null
          ? said('staticIp.findings.reservationPendingNoAddress', { address: reservation.address })
          : said('staticIp.findings.reservationPending', { address: reservation.address, current: settings.address }),
      ),
      evidence: [now, planned],
    },
  ];
}

export function createStaticIpService(deps: StaticIpServiceDeps) {
  const follow = deps.follow ?? { rounds: 30, intervalMs: 2000 };
  const follower = createFollower(deps, follow);
  const { session } = follower;

  /** The pool a proposal rests on: the user's entry wins; leases and the router family's factory pool otherwise. */
  function poolFor(lan: LanFacts | null, userPool: string | null, known: KnownDevice[]) {
    if (!lan) return null;
    let user = null;
    if (userPool) {
      const parsed = parsePool(userPool, lan);
      if ('problem' in parsed) throw new AppFailure('STATIC_IP_BAD_POOL', parsed.problem, parsed.said);
      user = parsed.pool;
    }
    return choosePool({ user, leases: poolFromLeases(known, lan), routerDefault: routerDefaultPool(lan) });
  }

  /** Reads and judges the device's address settings. */
  async function check(device: DiscoveredDevice, options: CheckOptions): Promise<StaticIpReading> {
    const { signal, lan } = options;
    let settings = settingsFromDiscovery(device);
    let loggedIn = false;
    let mac = device.mac;
    if (options.login && device.onvifUrl) {
      options.progress?.(0, 2, said('staticIp.progress.reading'));
      const s = await session(device.onvifUrl, options.login, signal);
      const network = await deps.readNetwork(s, new URL(device.onvifUrl).hostname, signal);
      settings = settingsFromNetwork(network);
      loggedIn = true;
      mac = network.mac ?? mac;
    }
    if (!mac && settings.address) mac = await deps.macAt(settings.address);
    options.progress?.(1, 2, said('staticIp.progress.judging'));
    const pool = poolFor(lan, options.userPool, options.known);
    // Another device on the same address (a different MAC or another entry of the inventory) is a conflict.
    const conflicts = options.known
      .filter((k) => k.id !== device.id && k.address === settings.address && k.mac && k.mac !== mac)
      .map((k) => k.mac!);
    let findings: StaticIpReading['findings'] = lan
      ? judgeAddress({ device: settings, lan, pool, conflicts })
      : [
          {
            code: 'settings-unknown' as const,
            severity: 'info' as const,
            ...saidInEnglish(said('staticIp.findings.pickInterface')),
            evidence: [],
          },
        ];
    if (options.reservation) findings = withReservation(findings, settings, options.reservation);
    const proposal = lan
      ? proposeAddress({ device: settings, lan, pool, known: options.known, deviceId: device.id })
      : null;
    if (lan && !proposal)
      findings = [
        ...findings,
        {
          code: 'no-free-address',
          severity: 'warning',
          ...saidInEnglish(noProposalSaid({ lan, pool })),
          evidence: pool ? [`DHCP range ${pool.first}–${pool.last}: ${pool.basis}`] : [],
        },
      ];
    return {
      deviceId: device.id,
      at: deps.now().toISOString(),
      settings,
      loggedIn,
      mac,
      lan,
      pool,
      findings,
      proposal,
      reservation: proposal
        ? {
            mac,
            address: proposal.address,
            families: RESERVATION_PATHS.map((p) => {
              const pathSaid = reservationPathSaid(p);
              return {
                family: p.family,
                path: reservationPathText(p),
                ...(pathSaid ? { pathSaid } : {}),
                source: p.source,
              };
            }),
          }
        : null,
    };
  }

  /** Problems with a typed address (and gateway, DNS); nothing is sent. */
  function plan(
    device: DiscoveredDevice,
    target: { address: string; gateway?: string; dns?: string[] },
    ctx: { lan: LanFacts; userPool: string | null; known: KnownDevice[]; current: Ipv4Settings | null },
  ): { problems: AddressProblem[]; proposal: StaticIpReading['proposal'] } {
    const pool = poolFor(ctx.lan, ctx.userPool, ctx.known);
    const problems = checkTypedAddress(target.address, { lan: ctx.lan, pool, known: ctx.known, deviceId: device.id });
    const gateway = target.gateway ?? ctx.lan.gateway;
    if (!gateway) problems.push({ severity: 'error', ...saidInEnglish(said('staticIp.typed.noGateway')) });
    const dns = target.dns?.length ? target.dns : ctx.current?.dns.length ? ctx.current.dns.slice(0, 2) : [];
    const ok = !problems.some((p) => p.severity === 'error') && gateway;
    const typedWhy = saidInEnglish(said('staticIp.why.typed'));
    return {
      problems,
      proposal: ok
        ? {
            address: target.address.trim(),
            prefix: ctx.lan.prefix,
            gateway,
            dns: dns.length ? dns : [gateway],
            why: [typedWhy.text],
            whySaid: [typedWhy.said],
          }
        : null,
    };
  }

  const { apply, recover } = createAddressChange(deps, follower, plan, follow);
  return { check, plan, apply, recover };
}

export type StaticIpService = ReturnType<typeof createStaticIpService>;
