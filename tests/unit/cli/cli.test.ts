import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../src/main/app';
import { runCli } from '../../../src/main/cli/run';
import { networkReportSchema } from '../../../src/shared/domain/network';
import { FAST_DISCOVERY, fakeLanHttp, fakeLanSsdp, fakeLanUdp } from '../../support/fake-lan';
import { HOME_PC, LAB_CLIENT } from '../../support/fake-system';

async function cli(argv: string[], dataDir = mkdtempSync(join(tmpdir(), 'cli-test-'))) {
  const core = createAppCore({ dataDir, mode: 'cli', version: '9.9.9', system: HOME_PC(), log: () => {} });
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, core, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, '9.9.9');
  await core.close();
  return { code, stdout, stderr, dataDir };
}

describe('nvr-assist CLI', () => {
  it('network prints a table of interfaces, the gateway and the chosen interface', async () => {
    const r = await cli(['network']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^INTERFACE\s+KIND\s+STATE\s+IPV4\s+MAC\s+NOTE/m);
    expect(r.stdout).toMatch(/^eth0 \*\s+wired\s+up\s+192\.168\.1\.20\/24\s+3c:52:82:aa:bb:cc/m);
    expect(r.stdout).toContain('Default gateway: 192.168.1.1 via eth0');
  });

  it('network --json prints the contract shape and nothing else on stdout', async () => {
    const r = await cli(['network', '--json']);
    expect(r.code).toBe(0);
    const report = networkReportSchema.parse(JSON.parse(r.stdout));
    expect(report.interfaces.map((i) => i.name)).toContain('wlan0');
  });

  it('approach and interface choices persist for the next command', async () => {
    const a = await cli(['approach', 'vpn']);
    expect(a.code).toBe(0);
    expect((await cli(['interface', 'wlan0'], a.dataDir)).code).toBe(0);
    const s = await cli(['setup', '--json'], a.dataDir);
    expect(JSON.parse(s.stdout).setup).toMatchObject({
      approach: 'vpn',
      interfaceName: 'wlan0',
      steps: { network: { status: 'verified' } },
    });
  });

  it('fails with a plain message and exit code 1 for an interface that does not exist or cannot be used', async () => {
    const missing = await cli(['interface', 'eth7']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/not on this computer/);
    const down = await cli(['interface', 'eth1', '--json']);
    expect(down.code).toBe(1);
    expect(JSON.parse(down.stdout)).toMatchObject({ error: { code: 'INTERFACE_UNUSABLE' } });
  });

  it('exits 2 with usage for unknown commands, options and bad arguments', async () => {
    for (const argv of [['frobnicate'], ['network', '--verbose'], ['approach', 'telnet'], ['interface']]) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage: nvr-assist');
    }
    expect((await cli(['help'])).stdout).toContain('Commands:');
    expect((await cli(['version'])).stdout.trim()).toBe('9.9.9');
  });

  it('names an unknown or misspelt option but never echoes its value, nor the next word', async () => {
    const cases: Array<[string[], string, string[]]> = [
      [['identify', '10.0.0.5', '--password=S3cr3t'], '--password', ['S3cr3t']],
      [['identify', '10.0.0.5', '--password', 'S3cr3t'], '--password', ['S3cr3t']],
      [['identify', '10.0.0.5', '--user=bob', '--password-stdin'], '--user', ['bob']],
      [['network', '--token=qq7=zz9'], '--token', ['qq7', 'zz9']],
      [['network', '--json=Yx1'], '--json', ['Yx1']],
      [['network', '-p=hunter2'], '-p', ['hunter2']],
      [['network', '--pass\u001b[2Jword=x1y2z3'], '--pass?[2Jword', ['x1y2z3', '\u001b']],
    ];
    for (const [argv, name, secrets] of cases) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toContain(name);
      expect(r.stderr, argv.join(' ')).toContain('Usage: nvr-assist');
      for (const secret of secrets) {
        expect(r.stderr, argv.join(' ')).not.toContain(secret);
        expect(r.stdout, argv.join(' ')).not.toContain(secret);
      }
    }
    expect((await cli(['network', '--password=S3cr3t'])).stderr).toMatch(/--password-stdin/);
    expect((await cli(['identify', 'h', '--user=bob'])).stderr).toContain('--user VALUE');
  });

  it('ports-scan refuses a target that is not an address or a small subnet in its own words (no exception text)', async () => {
    for (const target of ['999.1.1.1', '10.0.0.0/8', 'nvr.local']) {
      const r = await cli(['ports-scan', target]);
      expect(r.code, target).toBe(2);
      expect(r.stderr).toContain('Name one IPv4 address or a subnet of at most /22');
      expect(r.stderr).not.toMatch(/target must be|Error:/);
    }
  });
});

