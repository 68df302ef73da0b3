// The network step's status. What the user would lose: a step verified on an interface that is gone or unusable (the
// search then finds nothing), or verified before they chose how to reach the NVR.
import { describe, expect, it } from 'vitest';
import { judgeNetwork, networkStepState } from '../../../../src/main/features/network/status';
import type { NetworkInterface, NetworkReport } from '../../../../src/shared/domain/network';
import { emptySetupRecord, type SetupRecord } from '../../../../src/shared/domain/setup';

const AT = new Date('2026-03-05T00:00:00.000Z');
const NOW = AT.toISOString();
const iface = (name: string, usable: boolean): NetworkInterface => ({
  name,
  kind: 'wired',
  up: true,
  mac: null,
  ipv4: [{ address: '192.168.1.10', prefix: 24, subnet: '192.168.1.0/24' }],
  usable,
  note: '',
});
const report = (interfaces: NetworkInterface[], recommended: string | null): NetworkReport => ({
  interfaces,
  gateway: null,
  recommended: recommended ? { interfaceName: recommended, reason: 'r' } : null,
  chosenInterface: null,
  measuredAt: NOW,
});
const record = (interfaceName: string | null, approach: SetupRecord['approach']): SetupRecord => ({
  ...emptySetupRecord('2026-03-01T00:00:00.000Z'),
  interfaceName,
  approach,
});

describe('networkStepState', () => {
  it('the chosen interface gone: attention naming it, even when another one is usable', () => {
    expect(networkStepState(record('eth1', 'vpn'), report([iface('eth0', true)], 'eth0'), AT)).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: 'The interface you chose (eth1) is gone. Pick another one.',
      reasonSaid: { key: 'wizard.reasons.network.interfaceGone', params: { name: 'eth1' } },
    });
  });

  it('the chosen (or, with none chosen, the recommended) interface not usable: attention, asking to connect', () => {
    const reason = 'No usable network connection was found. Connect this computer to the NVR’s network.';
    expect(networkStepState(record('eth0', 'vpn'), report([iface('eth0', false)], null), AT)).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason,
      reasonSaid: { key: 'wizard.reasons.network.noConnection' },
    });
    expect(networkStepState(record(null, 'vpn'), report([iface('wlan0', true)], null), AT).reason).toBe(reason);
    expect(
      networkStepState(record(null, 'vpn'), report([iface('eth0', false), iface('wlan0', true)], 'eth0'), AT).reason,
    ).toBe(reason);
  });

  it('the chosen interface is the one judged, not the recommended one', () => {
    expect(
      networkStepState(record('wlan0', 'vpn'), report([iface('eth0', false), iface('wlan0', true)], 'eth0'), AT),
    ).toEqual({ status: 'verified', updatedAt: NOW });
  });

  it('a usable interface without a chosen way is working, asking to choose; with one, verified', () => {
    expect(networkStepState(record(null, null), report([iface('eth0', true)], 'eth0'), AT)).toEqual({
      status: 'working',
      updatedAt: NOW,
      reason: 'Choose how you want to reach the NVR.',
      reasonSaid: { key: 'wizard.reasons.network.chooseWay' },
    });
    expect(networkStepState(record(null, 'port-forwarding'), report([iface('eth0', true)], 'eth0'), AT)).toEqual({
      status: 'verified',
      updatedAt: NOW,
    });
  });
});

describe('judgeNetwork', () => {
  it('sets the status from the saved measurement, and leaves it alone when nothing was measured', () => {
    const r = record(null, 'vpn');
    judgeNetwork(r, AT);
    expect(r.steps.network).toBeUndefined();
    r.network = report([iface('eth0', true)], 'eth0');
    judgeNetwork(r, AT);
    expect(r.steps.network).toEqual({ status: 'verified', updatedAt: NOW });
  });
});
