import { ports } from '../i18n/en/ports';
import { z } from 'zod';

/**
 * Default ports of camera/NVR brands, and well-known risky services, for the Ports and Security steps.
 *
 * Provenance rule (read before adding a line):
 * - Every fact comes from shared/reference/PORTS.md (brand ports) or shared/reference/INTERNET-SECURITY.md,
 *   PROTOCOLS.md, ROUTERS.md (risky services). Its `source` is the URL or repo path exactly as that file cites
 *   it; several sources are joined with " ; ". Where the reference names no source for a cell, `source` says
 *   so ("shared/reference/PORTS.md, <brand> row (no source cited for this port)").
 * - `confidence` is the grade PORTS.md gives that port number in that row (H = primary or vendor-adjacent
 *   source, M = one secondary source, L = unconfirmed). A cell PORTS.md leaves ungraded takes the row's "rest"
 *   grade if it has one, else the lowest grade in the row. We never upgrade a fact ourselves.
 * - Where PORTS.md has "?" or nothing, the fact is left out rather than guessed.
 * - The few brand-independent services the reference files do not cover (FTP 21, SSH 22, the IGD's 5000) are
 *   graded L and their `source` says "not in the reference files".
 * - Every port is changeable on the device: the app reads the real values (ONVIF GetNetworkProtocols, SADP,
 *   DHIP) and uses this table only to recognise and judge what it finds.
 */

export const PORT_ROLES = [
  'http',
  'https',
  'rtsp',
  'rtsps',
  'onvif',
  'sdk',
  'media',
  'mobile',
  'rtmp',
  'rtp',
  'webrtc',
  'recording',
  'event',
  'management',
  'discovery',
  'upnp',
  'igd',
  'nat-pmp',
  'telnet',
  'ftp',
  'ssh',
  'backdoor',
] as const;
export const portRoleSchema = z.enum(PORT_ROLES);
export type PortRole = z.infer<typeof portRoleSchema>;

export const transportSchema = z.enum(['tcp', 'udp']);
export type Transport = z.infer<typeof transportSchema>;

export const confidenceSchema = z.enum(['H', 'M', 'L']);
export type Confidence = z.infer<typeof confidenceSchema>;

/** For remote viewing: must this port be forwarded? `only-with-vendor-app`: only if the user watches through the vendor's own app by address. */
export const neededOutsideSchema = z.enum(['yes', 'no', 'only-with-vendor-app']);
export type NeededOutside = z.infer<typeof neededOutsideSchema>;

export const RISK_LEVELS = ['none', 'low', 'medium', 'high'] as const;
export const riskLevelSchema = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

export const RISK_REASONS = [
  /** The factory port: scanners try it first. */
  'default-port',
  /** Passwords and pictures cross the network readable. */
  'plain-text',
  /** The device's administration page or API. */
  'admin-ui',
  /** A hidden service the owner cannot turn off. */
  'backdoor',
  /** The vendor's own binary protocol for its apps and PC software. */
  'vendor-sdk',
  /** This brand's service has CVEs in shared/reference/INTERNET-SECURITY.md §3. */
  'cve-history',
  /** A LAN protocol (discovery, UPnP): no use from outside, never forward it. */
  'lan-only',
  /** UDP media that does not cross NAT well. */
  'udp-media',
] as const;
export const riskReasonSchema = z.enum(RISK_REASONS);
export type RiskReason = z.infer<typeof riskReasonSchema>;

export const portRiskSchema = z.object({
  level: riskLevelSchema,
  reasons: z.array(riskReasonSchema),
  /** Plain words: why this port is (or is not) a risk when reachable from the internet. */
  why: z.string().min(1),
  /** Where the CVE or backdoor claim in `why` comes from, when there is one. */
  source: z.string().min(1).optional(),
});
export type PortRisk = z.infer<typeof portRiskSchema>;

export const portFactSchema = z
  .object({
    role: portRoleSchema,
    port: z.number().int().min(1).max(65535),
    /** Last port of a range (inclusive), e.g. QNAP RTP 6100–6199. */
    portEnd: z.number().int().min(1).max(65535).optional(),
    transport: transportSchema,
    /** Plain words: what the port is for (the English catalogue's, src/shared/i18n/en/said/port-purposes.ts). */
    purpose: z.string().min(1),
    /** The same words' key (`ports.purposes.<brand>.<role><port>`): main says the purpose by it. */
    purposeKey: z.string().regex(/^ports\.purposes\.\w+\.\w+$/),
    neededOutside: neededOutsideSchema,
    risk: portRiskSchema,
    source: z.string().min(1),
    confidence: confidenceSchema,
    note: z.string().min(1).optional(),
  })
  .refine((f) => f.portEnd === undefined || f.portEnd > f.port, { message: 'portEnd must be above port' });
export type PortFact = z.infer<typeof portFactSchema>;

/** Rules a brand imposes on port changes and forwards. */
export const BRAND_RULE_IDS = ['internal-equals-external', 'next-port-also-used'] as const;
export const brandRuleSchema = z.object({
  id: z.enum(BRAND_RULE_IDS),
  /** The roles the rule applies to. */
  roles: z.array(portRoleSchema).min(1),
  text: z.string().min(1),
  source: z.string().min(1),
  confidence: confidenceSchema,
});
export type BrandRule = z.infer<typeof brandRuleSchema>;

export const brandPortsSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** Other names the brand goes by (OEM labels, product names, what brandFromText returns). */
  aliases: z.array(z.string().min(1)),
  /** Whose firmware it runs, when PORTS.md says so. */
  family: z.string().min(1).optional(),
  ports: z.array(portFactSchema).min(1),
  rules: z.array(brandRuleSchema),
  notes: z.array(z.string().min(1)),
});
export type BrandPorts = z.infer<typeof brandPortsSchema>;

// ---------------------------------------------------------------------------------------------------------
// Sources, exactly as the reference files cite them.

const PORTS_MD = 'shared/reference/PORTS.md';
const noSource = (brand: string): string => `${PORTS_MD}, ${brand} row (no source cited for this port)`;
const join = (...s: string[]): string => s.join(' ; ');

