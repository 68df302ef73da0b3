// The Security step's "turn HTTPS on": the NVR's HTTPS enabled on the NVR itself (ONVIF SetNetworkProtocols), verified
// by GetNetworkProtocols saying HTTPS is enabled on its port AND a TLS handshake on that port answering, and put back
// (HTTPS disabled again, as it was, proven by GetNetworkProtocols) when that check fails. What is kept and shown: the
// outcome, the port, and what to do, in plain words. Pure.
import { z } from 'zod';

export const HTTPS_ON_OUTCOMES = [
  /** Turned on, and checked: the NVR lists HTTPS as enabled on its port and a TLS handshake there answered. */
  'on',
  /** Nothing sent: the NVR already lists HTTPS as enabled. */
  'already-on',
  /** The device refused the change (`fault` says why); GetNetworkProtocols proved HTTPS is still off, as it was. */
  'refused',
  /** The device took the change but the check failed; HTTPS is off again, as it was (GetNetworkProtocols proved it). */
  'put-back',
  /** The check failed and turning HTTPS off again could not be proven by GetNetworkProtocols. */
  'put-back-failed',
  /** A change the app did not live to finish (found at the next start): whether HTTPS is on is not known. */
  'unfinished',
] as const;
export type HttpsOnOutcome = (typeof HTTPS_ON_OUTCOMES)[number];

export const httpsOnResultSchema = z.object({
  deviceId: z.string().max(300),
  outcome: z.enum(HTTPS_ON_OUTCOMES),
  /** The HTTPS port the NVR lists (null: not known). */
  port: z.number().int().min(1).max(65535).nullable(),
  /** Whether HTTPS is on now, as far as GetNetworkProtocols and a handshake proved it (null: not known). */
  httpsOn: z.boolean().nullable(),
  /** The put-back, when there was one: whether GetNetworkProtocols proved HTTPS off again (null: no put-back). */
  putBackVerified: z.boolean().nullable(),
  /** The device's refusal in plain words (null: none). */
  fault: z.string().max(300).nullable(),
  /** The verdict and what to do, in plain words, most important first. */
  words: z.array(z.string().max(500)).min(1).max(6),
  at: z.string().max(40),
});
export type HttpsOnResult = z.infer<typeof httpsOnResultSchema>;

/** Saved before SetNetworkProtocols is sent: a crash between the send and the check is found at the next start. */
export const httpsOnPendingSchema = z.object({
  deviceId: z.string().max(300),
  port: z.number().int().min(1).max(65535).nullable(),
  startedAt: z.string().max(40),
});
export type HttpsOnPending = z.infer<typeof httpsOnPendingSchema>;

export const httpsOnRecordSchema = z.object({
  last: httpsOnResultSchema.nullable().default(null),
  pending: httpsOnPendingSchema.nullable().default(null),
});

/** A SetNetworkProtocols refusal in plain words, from the ONVIF Core faults (its codes are not the user's). */
export function httpsOnFaultWords(fault: { code: string; subcodes: readonly string[] }): string {
  const codes = [fault.code, ...fault.subcodes].join(' ');
  if (/PortAlreadyInUse/i.test(codes)) return 'the NVR says its HTTPS port is already used by another service';
  if (/NotAuthorized/i.test(codes))
    return 'this login may not change the NVR’s network settings (it needs an Administrator)';
  if (/ServiceNotSupported|NotSupported/i.test(codes)) return 'the NVR does not let HTTPS be turned on over ONVIF';
  if (/InvalidArg/i.test(codes)) return 'the NVR says a setting is not valid (often: no certificate installed yet)';
  return 'the NVR refused it without a reason the app knows';
}

/** What the change found, for the verdict. */
export interface HttpsOnFacts {
  deviceId: string;
  at: string;
  port: number | null;
  /** `already`: nothing sent (the NVR lists HTTPS enabled); else the engine's outcome. */
  ran:
    | { outcome: 'already' }
    | { outcome: 'verified' }
    | { outcome: 'restored'; refused: boolean; failure: string }
    | { outcome: 'failed'; failure: string; back: string; reached: boolean };
  /** The device's refusal in plain words (a SOAP fault to SetNetworkProtocols), if any. */
  fault: string | null;
}

const WEB_PAGE = 'Turn HTTPS on in the NVR’s web page (often Network → Advanced → HTTPS), then check again.';

/** The verdict in plain words: whether HTTPS is on now, and what to do. */
export function judgeHttpsOn(f: HttpsOnFacts): HttpsOnResult {
  const base = { deviceId: f.deviceId, port: f.port, fault: f.fault, at: f.at };
  const on = f.port === null ? 'HTTPS' : `HTTPS (port ${f.port})`;
  const r = f.ran;
  if (r.outcome === 'already')
    return {
      ...base,
      outcome: 'already-on',
      httpsOn: true,
      putBackVerified: null,
      words: [
        `Nothing changed: the NVR already lists ${on} as on.`,
        'Open the NVR’s page with https:// and turn its plain-HTTP page off if you can, so the login travels encrypted.',
      ],
    };
  if (r.outcome === 'verified')
    return {
      ...base,
      outcome: 'on',
      httpsOn: true,
      putBackVerified: null,
      words: [
        `Done, and checked: the NVR’s ${on} is on — the NVR lists it as enabled and an encrypted (TLS) connection to it answered.`,
        'Open the NVR’s page with https:// from now on; your browser may warn about its self-made certificate the first time.',
        'Run the Ports step again so the plan and the findings use the HTTPS port.',
      ],
    };
  if (r.outcome === 'restored' && r.refused)
    return {
      ...base,
      outcome: 'refused',
      httpsOn: false,
      putBackVerified: true,
      words: [
        `Not changed: ${f.fault ?? 'the NVR refused to turn HTTPS on'}.`,
        `HTTPS is still off, as it was. ${WEB_PAGE}`,
      ],
    };
  if (r.outcome === 'restored')
    return {
      ...base,
      outcome: 'put-back',
      httpsOn: false,
      putBackVerified: true,
      words: [
        `Not turned on: ${r.failure}`,
        'The app turned HTTPS off again, as it was, and the NVR confirmed it: nothing is changed on the NVR.',
        WEB_PAGE,
      ],
    };
  return {
    ...base,
    outcome: 'put-back-failed',
    httpsOn: null,
    putBackVerified: false,
    words: [
      `Not turned on as planned: ${r.failure}`,
      `The app tried to turn HTTPS off again, as it was, but could not prove it: ${r.back}.`,
      'Open the NVR’s web page (http:// and https://) and check its HTTPS setting.',
    ],
  };
}

/** The verdict for a change found unfinished at the next start (the app stopped between the send and the check). */
export function unfinishedHttpsOn(p: HttpsOnPending, at: string): HttpsOnResult {
  const started = Number.isNaN(Date.parse(p.startedAt))
    ? ''
    : ` on ${p.startedAt.slice(0, 10)} at ${p.startedAt.slice(11, 16)} UTC`;
  return {
    deviceId: p.deviceId,
    outcome: 'unfinished',
    port: p.port,
    httpsOn: null,
    putBackVerified: null,
    fault: null,
    at,
    words: [
      `Turning HTTPS on, started${started}, did not finish (the app stopped while it ran).`,
      'Whether the NVR’s HTTPS is on is not known: run the Ports step again to measure it.',
    ],
  };
}
