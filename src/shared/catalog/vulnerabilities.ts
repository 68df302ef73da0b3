// Known critical NVR/camera vulnerabilities, by brand, model family and firmware version or build date, from
// ../shared/reference/INTERNET-SECURITY.md §3 (each row's source as there). A version is compared only when it can
// be read in the vendor's own format; anything else is "unknown", never "not affected". Pure.
// Each row's words (what it lets an attacker do, what it affects, what fixes it, what to do) and the reasons are the
// catalogue's (`security.vulns`, src/shared/i18n/en/said/security-vulns.ts), said by key; the facts that are not
// words stay here beside the row's source. Main side only: it makes the English from the catalogue (english.ts).
import { english } from '../i18n/english';
import { said, type Said, type SaidWords } from '../i18n/said';
import type { MessageKey } from '../i18n/types';

export type VulnBrand = 'hikvision' | 'dahua' | 'xm';
export type VulnSeverity = 'critical' | 'high';

/** What the comparison says for one device and one row. */
export type VulnStatus =
  /** The firmware is in the affected range. */
  | 'affected'
  /** The firmware is at or after the fixed version or build. */
  | 'fixed'
  /** The version cannot be read, the row gives no range for it, or it falls between the range and the fix. */
  | 'unknown'
  /** The brand is the row's, the model is known and is in none of the families the record names. */
  | 'not-listed';

/** A firmware version as the vendors write it: numbers, and the build date when given. */
export interface ParsedFirmware {
  format: VulnBrand;
  version: number[];
  /** The build date, YYYY-MM-DD, when the string carries one. */
  buildDate: string | null;
}

/** A version and build: from "V5.4.0 build 160530" as [5, 4, 0] and '2016-05-30'. */
interface VersionBound {
  version: [number, number, number];
  buildDate: string;
}

/** A model family the record names, and what is affected in it. */
interface Family {
  /** As the record writes it (x = any character). */
  name: string;
  pattern: RegExp;
  /** Hikvision: the affected range (inclusive). */
  range?: { from: VersionBound; to: VersionBound };
  /** Dahua: builds before this date (YYYY-MM-DD) are affected; null: the record gives no date for this family. */
  before?: string | null;
}

/**
 * The Dahua camera (IPC) and intercom (VTO, VTH) families that both login bypasses of advisory 957 name
 * (CVE-2021-33044 and CVE-2021-33045): one pattern for each, whichever record names it.
 */
const DAHUA_FAMILIES = {
  ipcHx3: { name: 'IPC-HX3XXX', pattern: /^IPC-H[A-Z]{1,4}3\d{3}/i },
  ipcHx5: { name: 'IPC-HX5XXX', pattern: /^IPC-H[A-Z]{1,4}5\d{3}/i },
  ipcHum7: { name: 'IPC-HUM7XXX', pattern: /^IPC-HUM7/i },
  vto75: { name: 'VTO75X95X', pattern: /^VTO75\w95\w/i },
  vto65: { name: 'VTO65XXX', pattern: /^VTO65/i },
  vth542: { name: 'VTH542XH', pattern: /^VTH542\wH/i },
} as const satisfies Record<string, Pick<Family, 'name' | 'pattern'>>;

/** Those families, in this order, each affected before the build date a record gives it (null: it gives none). */
function dahuaFamilies(keys: readonly (keyof typeof DAHUA_FAMILIES)[], before: string | null): Family[] {
  return keys.map((key) => ({ ...DAHUA_FAMILIES[key], before }));
}

/** A row's facts, as the table keeps them: its words are the catalogue's, under its id. */
interface VulnerabilityFacts {
  id: string;
  brand: VulnBrand;
  /** The CVE and its advisory (identifiers); absent: the row has no CVE and its name is words (the catalogue's). */
  title?: string;
  severity: VulnSeverity;
  unauthenticated: boolean;
  exploited: boolean;
  fixedVersion?: [number, number, number];
  families?: Family[];
  source: string;
}

/** A row's words by key (`security.vulns.rows.<id>.…`); `title` only where the name is words. */
export interface VulnerabilitySaid {
  title?: SaidWords;
  words: SaidWords;
  affected: SaidWords;
  fixedIn: SaidWords;
  advice: SaidWords;
}

