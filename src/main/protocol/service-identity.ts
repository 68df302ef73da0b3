// Service identification from what a port said: which probes to run against a port, and the verdict from every
// exchange (HTTP(S) with its page and certificate, RTSP, ONVIF, SSH/FTP/telnet banners, the vendor SDK ports).
// Pure: recorded exchanges in, facts out; nothing here throws on hostile input.
import { parseHeadReply, type HeadReply } from './http-head';
import { classifyServerHeader, fingerprintLoginPage, htmlTitle, type ProductGuess } from './html-page';
import { readOnvifReply, readRtspReply } from './rtsp-onvif-replies';
import { classifySdkReply, classifyTextBanner, type SdkVendor } from './sdk-text-banners';
import { classifyCertificate, type CertificateFacts, type TlsVerdict } from './tls-certificate';

export type ServiceKind =
  'http' | 'https' | 'rtsp' | 'onvif' | 'sdk' | 'ssh' | 'ftp' | 'telnet' | 'smtp' | 'tls' | 'unknown';

/** The probes identify.ts can run against a port; each names one request (or none, for `banner`). */
export type ProbeName =
  | 'banner'
  | 'http'
  | 'https'
  | 'rtsp-options'
  | 'rtsp-describe'
  | 'onvif'
  | 'sdk-hikvision'
  | 'sdk-dahua'
  | 'sdk-reolink';

/** One recorded exchange: what we sent (by probe name) and what came back. */
export interface Exchange {
  probe: ProbeName;
  /** `ok`: connected; the reply may still be empty (a silent port). */
  outcome: 'ok' | 'refused' | 'unreachable' | 'timeout' | 'tls-failed' | 'aborted';
  reply: Uint8Array;
  certificate?: CertificateFacts | null;
}

export interface ServiceIdentity {
  service: ServiceKind;
  product: string | null;
  vendor: string | null;
  /** Credentials or video cross the network readable by anyone on the path. */
  plainText: boolean;
  /** Someone can log in and administer the device here (web UI, vendor SDK, telnet/SSH/FTP). */
  adminUi: boolean;
  /** true: the service asked for credentials; false: it served without; null: not known. */
  authRequired: boolean | null;
  /** The port answered an unauthenticated ONVIF GetSystemDateAndTime. */
  onvif: boolean;
  tls: TlsVerdict | null;
  /** Short facts that led to the verdict, for the "details" view and the checklist. */
  evidence: string[];
}

const SDK_PRODUCT: Record<SdkVendor, { vendor: string; product: string }> = {
  hikvision: { vendor: 'Hikvision', product: 'Hikvision SDK (server/command port)' },
  dahua: { vendor: 'Dahua', product: 'Dahua DVRIP SDK (TCP port)' },
  reolink: { vendor: 'Reolink', product: 'Reolink Baichuan (media port)' },
};

export interface IdentifyContext {
  now?: Date;
  /** The address we connected to, for the certificate's name check. */
  host?: string;
}

/**
 * The service on `port`, from every exchange identify.ts had with it (in the order they ran). Never throws;
 * a port nothing recognisable came back from is `unknown` with the evidence of what was tried.
 */
