// Service identification from what a port said, by concern (each file pure, bytes in and facts out):
//   http-head.ts           the HTTP GET, reply heads, when a reply is complete
//   html-page.ts           the page's title, vendor login pages, Server headers
//   tls-certificate.ts     the certificate verdict
//   rtsp-onvif-replies.ts  RTSP OPTIONS/DESCRIBE and the unauthenticated ONVIF probe, their replies, GetServices
//   sdk-text-banners.ts    vendor SDK hellos and replies; SSH/FTP/SMTP/telnet greetings
//   service-identity.ts    which probes a port gets, and the verdict from every exchange
// This file gathers their names for callers that want them all.
export { buildHttpGet, parseHeadReply, replyComplete, type HeadReply } from './http-head';
export {
  classifyServerHeader,
  fingerprintLoginPage,
  htmlTitle,
  type LoginFingerprint,
  type ProductGuess,
} from './html-page';
export { classifyCertificate, type CertificateFacts, type TlsVerdict } from './tls-certificate';
export {
  buildOnvifProbe,
  buildRtspRequest,
  ONVIF_DEVICE_PATH,
  onvifRequestPath,
  readOnvifReply,
  readRtspReply,
  readServiceAddresses,
  RTSP_DESCRIBE_PATHS,
} from './rtsp-onvif-replies';
export {
  buildSdkHello,
  classifySdkReply,
  classifyTextBanner,
  type SdkVendor,
  type TextBanner,
} from './sdk-text-banners';
export {
  identifyService,
  probePlan,
  type Exchange,
  type IdentifyContext,
  type ProbeName,
  type ServiceIdentity,
  type ServiceKind,
} from './service-identity';