const S = {
  hikDvraid: 'https://www.dvraid.com/how-to/hikvision-port-forwarding-guide/',
  hikSadp: 'UniversalScanner Hikvision.selftest',
  hikOnvif: 'openvideolibs/python-onvif-zeep-async: tests/fake_hikvision.py',
  dahuaWiki: 'DahuaWiki NVR port table via https://askvity.info/nvr-networking/what-ports-for-nvr',
  dahuaDhip: 'UniversalScanner Dahua2.selftest',
  dahuaOnvif: 'AlexxIT/go2rtc: pkg/onvif/onvif_test.go',
  dahuaManual: 'Dahua NVR4208 manual p.274',
  cve20205735: 'https://raw.githubusercontent.com/CVEProject/cvelistV5/main/cves/2020/5xxx/CVE-2020-5735.json',
  amcrestUpnp: 'Amcrest UPnP page manual p.41',
  amcrestDdns: 'https://www.easymanua.ls/amcrest/ip4m-1041b/manual?p=30',
  lorex: 'http://homeappliance.manualsonline.com/manuals/mfg/lorex_technology/surveillance_systems.html?p=7',
  uniview: 'http://88.208.23.73:8080/en/manual/vicon/v840d-series/1013122?page=48',
  reolinkSchema: 'api-evangelist reolink/json-schema/network-settings.json',
  reolinkOnvif: 'mickeyzzc/onvif-go: testdata/discovery_raw_20260113.log',
  neolink: 'Neolink README',
  reolinkRtsp: 'https://support.reolink.com/hc/en-us/articles/900000630706-What-is-RTSP',
  swann: 'Swann DVR4-3000 manual p.30',
  axisLog: 'mickeyzzc/onvif-go: testdata/discovery_raw_20260113.log',
  axisScanner: 'UniversalScanner Axis.cs',
  hanwha: 'UniversalScanner Hanwha.cs',
  annke: 'SADP scanner code noting "Hikvision/Annke" (anonymous code hit)',
  unifiProtect: 'https://github.com/AlexxIT/go2rtc/issues/2071',
  unifiVideo: 'https://gist.github.com/fukawi2/c3d99361b3e501fd7ab15525f2cd9121',
  synology: join(
    'Synology dev guide (install_ports)',
    'Synology KB ports page',
    'https://gist.github.com/icyleaf/f1868ff6717131de37d2916283d15e49',
  ),
  milestone:
    'https://www.powershellgallery.com/packages/MilestonePSTools/1.1.4/Content/Public%5CMobileServer%5CGet-MobileServerInfo.ps1',
  blueIris: 'https://camlocus.com/docs/remote-access/',
  nightWatcher: 'NightWatcher manual p.48',
  xm9530: 'https://arindamcctvaccesscontrol.blogspot.com/',
  tapo: 'https://github.com/JurajNyiri/HomeAssistant-Tapo-Control/issues/459',
  speco: 'https://www.manualshelf.com/manual/speco-technologies/zipl4d1/1-pdf-doc-english/page-40.html',
  qnap: 'QNAP NVR-101 manual p.54',
  vivotek: 'https://manualsdump.com/en/manuals/vivotek-fe8171v/41867/69',
  v4l2: 'https://github.com/mpromonet/v4l2rtspserver/issues/249',
  frigate: 'https://github.com/dermotduffy/advanced-camera-card/issues/1336',
  // INTERNET-SECURITY.md §3 (CVE records and advisories)
  cveHik36260: 'https://github.com/CVEProject/cvelistV5/blob/main/cves/2021/36xxx/CVE-2021-36260.json',
  cveHik7921: 'https://github.com/CVEProject/cvelistV5/blob/main/cves/2017/7xxx/CVE-2017-7921.json',
  cveDahua33045: 'https://github.com/CVEProject/cvelistV5/blob/main/cves/2021/33xxx/CVE-2021-33045.json',
  cveAmcrest8229: 'https://github.com/CVEProject/cvelistV5/blob/main/cves/2017/8xxx/CVE-2017-8229.json',
  cveXm10088: 'https://github.com/CVEProject/cvelistV5/blob/main/cves/2018/10xxx/CVE-2018-10088.json',
  cveXm7577: 'https://github.com/CVEProject/cvelistV5/blob/main/cves/2017/7xxx/CVE-2017-7577.json',
  cveReolink11001: 'https://github.com/CVEProject/cvelistV5/blob/main/cves/2019/11xxx/CVE-2019-11001.json',
  cveUniview45039: 'https://github.com/CVEProject/cvelistV5/blob/main/cves/2021/45xxx/CVE-2021-45039.json',
  xmBackdoor: join(
    'https://securitynewspaper.com/?p=18558',
    'https://censys.com/probing-the-xiongmai-hisilicon-soc-vulnerability/',
  ),
  // PROTOCOLS.md, ROUTERS.md, INTERNET-SECURITY.md (services)
  ssdp: 'miniupnpc/src/minissdpc.c',
  wsDiscovery: "agsh/onvif src/discovery.ts (sends to 3702, '239.255.255.250')",
  natPmp: join(
    'https://github.com/TooTallNate/node-nat-pmp/issues/12',
    'https://github.com/jackpal/go-nat-pmp/issues/2',
  ),
  upnpDefaultOn: join(
    'https://community.tp-link.com/us/home/kb/detail/348',
    'https://www.easymanua.ls/netgear/wndr4500/manual?p=107',
  ),
  ispBlocks: join(
    'https://www.cox.com/residential/support/internet-ports-blocked-or-restricted-by-cox.html',
    'https://www.bellmts.ca/support/internet/security/blocked-or-restricted-ports',
    'http://gvtc.com/internet/blocked.php',
  ),
  igdLinksys: 'miniupnp/miniupnp: miniupnpc/testdesc/linksys_WAG200G_desc.xml',
  neverForward: 'shared/reference/INTERNET-SECURITY.md §5 (recommendation 4) and §0 (rule 2)',
} as const;

// ---------------------------------------------------------------------------------------------------------
// Risk judgements, in plain words. Levels: high = plain-text login, backdoor, or a service with CVEs in
// INTERNET-SECURITY.md §3; medium = admin page or vendor protocol on a known default port; low = LAN-only.

function httpRisk(cve?: { text: string; source: string }): PortRisk {
  return {
    level: 'high',
    reasons: ['default-port', 'plain-text', 'admin-ui', ...(cve ? (['cve-history'] as const) : [])],
    why:
      'The admin web page on the default port, unencrypted: the password crosses the internet readable, and ' +
      'scanners try this port first.' +
      (cve ? ` ${cve.text}` : ''),
    ...(cve ? { source: cve.source } : {}),
  };
}

function httpsRisk(cve?: { text: string; source: string }): PortRisk {
  return {
    level: cve ? 'high' : 'medium',
    reasons: ['default-port', 'admin-ui', ...(cve ? (['cve-history'] as const) : [])],
    why:
      'Encrypted, but it is the admin web page on the default port that scanners try first.' +
      (cve ? ` ${cve.text}` : ''),
    ...(cve ? { source: cve.source } : {}),
  };
}

const RTSP_RISK: PortRisk = {
  level: 'high',
  reasons: ['default-port', 'plain-text'],
  why:
    'The live video on the default RTSP port, unencrypted; camera scanners look for it. Watch from outside ' +
    'through a VPN instead of forwarding it.',
  source: S.neverForward,
};

const ONVIF_RISK: PortRisk = {
  level: 'medium',
  reasons: ['admin-ui'],
  why: 'ONVIF lets a logged-in program change the device settings. Keep it on the home network.',
};

function sdkRisk(cve?: { text: string; source: string }): PortRisk {
  return {
    level: 'high',
    reasons: ['default-port', 'vendor-sdk', ...(cve ? (['cve-history'] as const) : [])],
    why:
      "The vendor's own protocol for its apps and PC software, on a port scanners know belongs to this brand. " +
      'Never forward it straight to the internet.' +
      (cve ? ` ${cve.text}` : ''),
    source: cve ? join(cve.source, S.neverForward) : S.neverForward,
  };
}

const VENDOR_APP_RISK: PortRisk = {
  level: 'medium',
  reasons: ['default-port', 'vendor-sdk'],
  why: "The vendor's own protocol for its phone app, on the brand's factory port.",
};

const LAN_ONLY_RISK: PortRisk = {
  level: 'low',
  reasons: ['lan-only'],
  why: 'A home-network protocol: it is of no use from outside and must never be forwarded.',
};

const INTERNAL_RISK: PortRisk = {
  level: 'medium',
  reasons: ['default-port'],
  why: 'Used between the parts of the system or with its own PC software; it has no use from outside.',
};

const UDP_MEDIA_RISK: PortRisk = {
  level: 'medium',
  reasons: ['udp-media'],
  why: 'Video over UDP does not cross home routers (NAT) reliably; use RTSP over TCP instead of forwarding these.',
};

const CVE = {
  hikWeb: {
    text: 'Hikvision web servers had unauthenticated flaws exploited in the wild (CVE-2021-36260, CVE-2017-7921).',
    source: join(S.cveHik36260, S.cveHik7921),
  },
  dahuaLogin: {
    text: 'Dahua NVR/XVR logins had an authentication bypass exploited in the wild (CVE-2021-33045).',
    source: S.cveDahua33045,
  },
  dahuaSdk: {
    text: 'CVE-2020-5735 was a flaw in Amcrest/Dahua devices reached through this port.',
    source: S.cve20205735,
  },
  amcrestWeb: {
    text: 'Amcrest web servers leaked the admin credentials without login (CVE-2017-8229).',
    source: S.cveAmcrest8229,
  },
  reolinkWeb: {
    text: 'Reolink web APIs had command-injection flaws exploited in the wild (CVE-2019-11001).',
    source: S.cveReolink11001,
  },
  xmWeb: {
    text: "XM's uc-httpd web server has a file-reading flaw and a buffer overflow, with no fix (CVE-2017-7577, CVE-2018-10088).",
    source: join(S.cveXm7577, S.cveXm10088),
  },
} as const;

