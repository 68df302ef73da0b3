// `nvr-assist rules --proxy caddy|nginx [--host …] [--user …]`: the whole path — the CLI's options, the contract's
// `rules.proxy`, the handler reading the saved plan (and the Ports measurement), the generator — on a setup record
// seeded with the router-commands golden plan. What the user would lose: the config for a plan they did not make,
// a proxy written without the password they need, a typed value reaching the file unchecked, or the wrong option
// silently ignored.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../src/main/app';
import { runCli } from '../../../../src/main/cli/run';
import { renderProxy } from '../../../../src/main/features/rules/cli';
import { createSetupStore } from '../../../../src/main/services/setup-store';
import { forwardPlanSchema, planForwards, type ForwardPlan } from '../../../../src/shared/domain/forward-plan';
import type { PortReport } from '../../../../src/shared/domain/ports';
import { proxyTarget, reverseProxy } from '../../../../src/shared/domain/reverse-proxy';
import { createTranslator } from '../../../../src/shared/i18n';
import { HOME_PC } from '../../../support/fake-system';
import { portRow } from '../../../support/port-row';

const PLANS = JSON.parse(
  readFileSync(resolve(__dirname, '../../../fixtures/rule-commands/plans.json'), 'utf8'),
) as Record<'limited' | 'open', unknown>;
const limited: ForwardPlan = forwardPlanSchema.parse(PLANS.limited);
const open: ForwardPlan = forwardPlanSchema.parse(PLANS.open);

async function withPlan(plan: ForwardPlan | null, report: PortReport | null = null): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rules-proxy-'));
  await createSetupStore(join(dataDir, 'setup.json')).update((d) => {
    d.rules.plan = plan;
    if (report) d.ports[report.deviceId] = { report, plan: null, lastChange: null, pending: null };
  });
  return dataDir;
}

async function cli(argv: string[], dataDir: string) {
  const core = createAppCore({ dataDir, mode: 'cli', version: '9.9.9', system: HOME_PC(), log: () => {} });
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, core, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, '9.9.9');
  await core.close();
  return { code, stdout, stderr };
}

const expected = (plan: ForwardPlan, kind: 'caddy' | 'nginx', o: { host?: string; user?: string }) => {
  const r = reverseProxy(kind, proxyTarget(plan)!, o);
  if (!r.ok) throw new Error(r.error);
  return r.config;
};

