// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { discoveryList, failed, ok } from '../../fake-api';
import { api, mountStep, router, useStepHarness } from '../../mount-step';
import { STEP_PAGES } from '../../../../../src/renderer/router';
import {
  AUDIT_JOB,
  DELETE_JOB,
  REFUSED_606,
  fakeAudit,
  fakeDeleteResult,
  fakeDeletion,
  fakeMappings,
  fakeUpnp,
  setupWithNvr,
} from './fake-upnp';
import { stopFirstVisitCheck } from './upnp-page';

let setup = setupWithNvr();

useStepHarness({
  path: '/step/upnp',
  handlers: () => {
    setup = setupWithNvr();
    return {
      'setup.get': () => ok({ setup, notice: null }),
      'discovery.list': () => discoveryList(),
    };
  },
});

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const allByTest = (wrapper: VueWrapper, id: string) => wrapper.findAll(`[data-testid="${id}"]`);
const rowKeys = (wrapper: VueWrapper) => allByTest(wrapper, 'mapping-row').map((r) => r.attributes('data-key'));
const ticked = (wrapper: VueWrapper) =>
  allByTest(wrapper, 'mapping-row')
    .filter((r) => (r.find('input[type="checkbox"]').element as HTMLInputElement).checked)
    .map((r) => r.attributes('data-key'));
const inputsOf = (channel: 'upnp.audit' | 'upnp.delete' | 'job.cancel') =>
  api.calls.filter((c) => c.channel === channel).map((c) => c.input);

function progress(jobId: string, kind: 'upnp-audit' | 'upnp-delete', message: string): void {
  api.emit('job.onProgress', { jobId, kind, done: 0, total: null, message });
}
function done(jobId: string, kind: 'upnp-audit' | 'upnp-delete', error?: { code: string; message: string }): void {
  api.emit('job.onDone', { jobId, kind, outcome: error ? 'failed' : 'ok', error: error ?? null });
}

/** Mounted with the saved audit, "Delete" pressed (only cameras' and recorders' mappings ticked: no question). */
async function deleted(): Promise<VueWrapper> {
  fakeUpnp(api, { audit: fakeAudit() });
  const wrapper = await mountStep();
  await byTest(wrapper, 'delete').trigger('click');
  await flushPromises();
  return wrapper;
}

