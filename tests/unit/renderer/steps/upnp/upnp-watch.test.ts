// @vitest-environment happy-dom
// The UPnP page's timed re-check (issue 12: "re-checked after the device's renewal interval, so a mapping that comes
// back is caught and named"): after a deletion, the wait main computed is offered; the countdown is the job's
// progress with Cancel; then what came back is named with its device, or said to be still gone.
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { discoveryList, ok } from '../../fake-api';
import { api, mountStep, useStepHarness } from '../../mount-step';
import type { UpnpRecheck } from '../../../../../src/shared/domain/upnp';
import {
  DELETE_JOB,
  WATCH_JOB,
  fakeAudit,
  fakeDeleteResult,
  fakeDeletion,
  fakeMappings,
  fakeUpnp,
  setupWithNvr,
} from './fake-upnp';

useStepHarness({
  path: '/step/upnp',
  handlers: () => {
    const setup = setupWithNvr();
    return { 'setup.get': () => ok({ setup, notice: null }), 'discovery.list': () => discoveryList() };
  },
});

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);
const watchCalls = () => api.calls.filter((c) => c.channel === 'upnp.watch').map((c) => c.input);

function recheck(over: Partial<UpnpRecheck> = {}): UpnpRecheck {
  return {
    at: '2025-03-01T12:12:00.000Z',
    waitedS: 120,
    watched: [{ protocol: 'TCP', externalPort: 8000 }],
    cameBack: [],
    outcome: 'still-gone',
    ...over,
  };
}

function emitWatched(r: UpnpRecheck): void {
  api.emit('upnp.onWatched', { jobId: WATCH_JOB, result: { recheck: r, audit: fakeAudit() } });
  api.emit('job.onDone', { jobId: WATCH_JOB, kind: 'upnp-watch', outcome: 'ok', error: null });
}

describe('UPnP step: PCP beside NAT-PMP', () => {
  it('a router that answers PCP too says so in its NAT-PMP / PCP line', async () => {
    fakeUpnp(api, { audit: fakeAudit({ natPmp: { present: true, externalAddress: '203.0.113.2', pcp: true } }) });
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'router-natpmp').text()).toBe('answers (external address 203.0.113.2); PCP answers too');
  });
});

