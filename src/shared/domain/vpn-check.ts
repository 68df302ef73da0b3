import { z } from 'zod';
import type { OutsideProof } from './outside-proof';

/**
 * The VPN step's check from inside, once the user has set the server up (issue 14, item 4): what this computer can
 * learn itself — does the server answer a handshake from one of the plan's devices (and so run with the plan's
 * keys), does the name the devices dial point to the public address, does the internet still see an NVR port — and
 * the one test only a phone on mobile data can make. Pure: the measurements come in, the words go out.
 */

export const HANDSHAKE_ANSWERS = ['handshake', 'busy', 'unreadable', 'silent'] as const;
export type HandshakeResult = (typeof HANDSHAKE_ANSWERS)[number];

const words = z.string().max(600);

export const vpnCheckSchema = z.object({
  checkedAt: z.string(),
  server: z.object({
    address: z.string().max(45),
    port: z.number().int().min(1).max(65535),
    /** The device whose keys the handshake was made with. */
    peer: z.string().max(40),
    answer: z.enum(HANDSHAKE_ANSWERS),
    /** Milliseconds from the last attempt to the answer (null: no answer). */
    ms: z.number().int().min(0).nullable(),
    attempts: z.number().int().min(0).max(10),
    ok: z.boolean(),
    text: words,
  }),
  endpoint: z.object({
    host: z.string().max(253).nullable(),
    /** The addresses the name resolved to (null: not a name, or not resolved). */
    resolved: z.array(z.string().max(45)).max(8).nullable(),
    /** true: points to the public address; false: does not (or does not resolve); null: nothing to compare. */
    ok: z.boolean().nullable(),
    text: words,
  }),
  exposure: z.object({
    /** When the internet side was last tested from outside (null: never). */
    measuredAt: z.string().nullable(),
    /** TCP/UDP ports the outside checker reached at that time. */
    reachable: z.array(z.object({ protocol: z.enum(['tcp', 'udp']), port: z.number().int() })).max(48),
    ok: z.boolean().nullable(),
    text: words,
  }),
  /** The test only a phone on mobile data can make, in steps. */
  phoneTest: z.array(z.string().max(300)).max(6),
});
export type VpnCheck = z.infer<typeof vpnCheckSchema>;

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

function serverWords(s: VpnCheckInput['server']): string {
  const where = `${s.address}:${s.port}`;
  switch (s.answer) {
    case 'handshake':
      return `The WireGuard server at ${where} answered a handshake made with ${s.peer}’s keys: it runs with this plan’s server key and knows ${s.peer}.`;
    case 'busy':
      return `The WireGuard server at ${where} is up and has this plan’s public key, but answered “busy” (a cookie reply): check again in a minute to prove it knows ${s.peer}.`;
    case 'unreadable':
      return `Something at ${where} answered the handshake, but not with this plan’s keys: another WireGuard server (or an old config) runs there. Bring up the server config of this plan.`;
    case 'silent':
      return `No answer from ${where} after ${s.attempts} tries. WireGuard stays silent to a handshake it cannot read, so one of these: the server is not running, it listens on another port, a firewall drops UDP ${s.port}, or its keys or its list of devices are not this plan’s (${s.peer} missing).`;
  }
}

function endpointPart(input: VpnCheckInput): VpnCheck['endpoint'] {
  const e = input.endpoint;
  if (!e)
    return {
      host: null,
      resolved: null,
      ok: false,
      text: 'The plan has no name or address for the devices to dial: set up DDNS or run the Internet check, then plan again.',
    };
  if (e.kind === 'address')
    return {
      host: e.host,
      resolved: null,
      ok: input.publicAddress ? e.host === input.publicAddress : null,
      text:
        input.publicAddress && e.host !== input.publicAddress
          ? `The devices dial ${e.host}, but your public address is now ${input.publicAddress}: plan again and re-import the configs (a DDNS name avoids this).`
          : `The devices dial the address ${e.host}. It may change: a DDNS name keeps working when it does.`,
    };
  const found = input.resolved ?? [];
  if (found.length === 0)
    return {
      host: e.host,
      resolved: input.resolved ? [] : null,
      ok: false,
      text: `${e.host} does not resolve: the phone could not find your home. Check the DDNS name and that its updates run.`,
    };
  const ok = input.publicAddress ? found.includes(input.publicAddress) : null;
  return {
    host: e.host,
    resolved: found.slice(0, 8),
    ok,
    text:
      ok === null
        ? `${e.host} points to ${found.slice(0, 3).join(', ')}; run the Internet check to compare it with your public address.`
        : ok
          ? `${e.host} points to your public address ${input.publicAddress}.`
          : `${e.host} points to ${found.slice(0, 3).join(', ')}, but your public address is ${input.publicAddress}: the DDNS record is out of date.`,
  };
}

function exposurePart(proof: OutsideProof | null): VpnCheck['exposure'] {
  if (!proof)
    return {
      measuredAt: null,
      reachable: [],
      ok: null,
      text: 'Not tested from outside yet: run the proof from outside (Internet step, or `nvr-assist public --prove`). With the VPN, no NVR port should be reachable.',
    };
  const reachable = proof.rows
    .filter((r) => r.state === 'reachable')
    .map((r) => ({ protocol: r.protocol, port: r.port }))
    .slice(0, 48);
  return {
    measuredAt: proof.measuredAt,
    reachable,
    ok: reachable.length === 0,
    text:
      reachable.length === 0
        ? 'From outside, no port the proof tried was reachable: with the VPN, that is how it should be.'
        : `From outside, ${reachable.map((r) => `${r.port}/${r.protocol}`).join(', ')} ${reachable.length === 1 ? 'was' : 'were'} reachable: with the VPN, remove those forward rules (Router rules step) and turn UPnP off.`,
  };
}

/** The check's verdicts and words from what was measured. */
export function judgeVpnCheck(input: VpnCheckInput): VpnCheck {
  const s = input.server;
  const dial = input.endpoint ? `${input.endpoint.host}:${s.port}` : `your public address, port ${s.port}`;
  return {
    checkedAt: input.at.toISOString(),
    server: { ...s, ok: s.answer === 'handshake', text: serverWords(s) },
    endpoint: endpointPart(input),
    exposure: exposurePart(input.proof),
    phoneTest: [
      'On the phone, turn Wi-Fi off (mobile data only: from home Wi-Fi the test proves nothing).',
      `Turn the WireGuard tunnel on: it dials ${dial}.`,
      `Open ${input.nvrAddress ? `http://${input.nvrAddress}/ (or the NVR app with that address)` : 'the NVR’s LAN address in the browser or the NVR app'}: it must load.`,
      'Turn the tunnel off: the same address must not load. Then the NVR is reachable through the VPN only.',
    ],
  };
}
