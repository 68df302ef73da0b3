// `nvr-assist security [--json]`: the findings judged from the setup record as `setup.get` returns it, the score and
// the fixes in order; exit 0, 3 when a high risk is open, 1 when the record cannot be read.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../src/main/app';
import type { CliCore } from '../../../../src/main/cli/command';
import { runCli } from '../../../../src/main/cli/run';
import { HIGH_RISK_EXIT, renderSecurity, securityCommands } from '../../../../src/main/features/security/cli';
import { judgeSecurity, securityInputFromRecord, securityResultSchema } from '../../../../src/shared/domain/security';
import type { PortTls } from '../../../../src/shared/domain/ports';
import { createTranslator } from '../../../../src/shared/i18n';
import { VULNERABILITIES, checkFirmware } from '../../../../src/shared/catalog/vulnerabilities';
import { portRow } from '../../../support/port-row';
import { report } from '../../shared/domain/security-fixture';
import { emptySetupRecord, type SetupRecord } from '../../../../src/shared/domain/setup';
import { fail, ok } from '../../../../src/shared/ipc/result';
import { HOME_PC } from '../../../support/fake-system';
import { AT, chooseNvr, nvrDevice } from './records';

const now = () => new Date(AT);

/** A core whose `setup.get` answers `record` (or fails), and nothing else. */
function fakeCore(record: SetupRecord | null): CliCore {
  return {
    dispatch: (async (channel: string) => {
      if (channel !== 'setup.get') throw new Error(`unexpected ${channel}`);
      return record ? ok({ setup: record, notice: null }) : fail('INTERNAL', 'the record could not be read');
    }) as unknown as CliCore['dispatch'],
    hub: { subscribe: () => () => {} },
  };
}

async function run(argv: string[], core: CliCore) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    core,
    { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) },
    '1',
    securityCommands(now),
  );
  return { code, stdout, stderr };
}

/** A chosen Hikvision camera-NVR in CVE-2017-7921's range with telnet open. */
function vulnerable(): SetupRecord {
  const r = emptySetupRecord(AT);
  chooseNvr(r, nvrDevice('HIKVISION', 'DS-2CD2032F-I', 'V5.4.0 build 160530'));
  return r;
}

