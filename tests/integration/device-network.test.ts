// Static IP, the device side (src/main/services/static-ip/device-network.ts), bundled and run with plain node from
// the lab's client host: it logs in to each simulator over ONVIF and reads its network settings. Read only — no
// Set* is sent here (the lab is shared; the change path is proven by the unit tests). The truth is the simulator's
// own namespace (`ip -4 -o addr show dev eth0`, `ip route`), and Debian's onvif-util (a client nobody here wrote)
// reads the same values. Needs the lab up with profile home.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceNetwork } from '../../src/main/services/static-ip/device-network';
import { bundleForLab, SRC, type LabBundle } from '../support/lab-bundle';
import { inNs, readLabState, ROGUE, SIMULATORS } from '../lab/lib/testkit.mjs';
import { SIM_USERS } from '../lab/sim/testing.mjs';

const admin = SIM_USERS.find((u: { level: string }) => u.level === 'Administrator')!;

const ENTRY = `
import { nodeHttp } from ${JSON.stringify(`${SRC}/main/transport/http.ts`)};
import { openSession } from ${JSON.stringify(`${SRC}/main/services/onvif/onvif-client.ts`)};
import { readDeviceNetwork } from ${JSON.stringify(`${SRC}/main/services/static-ip/device-network.ts`)};
const [user, password, ...targets] = process.argv.slice(2);
const out = {};
for (const target of targets) {
  const [ip, port] = target.split(':');
  const url = new URL(\`http://\${ip}\${port === '80' ? '' : ':' + port}/onvif/device_service\`);
  const signal = AbortSignal.timeout(20000);
  try {
    const { session } = await openSession({ http: nodeHttp }, url, { username: user, password }, signal);
    out[ip] = { network: await readDeviceNetwork(session, ip, signal) };
  } catch (err) {
    out[ip] = { error: String(err && err.code ? err.code : err) };
  }
}
process.stdout.write(JSON.stringify(out) + '\\n');
`;

interface Truth {
  address: string;
  prefix: number;
  gateway: string | null;
}

/** The simulator's own view of eth0 and its default route, from inside its namespace. */
function truthOf(host: string): Truth {
  const addr = inNs(host, 'ip', ['-4', '-o', 'addr', 'show', 'dev', 'eth0']);
  const m = /inet (\d+\.\d+\.\d+\.\d+)\/(\d+)/.exec(addr.stdout);
  if (!m) throw new Error(`${host}: no IPv4 address on eth0: ${addr.stdout} ${addr.stderr}`);
  const route = inNs(host, 'ip', ['-4', 'route', 'show', 'default']);
  const gw = /default via (\d+\.\d+\.\d+\.\d+)/.exec(route.stdout);
  return { address: m[1]!, prefix: Number(m[2]), gateway: gw ? gw[1]! : null };
}

let bundle: LabBundle;
const truth: Record<string, Truth> = {};
let read: Record<string, { network?: DeviceNetwork; error?: string }> = {};
let roguePid = 0;

beforeAll(async () => {
  const st = readLabState();
  if (!st || st.phase !== 'up' || st.profile !== 'home')
    throw new Error('The lab is not up with profile home: run `npm run lab -- up` first.');
  roguePid = st.processes.find((p: { name: string }) => p.name === `sim-${ROGUE.host}`)?.pid ?? 0;
  for (const s of SIMULATORS) truth[s.host] = truthOf(s.host);
  bundle = await bundleForLab('device-network', ENTRY);
  const targets = SIMULATORS.map((s) => `${truth[s.host]!.address}:${s.ports.onvif}`);
  const r = inNs('client', process.execPath, [bundle.file, admin.user, admin.password, ...targets], {
    timeoutMs: 90_000,
  });
  if (r.code !== 0) throw new Error(`the bundle failed (${r.code}): ${r.stderr.slice(0, 1000)}`);
  read = JSON.parse(r.stdout);
}, 120_000);
afterAll(() => bundle?.remove());

describe.each(SIMULATORS.map((s) => [s.host, s] as const))('readDeviceNetwork on %s', (host, sim) => {
  it('reads the address, prefix and gateway the simulator really has, and DHCP as the lab set it', () => {
    const t = truth[host]!;
    const got = read[t.address];
    expect(got?.error, host).toBeUndefined();
    const n = got!.network!;
    expect(n).toMatchObject({
      address: t.address,
      prefix: t.prefix,
      gateway: t.gateway,
      dhcp: sim.ip === 'dhcp',
      mac: sim.mac,
    });
    expect(n.interfaceToken.length).toBeGreaterThan(0);
    expect(n.interfaces.find((i) => i.token === n.interfaceToken)?.enabled).toBe(true);
    // DNS: a list of addresses (the simulators' own), flagged from DHCP only where the device is on DHCP.
    expect(n.dns.length).toBeGreaterThan(0);
    for (const server of n.dns) expect(server).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    if (sim.ip !== 'dhcp') expect(n.dnsFromDhcp).toBe(false);
  });
});

describe('cross-check: Debian onvif-util reads the same settings', () => {
  // onvif-util's "get network" prints the address, gateway, first DNS server and DHCP; it has no line for the
  // prefix, which is checked against the namespace's own truth above.
  it('"get network" prints the same address, gateway, DNS and DHCP for every simulator', () => {
    // onvif-util starts with a WS-Discovery round that the lab's rogue host crashes: silence the rogue (it
    // resumes on SIGUSR2, or by itself after 90 s), as the simulators' own cross-check does.
    if (roguePid) process.kill(roguePid, 'SIGUSR1');
    try {
      for (const s of SIMULATORS) {
        const t = truth[s.host]!;
        const n = read[t.address]!.network!;
        const run = () =>
          inNs('client', 'onvif-util', ['-u', admin.user, '-p', admin.password, t.address], {
            timeoutMs: 40_000,
            input: 'get network\nquit\n',
          });
        let r = run();
        if (!r.stdout.includes('successfully connected to host')) r = run(); // once, as sim-crosscheck does
        const out = r.stdout;
        expect(out, s.host).toContain('successfully connected to host');
        expect(out).toContain(`IP Address: ${n.address}`);
        expect(out).toMatch(n.dhcp ? /DHCP:\s+YES/ : /DHCP:\s+NO/);
        const field = (name: string) => new RegExp(`${name}:\\s*(\\S+)`).exec(out)?.[1] ?? null;
        expect(field('Gateway'), s.host).toBe(n.gateway);
        expect(field('DNS'), s.host).toBe(n.dns[0] ?? null);
      }
    } finally {
      if (roguePid) process.kill(roguePid, 'SIGUSR2');
    }
  }, 240_000);
});