describe('nvr-assist discover / choose', () => {
  async function labCli(argv: string[], dataDir = mkdtempSync(join(tmpdir(), 'cli-lan-'))) {
    const core = createAppCore({
      dataDir,
      mode: 'cli',
      version: '1',
      system: LAB_CLIENT(),
      udp: fakeLanUdp,
      ssdp: fakeLanSsdp,
      http: fakeLanHttp,
      discoveryTiming: FAST_DISCOVERY,
      log: () => {},
    });
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, core, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, '1');
    await core.close();
    return { code, stdout, stderr, dataDir };
  }

  it('finds both NVRs, merges what each protocol said, and lists them', async () => {
    const r = await labCli(['discover']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Searching on eth0');
    expect(r.stdout).toMatch(
      /192\.168\.50\.64\s+Hikvision\s+DS-7608NI-K2\s+02:00:c0:a8:32:40\s+onvif,sadp,ssdp|192\.168\.50\.64\s+Hikvision/,
    );
    expect(r.stdout).toMatch(/192\.168\.50\.65\s+Dahua\s+NVR4108HS-4KS2/);
    expect(r.stdout).toContain('2 device(s)');
  });

  it('--json prints the devices; choose stores the NVR in the setup', async () => {
    const r = await labCli(['discover', '--json']);
    const data = JSON.parse(r.stdout) as {
      devices: Array<{ id: string; brand: string; ports: Record<string, number>; sources: string[] }>;
    };
    const hik = data.devices.find((d) => d.brand === 'Hikvision')!;
    expect(hik.ports).toMatchObject({ http: 80, sdk: 8000, onvif: 80 });
    expect(hik.sources.sort()).toEqual(['onvif', 'sadp', 'ssdp']);
    const chosen = await labCli(['choose', hik.id, '--json'], r.dataDir);
    expect(chosen.code).toBe(0);
    expect(JSON.parse(chosen.stdout).nvr.device.model).toBe('DS-7608NI-K2');
    const missing = await labCli(['choose', 'dev-nope'], r.dataDir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/not in the list/);
  });

  it('refuses an interface that cannot reach the LAN and a bad --interface use', async () => {
    expect((await labCli(['discover', '--interface', 'lo'])).code).toBe(1);
    expect((await labCli(['discover', '--interface', 'wlan7'])).stderr).toMatch(/not on this computer/);
    expect((await labCli(['network', '--interface', 'eth0'])).code).toBe(2);
    expect((await labCli(['discover', '--interface'])).code).toBe(2);
  });
});

describe('CLI tables', () => {
  it('print every cell as one clean line: escapes, controls and bidi characters from a device are removed', async () => {
    const { formatTable } = await import('../../../src/main/cli/table');
    const text = formatTable(['NAME', 'MODEL'], [['\x1b[2J\x1b]0;PWNED\x07Evil\u202eCam', 'line 1\nline 2\x9b31m']]);
    expect(text).toBe('NAME     MODEL\nEvilCam  line 1 line 2');
  });
});
