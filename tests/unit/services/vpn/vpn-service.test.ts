// The VPN service (src/main/services/vpn/vpn-service.ts): keys made here and kept owner-only outside the setup
// record, the plan with public keys only, the endpoint name checked, configs and QR codes written atomically and
// owner-only. What the user would lose: a private key in the plan (the record, the checklist), a config another
// user of the computer can read, a QR code the phone reads as something else, a config whose key no longer matches.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVpnService, qrPng, type VpnPlanRequest } from '../../../../src/main/services/vpn/vpn-service';
import { publicKeyOf } from '../../../../src/main/services/vpn/wg-keys';
import { peerConfig } from '../../../../src/shared/domain/vpn-configs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vpn-service-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const request = (over: Partial<VpnPlanRequest> = {}): VpnPlanRequest => ({
  server: 'linux',
  lan: '192.168.57.0/24',
  otherNetworks: [],
  peers: ['phone', 'laptop'],
  ddnsName: 'home.example.net',
  publicAddress: '203.0.113.2',
  verdict: 'public-on-router',
  serverLanAddress: '192.168.57.10',
  at: new Date('2026-12-05T12:00:00Z'),
  ...over,
});
const service = (resolve: (h: string) => Promise<string[]> = async () => ['203.0.113.2']) =>
  createVpnService({ keysFile: join(dir, 'data', 'vpn-keys.json'), resolve });
const mode = (f: string) => statSync(f).mode & 0o777;

function decodeQr(png: Buffer): string | null {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data ?? null;
}

describe('keys and the plan', () => {
  it('the plan lists the devices by public key; the private keys are only in the owner-only key file', async () => {
    const svc = service();
    const plan = await svc.plan(request());
    const keysFile = join(dir, 'data', 'vpn-keys.json');
    const keys = JSON.parse(readFileSync(keysFile, 'utf8')) as {
      server: { privateKey: string; publicKey: string };
      peers: Record<string, { privateKey: string; publicKey: string }>;
    };
    expect(mode(keysFile)).toBe(0o600);
    expect(plan.serverPublicKey).toBe(keys.server.publicKey);
    expect(plan.peers.map((p) => [p.name, p.publicKey])).toEqual([
      ['phone', keys.peers['phone']!.publicKey],
      ['laptop', keys.peers['laptop']!.publicKey],
    ]);
    const json = JSON.stringify(plan);
    for (const k of [keys.server, keys.peers['phone']!, keys.peers['laptop']!]) {
      expect(publicKeyOf(k.privateKey)).toBe(k.publicKey);
      expect(json).not.toContain(k.privateKey);
    }
  });

  it('planning again keeps the keys (configs already imported stay valid); a new device gets new keys, a dropped one goes', async () => {
    const svc = service();
    const a = await svc.plan(request());
    const b = await svc.plan(request());
    expect(b.peers).toEqual(a.peers);
    expect(b.serverPublicKey).toBe(a.serverPublicKey);
    const c = await svc.plan(request({ peers: ['phone', 'tablet'] }));
    expect(c.peers[0]).toEqual(a.peers[0]);
    expect(c.peers[1]!.publicKey).not.toBe(a.peers[1]!.publicKey);
    const keys = JSON.parse(readFileSync(join(dir, 'data', 'vpn-keys.json'), 'utf8')) as { peers: object };
    expect(Object.keys(keys.peers)).toEqual(['phone', 'tablet']);
  });

  it('a damaged key file is replaced by new keys, not trusted', async () => {
    const svc = service();
    const a = await svc.plan(request());
    writeFileSync(
      join(dir, 'data', 'vpn-keys.json'),
      '{"version":1,"server":{"privateKey":"x","publicKey":"y"},"peers":{}}',
    );
    const b = await svc.plan(request());
    expect(b.serverPublicKey).not.toBe(a.serverPublicKey);
  });

  it('a bad device name is refused before any key is made', async () => {
    await expect(service().plan(request({ peers: ['my phone'] }))).rejects.toThrow('cannot be a file name');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the endpoint name: one that does not resolve is a problem, one pointing elsewhere a warning, the right one nothing', async () => {
    const unresolved = await service(async () => []).plan(request());
    expect(unresolved.findings.find((f) => f.code === 'endpoint-unresolved')?.text).toContain(
      'home.example.net does not resolve',
    );
    const failing = await service(() => Promise.reject(new Error('SERVFAIL'))).plan(request());
    expect(failing.findings.map((f) => f.code)).toContain('endpoint-unresolved');
    const elsewhere = await service(async () => ['198.51.100.99']).plan(request());
    expect(elsewhere.findings.find((f) => f.code === 'endpoint-elsewhere')?.text).toBe(
      "home.example.net points to 198.51.100.99, but your public address is 203.0.113.2: the DDNS record is out of date (or the name is someone else's).",
    );
    // Said by key too, for the page and the CLI to say in the user's language.
    expect(elsewhere.findings.find((f) => f.code === 'endpoint-elsewhere')?.said).toEqual({
      key: 'vpn.said.findings.endpointElsewhere',
      params: { host: 'home.example.net', addresses: '198.51.100.99', address: '203.0.113.2' },
    });
    expect(unresolved.findings.find((f) => f.code === 'endpoint-unresolved')?.said).toEqual({
      key: 'vpn.said.findings.endpointUnresolved',
      params: { host: 'home.example.net' },
    });
    const right = await service().plan(request());
    expect(right.findings.map((f) => f.code).filter((c) => c.startsWith('endpoint'))).toEqual([]);
    const byAddress = await service(async () => {
      throw new Error('must not resolve an address');
    }).plan(request({ ddnsName: null }));
    expect(byAddress.endpoint).toEqual({ host: '203.0.113.2', kind: 'address' });
  });
});