describe('nvr-assist security', () => {
  it('exits 3 on a high risk and prints the score, the fixes in order with their worth, and the firmware answers', async () => {
    const r = await run(['security'], fakeCore(vulnerable()));
    expect(r.code).toBe(HIGH_RISK_EXIT);
    expect(r.stdout).toMatch(/^Security score: \d+\/100 — a high risk is open/);
    expect(r.stdout).toMatch(/^1\. \[CRITICAL\] Firmware affected by CVE-2017-7921 .*\(\+35\)$/m);
    expect(r.stdout.indexOf('[CRITICAL] Firmware affected')).toBeLessThan(r.stdout.indexOf('[HIGH] Telnet open'));
    expect(r.stdout).toContain('What to do: Update the firmware to 5.4.41 or later');
    expect(r.stdout).toContain('CVE-2017-7921: AFFECTED.');
    expect(r.stdout).toContain('CVE-2021-36260: unknown — check.');
    expect(r.stderr).toBe('');
  });

  it('--json prints the result in the contract’s shape, with the time it was judged', async () => {
    const r = await run(['security', '--json'], fakeCore(vulnerable()));
    expect(r.code).toBe(HIGH_RISK_EXIT);
    const result = securityResultSchema.parse(JSON.parse(r.stdout));
    expect(result.checkedAt).toBe(AT);
    expect(result.highRisk).toBe(true);
    expect(result.findings[0]!.id).toBe('vuln-CVE-2017-7921');
  });

  it('exits 1 with the error when the record cannot be read', async () => {
    const r = await run(['security'], fakeCore(null));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the record could not be read');
  });

  it('refuses a device argument (usage, exit 2)', async () => {
    expect((await run(['security', 'nvr-1'], fakeCore(vulnerable()))).code).toBe(2);
  });

  it('in the terminal’s language (en-XA): main’s titles, texts and fixes said by key, values as they came', () => {
    const xa = createTranslator('en-XA');
    const selfSigned: PortTls = {
      selfSigned: true,
      trusted: false,
      validFrom: '2026-01-01T00:00:00.000Z',
      validTo: '2030-01-01T00:00:00.000Z',
      subject: 'CN=nvr',
      issuer: 'CN=nvr',
      names: ['192.168.1.64'],
      keyType: 'RSA',
      keyBits: 2048,
      signatureAlgorithm: 'sha256WithRSAEncryption',
    };
    const ports = report([
      portRow(23, null, { service: 'telnet' }),
      portRow(443, 'https', { service: 'https', adminUi: true, tls: selfSigned }),
    ]);
    const result = judgeSecurity({ ...securityInputFromRecord(vulnerable()), ports }, AT);
    const text = renderSecurity(result, xa.t);
    expect(text).toContain(
      `[${xa.t('cli.security.severity.high')}] ${xa.t('security.said.telnet.title', { ports: '23' })}`,
    );
    expect(text).toContain(xa.t('security.said.telnet.text'));
    expect(text).toContain(xa.t('cli.security.todo', { fix: xa.t('security.said.telnet.fix') }));
    expect(text).toContain(xa.t('security.said.tls.selfSigned.title', { ports: '443' }));
    // Words within words: the fix starts with the real-certificate advice, said in en-XA too.
    expect(text).toContain(
      xa.t('security.said.tls.selfSigned.fix', { realCertificate: xa.t('security.said.tls.realCertificate') }),
    );
    expect(text).toContain(xa.t('security.said.upnpUnknown.title'));
    // Not one of main's English sentences is left, nor the vulnerability table's words (said by key too).
    const said = result.findings.filter((f) => f.said);
    expect(said.length).toBeGreaterThan(4);
    for (const f of said) {
      if (f.said!.title) expect(text).not.toContain(f.title);
      if (f.said!.text) expect(text).not.toContain(f.text);
      if (f.said!.fix) expect(text).not.toContain(f.fix);
    }
    const cve = result.findings.find((f) => f.id === 'vuln-CVE-2017-7921')!;
    expect(text).toContain(xa.t('security.said.vulnAffected.title', { title: 'CVE-2017-7921 (ICSA-17-124-01)' }));
    // The CVE's words and why this firmware matches, in en-XA; the firmware and the family as they came.
    const row = VULNERABILITIES.find((v) => v.id === 'CVE-2017-7921')!;
    const device = { brand: 'HIKVISION', model: 'DS-2CD2032F-I', firmware: 'V5.4.0 build 160530' };
    const reason = checkFirmware(device).find((c) => c.vulnerability === row)!.reasonSaid;
    expect(reason).toEqual({
      key: 'security.vulns.reason.inRange',
      params: { firmware: 'V5.4.0 build 160530', family: 'DS-2CD2xx2F-I' },
    });
    const pseudoReason = xa.t('security.vulns.reason.inRange', {
      firmware: 'V5.4.0 build 160530',
      family: 'DS-2CD2xx2F-I',
    });
    expect(text).toContain(
      xa.t('security.said.vulnAffected.text', {
        words: xa.t('security.vulns.rows.CVE-2017-7921.words'),
        reason: pseudoReason,
      }),
    );
    expect(text).not.toContain(cve.text);
    expect(text).not.toContain(row.words);
    // The firmware table's lines: the reason and the fix in en-XA, the id as it came.
    const line = xa.t('cli.security.vuln', {
      id: 'CVE-2017-7921',
      status: xa.t('cli.security.status.affected'),
      reason: pseudoReason,
      fixedIn: xa.t('security.vulns.rows.CVE-2017-7921.fixedIn'),
    });
    expect(text).toContain(`  ${line}`);
    expect(text).not.toContain(row.fixedIn);
    expect(text).not.toMatch(/Telnet open on port|HTTPS certificate is self-signed|What to do:/);
  });

  it('is a command of the app: on a fresh record it exits 0 and says every part is unknown, not safe', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'security-cli-'));
    const core = createAppCore({ dataDir, mode: 'cli', version: '1', system: HOME_PC(), log: () => {} });
    let stdout = '';
    const code = await runCli(['security'], core, { stdout: (t) => (stdout += t), stderr: () => {} }, '1');
    await core.close();
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Security score: \d+\/100 \(/);
    expect(stdout).not.toContain('100/100');
    expect(stdout).toContain('[UNKNOWN] Services and HTTPS not checked: no Ports measurement (+10)');
    expect(stdout).toContain('[UNKNOWN] Firmware not checked: no NVR chosen');
  });
});

describe('nvr-assist security --https-on: a login main refused, in the terminal’s language', () => {
  it('says main’s error in en-XA (its catalogued words swapped by code), English as it came', async () => {
    const record = vulnerable();
    const core: CliCore = {
      dispatch: (async (channel: string) => {
        if (channel === 'setup.get') return ok({ setup: record, notice: null });
        if (channel === 'device.login') return fail('LOGIN_WRONG_PASSWORD');
        throw new Error(`unexpected ${channel}`);
      }) as unknown as CliCore['dispatch'],
      hub: { subscribe: () => () => {} },
    };
    const argv = ['security', '--https-on', '--user-consent', '--user', 'admin', '--password-stdin'];
    const said = async (locale: string) => {
      let stderr = '';
      const io = { stdout: () => {}, stderr: (t: string) => (stderr += t), readStdin: async () => 'wrong\n' };
      const code = await runCli(argv, core, io, '1', securityCommands(now), locale);
      return { code, stderr };
    };
    const xa = createTranslator('en-XA');
    const inPseudo = await said('en-XA');
    expect(inPseudo.code).toBe(1);
    expect(inPseudo.stderr).toBe(`${xa.t('cli.error', { message: xa.t('errors.LOGIN_WRONG_PASSWORD') })}\n`);
    const inEnglish = await said('en');
    expect(inEnglish.stderr).toContain('The NVR refused the user name or password.');
  });
});