/** The catalogue's words for what the ports are for, by brand (`anyBrand`: the brand-independent services). */
const PURPOSES = ports.purposes;
type PurposeBrand = keyof typeof PURPOSES;

/**
 * A port's purpose: the English catalogue's words (`ports.purposes.<brand>.<key>`) and their key, so that main says it
 * by key (port-judgement.ts's purposeSaid) and the pages and the CLI in the user's language.
 */
function purpose<B extends PurposeBrand>(
  brand: B,
  key: keyof (typeof PURPOSES)[B] & string,
): Pick<PortFact, 'purpose' | 'purposeKey'> {
  return { purpose: (PURPOSES[brand] as Record<string, string>)[key]!, purposeKey: `ports.purposes.${brand}.${key}` };
}

// ---------------------------------------------------------------------------------------------------------
// Brands (PORTS.md table rows and "extra rows").

// PORTS.md does not grade the manual's rule; the Dahua row's lowest grade (L) applies.
const dahuaSamePortRule = (brandNote: string): BrandRule => ({
  id: 'internal-equals-external',
  roles: ['sdk', 'media', 'mobile'],
  text:
    'Forward the SDK ports with the same number outside and inside (Dahua’s manual: "For the TCP and UDP, please ' +
    'make sure the internal port and external port are the same")' +
    brandNote,
  source: S.dahuaManual,
  confidence: 'L',
});

