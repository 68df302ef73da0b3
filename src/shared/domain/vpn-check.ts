import { said, type Said } from '../i18n/said';
import type { OutsideProof } from './outside-proof';
import type { HandshakeResult, VpnCheck } from './vpn-check-shapes';
import { vpnSaid } from './vpn-said';

export * from './vpn-check-shapes';

/**
 * The VPN step's check from inside, once the user has set the server up (issue 14, item 4): what this computer can
 * learn itself — does the server answer a handshake from one of the plan's devices (and so run with the plan's
 * keys), does the name the devices dial point to the public address, does the internet still see an NVR port — and
 * the one test only a phone on mobile data can make. Pure: the measurements come in, the words go out (in English,
 * and said by key: see vpn-said.ts). The shape is in vpn-check-shapes.ts.
 */

export interface VpnCheckInput {
  at: Date;
  server: { address: string; port: number; peer: string; answer: HandshakeResult; ms: number | null; attempts: number };
  endpoint: { host: string; kind: 'ddns' | 'address' } | null;
  /** The name's addresses (null when it is not a name or did not resolve). */
  resolved: readonly string[] | null;
  /** The public address the Internet step measured last (null: not measured). */
  publicAddress: string | null;
  /** The last proof from outside (the Internet step), if any. */
  proof: OutsideProof | null;
  /** The NVR's address on the LAN, for the phone test. */
  nvrAddress: string | null;
}

function serverWords(s: VpnCheckInput['server']): Said {
  const where = `${s.address}:${s.port}`;
  switch (s.answer) {
    case 'handshake':
      return said('vpn.said.check.handshake', { where, peer: s.peer });
    case 'busy':
      return said('vpn.said.check.busy', { where, peer: s.peer });
    case 'unreadable':
      return said('vpn.said.check.unreadable', { where });
    case 'silent':
      return said('vpn.said.check.silent', {
        where,
        attempts: String(s.attempts),
        port: String(s.port),
        peer: s.peer,
      });
  }
}

function endpointPart(input: VpnCheckInput): VpnCheck['endpoint'] {
  const e = input.endpoint;
  if (!e)
    return {
      host: null,
      resolved: null,
      ok: false,
      ...vpnSaid(said('vpn.said.check.noEndpoint')),
    };
  if (e.kind === 'address')
    return {
      host: e.host,
      resolved: null,
      ok: input.publicAddress ? e.host === input.publicAddress : null,
      ...vpnSaid(
        input.publicAddress && e.host !== input.publicAddress
          ? said('vpn.said.check.addressMoved', { host: e.host, address: input.publicAddress })
          : said('vpn.said.check.address', { host: e.host }),
      ),
    };
  const found = input.resolved ?? [];
  if (found.length === 0)
    return {
      host: e.host,
      resolved: input.resolved ? [] : null,
      ok: false,
      ...vpnSaid(said('vpn.said.check.unresolved', { host: e.host })),
    };
  const ok = input.publicAddress ? found.includes(input.publicAddress) : null;
  const addresses = found.slice(0, 3).join(', ');
  return {
    host: e.host,
    resolved: found.slice(0, 8),
    ok,
    ...vpnSaid(
      ok === null
        ? said('vpn.said.check.pointsUncompared', { host: e.host, addresses })
        : ok
          ? said('vpn.said.check.pointsHome', { host: e.host, address: input.publicAddress! })
          : said('vpn.said.check.pointsElsewhere', { host: e.host, addresses, address: input.publicAddress! }),
    ),
  };
}

function exposurePart(proof: OutsideProof | null): VpnCheck['exposure'] {
  if (!proof)
    return {
      measuredAt: null,
      reachable: [],
      ok: null,
      ...vpnSaid(said('vpn.said.check.untested', { command: '`nvr-assist public --prove`' })),
    };
  const reachable = proof.rows
    .filter((r) => r.state === 'reachable')
    .map((r) => ({ protocol: r.protocol, port: r.port }))
    .slice(0, 48);
  const ports = reachable.map((r) => `${r.port}/${r.protocol}`).join(', ');
  return {
    measuredAt: proof.measuredAt,
    reachable,
    ok: reachable.length === 0,
    ...vpnSaid(
      reachable.length === 0
        ? said('vpn.said.check.closed')
        : said(reachable.length === 1 ? 'vpn.said.check.openOne' : 'vpn.said.check.openMany', { ports }),
    ),
  };
}

/** The check's verdicts and words from what was measured. */
export function judgeVpnCheck(input: VpnCheckInput): VpnCheck {
  const s = input.server;
  const phone = [
    said('vpn.said.phone.wifiOff'),
    input.endpoint
      ? said('vpn.said.phone.tunnelOn', { endpoint: `${input.endpoint.host}:${s.port}` })
      : said('vpn.said.phone.tunnelOnPublic', { port: String(s.port) }),
    input.nvrAddress ? said('vpn.said.phone.open', { address: input.nvrAddress }) : said('vpn.said.phone.openLan'),
    said('vpn.said.phone.tunnelOff'),
  ].map(vpnSaid);
  return {
    checkedAt: input.at.toISOString(),
    server: { ...s, ok: s.answer === 'handshake', ...vpnSaid(serverWords(s)) },
    endpoint: endpointPart(input),
    exposure: exposurePart(input.proof),
    phoneTest: phone.map((p) => p.text),
    // The steps by key only when every one of them has its key (each within the boundary's bounds).
    ...(phone.every((p) => p.said) ? { phoneTestSaid: phone.map((p) => p.said!) } : {}),
  };
}