describe('nvr-assist rules --proxy', () => {
  it('prints the config for the saved plan between markers, then the numbered steps', async () => {
    const dir = await withPlan(limited);
    const r = await cli(['rules', '--proxy', 'nginx', '--user', 'viewer'], dir);
    expect(r.code, r.stderr).toBe(0);
    const config = expected(limited, 'nginx', { user: 'viewer' });
    expect(r.stdout).toBe(`${renderProxy(config)}\n`);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('# ---- /etc/nginx/conf.d/nvr-proxy.conf ----');
    expect(lines).toContain('    allow 198.51.100.0/24;');
    expect(lines).toContain('Steps (nginx):');
    expect(lines).toContain(
      '  5. On the router: forward outside port 10443 (TCP) to the PROXY computer’s address, port 10443 — not to the NVR (192.168.1.64). Keep the allowed sources (198.51.100.0/24, 203.0.113.7) on that rule too.',
    );
  });

  it('--json prints the contract shape: kind, path, the config text and the steps', async () => {
    const dir = await withPlan(limited);
    const r = await cli(['rules', '--proxy', 'caddy', '--host', 'NVR.example.com', '--user', 'viewer', '--json'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expected(limited, 'caddy', { host: 'nvr.example.com', user: 'viewer' }));
    expect(JSON.parse(r.stdout).text).toContain('\nnvr.example.com:10443 {\n');
  });

  it('a bad host or user, or no user for a plan open to anyone, fails with the plain words and exit code 1', async () => {
    const dir = await withPlan(open);
    const noUser = await cli(['rules', '--proxy', 'caddy'], dir);
    expect(noUser.code).toBe(1);
    expect(noUser.stderr).toContain(
      'With no allowed address the proxy is open to anyone on the internet: give a user name',
    );
    expect(noUser.stdout).toBe('');
    const badHost = await cli(
      ['rules', '--proxy', 'nginx', '--user', 'v', '--host', 'nvr.example.com;', '--json'],
      dir,
    );
    expect(badHost.code).toBe(1);
    expect(JSON.parse(badHost.stdout)).toMatchObject({
      error: {
        code: 'RULES_BAD_OPTION',
        message:
          '"nvr.example.com;" is not a host name (like nvr.example.com): letters, digits, hyphens and dots only.',
      },
    });
    const badUser = await cli(['rules', '--proxy', 'nginx', '--user', 'a:b'], dir);
    expect(badUser.code).toBe(1);
    expect(badUser.stderr).toContain('"a:b" cannot be a user name here');
  });

  it('without a plan, or with a plan that exposes no web page, says so and prints no config', async () => {
    const none = await cli(['rules', '--proxy', 'nginx', '--user', 'v', '--json'], await withPlan(null));
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout)).toMatchObject({ error: { code: 'RULES_NO_PLAN' } });
    const appOnly = { ...limited, rules: limited.rules.filter((r) => r.role !== 'https') };
    const noWeb = await cli(['rules', '--proxy', 'nginx', '--user', 'v'], await withPlan(appOnly));
    expect(noWeb.code).toBe(1);
    expect(noWeb.stderr).toContain('The plan exposes no web page');
    expect(noWeb.stdout).toBe('');
  });

  it('an NVR with plain HTTP only (no web rule in the plan): the proxy from its measured HTTP port encrypts it', async () => {
    // The Ports step's measurement of an NVR whose web page is plain HTTP, as main keeps it.
    const report: PortReport = {
      deviceId: 'dev-http-only',
      address: '192.168.1.70',
      measuredAt: '2026-12-05T09:00:00.000Z',
      full: false,
      rows: [portRow(80, 'http'), portRow(8000, 'sdk')],
      declaredButClosed: [],
      undeclaredOpen: [],
      onvifProtocols: null,
    };
    const plan = planForwards({
      deviceId: report.deviceId,
      address: report.address,
      addressKept: true,
      rows: report.rows,
      wants: { web: true, app: true, video: false },
      sources: ['203.0.113.7'],
      at: new Date('2026-12-05T10:00:00Z'),
    });
    expect(plan.notes.map((n) => n.code)).toContain('no-https');
    const r = await cli(['rules', '--proxy', 'nginx', '--json'], await withPlan(plan, report));
    expect(r.code, r.stderr).toBe(0);
    const text = (JSON.parse(r.stdout) as { text: string }).text;
    expect(text).toContain('    listen 10443 ssl;');
    expect(text).toContain('proxy_pass http://192.168.1.70:80;');
    expect(text).not.toContain('proxy_ssl_verify');
    // Without the measurement main cannot know the HTTP port: no config.
    const unmeasured = await cli(['rules', '--proxy', 'nginx'], await withPlan(plan));
    expect(unmeasured.code).toBe(1);
    expect(unmeasured.stderr).toContain('The plan exposes no web page');
  });

  it('refuses (exit 2, usage) a kind it does not write, --router with it, plan options with it, --host without it', async () => {
    const dir = await withPlan(limited);
    const cases: [string[], string][] = [
      [['rules', '--proxy', 'apache'], '--proxy takes one of: caddy, nginx.'],
      [['rules', '--proxy', 'nginx', '--router', 'iptables'], '--proxy and --router: one at a time.'],
      [['rules', '--proxy', 'nginx', '--wan', 'eth1'], '--wan and --forward-chain go with --router.'],
      [['rules', '--proxy', 'nginx', '--allow', '203.0.113.7'], 'Plan first (with --allow'],
      [['rules', '--proxy', 'nginx', '--no-app'], 'Plan first (with --allow'],
      [['rules', '--host', 'nvr.example.com'], '--host and --user go with --proxy.'],
      [['rules', '--router', 'iptables', '--user', 'v'], '--host and --user go with --proxy.'],
    ];
    for (const [argv, words] of cases) {
      const r = await cli(argv, dir);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toContain(words);
      expect(r.stdout, argv.join(' ')).toBe('');
    }
  });
});

describe('renderProxy in the terminal’s language', () => {
  it('says the steps main said by key in en-XA, the commands and paths as they came; the config as it is', () => {
    const xa = createTranslator('en-XA');
    const config = expected(limited, 'nginx', { host: 'nvr.example.com', user: 'viewer' });
    const text = renderProxy(config, xa.t);
    expect(text).toContain(config.text);
    for (const step of config.steps) expect(text).not.toContain(step);
    const steps = text.split('\n').filter((l) => /^ {2}\d+\. /.test(l));
    expect(steps).toHaveLength(config.steps.length);
    expect(steps[0]).toBe(
      `  1. ${xa.t('rules.said.proxy.step.nginxInstall', { command: 'sudo apt install nginx-light' })}`,
    );
    expect(text).toContain(
      'sudo certbot certonly --standalone -d nvr.example.com --deploy-hook "systemctl reload nginx"',
    );
    expect(text).toContain('sudo htpasswd -B -c /etc/nginx/nvr-proxy.htpasswd viewer');
    expect(text).not.toMatch(/Install nginx on a computer|Remove any forward/);
    // In English: main's steps, as the JSON keeps them.
    expect(renderProxy(config, createTranslator('en').t)).toBe(renderProxy(config));
    expect(renderProxy(config)).toContain(`  1. ${config.steps[0]}`);
  });
});