const BRANDS_RAW: readonly BrandPorts[] = [
  {
    id: 'hikvision',
    name: 'Hikvision',
    aliases: ['hik', 'hik-connect', 'hikvision digital technology'],
    ports: [
      {
        role: 'http',
        port: 80,
        transport: 'tcp',
        ...purpose('hikvision', 'http80'),
        neededOutside: 'no',
        risk: httpRisk(CVE.hikWeb),
        source: join(S.hikDvraid, S.hikSadp),
        confidence: 'H',
        note: 'Use HTTPS from outside, never HTTP.',
      },
      {
        role: 'https',
        port: 443,
        transport: 'tcp',
        ...purpose('hikvision', 'https443'),
        neededOutside: 'yes',
        risk: httpsRisk(CVE.hikWeb),
        source: S.hikDvraid,
        confidence: 'H',
      },
      {
        role: 'rtsp',
        port: 554,
        transport: 'tcp',
        ...purpose('hikvision', 'rtsp554'),
        neededOutside: 'no',
        risk: RTSP_RISK,
        source: S.hikDvraid,
        confidence: 'H',
      },
      {
        role: 'onvif',
        port: 80,
        transport: 'tcp',
        ...purpose('hikvision', 'onvif80'),
        neededOutside: 'no',
        risk: ONVIF_RISK,
        source: S.hikOnvif,
        confidence: 'H',
      },
      {
        role: 'sdk',
        port: 8000,
        transport: 'tcp',
        ...purpose('hikvision', 'sdk8000'),
        neededOutside: 'only-with-vendor-app',
        risk: sdkRisk(),
        source: join(S.hikSadp, S.hikDvraid),
        confidence: 'M',
      },
      {
        role: 'sdk',
        port: 8443,
        transport: 'tcp',
        ...purpose('hikvision', 'sdk8443'),
        neededOutside: 'only-with-vendor-app',
        risk: sdkRisk(),
        source: noSource('Hikvision'),
        confidence: 'L',
      },
      {
        role: 'discovery',
        port: 37020,
        transport: 'udp',
        ...purpose('hikvision', 'discovery37020'),
        neededOutside: 'no',
        risk: LAN_ONLY_RISK,
        source: S.hikSadp,
        confidence: 'L',
      },
    ],
    rules: [],
    notes: ['Lockout after 5–7 wrong passwords: never guess (shared/reference/INTERNET-SECURITY.md §4.2).'],
  },
  {
    id: 'dahua',
    name: 'Dahua',
    aliases: ['dahua technology', 'dh'],
    ports: [
      {
        role: 'http',
        port: 80,
        transport: 'tcp',
        ...purpose('dahua', 'http80'),
        neededOutside: 'no',
        risk: httpRisk(CVE.dahuaLogin),
        source: join(S.dahuaWiki, S.dahuaDhip),
        confidence: 'H',
        note: 'Use HTTPS from outside, never HTTP.',
      },
      {
        role: 'https',
        port: 443,
        transport: 'tcp',
        ...purpose('dahua', 'https443'),
        neededOutside: 'yes',
        risk: httpsRisk(CVE.dahuaLogin),
        source: S.dahuaWiki,
        confidence: 'H',
      },
      {
        role: 'rtsp',
        port: 554,
        transport: 'tcp',
        ...purpose('dahua', 'rtsp554'),
        neededOutside: 'no',
        risk: RTSP_RISK,
        source: S.dahuaWiki,
        confidence: 'H',
      },
      {
        role: 'onvif',
        port: 80,
        transport: 'tcp',
        ...purpose('dahua', 'onvif80'),
        neededOutside: 'no',
        risk: ONVIF_RISK,
        source: S.dahuaOnvif,
        confidence: 'H',
      },
      {
        role: 'sdk',
        port: 37777,
        transport: 'tcp',
        ...purpose('dahua', 'sdk37777'),
        neededOutside: 'only-with-vendor-app',
        risk: sdkRisk(CVE.dahuaSdk),
        source: join(S.dahuaWiki, S.dahuaDhip, S.cve20205735),
        confidence: 'H',
      },
      {
        role: 'sdk',
        port: 37778,
        transport: 'udp',
        ...purpose('dahua', 'sdk37778'),
        neededOutside: 'only-with-vendor-app',
        risk: sdkRisk(),
        source: S.dahuaWiki,
        confidence: 'L',
      },
      {
        role: 'discovery',
        port: 37810,
        transport: 'udp',
        ...purpose('dahua', 'discovery37810'),
        neededOutside: 'no',
        risk: LAN_ONLY_RISK,
        source: S.dahuaDhip,
        confidence: 'L',
      },
      {
        role: 'discovery',
        port: 5050,
        transport: 'udp',
        ...purpose('dahua', 'discovery5050'),
        neededOutside: 'no',
        risk: LAN_ONLY_RISK,
        source: noSource('Dahua'),
        confidence: 'L',
      },
    ],
    rules: [dahuaSamePortRule('.')],
    notes: [],
  },
  {
    id: 'amcrest',
    name: 'Amcrest',
    aliases: ['amcrest technologies'],
    family: 'Dahua OEM',
    ports: [
      {
        role: 'http',
        port: 80,
        transport: 'tcp',
        ...purpose('amcrest', 'http80'),
        neededOutside: 'no',
        risk: httpRisk(CVE.amcrestWeb),
        source: S.amcrestUpnp,
        confidence: 'M',
        note: 'Use HTTPS from outside, never HTTP.',
      },
      {
        role: 'https',
        port: 443,
        transport: 'tcp',
        ...purpose('amcrest', 'https443'),
        neededOutside: 'yes',
        risk: httpsRisk(CVE.amcrestWeb),
        source: S.amcrestUpnp,
        confidence: 'M',
      },
      {
        role: 'rtsp',
        port: 554,
        transport: 'tcp',
        ...purpose('amcrest', 'rtsp554'),
        neededOutside: 'no',
        risk: RTSP_RISK,
        source: S.amcrestUpnp,
        confidence: 'M',
      },
      {
        role: 'onvif',
        port: 80,
        transport: 'tcp',
        ...purpose('amcrest', 'onvif80'),
        neededOutside: 'no',
        risk: ONVIF_RISK,
        source: noSource('Amcrest'),
        confidence: 'M',
      },
      {
        role: 'sdk',
        port: 37777,
        transport: 'tcp',
        ...purpose('amcrest', 'sdk37777'),
        neededOutside: 'only-with-vendor-app',
        risk: sdkRisk(CVE.dahuaSdk),
        source: join(S.cve20205735, S.amcrestUpnp),
        confidence: 'H',
      },
      {
        role: 'sdk',
        port: 37778,
        transport: 'udp',
        ...purpose('amcrest', 'sdk37778'),
        neededOutside: 'only-with-vendor-app',
        risk: sdkRisk(),
        source: S.amcrestUpnp,
        confidence: 'L',
      },
      {
        role: 'discovery',
        port: 37810,
        transport: 'udp',
        ...purpose('amcrest', 'discovery37810'),
        neededOutside: 'no',
        risk: LAN_ONLY_RISK,
        source: noSource('Amcrest'),
        confidence: 'M',
      },
    ],
    rules: [dahuaSamePortRule(' (Dahua rule; Amcrest runs Dahua firmware).')],
    notes: [`AmcrestDDNS is free but must be renewed yearly (${S.amcrestDdns}).`],
  },
  {
    id: 'lorex',
    name: 'Lorex',
    aliases: ['lorex technology'],
    family: 'Dahua-based on some lines (L)',
    ports: [
      {
        role: 'http',
        port: 80,
        transport: 'tcp',
        ...purpose('lorex', 'http80'),
        neededOutside: 'no',
        risk: httpRisk(),
        source: S.lorex,
        confidence: 'L',
      },
      {
        role: 'https',
        port: 443,
        transport: 'tcp',
        ...purpose('lorex', 'https443'),
        neededOutside: 'yes',
        risk: httpsRisk(),
        source: S.lorex,
        confidence: 'L',
      },
      {
        role: 'rtsp',
        port: 554,
        transport: 'tcp',
        ...purpose('lorex', 'rtsp554'),
        neededOutside: 'no',
        risk: RTSP_RISK,
        source: S.lorex,
        confidence: 'L',
      },
      {
        role: 'sdk',
        port: 35000,
        transport: 'tcp',
        ...purpose('lorex', 'sdk35000'),
        neededOutside: 'only-with-vendor-app',
        risk: sdkRisk(),
        source: S.lorex,
        confidence: 'L',
      },
    ],
    rules: [dahuaSamePortRule(' (Dahua rule, for Dahua-based Lorex lines).')],
    notes: ['The cited Lorex manual only describes port forwarding in general: every Lorex port here is unconfirmed.'],
  },
  {
    id: 'uniview',
    name: 'Uniview',
    aliases: ['unv', 'zhejiang uniview'],
    ports: [
      {
        role: 'http',
        port: 80,
        transport: 'tcp',
        ...purpose('uniview', 'http80'),
        neededOutside: 'no',
        risk: httpRisk(),
        source: S.uniview,
        confidence: 'L',
      },
      {
        role: 'https',
        port: 443,
        transport: 'tcp',
        ...purpose('uniview', 'https443'),
        neededOutside: 'yes',
        risk: httpsRisk(),
        source: S.uniview,
        confidence: 'L',
        note: 'PORTS.md grades this "M?" from an OEM-looking manual: treated as unconfirmed.',
      },
      {
        role: 'rtsp',
        port: 554,
        transport: 'tcp',
        ...purpose('uniview', 'rtsp554'),
        neededOutside: 'no',
        risk: RTSP_RISK,
        source: S.uniview,
        confidence: 'L',
      },
      {
        role: 'backdoor',
        port: 7788,
        transport: 'udp',
        ...purpose('uniview', 'backdoor7788'),
        neededOutside: 'no',
        risk: {
          level: 'high',
          reasons: ['backdoor', 'cve-history'],
          why: 'Pre-login buffer overflow that runs code, and it can start telnet with the fixed password root/123456 (CVE-2021-45039).',
          source: S.cveUniview45039,
        },
        source: S.cveUniview45039,
        confidence: 'H',
        note: 'From shared/reference/INTERNET-SECURITY.md §3.',
      },
    ],
    rules: [],
    notes: [],
  },
  {
    id: 'reolink',
    name: 'Reolink',
    aliases: [],
    ports: [
      {
        role: 'http',
        port: 80,
        transport: 'tcp',
        ...purpose('reolink', 'http80'),
        neededOutside: 'no',
        risk: httpRisk(CVE.reolinkWeb),
        source: S.reolinkSchema,
        confidence: 'M',
        note: 'Use HTTPS from outside, never HTTP.',
      },
      {
        role: 'https',
        port: 443,
        transport: 'tcp',
        ...purpose('reolink', 'https443'),
        neededOutside: 'yes',
        risk: httpsRisk(CVE.reolinkWeb),
        source: S.reolinkSchema,
        confidence: 'M',
      },
      {
        role: 'rtsp',
        port: 554,
        transport: 'tcp',
        ...purpose('reolink', 'rtsp554'),
        neededOutside: 'no',
        risk: RTSP_RISK,
        source: S.reolinkRtsp,
        confidence: 'M',
      },
      {
        role: 'onvif',
        port: 8000,
        transport: 'tcp',
        ...purpose('reolink', 'onvif8000'),
        neededOutside: 'no',
        risk: ONVIF_RISK,
        source: S.reolinkOnvif,
        confidence: 'H',
      },
      {
        role: 'media',
        port: 9000,
        transport: 'tcp',
        ...purpose('reolink', 'media9000'),
        neededOutside: 'only-with-vendor-app',
        risk: sdkRisk(),
        source: join(S.reolinkSchema, S.neolink),
        confidence: 'M',
      },
      {
        role: 'rtmp',
        port: 1935,
        transport: 'tcp',
        ...purpose('reolink', 'rtmp1935'),
        neededOutside: 'no',
        risk: {
          level: 'medium',
          reasons: ['default-port', 'plain-text'],
          why: 'Unencrypted video stream on the usual RTMP port.',
        },
        source: noSource('Reolink'),
        confidence: 'L',
      },
    ],
    rules: [],
    notes: ['Reolink apps usually connect by UID through the Reolink P2P service, not by port.'],
  },
  {
    id: 'swann',
    name: 'Swann',
    aliases: ['swannview', 'swann communications'],
    ports: [
      {
        role: 'http',
        port: 85,
        transport: 'tcp',
        ...purpose('swann', 'http85'),
        neededOutside: 'yes',
        risk: httpRisk(),
        source: S.swann,
        confidence: 'L',
        note: 'No HTTPS on the older DVR line.',
      },
      {
        role: 'rtsp',
        port: 554,
        transport: 'tcp',
        ...purpose('swann', 'rtsp554'),
        neededOutside: 'no',
        risk: RTSP_RISK,
        source: S.swann,
        confidence: 'L',
      },
      {
        role: 'mobile',
        port: 9000,
        transport: 'tcp',
        ...purpose('swann', 'mobile9000'),
        neededOutside: 'only-with-vendor-app',
        risk: VENDOR_APP_RISK,
        source: S.swann,
        confidence: 'H',
      },
    ],
    rules: [],
    notes: ['Facts are for the older Swann DVR line (DVR4-3000).'],
  },
  {
    id: 'axis',
    name: 'Axis',
    aliases: ['axis communications'],
    ports: [
      {
        role: 'http',
        port: 80,
        transport: 'tcp',
        ...purpose('axis', 'http80'),
        neededOutside: 'no',
        risk: httpRisk(),
        source: join(S.axisLog, S.axisScanner),
        confidence: 'H',
        note: 'Use HTTPS from outside, never HTTP.',
      },
      {
        role: 'https',
        port: 443,
        transport: 'tcp',
        ...purpose('axis', 'https443'),
        neededOutside: 'yes',
        risk: httpsRisk(),
        source: S.axisLog,
        confidence: 'M',
      },
      {
        role: 'rtsp',
        port: 554,
        transport: 'tcp',
        ...purpose('axis', 'rtsp554'),
        neededOutside: 'no',
        risk: RTSP_RISK,
        source: S.axisScanner,
        confidence: 'M',
      },
      {
        role: 'onvif',
        port: 80,
        transport: 'tcp',
        ...purpose('axis', 'onvif80'),
        neededOutside: 'no',
        risk: ONVIF_RISK,
        source: S.axisLog,
        confidence: 'H',
      },
      {
        role: 'discovery',
        port: 5353,
        transport: 'udp',
        ...purpose('axis', 'discovery5353'),
        neededOutside: 'no',
        risk: LAN_ONLY_RISK,
        source: S.axisScanner,
        confidence: 'M',
      },
    ],
    rules: [],
    notes: ['No separate SDK port: apps use VAPIX over the web ports.'],
  },
  {
    id: 'hanwha',
    name: 'Hanwha Vision (Wisenet, Samsung)',
    aliases: ['hanwha', 'wisenet', 'samsung', 'samsung techwin', 'hanwha techwin'],
    ports: [
      {
        role: 'http',
        port: 80,
        transport: 'tcp',
        ...purpose('hanwha', 'http80'),
        neededOutside: 'no',
        risk: httpRisk(),
        source: noSource('Hanwha'),
        confidence: 'L',
      },
      {
        role: 'https',
        port: 443,
        transport: 'tcp',
        ...purpose('hanwha', 'https443'),
        neededOutside: 'yes',
        risk: httpsRisk(),
        source: noSource('Hanwha'),
        confidence: 'L',
      },
      {
        role: 'rtsp',
        port: 554,
        transport: 'tcp',
        ...purpose('hanwha', 'rtsp554'),
        neededOutside: 'no',
        risk: RTSP_RISK,
        source: noSource('Hanwha'),
        confidence: 'L',
      },
      {
        role: 'onvif',
        port: 80,
        transport: 'tcp',
        ...purpose('hanwha', 'onvif80'),
        neededOutside: 'no',
        risk: ONVIF_RISK,
        source: noSource('Hanwha'),
        confidence: 'L',
      },
      {
        role: 'sdk',
        port: 4520,
        transport: 'tcp',
        ...purpose('hanwha', 'sdk4520'),
        neededOutside: 'only-with-vendor-app',
        risk: sdkRisk(),
        source: noSource('Hanwha'),
        confidence: 'L',
      },
      {
        role: 'discovery',
        port: 7701,
        transport: 'udp',
        ...purpose('hanwha', 'discovery7701'),
        neededOutside: 'no',
        risk: LAN_ONLY_RISK,
        source: S.hanwha,
        confidence: 'M',
      },
      {
        role: 'discovery',
        port: 7711,
        transport: 'udp',
        ...purpose('hanwha', 'discovery7711'),
        neededOutside: 'no',
        risk: LAN_ONLY_RISK,
        source: S.hanwha,
        confidence: 'M',
      },
    ],
    rules: [],
    notes: [],
  },
  {
    id: 'annke',
    name: 'Annke',
    aliases: [],
    family: 'Hikvision OEM',
    ports: [
      {
        role: 'http',
        port: 80,
        transport: 'tcp',
        ...purpose('annke', 'http80'),
        neededOutside: 'no',
        risk: httpRisk(CVE.hikWeb),
        source: S.annke,
        confidence: 'M',
        note: 'Use HTTPS from outside, never HTTP.',
      },
      {
        role: 'https',
        port: 443,
        transport: 'tcp',
        ...purpose('annke', 'https443'),
        neededOutside: 'yes',
        risk: httpsRisk(CVE.hikWeb),
        source: S.annke,
        confidence: 'M',
      },
      {
        role: 'rtsp',
        port: 554,
        transport: 'tcp',
        ...purpose('annke', 'rtsp554'),
        neededOutside: 'no',
        risk: RTSP_RISK,
        source: S.annke,
        confidence: 'M',
      },
      {
        role: 'onvif',
        port: 80,
        transport: 'tcp',
        ...purpose('annke', 'onvif80'),
        neededOutside: 'no',
        risk: ONVIF_RISK,
        source: S.annke,
        confidence: 'M',
      },
      {
        role: 'sdk',
        port: 8000,
        transport: 'tcp',
        ...purpose('annke', 'sdk8000'),
        neededOutside: 'only-with-vendor-app',
        risk: sdkRisk(),
        source: S.annke,
        confidence: 'M',
      },
      {
        role: 'discovery',
        port: 37020,
        transport: 'udp',
        ...purpose('annke', 'discovery37020'),
        neededOutside: 'no',
        risk: LAN_ONLY_RISK,
        source: S.annke,
        confidence: 'M',
      },
    ],
    rules: [],
    notes: ['That Annke runs Hikvision firmware is itself unconfirmed (L); the Hikvision CVEs may apply.'],
  },
  {
    id: 'unifi-protect',
    name: 'Ubiquiti UniFi Protect',
    aliases: ['ubiquiti', 'unifi', 'ubnt'],
    ports: [
      {
        role: 'https',
        port: 443,
        transport: 'tcp',
        ...purpose('unifiProtect', 'https443'),
        neededOutside: 'yes',
        risk: httpsRisk(),
        source: noSource('UniFi Protect'),
        confidence: 'M',
      },
      {
        role: 'rtsp',
        port: 7447,
        transport: 'tcp',
        ...purpose('unifiProtect', 'rtsp7447'),
        neededOutside: 'no',
        risk: RTSP_RISK,
        source: S.unifiProtect,
        confidence: 'M',
      },
      {
        role: 'rtsps',
        port: 7441,
        transport: 'tcp',
        ...purpose('unifiProtect', 'rtsps7441'),
        neededOutside: 'no',
        risk: {
          level: 'medium',
          reasons: ['default-port'],
          why: 'Encrypted, but the video streams on the default port; watch from outside through the console or a VPN.',
        },
        source: S.unifiProtect,
        confidence: 'M',
      },
      {
        role: 'discovery',
        port: 10001,
        transport: 'udp',
        ...purpose('unifiProtect', 'discovery10001'),
        neededOutside: 'no',
        risk: LAN_ONLY_RISK,
        source: noSource('UniFi Protect'),
        confidence: 'M',
      },
    ],
    rules: [],
    notes: ['Protect is not ONVIF.'],
  },
  {
    id: 'unifi-video',
    name: 'Ubiquiti UniFi Video (legacy)',
    aliases: ['unifi video'],
    ports: [
      {
        role: 'http',
        port: 7080,
        transport: 'tcp',
        ...purpose('unifiVideo', 'http7080'),
        neededOutside: 'no',
        risk: httpRisk(),
        source: S.unifiVideo,
        confidence: 'M',
      },
      {
        role: 'https',
        port: 7443,
        transport: 'tcp',
        ...purpose('unifiVideo', 'https7443'),
        neededOutside: 'yes',
        risk: httpsRisk(),
        source: S.unifiVideo,
        confidence: 'M',
      },
      {
        role: 'management',
        port: 7442,
        transport: 'tcp',
        ...purpose('unifiVideo', 'management7442'),
        neededOutside: 'no',
        risk: INTERNAL_RISK,
        source: S.unifiVideo,
        confidence: 'M',
      },
      {
        role: 'media',
        port: 7445,
        transport: 'tcp',
        ...purpose('unifiVideo', 'media7445'),
        neededOutside: 'no',
        risk: {
          level: 'medium',
          reasons: ['default-port', 'plain-text'],
          why: 'Unencrypted video on the default port.',
        },
        source: S.unifiVideo,
        confidence: 'M',
      },
      {
        role: 'media',
        port: 7446,
        transport: 'tcp',
        ...purpose('unifiVideo', 'media7446'),
        neededOutside: 'no',
        risk: INTERNAL_RISK,
        source: S.unifiVideo,
        confidence: 'M',
      },
      {
        role: 'media',
        port: 6666,
        transport: 'tcp',
        ...purpose('unifiVideo', 'media6666'),
        neededOutside: 'no',
        risk: INTERNAL_RISK,
        source: S.unifiVideo,
        confidence: 'M',
      },
    ],
    rules: [],
    notes: ['UniFi Video is the predecessor of Protect.'],
  },
  {
    id: 'synology',
    name: 'Synology Surveillance Station',
    aliases: ['synology', 'surveillance station', 'dsm'],
    ports: [
      {
        role: 'http',
        port: 5000,
        transport: 'tcp',
        ...purpose('synology', 'http5000'),
        neededOutside: 'no',
        risk: httpRisk(),
        source: S.synology,
        confidence: 'H',
        note: 'Use HTTPS (5001) from outside, never HTTP.',
      },
      {
        role: 'https',
        port: 5001,
        transport: 'tcp',
        ...purpose('synology', 'https5001'),
        neededOutside: 'yes',
        risk: httpsRisk(),
        source: S.synology,
        confidence: 'H',
      },
      {
        role: 'media',
        port: 19997,
        transport: 'udp',
        ...purpose('synology', 'media19997'),
        neededOutside: 'no',
        risk: INTERNAL_RISK,
        source: S.synology,
        confidence: 'H',
      },
      {
        role: 'media',
        port: 19998,
        transport: 'udp',
        ...purpose('synology', 'media19998'),
        neededOutside: 'no',
        risk: INTERNAL_RISK,
        source: S.synology,
        confidence: 'H',
      },
      {
        role: 'discovery',
        port: 9997,
        portEnd: 9999,
        transport: 'udp',
        ...purpose('synology', 'discovery9997'),
        neededOutside: 'no',
        risk: LAN_ONLY_RISK,
        source: S.synology,
        confidence: 'H',
      },
      {
        role: 'upnp',
        port: 1900,
        transport: 'udp',
        ...purpose('synology', 'upnp1900'),
        neededOutside: 'no',
        risk: LAN_ONLY_RISK,
        source: S.synology,
        confidence: 'H',
      },
    ],
    rules: [],
    notes: ['Cameras keep their own brand ports behind Surveillance Station.'],
  },
  {
    id: 'milestone',
    name: 'Milestone XProtect',
    aliases: ['xprotect', 'milestone systems'],
    ports: [
      {
        role: 'http',
        port: 80,
        transport: 'tcp',
        ...purpose('milestone', 'http80'),
        neededOutside: 'no',
        risk: httpRisk(),
        source: S.milestone,
        confidence: 'L',
      },
      {
        role: 'https',
        port: 443,
        transport: 'tcp',
        ...purpose('milestone', 'https443'),
        neededOutside: 'no',
        risk: httpsRisk(),
        source: S.milestone,
        confidence: 'L',
      },
      {
        role: 'recording',
        port: 7563,
        transport: 'tcp',
        ...purpose('milestone', 'recording7563'),
        neededOutside: 'no',
        risk: INTERNAL_RISK,
        source: S.milestone,
        confidence: 'L',
      },
      {
        role: 'mobile',
        port: 8081,
        transport: 'tcp',
        ...purpose('milestone', 'mobile8081'),
        neededOutside: 'no',
        risk: {
          level: 'high',
          reasons: ['default-port', 'plain-text'],
          why: 'The mobile login, unencrypted, on a commonly scanned port. Use the mobile server HTTPS port instead.',
        },
        source: S.milestone,
        confidence: 'L',
      },
      {
        role: 'mobile',
        port: 8082,
        transport: 'tcp',
        ...purpose('milestone', 'mobile8082'),
        neededOutside: 'only-with-vendor-app',
        risk: { level: 'medium', reasons: ['default-port'], why: 'Encrypted, but on the default port.' },
        source: S.milestone,
        confidence: 'L',
      },
      {
        role: 'event',
        port: 22331,
        transport: 'tcp',
        ...purpose('milestone', 'event22331'),
        neededOutside: 'no',
        risk: INTERNAL_RISK,
        source: S.milestone,
        confidence: 'L',
      },
    ],
    rules: [],
    notes: [
      'The cited source only confirms that the mobile server ports are configurable: every Milestone number is unconfirmed.',
    ],
  },
  {
    id: 'blue-iris',
    name: 'Blue Iris',
    aliases: ['blueiris', 'ui3'],
    ports: [
      {
        role: 'http',
        port: 81,
        transport: 'tcp',
        ...purpose('blueIris', 'http81'),
        neededOutside: 'yes',
        risk: httpRisk(),
        source: S.blueIris,
        confidence: 'H',
        note: 'HTTPS is optional in Blue Iris; turn it on before any forward.',
      },
    ],
    rules: [],
    notes: [],
  },
  {
    id: 'xm',
    name: 'XM / Xiongmai (XMEye, NightWatcher-type DVRs)',
    aliases: ['xiongmai', 'xmeye', 'nightwatcher', 'hisilicon', 'xm'],
    ports: [
      {
        role: 'http',
        port: 80,
        transport: 'tcp',
        ...purpose('xm', 'http80'),
        neededOutside: 'no',
        risk: httpRisk(CVE.xmWeb),
        source: S.nightWatcher,
        confidence: 'H',
      },
      {
        role: 'media',
        port: 554,
        transport: 'tcp',
        ...purpose('xm', 'media554'),
        neededOutside: 'no',
        risk: RTSP_RISK,
        source: S.nightWatcher,
        confidence: 'H',
      },
      {
        role: 'mobile',
        port: 34599,
        transport: 'tcp',
        ...purpose('xm', 'mobile34599'),
        neededOutside: 'only-with-vendor-app',
        risk: VENDOR_APP_RISK,
        source: S.nightWatcher,
        confidence: 'H',
      },
      {
        role: 'backdoor',
        port: 9530,
        transport: 'tcp',
        ...purpose('xm', 'backdoor9530'),
        neededOutside: 'no',
        risk: {
          level: 'high',
          reasons: ['backdoor'],
          why: 'A special message here starts telnet with a root password shared by every device. No fix is expected.',
          source: S.xmBackdoor,
        },
        source: S.xm9530,
        confidence: 'M',
      },
    ],
    rules: [],
    notes: [
      'XMEye P2P has enumerable IDs and blank default passwords: turn it off (shared/reference/INTERNET-SECURITY.md §3, §5).',
    ],
  },
  {
    id: 'tapo',
    name: 'TP-Link Tapo',
    aliases: ['tapo', 'tp-link', 'tplink'],
    ports: [
      {
        role: 'https',
        port: 443,
        transport: 'tcp',
        ...purpose('tapo', 'https443'),
        neededOutside: 'no',
        risk: httpsRisk(),
        source: S.tapo,
        confidence: 'M',
      },
      {
        role: 'rtsp',
        port: 554,
        transport: 'tcp',
        ...purpose('tapo', 'rtsp554'),
        neededOutside: 'no',
        risk: RTSP_RISK,
        source: S.tapo,
        confidence: 'M',
      },
      {
        role: 'onvif',
        port: 2020,
        transport: 'tcp',
        ...purpose('tapo', 'onvif2020'),
        neededOutside: 'no',
        risk: ONVIF_RISK,
        source: S.tapo,
        confidence: 'M',
      },
    ],
    rules: [],
    notes: ['The Tapo app reaches the camera through the TP-Link cloud, not by port.'],
  },
  {
    id: 'speco',
    name: 'Speco ZIP NVR',
    aliases: ['speco', 'speco technologies'],
    ports: [
      {
        role: 'http',
        port: 80,
        transport: 'tcp',
        ...purpose('speco', 'http80'),
        neededOutside: 'no',
        risk: httpRisk(),
        source: S.speco,
        confidence: 'H',
      },
      {
        role: 'sdk',
        port: 5445,
        transport: 'tcp',
        ...purpose('speco', 'sdk5445'),
        neededOutside: 'only-with-vendor-app',
        risk: sdkRisk(),
        source: S.speco,
        confidence: 'H',
      },
      {
        role: 'media',
        port: 5446,
        transport: 'tcp',
        ...purpose('speco', 'media5446'),
        neededOutside: 'only-with-vendor-app',
        risk: VENDOR_APP_RISK,
        source: S.speco,
        confidence: 'H',
      },
      {
        role: 'management',
        port: 59011,
        portEnd: 59254,
        transport: 'tcp',
        ...purpose('speco', 'management59011'),
        neededOutside: 'no',
        risk: INTERNAL_RISK,
        source: S.speco,
        confidence: 'H',
      },
    ],
    rules: [
      {
        id: 'next-port-also-used',
        roles: ['sdk'],
        text: 'The port after the network port carries audio (network port + 1).',
        source: S.speco,
        confidence: 'H',
      },
    ],
    notes: [],
  },
  {
    id: 'qnap-viostor',
    name: 'QNAP VioStor NVR',
    aliases: ['qnap', 'viostor'],
    ports: [
      {
        role: 'http',
        port: 80,
        transport: 'tcp',
        ...purpose('qnapViostor', 'http80'),
        neededOutside: 'no',
        risk: httpRisk(),
        source: S.qnap,
        confidence: 'H',
      },
      {
        role: 'rtp',
        port: 6100,
        portEnd: 6199,
        transport: 'udp',
        ...purpose('qnapViostor', 'rtp6100'),
        neededOutside: 'no',
        risk: UDP_MEDIA_RISK,
        source: S.qnap,
        confidence: 'H',
        note: 'PORTS.md gives no transport; RTP is taken as UDP.',
      },
    ],
    rules: [],
    notes: [],
  },
  {
    id: 'vivotek',
    name: 'Vivotek',
    aliases: [],
    ports: [
      {
        role: 'rtp',
        port: 5556,
        portEnd: 5559,
        transport: 'udp',
        ...purpose('vivotek', 'rtp5556'),
        neededOutside: 'no',
        risk: UDP_MEDIA_RISK,
        source: S.vivotek,
        confidence: 'H',
      },
    ],
    rules: [],
    notes: ['Only the RTP example of PORTS.md; use RTSP over TCP instead of forwarding these.'],
  },
  {
    id: 'frigate',
    name: 'Frigate / go2rtc',
    aliases: ['go2rtc'],
    ports: [
      {
        role: 'webrtc',
        port: 8555,
        transport: 'tcp',
        ...purpose('frigate', 'webrtc8555'),
        neededOutside: 'yes',
        risk: { level: 'medium', reasons: ['default-port'], why: 'Encrypted video, but on the default port.' },
        source: S.frigate,
        confidence: 'M',
      },
      {
        role: 'webrtc',
        port: 8555,
        transport: 'udp',
        ...purpose('frigate', 'webrtc8555Udp'),
        neededOutside: 'yes',
        risk: { level: 'medium', reasons: ['default-port'], why: 'Encrypted video, but on the default port.' },
        source: S.frigate,
        confidence: 'M',
      },
    ],
    rules: [],
    notes: [],
  },
];

