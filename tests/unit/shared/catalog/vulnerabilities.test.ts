import { describe, expect, it } from 'vitest';
import {
  VULNERABILITIES,
  checkFirmware,
  checkVulnerability,
  parseFirmware,
  vulnBrandOf,
  type Vulnerability,
} from '../../../../src/shared/catalog/vulnerabilities';
import { createTranslator } from '../../../../src/shared/i18n';

const row = (id: string): Vulnerability => VULNERABILITIES.find((v) => v.id === id)!;
const hik = (model: string | null, firmware: string | null) => ({ brand: 'HIKVISION', model, firmware });
const dahua = (model: string | null, firmware: string | null) => ({ brand: 'Dahua', model, firmware });

describe('the table itself', () => {
  it('has the rows the issue names, each with an affected range, a fix, a source URL, a severity and plain words', () => {
    for (const id of ['CVE-2017-7921', 'CVE-2021-36260', 'CVE-2021-33044', 'CVE-2021-33045', 'XM-9530-TELNET']) {
      const v = row(id);
      expect(v, id).toBeDefined();
      expect(v.affected.length).toBeGreaterThan(10);
      expect(v.fixedIn.length).toBeGreaterThan(5);
      expect(v.source).toMatch(/^https:\/\//);
      expect(['critical', 'high']).toContain(v.severity);
      expect(v.words.length).toBeGreaterThan(20);
      expect(v.advice.length).toBeGreaterThan(20);
    }
  });

  it("says each row's words by key under its id (the English made from them); the facts stay in the table", () => {
    const { t } = createTranslator('en');
    for (const v of VULNERABILITIES) {
      const at = `security.vulns.rows.${v.id}`;
      expect(v.said.words).toEqual({ key: `${at}.words` });
      for (const field of ['words', 'affected', 'fixedIn', 'advice'] as const)
        expect(v[field]).toBe(t(v.said[field].key as 'security.vulns.rows.CVE-2017-7921.words'));
      // A CVE's name is an identifier, kept here; a flaw without a CVE is named in words, by key.
      if (v.id.startsWith('CVE-')) expect(v.said.title).toBeUndefined();
      else expect(v.title).toBe(t(v.said.title!.key as 'security.vulns.rows.XM-9530-TELNET.title'));
    }
    expect(row('XM-9530-TELNET').title).toBe('Xiongmai/HiSilicon port 9530 telnet backdoor (no CVE)');
    expect(row('CVE-2017-7921').title).toBe('CVE-2017-7921 (ICSA-17-124-01)');
  });

  it('gives each answer its reason by key, the values as they came', () => {
    const c = checkVulnerability(row('CVE-2017-7921'), hik('DS-2CD2032F-I', 'V5.4.41 build 170312'));
    expect(c.status).toBe('fixed');
    expect(c.reasonSaid).toEqual({
      key: 'security.vulns.reason.atOrAfterFix',
      params: { firmware: 'V5.4.41 build 170312', version: '5.4.41', family: 'DS-2CD2xx2F-I' },
    });
    expect(c.reason).toBe('V5.4.41 build 170312 is at or after the fixed 5.4.41 (DS-2CD2xx2F-I).');
  });
});

describe('the Dahua families both advisory-957 rows name (one pattern each, each row its own dates)', () => {
  const families = (id: string) => row(id).families!.map((f) => [f.name, f.before]);
  it('gives CVE-2021-33044 the six camera and intercom families before June 2021, then its SD and TPC lines', () => {
    expect(families('CVE-2021-33044')).toEqual([
      ['IPC-HX3XXX', '2021-06-01'],
      ['IPC-HX5XXX', '2021-06-01'],
      ['IPC-HUM7XXX', '2021-06-01'],
      ['VTO75X95X', '2021-06-01'],
      ['VTO65XXX', '2021-06-01'],
      ['VTH542XH', '2021-06-01'],
      ['SD1A1, SD22, SD49, SD50, SD52C, SD6AL', '2021-06-01'],
      ['TPC-BF1241, TPC-BF2221, TPC-SD2221, TPC-BF5XXX, TPC-SD8X21, TPC-PT8X21B', '2021-06-01'],
    ]);
  });
  it('gives CVE-2021-33045 the cameras before May 2020 and the intercoms with no date (none is guessed)', () => {
    expect(families('CVE-2021-33045').slice(0, 6)).toEqual([
      ['IPC-HX3XXX', '2020-05-01'],
      ['IPC-HX5XXX', '2020-05-01'],
      ['IPC-HUM7XXX', '2020-05-01'],
      ['VTO75X95X', null],
      ['VTO65XXX', null],
      ['VTH542XH', null],
    ]);
  });
  it('matches a model to the same family in both rows', () => {
    for (const model of ['IPC-HDW3441T', 'IPC-HFW5241E', 'IPC-HUM7101', 'VTO7519521', 'VTO6521H', 'VTH5421H']) {
      const in44 = row('CVE-2021-33044')
        .families!.filter((f) => f.pattern.test(model))
        .map((f) => f.name);
      const in45 = row('CVE-2021-33045')
        .families!.filter((f) => f.pattern.test(model))
        .map((f) => f.name);
      expect(in44, model).toHaveLength(1);
      expect(in45, model).toEqual(in44);
    }
  });
});

describe('reading the vendors’ firmware formats (unreadable is null, never a guess)', () => {
  it('reads Hikvision "V4.30.085 build 210521" as 4.30.85 built 2021-05-21', () => {
    expect(parseFirmware('hikvision', 'V4.30.085 build 210521')).toEqual({
      format: 'hikvision',
      version: [4, 30, 85],
      buildDate: '2021-05-21',
    });
  });
  it('reads Dahua "V2.800.0000000.25.R, Build Date: 2021-06-03" with its build date', () => {
    expect(parseFirmware('dahua', 'V2.800.0000000.25.R, Build Date: 2021-06-03')).toEqual({
      format: 'dahua',
      version: [2, 800, 0, 25],
      buildDate: '2021-06-03',
    });
  });
  it('reads a Dahua version without its build date (the date stays unknown)', () => {
    expect(parseFirmware('dahua', 'V4.001.0000000.3.R')?.buildDate).toBeNull();
  });
  it('reads XM "V4.02.R11.34500140.12201.131600.00000"', () => {
    expect(parseFirmware('xm', 'V4.02.R11.34500140.12201.131600.00000')?.version).toEqual([4, 2, 11]);
  });
  it.each([
    ['hikvision', 'V5.4.0'],
    ['hikvision', 'V5.4.0 build 161340'],
    ['hikvision', 'firmware 5'],
    ['dahua', 'V2.800.0000000.25.R, Build Date: 2021-13-03'],
    ['dahua', 'V4.30.085 build 210521'],
    ['xm', 'V2.800.0000000.25.R'],
    ['xm', ''],
  ] as const)('%s "%s" is not read (null)', (brand, text) => {
    expect(parseFirmware(brand, text)).toBeNull();
  });
});

describe('brands', () => {
  it('knows Hikvision, Dahua and XM under their usual spellings, and nothing else', () => {
    expect(vulnBrandOf('HIKVISION')).toBe('hikvision');
    expect(vulnBrandOf('Zhejiang Dahua Technology')).toBe('dahua');
    expect(vulnBrandOf('Xiongmai')).toBe('xm');
    expect(vulnBrandOf('XM')).toBe('xm');
    expect(vulnBrandOf('Axis')).toBeNull();
    expect(vulnBrandOf(null)).toBeNull();
  });
});

describe('Hikvision CVE-2017-7921 (range by model family, version and build)', () => {
  const v = row('CVE-2017-7921');
  it('flags a DS-2CD2032F-I at the last affected build (V5.4.0 build 160530) as affected', () => {
    expect(checkVulnerability(v, hik('DS-2CD2032F-I', 'V5.4.0 build 160530')).status).toBe('affected');
  });
  it('flags the first affected build (V5.2.0 build 140721) as affected', () => {
    expect(checkVulnerability(v, hik('DS-2CD2032F-I', 'V5.2.0 build 140721')).status).toBe('affected');
  });
  it('does not call a build one day after the range end fixed: it is unknown (before the 5.4.41 fix)', () => {
    expect(checkVulnerability(v, hik('DS-2CD2032F-I', 'V5.4.0 build 160531')).status).toBe('unknown');
  });
  it('calls a build one day before the range start unknown, not safe', () => {
    expect(checkVulnerability(v, hik('DS-2CD2032F-I', 'V5.2.0 build 140720')).status).toBe('unknown');
  });
  it('calls the fixed 5.4.41 and later fixed', () => {
    expect(checkVulnerability(v, hik('DS-2CD2032F-I', 'V5.4.41 build 170312')).status).toBe('fixed');
    expect(checkVulnerability(v, hik('DS-2CD2032F-I', 'V5.5.0 build 170725')).status).toBe('fixed');
  });
  it('reads 5.4.5 as older than 5.4.41 (numbers, not text): a DS-2DF PTZ at V5.4.5 build 160928 is affected', () => {
    expect(checkVulnerability(v, hik('DS-2DF8223I-AEL', 'V5.4.5 build 160928')).status).toBe('affected');
  });
  it('uses each family’s own end: DS-2CD2xx0F-I ends at build 160401', () => {
    expect(checkVulnerability(v, hik('DS-2CD2020F-I', 'V5.4.0 build 160401')).status).toBe('affected');
    expect(checkVulnerability(v, hik('DS-2CD2020F-I', 'V5.4.0 build 160402')).status).toBe('unknown');
  });
  it('says an NVR model outside the listed camera families is not listed (not "safe")', () => {
    const c = checkVulnerability(v, hik('DS-7608NI-K2', 'V4.30.085 build 210521'));
    expect(c.status).toBe('not-listed');
    expect(c.reason).toContain('DS-7608NI-K2');
  });
  it('says unknown when the model or the firmware is not known, or the firmware cannot be read', () => {
    expect(checkVulnerability(v, hik(null, 'V5.4.0 build 160530')).status).toBe('unknown');
    expect(checkVulnerability(v, hik('DS-2CD2032F-I', null)).status).toBe('unknown');
    expect(checkVulnerability(v, hik('DS-2CD2032F-I', 'V5.4.0')).status).toBe('unknown');
  });
});

describe('Hikvision CVE-2021-36260 (the record has no versions)', () => {
  it('is unknown for any readable Hikvision firmware, with the advisory to check', () => {
    const c = checkVulnerability(row('CVE-2021-36260'), hik('DS-7608NI-K2', 'V4.30.085 build 210521'));
    expect(c.status).toBe('unknown');
    expect(c.vulnerability.source).toContain('hikvision.com');
  });
});

describe('Dahua CVE-2021-33044 (builds before June 2021)', () => {
  const v = row('CVE-2021-33044');
  it('flags an IPC-HDW3441T built 2021-05-31 as affected and one built 2021-06-01 as fixed (the boundary)', () => {
    expect(checkVulnerability(v, dahua('IPC-HDW3441T-ZAS', 'V2.800.0000000.25.R, Build Date: 2021-05-31')).status).toBe(
      'affected',
    );
    expect(checkVulnerability(v, dahua('IPC-HDW3441T-ZAS', 'V2.800.0000000.25.R, Build Date: 2021-06-01')).status).toBe(
      'fixed',
    );
  });
  it('reads the DH- prefix of Dahua model names', () => {
    expect(checkVulnerability(v, dahua('DH-IPC-HFW5241E', 'V2.800.0000000.25.R, Build Date: 2020-01-10')).status).toBe(
      'affected',
    );
  });
  it('says a version without a build date is unknown', () => {
    expect(checkVulnerability(v, dahua('IPC-HDW3441T', 'V2.800.0000000.25.R')).status).toBe('unknown');
  });
  it('says an NVR is not listed for 33044 (that one is cameras and intercoms)', () => {
    expect(checkVulnerability(v, dahua('NVR5216-4KS2', 'V4.001.0000000.3.R, Build Date: 2019-01-01')).status).toBe(
      'not-listed',
    );
  });
});

describe('Dahua CVE-2021-33045 (covers NVRs and XVRs)', () => {
  const v = row('CVE-2021-33045');
  it('says a listed NVR family is unknown: the record gives no build date for NVRs, so none is guessed', () => {
    const c = checkVulnerability(v, dahua('NVR5216-4KS2', 'V4.001.0000000.3.R, Build Date: 2022-01-01'));
    expect(c.status).toBe('unknown');
    expect(c.reason).toContain('no date');
  });
  it('matches NVR6XX with three digits only (NVR608 yes, NVR6080 no)', () => {
    expect(checkVulnerability(v, dahua('NVR608-32-4KS2', 'V4.001.0000000.3.R')).status).toBe('unknown');
    expect(checkVulnerability(v, dahua('NVR6080', 'V4.001.0000000.3.R')).status).toBe('not-listed');
  });
  it('does not list an NVR4XXX', () => {
    expect(checkVulnerability(v, dahua('NVR4208-8P-4KS2', 'V4.001.0000000.3.R')).status).toBe('not-listed');
  });
  it('flags an XVR5108 built 2019-11-30 as affected, 2019-12-01 as fixed', () => {
    expect(checkVulnerability(v, dahua('XVR5108HS', 'V4.000.0000000.1.R, Build Date: 2019-11-30')).status).toBe(
      'affected',
    );
    expect(checkVulnerability(v, dahua('XVR5108HS', 'V4.000.0000000.1.R, Build Date: 2019-12-01')).status).toBe(
      'fixed',
    );
  });
  it('uses May 2020 for cameras: 2020-04-30 affected, 2020-05-01 fixed', () => {
    expect(checkVulnerability(v, dahua('IPC-HFW5241E', 'V2.800.0000000.1.R, Build Date: 2020-04-30')).status).toBe(
      'affected',
    );
    expect(checkVulnerability(v, dahua('IPC-HFW5241E', 'V2.800.0000000.1.R, Build Date: 2020-05-01')).status).toBe(
      'fixed',
    );
  });
});

describe('XM/HiSilicon 9527/9530 telnet backdoor (no fix)', () => {
  const v = row('XM-9530-TELNET');
  it('flags any readable XM firmware as affected (no fixed version exists)', () => {
    expect(
      checkVulnerability(v, {
        brand: 'Xiongmai',
        model: 'NBD80X16S',
        firmware: 'V4.02.R11.34500140.12201.131600.00000',
      }).status,
    ).toBe('affected');
  });
  it('says unknown when the XM firmware cannot be read', () => {
    expect(checkVulnerability(v, { brand: 'XM', model: null, firmware: 'unknown' }).status).toBe('unknown');
  });
});

describe('checkFirmware', () => {
  it('answers every row of the device’s brand and none of the others', () => {
    const ids = checkFirmware(hik('DS-2CD2032F-I', 'V5.4.0 build 160530')).map((c) => c.vulnerability.id);
    expect(ids).toEqual(['CVE-2017-7921', 'CVE-2021-36260']);
  });
  it('answers nothing for a brand the table does not hold', () => {
    expect(checkFirmware({ brand: 'Axis', model: 'P3245', firmware: '10.12.1' })).toEqual([]);
  });
});
