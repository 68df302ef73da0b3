// `nvr-assist vpn plan|config|qr`: the whole path — the CLI's words, the contract's vpn.* channels, the handler
// reading this computer's networks and the Internet step's verdict, the service's keys — on a fake home PC (LAN
// 192.168.1.0/24, and a WireGuard wg0 on 10.8.0.0/24 already). What the user would lose: a tunnel on a subnet they
// already use, a private key printed to the terminal or saved in the setup record, a config file others can read.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../../src/main/app';
import { runCli } from '../../../../src/main/cli/run';
import { publicKeyOf } from '../../../../src/main/services/vpn/wg-keys';
import { createSetupStore } from '../../../../src/main/services/setup-store';
import { vpnPlanSchema } from '../../../../src/shared/domain/vpn-plan';
import type { PublicAddressCheck } from '../../../../src/shared/domain/public-address';
import type { UdpTransport } from '../../../../src/main/transport/udp';
import type { HttpTransport } from '../../../../src/main/transport/http';
import { HOME_PC } from '../../../support/fake-system';

/** UDP that answers every WireGuard initiation with a cookie reply to its index ("busy"), and records where it went. */
function busyServer() {
  const sent: string[] = [];
  const udp: UdpTransport = {
    async open(_o, onDatagram) {
      return {
        async send(data, port, address) {
          const p = Buffer.from(data as Uint8Array);
          sent.push(`${address}:${port} type ${p[0]} ${p.length} bytes`);
          const cookie = Buffer.alloc(64);
          cookie[0] = 3;
          p.copy(cookie, 4, 4, 8);
          setTimeout(() => onDatagram({ data: cookie, from: { address, port } }), 1);
        },
        close() {},
      };
    },
  };
  return { udp, sent };
}

const lookups: string[] = [];
async function cli(argv: string[], dataDir: string, udp?: UdpTransport, http?: HttpTransport) {
  const core = createAppCore({
    ...(udp ? { udp } : {}),
    ...(http ? { http } : {}),
    dataDir,
    mode: 'cli',
    version: '9.9.9',
    system: HOME_PC(),
    log: () => {},
    lookup: async (host) => (lookups.push(host), host === 'home.example.net' ? '198.51.100.20' : null),
  });
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, core, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, '9.9.9');
  await core.close();
  return { code, stdout, stderr };
}

/** A data folder whose Internet step saw `verdict` with the public address 198.51.100.20. */
async function home(verdict: PublicAddressCheck['verdict']['code'] = 'public-on-router'): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vpn-cli-'));
  await createSetupStore(join(dataDir, 'setup.json')).update((d) => {
    d.internet.check = {
      measuredAt: '2026-12-05T12:00:00.000Z',
      gateway: '192.168.1.1',
      router: { address: '198.51.100.20', source: 'igd', readAt: '2026-12-05T12:00:00.000Z' },
      stun: { server: 's:3478', address: '198.51.100.20', error: null },
      checker: { server: 'http://c/', address: '198.51.100.20', error: null },
      publicAddress: '198.51.100.20',
      verdict: { code: verdict, title: verdict, advice: '', evidence: [] },
      findings: [],
      changed: null,
    };
  });
  return dataDir;
}