export interface Vulnerability {
  id: string;
  brand: VulnBrand;
  /** The CVE, or a name where there is none. */
  title: string;
  severity: VulnSeverity;
  /** True when no login is needed to use it. */
  unauthenticated: boolean;
  /** Listed by CISA as exploited in the wild (KEV), as the reference reads it. */
  exploited: boolean;
  /** What it lets an attacker do, in plain words. */
  words: string;
  /** The affected range, as the record states it. */
  affected: string;
  /** The fixed version or build, or why there is none. */
  fixedIn: string;
  /** Hikvision: the first fixed version (a firmware at or after it is fixed). */
  fixedVersion?: [number, number, number];
  /** The families the record names; absent: every model of the brand (the record has no list). */
  families?: Family[];
  /** What to do, in plain words. */
  advice: string;
  source: string;
  /** The words above by key, for the page and the CLI to say in the user's language (the English is made from them). */
  said: VulnerabilitySaid;
}

const b = (v: [number, number, number], yymmdd: string): VersionBound => ({
  version: v,
  buildDate: `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`,
});

/** The table. Rows and ranges from INTERNET-SECURITY.md §3; nothing here is measured. */
const FACTS: readonly VulnerabilityFacts[] = [
  {
    id: 'CVE-2017-7921',
    brand: 'hikvision',
    title: 'CVE-2017-7921 (ICSA-17-124-01)',
    severity: 'critical',
    unauthenticated: true,
    exploited: true,
    fixedVersion: [5, 4, 41],
    families: [
      {
        name: 'DS-2CD2xx2F-I',
        pattern: /^DS-2CD2\w\w2F-I/i,
        range: { from: b([5, 2, 0], '140721'), to: b([5, 4, 0], '160530') },
      },
      {
        name: 'DS-2CD2xx0F-I',
        pattern: /^DS-2CD2\w\w0F-I/i,
        range: { from: b([5, 2, 0], '140721'), to: b([5, 4, 0], '160401') },
      },
      {
        name: 'DS-2CD2xx2FWD',
        pattern: /^DS-2CD2\w\w2FWD/i,
        range: { from: b([5, 3, 1], '150410'), to: b([5, 4, 4], '161125') },
      },
      {
        name: 'DS-2CD4x2xFWD',
        pattern: /^DS-2CD4\w2\wFWD/i,
        range: { from: b([5, 2, 0], '140721'), to: b([5, 4, 0], '160414') },
      },
      {
        name: 'DS-2CD4xx5',
        pattern: /^DS-2CD4\w\w5/i,
        range: { from: b([5, 2, 0], '140721'), to: b([5, 4, 0], '160421') },
      },
      { name: 'DS-2DFx', pattern: /^DS-2DF\w/i, range: { from: b([5, 2, 0], '140805'), to: b([5, 4, 5], '160928') } },
      {
        name: 'DS-2CD63xx',
        pattern: /^DS-2CD63\w\w/i,
        range: { from: b([5, 0, 9], '140305'), to: b([5, 3, 5], '160106') },
      },
    ],
    source: 'https://github.com/CVEProject/cvelistV5/blob/main/cves/2017/7xxx/CVE-2017-7921.json',
  },
  {
    id: 'CVE-2021-36260',
    brand: 'hikvision',
    title: 'CVE-2021-36260 (HSRC-202109-01)',
    severity: 'critical',
    unauthenticated: true,
    exploited: true,
    source:
      'https://www.hikvision.com/en/support/cybersecurity/security-advisory/security-notification-command-injection-vulnerability-in-some-hikvision-products/',
  },
  {
    id: 'CVE-2021-33044',
    brand: 'dahua',
    title: 'CVE-2021-33044',
    severity: 'critical',
    unauthenticated: true,
    exploited: true,
    families: [
      ...dahuaFamilies(['ipcHx3', 'ipcHx5', 'ipcHum7', 'vto75', 'vto65', 'vth542'], '2021-06-01'),
      { name: 'SD1A1, SD22, SD49, SD50, SD52C, SD6AL', pattern: /^SD(1A1|22|49|50|52C|6AL)/i, before: '2021-06-01' },
      {
        name: 'TPC-BF1241, TPC-BF2221, TPC-SD2221, TPC-BF5XXX, TPC-SD8X21, TPC-PT8X21B',
        pattern: /^TPC-(BF1241|BF2221|SD2221|BF5|SD8\w21|PT8\w21B)/i,
        before: '2021-06-01',
      },
    ],
    source: 'https://github.com/CVEProject/cvelistV5/blob/main/cves/2021/33xxx/CVE-2021-33044.json',
  },
  {
    id: 'CVE-2021-33045',
    brand: 'dahua',
    title: 'CVE-2021-33045',
    severity: 'critical',
    unauthenticated: true,
    exploited: true,
    families: [
      ...dahuaFamilies(['ipcHx3', 'ipcHx5', 'ipcHum7'], '2020-05-01'),
      ...dahuaFamilies(['vto75', 'vto65', 'vth542'], null),
      { name: 'NVR1XXX, NVR2XXX, NVR5XXX', pattern: /^NVR[125]\d{3}/i, before: null },
      { name: 'NVR6XX', pattern: /^NVR6\d{2}(?!\d)/i, before: null },
      { name: 'XVR4xxx, XVR5xxx, XVR7xxx', pattern: /^XVR[457]\d{3}/i, before: '2019-12-01' },
    ],
    source: 'https://github.com/CVEProject/cvelistV5/blob/main/cves/2021/33xxx/CVE-2021-33045.json',
  },
  {
    id: 'XM-9530-TELNET',
    brand: 'xm',
    severity: 'critical',
    unauthenticated: true,
    exploited: false,
    source: 'https://censys.com/probing-the-xiongmai-hisilicon-soc-vulnerability/',
  },
];

