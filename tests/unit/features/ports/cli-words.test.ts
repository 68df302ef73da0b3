import { describe, expect, it } from 'vitest';
import { renderPortPlan, renderPortReport } from '../../../../src/main/features/ports/cli';
import { buildPortPlan } from '../../../../src/main/services/ports/port-plan';
import { createTranslator } from '../../../../src/shared/i18n';
import type { PortReport } from '../../../../src/shared/domain/ports';
import { device, fakeRecorder, LOGIN, signal } from '../../../support/fake-nvr-ports';

// `nvr-assist ports` and `ports --plan` in the terminal's language: main said each port's recommendation, the plan's
// problems and its RTSP advice by key, so the CLI says them in its locale (en-XA here), the values (ports, services'
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
