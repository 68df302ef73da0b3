// The Router rules step's refusals in main's own words (rules.failures, and the reasons in rules.said: a source, the
// proxy's values) cross the dispatcher with their key and values beside the English: said in the user's language
// by the pages and the CLI (en-XA here), what was typed as it came; in English, main's sentence as before.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../../src/main/app';
import { createSetupStore } from '../../../../src/main/services/setup-store';
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import type { PortReport } from '../../../../src/shared/domain/ports';
import { createTranslator, localMessage } from '../../../../src/shared/i18n';
import type { ErrorCode } from '../../../../src/shared/ipc/errors';
import { resultEnvelopeSchema, type AppError } from '../../../../src/shared/ipc/result';
import { HOME_PC } from '../../../support/fake-system';
import { portRow } from '../../../support/port-row';

const en = createTranslator('en');
const xa = createTranslator('en-XA');

const ID = 'mac:24:5e:be:00:00:70';
const nvr: DiscoveredDevice = {
  id: ID,
  addresses: ['192.168.1.70'],
  mac: '24:5e:be:00:00:70',
  brand: 'Hikvision',
  brandSource: 'onvif',
  model: 'DS-7608',
  name: 'Office NVR',
  firmware: null,
  serial: null,
  sources: ['onvif'],
  onvifUrl: 'http://192.168.1.70/onvif/device_service',
  endpoint: null,
  ports: {},
  dhcp: false,
  activated: true,
  upnp: false,
  notes: [],
  interfaceName: 'eth0',
  lastSeenAt: '2026-12-05T09:00:00.000Z',
};

let core: AppCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

/** The app on a record with the NVR chosen and its ports measured (`ports`: the open ones). */
async function app(ports: Array<Parameters<typeof portRow>>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'rules-said-'));
  const report: PortReport = {
    deviceId: ID,
    address: '192.168.1.70',
    measuredAt: '2026-12-05T09:00:00.000Z',
    full: false,
    rows: ports.map((p) => portRow(...p)),
    declaredButClosed: [],
    undeclaredOpen: [],
    onvifProtocols: null,
  };
  await createSetupStore(join(dataDir, 'setup.json')).update((d) => {
    d.devices = [nvr];
    d.nvr = { deviceId: ID, device: nvr, chosenAt: '2026-12-05T09:00:00.000Z' };
    d.ports[ID] = { report, plan: null, lastChange: null, pending: null };
  });
  core = createAppCore({ dataDir, mode: 'cli', version: '9.9.9', system: HOME_PC(), log: () => {} });
  return (channel: string, input: object) => core!.dispatch(channel, input, { transport: 'test' });
}

/** The refusal as it crossed: a valid envelope, its code, main's English kept as its message. */
async function refusal(answer: Promise<unknown>, code: ErrorCode, english: string): Promise<AppError> {
  const r = await answer;
  expect(resultEnvelopeSchema.safeParse(r).success).toBe(true);
  const result = r as { ok: boolean; error: AppError };
  expect(result.ok).toBe(false);
  expect(result.error).toMatchObject({ code, message: english });
  expect(localMessage(result.error, en)).toBe(english);
  expect(localMessage(result.error, xa)).not.toContain(english);
  return result.error;
}

describe('the Router rules step’s refusals said by key', () => {
  it('a source that is not one, a router option, and a proxy for a plan with no web page', async () => {
    const call = await app([[8000, 'sdk']]);
    const source = await refusal(
      call('rules.plan', { allow: ['10.0.0.1'] }),
      'RULES_BAD_SOURCE',
      '10.0.0.1 is a private address: give the address you connect from on the internet.',
    );
    expect(localMessage(source, xa)).toBe(xa.t('rules.said.source.private', { text: '10.0.0.1' }));

    expect((await call('rules.plan', {})).ok).toBe(true);
    const wan = await refusal(
      call('rules.commands', { family: 'nftables', wan: 'eth0; reboot' }),
      'RULES_BAD_OPTION',
      '"eth0; reboot" is not an interface name.',
    );
    expect(localMessage(wan, xa)).toBe(xa.t('rules.failures.notInterface', { wan: 'eth0; reboot' }));
    const chain = await refusal(
      call('rules.commands', { family: 'nftables', forwardChain: 'inet filter' }),
      'RULES_BAD_OPTION',
      'The forward chain is given as "<family> <table> <chain>", e.g. "inet filter forward".',
    );
    expect(localMessage(chain, xa)).toBe(xa.t('rules.failures.chainForm', { example: 'inet filter forward' }));
    const proxy = await refusal(
      call('rules.proxy', { kind: 'caddy', user: 'viewer' }),
      'RULES_BAD_OPTION',
      'The plan exposes no web page (not asked for, or the NVR has none open): there is nothing to put a proxy in front of.',
    );
    expect(localMessage(proxy, xa)).toBe(xa.t('rules.failures.noWebPage'));
  });

  it('the proxy’s own reason: an address given as its host name', async () => {
    const call = await app([
      [443, 'https'],
      [8000, 'sdk'],
    ]);
    expect((await call('rules.plan', {})).ok).toBe(true);
    const host = await refusal(
      call('rules.proxy', { kind: 'caddy', host: '198.51.100.7', user: 'viewer' }),
      'RULES_BAD_OPTION',
      '198.51.100.7 is an address, not a host name: leave the name out to connect by address.',
    );
    expect(localMessage(host, xa)).toBe(xa.t('rules.said.proxy.hostIsAddress', { host: '198.51.100.7' }));
  });
});