describe('configs and QR codes written to the user’s files', () => {
  it('a device’s config: owner-only (0600) even over a readable file, whole, nothing left beside it', async () => {
    const svc = service();
    const plan = await svc.plan(request());
    const out = join(dir, 'out', 'phone.conf');
    await svc.writeConfig(plan, 'phone', out);
    writeFileSync(join(dir, 'out', 'laptop.conf'), 'old');
    await svc.writeConfig(plan, 'laptop', join(dir, 'out', 'laptop.conf'));
    expect(mode(out)).toBe(0o600);
    expect(mode(join(dir, 'out', 'laptop.conf'))).toBe(0o600);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['laptop.conf', 'phone.conf']);
    const text = readFileSync(out, 'utf8');
    const priv = /^PrivateKey = (\S+)$/m.exec(text)![1]!;
    expect(publicKeyOf(priv)).toBe(plan.peers[0]!.publicKey);
    expect(text).toBe(`${peerConfig(plan, 'phone', priv)}\n`);
  });

  it('the server’s config has the server’s private key matching the plan’s public key', async () => {
    const svc = service();
    const plan = await svc.plan(request());
    const out = join(dir, 'wg0.conf');
    await svc.writeConfig(plan, 'server', out);
    const priv = /^PrivateKey = (\S+)$/m.exec(readFileSync(out, 'utf8'))![1]!;
    expect(publicKeyOf(priv)).toBe(plan.serverPublicKey);
    expect(mode(out)).toBe(0o600);
  });

  it('the QR code decodes to exactly the device’s config (PNG, owner-only)', async () => {
    const svc = service();
    const plan = await svc.plan(request());
    const out = join(dir, 'phone.png');
    await svc.writeQr(plan, 'phone', out);
    expect(mode(out)).toBe(0o600);
    const png = readFileSync(out);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(decodeQr(png)).toBe(await svc.configText(plan, 'phone'));
  });

  it('qrPng round trip on any config-sized text', async () => {
    const text = `[Interface]\nPrivateKey = ${'A'.repeat(43)}=\n${'x'.repeat(400)}`;
    expect(decodeQr(await qrPng(text))).toBe(text);
  });

  it('refuses in plain words: a device not in the plan, a QR for the server, keys gone or changed, no endpoint, CGNAT', async () => {
    const svc = service();
    const plan = await svc.plan(request());
    await expect(svc.configText(plan, 'tablet')).rejects.toThrow(
      '"tablet" is not a device of this plan (phone, laptop).',
    );
    await expect(svc.writeQr(plan, 'server', join(dir, 'x.png'))).rejects.toThrow('not for the server');
    const later = await svc.plan(request({ peers: ['tablet'] }));
    await expect(svc.configText(plan, 'phone')).rejects.toThrow('The key of "phone" changed since this plan');
    expect(later.peers[0]!.name).toBe('tablet');
    rmSync(join(dir, 'data', 'vpn-keys.json'));
    await expect(svc.configText(plan, 'server')).rejects.toThrow('The keys of this plan are missing');
    const noEndpoint = await svc.plan(request({ ddnsName: null, publicAddress: null }));
    await expect(svc.configText(noEndpoint, 'phone')).rejects.toThrow('no endpoint for the phone to dial');
    const cgnat = await svc.plan(request({ verdict: 'cgnat' }));
    await expect(svc.configText(cgnat, 'server')).rejects.toThrow('carrier-grade NAT');
    const glinet = await svc.plan(request({ server: 'glinet' }));
    await expect(svc.configText(glinet, 'server')).rejects.toThrow('makes its own configs');
    await expect(svc.writeConfig(plan, 'tablet', join(dir, 'y'))).rejects.toThrow('not a device');
  });

  it('a file that cannot be written: a plain message without the path', async () => {
    const svc = service();
    const plan = await svc.plan(request());
    writeFileSync(join(dir, 'afile'), '');
    await expect(svc.writeConfig(plan, 'phone', join(dir, 'afile', 'phone.conf'))).rejects.toThrow(
      'The file could not be written: check that its folder exists and that you may write there.',
    );
    await expect(svc.writeQr(plan, 'phone', join(dir, 'afile', 'phone.png'))).rejects.toThrow('could not be written');
  });
});

