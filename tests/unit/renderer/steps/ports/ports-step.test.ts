// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { fakeSetup, loginAnswer, ok } from '../../fake-api';
import {
  APPLY_JOB,
  AUDIT_JOB,
  REOLINK,
  fakeApplyResult,
  fakePortPlan,
  fakePortReport,
  fakePorts,
  loginNeeded,
  setupWithNvr,
  portsPage,
} from '../../fake-ports';
import { applyAndConfirm, stopFirstVisitCheck } from './ports-page';
import { api, mountStep, useStepHarness } from '../../mount-step';

// The keychain remembers the NVR's login (main's list says so), so Apply goes straight to the confirmation; the
// login asked before the confirmation is in ports-login.test.ts.
useStepHarness(portsPage());

const row = (wrapper: VueWrapper, port: number) => wrapper.find(`tr[data-port="${port}"]`);
const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);

async function edit(wrapper: VueWrapper, role: string, value: string) {
  const input = byTest(wrapper, `plan-input-${role}`);
  await input.setValue(value);
  await input.trigger('change');
  await flushPromises();
}

const applyDisabled = (wrapper: VueWrapper) => (byTest(wrapper, 'apply').element as HTMLButtonElement).disabled;

describe('Ports step: what we found', () => {
  it('without a chosen NVR points back to "Find your NVR" and measures nothing', async () => {
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup(), notice: null });
    fakePorts(api);
    const wrapper = await mountStep();
    const pointer = byTest(wrapper, 'no-nvr');
    expect(pointer.text()).toContain('No NVR is chosen yet');
    expect(pointer.find('a').attributes('href')).toContain('/step/find');
    expect(byTest(wrapper, 'audit').exists()).toBe(false);
    expect(api.count('ports.get')).toBe(0);
    expect(api.count('ports.audit')).toBe(0);
  });

  it('loads the saved check on entering and shows each port with its service, purpose, need and risk', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    expect(api.calls.find((c) => c.channel === 'ports.get')?.input).toEqual({ deviceId: REOLINK.id });
    expect(byTest(wrapper, 'ports-subject').text()).toContain('Reolink RLN8-410');
    expect(byTest(wrapper, 'ports-measured-at').attributes('datetime')).toBe('2025-03-01T12:00:00.000Z');

    const shown = wrapper.findAll('tr[data-port]').map((r) => r.attributes('data-port'));
    // Open ports first, by number; closed ones after.
    expect(shown).toEqual(['23', '80', '443', '554', '8000', '9000', '8443']);

    const web = row(wrapper, 80);
    expect(web.find('[data-testid="port-service"]').text()).toContain('Web page (HTTP)');
    expect(web.find('[data-testid="port-product"]').text()).toBe('Reolink · Reolink web server');
    expect(web.find('[data-testid="port-default"]').exists()).toBe(true);
    expect(web.find('[data-testid="port-plain-text"]').exists()).toBe(true);
    expect(web.find('[data-testid="port-risk"]').text()).toBe('medium');
    expect(web.find('[data-testid="port-needed"]').text()).toBe('No');
    expect(row(wrapper, 9000).find('[data-testid="port-risk"]').text()).toBe('high');
    expect(row(wrapper, 9000).find('[data-testid="port-needed"]').text()).toBe('Only for the maker’s phone app');
    expect(row(wrapper, 554).find('[data-testid="port-needed"]').text()).toBe('Yes');
    expect(row(wrapper, 443).find('[data-testid="port-risk"]').text()).toBe('low');
    expect(row(wrapper, 8443).find('[data-testid="port-state"]').text()).toBe('closed');
    expect(row(wrapper, 8443).find('[data-testid="port-risk"]').text()).toBe('none');
    expect(byTest(wrapper, 'ports-summary').text()).toContain('6 ports open.');
    expect(byTest(wrapper, 'ports-summary').text()).toContain('5 of them are risky');

    // In plain words: what the NVR named but did not answer, and what answered without being named.
    expect(byTest(wrapper, 'declared-closed').text()).toContain('8443');
    expect(byTest(wrapper, 'undeclared-open').text()).toContain('23 answers');
    expect(byTest(wrapper, 'onvif-protocols').text()).toContain('HTTP 80');
  });

  it('shows the reasons for a risk and the evidence on demand, with aria-expanded', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    const web = row(wrapper, 80);
    const toggle = web.find('[data-testid="port-details-toggle"]');
    const details = wrapper.find('#port-details-80');
    expect(toggle.attributes('aria-expanded')).toBe('false');
    expect(toggle.attributes('aria-controls')).toBe('port-details-80');
    expect((details.element as HTMLElement).style.display).toBe('none');
    await toggle.trigger('click');
    expect(toggle.attributes('aria-expanded')).toBe('true');
    expect((details.element as HTMLElement).style.display).toBe('');
    expect(details.find('[data-testid="port-risk-reasons"]').text()).toContain('scanners try it first');
    expect(details.find('[data-testid="port-evidence"]').text()).toContain('Server: nginx');
    expect(details.text()).toContain('the NVR over ONVIF');
  });

  it('runs the audit as a job: progress, the report, only its own events; Cancel asks main to stop it', async () => {
    fakePorts(api);
    const wrapper = await mountStep();
    await stopFirstVisitCheck(wrapper, api);
    expect(byTest(wrapper, 'ports-empty').text()).toContain('Not checked yet');
    expect(byTest(wrapper, 'todo-needs-audit').exists()).toBe(true);

    await byTest(wrapper, 'audit').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'ports.audit').at(-1)?.input).toEqual({ deviceId: REOLINK.id });
    expect(byTest(wrapper, 'audit-progress').exists()).toBe(true);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('audit-cancel');

    api.emit('job.onProgress', { jobId: AUDIT_JOB, kind: 'ports-audit', done: 3, total: 12, message: 'Port 554…' });
    await flushPromises();
    const bar = wrapper.find('[data-testid="audit-progress"] [role="progressbar"]');
    expect(bar.attributes('aria-valuenow')).toBe('3');
    expect(bar.attributes('aria-valuemax')).toBe('12');
    expect(byTest(wrapper, 'audit-message').text()).toBe('Port 554…');

    // Another job's events change nothing here.
    api.emit('job.onProgress', { jobId: 'job-other', kind: 'ports-audit', done: 11, total: 12, message: 'other' });
    api.emit('ports.onReport', { jobId: 'job-other', report: fakePortReport({ address: '192.168.1.99' }) });
    api.emit('job.onDone', { jobId: 'job-other', kind: 'ports-audit', outcome: 'ok', error: null });
    await flushPromises();
    expect(byTest(wrapper, 'audit-message').text()).toBe('Port 554…');
    expect(wrapper.findAll('tr[data-port]')).toHaveLength(0);
    expect(byTest(wrapper, 'audit-progress').exists()).toBe(true);

    await byTest(wrapper, 'audit-cancel').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'job.cancel').at(-1)?.input).toEqual({ jobId: AUDIT_JOB });
    api.emit('job.onDone', {
      jobId: AUDIT_JOB,
      kind: 'ports-audit',
      outcome: 'cancelled',
      error: { code: 'CANCELLED', message: 'The operation was cancelled.' },
    });
    await flushPromises();
    expect(byTest(wrapper, 'audit-progress').exists()).toBe(false);
    expect(byTest(wrapper, 'audit-message').text()).toContain('The check was stopped');
    expect(byTest(wrapper, 'audit-error').exists()).toBe(false);
  });

  it('a finished audit shows its report and main’s proposal', async () => {
    const saved = fakePorts(api);
    // Never checked: the page's first visit starts the audit (no click).
    const wrapper = await mountStep();
    expect(api.count('ports.audit')).toBe(1);
    api.emit('ports.onReport', { jobId: AUDIT_JOB, report: fakePortReport() });
    await flushPromises();
    expect(wrapper.findAll('tr[data-port]').length).toBe(7);
    saved.report = fakePortReport();
    saved.plan = fakePortPlan();
    api.emit('job.onDone', { jobId: AUDIT_JOB, kind: 'ports-audit', outcome: 'ok', error: null });
    await flushPromises();
    expect(byTest(wrapper, 'audit-progress').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="plan-row"]').map((r) => r.attributes('data-role'))).toEqual([
      'http',
      'https',
      'rtsp',
      'media',
    ]);
    expect(api.count('ports.apply')).toBe(0);
  });

  it('a failed audit says why in plain words', async () => {
    fakePorts(api);
    const wrapper = await mountStep();
    await stopFirstVisitCheck(wrapper, api);
    await byTest(wrapper, 'audit-full').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'ports.audit').at(-1)?.input).toEqual({
      deviceId: REOLINK.id,
      full: true,
    });
    expect(byTest(wrapper, 'audit-full').text()).toContain('Checking every port');
    api.emit('job.onDone', {
      jobId: AUDIT_JOB,
      kind: 'ports-audit',
      outcome: 'failed',
      error: { code: 'DEVICE_UNREACHABLE', message: 'The device did not answer at that address.' },
    });
    await flushPromises();
    expect(byTest(wrapper, 'audit-error').text()).toContain('The device did not answer');
  });
});

