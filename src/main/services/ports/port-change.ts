// The Ports step's change engine: move a device's HTTP/HTTPS/RTSP ports through ONVIF SetNetworkProtocols —
// the change gate first (main never sends a change it would not have proposed without the user's yes), a snapshot,
// a pending record, verification by measurement, and the snapshot put back (and verified) on any failure; and the
// recovery of a change the app did not live to finish.
import { ROLE_LABELS } from '../../../shared/catalog/ports';
import type { UsedPort } from '../../../shared/catalog/port-proposal';
import type { DiscoveredDevice } from '../../../shared/domain/device';
import {
  PROTOCOL_OF_ROLE,
  type OnvifRole,
  type PortApplyResult,
  type PortPendingChange,
  type PortReport,
} from '../../../shared/domain/ports';
import { AppFailure, isAppFailure } from '../../../shared/ipc/errors';
import { said, type Said, type Words } from '../../../shared/i18n/said';
import {
  buildSetNetworkProtocols,
  isPortInUseFault,
  type NetworkProtocol,
  type SoapReply,
} from '../../protocol/onvif-soap';
import {
  openSession,
  readDeviceClock,
  type OnvifClientDeps,
  type OnvifCredentials,
  type OnvifSession,
} from '../onvif/onvif-client';
import type { PortIdentity } from './identify';
import { toPortService } from './port-judgement';
import { gateChange } from './change-gate';
import { checkPortChanges, type PortChange } from './port-plan';
import { createChangeVerifier, EXPECTED, portOf, webAddress } from './port-verify';
import type { PortsServiceDeps } from './ports-service';
import { runDeviceChange } from '../device-change/engine';
import { combineParts, movedBy } from './port-change-parts';
import {
  doneSentences,
  eachLine,
  faultInWords,
  messageOf,
  notBackSentences,
  nothingToChange,
  putBackSentences,
  unfinishedSentences,
} from './port-change-words';

export interface ApplyOptions {
  credentials?: OnvifCredentials;
  /** The last measurement, to name the service that already has a port the device refuses. */
  report?: PortReport | null;
  signal: AbortSignal;
  /** main's progress lines, said by key (`ports.said.progress.*`). */
  progress?: (done: number, total: number | null, words: Words) => void;
  /** Called (and awaited) just before the device is told to change: the caller saves it, so a crash is known. */
  onChanging?: (pending: PortPendingChange) => Promise<void>;
  /**
   * The ports other known devices use or are planned to use (port-plan.ts `portsUsedElsewhere`): a change onto one
   * of them is refused, as the plan refuses it.
   */
  inUseElsewhere?: readonly UsedPort[];
  /**
   * The user's yes to the warnings the plan's rules give about these ports (a known factory port, a commonly scanned
   * one…). Without it a change with warnings is not sent (PORTS_CHANGE_UNCONFIRMED); with it they are recorded
   * with the change (`confirmedWarnings`). Errors refuse the change either way (PORTS_CHANGE_REFUSED).
   */
  confirmWarnings?: boolean;
  /**
   * Move each port on its own, one after another, each under the same gate, snapshot, verification and restore; keep
   * what verifies. For a device that refused a combined change: the part it accepts moves, the rest stays (the
   * result is then `partial` and says what the kept port means for forwarding).
   */
  oneAtATime?: boolean;
}

export interface PortChangeRequest {
  role: OnvifRole;
  to: number;
}

export interface AppliedPorts {
  result: PortApplyResult;
  /** The device's HTTP/HTTPS/RTSP settings now (as verified, or as put back); null when not known. */
  protocols: NetworkProtocol[] | null;
}

/** What the change engine is built from: the service's own deps and its ONVIF and identification helpers. */
export interface ChangeEngineDeps {
  deps: PortsServiceDeps;
  now: () => Date;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  rounds: number;
  intervalMs: number;
  onvifDeps: OnvifClientDeps;
  identifyOne(address: string, port: number, signal: AbortSignal): Promise<PortIdentity | null>;
  readProtocols(session: OnvifSession, signal: AbortSignal): Promise<NetworkProtocol[] | null>;
}

