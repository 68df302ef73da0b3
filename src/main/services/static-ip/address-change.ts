// The Static IP step's change: give the device a static address through the one device-change engine (pending,
// send, follow and read back, put back and read back), and find out a change the app did not live to finish.
import type { DiscoveredDevice } from '../../../shared/domain/device';
import type { Ipv4Settings, KnownDevice, LanFacts } from '../../../shared/domain/static-ip';
import { AppFailure, isAppFailure, type FailurePart } from '../../../shared/ipc/errors';
import { said, type Words } from '../../../shared/i18n/said';
import type { StaticIpPending, StaticIpReading, StaticIpResult, AddressProblem } from '../../../shared/steps/static-ip';
import type { OnvifCredentials } from '../onvif/onvif-client';
import { refusalWithParts } from '../../core/said-failure';
import { runDeviceChange } from '../device-change/engine';
import type { DeviceNetwork } from './device-network';
import { urlAt, type Follower } from './static-ip-follow';
import type { StaticIpServiceDeps } from './static-ip-service';

/** A problem as a refusal lists it: its English words, and the same by key. */
const part = (p: AddressProblem): FailurePart => (p.said ? { said: p.said, text: p.text } : { text: p.text });

export interface ApplyOptions {
  login: OnvifCredentials;
  lan: LanFacts;
  userPool: string | null;
  known: KnownDevice[];
  target: { address: string; gateway?: string; dns?: string[] };
  confirmWarnings: boolean;
  signal: AbortSignal;
  progress?: (done: number, total: number | null, words: Words) => void;
  /** Called (and awaited) just before the device is told: the caller saves it, so a crash is found out. */
  onChanging(pending: StaticIpPending): Promise<void>;
}

/** The steps whose results point at the device's address, which a move makes stale. */
export const STEPS_TO_RECHECK = ['ports', 'upnp', 'rules', 'verify'] as const;

export function settingsFromNetwork(n: DeviceNetwork): Ipv4Settings {
  return { dhcp: n.dhcp, address: n.address, prefix: n.prefix, gateway: n.gateway, dns: n.dns, source: 'onvif' };
}

type Plan = (
  device: DiscoveredDevice,
  target: { address: string; gateway?: string; dns?: string[] },
  ctx: { lan: LanFacts; userPool: string | null; known: KnownDevice[]; current: Ipv4Settings | null },
) => { problems: AddressProblem[]; proposal: StaticIpReading['proposal'] };