describe('UPnP step: opening', () => {
  it('is the page of its folder, found by the router', () => {
    expect(STEP_PAGES.upnp).toBeDefined();
    expect(router.currentRoute.value.name).toBe('step-upnp');
  });

  it('shows the saved audit without asking the router again: the router line, the findings by severity', async () => {
    fakeUpnp(api, { audit: fakeAudit() });
    const wrapper = await mountStep();
    expect(api.count('upnp.get')).toBe(1);
    expect(api.count('upnp.audit')).toBe(0);
    expect(byTest(wrapper, 'router-gateway').text()).toBe('192.168.1.1');
    expect(byTest(wrapper, 'router-igd').text()).toBe('“Home Router” (ACME AX3000) UPnP IGD 2');
    expect(byTest(wrapper, 'router-external').text()).toBe('203.0.113.2');
    expect(byTest(wrapper, 'router-natpmp').text()).toBe('answers (external address 203.0.113.2)');
    expect(wrapper.text()).toContain('NAT-PMP / PCP');
    const findings = allByTest(wrapper, 'finding');
    expect(findings.map((f) => f.attributes('data-severity'))).toEqual(['problem', 'warning', 'warning', 'info']);
    expect(findings[0]!.classes()).toContain('finding--problem');
    expect(findings[0]!.find('details').text()).toContain('TCP 8000 → 192.168.1.64:8000');
    expect(byTest(wrapper, 'check').text()).toBe('Check the router again');
  });

  it('lists the camera and NVR mappings first, ticked; the others after, not ticked', async () => {
    fakeUpnp(api, { audit: fakeAudit() });
    const wrapper = await mountStep();
    // The router listed the console first; the recorders' mappings come first, by address then port.
    expect(rowKeys(wrapper)).toEqual(['TCP/80', 'TCP/8000', 'TCP/37777', 'UDP/3074']);
    expect(ticked(wrapper)).toEqual(['TCP/80', 'TCP/8000', 'TCP/37777']);
    expect(byTest(wrapper, 'mappings-summary').text()).toMatch(/^4 mappings, 3 of them to a camera or recorder\./);
    const rows = allByTest(wrapper, 'mapping-row');
    expect(rows[0]!.find('[data-testid="mapping-nvr"]').text()).toBe('your NVR');
    expect(rows[2]!.find('[data-testid="mapping-camera"]').text()).toBe('camera / recorder');
    expect(rows[2]!.find('[data-testid="mapping-device"]').text()).toContain('NVR4108');
    expect(rows[3]!.find('[data-testid="mapping-camera"]').exists()).toBe(false);
    expect(rows[3]!.find('[data-testid="mapping-device"]').text()).toBe('not identified');
    expect(rows[1]!.find('[data-testid="mapping-internal"]').text()).toBe('192.168.1.64:8000');
    expect(rows[1]!.find('[data-testid="mapping-service"]').text()).toBe('App/SDK port');
    expect(rows[1]!.find('[data-testid="mapping-lease"]').text()).toBe('expires in 7 days');
    expect(rows[2]!.find('[data-testid="mapping-lease"]').text()).toBe('expires in 60 min');
    expect(rows[3]!.find('[data-testid="mapping-lease"]').text()).toBe('never expires');
    // Each tick box is named for the keyboard and screen readers.
    expect(wrapper.find(`label[for="${rows[1]!.find('input').attributes('id')}"]`).text()).toBe(
      'Delete TCP 8000 to 192.168.1.64:8000',
    );
    // Only cameras' and recorders' mappings ticked: Delete deletes at once (no "…", no question to follow).
    expect(byTest(wrapper, 'delete').text()).toBe('Delete the chosen mappings (3)');
  });

  it('shows what a device wrote as text only, never as markup', async () => {
    fakeUpnp(api, { audit: fakeAudit() });
    const wrapper = await mountStep();
    const description = allByTest(wrapper, 'mapping-description').at(-1)!;
    expect(description.text()).toBe('Xbox <img src=x onerror="alert(1)">');
    expect(wrapper.find('img').exists()).toBe(false);
  });

  it('without a saved audit says what the check does; nothing to delete yet', async () => {
    fakeUpnp(api);
    const wrapper = await mountStep();
    await stopFirstVisitCheck(wrapper, api);
    expect(byTest(wrapper, 'upnp-empty').text()).toContain('Press “Check the router”');
    expect(byTest(wrapper, 'check').text()).toBe('Check the router');
    expect(byTest(wrapper, 'todo-needs-audit').exists()).toBe(true);
    expect(byTest(wrapper, 'delete').exists()).toBe(false);
    expect(byTest(wrapper, 'verify-status').text()).toBe('not started');
  });

  it('says where to turn UPnP off: the mapped recorders’ brands first, then the router families, unconfirmed paths as “look for”', async () => {
    const [console, sdk, http, dahua] = fakeMappings();
    const hik = { id: sdk!.device!.id, name: 'Shop NVR', brand: 'Hikvision' };
    const mappings = [
      console!,
      { ...sdk!, device: hik },
      { ...http!, device: hik },
      { ...dahua!, device: { ...dahua!.device!, brand: 'Dahua' } },
    ];
    fakeUpnp(api, { audit: fakeAudit({ mappings }) });
    const wrapper = await mountStep();
    const recorders = byTest(wrapper, 'turn-off-recorders')
      .findAll('li')
      .map((li) => li.text());
    expect(recorders.map((t) => t.split(':')[0])).toEqual(['Hikvision', 'Dahua (and Amcrest, Lorex OEM)']);
    expect(recorders[0]).toContain('Network settings > Advanced Settings > NAT (UPnP)');
    const router = byTest(wrapper, 'turn-off-router')
      .findAll('li')
      .map((li) => li.text());
    expect(router).toContainEqual(expect.stringMatching(/^MikroTik RouterOS: \/ip upnp set enabled=no/));
    expect(router).toContainEqual(expect.stringMatching(/^ASUS \/ Asuswrt-Merlin: look for /));
  });

  it('with no camera mapped, every recorder brand’s way to turn UPnP off is listed', async () => {
    const [console] = fakeMappings();
    fakeUpnp(api, { audit: fakeAudit({ mappings: [console!] }) });
    const wrapper = await mountStep();
    const recorders = byTest(wrapper, 'turn-off-recorders')
      .findAll('li')
      .map((li) => li.text().split(':')[0]);
    expect(recorders).toEqual(['Hikvision', 'Dahua (and Amcrest, Lorex OEM)', 'Any other brand']);
  });

  it('a saved audit that cannot be read is said in plain words', async () => {
    api.handlers['upnp.get'] = () => failed('INTERNAL', 'The setup file could not be read.');
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'upnp-load-error').text()).toContain('The setup file could not be read.');
  });

  it('the Verify line is main’s status: verified when neither UPnP nor NAT-PMP answers', async () => {
    setup = setupWithNvr({
      steps: { ...setupWithNvr().steps, upnp: { status: 'verified', updatedAt: '2025-03-01T12:00:00.000Z' } },
    });
    fakeUpnp(api, { audit: fakeAudit({ igd: null, mappings: [], natPmp: { present: false, externalAddress: null } }) });
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'verify-status').text()).toBe('verified');
    expect(byTest(wrapper, 'verify-reason').text()).toContain('Neither UPnP nor NAT-PMP answers');
    expect(byTest(wrapper, 'router-igd').text()).toBe('no UPnP gateway answered');
    expect(byTest(wrapper, 'router-natpmp').text()).toBe('no answer (off)');
    expect(byTest(wrapper, 'todo-nothing-mapped').exists()).toBe(true);
  });
});

