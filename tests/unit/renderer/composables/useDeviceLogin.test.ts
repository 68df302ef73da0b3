// @vitest-environment happy-dom
// The login dialog as every page opens it: the user name it starts with (the one last sent to the device, else the
// brand's factory administrator), never a password.
import { describe, expect, it } from 'vitest';
import { useDeviceLogin } from '../../../../src/renderer/composables/useDeviceLogin';
import { useDeviceLoginStore } from '../../../../src/renderer/stores/device-login';
import { useSetupStore } from '../../../../src/renderer/stores/setup';
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import { failed, fakeDevice, loginAnswer, ok, searchedSetup } from '../fake-api';
import { api, useStepHarness } from '../mount-step';

const AXIS = fakeDevice({ id: 'mac:ac:cc:8e:00:00:70', mac: 'ac:cc:8e:00:00:70', brand: 'Axis', model: 'M3045-V' });

function chosen(device: DiscoveredDevice) {
  return searchedSetup({ nvr: { deviceId: device.id, device, chosenAt: '2025-03-01T10:20:00.000Z' } });
}

// A page of a later step: the record is loaded, the Find step's list is not.
useStepHarness({
  path: '/step/ports',
  handlers: () => ({ 'setup.get': () => ok({ setup: chosen(AXIS), notice: null }) }),
});

describe('useDeviceLogin: the user name the dialog starts with', () => {
  it('is the chosen NVR’s factory administrator on a page without the list (root for Axis), admin otherwise', async () => {
    await useSetupStore().load();
    const login = useDeviceLogin();
    expect(login.props).toBeNull();
    login.open(AXIS.id);
    expect(login.props?.initialUsername).toBe('root');
    expect(JSON.stringify(login.props)).not.toContain('pass');
    // A device this window knows nothing about: admin, the usual factory administrator.
    login.open('mac:02:00:00:00:00:01');
    expect(login.props?.initialUsername).toBe('admin');
    expect(login.startUsername('mac:02:00:00:00:00:01')).toBe('admin');
  });

  it('is the one last sent to the device, on every page (even when that login failed)', async () => {
    await useSetupStore().load();
    api.handlers['device.login'] = () => failed('LOGIN_WRONG_PASSWORD', 'The NVR refused the user name or password.');
    const onePage = useDeviceLogin();
    onePage.open(AXIS.id);
    expect(await onePage.submit({ username: 'onvifuser', password: 'x', remember: false })).toBe(false);
    onePage.close();
    onePage.open(AXIS.id);
    expect(onePage.props?.initialUsername).toBe('onvifuser');

    const anotherPage = useDeviceLogin();
    anotherPage.open(AXIS.id);
    expect(anotherPage.props?.initialUsername).toBe('onvifuser');
    // Another device keeps its own start.
    expect(anotherPage.startUsername('mac:02:00:00:00:00:01')).toBe('admin');
    expect(useDeviceLoginStore().usernameOf('mac:02:00:00:00:00:01')).toBeNull();
  });

  it('follows the device when main answers a login with it under another id', async () => {
    await useSetupStore().load();
    const renamed = { ...AXIS, id: 'serial:ACCC8E000070' };
    api.handlers['device.login'] = () => {
      api.handlers['setup.get'] = () => ok({ setup: chosen(renamed), notice: null });
      return loginAnswer(renamed);
    };
    const login = useDeviceLogin();
    login.open(AXIS.id);
    expect(await login.submit({ username: 'operator', password: 'x', remember: false })).toBe(true);
    expect(login.startUsername(renamed.id)).toBe('operator');
    expect(useDeviceLoginStore().usernameOf(AXIS.id)).toBe('operator');
  });
});