/** Services that are a risk whatever the brand (telnet, FTP, SSH, UPnP, plain HTTP, RTSP). */
const RISKY_SERVICES_RAW: readonly PortFact[] = [
  {
    role: 'telnet',
    port: 23,
    transport: 'tcp',
    ...purpose('anyBrand', 'telnet23'),
    neededOutside: 'no',
    risk: {
      level: 'high',
      reasons: ['plain-text', 'backdoor'],
      why: 'A root shell with the password in clear text. Older XM firmware had it on outright; Uniview and XM backdoors start telnet with fixed root passwords.',
      source: join(S.xmBackdoor, S.cveUniview45039),
    },
    source: S.xmBackdoor,
    confidence: 'M',
  },
  {
    role: 'backdoor',
    port: 9530,
    transport: 'tcp',
    ...purpose('anyBrand', 'backdoor9530'),
    neededOutside: 'no',
    risk: {
      level: 'high',
      reasons: ['backdoor'],
      why: 'A special message here starts telnet (port 9527) with a root password shared by every device. No fix is expected: keep 23, 9527 and 9530 off any untrusted network.',
      source: S.xmBackdoor,
    },
    source: join(S.xm9530, S.xmBackdoor),
    confidence: 'M',
  },
  {
    role: 'telnet',
    port: 9527,
    transport: 'tcp',
    ...purpose('anyBrand', 'telnet9527'),
    neededOutside: 'no',
    risk: {
      level: 'high',
      reasons: ['backdoor', 'plain-text'],
      why: 'A root shell with a password shared by every device of this firmware.',
      source: S.xmBackdoor,
    },
    source: S.xmBackdoor,
    confidence: 'M',
  },
  {
    role: 'ftp',
    port: 21,
    transport: 'tcp',
    ...purpose('anyBrand', 'ftp21'),
    neededOutside: 'no',
    risk: { level: 'high', reasons: ['plain-text'], why: 'Logins and files cross the network in clear text.' },
    source: 'not in the reference files: IANA well-known port (general knowledge)',
    confidence: 'L',
  },
  {
    role: 'ssh',
    port: 22,
    transport: 'tcp',
    ...purpose('anyBrand', 'ssh22'),
    neededOutside: 'no',
    risk: {
      level: 'medium',
      reasons: ['default-port', 'admin-ui'],
      why: 'Encrypted, but a shell on a device is never needed from outside, and password-guessing bots try port 22 all day.',
    },
    source: 'not in the reference files: IANA well-known port (general knowledge)',
    confidence: 'L',
  },
  {
    role: 'upnp',
    port: 1900,
    transport: 'udp',
    ...purpose('anyBrand', 'upnp1900'),
    neededOutside: 'no',
    risk: {
      level: 'medium',
      reasons: ['lan-only'],
      why: 'Devices with UPnP on often open router ports by themselves. Turn UPnP off on the NVR (and the router) and never forward 1900.',
      source: S.upnpDefaultOn,
    },
    source: join(S.ssdp, S.ispBlocks),
    confidence: 'H',
  },
  {
    role: 'igd',
    port: 5000,
    transport: 'tcp',
    ...purpose('anyBrand', 'igd5000'),
    neededOutside: 'no',
    risk: {
      level: 'medium',
      reasons: ['lan-only'],
      why: 'Any program on the home network can open router ports through it without a password.',
      source: S.upnpDefaultOn,
    },
    source: 'not in the reference files: a common miniupnpd choice (our lab router uses it: tests/lab/topology.mjs)',
    confidence: 'L',
    note: 'The real IGD port is in the SSDP LOCATION header; read it from there.',
  },
  {
    role: 'igd',
    port: 49152,
    transport: 'tcp',
    ...purpose('anyBrand', 'igd49152'),
    neededOutside: 'no',
    risk: {
      level: 'medium',
      reasons: ['lan-only'],
      why: 'Any program on the home network can open router ports through it without a password.',
      source: S.upnpDefaultOn,
    },
    source: S.igdLinksys,
    confidence: 'H',
  },
  {
    role: 'nat-pmp',
    port: 5351,
    transport: 'udp',
    ...purpose('anyBrand', 'natPmp5351'),
    neededOutside: 'no',
    risk: { level: 'medium', reasons: ['lan-only'], why: 'Like UPnP: lets devices open router ports by themselves.' },
    source: S.natPmp,
    confidence: 'H',
  },
  {
    role: 'discovery',
    port: 3702,
    transport: 'udp',
    ...purpose('anyBrand', 'discovery3702'),
    neededOutside: 'no',
    risk: LAN_ONLY_RISK,
    source: S.wsDiscovery,
    confidence: 'H',
  },
  {
    role: 'rtsp',
    port: 554,
    transport: 'tcp',
    ...purpose('anyBrand', 'rtsp554'),
    neededOutside: 'no',
    risk: { ...RTSP_RISK, source: join(S.neverForward, S.ispBlocks) },
    source: S.ispBlocks,
    confidence: 'H',
    note: 'Some internet providers block inbound 80/443/554: pick a high external port (shared/reference/ROUTERS.md §3).',
  },
  {
    role: 'http',
    port: 80,
    transport: 'tcp',
    ...purpose('anyBrand', 'http80'),
    neededOutside: 'no',
    risk: {
      level: 'high',
      reasons: ['default-port', 'plain-text', 'admin-ui'],
      why: 'Unencrypted: passwords cross the internet readable. Forward only an HTTPS port, on a non-standard number.',
      source: S.neverForward,
    },
    source: S.ispBlocks,
    confidence: 'H',
    note: 'Some internet providers block inbound 80 anyway (shared/reference/ROUTERS.md §3).',
  },
];