/** A row's message under `security.vulns.rows.<id>` (every row has its words there: a unit test holds them). */
const rowKey = (id: string, field: keyof VulnerabilitySaid): MessageKey =>
  `security.vulns.rows.${id}.${field}` as MessageKey;

/** A row with its words: by key, and in English from the same keys. */
function withWords(row: VulnerabilityFacts): Vulnerability {
  const words = (field: keyof VulnerabilitySaid): SaidWords => ({ key: rowKey(row.id, field) });
  const said: VulnerabilitySaid = {
    ...(row.title === undefined ? { title: words('title') } : {}),
    words: words('words'),
    affected: words('affected'),
    fixedIn: words('fixedIn'),
    advice: words('advice'),
  };
  const { title, ...facts } = row;
  return {
    ...facts,
    title: title ?? english(said.title!),
    words: english(said.words),
    affected: english(said.affected),
    fixedIn: english(said.fixedIn),
    advice: english(said.advice),
    said,
  };
}

/** The table, each row with its words (the catalogue's English beside their keys). */
export const VULNERABILITIES: readonly Vulnerability[] = FACTS.map(withWords);

/** The brand as the table knows it, from the brand the discovery recorded; null: none of the table's. */
export function vulnBrandOf(brand: string | null | undefined): VulnBrand | null {
  const t = (brand ?? '').trim().toLowerCase();
  if (!t) return null;
  if (t.includes('hikvision')) return 'hikvision';
  if (t.includes('dahua')) return 'dahua';
  if (t === 'xm' || t.includes('xiongmai') || t.includes('xmeye')) return 'xm';
  return null;
}

const validDate = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 2000;
const iso = (y: number, m: number, d: number): string =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Reads a firmware string in `brand`'s own format: Hikvision "V4.30.085 build 210521", Dahua "V2.800.0000000.25.R,
 * Build Date: 2021-06-03", XM "V4.02.R11.34500140.12201.131600.00000". Null when it is not in that format.
 */
