// The free-address proof (src/main/services/static-ip/address-probe.ts), bundled and run with plain node from the
// lab's client host: a simulator's and the router's addresses are in use, with evidence and the MAC the lab gave
// them; an address outside the DHCP pool that no lab host uses is free. Traffic stays inside the lab's LAN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FreeProof } from '../../src/main/services/static-ip/address-probe';
import { bundleForLab, SRC, type LabBundle } from '../support/lab-bundle';
import { CLIENT, INFRA_MACS, inNs, LAN, ROGUE, ROUTER, SIMULATORS } from '../lab/lib/testkit.mjs';

const hik = SIMULATORS.find((s) => s.host === 'hik')!;
const UNUSED = '192.168.50.230';

const ENTRY = `
import { proveAddressFree } from ${JSON.stringify(`${SRC}/main/services/static-ip/address-probe.ts`)};
const out = [];
for (const address of process.argv.slice(2)) out.push({ address, proof: await proveAddressFree(address) });
process.stdout.write(JSON.stringify(out) + '\\n');
`;

let bundle: LabBundle;

/** Runs the proof in the client namespace; `env` adds variables (e.g. a PATH without ping). */
function proveInLab(addresses: string[], env: string[] = []): Record<string, FreeProof> {
  const r = inNs('client', 'env', [...env, process.execPath, bundle.file, ...addresses], { timeoutMs: 30_000 });
  expect(r.code, r.stderr).toBe(0);
  const list = JSON.parse(r.stdout) as Array<{ address: string; proof: FreeProof }>;
  return Object.fromEntries(list.map((x) => [x.address, x.proof]));
}

const result = (proof: FreeProof, method: string) => proof.evidence.find((e) => e.method === method)?.result;

beforeAll(async () => {
  bundle = await bundleForLab('address-probe', ENTRY);
});
afterAll(() => bundle?.remove());

describe('the free-address proof in the lab', () => {
  it('the unused address is really unused: outside the DHCP pool and no lab host has it', () => {
    const last = (a: string) => Number(a.split('.')[3]);
    expect(last(UNUSED) < last(LAN.dhcpFrom) || last(UNUSED) > last(LAN.dhcpTo)).toBe(true);
    const fixed = [ROUTER.lan, CLIENT.ip, ROGUE.ip, ...SIMULATORS.map((s) => s.ip)];
    expect(fixed).not.toContain(UNUSED);
  });

  it('proves the simulator, the router and the unused address, with the evidence ping can give here', () => {
    const pingHere = inNs('client', 'sh', ['-c', 'command -v ping']).code === 0;
    const proofs = proveInLab([hik.ip, ROUTER.lan, UNUSED]);

    const sim = proofs[hik.ip]!;
    expect(sim.free).toBe(false);
    expect(sim.mac).toBe(hik.mac);
    expect(result(sim, 'tcp')).toBe('answered');
    expect(result(sim, 'arp')).toBe('answered');
    expect(result(sim, 'icmp')).toBe(pingHere ? 'answered' : 'unavailable');
    expect(sim.evidence.find((e) => e.method === 'tcp')!.detail).toMatch(/^192\.168\.50\.64 answered on TCP 80/);

    const router = proofs[ROUTER.lan]!;
    expect(router.free).toBe(false);
    expect(router.mac).toBe(INFRA_MACS.routerLan);
    expect(result(router, 'arp')).toBe('answered');
    expect(result(router, 'icmp')).toBe(pingHere ? 'answered' : 'unavailable');

    const unused = proofs[UNUSED]!;
    expect(unused).toMatchObject({ free: true, mac: null });
    expect(unused.evidence.map((e) => [e.method, e.result])).toEqual([
      ['icmp', pingHere ? 'silent' : 'unavailable'],
      ['tcp', 'silent'],
      ['arp', 'silent'],
    ]);
  });

  it('without ping on the PATH, ICMP is unavailable and the proof still stands on TCP and ARP', () => {
    const proofs = proveInLab([hik.ip, UNUSED], ['PATH=/nonexistent']);
    expect(proofs[hik.ip]).toMatchObject({ free: false, mac: hik.mac });
    expect(proofs[UNUSED]).toMatchObject({ free: true, mac: null });
    for (const proof of Object.values(proofs))
      expect(proof.evidence.find((e) => e.method === 'icmp')).toEqual({
        method: 'icmp',
        result: 'unavailable',
        detail: 'The ping program is not installed on this computer, so no ICMP echo was sent.',
      });
  });
});