// ---------------------------------------------------------------------------------------------------------
// Validated exports.

// The tables are typed as the schemas' output, and tests/unit/shared/port-catalog.test.ts parses every entry with
// them (the checks a type cannot express: ranges, unique ids). Not parsed again here: that cost every start of the
// app and the CLI ~10 ms of zod work, before `ports --full` could join its scan.
export const BRAND_PORTS: readonly BrandPorts[] = Object.freeze(BRANDS_RAW);
export const RISKY_SERVICES: readonly PortFact[] = Object.freeze(RISKY_SERVICES_RAW);

/** The reference files every fact above comes from, and each distinct source they cite. */
export const CATALOG_REFERENCES = [
  'shared/reference/PORTS.md',
  'shared/reference/INTERNET-SECURITY.md',
  'shared/reference/PROTOCOLS.md',
  'shared/reference/ROUTERS.md',
] as const;

export const CATALOG_SOURCES: readonly string[] = Object.freeze(
  [
    ...new Set(
      [...BRAND_PORTS.flatMap((b) => [...b.ports, ...b.rules]), ...RISKY_SERVICES].flatMap((f) =>
        f.source.split(' ; ').map((s) => s.trim()),
      ),
    ),
  ].sort(),
);

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The catalogue entry for a brand name as devices or brandFromText() say it ('Hikvision', 'Ubiquiti', 'XM', 'TP-Link' …). */
export function portsForBrand(brand: string | null | undefined): BrandPorts | null {
  if (!brand) return null;
  const key = norm(brand);
  if (!key) return null;
  return (
    BRAND_PORTS.find((b) => norm(b.id) === key || norm(b.name) === key || b.aliases.some((a) => norm(a) === key)) ??
    null
  );
}

