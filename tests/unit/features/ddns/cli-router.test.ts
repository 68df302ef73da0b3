// `nvr-assist ddns router`: the router's own DDNS client from the CLI, through the whole CLI path (options, the
// command table, --json), on the same catalogue as the page. What the user would lose: made-up steps for a router no
// source covers, the name not filled in, a password asked for on the command line.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../src/main/app';
import { runCli } from '../../../../src/main/cli/run';
import { renderRouterDdns, ROUTER_WORDS, routerDdnsView } from '../../../../src/main/features/ddns/cli-router';
import { createTranslator } from '../../../../src/shared/i18n';
import { ROUTER_FAMILIES } from '../../../../src/shared/domain/rule-commands';
import { HOME_PC } from '../../../support/fake-system';

async function cli(argv: string[]) {
  const core = createAppCore({
    dataDir: mkdtempSync(join(tmpdir(), 'nvr-ddns-router-')),
    mode: 'cli',
    version: '9.9.9',
    system: HOME_PC(),
    log: () => {},
  });
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, core, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, '9.9.9');
  await core.close();
  return { code, stdout, stderr };
}

describe('nvr-assist ddns router', () => {
  it('FRITZ!Box with No-IP: numbered steps with the name and user, the source, then the cron line', async () => {
    const r = await cli([
      'ddns',
      'router',
      '--router',
      'fritzbox',
      '--provider',
      'noip',
      '--host',
      'cam.ddns.net',
      '--user',
      'bob',
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('AVM FRITZ!Box: its own DDNS client');
    expect(lines[1]).toBe('Providers it can keep: duckdns, noip, dynu, dyndns2');
    expect(lines[2]).toBe(
      '  1. Open the FRITZ!Box user interface; click “Internet”, then “Permit Access”, then the “DynDNS” tab.',
    );
    expect(lines[4]).toContain('  3. DynDNS provider: No-IP');
    expect(lines[4]).toContain('Domain name: cam.ddns.net. User name: bob. Password: your password.');
    expect(lines[6]).toMatch(/^Source: https:\/\/en\.avm\.de\//);
    expect(lines.at(-1)).toBe(
      '  */15 * * * * nvr-assist ddns update --provider noip --host cam.ddns.net --user bob --password-stdin < ~/.nvr-ddns-password',
    );
  });

  it('OpenWrt’s command family is its LuCI page; MikroTik says “Not supported” for a provider, with the way round', async () => {
    const wrt = await cli([
      'ddns',
      'router',
      '--router',
      'openwrt',
      '--provider',
      'duckdns',
      '--host',
      'cam.duckdns.org',
    ]);
    expect(wrt.stdout).toContain('OpenWrt (luci-app-ddns): its own DDNS client');
    expect(wrt.stdout).toContain('DDNS Service provider: duckdns.org. Domain: cam.');
    const mt = await cli([
      'ddns',
      'router',
      '--router',
      'mikrotik',
      '--provider',
      'cloudflare',
      '--host',
      'nvr.example.com',
    ]);
    expect(mt.code).toBe(0);
    expect(mt.stdout).toContain('\nIt keeps none of these providers, only a name of its own.\n');
    expect(mt.stdout).toContain('  2. Type /ip cloud set ddns-enabled=yes');
    expect(mt.stdout).toContain(
      '  4. Not supported: RouterOS keeps only its own …sn.mynetname.net name, not nvr.example.com.',
    );
    expect(mt.stdout).toContain('--token-stdin < ~/.nvr-ddns-token');
  });

  it('an unconfirmed family says so; a family with no source says “not known” and gives no steps', async () => {
    const tp = await cli(['ddns', 'router', '--router', 'tp-link', '--provider', 'noip']);
    expect(tp.stdout.split('\n')[0]).toBe('TP-Link: its own DDNS client (reportedly: these steps are not confirmed)');
    expect(tp.stdout).not.toContain('Source:');
    const eero = await cli(['ddns', 'router', '--router', 'eero', '--provider', 'noip']);
    expect(eero.code).toBe(0);
    expect(eero.stdout.split('\n').slice(0, 2)).toEqual([
      'eero: not known (no source found for a DDNS client of its own).',
      'Look for “DDNS” or “Dynamic DNS” in its settings.',
    ]);
    expect(eero.stdout).not.toMatch(/^ {2}1\. /m);
  });

  it('--json gives the same, as data', async () => {
    const r = await cli([
      'ddns',
      'router',
      '--router',
      'glinet',
      '--provider',
      'noip',
      '--host',
      'cam.ddns.net',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as ReturnType<typeof routerDdnsView>;
    expect(data.id).toBe('glinet');
    expect(data.steps[0]).toMatch(/System > Advanced Settings, click “Go To LuCI”/);
    expect(data.steps).toContain(
      'DDNS Service provider: no-ip.com. Domain: cam.ddns.net. Username: your user name. Password: your password.',
    );
    expect(data.notKnown).toBeNull();
    expect(data.providers).toEqual(['duckdns', 'noip', 'dynu', 'dyndns2', 'cloudflare']);
    expect(data.cronLine).toContain('--host cam.ddns.net');
  });

  it('refuses a family or provider it does not know, naming the ones it takes (exit 2)', async () => {
    const bad = await cli(['ddns', 'router', '--router', 'cisco', '--provider', 'noip']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`Give --router: ${ROUTER_WORDS.join(', ')}.`);
    const noProvider = await cli(['ddns', 'router', '--router', 'asus']);
    expect(noProvider.code).toBe(2);
    expect(noProvider.stderr).toContain('Give --provider: duckdns, noip, dynu, dyndns2, cloudflare.');
  });

  it('takes every family of the Router rules step, each with steps or “not known”', () => {
    for (const f of ROUTER_FAMILIES) {
      const v = routerDdnsView(f, { provider: 'dyndns2', host: 'h.example.net', user: 'u', server: '' });
      expect(v.steps.length > 0 !== (v.notKnown !== null), f).toBe(true);
    }
  });

  it('in en-XA: the router’s steps and “not known” said in the locale, the values typed as they came', () => {
    const xa = createTranslator('en-XA');
    const v = routerDdnsView('tp-link', { provider: 'noip', host: 'nvr.example.com', user: 'alice', server: '' });
    const out = renderRouterDdns(v, xa.t);
    for (const step of v.steps) expect(out).not.toContain(step);
    const step1 = xa.t('ddns.said.router.tp-link.steps.s1');
    expect(out).toContain(`  1. ${xa.t('ddns.said.router.reportedly', { step: step1 })}`);
    expect(out).toContain(
      `  2. ${xa.t('ddns.said.router.tp-link.providers.noip', {
        name: 'nvr.example.com',
        user: 'alice',
        secret: xa.t('ddns.said.router.fill.secret.password'),
      })}`,
    );
    const eero = routerDdnsView('eero', { provider: 'noip', host: '', user: '', server: '' });
    expect(renderRouterDdns(eero, xa.t).split('\n')[0]).toBe(xa.t('ddns.said.router.notKnown.eero'));
    expect(renderRouterDdns(eero, xa.t)).not.toContain(eero.notKnown!);
    // In English: main's sentences, as the JSON keeps them.
    expect(renderRouterDdns(v, createTranslator('en').t)).toBe(renderRouterDdns(v));
    expect(renderRouterDdns(v)).toContain(`  1. ${v.steps[0]}`);
  });
});
