// How the change engine proves a change (port-change.ts): by measurement only — the old port closed, the new one
// answering the same service, ONVIF found again — and the same for a put-back; and, when neither holds, a plain
// account of where each service answers now.
import { ROLE_LABELS } from '../../../shared/catalog/ports';
import { PROTOCOL_OF_ROLE, type OnvifRole } from '../../../shared/domain/ports';
import { readDeviceClock } from '../onvif/onvif-client';
import { toPortService } from './port-judgement';
import { type PortChange } from './port-plan';
import type { ChangeEngineDeps } from './port-change';

export const EXPECTED: Readonly<Record<OnvifRole, readonly string[]>> = {
  http: ['http', 'onvif'],
  https: ['https'],
  rtsp: ['rtsp'],
};
export const LABEL: Readonly<Record<OnvifRole, string>> = {
  http: 'the web page (HTTP)',
  https: 'the encrypted web page (HTTPS)',
  rtsp: 'the video streams (RTSP)',
};

export const CANCELLED_BY_USER = 'You cancelled the change.';

export const webAddress = (role: 'http' | 'https' | 'rtsp', address: string, port: number) =>
  `${role}://${address}${(role === 'http' && port === 80) || (role === 'https' && port === 443) ? '' : `:${port}`}/`;

export const portOf = (url: URL) => Number(url.port || (url.protocol === 'https:' ? 443 : 80));

export function createChangeVerifier(ctx: ChangeEngineDeps) {
  const { deps, sleep, rounds, intervalMs, onvifDeps, identifyOne } = ctx;

  /** Polls until each old port is closed and each new one answers the same service, and ONVIF answers. */
  async function verifyMoved(
    address: string,
    changes: readonly PortChange[],
    onvifAt: URL,
    evidence: Map<OnvifRole, string>,
    userSignal: AbortSignal,
    work: AbortSignal,
  ): Promise<string | null> {
    const pending = new Set(changes.map((c) => c.role));
    /** The moving service whose new port is `c`'s old one (two services swapping ports). */
    const takerOf = (c: PortChange) => changes.find((x) => x.to === c.from);
    let last = '';
    for (let round = 0; round < rounds; round++) {
      if (round > 0) await sleep(intervalMs, work);
      // Checked after the wait, and again before success: a cancel while the device moves still puts it back.
      if (userSignal.aborted) return CANCELLED_BY_USER;
      for (const c of changes) {
        if (!pending.has(c.role)) continue;
        // An old port another moving service takes over is not expected to close: that one is checked there.
        const old = takerOf(c) ? null : await deps.tcp(address, c.from, 1500, work);
        if (old === 'open') {
          last = `${c.from} still answers`;
          continue;
        }
        const id = await identifyOne(address, c.to, work);
        const service = id ? toPortService(id.service) : 'unknown';
        if (!id || !EXPECTED[c.role].includes(service)) {
          last = `${c.to} does not answer as ${PROTOCOL_OF_ROLE[c.role]} yet`;
          continue;
        }
        pending.delete(c.role);
        const heard = `${c.to} answers ${service.toUpperCase()}${id.product ? ` (${id.product})` : ''}.`;
        evidence.set(
          c.role,
          old === null ? heard : `${c.from} ${old === 'closed' ? 'refuses connections' : 'does not answer'}; ${heard}`,
        );
      }
      if (pending.size > 0) continue;
      try {
        await readDeviceClock(onvifDeps, onvifAt, work);
        if (userSignal.aborted) return CANCELLED_BY_USER;
        // Every service answers on its new port now: a swapped old port answers the service that took it, measured.
        for (const c of changes) {
          const taker = takerOf(c);
          if (taker)
            evidence.set(
              c.role,
              `${c.from} answers ${PROTOCOL_OF_ROLE[taker.role]} now; ${evidence.get(c.role) ?? ''}`,
            );
        }
        const http = changes.find((c) => c.role === 'http');
        if (http) evidence.set('http', `${evidence.get('http') ?? ''} ONVIF answers at ${onvifAt.href}.`.trim());
        return null;
      } catch {
        last = `ONVIF does not answer at ${onvifAt.href} yet`;
      }
    }
    const seconds = Math.round((rounds * intervalMs) / 1000);
    return `The NVR accepted the change, but it was not confirmed within ${seconds} s (${last}).`;
  }

  /** Null when every old port answers its service again and ONVIF answers at the old URL; else what is wrong. */
  async function verifyRestored(
    address: string,
    changes: readonly PortChange[],
    url: URL,
    work: AbortSignal,
  ): Promise<string | null> {
    let last = '';
    for (let round = 0; round < rounds; round++) {
      if (round > 0) await sleep(intervalMs, work);
      let ok = true;
      for (const c of changes) {
        const id = await identifyOne(address, c.from, work);
        if (!id || !EXPECTED[c.role].includes(toPortService(id.service))) {
          ok = false;
          last = `${c.from} does not answer as ${PROTOCOL_OF_ROLE[c.role]}`;
          break;
        }
      }
      if (!ok) continue;
      try {
        await readDeviceClock(onvifDeps, url, work);
        return null;
      } catch {
        last = `ONVIF does not answer at ${url.href}`;
      }
    }
    return `that was not confirmed (${last})`;
  }

  /** One measurement of every port involved, in plain words. */
  async function describeState(
    address: string,
    changes: readonly PortChange[],
    url: URL,
    newUrl: URL,
    work: AbortSignal,
  ): Promise<string> {
    const parts: string[] = [];
    for (const c of changes) {
      const at: string[] = [];
      for (const port of [c.from, c.to]) {
        const id = await identifyOne(address, port, work);
        if (id && EXPECTED[c.role].includes(toPortService(id.service))) at.push(String(port));
      }
      parts.push(
        at.length
          ? `${ROLE_LABELS[c.role]} answers on ${at.join(' and ')}`
          : `${ROLE_LABELS[c.role]} answers on neither ${c.from} nor ${c.to}`,
      );
    }
    const onvifAt: string[] = [];
    for (const u of newUrl.href === url.href ? [url] : [url, newUrl]) {
      try {
        await readDeviceClock(onvifDeps, u, work);
        onvifAt.push(u.href);
      } catch {
        // not there
      }
    }
    parts.push(onvifAt.length ? `ONVIF answers at ${onvifAt.join(' and ')}` : 'ONVIF does not answer');
    return `${parts.join('; ')}.`;
  }

  return { verifyMoved, verifyRestored, describeState };
}
