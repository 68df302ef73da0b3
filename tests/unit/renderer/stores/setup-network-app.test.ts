// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useSetupStore } from '../../../../src/renderer/stores/setup';
import { useNetworkStore } from '../../../../src/renderer/stores/network';
import { useAppStore } from '../../../../src/renderer/stores/app';
import { appInfo, createFakeApi, fakeReport, fakeSetup, failed, ok, type FakeApi } from '../fake-api';
import { STEPS } from '../../../../src/shared/domain/steps';

let api: FakeApi;

beforeEach(() => {
  setActivePinia(createPinia());
  api = createFakeApi();
  window.api = api;
});
afterEach(() => {
  delete window.api;
});

describe('useSetupStore', () => {
  it('resumes at the first step not done that the chosen way needs: with the VPN way, past Ports to Security', async () => {
    const done = { status: 'verified' as const, updatedAt: 'x' };
    const steps = { network: done, find: done, 'static-ip': done };
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup({ approach: 'vpn', steps }), notice: null });
    const setup = useSetupStore();
    await setup.load();
    // The first step after the three done, in the list's order, that the VPN way needs (Security today).
    const firstNeeded = STEPS.map((s) => s.id).find((id) => !(id in steps) && id !== 'ports' && id !== 'rules');
    expect(setup.resumeStepId).toBe(firstNeeded);
    expect(setup.resumeStepId).not.toBe('ports');
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup({ approach: 'port-forwarding', steps }), notice: null });
    await setup.load();
    expect(setup.resumeStepId).toBe('ports');
  });

  it('loads a fresh setup: every step not started, nothing verified, resume at the network step', async () => {
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup(), notice: null });
    const setup = useSetupStore();
    expect(await setup.load()).toBe(true);
    expect(setup.record?.approach).toBeNull();
    expect(setup.steps.every((s) => s.status === 'not-started')).toBe(true);
    expect(setup.steps.find((s) => s.id === 'find')?.available).toBe(true);
    expect(setup.steps.find((s) => s.id === 'static-ip')?.available).toBe(true);
    // Every step of this version has its page (the last planned ones, Security, Verify and Checklist, landed).
    expect(setup.steps.every((s) => s.available)).toBe(true);
    expect(setup.verifiedCount).toBe(0);
    expect(setup.resumeStepId).toBe('network');
    expect(setup.visibleNotice).toBeNull();
    expect(api.calls.map((c) => c.channel)).toEqual(['setup.get']);
  });

  it('resumes a half-done setup with the saved approach, interface and step status', async () => {
    const saved = fakeSetup({
      approach: 'vpn',
      interfaceName: 'wlan0',
      network: fakeReport({ chosenInterface: 'wlan0' }),
      steps: { network: { status: 'verified', updatedAt: '2025-03-01T10:00:00.000Z' } },
    });
    api.handlers['setup.get'] = () => ok({ setup: saved, notice: null });
    const setup = useSetupStore();
    const network = useNetworkStore();
    await setup.load();
    expect(setup.approach).toBe('vpn');
    expect(setup.statusOf('network')).toBe('verified');
    expect(setup.verifiedCount).toBe(1);
    // The saved measurement is shown before the app re-measures, with the saved choice.
    expect(network.report?.measuredAt).toBe('2025-03-01T10:00:00.000Z');
    expect(network.chosenInterface).toBe('wlan0');
    expect(network.effectiveInterface).toBe('wlan0');
  });

  it('keeps the recovered-file notice with its backup file until dismissed', async () => {
    const notice = {
      code: 'SETUP_RECOVERED' as const,
      message: 'Your saved progress could not be read. It was kept as setup.json.corrupt-1 and the setup starts fresh.',
      backupFile: '/home/u/.config/nvr-assist/setup.json.corrupt-1',
    };
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup(), notice });
    const setup = useSetupStore();
    await setup.load();
    expect(setup.visibleNotice?.backupFile).toBe(notice.backupFile);
    setup.dismissNotice();
    expect(setup.visibleNotice).toBeNull();
    expect(setup.notice?.code).toBe('SETUP_RECOVERED');
  });

  it('shows the error message in plain words when the setup cannot be loaded', async () => {
    api.handlers['setup.get'] = () => failed('SETUP_WRITE_FAILED', 'Your saved progress could not be read.');
    const setup = useSetupStore();
    expect(await setup.load()).toBe(false);
    expect(setup.error).toBe('Your saved progress could not be read.');
    expect(setup.record).toBeNull();
    expect(setup.loading).toBe(false);
  });

  it('refuses an answer that does not match the contract instead of storing it', async () => {
    api.handlers['setup.get'] = () => ok({ setup: { approach: 'telnet' }, notice: null });
    const setup = useSetupStore();
    expect(await setup.load()).toBe(false);
    expect(setup.record).toBeNull();
    expect(setup.error).toMatch(/unexpected form/);
  });

  it('saves a chosen approach through main, and keeps the previous one when saving fails', async () => {
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup({ approach: 'vpn' }), notice: null });
    const setup = useSetupStore();
    await setup.load();

    api.handlers['setup.chooseApproach'] = () =>
      failed('SETUP_WRITE_FAILED', 'Your progress could not be saved to disk.');
    expect(await setup.chooseApproach('port-forwarding')).toBe(false);
    expect(setup.approach).toBe('vpn');
    expect(setup.saveError).toBe('Your progress could not be saved to disk.');

    api.handlers['setup.chooseApproach'] = (input) =>
      ok(
        fakeSetup({
          approach: (input as { approach: 'vendor-cloud' }).approach,
          updatedAt: '2025-03-01T09:05:00.000Z',
        }),
      );
    expect(await setup.chooseApproach('vendor-cloud')).toBe(true);
    expect(setup.approach).toBe('vendor-cloud');
    expect(setup.saveError).toBeNull();
    expect(api.calls.at(-1)).toEqual({ channel: 'setup.chooseApproach', input: { approach: 'vendor-cloud' } });
  });

  it('follows setup.onChanged events from main, ignoring older records and malformed payloads', async () => {
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup({ updatedAt: '2025-03-01T09:10:00.000Z' }), notice: null });
    const setup = useSetupStore();
    await setup.load();
    expect(api.listenerCount('setup.onChanged')).toBe(1);
    api.emit('setup.onChanged', { setup: fakeSetup({ approach: 'vpn', updatedAt: '2025-03-01T09:11:00.000Z' }) });
    expect(setup.approach).toBe('vpn');
    api.emit('setup.onChanged', {
      setup: fakeSetup({ approach: 'vendor-cloud', updatedAt: '2025-03-01T09:00:00.000Z' }),
    });
    expect(setup.approach).toBe('vpn');
    api.emit('setup.onChanged', { setup: { approach: 'port-forwarding' } });
    expect(setup.approach).toBe('vpn');
  });

  it('starts over through setup.reset and clears the notice', async () => {
    api.handlers['setup.get'] = () =>
      ok({
        setup: fakeSetup({ approach: 'vpn' }),
        notice: { code: 'SETUP_RECOVERED', message: 'kept', backupFile: 'b' },
      });
    api.handlers['setup.reset'] = () =>
      ok(fakeSetup({ createdAt: '2025-03-02T00:00:00.000Z', updatedAt: '2025-03-02T00:00:00.000Z' }));
    const setup = useSetupStore();
    await setup.load();
    expect(await setup.reset()).toBe(true);
    expect(setup.approach).toBeNull();
    expect(setup.notice).toBeNull();
  });

  it('marks a skipped step with its reason', async () => {
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup(), notice: null });
    api.handlers['setup.skipStep'] = () =>
      ok(
        fakeSetup({
          updatedAt: '2025-03-01T09:30:00.000Z',
          steps: {
            upnp: { status: 'skipped', updatedAt: '2025-03-01T09:30:00.000Z', reason: 'My router has no UPnP.' },
          },
        }),
      );
    const setup = useSetupStore();
    await setup.load();
    await setup.skipStep('upnp', 'My router has no UPnP.');
    const upnp = setup.steps.find((s) => s.id === 'upnp');
    expect(upnp?.status).toBe('skipped');
    expect(upnp?.reason).toBe('My router has no UPnP.');
  });
});

