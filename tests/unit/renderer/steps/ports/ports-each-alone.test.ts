// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import {
  APPLY_JOB,
  REOLINK,
  fakeApplyResult,
  fakePortPlan,
  fakePortReport,
  fakePorts,
  portsPage,
} from '../../fake-ports';
import { api, mountStep, useStepHarness } from '../../mount-step';

useStepHarness(portsPage());

const byTest = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${id}"]`);

/** The NVR refused HTTP and RTSP together; the app put both back and checked them. */
const refusedTogether = fakeApplyResult({
  outcome: 'restored',
  message: 'The NVR refused the new ports (it answered with an error). The app put the previous ports back.',
  changes: [
    { role: 'http', from: 80, to: 12080, verified: false, evidence: 'refused' },
    { role: 'rtsp', from: 554, to: 10554, verified: false, evidence: 'refused' },
  ],
});

describe('Ports step: after the NVR refused a combined change', () => {
  it('offers to move each port on its own; one click sends the same ports, one at a time', async () => {
    fakePorts(api, { report: fakePortReport(), plan: fakePortPlan(), lastChange: refusedTogether });
    const wrapper = await mountStep();
    const offer = byTest(wrapper, 'each-alone');
    expect(offer.exists()).toBe(true);
    expect(offer.text()).toMatch(/refused these ports together/);
    expect(offer.text()).toContain('to 12080, then');
    await byTest(wrapper, 'apply-each').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'ports.apply').map((c) => c.input)).toEqual([
      {
        deviceId: REOLINK.id,
        changes: [
          { role: 'http', to: 12080 },
          { role: 'rtsp', to: 10554 },
        ],
        oneAtATime: true,
      },
    ]);
  });

  it('shows what moved and what the NVR keeps, and what that means for forwarding; the offer goes', async () => {
    const saved = fakePorts(api, { report: fakePortReport(), plan: fakePortPlan(), lastChange: refusedTogether });
    const wrapper = await mountStep();
    await byTest(wrapper, 'apply-each').trigger('click');
    await flushPromises();
    const partial = fakeApplyResult({
      outcome: 'partial',
      message:
        'Done, and checked: the web page (HTTP) from 80 to 12080. The NVR keeps the video streams (RTSP) on 554: it refused to move it, and the app put it back and checked. Do not forward RTSP: watch the video from outside through the VPN or the maker’s app.',
      changes: [
        { role: 'http', from: 80, to: 12080, verified: true, evidence: '80 refuses connections; 12080 answers HTTP' },
        { role: 'rtsp', from: 554, to: 10554, verified: false, evidence: 'refused' },
      ],
    });
    saved.lastChange = partial; // what main saved with the change
    api.emit('ports.onApplied', { jobId: APPLY_JOB, result: partial });
    api.emit('job.onDone', { jobId: APPLY_JOB, kind: 'ports-apply', outcome: 'ok', error: null });
    await flushPromises();
    expect(byTest(wrapper, 'change-outcome').text()).toBe('partly moved');
    expect(byTest(wrapper, 'change-message').text()).toMatch(/Do not forward RTSP/);
    expect(byTest(wrapper, 'each-alone').exists()).toBe(false);
    // What moved can be put back; what the NVR kept is not offered.
    await byTest(wrapper, 'revert').trigger('click');
    await flushPromises();
    expect(byTest(wrapper, 'revert-confirm').text()).toContain('12080 → 80');
    expect(byTest(wrapper, 'revert-confirm').text()).not.toContain('554');
  });

  it('a single refused port, or a verified change, offers nothing of the kind', async () => {
    fakePorts(api, {
      report: fakePortReport(),
      plan: fakePortPlan(),
      lastChange: fakeApplyResult({ outcome: 'restored', changes: [refusedTogether.changes[0]!] }),
    });
    const single = await mountStep();
    expect(byTest(single, 'each-alone').exists()).toBe(false);
  });
});