describe('UPnP step: the check', () => {
  it('asks main, shows the progress with Cancel, then the new list; the keyboard goes back to the button', async () => {
    fakeUpnp(api);
    const wrapper = await mountStep();
    await stopFirstVisitCheck(wrapper, api);
    await byTest(wrapper, 'check').trigger('click');
    await flushPromises();
    // The first visit's check (stopped above), then the one pressed.
    expect(inputsOf('upnp.audit')).toEqual([{}, {}]);
    expect(document.activeElement).toBe(byTest(wrapper, 'check-cancel').element);
    progress(AUDIT_JOB, 'upnp-audit', 'Reading every port mapping the router holds…');
    await flushPromises();
    expect(byTest(wrapper, 'check-progress').exists()).toBe(true);
    expect(byTest(wrapper, 'check-message').text()).toBe('Reading every port mapping the router holds…');
    expect(byTest(wrapper, 'check').attributes('disabled')).toBeDefined();
    const audit = fakeAudit();
    api.handlers['upnp.get'] = () => ok({ audit, deleted: null });
    const recordReads = api.count('setup.get');
    api.emit('upnp.onAudit', { jobId: AUDIT_JOB, audit });
    done(AUDIT_JOB, 'upnp-audit');
    await flushPromises();
    expect(byTest(wrapper, 'check-progress').exists()).toBe(false);
    expect(rowKeys(wrapper)).toHaveLength(4);
    // The step's status comes from main's record, read again after the job.
    expect(api.count('setup.get')).toBeGreaterThan(recordReads);
    expect(document.activeElement).toBe(byTest(wrapper, 'check').element);
  });

  it('Cancel asks main to stop this job; the last complete check stays, and the keyboard goes back', async () => {
    fakeUpnp(api, { audit: fakeAudit() });
    const wrapper = await mountStep();
    await byTest(wrapper, 'check').trigger('click');
    await flushPromises();
    await byTest(wrapper, 'check-cancel').trigger('click');
    await flushPromises();
    expect(inputsOf('job.cancel')).toEqual([{ jobId: AUDIT_JOB }]);
    api.emit('job.onDone', {
      jobId: AUDIT_JOB,
      kind: 'upnp-audit',
      outcome: 'cancelled',
      error: { code: 'CANCELLED', message: 'The operation was cancelled.' },
    });
    await flushPromises();
    expect(byTest(wrapper, 'check-message').text()).toBe('The check was stopped; the last complete check is shown.');
    expect(byTest(wrapper, 'check-error').exists()).toBe(false);
    expect(rowKeys(wrapper)).toHaveLength(4);
    expect(document.activeElement).toBe(byTest(wrapper, 'check').element);
  });

  it('a failed check says why in plain words, without the command line', async () => {
    fakeUpnp(api);
    const wrapper = await mountStep();
    await stopFirstVisitCheck(wrapper, api);
    await byTest(wrapper, 'check').trigger('click');
    await flushPromises();
    done(AUDIT_JOB, 'upnp-audit', {
      code: 'INTERNAL',
      message: 'The router did not answer in time (`nvr-assist upnp`).',
    });
    await flushPromises();
    expect(byTest(wrapper, 'check-error').text()).toBe(
      'The router check did not work. The router did not answer in time.',
    );
  });

  it('a check main refuses to start is said, and no job is followed', async () => {
    fakeUpnp(api);
    api.handlers['upnp.audit'] = () =>
      failed('SETUP_BUSY', 'Another copy of the app is saving your progress right now.');
    const wrapper = await mountStep();
    await byTest(wrapper, 'check').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'check-error').text()).toContain(
      'Another copy of the app is saving your progress right now.',
    );
    expect(byTest(wrapper, 'check-cancel').isVisible()).toBe(false);
    expect(byTest(wrapper, 'check').attributes('disabled')).toBeUndefined();
  });

  it('a new list keeps the ticks the user changed for mappings still listed', async () => {
    fakeUpnp(api, { audit: fakeAudit() });
    const wrapper = await mountStep();
    await allByTest(wrapper, 'mapping-pick')[0]!.setValue(false); // TCP/80 unticked
    await allByTest(wrapper, 'mapping-pick')[3]!.setValue(true); // UDP/3074 ticked
    expect(ticked(wrapper)).toEqual(['TCP/8000', 'TCP/37777', 'UDP/3074']);
    await byTest(wrapper, 'check').trigger('click');
    await flushPromises();
    const [console, , http] = fakeMappings();
    const next = fakeAudit({ measuredAt: '2025-03-01T12:05:00.000Z', mappings: [console!, http!] });
    api.emit('upnp.onAudit', { jobId: AUDIT_JOB, audit: next });
    done(AUDIT_JOB, 'upnp-audit');
    await flushPromises();
    expect(rowKeys(wrapper)).toEqual(['TCP/80', 'UDP/3074']);
    expect(ticked(wrapper)).toEqual(['UDP/3074']);
  });
});