describe('useNetworkStore', () => {
  it('measures the network and reloads the record main saved with the step status', async () => {
    let saved = fakeSetup();
    api.handlers['setup.get'] = () => ok({ setup: saved, notice: null });
    api.handlers['network.get'] = () => {
      saved = fakeSetup({
        network: fakeReport(),
        updatedAt: '2025-03-01T10:00:00.000Z',
        steps: {
          network: {
            status: 'working',
            updatedAt: '2025-03-01T10:00:00.000Z',
            reason: 'Choose how you want to reach the NVR.',
          },
        },
      });
      return ok(fakeReport());
    };
    const setup = useSetupStore();
    const network = useNetworkStore();
    await setup.load();
    expect(await network.refresh()).toBe(true);
    expect(network.interfaces.map((i) => i.name)).toEqual(['lo', 'eth0', 'wlan0', 'eth1']);
    expect(network.recommended?.interfaceName).toBe('eth0');
    expect(network.effectiveInterface).toBe('eth0');
    expect(network.chosenInterface).toBeNull();
    expect(setup.statusOf('network')).toBe('working');
    expect(network.loading).toBe(false);
  });

  it('keeps the last measurement and shows why when re-measuring fails', async () => {
    api.handlers['network.get'] = () => ok(fakeReport());
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup(), notice: null });
    const network = useNetworkStore();
    await network.refresh();
    api.handlers['network.get'] = () =>
      failed('PLATFORM_UNSUPPORTED', 'This check is not available on this operating system yet.');
    expect(await network.refresh()).toBe(false);
    expect(network.error).toBe('This check is not available on this operating system yet.');
    expect(network.interfaces).toHaveLength(4);
  });

  it('chooses an interface through main and takes the saved record', async () => {
    api.handlers['setup.get'] = () => ok({ setup: fakeSetup({ network: fakeReport() }), notice: null });
    api.handlers['setup.chooseInterface'] = (input) => {
      const name = (input as { interfaceName: string }).interfaceName;
      return ok(
        fakeSetup({
          interfaceName: name,
          network: fakeReport({ chosenInterface: name, measuredAt: '2025-03-01T10:05:00.000Z' }),
          updatedAt: '2025-03-01T10:05:00.000Z',
        }),
      );
    };
    const setup = useSetupStore();
    const network = useNetworkStore();
    await setup.load();
    expect(await network.chooseInterface('wlan0')).toBe(true);
    expect(api.calls.at(-1)).toEqual({ channel: 'setup.chooseInterface', input: { interfaceName: 'wlan0' } });
    expect(network.chosenInterface).toBe('wlan0');
    expect(setup.interfaceName).toBe('wlan0');
    expect(network.report?.measuredAt).toBe('2025-03-01T10:05:00.000Z');
  });

  it('keeps the previous interface and shows why when the choice is refused', async () => {
    api.handlers['setup.get'] = () =>
      ok({
        setup: fakeSetup({ interfaceName: 'eth0', network: fakeReport({ chosenInterface: 'eth0' }) }),
        notice: null,
      });
    api.handlers['setup.chooseInterface'] = () =>
      failed(
        'INTERFACE_UNUSABLE',
        'That network interface has no IPv4 address or is down, so the app cannot search the network through it.',
      );
    const setup = useSetupStore();
    const network = useNetworkStore();
    await setup.load();
    expect(await network.chooseInterface('eth1')).toBe(false);
    expect(network.chosenInterface).toBe('eth0');
    expect(network.chooseError).toMatch(/no IPv4 address or is down/);
    expect(network.choosing).toBeNull();
  });

  it('turns a thrown transport error into a plain message', async () => {
    api.handlers['network.get'] = () => {
      throw new Error('ipc exploded at /secret/path');
    };
    const network = useNetworkStore();
    expect(await network.refresh()).toBe(false);
    expect(network.error).not.toMatch(/secret/);
    expect(network.error).toMatch(/Something went wrong inside the app/);
  });
});

describe('useAppStore', () => {
  it('loads the app info and knows browser mode', async () => {
    api.handlers['app.info'] = () => appInfo(false, 'browser');
    const app = useAppStore();
    expect(await app.load()).toBe(true);
    expect(app.isBrowserMode).toBe(true);
    expect(app.info?.version).toBe('0.1.0');
  });
});