describe('Ports step: what to do', () => {
  it('shows the proposal; an edit is checked by main, an error blocks Apply, a warning does not', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    const http = wrapper.find('tr[data-role="http"]');
    expect(http.find('[data-testid="plan-current"]').text()).toBe('80');
    expect((byTest(wrapper, 'plan-input-http').element as HTMLInputElement).value).toBe('12080');
    expect(http.find('[data-testid="plan-external"]').text()).toBe('12080');
    expect(wrapper.find('tr[data-role="media"]').text()).toContain('same as inside');
    expect(byTest(wrapper, 'pending-changes').text()).toContain('80 → 12080');
    expect(applyDisabled(wrapper)).toBe(false);

    // An error: inline, tied to the field, and Apply is off with the reason said.
    await edit(wrapper, 'http', '81');
    expect(api.calls.filter((c) => c.channel === 'ports.plan').at(-1)?.input).toEqual({
      deviceId: REOLINK.id,
      edits: { http: 81 },
    });
    const problem = wrapper.find('[data-testid="plan-problem"][data-severity="error"]');
    expect(problem.text()).toContain('Port 81 is a well-known port');
    const input = byTest(wrapper, 'plan-input-http');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(input.attributes('aria-describedby')).toBe('plan-problems-http');
    expect(applyDisabled(wrapper)).toBe(true);
    expect(byTest(wrapper, 'apply-blocked').text()).toContain('has a problem');
    expect(byTest(wrapper, 'plan-state').text()).toContain('1 problem to fix');

    // A warning: shown, Apply allowed.
    await edit(wrapper, 'http', '8080');
    expect(wrapper.find('[data-testid="plan-problem"][data-severity="warning"]').text()).toContain('8080');
    expect(wrapper.find('[data-testid="plan-problem"][data-severity="error"]').exists()).toBe(false);
    expect(applyDisabled(wrapper)).toBe(false);
    expect(wrapper.find('tr[data-role="http"]').text()).toContain('your choice');

    // Back to main's proposal.
    await byTest(wrapper, 'plan-reset').trigger('click');
    await flushPromises();
    expect((byTest(wrapper, 'plan-input-http').element as HTMLInputElement).value).toBe('12080');
    expect(api.calls.filter((c) => c.channel === 'ports.plan').at(-1)?.input).toEqual({ deviceId: REOLINK.id });
    expect(api.count('ports.apply')).toBe(0);
  });

  it('something that is not a port number is said at once and never sent', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    await edit(wrapper, 'rtsp', 'abc');
    expect(byTest(wrapper, 'plan-input-problem-rtsp').text()).toContain('whole number');
    expect(api.count('ports.plan')).toBe(0);
    expect(applyDisabled(wrapper)).toBe(true);
    await edit(wrapper, 'rtsp', '70000');
    expect(byTest(wrapper, 'plan-input-problem-rtsp').text()).toContain('1 to 65535');
    await edit(wrapper, 'rtsp', '12600');
    expect(byTest(wrapper, 'plan-input-problem-rtsp').exists()).toBe(false);
    expect(api.count('ports.plan')).toBe(1);
    expect(applyDisabled(wrapper)).toBe(false);
  });

  it('lists the vendor’s numbered steps with the exact value and a copy button, then a re-check', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    const manual = wrapper.find('[data-testid="manual-steps"][data-role="media"]');
    expect(manual.find('h4').text()).toContain('Media port');
    expect(manual.find('[data-testid="manual-value"]').text()).toBe('19000');
    expect(manual.findAll('[data-testid="manual-step"]')).toHaveLength(3);
    expect(manual.findAll('ol > li')[1]!.text()).toContain('Media Port to 19000');
    await manual.find('[data-testid="manual-copy-value"]').trigger('click');
    await flushPromises();
    expect(manual.find('[data-testid="manual-copied"]').text()).toMatch(/Copied|Could not copy/);
    expect(byTest(wrapper, 'rtsp-advice').text()).toContain('RTSP over TCP');

    await byTest(wrapper, 'manual-recheck').trigger('click');
    await flushPromises();
    expect(api.count('ports.audit')).toBe(1);
    expect(api.count('ports.apply')).toBe(0);
  });

  it('says where the vendor steps come from, and that general steps have no document', async () => {
    const plan = fakePortPlan();
    plan.manualSteps = [
      {
        ...plan.manualSteps[0]!,
        sources: [
          {
            title: 'Home Assistant Reolink integration docs',
            url: 'https://www.home-assistant.io/integrations/reolink/',
            confidence: 'M',
            supports: 'PC client: Settings › Network › Advanced › Port Settings',
          },
        ],
      },
    ];
    fakePorts(api, { report: fakePortReport(), plan });
    const wrapper = await mountStep();
    const sources = byTest(wrapper, 'manual-sources');
    expect(sources.element.tagName).toBe('DETAILS');
    expect(sources.find('summary').text()).toBe('Where these steps come from');
    const item = sources.find('[data-testid="manual-source"]');
    expect(item.text()).toContain('Home Assistant Reolink integration docs (a partner or OEM document)');
    expect(item.text()).toContain('https://www.home-assistant.io/integrations/reolink/');
    expect(item.find('a').exists()).toBe(false); // shown to copy, never a link out of the app

    plan.manualSteps = [{ ...plan.manualSteps[0]!, sources: [] }];
    fakePorts(api, { report: fakePortReport(), plan });
    const general = await mountStep();
    expect(byTest(general, 'manual-sources').exists()).toBe(false);
    expect(byTest(general, 'manual-sources-none').text()).toContain('General steps');
  });

  it('applies only after the confirmation, then shows the verified change with its evidence', async () => {
    const saved = fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    const confirm = byTest(wrapper, 'apply-confirm');
    expect(confirm.attributes('role')).toBe('alertdialog');
    expect(confirm.text()).toContain(
      'The NVR’s web page and video will move to these ports; the app checks and puts them back if anything fails.',
    );
    expect(document.activeElement?.getAttribute('data-testid')).toBe('apply-confirm-yes');
    expect(api.count('ports.apply')).toBe(0);

    // Escape: nothing happens, the keyboard goes back to Apply.
    await confirm.trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(byTest(wrapper, 'apply-confirm').exists()).toBe(false);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('apply');
    expect(api.count('ports.apply')).toBe(0);

    await applyAndConfirm(wrapper);
    expect(api.calls.find((c) => c.channel === 'ports.apply')?.input).toEqual({
      deviceId: REOLINK.id,
      changes: [
        { role: 'http', to: 12080 },
        { role: 'https', to: 12443 },
        { role: 'rtsp', to: 12554 },
      ],
    });
    expect(byTest(wrapper, 'apply').text()).toContain('Applying');
    api.emit('job.onProgress', { jobId: APPLY_JOB, kind: 'ports-apply', done: 2, total: 4, message: 'Checking…' });
    await flushPromises();
    expect(byTest(wrapper, 'apply-message').text()).toBe('Checking…');

    const result = fakeApplyResult();
    saved.lastChange = result;
    api.handlers['setup.get'] = () =>
      ok({
        setup: setupWithNvr({
          updatedAt: '2025-03-01T12:05:00.000Z',
          steps: { ports: { status: 'verified', updatedAt: '2025-03-01T12:05:00.000Z' } },
        }),
        notice: null,
      });
    api.emit('ports.onApplied', { jobId: APPLY_JOB, result });
    api.emit('job.onDone', { jobId: APPLY_JOB, kind: 'ports-apply', outcome: 'ok', error: null });
    await flushPromises();
    expect(byTest(wrapper, 'change-outcome').text()).toBe('verified');
    expect(byTest(wrapper, 'change-message').text()).toContain('old ports are closed');
    const item = wrapper.find('[data-testid="change-item"][data-role="http"]');
    expect(item.attributes('data-verified')).toBe('true');
    expect(item.text()).toContain('80 → 12080');
    expect(item.find('[data-testid="change-evidence"]').text()).toContain('Port 80 closed; port 12080 answered');
    expect(byTest(wrapper, 'verify-status').text()).toBe('verified');
    expect(byTest(wrapper, 'ports-step-status').text()).toBe('verified');
    expect(api.count('ports.apply')).toBe(1);

    // Undo: asked first, then the old port goes back through the same checked change.
    await byTest(wrapper, 'revert').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'revert-confirm').text()).toContain('Web page (HTTP): 12080 → 80');
    expect(api.count('ports.apply')).toBe(1);
    await byTest(wrapper, 'revert-confirm-yes').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'ports.apply').at(-1)?.input).toEqual({
      deviceId: REOLINK.id,
      changes: [{ role: 'http', to: 80 }],
    });
  });

  it('a change in progress can be cancelled from the keyboard; main’s answer (put back) is shown plainly', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    api.handlers['job.cancel'] = () => ok({ cancelled: true });
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'apply-cancel').isVisible()).toBe(false);
    await applyAndConfirm(wrapper);
    // The keyboard lands on Cancel, which says what a cancel does.
    const cancel = byTest(wrapper, 'apply-cancel');
    expect(cancel.isVisible()).toBe(true);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('apply-cancel');
    expect(wrapper.find('#apply-cancel-help').text()).toContain('puts the old ports back');
    await cancel.trigger('click');
    await flushPromises();
    expect(api.calls.at(-1)).toEqual({ channel: 'job.cancel', input: { jobId: APPLY_JOB } });
    api.emit('ports.onApplied', {
      jobId: APPLY_JOB,
      result: fakeApplyResult({
        outcome: 'restored',
        message: 'You cancelled the change. The app put the previous ports back and checked them.',
      }),
    });
    api.emit('job.onDone', {
      jobId: APPLY_JOB,
      kind: 'ports-apply',
      outcome: 'cancelled',
      error: { code: 'CANCELLED', message: 'Stopped: you cancelled it.' },
    });
    await flushPromises();
    expect(byTest(wrapper, 'apply-cancel').isVisible()).toBe(false);
    expect(byTest(wrapper, 'apply-error').text()).toContain('The ports were not moved.');
    expect(byTest(wrapper, 'change-outcome').text()).toBe('put back');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('apply');
  });

  it('a change the app never finished is said plainly; nothing can be applied until the ports are checked', async () => {
    const saved = fakePorts(api, {
      report: fakePortReport(),
      plan: fakePortPlan(),
      lastChange: fakeApplyResult(),
      pending: {
        changes: [{ role: 'http', from: 80, to: 12080 }],
        onvifUrl: 'http://192.168.1.66:8000/onvif/device_service',
        newOnvifUrl: 'http://192.168.1.66:8000/onvif/device_service',
        startedAt: '2025-03-01T12:04:00.000Z',
      },
    });
    const wrapper = await mountStep();
    const notice = byTest(wrapper, 'ports-pending');
    expect(notice.attributes('role')).toBe('alert');
    expect(notice.text()).toContain('A port change did not finish.');
    expect(notice.text()).toContain('Web page (HTTP) from 80 to 12080');
    expect(byTest(wrapper, 'apply').attributes('disabled')).toBeDefined();
    expect(byTest(wrapper, 'apply-blocked').text()).toMatch(/did not finish last time\. Check the ports first/);
    expect(byTest(wrapper, 'revert').attributes('disabled')).toBeDefined();
    // The check sorts it out (main clears it); the page follows main's saved state.
    await byTest(wrapper, 'audit').trigger('click');
    await flushPromises();
    saved.pending = null;
    api.emit('ports.onReport', { jobId: AUDIT_JOB, report: fakePortReport() });
    api.emit('job.onDone', { jobId: AUDIT_JOB, kind: 'ports-audit', outcome: 'ok', error: null });
    await flushPromises();
    expect(byTest(wrapper, 'ports-pending').exists()).toBe(false);
    expect(api.count('ports.apply')).toBe(0);
  });

  it('shows a change main put back (restored) and one that failed, each plainly', async () => {
    fakePorts(api, {
      report: fakePortReport(),
      plan: fakePortPlan(),
      lastChange: fakeApplyResult({
        outcome: 'restored',
        message: 'Port 12554 did not answer RTSP, so the app put the old ports back.',
        changes: [
          { role: 'rtsp', from: 554, to: 12554, verified: false, evidence: 'Port 12554 did not answer in 10 s.' },
        ],
      }),
    });
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'change-outcome').text()).toBe('put back');
    expect(byTest(wrapper, 'change-message').text()).toContain('put the old ports back');
    expect(wrapper.find('[data-testid="change-item"]').attributes('data-verified')).toBe('false');
    expect(wrapper.find('[data-testid="change-item"]').text()).toContain('(not confirmed)');

    await byTest(wrapper, 'apply').trigger('click');
    await byTest(wrapper, 'apply-confirm-yes').trigger('click');
    await flushPromises();
    api.emit('ports.onApplied', {
      jobId: APPLY_JOB,
      result: fakeApplyResult({ outcome: 'failed', message: 'The NVR refused the change. Nothing was changed.' }),
    });
    await flushPromises();
    expect(byTest(wrapper, 'change-outcome').text()).toBe('failed');
    expect(byTest(wrapper, 'change-result').classes()).toContain('change-result--failed');
  });

  it('without a login main keeps: the plain error, the login dialog, and Apply again only by the user', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    api.handlers['ports.apply'] = () => loginNeeded();
    api.handlers['device.login'] = () => loginAnswer(REOLINK);
    const wrapper = await mountStep();
    await byTest(wrapper, 'apply').trigger('click');
    await byTest(wrapper, 'apply-confirm-yes').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'apply-error').text()).toContain('Log in to the NVR first');
    expect(byTest(wrapper, 'apply-error').attributes('role')).toBe('alert');

    await byTest(wrapper, 'apply-login').trigger('click');
    await flushPromises();
    const dialog = byTest(wrapper, 'login-dialog');
    expect(dialog.exists()).toBe(true);
    expect(dialog.text()).toContain('Log in to Reolink RLN8-410');
    expect(dialog.text()).toContain('192.168.1.66');
    await byTest(wrapper, 'login-password').setValue('Lab-Admin-2024');
    await dialog.find('form').trigger('submit');
    await flushPromises();
    expect(api.calls.find((c) => c.channel === 'device.login')?.input).toEqual({
      deviceId: REOLINK.id,
      username: 'admin',
      password: 'Lab-Admin-2024',
    });
    expect(byTest(wrapper, 'login-dialog').exists()).toBe(false);
    expect(byTest(wrapper, 'apply-error').exists()).toBe(false);
    expect(byTest(wrapper, 'apply-message').text()).toContain('Press “Apply through ONVIF” again');
    // Not retried by itself.
    expect(api.count('ports.apply')).toBe(1);
    expect(api.count('device.login')).toBe(1);

    api.handlers['ports.apply'] = () => ok({ jobId: APPLY_JOB });
    await byTest(wrapper, 'apply').trigger('click');
    await byTest(wrapper, 'apply-confirm-yes').trigger('click');
    await flushPromises();
    expect(api.count('ports.apply')).toBe(2);
  });

  it('never applies by itself: loading, auditing, planning and editing send no change', async () => {
    const saved = fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    await edit(wrapper, 'http', '18080');
    await byTest(wrapper, 'audit').trigger('click');
    await flushPromises();
    api.emit('ports.onReport', { jobId: AUDIT_JOB, report: fakePortReport() });
    saved.plan = fakePortPlan();
    api.emit('job.onDone', { jobId: AUDIT_JOB, kind: 'ports-audit', outcome: 'ok', error: null });
    await flushPromises();
    await edit(wrapper, 'https', '18443');
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    // Asked, not confirmed.
    expect(byTest(wrapper, 'apply-confirm').exists()).toBe(true);
    expect(api.count('ports.apply')).toBe(0);
    expect(api.calls.map((c) => c.channel)).not.toContain('ports.apply');
  });
});