describe('UPnP step: deleting', () => {
  it('only the proposed mappings ticked (to cameras and recorders): Delete deletes at once, and says so beforehand', async () => {
    fakeUpnp(api, { audit: fakeAudit() });
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'delete').text()).toBe('Delete the chosen mappings (3)');
    expect(byTest(wrapper, 'delete-at-once').text()).toContain(
      'The router stops forwarding these ports from the internet.',
    );
    expect(api.count('upnp.delete')).toBe(0);
    await byTest(wrapper, 'delete').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'delete-confirm').exists()).toBe(false);
    expect(api.count('upnp.delete')).toBe(1);
  });

  it('a mapping beyond the proposal ticked (a console’s): asks first, naming each chosen mapping; nothing is sent before “yes”, Escape closes it', async () => {
    fakeUpnp(api, { audit: fakeAudit() });
    const wrapper = await mountStep();
    await allByTest(wrapper, 'mapping-pick')[3]!.setValue(true); // UDP/3074, the console's
    expect(byTest(wrapper, 'delete').text()).toBe('Delete the chosen mappings (4)…');
    expect(byTest(wrapper, 'delete-at-once').exists()).toBe(false);
    await byTest(wrapper, 'delete').trigger('click');
    await flushPromises();
    const confirm = byTest(wrapper, 'delete-confirm');
    expect(confirm.attributes('role')).toBe('alertdialog');
    expect(confirm.text()).toContain('Delete 4 mappings on the router?');
    const listed = byTest(wrapper, 'delete-confirm-list')
      .findAll('li')
      .map((li) => li.text());
    expect(listed).toHaveLength(4);
    expect(listed[1]).toContain('TCP 8000 → 192.168.1.64:8000, Shop NVR (“Hikvision SDK”)');
    expect(document.activeElement).toBe(byTest(wrapper, 'delete-confirm-yes').element);
    expect(api.count('upnp.delete')).toBe(0);
    await confirm.trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(byTest(wrapper, 'delete-confirm').exists()).toBe(false);
    expect(document.activeElement).toBe(byTest(wrapper, 'delete').element);
    expect(api.count('upnp.delete')).toBe(0);
  });

  it('nothing ticked: Delete cannot be pressed, and the page says why', async () => {
    fakeUpnp(api, { audit: fakeAudit() });
    const wrapper = await mountStep();
    for (const box of allByTest(wrapper, 'mapping-pick').slice(0, 3)) await box.setValue(false);
    expect(byTest(wrapper, 'delete').attributes('disabled')).toBeDefined();
    expect(byTest(wrapper, 'delete-state').text()).toBe('Tick the mappings to delete in the table above.');
    await byTest(wrapper, 'delete').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'delete-confirm').exists()).toBe(false);
  });

  it('sends exactly the ticked mappings, shows the progress, then each result and the list read again', async () => {
    const wrapper = await deleted();
    expect(inputsOf('upnp.delete')).toEqual([
      {
        mappings: [
          { protocol: 'TCP', externalPort: 80 },
          { protocol: 'TCP', externalPort: 8000 },
          { protocol: 'TCP', externalPort: 37777 },
        ],
      },
    ]);
    expect(document.activeElement).toBe(byTest(wrapper, 'delete-cancel').element);
    progress(DELETE_JOB, 'upnp-delete', 'Deleting TCP 8000…');
    await flushPromises();
    expect(byTest(wrapper, 'delete-progress').exists()).toBe(true);
    expect(byTest(wrapper, 'delete-message').text()).toBe('Deleting TCP 8000…');
    const [console, , http] = fakeMappings();
    const after = fakeAudit({ measuredAt: '2025-03-01T12:10:00.000Z', mappings: [console!, http!] });
    const deletions = [
      fakeDeletion({
        externalPort: 80,
        gone: false,
        message: 'The router said it deleted the mapping, but still lists it.',
      }),
      fakeDeletion({ externalPort: 8000 }),
      fakeDeletion({ externalPort: 37777, accepted: true, gone: true }),
    ];
    api.handlers['upnp.get'] = () => ok({ audit: after, deleted: deletions });
    api.emit('upnp.onDeleted', { jobId: DELETE_JOB, result: fakeDeleteResult(deletions, after) });
    done(DELETE_JOB, 'upnp-delete');
    await flushPromises();
    expect(byTest(wrapper, 'delete-progress').exists()).toBe(false);
    const results = allByTest(wrapper, 'deletion');
    expect(results.map((r) => r.find('[data-testid="deletion-outcome"]').text())).toEqual(['NOT GONE', 'Gone', 'Gone']);
    expect(results[0]!.find('[data-testid="deletion-message"]').text()).toBe(
      'The router said it deleted the mapping, but still lists it.',
    );
    // A mapping gone from the list is still named by what was sent.
    expect(results[1]!.text()).toContain('TCP 8000 → 192.168.1.64:8000, Shop NVR');
    expect(results[1]!.find('[data-testid="deletion-message"]').exists()).toBe(false);
    expect(byTest(wrapper, 'deletions').text()).toContain('What the router did');
    // The table is the list read again.
    expect(rowKeys(wrapper)).toEqual(['TCP/80', 'UDP/3074']);
    expect(document.activeElement).toBe(byTest(wrapper, 'delete').element);
  });

  it('a 606 refusal shows the router’s words and what to do instead (turn UPnP off on the device, the router’s page)', async () => {
    const wrapper = await deleted();
    const after = fakeAudit({ measuredAt: '2025-03-01T12:10:00.000Z' });
    const deletions = [
      fakeDeletion({ externalPort: 80, accepted: false, gone: false, errorCode: 606, message: REFUSED_606 }),
      fakeDeletion({
        externalPort: 8000,
        accepted: false,
        gone: false,
        errorCode: 501,
        message: 'The router could not carry out the request. (UPnP error 501, Action Failed)',
      }),
      fakeDeletion({
        externalPort: 37777,
        accepted: false,
        gone: false,
        errorCode: null,
        message: 'The router does not list this mapping (any more): nothing to delete.',
      }),
    ];
    api.emit('upnp.onDeleted', { jobId: DELETE_JOB, result: fakeDeleteResult(deletions, after) });
    done(DELETE_JOB, 'upnp-delete');
    await flushPromises();
    const results = allByTest(wrapper, 'deletion');
    expect(results.map((r) => r.find('[data-testid="deletion-outcome"]').text())).toEqual([
      'Refused',
      'Refused',
      'Not sent',
    ]);
    expect(results[0]!.find('[data-testid="deletion-message"]').text()).toBe(REFUSED_606);
    const words = results[0]!.find('[data-testid="deletion-606"]').text();
    expect(words).toContain('only the mappings it opened itself');
    expect(words).toContain('Turn UPnP off on that device');
    expect(words).toContain('on the router’s own page');
    // Only 606 gets those words: another refusal keeps the router's own.
    expect(results[1]!.find('[data-testid="deletion-606"]').exists()).toBe(false);
    expect(results[1]!.find('[data-testid="deletion-message"]').text()).toContain('UPnP error 501');
    expect(results[2]!.find('[data-testid="deletion-message"]').text()).toContain('nothing to delete');
  });

  it('a failed deletion says why in plain words', async () => {
    const wrapper = await deleted();
    done(DELETE_JOB, 'upnp-delete', { code: 'INTERNAL', message: 'The router stopped answering.' });
    await flushPromises();
    expect(byTest(wrapper, 'delete-error').text()).toBe('The deletion did not work. The router stopped answering.');
    expect(allByTest(wrapper, 'deletion')).toHaveLength(0);
  });

  it('Cancel asks main to stop the deletion', async () => {
    const wrapper = await deleted();
    await byTest(wrapper, 'delete-cancel').trigger('click');
    await flushPromises();
    expect(inputsOf('job.cancel')).toEqual([{ jobId: DELETE_JOB }]);
  });

  it('the deletions main saved are shown when the page opens, with the router’s words', async () => {
    fakeUpnp(api, {
      audit: fakeAudit(),
      deleted: [
        fakeDeletion({ externalPort: 8000, accepted: false, gone: false, errorCode: 606, message: REFUSED_606 }),
      ],
    });
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'deletions').text()).toContain('Deleted before (newest first)');
    expect(byTest(wrapper, 'deletion-outcome').text()).toBe('Refused');
    expect(byTest(wrapper, 'deletion').text()).toContain('192.168.1.64:8000, Shop NVR');
    expect(byTest(wrapper, 'deletion-606').exists()).toBe(true);
  });
});
