// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { failed, fakeSetup, ok } from '../../fake-api';
import { api, mountStep, useStepHarness } from '../../mount-step';
import { judgePublicAddress, type PublicAddressCheck } from '../../../../../src/shared/domain/public-address';
import { judgeIpv6 } from '../../../../../src/shared/domain/ipv6-facts';

const JOB = 'job-internet1';

function fakeCheck(wan: string | null, seen = '203.0.113.2'): PublicAddressCheck {
  const input = {
    gateway: '192.168.1.1',
    router: { address: wan, source: wan ? ('igd' as const) : null, readAt: wan ? '2026-01-01T00:00:00.000Z' : null },
    stun: { server: 'stun.example.net:3478', address: seen, error: null },
    checker: { server: 'https://checker.example/', address: seen, error: null },
  };
  return { measuredAt: '2026-01-01T00:00:00.000Z', ...input, ...judgePublicAddress(input), changed: null };
}

let saved: PublicAddressCheck | null = null;
useStepHarness({
  path: '/step/internet',
  handlers: () => {
    saved = null;
    return {
      'setup.get': () => ok({ setup: fakeSetup(), notice: null }),
      'internet.get': () =>
        ok({
          check: saved,
          history: [],
          servers: { stun: 'stun.example.net:3478', checker: 'https://checker.example/' },
        }),
      'internet.check': () => ok({ jobId: JOB }),
    };
  },
});

const byTest = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`);

describe('Internet step', () => {
  it('contacts nothing on opening: shows the servers it would ask and “Not checked yet.”', async () => {
    const w = await mountStep();
    expect(api.calls.some((c) => c.channel === 'internet.check')).toBe(false);
    expect(byTest(w, 'internet-empty').text()).toMatch(/Not checked yet/);
    expect((byTest(w, 'internet-stun-input').element as HTMLInputElement).value).toBe('stun.example.net:3478');
    expect((byTest(w, 'internet-checker-input').element as HTMLInputElement).value).toBe('https://checker.example/');
  });

  it('the check asks main with the servers in the fields, and shows the verdict and its way forward', async () => {
    const w = await mountStep();
    await byTest(w, 'internet-stun-input').setValue('198.51.100.3:3478');
    await byTest(w, 'check').trigger('click');
    await flushPromises();
    expect(api.calls.filter((c) => c.channel === 'internet.check').map((c) => c.input)).toEqual([
      { stun: '198.51.100.3:3478', checker: 'https://checker.example/' },
    ]);
    api.emit('internet.onCheck', { jobId: JOB, check: fakeCheck('192.168.0.2') });
    await flushPromises();
    expect(w.text()).toContain('Double NAT: an ISP box sits in front of your router');
    expect(byTest(w, 'internet-advice').text()).toMatch(/bridge mode/);
    expect(byTest(w, 'internet-router').text()).toContain('192.168.0.2');
  });

  it('shows a saved CGNAT verdict with what to ask the ISP', async () => {
    saved = fakeCheck('100.64.0.2', '203.0.113.3');
    const w = await mountStep();
    expect(w.text()).toContain('Carrier-grade NAT');
    expect(byTest(w, 'internet-advice').text()).toMatch(/public IPv4 address/);
    expect(byTest(w, 'internet-public').text()).toContain('203.0.113.3');
  });

  it('says what IPv6 means here: the NVR’s global address named and the router’s IPv6 firewall as what protects it', async () => {
    saved = { ...fakeCheck('203.0.113.2'), ipv6: judgeIpv6(['2a02:8070::10'], ['192.168.1.64', '2a02:8070::64']) };
    const w = await mountStep();
    const note = byTest(w, 'internet-ipv6');
    expect(note.attributes('data-code')).toBe('nvr');
    expect(note.text()).toMatch(/^IPv6: Your NVR has a global IPv6 address \(2a02:8070::64\)/);
    expect(note.text()).toContain('the router’s IPv6 firewall alone decides what gets in');
  });

  it('a check saved before IPv6 was read shows no IPv6 part (nothing made up)', async () => {
    saved = fakeCheck('203.0.113.2');
    const w = await mountStep();
    expect(byTest(w, 'internet-ipv6').exists()).toBe(false);
  });

  it('a saved check that cannot be read is said as an alert above the parts, in plain words', async () => {
    api.handlers['internet.get'] = () => failed('INTERNAL', 'The setup file could not be read.');
    const w = await mountStep();
    const alert = byTest(w, 'internet-load-error');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toBe('The saved check could not be read. The setup file could not be read.');
  });
});