export function createChangeEngine(ctx: ChangeEngineDeps) {
  const { now, sleep, rounds, intervalMs, onvifDeps, identifyOne, readProtocols } = ctx;
  const { verifyMoved, verifyRestored, describeState } = createChangeVerifier(ctx);

  async function apply(
    device: DiscoveredDevice,
    requested: readonly PortChangeRequest[],
    options: ApplyOptions,
  ): Promise<AppliedPorts> {
    if (options.oneAtATime && requested.length > 1) return applyOneAtATime(device, requested, options);
    const after = { protocols: null as NetworkProtocol[] | null };
    const result = await applyChanges(device, requested, options, after);
    return { result, protocols: after.protocols };
  }

  /** Each change alone, in order: the ones the device takes stay (see ApplyOptions.oneAtATime). */
  async function applyOneAtATime(
    device: DiscoveredDevice,
    requested: readonly PortChangeRequest[],
    options: ApplyOptions,
  ): Promise<AppliedPorts> {
    const parts: PortApplyResult[] = [];
    let current = device;
    let protocols: NetworkProtocol[] | null = null;
    for (const [i, change] of requested.entries()) {
      if (options.signal.aborted) break;
      const progress = options.progress ?? (() => {});
      const step = await apply(current, [change], {
        ...options,
        oneAtATime: false,
        progress: (done, total, words) => progress(done, total, eachLine(i + 1, requested.length, change.role, words)),
      });
      parts.push(step.result);
      protocols = step.protocols ?? protocols;
      if (step.result.outcome === 'verified' && step.result.changes.length) current = movedBy(current, step.result);
      // A device in an unknown state gets no further change.
      if (step.result.outcome === 'failed') break;
    }
    return { result: combineParts(device, parts, now().toISOString()), protocols };
  }

  async function applyChanges(
    device: DiscoveredDevice,
    requested: readonly PortChangeRequest[],
    options: ApplyOptions,
    after: { protocols: NetworkProtocol[] | null },
  ): Promise<PortApplyResult> {
    const progress = options.progress ?? (() => {});
    const address = device.addresses[0];
    if (!device.onvifUrl || !address) throw new AppFailure('PORTS_NOT_SUPPORTED');
    if (!options.credentials) throw new AppFailure('PORTS_LOGIN_NEEDED');
    const credentials = options.credentials;
    const url = new URL(device.onvifUrl);
    const signal = options.signal;

    // 1. Log in and take the snapshot. Nothing has changed yet: failures here are plain errors.
    progress(0, 4, said('ports.said.progress.reading'));
    const { session } = await openSession(onvifDeps, url, credentials, signal);
    const snapshot = await readProtocols(session, signal);
    if (!snapshot) throw new AppFailure('PORTS_NOT_SUPPORTED');
    const changes: PortChange[] = [];
    for (const c of requested) {
      const p = snapshot.find((x) => x.name === PROTOCOL_OF_ROLE[c.role]);
      const from = p?.ports[0];
      if (!p || !p.enabled || from === undefined) throw new AppFailure('PORTS_SERVICE_UNAVAILABLE');
      if (from !== c.to && !changes.some((x) => x.role === c.role)) changes.push({ role: c.role, from, to: c.to });
    }
    // 2. The gate: the plan's rules, whoever asked. Nothing is sent for a change with an error, nor for one with
    // warnings the user has not confirmed (change-gate.ts).
    const onDevice: UsedPort[] = snapshot
      .filter((p) => p.enabled)
      .flatMap((p) => p.ports.map((port) => ({ port, transport: 'tcp' as const, where: p.name })));
    const confirmed = gateChange(
      checkPortChanges(device, options.report ?? null, changes, { inUseElsewhere: options.inUseElsewhere, onDevice }),
      options.confirmWarnings ?? false,
      {
        refused: 'PORTS_CHANGE_REFUSED',
        unconfirmed: 'PORTS_CHANGE_UNCONFIRMED',
        said: { refused: 'ports.said.failures.notSent', unconfirmed: 'ports.said.failures.notConfirmed' },
      },
    ).slice(0, 16);
    const withWarnings = confirmed.length ? { confirmedWarnings: confirmed } : {};
    const at = () => now().toISOString();
    after.protocols = snapshot;
    if (changes.length === 0)
      return {
        deviceId: device.id,
        outcome: 'verified',
        ...messageOf(nothingToChange()),
        changes: [],
        onvifUrl: url.href,
        at: at(),
      };
    const wanted = snapshot.map((p) => {
      const c = changes.find((x) => PROTOCOL_OF_ROLE[x.role] === p.name);
      return c ? { ...p, ports: [c.to, ...p.ports.slice(1)] } : p;
    });
    // ONVIF lives on the web port on most devices: then it moves with HTTP.
    const httpMove = changes.find((c) => c.role === 'http');
    const newUrl = new URL(url.href);
    if (httpMove && portOf(url) === httpMove.from && url.protocol === 'http:') newUrl.port = String(httpMove.to);
    const onvifMoves = newUrl.href !== url.href;
    // The one change machinery (device-change/engine.ts): pending saved, sent, verified, put back and verified.
    const evidence = new Map<OnvifRole, string>();
    const ran = await runDeviceChange({
      pending: { changes, onvifUrl: url.href, newOnvifUrl: newUrl.href, startedAt: at() },
      onChanging: options.onChanging,
      signal,
      boundMs: Math.max(60_000, rounds * intervalMs * 4),
      unreachable: 'the app could not reach the NVR to put them back',
      phase: (phase) =>
        phase === 'sending'
          ? progress(1, 4, said('ports.said.progress.changing'))
          : phase === 'verifying'
            ? progress(2, 4, said('ports.said.progress.checking'))
            : progress(3, 4, said('ports.said.progress.puttingBack')),
      steps: {
        async send({ work }) {
          let refusal: string | null = null;
          try {
            const reply = await session.call('SetNetworkProtocols', buildSetNetworkProtocols(wanted), work);
            if (reply.kind === 'fault') {
              const target = changes.map((c) => c.to).join(', ');
              const holders = changes
                .map((c) => options.report?.rows.find((r) => r.port === c.to && r.state === 'open'))
                .filter((r) => r !== undefined)
                .map((r) => `${r.port}: ${r.role ? ROLE_LABELS[r.role] : r.service.toUpperCase()}`);
              refusal = isPortInUseFault(reply)
                ? `The NVR refused: ${target} ${changes.length > 1 ? 'are' : 'is'} already used by another service on the device${holders.length ? ` (${holders.join(', ')})` : ''}.`
                : 'The NVR refused the new ports (it answered with an error).';
            }
            // An answer that is not SOAP never gets here: the ONVIF session throws NOT_ONVIF for it (caught below).
          } catch (err) {
            // A device that moves its web server at once may drop the connection before it answers: measure instead.
            if (!isAppFailure(err) || err.code !== 'DEVICE_UNREACHABLE') refusal = 'The NVR did not accept the change.';
          }
          return refusal;
        },
        verify: ({ user, work }) => verifyMoved(address, changes, onvifMoves ? newUrl : url, evidence, user, work),
        restore: ({ work }) => restore(snapshot, [url, ...(onvifMoves ? [newUrl] : [])], credentials, work),
        verifyRestored: ({ work }) => verifyRestored(address, changes, url, work),
      },
    });

    if (ran.outcome === 'verified') {
      progress(4, 4, said('ports.said.progress.changed'));
      after.protocols = wanted;
      const web = changes.find((c) => c.role === 'http' || c.role === 'https');
      return {
        deviceId: device.id,
        outcome: 'verified',
        ...messageOf(doneSentences(changes, web ? webAddress(web.role, address, web.to) : null)),
        changes: changes.map((c) => ({ ...c, verified: true, evidence: evidence.get(c.role) ?? '' })),
        onvifUrl: onvifMoves ? newUrl.href : url.href,
        at: at(),
        ...withWarnings,
      };
    }

    const failure = ran.failure;
    if (ran.outcome === 'failed') after.protocols = null;
    const result = (outcome: 'restored' | 'failed', sentences: Said[]): PortApplyResult => ({
      deviceId: device.id,
      outcome,
      ...messageOf(sentences),
      changes: changes.map((c) => ({
        ...c,
        verified: false,
        // What was measured while the device was changing (it is not the state now: the message says that).
        evidence: (evidence.has(c.role) ? `While it was changing: ${evidence.get(c.role)}` : failure).slice(0, 500),
      })),
      onvifUrl: url.href,
      at: at(),
      ...withWarnings,
    });
    if (ran.outcome === 'restored')
      return result('restored', putBackSentences(failure, changes, ran.refused && failure.includes('already used')));
    // Even the restore could not be verified: say exactly what answers where (under a bound of its own).
    const bound = new AbortController();
    const timer = setTimeout(() => bound.abort(), Math.max(30_000, rounds * intervalMs * 2));
    let state: string;
    try {
      state = await describeState(address, changes, url, newUrl, bound.signal);
    } finally {
      clearTimeout(timer);
    }
    return result('failed', notBackSentences(failure, ran.back, state));
  }

  async function recover(
    device: DiscoveredDevice,
    pending: PortPendingChange,
    signal: AbortSignal,
  ): Promise<PortApplyResult> {
    const address = device.addresses[0];
    if (!address) throw new AppFailure('DEVICE_UNREACHABLE');
    const answers = async (role: OnvifRole, port: number) => {
      const id = await identifyOne(address, port, signal);
      return !!id && EXPECTED[role].includes(toPortService(id.service));
    };
    let allNew = true;
    let allOld = true;
    const found = new Map<OnvifRole, string>();
    for (const c of pending.changes) {
      const onNew = await answers(c.role, c.to);
      const onOld = c.from === c.to ? onNew : await answers(c.role, c.from);
      if (signal.aborted) throw new AppFailure('CANCELLED');
      allNew &&= onNew && (c.from === c.to || !onOld);
      allOld &&= onOld && (c.from === c.to || !onNew);
      found.set(
        c.role,
        onNew && onOld
          ? `${ROLE_LABELS[c.role]} answers on ${c.from} and ${c.to}`
          : onNew || onOld
            ? `${ROLE_LABELS[c.role]} answers on ${onNew ? c.to : c.from}`
            : `${ROLE_LABELS[c.role]} answers on neither ${c.from} nor ${c.to}`,
      );
    }
    let onvifAt: string | null = null;
    for (const u of [...new Set([pending.newOnvifUrl, pending.onvifUrl])]) {
      try {
        await readDeviceClock(onvifDeps, new URL(u), signal);
        onvifAt = u;
        break;
      } catch {
        if (signal.aborted) throw new AppFailure('CANCELLED');
      }
    }
    const outcome: PortApplyResult['outcome'] =
      allNew && onvifAt === pending.newOnvifUrl
        ? 'verified'
        : allOld && onvifAt === pending.onvifUrl
          ? 'restored'
          : 'failed';
    const state = `${[...found.values()].join('; ')}; ${onvifAt ? `ONVIF answers at ${onvifAt}` : 'ONVIF does not answer'}.`;
    const started = Number.isNaN(Date.parse(pending.startedAt)) ? null : pending.startedAt;
    return {
      deviceId: device.id,
      outcome,
      ...messageOf(unfinishedSentences(started, state, outcome)),
      changes: pending.changes.map((c) => ({
        ...c,
        verified: outcome === 'verified',
        evidence: (found.get(c.role) ?? '').slice(0, 500),
      })),
      onvifUrl: onvifAt,
      at: now().toISOString(),
    };
  }

  /**
   * SetNetworkProtocols(snapshot) through the first address that logs in: true when the device took it; when it
   * answered with a refusal (a SOAP fault) and never took it, its refusal in plain words; false when it could not be
   * reached at all.
   */
  async function restore(
    snapshot: NetworkProtocol[],
    urls: readonly URL[],
    credentials: OnvifCredentials,
    work: AbortSignal,
  ): Promise<boolean | { refused: string }> {
    let refused: SoapReply | null = null;
    for (let round = 0; round < 3; round++) {
      for (const u of urls) {
        try {
          const { session } = await openSession(onvifDeps, u, credentials, work);
          const reply = await session.call('SetNetworkProtocols', buildSetNetworkProtocols(snapshot), work);
          if (reply.kind === 'body') return true;
          refused = reply;
        } catch {
          // this address does not answer (yet): try the other one
        }
      }
      await sleep(intervalMs, work);
    }
    return refused ? { refused: `the NVR refused to put its old settings back (${faultInWords(refused)})` } : false;
  }

  return { apply, recover };
}
