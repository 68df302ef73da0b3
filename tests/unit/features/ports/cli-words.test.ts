import { describe, expect, it } from 'vitest';
import { renderPortPlan, renderPortReport } from '../../../../src/main/features/ports/cli';
import { buildPortPlan } from '../../../../src/main/services/ports/port-plan';
import { createTranslator } from '../../../../src/shared/i18n';
import type { PortReport } from '../../../../src/shared/domain/ports';
import { device, fakeRecorder, LOGIN, signal } from '../../../support/fake-nvr-ports';

// `nvr-assist ports` and `ports --plan` in the terminal's language: main said each port's recommendation and purpose
// (the port catalogue's words by `ports.purposes`), the plan's problems and its RTSP advice by key, so the CLI says them in its locale (en-XA here), the values (ports, services'
// names said by key too) as they came; in English they are main's sentences as before.
const measured = (): Promise<PortReport> =>
  fakeRecorder().service.audit(device(), { credentials: LOGIN, signal: signal() });

describe('nvr-assist ports: main’s words in the terminal’s language', () => {
  it('in English: each row’s recommendation is main’s sentence', async () => {
    const report = await measured();
    const out = renderPortReport(report, createTranslator('en').t);
    for (const row of report.rows) expect(out).toContain(row.recommendation);
  });

  it('in en-XA: each row’s recommendation said in the locale, not main’s English', async () => {
    const report = await measured();
    const xa = createTranslator('en-XA');
    const out = renderPortReport(report, xa.t);
    const web = report.rows.find((r) => r.port === 80)!;
    expect(web.recommendation).toMatch(/^Do not forward plain HTTP/);
    expect(out).toContain(xa.t('ports.said.advice.httpDefault'));
    for (const row of report.rows) {
      expect(row.said?.recommendation).toBeDefined();
      expect(out).not.toContain(row.recommendation);
    }
  });

  it('in en-XA: what each port is for, the port catalogue’s words among them, said in the locale', async () => {
    const report = await measured();
    /** The purpose column as the table writes it (50 characters at most). */
    const cell = (words: string) => (words.length > 50 ? `${words.slice(0, 49)}…` : words);
    const sdk = report.rows.find((r) => r.port === 8000)!;
    expect(sdk.purpose).toBe('Server/command port for iVMS-4200, Hik-Connect and the SDK');
    expect(sdk.said?.purpose).toEqual([{ key: 'ports.purposes.hikvision.sdk8000' }]);
    expect(renderPortReport(report, createTranslator('en').t)).toContain(cell(sdk.purpose));

    const xa = createTranslator('en-XA');
    const out = renderPortReport(report, xa.t);
    expect(out).toContain(cell(xa.t('ports.purposes.hikvision.sdk8000')));
    expect(out).toContain(cell(xa.t('ports.purposes.hikvision.rtsp554')));
    const fromCatalogue = report.rows.filter((r) => r.said?.purpose?.[0]?.key.startsWith('ports.purposes.'));
    expect(fromCatalogue.map((r) => r.port)).toEqual(expect.arrayContaining([80, 443, 554, 8000]));
    for (const row of report.rows) {
      expect(row.said?.purpose, `${row.port}`).toBeDefined();
      expect(out).not.toContain(cell(row.purpose));
    }
  });

  it('in en-XA: the plan’s problems and its RTSP advice said in the locale, with the ports as they came', async () => {
    const report = await measured();
    const plan = buildPortPlan(device(), report, { http: 8080, media: 21000 });
    const en = renderPortPlan(plan, createTranslator('en').t);
    const scanned = plan.problems.find((p) => p.code === 'commonly-scanned')!;
    const missing = plan.problems.find((p) => p.code === 'not-on-device')!;
    expect(en).toContain(scanned.message);
    expect(en).toContain(missing.message);
    expect(en).toContain(plan.rtspAdvice);

    const xa = createTranslator('en-XA');
    const out = renderPortPlan(plan, xa.t);
    const http = xa.t('ports.role.http');
    expect(out).toContain(
      xa.t('cli.ports.note', { message: xa.t('ports.said.problem.commonlyScanned', { role: http, port: '8080' }) }),
    );
    expect(out).toContain(
      xa.t('cli.ports.problem', {
        message: xa.t('ports.said.problem.notOnDevice', { role: xa.t('ports.role.media') }),
      }),
    );
    expect(out).toContain(xa.t('ports.said.rtspAdvice.text'));
    for (const english of [scanned.message, missing.message, plan.rtspAdvice]) expect(out).not.toContain(english);
  });

  it('in en-XA: the maker’s steps for a port ONVIF cannot move said in the locale, the menu path as it is', async () => {
    const report = await measured();
    const plan = buildPortPlan(device(), report, {});
    const sdk = plan.manualSteps.find((m) => m.role === 'sdk')!;
    expect(renderPortPlan(plan, createTranslator('en').t)).toContain(`  3. ${sdk.steps[2]}`);

    const xa = createTranslator('en-XA');
    const out = renderPortPlan(plan, xa.t);
    const internal = String(plan.proposal.find((p) => p.role === 'sdk')!.internal);
    expect(out).toContain(xa.t('cli.ports.inWebPage', { service: xa.t('ports.role.sdk') }));
    expect(out).toContain(`  1. ${xa.t('ports.said.manual.open.nvr')}`);
    expect(out).toContain(
      `  2. ${xa.t('ports.said.manual.where.hikvision', { path: 'Configuration › Network › Basic Settings › Port' })}`,
    );
    expect(out).toContain(
      `  3. ${xa.t('ports.said.manual.set', { field: xa.t('ports.said.manual.field.hikvisionSdk'), port: internal, label: xa.t('ports.role.sdk') })}`,
    );
    expect(out).toContain(`  ${sdk.steps.length}. ${xa.t('ports.said.manual.recheck')}`);
    for (const english of sdk.steps) expect(out).not.toContain(english);
  });
});