/**
 * The RTP range a brand declares for its video over UDP (e.g. QNAP 6100–6199), with the catalogue's source; null when
 * it declares none (most brands negotiate RTP ports per session, which no forward rule can follow).
 */
export function mediaRangeFor(
  brand: string | null | undefined,
): { port: number; portEnd: number; source: string } | null {
  const f = portsForBrand(brand)?.ports.find(
    (p) => p.role === 'rtp' && p.transport === 'udp' && p.portEnd !== undefined,
  );
  return f ? { port: f.port, portEnd: f.portEnd!, source: f.source } : null;
}

export function portInFact(fact: PortFact, port: number): boolean {
  return fact.portEnd === undefined ? fact.port === port : port >= fact.port && port <= fact.portEnd;
}

const RISK_ORDER: Record<RiskLevel, number> = { none: 0, low: 1, medium: 2, high: 3 };
const CONFIDENCE_ORDER: Record<Confidence, number> = { L: 0, M: 1, H: 2 };

/** What a port usually is, across brands, grouped by role (most brands first). */
export interface KnownService {
  port: number;
  transport: Transport;
  role: PortRole;
  /** Brand names that use this port for this role; 'any brand' for the brand-independent services. */
  brands: string[];
  purposes: string[];
  /** The highest risk among the facts. */
  risk: RiskLevel;
  /** The best confidence among the facts. */
  confidence: Confidence;
  facts: PortFact[];
}