export function createAddressChange(
  deps: StaticIpServiceDeps,
  follower: Follower,
  plan: Plan,
  follow: { rounds: number; intervalMs: number },
) {
  const { session, findAgain } = follower;

  /** Gives the device a static address, follows it, reads it back; puts it back where it still answers. */
  async function apply(device: DiscoveredDevice, o: ApplyOptions): Promise<StaticIpResult> {
    if (!device.onvifUrl) throw new AppFailure('STATIC_IP_NOT_SUPPORTED');
    const steps: string[] = [];
    const progress = (done: number, total: number | null, words: Words) => {
      o.progress?.(done, total, words);
    };
    // 1. The gate: main never sends an address it would not have proposed without the user's yes.
    progress(0, 6, said('staticIp.progress.checking'));
    const s0 = await session(device.onvifUrl, o.login, o.signal);
    const before = await deps.readNetwork(s0, new URL(device.onvifUrl).hostname, o.signal);
    const current = settingsFromNetwork(before);
    const checked = plan(device, o.target, { lan: o.lan, userPool: o.userPool, known: o.known, current });
    const errors = checked.problems.filter((p) => p.severity === 'error');
    if (errors.length || !checked.proposal)
      throw refusalWithParts('STATIC_IP_REFUSED', 'staticIp.failures.notSent', errors.map(part));
    if (!o.confirmWarnings && checked.problems.length)
      throw refusalWithParts('STATIC_IP_UNCONFIRMED', 'staticIp.failures.notConfirmed', checked.problems.map(part));
    const to = {
      address: checked.proposal.address,
      prefix: checked.proposal.prefix,
      gateway: checked.proposal.gateway,
      dns: checked.proposal.dns,
    };
    const change = { from: current, to };
    const mac = before.mac ?? device.mac;

    // 2. Proven free just before use (unless it is the device's own address already).
    if (to.address !== current.address) {
      progress(1, 6, said('staticIp.progress.probing', { address: to.address }));
      const proof = await deps.proveFree(to.address, o.signal);
      steps.push(...proof.evidence.map((e) => e.detail));
      // The neighbour table remembers an address for a while after its owner left it: when only the table names
      // an owner and that owner is this very device (its MAC), the address is not taken by anyone else.
      const onlyOurOwnMac =
        !!proof.mac &&
        !!mac &&
        proof.mac === mac &&
        proof.evidence.every((e) => e.method === 'arp' || e.result !== 'answered');
      if (onlyOurOwnMac)
        steps.push(`Only this NVR's own MAC (${mac}) was remembered at ${to.address}: nobody else is there.`);
      else if (!proof.free) throw new AppFailure('STATIC_IP_ADDRESS_IN_USE');
    }

    // 3. The one change machinery (device-change/engine.ts): pending saved, sent, the device followed and read back;
    // put back (and read back) where it still answers.
    const newUrl = urlAt(device.onvifUrl, to.address);
    const oldUrl = device.onvifUrl;
    const waited = Math.round((follow.rounds * follow.intervalMs) / 1000);
    let found: Awaited<ReturnType<typeof findAgain>> = null;
    let refusedBySend = false;
    let lastSeen: string | null = null;
    /** Whether the put-back sent the old settings (then the NVR did not keep them by itself). */
    let sentBack = false;
    const ran = await runDeviceChange({
      pending: {
        change,
        mac,
        endpoint: device.endpoint,
        onvifUrl: oldUrl,
        newOnvifUrl: newUrl,
        startedAt: deps.now().toISOString(),
      },
      onChanging: o.onChanging,
      signal: o.signal,
      // Following (a restart included), a put-back and following it again.
      boundMs: Math.max(60_000, follow.rounds * follow.intervalMs * 3),
      unreachable: `the NVR answers neither at ${to.address} nor at ${current.address ?? 'its old address'}`,
      phase: (phase) =>
        phase === 'sending'
          ? progress(2, 6, said('staticIp.progress.giving', { address: to.address }))
          : phase === 'verifying'
            ? progress(4, 6, said('staticIp.progress.looking', { address: to.address }))
            : progress(5, 6, said('staticIp.progress.puttingBack')),
      steps: {
        async send({ work }) {
          let sent: { rebootNeeded: boolean; replyLost?: boolean };
          try {
            sent = await deps.sendNetwork(s0, { interfaceToken: before.interfaceToken, ...to }, work);
          } catch (err) {
            // The device refused (and what was changed before the refusal was put back): nothing moved.
            if (isAppFailure(err) && err.code === 'STATIC_IP_DEVICE_REFUSED') {
              refusedBySend = true;
              return err.message;
            }
            throw err;
          }
          steps.push(
            `Sent to the NVR: DHCP off, address ${to.address}/${to.prefix}, router ${to.gateway}, DNS ${to.dns.join(', ')}.`,
          );
          if (sent.replyLost) steps.push('The NVR’s answer to the address change did not arrive (it moved at once).');
          if (sent.rebootNeeded) {
            progress(3, 6, said('staticIp.progress.restarting'));
            steps.push('The NVR asked for a restart to use the new address; the app restarted it.');
            try {
              await deps.reboot(s0, work);
            } catch (err) {
              if (isAppFailure(err) && err.code === 'CANCELLED') throw err;
              // The reboot request cut the connection: the device may still be restarting. Following tells.
            }
          }
          return null;
        },
        async verify({ work }) {
          // The new address first, the old one too (it may have refused or gone back).
          found = await findAgain(
            [newUrl, oldUrl],
            o.login,
            work,
            (n) =>
              progress(
                4,
                6,
                said('staticIp.progress.lookingRound', {
                  address: to.address,
                  round: String(n + 1),
                  rounds: String(follow.rounds),
                }),
              ),
            { mac, endpoint: device.endpoint },
          );
          if (!found)
            return `The NVR did not answer at ${to.address} or at ${current.address ?? 'its old address'} within ${waited} s.`;
          const n = found.network;
          const at = new URL(found.url).hostname;
          const asSet =
            found.url === newUrl &&
            n.dhcp === false &&
            n.address === to.address &&
            n.prefix === to.prefix &&
            (n.gateway === null || n.gateway === to.gateway) &&
            to.dns.every((d) => n.dns.includes(d));
          const read = `DHCP ${n.dhcp ? 'on' : 'off'}, ${n.address ?? '—'}/${n.prefix ?? '—'}, router ${n.gateway ?? '—'}, DNS ${n.dns.join(', ') || '—'}`;
          steps.push(`Read back at ${at}: ${read}${asSet ? '.' : ' — not as sent.'}`);
          return asSet ? null : `The NVR answers at ${at} with ${read}, not as sent.`;
        },
        async restore({ work }) {
          // After a refusal nothing was followed yet: look for it where it was (and where it was sent).
          if (!found && refusedBySend) found = await findAgain([oldUrl, newUrl], o.login, work);
          if (!found) return false;
          const n = found.network;
          // Still at its old address with its old settings: there is nothing to put back.
          if (found.url === oldUrl && n.address === current.address && n.dhcp === current.dhcp) return true;
          const back =
            current.dhcp || !current.address || current.prefix === null
              ? ({ interfaceToken: n.interfaceToken, dhcp: true } as const)
              : {
                  interfaceToken: n.interfaceToken,
                  address: current.address,
                  prefix: current.prefix,
                  gateway: current.gateway ?? to.gateway,
                  dns: current.dns,
                };
          sentBack = true;
          try {
            await deps.sendNetwork(found.session, back, work);
          } catch (err) {
            if (isAppFailure(err) && err.code === 'CANCELLED') throw err;
          }
          steps.push(
            'dhcp' in back
              ? 'Sent to the NVR: DHCP on again (its settings before).'
              : `Sent to the NVR: its old address ${back.address}/${back.prefix} again.`,
          );
          return true;
        },
        async verifyRestored({ work }) {
          const again = await findAgain([oldUrl], o.login, work);
          if (again) lastSeen = current.address;
          if (again && again.network.dhcp === current.dhcp && again.network.address === current.address) {
            steps.push(`Read back at ${current.address}: as before.`);
            return null;
          }
          return again
            ? `it answers at ${current.address} with other settings than before`
            : `it does not answer at ${current.address} any more`;
        },
      },
    });

    if (ran.outcome === 'verified')
      return result(
        'verified',
        `The NVR now keeps the address ${to.address} (DHCP off), read back from the NVR itself. Check the steps that point at its address again.`,
        to.address,
      );
    if (ran.outcome === 'restored')
      return ran.refused
        ? result(
            'restored',
            `${ran.failure} Its settings were read back: as before (${current.address}).`,
            current.address,
          )
        : found && (found as { url: string }).url === oldUrl && !sentBack
          ? result(
              'restored',
              `The NVR kept its old settings (${current.address}). Nothing was changed.`,
              current.address,
            )
          : result(
              'restored',
              `The NVR did not keep the new settings; its old ones are back (${current.address}), read back from the NVR.`,
              current.address,
            );
    if (!ran.reached)
      return result(
        'lost',
        `The NVR did not answer at ${to.address} or at ${current.address ?? 'its old address'} within ${waited} s. The app sent: DHCP off, address ${to.address}/${to.prefix}, router ${to.gateway}. ` +
          `Its MAC is ${mac ?? 'not known'}. Find it with this app's search (with the address sweep), the vendor's tool (SADP, ConfigTool) or the router's list of clients; the app will check again when you open this step.`,
        null,
      );
    // Where it answered last: the put-back's read-back when it found it, else where following found it.
    const lastAt = lastSeen ?? (found ? new URL((found as { url: string }).url).hostname : null);
    return result(
      'failed',
      `The NVR did not keep the new settings, and putting the old ones back could not be verified: ${ran.back}. It last answered at ${lastAt ?? 'an unknown address'}; its MAC is ${mac ?? 'not known'}. Check its network page.`,
      lastAt,
    );

    function result(outcome: StaticIpResult['outcome'], message: string, address: string | null): StaticIpResult {
      return {
        deviceId: device.id,
        outcome,
        message,
        change,
        address,
        mac: mac ?? null,
        steps: steps.slice(0, 24),
        recheck: outcome === 'verified' ? [...STEPS_TO_RECHECK] : [],
        at: deps.now().toISOString(),
      };
    }
  }

  /**
   * A change the app did not live to finish: where does the device answer now? At the new address as set
   * (verified), at the old one (restored: nothing changed), or nowhere (lost: the message says where to look).
   */
  async function recover(
    device: DiscoveredDevice,
    pending: StaticIpPending,
    login: OnvifCredentials | undefined,
    signal: AbortSignal,
  ): Promise<StaticIpResult> {
    const to = pending.change.to;
    const base = {
      deviceId: device.id,
      change: pending.change,
      mac: pending.mac,
      at: deps.now().toISOString(),
    };
    const started = `${pending.startedAt.slice(0, 10)} at ${pending.startedAt.slice(11, 16)} UTC`;
    if (!login) {
      return {
        ...base,
        outcome: 'failed',
        message: `An address change started on ${started} did not finish, and the app has no login to check where the NVR is now. Log in again (step “Find your NVR”) and check this step.`,
        address: null,
        steps: [],
        recheck: [],
      };
    }
    const found = await findAgain([pending.newOnvifUrl, pending.onvifUrl], login, signal, undefined, {
      mac: pending.mac,
      endpoint: pending.endpoint,
    });
    if (
      found &&
      found.url === pending.newOnvifUrl &&
      found.network.dhcp === false &&
      found.network.address === to.address
    )
      return {
        ...base,
        outcome: 'verified',
        message: `An address change started on ${started} did finish: the NVR answers at ${to.address} with DHCP off.`,
        address: to.address,
        steps: [`Found at ${to.address} after the app restarted.`],
        recheck: [...STEPS_TO_RECHECK],
      };
    if (found)
      return {
        ...base,
        outcome: 'restored',
        message: `An address change started on ${started} did not take: the NVR answers at ${new URL(found.url).hostname}${found.url === pending.onvifUrl ? ', as before' : ' (found by a search of the network)'}.`,
        address: new URL(found.url).hostname,
        steps: [],
        recheck: [],
      };
    return {
      ...base,
      outcome: 'lost',
      message: `An address change (to ${to.address}) started on ${started} did not finish, and the NVR answers neither there nor at ${pending.change.from.address ?? 'its old address'}. Its MAC is ${pending.mac ?? 'not known'}: find it with this app's search (with the address sweep), the vendor's tool or the router's list of clients.`,
      address: null,
      steps: [],
      recheck: [],
    };
  }

  return { apply, recover };
}