describe('UPnP step: the timed re-check after a deletion', () => {
  it('is not offered before anything was deleted', async () => {
    fakeUpnp(api, { audit: fakeAudit() });
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'upnp-watch').exists()).toBe(false);
  });

  it('after a deletion main proved, offers main’s wait (2 min for a permanent mapping) and says why', async () => {
    fakeUpnp(api, { audit: fakeAudit() });
    const wrapper = await mountStep();
    await byTest(wrapper, 'delete').trigger('click'); // only cameras' mappings ticked: deleted at once
    await flushPromises();
    const after = fakeAudit({ mappings: fakeMappings().filter((m) => m.externalPort !== 8000) });
    api.emit('upnp.onDeleted', {
      jobId: DELETE_JOB,
      result: { ...fakeDeleteResult([fakeDeletion()], after), recheckAfterS: 120 },
    });
    await flushPromises();
    const section = byTest(wrapper, 'upnp-watch');
    expect(section.exists()).toBe(true);
    expect(section.text()).toContain('opens a deleted mapping again when it renews it');
    expect(section.text()).toContain('waits 2 min');
    expect(byTest(wrapper, 'watch-start').text()).toBe('Check again in 2 min');
  });

  it('starts main’s wait (no seconds of its own), shows the countdown with Cancel, the keyboard on Cancel', async () => {
    fakeUpnp(api, { audit: fakeAudit(), recheckAfterS: 600 });
    const wrapper = await mountStep();
    expect(byTest(wrapper, 'watch-start').text()).toBe('Check again in 10 min');
    await byTest(wrapper, 'watch-start').trigger('click');
    await flushPromises();
    expect(watchCalls()).toEqual([{}]);
    api.emit('job.onProgress', {
      jobId: WATCH_JOB,
      kind: 'upnp-watch',
      done: 5,
      total: 600,
      message: 'Re-checking TCP 8000 in 595 s…',
    });
    await flushPromises();
    expect(byTest(wrapper, 'watch-progress').exists()).toBe(true);
    expect(byTest(wrapper, 'watch-message').text()).toBe('Re-checking TCP 8000 in 595 s…');
    const cancel = byTest(wrapper, 'watch-cancel');
    expect(cancel.isVisible()).toBe(true);
    expect(document.activeElement).toBe(cancel.element);
  });

  it('Cancel stops main’s wait, nothing is read, and the page says so', async () => {
    fakeUpnp(api, { audit: fakeAudit(), recheckAfterS: 120 });
    const wrapper = await mountStep();
    await byTest(wrapper, 'watch-start').trigger('click');
    await flushPromises();
    await byTest(wrapper, 'watch-cancel').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'job.cancel').map((c) => c.input)).toEqual([{ jobId: WATCH_JOB }]);
    api.emit('job.onDone', { jobId: WATCH_JOB, kind: 'upnp-watch', outcome: 'cancelled', error: null });
    await flushPromises();
    expect(byTest(wrapper, 'watch-message').text()).toBe('The wait was stopped; nothing was read.');
    expect(byTest(wrapper, 'watch-result').exists()).toBe(false);
  });

  it('a mapping that came back is named with its device, as an alert, with what to do', async () => {
    fakeUpnp(api, { audit: fakeAudit(), recheckAfterS: 120 });
    const wrapper = await mountStep();
    await byTest(wrapper, 'watch-start').trigger('click');
    await flushPromises();
    emitWatched(
      recheck({
        outcome: 'came-back',
        cameBack: [
          {
            protocol: 'TCP',
            externalPort: 8000,
            internalClient: '192.168.1.64',
            internalPort: 8000,
            device: 'Shop NVR',
          },
        ],
      }),
    );
    await flushPromises();
    const result = byTest(wrapper, 'watch-result');
    expect(result.attributes('role')).toBe('alert');
    expect(result.attributes('data-outcome')).toBe('came-back');
    expect(result.text()).toContain('Opened again after 2 min:');
    expect(result.text()).toContain('TCP 8000 → 192.168.1.64:8000, by Shop NVR');
    expect(result.text()).toContain('That device still has UPnP on');
  });

  it('still gone is said as a status with what was looked for; unproven says the list was not read to its end', async () => {
    fakeUpnp(api, { audit: fakeAudit(), recheck: recheck() });
    const wrapper = await mountStep();
    let result = byTest(wrapper, 'watch-result');
    expect(result.attributes('role')).toBe('status');
    expect(result.text()).toMatch(/^Still gone after 2 min: TCP 8000 \(read /);
    await byTest(wrapper, 'watch-start').trigger('click');
    await flushPromises();
    emitWatched(recheck({ at: '2025-03-01T12:20:00.000Z', outcome: 'unproven', waitedS: 30 }));
    await flushPromises();
    result = byTest(wrapper, 'watch-result');
    expect(result.attributes('data-outcome')).toBe('unproven');
    expect(result.text()).toContain('could not be read to its end after 30 s');
  });

  it('a failed re-check says why in plain words', async () => {
    fakeUpnp(api, { audit: fakeAudit(), recheckAfterS: 120 });
    const wrapper = await mountStep();
    await byTest(wrapper, 'watch-start').trigger('click');
    await flushPromises();
    api.emit('job.onDone', {
      jobId: WATCH_JOB,
      kind: 'upnp-watch',
      outcome: 'failed',
      error: {
        code: 'UPNP_NO_GATEWAY',
        message: 'No default gateway: the computer is not on a network with a router.',
      },
    });
    await flushPromises();
    expect(byTest(wrapper, 'watch-error').text()).toContain('The re-check did not work.');
    expect(byTest(wrapper, 'watch-error').text()).toContain('No default gateway');
  });
});