describe('nvr-assist vpn', () => {
  it('plan: the tunnel avoids wg0’s 10.8.0.0/24, devices listed by public key, the name resolved; nothing private printed or kept', async () => {
    const dir = await home();
    const r = await cli(
      ['vpn', 'plan', '--server', 'openwrt', '--peers', 'phone,laptop', '--endpoint', 'home.example.net', '--json'],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const plan = vpnPlanSchema.parse(JSON.parse(r.stdout));
    expect(plan.lan).toBe('192.168.1.0/24');
    expect(plan.tunnel).toBe('10.66.66.0/24');
    expect(plan.findings.map((f) => f.code)).toEqual(['lan-common', 'tunnel-moved']);
    expect(plan.endpoint).toEqual({ host: 'home.example.net', kind: 'ddns' });
    expect(lookups).toContain('home.example.net');
    const keys = JSON.parse(readFileSync(join(dir, 'vpn-keys.json'), 'utf8')) as {
      server: { privateKey: string };
      peers: Record<string, { privateKey: string }>;
    };
    expect(statSync(join(dir, 'vpn-keys.json')).mode & 0o777).toBe(0o600);
    const record = readFileSync(join(dir, 'setup.json'), 'utf8');
    for (const priv of [keys.server.privateKey, keys.peers['phone']!.privateKey, keys.peers['laptop']!.privateKey]) {
      expect(r.stdout).not.toContain(priv);
      expect(record).not.toContain(priv);
    }
    // Warnings only: a plan to set up (never verified here: only a phone on mobile data can prove it).
    expect(JSON.parse(record).steps.vpn).toMatchObject({ status: 'working' });
  });

  it('config and qr write owner-only files whose keys match the plan; the text is never printed', async () => {
    const dir = await home();
    expect((await cli(['vpn', 'plan', '--server', 'linux', '--peers', 'phone'], dir)).code).toBe(0);
    const conf = join(dir, 'out', 'wg0.conf');
    const w = await cli(['vpn', 'config', 'server', '--out', conf], dir);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout).toMatch(/^Wrote .*wg0\.conf \(\d+ bytes, readable by you only\)/);
    expect(statSync(conf).mode & 0o777).toBe(0o600);
    const text = readFileSync(conf, 'utf8');
    expect(w.stdout).not.toContain('PrivateKey');
    const plan = vpnPlanSchema.parse(JSON.parse((await cli(['vpn', '--json'], dir)).stdout).plan);
    expect(publicKeyOf(/^PrivateKey = (\S+)$/m.exec(text)![1]!)).toBe(plan.serverPublicKey);
    expect(plan.forward).toEqual({ protocol: 'udp', port: 51820, to: '192.168.1.20' });
    const png = join(dir, 'phone.png');
    const q = await cli(['vpn', 'qr', 'phone', '--out', png], dir);
    expect(q.code, q.stderr).toBe(0);
    const img = PNG.sync.read(readFileSync(png));
    const decoded = jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data ?? '';
    expect(publicKeyOf(/^PrivateKey = (\S+)$/m.exec(decoded)![1]!)).toBe(plan.peers[0]!.publicKey);
    expect(decoded).toContain('Endpoint = 198.51.100.20:51820');
  });

  it('CGNAT: the overlay way, and no config to write', async () => {
    const dir = await home('cgnat');
    const r = await cli(['vpn', 'plan', '--server', 'mikrotik'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('No home VPN server can be reached here');
    expect(r.stdout).toContain('Tailscale subnet router');
    const record = JSON.parse(readFileSync(join(dir, 'setup.json'), 'utf8'));
    expect(record.steps.vpn).toMatchObject({
      status: 'attention',
      reason: expect.stringContaining('carrier-grade NAT'),
    });
    const c = await cli(['vpn', 'config', 'server', '--out', join(dir, 'x.rsc')], dir);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('carrier-grade NAT');
  });

  it('bad words are refused in plain words (exit 2), bad names by the service (exit 1)', async () => {
    const dir = await home();
    expect((await cli(['vpn', 'plan', '--server', 'cisco'], dir)).code).toBe(2);
    expect((await cli(['vpn', 'config', 'phone'], dir)).stderr).toContain('give it with --out FILE');
    expect((await cli(['vpn', 'config', 'phone', '--out', 'x'], dir)).stderr).toContain('Make the VPN plan first');
    const bad = await cli(['vpn', 'plan', '--server', 'openwrt', '--peers', 'my phone'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"my phone" cannot be a file name');
    const tp = await cli(['vpn', 'plan', '--server', 'tplink'], dir);
    expect(tp.code).toBe(0);
    expect(tp.stdout).toContain('No WireGuard server on this router');
  });

  it('check: one handshake to the router (the gateway) on the plan’s port, as the first device; words and exit 3 when not proven', async () => {
    const dir = await home();
    expect((await cli(['vpn', 'check'], dir)).stderr).toContain('Make the VPN plan first');
    expect((await cli(['vpn', 'plan', '--server', 'openwrt', '--endpoint', 'home.example.net'], dir)).code).toBe(0);
    const busy = busyServer();
    const r = await cli(['vpn', 'check', '--json'], dir, busy.udp);
    expect(busy.sent).toEqual(['192.168.1.1:51820 type 1 148 bytes']);
    expect(r.code).toBe(3);
    const check = JSON.parse(r.stdout);
    expect(check.server).toMatchObject({ address: '192.168.1.1', peer: 'phone', answer: 'busy', ok: false });
    expect(check.endpoint).toMatchObject({ host: 'home.example.net', ok: true });
    // The step says what is left, from the check.
    const record = JSON.parse(readFileSync(join(dir, 'setup.json'), 'utf8'));
    expect(record.steps.vpn.status).toBe('attention');
    // Another address and port, given: the handshake goes there; nothing private printed.
    const other = busyServer();
    const text = await cli(['vpn', 'check', 'phone', '--to', '192.168.1.20:51999'], dir, other.udp);
    expect(other.sent).toEqual(['192.168.1.20:51999 type 1 148 bytes']);
    expect(text.stdout).toContain('The one test only a phone can make');
    expect(text.stdout).not.toMatch(/PrivateKey|[A-Za-z0-9+/]{43}=/);
    expect((await cli(['vpn', 'check', '--to', 'router.lan'], dir)).code).toBe(2);
    expect((await cli(['vpn', 'check', '--to', '192.168.1.1:70000'], dir)).code).toBe(2);
    expect((await cli(['vpn', 'check', 'tablet'], dir, busyServer().udp)).stderr).toContain(
      'is not a device of this plan',
    );
  });

  it('check --prove: the checker is asked now for the ports that must not be reachable; an open one fails the check, and the proof is kept', async () => {
    const dir = await home();
    await createSetupStore(join(dir, 'setup.json')).update((d) => {
      d.internet.checker = 'http://198.51.100.10/';
    });
    expect((await cli(['vpn', 'plan', '--server', 'openwrt'], dir)).code).toBe(0);
    const asked: string[] = [];
    // An echoip checker that finds plain HTTP (80) open and nothing else.
    const http: HttpTransport = {
      async request(url) {
        asked.push(url.href);
        const port = Number(/\/port\/(\d+)$/.exec(url.pathname)?.[1]);
        const body = JSON.stringify({ ip: '198.51.100.20', port, reachable: port === 80 });
        return { status: 200, headers: {}, body: Buffer.from(body) };
      },
    };
    const started = Math.floor(Date.now() / 1000) * 1000;
    const r = await cli(['vpn', 'check', '--prove', '--json'], dir, busyServer().udp, http);
    expect(asked).toEqual([21, 22, 23, 80, 554].map((p) => `http://198.51.100.10/port/${p}`));
    expect(r.code).toBe(3);
    const check = JSON.parse(r.stdout);
    expect(check.exposure).toMatchObject({ ok: false, reachable: [{ protocol: 'tcp', port: 80 }] });
    // Measured by this check, not taken from an older proof.
    expect(Date.parse(check.exposure.measuredAt)).toBeGreaterThanOrEqual(started);
    const record = JSON.parse(readFileSync(join(dir, 'setup.json'), 'utf8'));
    expect(record.internet.proof.measuredAt).toBe(check.exposure.measuredAt);
    expect(record.internet.proof.rows.find((x: { port: number }) => x.port === 80)).toMatchObject({
      verdict: 'exposed',
    });
    // Without --prove the last proof stands (the one just kept); --prove goes with check only.
    const again = await cli(['vpn', 'check', '--json'], dir, busyServer().udp);
    expect(JSON.parse(again.stdout).exposure.measuredAt).toBe(check.exposure.measuredAt);
    expect((await cli(['vpn', 'plan', '--server', 'openwrt', '--prove'], dir)).stderr).toContain(
      '--prove goes with `vpn check`.',
    );
  });
});