export function parseFirmware(brand: VulnBrand, firmware: string | null | undefined): ParsedFirmware | null {
  const t = (firmware ?? '').trim();
  if (brand === 'hikvision') {
    const m = /^V?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\s*,?\s*build\s*(\d{2})(\d{2})(\d{2})$/i.exec(t);
    if (!m) return null;
    const [y, mo, d] = [2000 + Number(m[4]), Number(m[5]), Number(m[6])];
    if (!validDate(y, mo, d)) return null;
    return { format: brand, version: [Number(m[1]), Number(m[2]), Number(m[3])], buildDate: iso(y, mo, d) };
  }
  if (brand === 'dahua') {
    const m =
      /^V?(\d{1,3})\.(\d{1,4})\.(\d{1,10})\.(\d{1,4})\.R\s*(?:,\s*Build\s*Date\s*:\s*(\d{4})-(\d{2})-(\d{2}))?$/i.exec(
        t,
      );
    if (!m) return null;
    const version = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    if (m[5] === undefined) return { format: brand, version, buildDate: null };
    const [y, mo, d] = [Number(m[5]), Number(m[6]), Number(m[7])];
    if (!validDate(y, mo, d)) return null;
    return { format: brand, version, buildDate: iso(y, mo, d) };
  }
  const m = /^V(\d{1,2})\.(\d{1,3})\.R(\d{1,3})(?:\.[0-9A-Za-z]{1,20}){0,8}$/.exec(t);
  if (!m) return null;
  return { format: brand, version: [Number(m[1]), Number(m[2]), Number(m[3])], buildDate: null };
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Version first, then build date: -1, 0, 1. */
function compareBound(f: ParsedFirmware, x: VersionBound): number {
  const v = compareVersions(f.version, x.version);
  if (v !== 0) return v;
  const fb = f.buildDate ?? '';
  return fb < x.buildDate ? -1 : fb > x.buildDate ? 1 : 0;
}

export interface VulnCheck {
  vulnerability: Vulnerability;
  status: VulnStatus;
  /** Why, in plain words (which family, which bound). */
  reason: string;
  /** The same by key (`security.vulns.reason.…`), the values as they came. */
  reasonSaid: Said;
}

/** The one row's answer for a device. */
export function checkVulnerability(
  v: Vulnerability,
  device: { brand: string | null; model: string | null; firmware: string | null },
): VulnCheck {
  const out = (status: VulnStatus, reasonSaid: Said): VulnCheck => ({
    vulnerability: v,
    status,
    reason: english(reasonSaid),
    reasonSaid,
  });
  if (vulnBrandOf(device.brand) !== v.brand)
    return out('not-listed', said('security.vulns.reason.otherBrand', { brand: v.brand }));
  const model = (device.model ?? '').trim().replace(/^DH-/i, '');
  let families = v.families;
  if (families) {
    if (!model) return out('unknown', said('security.vulns.reason.modelUnknown'));
    families = families.filter((f) => f.pattern.test(model));
    if (families.length === 0)
      return out('not-listed', said('security.vulns.reason.notInFamilies', { model, affected: v.said.affected }));
  }
  const parsed = parseFirmware(v.brand, device.firmware);
  if (!parsed)
    return out(
      'unknown',
      device.firmware
        ? said('security.vulns.reason.firmwareUnreadable', { firmware: device.firmware })
        : said('security.vulns.reason.firmwareUnknown'),
    );
  const firmware = device.firmware ?? '';
  if (v.brand === 'xm') return out('affected', said('security.vulns.reason.xm', { firmware, fixedIn: v.said.fixedIn }));
  if (!families) return out('unknown', said('security.vulns.reason.noRange', { fixedIn: v.said.fixedIn }));
  const verdicts = families.map((f): VulnCheck => {
    const family = f.name;
    if (f.range) {
      if (v.fixedVersion && compareVersions(parsed.version, v.fixedVersion) >= 0)
        return out(
          'fixed',
          said('security.vulns.reason.atOrAfterFix', { firmware, version: v.fixedVersion.join('.'), family }),
        );
      if (compareBound(parsed, f.range.from) >= 0 && compareBound(parsed, f.range.to) <= 0)
        return out('affected', said('security.vulns.reason.inRange', { firmware, family }));
      return out('unknown', said('security.vulns.reason.outsideRange', { firmware, family }));
    }
    if (!f.before) return out('unknown', said('security.vulns.reason.noDate', { family }));
    if (!parsed.buildDate) return out('unknown', said('security.vulns.reason.noBuildDate', { family }));
    const dates = { built: parsed.buildDate, before: f.before, family };
    return parsed.buildDate < f.before
      ? out('affected', said('security.vulns.reason.builtBefore', dates))
      : out('fixed', said('security.vulns.reason.builtAfter', dates));
  });
  const order: VulnStatus[] = ['affected', 'unknown', 'fixed', 'not-listed'];
  return verdicts.sort((a, c) => order.indexOf(a.status) - order.indexOf(c.status))[0]!;
}

/** Every row of the device's brand, with its answer (none when the brand is not in the table). */
export function checkFirmware(device: {
  brand: string | null;
  model: string | null;
  firmware: string | null;
}): VulnCheck[] {
  const brand = vulnBrandOf(device.brand);
  return VULNERABILITIES.filter((v) => v.brand === brand).map((v) => checkVulnerability(v, device));
}
