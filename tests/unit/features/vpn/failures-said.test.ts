// The VPN step's refusals in main's own words (vpn.failures, and the plan's reasons in vpn.said) cross the dispatcher
// with their key and values beside the English: said in the user's language by the pages and the CLI (en-XA here),
// the names, commands and devices as they came; in English, main's sentence as before.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../../src/main/app';
import { createTranslator, localMessage } from '../../../../src/shared/i18n';
import { resultEnvelopeSchema, type AppError } from '../../../../src/shared/ipc/result';
import { HOME_PC } from '../../../support/fake-system';
import { cliIn } from '../../cli/cli-in-locale';

const en = createTranslator('en');
const xa = createTranslator('en-XA');

let core: AppCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

function app() {
  const dataDir = mkdtempSync(join(tmpdir(), 'vpn-said-'));
  core = createAppCore({ dataDir, mode: 'cli', version: '9.9.9', system: HOME_PC(), log: () => {} });
  return { dataDir, call: (channel: string, input: object) => core!.dispatch(channel, input, { transport: 'test' }) };
}

/** The refusal as it crossed: a valid envelope, BAD_REQUEST, main's English kept as its message. */
async function refusal(answer: Promise<unknown>, english: string): Promise<AppError> {
  const r = await answer;
  expect(resultEnvelopeSchema.safeParse(r).success).toBe(true);
  const result = r as { ok: boolean; error: AppError };
  expect(result.ok).toBe(false);
  expect(result.error).toMatchObject({ code: 'BAD_REQUEST', message: english });
  expect(localMessage(result.error, en)).toBe(english);
  expect(localMessage(result.error, xa)).not.toContain(english);
  return result.error;
}

describe('the VPN step’s refusals said by key', () => {
  it('before a plan: a file not given as a full path, and no plan yet', async () => {
    const { dataDir, call } = app();
    const relative = await refusal(
      call('vpn.config', { which: 'phone', out: 'phone.conf' }),
      'The file to write must be given as a full path.',
    );
    expect(localMessage(relative, xa)).toBe(xa.t('vpn.failures.fullPath'));
    const noPlan = await refusal(
      call('vpn.qr', { peer: 'phone', out: join(dataDir, 'phone.png') }),
      'Make the VPN plan first (vpn plan --server …).',
    );
    expect(localMessage(noPlan, xa)).toBe(xa.t('vpn.failures.planFirst', { command: 'vpn plan --server …' }));
  });

  it('the plan’s own reason (a device named “server”), and the service’s: a device not in the plan, a QR code for the server, a file that cannot be written', async () => {
    const { dataDir, call } = app();
    const named = await refusal(
      call('vpn.plan', { server: 'linux', peers: ['server'] }),
      '"server" is the name of the server’s own config: name the device otherwise.',
    );
    expect(localMessage(named, xa)).toBe(xa.t('vpn.said.names.server'));

    const planned = await call('vpn.plan', { server: 'linux', peers: ['phone', 'laptop'] });
    expect(planned.ok).toBe(true);
    const tablet = await refusal(
      call('vpn.config', { which: 'tablet', out: join(dataDir, 'tablet.conf') }),
      '"tablet" is not a device of this plan (phone, laptop).',
    );
    expect(localMessage(tablet, xa)).toBe(
      xa.t('vpn.failures.notADevice', { name: 'tablet', devices: 'phone, laptop' }),
    );
    const qr = await refusal(
      call('vpn.qr', { peer: 'server', out: join(dataDir, 'server.png') }),
      'A QR code is for a device (a phone), not for the server.',
    );
    expect(localMessage(qr, xa)).toBe(xa.t('vpn.failures.qrForServer'));
    // A folder where a file is: the config cannot be written there.
    const written = await call('vpn.config', { which: 'server', out: join(dataDir, 'vpn-keys.json', 'server.conf') });
    const cannot = await refusal(
      Promise.resolve(written),
      'The file could not be written: check that its folder exists and that you may write there.',
    );
    expect(localMessage(cannot, xa)).toBe(xa.t('vpn.failures.cannotWrite'));
  });

  it('a value longer than a said crosses leaves the key out: main’s English, whole', async () => {
    const { dataDir, call } = app();
    const peers = Array.from({ length: 12 }, (_, i) => `device-${String(i).padStart(2, '0')}-${'x'.repeat(20)}`);
    expect((await call('vpn.plan', { server: 'linux', peers })).ok).toBe(true);
    const r = await call('vpn.config', { which: 'tablet', out: join(dataDir, 'tablet.conf') });
    expect(resultEnvelopeSchema.safeParse(r).success).toBe(true);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.error.said).toBeUndefined();
    expect(r.error.message).toBe(`"tablet" is not a device of this plan (${peers.join(', ')}).`);
    expect(localMessage(r.error, xa)).toBe(r.error.message);
  });
});

describe('a VPN refusal in the CLI, in the terminal’s language', () => {
  it('`vpn config` before any plan: said in en-XA, the command to run as typed', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'vpn-said-cli-')), 'phone.conf');
    const r = await cliIn(['vpn', 'config', 'phone', '--out', out], 'en-XA');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(xa.t('vpn.failures.planFirst', { command: 'vpn plan --server …' }));
    expect(r.stderr).not.toContain('Make the VPN plan first');
  });
});
