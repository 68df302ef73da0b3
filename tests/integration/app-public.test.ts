// The Internet step as users run it: the BUILT CLI (`nvr-assist public … --json`, plain node) in the lab's client
// host, against the lab's STUN server (198.51.100.3:3478) and echoip checker (http://198.51.100.10) on the wan
// side and the lab router's real miniupnpd. Read-only: nothing on the router or the wan host is changed (the hops
// are two pings, TTL 1 and 2, toward the STUN server). Needs the lab up in profile home and `npm run build`: the
// router holds 203.0.113.2 → public-on-router. The cgnat profile's case (miniupnpd learns the carrier's 203.0.113.3
// by STUN and reports it as its WAN address; the hop after the router, 100.64.0.1, is what says CGNAT) runs in
// tests/lifecycle/lab-lifecycle.test.ts, which switches the lab to cgnat itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicAddressCheckSchema, type PublicAddressCheck } from '../../src/shared/domain/public-address';
import { inNs, readLabState, ROUTER, WAN } from '../lab/lib/testkit.mjs';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'nvr-assist.js');
const SERVERS = ['--stun', `${WAN.stun}:3478`, '--checker', `http://${WAN.checker}`];

function cli(args: string[], dataDir: string) {
  return inNs('client', 'env', [`NVR_ASSIST_DATA_DIR=${dataDir}`, process.execPath, CLI, ...args], {
    timeoutMs: 60_000,
  });
}

function check(dataDir: string, args = SERVERS): { check: PublicAddressCheck; ms: number } {
  const started = Date.now();
  const r = cli(['public', ...args, '--json'], dataDir);
  expect(r.code, r.stderr).toBe(0);
  return { check: publicAddressCheckSchema.parse(JSON.parse(r.stdout)), ms: Date.now() - started };
}

let dataDir = '';
beforeAll(() => {
  const st = readLabState();
  if (!st || st.phase !== 'up') throw new Error('the lab is not up: run `node tests/lab/lab.mjs up` first');
  if (st.profile !== 'home') throw new Error(`these tests run for the lab's profile home, it runs "${st.profile}"`);
  dataDir = mkdtempSync(join(tmpdir(), 'app-public-'));
});
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('nvr-assist public, profile home', () => {
  it('says the router holds the public address: 203.0.113.2 from STUN, the checker and the router’s IGD', () => {
    const { check: c, ms } = check(dataDir);
    expect(c.gateway).toBe(ROUTER.lan);
    expect(c.router).toMatchObject({ address: WAN.routerWan, source: 'igd' });
    expect(c.stun).toEqual({ server: `${WAN.stun}:3478`, address: WAN.routerWan, error: null });
    expect(c.checker).toEqual({ server: `http://${WAN.checker}/`, address: WAN.routerWan, error: null });
    expect(c.publicAddress).toBe(WAN.routerWan);
    expect(c.verdict.code).toBe('public-on-router');
    expect(c.findings).toEqual([]);
    // The lab gives IPv4 only (its interfaces have link-local IPv6 alone): said, not guessed.
    expect(c.ipv6).toMatchObject({ code: 'none', global: [], nvr: null });
    // Bounded: STUN ≤ 3 s, the checker ≤ 5 s, the router's UPnP beside them, the hops ≤ 2 s after STUN; the whole
    // command well under 20 s.
    expect(ms).toBeLessThan(20_000);
  });

  it('reads IPv6 from the LAN interface: a global address added to the client says the network has IPv6, and it is gone again after', () => {
    // A documentation-prefix address on the client's LAN link, for this test only (removed in finally).
    const add = inNs('client', 'ip', ['-6', 'addr', 'add', '2001:db8:50::10/64', 'dev', 'eth0', 'nodad']);
    expect(add.code, add.stderr).toBe(0);
    try {
      const { check: c } = check(dataDir);
      expect(c.ipv6).toMatchObject({ code: 'network', global: ['2001:db8:50::10'], nvr: null });
      expect(c.ipv6!.text).toContain('Your network has IPv6 (this computer: 2001:db8:50::10)');
      expect(c.verdict.code).toBe('public-on-router');
    } finally {
      inNs('client', 'ip', ['-6', 'addr', 'del', '2001:db8:50::10/64', 'dev', 'eth0']);
    }
    expect(check(dataDir).check.ipv6?.code).toBe('none');
  });

  it('traces the route toward the STUN server: hop 1 is the router, hop 2 the STUN server itself — a public path changes nothing', () => {
    const { check: c } = check(dataDir);
    // The lab's wan host routes 198.51.100.3 on its own loopback: TTL 2 reaches the STUN server.
    expect(c.hops).toEqual({ target: WAN.stun, first: ROUTER.lan, second: WAN.stun, error: null });
    expect(c.verdict.code).toBe('public-on-router');
    expect(c.verdict.evidence).toContain(
      `Toward the STUN server ${WAN.stun}, hop 1 is your router ${ROUTER.lan} and hop 2 is the STUN server itself`,
    );
    const text = cli(['public', ...SERVERS], dataDir);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Route toward ${WAN.stun}: hop 1 ${ROUTER.lan}, hop 2 ${WAN.stun} (the STUN server)`);
  });

  it('keeps the servers and the address: the next check without flags asks the same servers, and nothing changed', () => {
    const { check: c } = check(dataDir, []);
    expect(c.stun.server).toBe(`${WAN.stun}:3478`);
    expect(c.verdict.code).toBe('public-on-router');
    expect(c.changed).toBeNull();
    const setup = cli(['setup', '--json'], dataDir);
    const record = JSON.parse(setup.stdout).setup;
    expect(record.internet.history).toEqual([expect.objectContaining({ address: WAN.routerWan })]);
    expect(record.steps.internet.status).toBe('verified');
  });

  it('a STUN server that does not answer and a checker that refuses: plain findings within the bounds, no crash', () => {
    // Port 9 on the STUN host: nothing listens there (UDP stays silent, TCP is refused).
    const { check: c, ms } = check(dataDir, ['--stun', `${WAN.stun}:9`, '--checker', `http://${WAN.stun}:9`]);
    expect(c.stun.address).toBeNull();
    expect(c.stun.error).toMatch(/no answer|could not be sent/);
    expect(c.checker.address).toBeNull();
    expect(c.checker.error).toMatch(/refused|not reachable|no answer/);
    expect(c.verdict.code).toBe('unknown');
    expect(c.findings.map((f) => f.code)).toEqual(['stun-failed', 'checker-failed']);
    expect(ms).toBeLessThan(20_000);
  });
});