export function identifyService(
  port: number,
  exchanges: readonly Exchange[],
  context: IdentifyContext = {},
): ServiceIdentity {
  const id: ServiceIdentity = {
    service: 'unknown',
    product: null,
    vendor: null,
    plainText: true,
    adminUi: false,
    authRequired: null,
    onvif: false,
    tls: null,
    evidence: [],
  };
  const ev = (s: string) => {
    const line = s.slice(0, 200);
    if (id.evidence.length < 20 && !id.evidence.includes(line)) id.evidence.push(line);
  };
  const take = (g: ProductGuess, why: string) => {
    if (g.vendor && !id.vendor) id.vendor = g.vendor;
    if (g.product && !id.product) id.product = g.product;
    if (g.vendor || g.product) ev(why);
  };
  let web: HeadReply | null = null;
  let webTls = false;

  for (const x of exchanges) {
    if (x.outcome !== 'ok') {
      if (x.probe === 'https' && x.outcome === 'tls-failed') ev('no TLS handshake');
      continue;
    }
    const reply = x.reply;
    if (x.certificate) {
      id.tls = classifyCertificate(x.certificate, context.now ?? new Date(), context.host);
      ev(
        `TLS certificate ${id.tls.selfSigned ? 'self-signed' : id.tls.trusted ? 'trusted' : 'not trusted'}` +
          `${id.tls.expired ? ', expired' : ''} (${id.tls.subject || 'no subject'})`,
      );
    }
    switch (x.probe) {
      case 'banner': {
        const b = classifyTextBanner(reply);
        if (b) {
          id.service = b.service;
          id.product = b.product;
          id.plainText = b.service !== 'ssh';
          id.adminUi = true;
          id.authRequired = true;
          ev(`${b.service.toUpperCase()} banner "${b.line.slice(0, 80)}"`);
        } else if (reply.length > 0) ev(`sent ${reply.length} byte(s) unprompted`);
        break;
      }
      case 'http':
      case 'https': {
        const r = parseHeadReply(reply);
        if (r?.protocol === 'HTTP') {
          web ??= r;
          webTls ||= x.probe === 'https';
        } else if (reply.length > 0) {
          const sdk = classifySdkReply(reply);
          if (sdk && id.service === 'unknown') setSdk(sdk, 'answered an HTTP request with a binary header');
        }
        break;
      }
      case 'onvif': {
        const o = readOnvifReply(reply);
        if (o.onvif) {
          id.onvif = true;
          ev(o.fault ? `ONVIF fault ${o.fault}` : 'ONVIF GetSystemDateAndTime answered without login');
        }
        const r = parseHeadReply(reply);
        if (r?.headers['server']) take(classifyServerHeader(r.headers['server']), `Server: ${r.headers['server']}`);
        break;
      }
      case 'rtsp-options':
      case 'rtsp-describe': {
        const r = readRtspReply(reply);
        if (!r) {
          const sdk = classifySdkReply(reply);
          if (sdk && id.service === 'unknown') setSdk(sdk, 'answered an RTSP request with a binary header');
          break;
        }
        id.service = 'rtsp';
        id.plainText = id.tls === null;
        if (r.server) take(classifyServerHeader(r.server), `RTSP Server: ${r.server}`);
        if (x.probe === 'rtsp-describe' || r.authRequired) {
          if (r.authRequired) {
            id.authRequired = true;
            ev(
              `RTSP ${x.probe === 'rtsp-describe' ? 'DESCRIBE' : 'OPTIONS'} → 401 (${r.authScheme ?? 'auth'} required)`,
            );
          } else if (r.sdp) {
            id.authRequired = false;
            ev('RTSP DESCRIBE answered with SDP without login: the stream is open');
          } else ev(`RTSP ${x.probe === 'rtsp-describe' ? 'DESCRIBE' : 'OPTIONS'} → ${r.status}`);
        } else ev(`RTSP OPTIONS → ${r.status}`);
        break;
      }
      case 'sdk-hikvision':
      case 'sdk-dahua':
      case 'sdk-reolink': {
        const sdk = classifySdkReply(reply);
        if (sdk) setSdk(sdk, `answered the ${x.probe.slice(4)} hello`);
        else if (reply.length > 0 && id.service === 'unknown') {
          const r = parseHeadReply(reply);
          if (r?.protocol === 'HTTP') web ??= r;
        }
        break;
      }
    }
  }

  function setSdk(vendor: SdkVendor, why: string) {
    id.service = 'sdk';
    id.vendor = SDK_PRODUCT[vendor].vendor;
    id.product = SDK_PRODUCT[vendor].product;
    id.plainText = true;
    id.adminUi = true;
    id.authRequired = true;
    ev(`${SDK_PRODUCT[vendor].vendor} SDK header: ${why}`);
  }

  if (web && (id.service === 'unknown' || id.service === 'tls')) {
    const title = htmlTitle(web.body);
    const server = web.headers['server'] ?? null;
    const login = fingerprintLoginPage(web.body, web.headers, title);
    const uiStatus = web.status < 400 || web.status === 401 || web.status === 403;
    if (id.onvif && !uiStatus) {
      id.service = 'onvif';
      ev(`GET / → ${web.status}: ONVIF only, no web UI`);
    } else {
      id.service = webTls ? 'https' : 'http';
      id.adminUi = uiStatus;
      ev(`${webTls ? 'HTTPS' : 'HTTP'} ${web.status}${title ? ` "${title}"` : ''}`);
    }
    if (server) take(classifyServerHeader(server), `Server: ${server}`);
    if (login.vendor) id.vendor = login.vendor;
    for (const e of login.evidence.slice(0, 3)) ev(e);
    if (web.status === 401) {
      id.authRequired = true;
      ev(`GET / → 401 (${(web.headers['www-authenticate'] ?? 'auth').split(/\s/, 1)[0]})`);
    } else if (
      login.loginForm ||
      (web.status >= 300 && web.status < 400 && /login/i.test(web.headers['location'] ?? ''))
    )
      id.authRequired = true;
    id.plainText = !webTls;
  } else if (id.service === 'unknown' && id.onvif) {
    id.service = 'onvif';
  }
  if (id.service === 'unknown' && id.tls) {
    id.service = 'tls';
    id.plainText = false;
  }
  if (id.service === 'unknown') {
    ev(`nothing recognisable on port ${port}`);
    id.plainText = false;
  }
  if (id.tls && (id.service === 'https' || id.service === 'tls' || id.service === 'rtsp')) id.plainText = false;
  return id;
}

/**
 * Which probes to run against `port`, in order (identify.ts stops once a probe gives a verdict; `onvif` is added
 * after any plain HTTP answer). Known ports go straight to their protocol; other ports first listen for a
 * banner, then try HTTP, TLS and RTSP.
 */
export function probePlan(port: number): ProbeName[] {
  switch (port) {
    case 21:
    case 22:
    case 23:
    case 25:
    case 2323:
    case 9530:
      return ['banner', 'http'];
    case 443:
    case 8443:
    case 7441:
    case 7443:
    case 5001:
    case 4443:
    case 9443:
      return ['https', 'http'];
    case 80:
    case 81:
    case 85:
    case 88:
    case 2020:
    case 5000:
    case 7080:
    case 8080:
    case 8081:
    case 8082:
    case 8899:
      return ['http', 'https', 'rtsp-options'];
    case 554:
    case 8554:
    case 7447:
    case 10554:
      return ['rtsp-options', 'rtsp-describe'];
    case 8000:
      return ['http', 'sdk-hikvision'];
    case 37777:
      return ['sdk-dahua', 'sdk-hikvision', 'sdk-reolink'];
    case 9000:
      return ['sdk-reolink', 'http'];
    default:
      return ['banner', 'http', 'https', 'rtsp-options', 'sdk-hikvision'];
  }
}
