// The Security step's "turn HTTPS on": the NVR's HTTPS enabled on the NVR itself (ONVIF SetNetworkProtocols), verified
// by GetNetworkProtocols saying HTTPS is enabled on its port AND a TLS handshake on that port answering, and put back
// (HTTPS disabled again, as it was, proven by GetNetworkProtocols) when that check fails. What is kept and shown: the
// outcome, the port, and what to do, in plain words. Pure. The verdict's lines are said by key
// (`security.said.httpsOn.…`) beside main's English sentence; why a check failed (the change's own words, from the
// service and the change engine) stays as it came, inside them. The shapes: security-https-on-shapes.ts.
import { english } from '../i18n/english';
import { said, saidWords, type Said, type SaidWords } from '../i18n/said';
import type { HttpsOnPending, HttpsOnResult } from './security-https-on-shapes';

export * from './security-https-on-shapes';

/** The NVR's refusal of SetNetworkProtocols by its ONVIF fault codes (not the user's words), most telling first. */
const FAULTS = [
  ['portInUse', /PortAlreadyInUse/i],
  ['notAuthorized', /NotAuthorized/i],
  ['notSupported', /ServiceNotSupported|NotSupported/i],
  ['invalidArg', /InvalidArg/i],
] as const;
type Fault = (typeof FAULTS)[number][0] | 'unknown';
const faultWords = (fault: Fault) => saidWords(`security.said.httpsOn.fault.${fault}`);

/** A SetNetworkProtocols refusal, said by key, from the ONVIF Core faults. */
export function httpsOnFaultSaid(fault: { code: string; subcodes: readonly string[] }): SaidWords {
  const codes = [fault.code, ...fault.subcodes].join(' ');
  return faultWords(FAULTS.find(([, pattern]) => pattern.test(codes))?.[0] ?? 'unknown');
}

/** A SetNetworkProtocols refusal in plain words (English: the result's `fault`). */
export function httpsOnFaultWords(fault: { code: string; subcodes: readonly string[] }): string {
  return english(httpsOnFaultSaid(fault));
}

/** The kept refusal by key where it is one of the faults' words (else as it came: the service's own words). */
function faultValue(fault: string): string | SaidWords {
  const known: Fault[] = [...FAULTS.map(([name]) => name), 'unknown'];
  return known.map(faultWords).find((w) => english(w) === fault) ?? fault;
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

/** The verdict's lines, with their English sentences (`words`) and their keys (`said`). */
function lines(...said: Said[]): Pick<HttpsOnResult, 'words' | 'said'> {
  return { words: said.map(english), said: { words: said } };
}

/** The verdict in plain words: whether HTTPS is on now, and what to do. */
export function judgeHttpsOn(f: HttpsOnFacts): HttpsOnResult {
  const base = { deviceId: f.deviceId, port: f.port, fault: f.fault, at: f.at };
  const port = f.port === null ? null : { port: String(f.port) };
  const r = f.ran;
  if (r.outcome === 'already')
    return {
      ...base,
      outcome: 'already-on',
      httpsOn: true,
      putBackVerified: null,
      ...lines(
        port ? said('security.said.httpsOn.alreadyOn', port) : said('security.said.httpsOn.alreadyOnNoPort'),
        said('security.said.httpsOn.plainOff'),
      ),
    };
  if (r.outcome === 'verified')
    return {
      ...base,
      outcome: 'on',
      httpsOn: true,
      putBackVerified: null,
      ...lines(
        port ? said('security.said.httpsOn.done', port) : said('security.said.httpsOn.doneNoPort'),
        said('security.said.httpsOn.openHttps'),
        said('security.said.httpsOn.portsAgain'),
      ),
    };
  if (r.outcome === 'restored' && r.refused)
    return {
      ...base,
      outcome: 'refused',
      httpsOn: false,
      putBackVerified: true,
      ...lines(
        said('security.said.httpsOn.notChanged', {
          fault: f.fault === null ? saidWords('security.said.httpsOn.refusedToTurnOn') : faultValue(f.fault),
        }),
        said('security.said.httpsOn.stillOff'),
      ),
    };
  if (r.outcome === 'restored')
    return {
      ...base,
      outcome: 'put-back',
      httpsOn: false,
      putBackVerified: true,
      ...lines(
        said('security.said.httpsOn.notTurnedOn', { failure: r.failure }),
        said('security.said.httpsOn.offAgain'),
        said('security.said.httpsOn.webPage'),
      ),
    };
  return {
    ...base,
    outcome: 'put-back-failed',
    httpsOn: null,
    putBackVerified: false,
    ...lines(
      said('security.said.httpsOn.notAsPlanned', { failure: r.failure }),
      said('security.said.httpsOn.offNotProven', { back: r.back }),
      said('security.said.httpsOn.checkSetting'),
    ),
  };
}

/** The verdict for a change found unfinished at the next start (the app stopped between the send and the check). */
export function unfinishedHttpsOn(p: HttpsOnPending, at: string): HttpsOnResult {
  const started = Number.isNaN(Date.parse(p.startedAt))
    ? said('security.said.httpsOn.unfinished')
    : said('security.said.httpsOn.unfinishedAt', { day: p.startedAt.slice(0, 10), time: p.startedAt.slice(11, 16) });
  return {
    deviceId: p.deviceId,
    outcome: 'unfinished',
    port: p.port,
    httpsOn: null,
    putBackVerified: null,
    fault: null,
    at,
    ...lines(started, said('security.said.httpsOn.notKnown')),
  };
}