export const ANY_BRAND = 'any brand';

/** Short plain-words names of the roles, for messages and tables: the English catalogue's (the pages say them in
 * the user's language through `ports.role`; main's messages are English). */
export const ROLE_LABELS: Readonly<Record<PortRole, string>> = ports.role;

export function knownService(port: number, transport?: Transport): KnownService[] {
  const hits: Array<{ brand: string; fact: PortFact }> = [];
  for (const f of RISKY_SERVICES)
    if (portInFact(f, port) && (!transport || f.transport === transport)) hits.push({ brand: ANY_BRAND, fact: f });
  for (const b of BRAND_PORTS)
    for (const f of b.ports)
      if (portInFact(f, port) && (!transport || f.transport === transport)) hits.push({ brand: b.name, fact: f });

  const groups = new Map<string, KnownService>();
  for (const { brand, fact } of hits) {
    const key = `${fact.role}/${fact.transport}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        port,
        transport: fact.transport,
        role: fact.role,
        brands: [],
        purposes: [],
        risk: 'none',
        confidence: 'L',
        facts: [],
      };
      groups.set(key, g);
    }
    if (!g.brands.includes(brand)) g.brands.push(brand);
    if (!g.purposes.includes(fact.purpose)) g.purposes.push(fact.purpose);
    if (RISK_ORDER[fact.risk.level] > RISK_ORDER[g.risk]) g.risk = fact.risk.level;
    if (CONFIDENCE_ORDER[fact.confidence] > CONFIDENCE_ORDER[g.confidence]) g.confidence = fact.confidence;
    g.facts.push(fact);
  }
  return [...groups.values()].sort((a, b) => b.brands.length - a.brands.length);
}

export interface PortRiskSummary {
  level: RiskLevel;
  reasons: RiskReason[];
  /** Plain-words reasons, highest risk first, without repeats. */
  why: string[];
}

/** How risky it is to have this port reachable from the internet (the worst case across what it usually is). */
export function riskOf(port: number, opts: { transport?: Transport; brand?: string | null } = {}): PortRiskSummary {
  const brand = opts.brand ? portsForBrand(opts.brand) : null;
  const facts = [...RISKY_SERVICES, ...(brand ? brand.ports : BRAND_PORTS.flatMap((b) => b.ports))].filter(
    (f) => portInFact(f, port) && (!opts.transport || f.transport === opts.transport),
  );
  facts.sort((a, b) => RISK_ORDER[b.risk.level] - RISK_ORDER[a.risk.level]);
  const level = facts[0]?.risk.level ?? 'none';
  const reasons = [...new Set(facts.flatMap((f) => f.risk.reasons))];
  const why = [...new Set(facts.map((f) => f.risk.why))];
  return { level, reasons, why };
}

/** Every port number the catalogue names as some brand's default or a known service (ranges expanded). */
export function catalogPortNumbers(): Set<number> {
  const out = new Set<number>();
  for (const f of [...RISKY_SERVICES, ...BRAND_PORTS.flatMap((b) => b.ports)])
    for (let p = f.port; p <= (f.portEnd ?? f.port); p++) out.add(p);
  return out;
}