describe('Ports step: ports the app would not have proposed', () => {
  it('the confirmation says the plan’s warnings, and “Yes” sends the user’s yes to them', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan() });
    const wrapper = await mountStep();
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'apply-confirm-warnings').exists()).toBe(false);
    await byTest(wrapper, 'apply-confirm-no').trigger('click');

    await edit(wrapper, 'http', '8080');
    await byTest(wrapper, 'apply').trigger('click');
    await flushPromises();
    const warned = byTest(wrapper, 'apply-confirm-warnings');
    expect(warned.text()).toContain('The app would not have proposed this');
    expect(warned.text()).toContain('Port 8080 is also scanned often');
    expect(api.count('ports.apply')).toBe(0);
    await byTest(wrapper, 'apply-confirm-yes').trigger('click');
    await flushPromises();
    expect(api.calls.find((c) => c.channel === 'ports.apply')?.input).toEqual({
      deviceId: REOLINK.id,
      changes: [
        { role: 'http', to: 8080 },
        { role: 'https', to: 12443 },
        { role: 'rtsp', to: 12554 },
      ],
      confirmWarnings: true,
    });
  });

  it('when main names warnings the page did not show, it says them and sends the same change again only on “Yes”', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan(), lastChange: fakeApplyResult() });
    const wrapper = await mountStep();
    await byTest(wrapper, 'revert').trigger('click');
    await flushPromises();
    await byTest(wrapper, 'revert-confirm-yes').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'ports.apply').at(-1)?.input).toEqual({
      deviceId: REOLINK.id,
      changes: [{ role: 'http', to: 80 }],
    });
    api.emit('job.onDone', {
      jobId: APPLY_JOB,
      kind: 'ports-apply',
      outcome: 'failed',
      error: {
        code: 'PORTS_CHANGE_UNCONFIRMED',
        message:
          'The app did not send that port change: it would work, but the app would not have proposed it. Port 80 is the web page’s factory port: scanners try it first. Confirm it to send it anyway, or pick another port. Nothing was changed.',
      },
    });
    await flushPromises();
    expect(byTest(wrapper, 'apply-error').text()).toContain('Port 80 is the web page’s factory port');
    expect(api.count('ports.apply')).toBe(1);
    await byTest(wrapper, 'apply-accept-warnings').trigger('click');
    await flushPromises();
    expect(api.count('ports.apply')).toBe(2);
    expect(api.calls.filter((c) => c.channel === 'ports.apply').at(-1)?.input).toEqual({
      deviceId: REOLINK.id,
      changes: [{ role: 'http', to: 80 }],
      confirmWarnings: true,
    });
    expect(document.activeElement?.getAttribute('data-testid')).toBe('apply-cancel');
  });
});