describe('the check from inside (vpn check): the handshake made with the device’s own keys, nothing else sent', () => {
  it('sends one probe to the address asked, on the plan’s port, with the server key and the device’s private key', async () => {
    const asked: Array<{ address: string; port: number; serverPublicKey: string; peerPrivateKey: string }> = [];
    const v = createVpnService({
      keysFile: join(dir, 'data', 'vpn-keys.json'),
      resolve: async () => ['203.0.113.2'],
      probe: async (req) => {
        asked.push(req);
        return { answer: 'handshake', ms: 3, attempts: 1 };
      },
    });
    const plan = await v.plan(request());
    const keys = JSON.parse(readFileSync(join(dir, 'data', 'vpn-keys.json'), 'utf8'));
    const c = await v.check(plan, {
      address: '192.168.57.10',
      peer: 'laptop',
      publicAddress: '203.0.113.2',
      proof: null,
      nvrAddress: '192.168.57.64',
      at: () => new Date('2026-12-05T13:00:00Z'),
    });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({
      address: '192.168.57.10',
      port: plan.listenPort,
      serverPublicKey: plan.serverPublicKey,
      peerPrivateKey: keys.peers.laptop.privateKey,
    });
    expect(c.server).toMatchObject({ peer: 'laptop', answer: 'handshake', ok: true });
    expect(c.endpoint).toMatchObject({ host: 'home.example.net', resolved: ['203.0.113.2'], ok: true });
    // The private key went to the probe only: it is nowhere in what the check returns.
    expect(JSON.stringify(c)).not.toContain(keys.peers.laptop.privateKey);
  });

  it('refuses a device the plan does not have, an overlay plan, and keys that changed since the plan', async () => {
    const v = createVpnService({
      keysFile: join(dir, 'data', 'vpn-keys.json'),
      resolve: async () => [],
      probe: async () => ({ answer: 'handshake', ms: 1, attempts: 1 }),
    });
    const plan = await v.plan(request());
    const req = { address: '192.168.57.10', publicAddress: null, proof: null, nvrAddress: null, at: () => new Date() };
    await expect(v.check(plan, { ...req, peer: 'tablet' })).rejects.toThrow('is not a device of this plan');
    await expect(v.check({ ...plan, mode: 'overlay' }, req)).rejects.toThrow('no home WireGuard server');
    writeFileSync(join(dir, 'data', 'vpn-keys.json'), '{}');
    await expect(v.check(plan, req)).rejects.toThrow('make the plan again');
  });

  it('a probe that fails to open its socket is reported as no answer, not as a crash', async () => {
    const v = createVpnService({
      keysFile: join(dir, 'data', 'vpn-keys.json'),
      resolve: async () => ['203.0.113.2'],
      probe: async () => {
        throw new Error('EADDRNOTAVAIL');
      },
    });
    const plan = await v.plan(request());
    const c = await v.check(plan, {
      address: '192.168.57.10',
      publicAddress: null,
      proof: null,
      nvrAddress: null,
      at: () => new Date(),
    });
    expect(c.server).toMatchObject({ answer: 'silent', ok: false, attempts: 0 });
  });
});
