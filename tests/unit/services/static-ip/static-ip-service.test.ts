// The Static IP service against a fake NVR that keeps its own address settings and answers (or not) where they
// say: the gate before anything is sent, the free-address proof, the pending record before the change, following
// the device to its new address, reading it back, putting it back, and the recovery of an unfinished change.
import { english } from '../../../../src/shared/i18n/english';
import { describe, expect, it } from 'vitest';
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import type { KnownDevice, LanFacts } from '../../../../src/shared/domain/static-ip';
import { AppFailure } from '../../../../src/shared/ipc/errors';
import type { StaticIpPending } from '../../../../src/shared/steps/static-ip';
import type { OnvifSession } from '../../../../src/main/services/onvif/onvif-client';
import type { FreeProof } from '../../../../src/main/services/static-ip/address-probe';
import type { DeviceNetwork } from '../../../../src/main/services/static-ip/device-network';
import {
  createStaticIpService,
  settingsFromDiscovery,
  urlAt,
  withReservation,
} from '../../../../src/main/services/static-ip/static-ip-service';

const LAN: LanFacts = { interfaceName: 'eth0', address: '192.168.50.10', prefix: 24, gateway: '192.168.50.1' };
const LOGIN = { username: 'admin', password: 'pw' };
const MAC = '02:00:c0:a8:32:43';

type Behaviour =
  | 'moves'
  | 'refuses'
  | 'never-returns'
  | 'keeps-old'
  | 'reboot-needed'
  | 'drops-gateway'
  | 'elsewhere'
  | 'reboots-twice'
  | 'put-back-differs';

/** A fake NVR: its settings, where it answers, and what it does with a change. */
function fakeNvr(behaviour: Behaviour, start: Partial<DeviceNetwork> = {}) {
  const state: DeviceNetwork = {
    interfaceToken: 'eth0',
    mac: MAC,
    dhcp: true,
    address: '192.168.50.142',
    prefix: 24,
    gateway: '192.168.50.1',
    dns: ['192.168.50.1'],
    dnsFromDhcp: true,
    interfaces: [],
    ...start,
  };
  const log: string[] = [];
  let answering = true;
  let pendingReboot: Partial<DeviceNetwork> | null = null;
  let silentFor = 0;
  const session = (host: string): OnvifSession => ({
    url: new URL(`http://${host}/onvif/device_service`),
    clockOffsetMs: 0,
    auth: 'digest',
    call: () => Promise.reject(new Error('not used')),
  });
  const device: DiscoveredDevice = {
    id: 'dev-cam',
    addresses: [state.address!],
    mac: MAC,
    brand: null,
    brandSource: null,
    model: null,
    name: null,
    firmware: null,
    serial: null,
    sources: ['onvif'],
    onvifUrl: `http://${state.address}/onvif/device_service`,
    endpoint: 'urn:uuid:cam',
    ports: {},
    dhcp: null,
    activated: null,
    upnp: false,
    notes: [],
    interfaceName: 'eth0',
    lastSeenAt: '2026-12-05T00:00:00.000Z',
  };
  return {
    state,
    log,
    device,
    open: async (url: URL) => {
      log.push(`open ${url.hostname}`);
      if (!answering || url.hostname !== state.address) throw new AppFailure('DEVICE_UNREACHABLE');
      if (silentFor > 0) {
        silentFor--;
        throw new AppFailure('DEVICE_UNREACHABLE');
      }
      return session(url.hostname);
    },
    reachable: async (address: string) => {
      if (!answering || address !== state.address) throw new AppFailure('DEVICE_UNREACHABLE');
    },
    readNetwork: async () => structuredClone(state),
    sendNetwork: async (
      _s: OnvifSession,
      change:
        | { interfaceToken: string; address: string; prefix: number; gateway: string; dns: string[] }
        | { interfaceToken: string; dhcp: true },
    ) => {
      log.push(`send ${'dhcp' in change ? 'dhcp' : `${change.address}/${change.prefix} gw ${change.gateway}`}`);
      if (behaviour === 'refuses') throw new AppFailure('STATIC_IP_DEVICE_REFUSED');
      if ('dhcp' in change) {
        // Back at its old address, but (this one) keeping DHCP off: the put-back is not what it was.
        Object.assign(state, { dhcp: behaviour !== 'put-back-differs', address: '192.168.50.142' });
        return { rebootNeeded: false };
      }
      const next = {
        dhcp: false,
        address: change.address,
        prefix: change.prefix,
        gateway: change.gateway,
        dns: change.dns,
      };
      if (behaviour === 'keeps-old') return { rebootNeeded: false };
      if (behaviour === 'elsewhere') {
        // It does not keep the address, and its DHCP lease moves meanwhile: it answers at a third address.
        Object.assign(state, { dhcp: true, address: '192.168.50.99' });
        return { rebootNeeded: false };
      }
      if (behaviour === 'never-returns') answering = false;
      if (behaviour === 'reboot-needed' || behaviour === 'reboots-twice') {
        pendingReboot = next;
        return { rebootNeeded: true };
      }
      const halfTaken = behaviour === 'drops-gateway' || behaviour === 'put-back-differs';
      Object.assign(state, next, halfTaken ? { gateway: null, dhcp: true } : {});
      return { rebootNeeded: false, replyLost: true };
    },
    reboot: async () => {
      log.push('reboot');
      if (pendingReboot) Object.assign(state, pendingReboot);
      // Some devices restart twice after a new address: silent for a while, up, then down again once.
      if (behaviour === 'reboots-twice') silentFor = 2;
    },
  };
}

function service(
  nvr: ReturnType<typeof fakeNvr>,
  proof: FreeProof = { free: true, evidence: [], mac: null },
  overrides: Partial<Parameters<typeof createStaticIpService>[0]> = {},
) {
  const sleeps: number[] = [];
  const searches: Array<{ mac: string | null; endpoint: string | null }> = [];
  const svc = createStaticIpService({
    onvif: {
      http: { request: () => Promise.reject(new Error('no network in unit tests')) } as never,
      now: () => new Date(),
    },
    now: () => new Date('2026-12-05T12:00:00Z'),
    sleep: async (ms) => void sleeps.push(ms),
    readNetwork: nvr.readNetwork,
    sendNetwork: nvr.sendNetwork,
    reboot: nvr.reboot,
    proveFree: async (address) => (nvr.log.push(`prove ${address}`), proof),
    macAt: async () => null,
    follow: { rounds: 3, intervalMs: 100 },
    openSession: nvr.open,
    reachable: nvr.reachable,
    // The LAN search: finds the fake NVR wherever it is, by its MAC.
    locate: async (whom) => {
      searches.push(whom);
      return whom.mac === nvr.state.mac ? `http://${nvr.state.address}/onvif/device_service` : null;
    },
    ...overrides,
  });
  return { svc, sleeps, searches };
}

const known: KnownDevice[] = [
  { id: 'dev-cam', address: '192.168.50.142', mac: MAC, dhcp: true },
  { id: 'dev-hik', address: '192.168.50.64', mac: '02:00:c0:a8:32:40', dhcp: false },
];

function applyWith(nvr: ReturnType<typeof fakeNvr>, address: string, extra: { confirmWarnings?: boolean } = {}) {
  const { svc, sleeps } = service(nvr);
  const pendings: StaticIpPending[] = [];
  const run = svc.apply(nvr.device, {
    login: LOGIN,
    lan: LAN,
    userPool: '192.168.50.100-192.168.50.199',
    known,
    target: { address },
    confirmWarnings: extra.confirmWarnings ?? false,
    signal: new AbortController().signal,
    onChanging: async (p) => {
      nvr.log.push('pending saved');
      pendings.push(p);
    },
  });
  return { run, pendings, sleeps };
}

describe('static IP service: apply', () => {
  it('moves a DHCP camera to a free address outside the pool, saves the pending change before sending, follows and reads it back (verified)', async () => {
    const nvr = fakeNvr('moves');
    const { run, pendings } = applyWith(nvr, '192.168.50.230');
    const result = await run;
    expect(result.outcome).toBe('verified');
    expect(result.address).toBe('192.168.50.230');
    expect(result.change.to).toEqual({
      address: '192.168.50.230',
      prefix: 24,
      gateway: '192.168.50.1',
      dns: ['192.168.50.1'],
    });
    expect(result.change.from).toMatchObject({ dhcp: true, address: '192.168.50.142', source: 'onvif' });
    // Proven free, then pending saved, then sent; found at the new address.
    const order = nvr.log.filter((l) => /^(prove|pending|send)/.test(l));
    expect(order).toEqual(['prove 192.168.50.230', 'pending saved', 'send 192.168.50.230/24 gw 192.168.50.1']);
    expect(pendings[0]).toMatchObject({
      mac: MAC,
      endpoint: 'urn:uuid:cam',
      onvifUrl: 'http://192.168.50.142/onvif/device_service',
      newOnvifUrl: 'http://192.168.50.230/onvif/device_service',
    });
    expect(result.recheck).toEqual(['ports', 'upnp', 'rules', 'verify']);
    expect(result.steps.join('\n')).toContain('Read back at 192.168.50.230: DHCP off');
    expect(result.steps.join('\n')).toContain('did not arrive');
  });

  it('refuses an address off the subnet, the router’s, another device’s or inside the pool before anything is sent', async () => {
    for (const [address, words] of [
      ['10.0.0.5', /subnet|network/i],
      ['192.168.50.1', /router|gateway/i],
      ['192.168.50.64', /another|used|dev-hik|device/i],
      ['192.168.50.150', /range|pool|DHCP/i],
      ['192.168.50.300', /address/i],
    ] as const) {
      const nvr = fakeNvr('moves');
      const failure = await applyWith(nvr, address).run.catch((e: unknown) => e);
      expect(failure, address).toMatchObject({ code: 'STATIC_IP_REFUSED' });
      expect((failure as AppFailure).message, address).toMatch(words);
      expect(
        nvr.log.filter((l) => /^(prove|pending|send)/.test(l)),
        address,
      ).toEqual([]);
    }
  });

  it('does not send an address something already answers at (the proof), and saves no pending change', async () => {
    const nvr = fakeNvr('moves');
    const { svc } = service(nvr, {
      free: false,
      evidence: [{ method: 'tcp', result: 'answered', detail: '192.168.50.230 answered on TCP 80' }],
      mac: '02:00:00:00:00:99',
    });
    const failure = await svc
      .apply(nvr.device, {
        login: LOGIN,
        lan: LAN,
        userPool: '192.168.50.100-192.168.50.199',
        known,
        target: { address: '192.168.50.230' },
        confirmWarnings: true,
        signal: new AbortController().signal,
        onChanging: async () => void nvr.log.push('pending saved'),
      })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'STATIC_IP_ADDRESS_IN_USE' });
    expect(nvr.log.filter((l) => /^(pending|send)/.test(l))).toEqual([]);
  });

  it('an address the neighbour table still remembers for this very NVR (its own MAC, nobody answering) is not taken; another MAC there is', async () => {
    const remembered = (mac: string): FreeProof => ({
      free: false,
      evidence: [
        { method: 'icmp', result: 'silent', detail: 'no echo reply' },
        { method: 'tcp', result: 'silent', detail: 'no TCP answer' },
        { method: 'arp', result: 'answered', detail: `the neighbour table names ${mac}` },
      ],
      mac,
    });
    const run = (proof: FreeProof) => {
      const nvr = fakeNvr('moves');
      return service(nvr, proof)
        .svc.apply(nvr.device, {
          login: LOGIN,
          lan: LAN,
          userPool: '192.168.50.100-192.168.50.199',
          known,
          target: { address: '192.168.50.230' },
          confirmWarnings: false,
          signal: new AbortController().signal,
          onChanging: async () => {},
        })
        .catch((e: unknown) => e);
    };
    const own = (await run(remembered(MAC))) as { outcome: string; steps: string[] };
    expect(own.outcome).toBe('verified');
    expect(own.steps.join(' ')).toContain(`own MAC (${MAC})`);
    expect(await run(remembered('02:00:00:00:00:99'))).toMatchObject({ code: 'STATIC_IP_ADDRESS_IN_USE' });
  });

  it('a device that never comes back is reported lost with what was sent, its MAC and where to look, after a bounded wait', async () => {
    const nvr = fakeNvr('never-returns');
    const { run, sleeps } = applyWith(nvr, '192.168.50.230');
    const result = await run;
    expect(result.outcome).toBe('lost');
    expect(result.address).toBeNull();
    expect(result.message).toContain('192.168.50.230');
    expect(result.message).toContain(MAC);
    expect(result.message).toMatch(/search|router/);
    expect(sleeps).toEqual([100, 100]); // 3 rounds, a pause between each
    expect(result.recheck).toEqual([]);
  });

  it('a device that refuses the settings (a fault) is reported unchanged', async () => {
    const nvr = fakeNvr('refuses');
    const result = await applyWith(nvr, '192.168.50.230').run;
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/refused/);
  });

  it('a device that keeps its old address is found there and reported unchanged', async () => {
    const nvr = fakeNvr('keeps-old');
    const result = await applyWith(nvr, '192.168.50.230').run;
    expect(result).toMatchObject({ outcome: 'restored', address: '192.168.50.142' });
  });

  it('restarts a device that asks for it (RebootNeeded) and then finds it at the new address', async () => {
    const nvr = fakeNvr('reboot-needed');
    const result = await applyWith(nvr, '192.168.50.230').run;
    expect(nvr.log).toContain('reboot');
    expect(result.outcome).toBe('verified');
    expect(result.steps.join(' ')).toMatch(/restart/);
  });

  it('a device that restarts twice (down, up, down again) is waited for within the bound and then read back', async () => {
    const nvr = fakeNvr('reboots-twice');
    const { svc, sleeps } = service(nvr);
    const result = await svc.apply(nvr.device, {
      login: LOGIN,
      lan: LAN,
      userPool: '192.168.50.100-192.168.50.199',
      known,
      target: { address: '192.168.50.230' },
      confirmWarnings: false,
      signal: new AbortController().signal,
      onChanging: async () => {},
    });
    expect(result.outcome).toBe('verified');
    expect(sleeps).toEqual([100, 100]); // two rounds of silence, found in the third
  });

  it('a device that takes the address but not the rest is put back (DHCP on again) and the put-back is read back', async () => {
    const nvr = fakeNvr('drops-gateway');
    const result = await applyWith(nvr, '192.168.50.230').run;
    expect(nvr.log.filter((l) => l.startsWith('send'))).toEqual([
      'send 192.168.50.230/24 gw 192.168.50.1',
      'send dhcp',
    ]);
    expect(result).toMatchObject({ outcome: 'restored', address: '192.168.50.142' });
  });

  it('a device that comes back at a third address is found by one search of the LAN (its MAC), put back and read back', async () => {
    const nvr = fakeNvr('elsewhere');
    const { svc, searches } = service(nvr);
    const result = await svc.apply(nvr.device, {
      login: LOGIN,
      lan: LAN,
      userPool: '192.168.50.100-192.168.50.199',
      known,
      target: { address: '192.168.50.230' },
      confirmWarnings: false,
      signal: new AbortController().signal,
      onChanging: async () => {},
    });
    expect(searches[0]).toEqual({ mac: MAC, endpoint: 'urn:uuid:cam' });
    expect(result.steps.join('\n')).toContain('Read back at 192.168.50.99: DHCP on');
    // Put back on DHCP (as it was), and read back at its old address.
    expect(nvr.log.filter((l) => l.startsWith('send'))).toEqual([
      'send 192.168.50.230/24 gw 192.168.50.1',
      'send dhcp',
    ]);
    expect(result).toMatchObject({ outcome: 'restored', address: '192.168.50.142' });
  });

  it('a put-back that does not read back as before is failed, and says where the NVR answered last (its old address)', async () => {
    const nvr = fakeNvr('put-back-differs');
    const result = await applyWith(nvr, '192.168.50.230').run;
    expect(result.outcome).toBe('failed');
    expect(result.message).toContain('It last answered at 192.168.50.142');
    expect(result.address).toBe('192.168.50.142');
  });

  it('a warning (an address it would not propose) needs the user’s yes', async () => {
    // The pool as a router-default hint only (no user pool, no leases): inside it is a warning, not an error.
    const nvr = fakeNvr('moves');
    const { svc } = service(nvr);
    const lan = { ...LAN, address: '192.168.0.10', gateway: '192.168.0.1' };
    const dev = { ...nvr.device, addresses: ['192.168.0.142'], onvifUrl: 'http://192.168.0.142/onvif/device_service' };
    Object.assign(nvr.state, { address: '192.168.0.142', gateway: '192.168.0.1', dns: ['192.168.0.1'] });
    const args = {
      login: LOGIN,
      lan,
      userPool: null,
      known: [],
      target: { address: '192.168.0.150' },
      signal: new AbortController().signal,
      onChanging: async () => {},
    };
    await expect(svc.apply(dev, { ...args, confirmWarnings: false })).rejects.toMatchObject({
      code: 'STATIC_IP_UNCONFIRMED',
    });
    expect(nvr.log.filter((l) => l.startsWith('send'))).toEqual([]);
    const result = await svc.apply(dev, { ...args, confirmWarnings: true });
    expect(result.outcome).toBe('verified');
  });
});

describe('static IP service: check and recover', () => {
  it('without a login it says what discovery knows, and that it was not read from the NVR', async () => {
    const nvr = fakeNvr('moves');
    const { svc } = service(nvr);
    const reading = await svc.check(
      { ...nvr.device, sources: ['sadp'], dhcp: true },
      { lan: LAN, userPool: null, known, signal: new AbortController().signal },
    );
    expect(reading.loggedIn).toBe(false);
    expect(reading.settings).toEqual({
      dhcp: true,
      address: '192.168.50.142',
      prefix: null,
      gateway: null,
      dns: [],
      source: 'sadp',
    });
    expect(reading.findings.map((f) => f.code)).toContain('on-dhcp');
    expect(nvr.log).toEqual([]); // nothing was asked of the device
  });

  it('with a login it reads the NVR, judges it against the pool the user typed and proposes an address outside it', async () => {
    const nvr = fakeNvr('moves');
    const { svc } = service(nvr);
    const reading = await svc.check(nvr.device, {
      login: LOGIN,
      lan: LAN,
      userPool: '192.168.50.100-192.168.50.199',
      known,
      signal: new AbortController().signal,
    });
    expect(reading).toMatchObject({ loggedIn: true, mac: MAC, pool: { source: 'user', first: '192.168.50.100' } });
    expect(reading.settings.source).toBe('onvif');
    expect(reading.findings.find((f) => f.code === 'on-dhcp')?.severity).toBe('problem');
    const p = reading.proposal!;
    expect(p.address).not.toMatch(/^192\.168\.50\.1(\d\d)$/);
    expect(p).toMatchObject({ prefix: 24, gateway: '192.168.50.1' });
    expect(reading.reservation).toMatchObject({ mac: MAC, address: p.address });
    expect(reading.reservation!.families.length).toBeGreaterThan(5);
  });

  it('when only a factory range is known and it covers the network, no address is proposed and a finding says why', async () => {
    const nvr = fakeNvr('moves', { address: '192.168.1.142', gateway: '192.168.1.1', dns: ['192.168.1.1'] });
    const { svc } = service(nvr);
    const lan = { interfaceName: 'eth0', address: '192.168.1.10', prefix: 24, gateway: '192.168.1.1' };
    const reading = await svc.check(
      { ...nvr.device, addresses: ['192.168.1.142'], onvifUrl: 'http://192.168.1.142/onvif/device_service' },
      { login: LOGIN, lan, userPool: null, known: [], signal: new AbortController().signal },
    );
    expect(reading.pool).toMatchObject({ source: 'router-default', first: '192.168.1.2', last: '192.168.1.254' });
    expect(reading.proposal).toBeNull();
    const why = reading.findings.find((f) => f.code === 'no-free-address')!;
    expect(why.severity).toBe('warning');
    expect(why.text).toMatch(/range smaller|reserve/);
    expect(why.said).toEqual({
      key: 'staticIp.noProposal.poolFull',
      params: { first: '192.168.1.2', last: '192.168.1.254' },
    });
    expect(why.evidence[0]).toContain('192.168.1.2–192.168.1.254');
  });

  it('a pool that is not one is refused in plain words', async () => {
    const nvr = fakeNvr('moves');
    const { svc } = service(nvr);
    await expect(
      svc.check(nvr.device, { lan: LAN, userPool: 'ten to twenty', known, signal: new AbortController().signal }),
    ).rejects.toMatchObject({ code: 'STATIC_IP_BAD_POOL' });
  });

  const pending = (to: string): StaticIpPending => ({
    change: {
      from: { ...settingsFromDiscovery({ ...fakeNvr('moves').device }), dhcp: true, source: 'onvif' },
      to: { address: to, prefix: 24, gateway: '192.168.50.1', dns: ['192.168.50.1'] },
    },
    mac: MAC,
    endpoint: 'urn:uuid:cam',
    onvifUrl: 'http://192.168.50.142/onvif/device_service',
    newOnvifUrl: urlAt('http://192.168.50.142/onvif/device_service', to),
    startedAt: '2026-12-05T11:58:00.000Z',
  });

  it('after a crash, in words: did finish; did not take (as before, or found by a search); lost with where to look; no login', async () => {
    const recover = (nvr: ReturnType<typeof fakeNvr>, login: typeof LOGIN | null = LOGIN) =>
      service(nvr).svc.recover(nvr.device, pending('192.168.50.230'), login ?? undefined, new AbortController().signal);
    const done = await recover(fakeNvr('moves', { dhcp: false, address: '192.168.50.230' }));
    expect(done).toMatchObject({
      message:
        'An address change started on 2026-12-05 at 11:58 UTC did finish: the NVR answers at 192.168.50.230 with DHCP off.',
      steps: ['Found at 192.168.50.230 after the app restarted.'],
      recheck: ['ports', 'upnp', 'rules', 'verify'],
      mac: MAC,
      at: '2026-12-05T12:00:00.000Z',
    });
    // At the new address but still on DHCP (a lease that happens to match): the change did not take.
    const leased = await recover(fakeNvr('moves', { dhcp: true, address: '192.168.50.230' }));
    expect(leased).toMatchObject({ outcome: 'restored', address: '192.168.50.230', recheck: [] });
    const stayed = await recover(fakeNvr('moves'));
    expect(stayed.message).toBe(
      'An address change started on 2026-12-05 at 11:58 UTC did not take: the NVR answers at 192.168.50.142, as before.',
    );
    expect(stayed).toMatchObject({ steps: [], recheck: [] });
    const elsewhere = await recover(fakeNvr('moves', { address: '192.168.50.77' }));
    expect(elsewhere.message).toBe(
      'An address change started on 2026-12-05 at 11:58 UTC did not take: the NVR answers at 192.168.50.77 (found by a search of the network).',
    );
    const gone = await recover(fakeNvr('moves', { address: '192.168.50.77', mac: '02:00:00:00:00:77' }));
    expect(gone).toMatchObject({ outcome: 'lost', address: null, steps: [], recheck: [] });
    expect(gone.message).toBe(
      'An address change (to 192.168.50.230) started on 2026-12-05 at 11:58 UTC did not finish, and the NVR answers neither there nor at 192.168.50.142. ' +
        `Its MAC is ${MAC}: find it with this app's search (with the address sweep), the vendor's tool or the router's list of clients.`,
    );
    const noLogin = await recover(fakeNvr('moves'), null);
    expect(noLogin).toMatchObject({ outcome: 'failed', address: null, steps: [], recheck: [] });
    expect(noLogin.message).toBe(
      'An address change started on 2026-12-05 at 11:58 UTC did not finish, and the app has no login to check where the NVR is now. Log in again (step “Find your NVR”) and check this step.',
    );
  });

  it('after a crash: found at the new address with DHCP off → verified; still at the old → unchanged; nowhere → lost with the MAC', async () => {
    const moved = fakeNvr('moves', { dhcp: false, address: '192.168.50.230' });
    expect(
      await service(moved).svc.recover(moved.device, pending('192.168.50.230'), LOGIN, new AbortController().signal),
    ).toMatchObject({
      outcome: 'verified',
      address: '192.168.50.230',
    });
    const stayed = fakeNvr('moves');
    expect(
      await service(stayed).svc.recover(stayed.device, pending('192.168.50.230'), LOGIN, new AbortController().signal),
    ).toMatchObject({
      outcome: 'restored',
      address: '192.168.50.142',
    });
    // Somewhere else, found by one search of the LAN (its MAC): it is there, and the change did not take.
    const moved2 = fakeNvr('moves', { address: '192.168.50.77' });
    expect(
      await service(moved2).svc.recover(moved2.device, pending('192.168.50.230'), LOGIN, new AbortController().signal),
    ).toMatchObject({ outcome: 'restored', address: '192.168.50.77' });
    // Nowhere, not even by a search.
    const gone = fakeNvr('moves', { address: '192.168.50.77', mac: '02:00:00:00:00:77' });
    const lost = await service(gone).svc.recover(
      gone.device,
      pending('192.168.50.230'),
      LOGIN,
      new AbortController().signal,
    );
    expect(lost.outcome).toBe('lost');
    expect(lost.message).toContain(MAC);
    expect(lost.message).toContain('2026-12-05 at 11:58 UTC');
  });
});

describe('static IP service: the router way', () => {
  const reservation = { address: '192.168.50.232', mac: MAC, plannedAt: '2026-12-05T12:00:00.000Z' };
  const onDhcp = (address: string) => ({
    dhcp: true,
    address,
    prefix: 24,
    gateway: '192.168.50.1',
    dns: ['192.168.50.1'],
    source: 'onvif' as const,
  });
  const dhcpProblem = {
    code: 'on-dhcp' as const,
    severity: 'problem' as const,
    text: 'The NVR gets its address from DHCP.',
    evidence: [],
  };

  it('a device on DHCP that has the reserved address is fine: the DHCP problem gives way to the reservation, with both facts as evidence', () => {
    const out = withReservation([dhcpProblem], onDhcp('192.168.50.232'), reservation);
    expect(out.map((f) => [f.code, f.severity])).toEqual([['reservation-ok', 'ok']]);
    expect(out[0]!.text).toBe(
      'The router keeps 192.168.50.232 for this NVR: it got that address from the router’s DHCP, so DHCP on is fine.',
    );
    expect(out[0]!.said).toEqual({ key: 'staticIp.findings.reservationOk', params: { address: '192.168.50.232' } });
    expect(out[0]!.evidence).toEqual([
      'The NVR says: DHCP on, address 192.168.50.232.',
      `Your reservation: 192.168.50.232 for MAC ${MAC}, noted 2026-12-05.`,
    ]);
  });

  it('a device that does not have the reserved address yet keeps its DHCP problem and is told to renew its lease', () => {
    const out = withReservation([dhcpProblem], onDhcp('192.168.50.142'), reservation);
    expect(out.map((f) => f.code)).toEqual(['on-dhcp', 'reservation-pending']);
    expect(out[1]!.text).toMatch(/restart the NVR/);
  });

  it('a static device at the reserved address is judged as static, not as a reservation', () => {
    const staticOk = { code: 'static-ok' as const, severity: 'ok' as const, text: 'Static.', evidence: [] };
    expect(withReservation([staticOk], { ...onDhcp('192.168.50.232'), dhcp: false }, reservation)).toEqual([staticOk]);
  });
});

describe('static IP service: what the user reads after a change (exact words, steps and progress)', () => {
  const progressOf = (nvr: ReturnType<typeof fakeNvr>, address: string) => {
    const { svc } = service(nvr);
    const seen: string[] = [];
    const run = svc.apply(nvr.device, {
      login: LOGIN,
      lan: LAN,
      userPool: '192.168.50.100-192.168.50.199',
      known,
      target: { address },
      confirmWarnings: false,
      signal: new AbortController().signal,
      progress: (done, total, words) =>
        seen.push(`${done}/${total} ${typeof words === 'string' ? words : english(words)}`),
      onChanging: async () => {},
    });
    return { run, seen };
  };

  const SENT = 'Sent to the NVR: DHCP off, address 192.168.50.230/24, router 192.168.50.1, DNS 192.168.50.1.';
  const LOOKING = ['4/6 Looking for the NVR at 192.168.50.230…', '4/6 Looking for the NVR at 192.168.50.230… (1/3)'];
  const START = [
    '0/6 Checking the address…',
    '1/6 Making sure nothing answers at 192.168.50.230…',
    '2/6 Giving the NVR the address 192.168.50.230…',
  ];
  const PUTTING_BACK = '5/6 The NVR did not take the settings as sent: putting its old settings back…';

  it('verified: the address it keeps, read back from the NVR, each step and each progress line as the user reads them', async () => {
    const { run, seen } = progressOf(fakeNvr('moves'), '192.168.50.230');
    const r = await run;
    expect(r.message).toBe(
      'The NVR now keeps the address 192.168.50.230 (DHCP off), read back from the NVR itself. Check the steps that point at its address again.',
    );
    expect(r).toMatchObject({ mac: MAC, at: '2026-12-05T12:00:00.000Z' });
    expect(r.steps).toEqual([
      SENT,
      'The NVR’s answer to the address change did not arrive (it moved at once).',
      'Read back at 192.168.50.230: DHCP off, 192.168.50.230/24, router 192.168.50.1, DNS 192.168.50.1.',
    ]);
    expect(seen).toEqual([...START, ...LOOKING]);
  });

  it('a restart the NVR asks for is said in the progress and the steps, before it is looked for', async () => {
    const { run, seen } = progressOf(fakeNvr('reboot-needed'), '192.168.50.230');
    const r = await run;
    expect(r.steps).toEqual([
      SENT,
      'The NVR asked for a restart to use the new address; the app restarted it.',
      'Read back at 192.168.50.230: DHCP off, 192.168.50.230/24, router 192.168.50.1, DNS 192.168.50.1.',
    ]);
    expect(seen).toEqual([...START, '3/6 The NVR needs a restart for the new address: restarting it…', ...LOOKING]);
  });

  it('refused by the NVR: its own refusal, then that its settings were read back as before; nothing else is sent', async () => {
    const nvr = fakeNvr('refuses');
    const { run, seen } = progressOf(nvr, '192.168.50.230');
    const r = await run;
    expect(r.message).toMatch(/^The NVR refused .* Its settings were read back: as before \(192\.168\.50\.142\)\.$/);
    expect(r.steps).toEqual(['Read back at 192.168.50.142: as before.']);
    expect(nvr.log.filter((l) => l.startsWith('send'))).toHaveLength(1);
    expect(seen).toEqual([...START, PUTTING_BACK]);
  });

  it('kept its old address: "Nothing was changed", the read-back says "not as sent", and nothing is sent to put back', async () => {
    const nvr = fakeNvr('keeps-old');
    const { run, seen } = progressOf(nvr, '192.168.50.230');
    const r = await run;
    expect(r.message).toBe('The NVR kept its old settings (192.168.50.142). Nothing was changed.');
    expect(r.steps).toEqual([
      SENT,
      'Read back at 192.168.50.142: DHCP on, 192.168.50.142/24, router 192.168.50.1, DNS 192.168.50.1 — not as sent.',
      'Read back at 192.168.50.142: as before.',
    ]);
    expect(nvr.log.filter((l) => l.startsWith('send'))).toHaveLength(1);
    expect(seen).toEqual([...START, ...LOOKING, PUTTING_BACK]);
  });

  it('took the address but not the router: DHCP put back on, read back, and the words say its old settings are back', async () => {
    const { run } = progressOf(fakeNvr('drops-gateway'), '192.168.50.230');
    const r = await run;
    expect(r.message).toBe(
      'The NVR did not keep the new settings; its old ones are back (192.168.50.142), read back from the NVR.',
    );
    expect(r.steps.slice(2)).toEqual([
      'Read back at 192.168.50.230: DHCP on, 192.168.50.230/24, router —, DNS 192.168.50.1 — not as sent.',
      'Sent to the NVR: DHCP on again (its settings before).',
      'Read back at 192.168.50.142: as before.',
    ]);
  });

  it('a static NVR is put back on its own static address; when that does not read back as before, it is failed with its MAC', async () => {
    const nvr = fakeNvr('drops-gateway', { dhcp: false });
    const { run } = progressOf(nvr, '192.168.50.230');
    const r = await run;
    expect(nvr.log.filter((l) => l.startsWith('send'))).toEqual([
      'send 192.168.50.230/24 gw 192.168.50.1',
      'send 192.168.50.142/24 gw 192.168.50.1',
    ]);
    expect(r.steps.at(-1)).toBe('Sent to the NVR: its old address 192.168.50.142/24 again.');
    expect(r.outcome).toBe('failed');
    expect(r.message).toMatch(
      /^The NVR did not keep the new settings, and putting the old ones back could not be verified: it answers at 192\.168\.50\.142 with other settings than before\. /,
    );
    expect(r.message).toMatch(/its MAC is 02:00:c0:a8:32:43\. Check its network page\.$/);
    expect(r.recheck).toEqual([]);
  });
});

describe('static IP service: conflicts, no network chosen, and the typed address', () => {
  const OTHER = '02:00:c0:a8:32:99';
  const check = (nvr: ReturnType<typeof fakeNvr>, list: KnownDevice[], lan: LanFacts | null = LAN) =>
    service(nvr).svc.check(nvr.device, {
      login: LOGIN,
      lan,
      userPool: null,
      known: list,
      signal: new AbortController().signal,
    });

  it('another device at the NVR’s address (another MAC) is a conflict the user is told about, with that MAC', async () => {
    const reading = await check(fakeNvr('moves'), [
      ...known,
      { id: 'dev-other', address: '192.168.50.142', mac: OTHER, dhcp: true },
    ]);
    const conflict = reading.findings.find((f) => f.code === 'address-conflict');
    expect(conflict).toBeDefined();
    expect(JSON.stringify(conflict)).toContain(OTHER);
  });

  it('no conflict from the NVR’s own entry, an entry with its own MAC, one without a MAC, or one at another address', async () => {
    const reading = await check(fakeNvr('moves'), [
      { id: 'dev-cam', address: '192.168.50.142', mac: OTHER, dhcp: true }, // its own entry, an older MAC
      { id: 'dev-twin', address: '192.168.50.142', mac: MAC, dhcp: true }, // the same NVR listed twice
      { id: 'dev-nomac', address: '192.168.50.142', mac: null, dhcp: true },
      { id: 'dev-far', address: '192.168.50.77', mac: OTHER, dhcp: true },
    ]);
    expect(reading.findings.map((f) => f.code)).not.toContain('address-conflict');
  });

  it('without a network chosen: one finding says to pick it first, and nothing is proposed or reserved', async () => {
    const reading = await check(fakeNvr('moves'), known, null);
    expect(reading.findings).toEqual([
      {
        code: 'settings-unknown',
        severity: 'info',
        text: 'Pick the network interface in “Your network” first: the address is judged against this computer’s network.',
        said: { key: 'staticIp.findings.pickInterface' },
        evidence: [],
      },
    ]);
    expect(reading).toMatchObject({ proposal: null, reservation: null, pool: null });
  });

  it('a typed address: trimmed, with the network’s router and the NVR’s own first two DNS servers, "the address you typed"', () => {
    const { svc } = service(fakeNvr('moves'));
    const current = {
      dhcp: true,
      address: '192.168.50.142',
      prefix: 24,
      gateway: '192.168.50.1',
      dns: ['192.168.50.1', '1.1.1.1', '9.9.9.9'],
      source: 'onvif' as const,
    };
    const nvr = fakeNvr('moves');
    const typed = svc.plan(nvr.device, { address: ' 192.168.50.230 ' }, { lan: LAN, userPool: null, known, current });
    expect(typed.proposal).toEqual({
      address: '192.168.50.230',
      prefix: 24,
      gateway: '192.168.50.1',
      dns: ['192.168.50.1', '1.1.1.1'],
      why: ['The address you typed.'],
      whySaid: [{ key: 'staticIp.why.typed' }],
    });
    // The user's own DNS wins; with none known anywhere, the router answers DNS.
    const own = svc.plan(
      nvr.device,
      { address: '192.168.50.230', dns: ['8.8.8.8'] },
      { lan: LAN, userPool: null, known, current },
    );
    expect(own.proposal?.dns).toEqual(['8.8.8.8']);
    const none = svc.plan(
      nvr.device,
      { address: '192.168.50.230' },
      { lan: LAN, userPool: null, known, current: null },
    );
    expect(none.proposal?.dns).toEqual(['192.168.50.1']);
  });

  it('a network without a router address: an error that says to type one, and nothing is proposed to send', () => {
    const { svc } = service(fakeNvr('moves'));
    const lan = { ...LAN, gateway: null };
    const r = svc.plan(
      fakeNvr('moves').device,
      { address: '192.168.50.230' },
      { lan, userPool: null, known, current: null },
    );
    expect(r.problems).toContainEqual({
      severity: 'error',
      text: 'This network has no router address (gateway): type one.',
      said: { key: 'staticIp.typed.noGateway' },
    });
    expect(r.proposal).toBeNull();
    const typed = svc.plan(
      fakeNvr('moves').device,
      { address: '192.168.50.230', gateway: '192.168.50.1' },
      { lan, userPool: null, known, current: null },
    );
    expect(typed.proposal).toMatchObject({ gateway: '192.168.50.1' });
  });
});

describe('static IP service: the read-back decides, and failures are not taken for refusals', () => {
  /** A fake NVR that takes the address but changes one more thing the way a real one might. */
  const twisted = (twist: (state: DeviceNetwork) => void, start: Partial<DeviceNetwork> = {}) => {
    const nvr = fakeNvr('moves', start);
    const send = nvr.sendNetwork;
    nvr.sendNetwork = async (s, change) => {
      const r = await send(s, change);
      if (!('dhcp' in change) && change.address === '192.168.50.230') twist(nvr.state);
      return r;
    };
    return nvr;
  };

  it('not "verified" when the read-back differs from what was sent: another prefix, another router, a DNS server missing', async () => {
    for (const [label, twist] of [
      ['prefix', (s: DeviceNetwork) => void (s.prefix = 16)],
      ['router', (s: DeviceNetwork) => void (s.gateway = '192.168.50.254')],
      ['dns', (s: DeviceNetwork) => void (s.dns = ['9.9.9.9'])],
    ] as const) {
      const r = await applyWith(twisted(twist), '192.168.50.230').run;
      expect(r.outcome, label).not.toBe('verified');
      expect(r.steps.join('\n'), label).toMatch(/Read back at 192\.168\.50\.230: .* — not as sent\./);
    }
  });

  it('a read-back without a router (the NVR does not say) still counts as set when the rest matches', async () => {
    const r = await applyWith(
      twisted((s) => void (s.gateway = null)),
      '192.168.50.230',
    ).run;
    expect(r.outcome).toBe('verified');
  });

  it('a failure of the send other than a refusal is that failure, not "the NVR refused" (nothing is claimed put back)', async () => {
    const nvr = fakeNvr('moves');
    nvr.sendNetwork = async () => {
      throw new AppFailure('STATIC_IP_NOT_SUPPORTED');
    };
    await expect(applyWith(nvr, '192.168.50.230').run).rejects.toMatchObject({ code: 'STATIC_IP_NOT_SUPPORTED' });
  });

  it('a cancel during the restart stops the change with CANCELLED; a restart that cuts the connection is followed', async () => {
    const cancelled = fakeNvr('reboot-needed');
    cancelled.reboot = async () => {
      throw new AppFailure('CANCELLED');
    };
    await expect(applyWith(cancelled, '192.168.50.230').run).rejects.toMatchObject({ code: 'CANCELLED' });
    const cut = fakeNvr('reboot-needed');
    const reboot = cut.reboot;
    cut.reboot = async () => {
      await reboot();
      throw new AppFailure('DEVICE_UNREACHABLE');
    };
    expect((await applyWith(cut, '192.168.50.230').run).outcome).toBe('verified');
  });

  it('a device without an ONVIF address cannot be given one: STATIC_IP_NOT_SUPPORTED, nothing asked', async () => {
    const nvr = fakeNvr('moves');
    const { svc } = service(nvr);
    await expect(
      svc.apply(
        { ...nvr.device, onvifUrl: null },
        {
          login: LOGIN,
          lan: LAN,
          userPool: null,
          known,
          target: { address: '192.168.50.230' },
          confirmWarnings: true,
          signal: new AbortController().signal,
          onChanging: async () => {},
        },
      ),
    ).rejects.toMatchObject({ code: 'STATIC_IP_NOT_SUPPORTED' });
    expect(nvr.log).toEqual([]);
  });

  it('a refused address says why and that nothing was changed; an unconfirmed warning says to confirm or pick another', async () => {
    const refused = await applyWith(fakeNvr('moves'), '192.168.50.1').run.catch((e: unknown) => e);
    expect((refused as AppFailure).message).toMatch(/^The app did not send that address: \S.* Nothing was changed\.$/);
    const nvr = fakeNvr('moves');
    const { svc } = service(nvr);
    const lan = { ...LAN, address: '192.168.0.10', gateway: '192.168.0.1' };
    Object.assign(nvr.state, { address: '192.168.0.142', gateway: '192.168.0.1', dns: ['192.168.0.1'] });
    const warned = await svc
      .apply(
        { ...nvr.device, addresses: ['192.168.0.142'], onvifUrl: 'http://192.168.0.142/onvif/device_service' },
        {
          login: LOGIN,
          lan,
          userPool: null,
          known: [],
          target: { address: '192.168.0.150' },
          confirmWarnings: false,
          signal: new AbortController().signal,
          onChanging: async () => {},
        },
      )
      .catch((e: unknown) => e);
    expect((warned as AppFailure).message).toMatch(
      /^The app did not send that address: \S.* Confirm it to send it anyway, or pick another address\. Nothing was changed\.$/,
    );
  });
});

describe('static IP service: what the reading says about the device and the router way', () => {
  it('discovery’s source is named (SADP, DHIP, else discovery), so the user knows the settings were not read from the NVR', () => {
    const { device } = fakeNvr('moves');
    expect(settingsFromDiscovery({ ...device, sources: ['dhip'] }).source).toBe('dhip');
    expect(settingsFromDiscovery({ ...device, sources: ['sadp', 'dhip'] }).source).toBe('sadp');
    expect(settingsFromDiscovery({ ...device, sources: ['onvif'] }).source).toBe('discovery');
  });

  it('the MAC: the NVR’s own when read; else the neighbour table’s for its address', async () => {
    const nvr = fakeNvr('moves');
    const looked: string[] = [];
    const macAt = async (address: string) => (looked.push(address), '02:00:00:00:00:42');
    const read = await service(nvr, undefined, { macAt }).svc.check(
      { ...nvr.device, mac: null },
      { login: LOGIN, lan: LAN, userPool: null, known, signal: new AbortController().signal },
    );
    expect(read.mac).toBe(MAC);
    expect(looked).toEqual([]);
    const seen = await service(nvr, undefined, { macAt }).svc.check(
      { ...nvr.device, mac: null },
      { lan: LAN, userPool: null, known, signal: new AbortController().signal },
    );
    expect(seen.mac).toBe('02:00:00:00:00:42');
    expect(looked).toEqual(['192.168.50.142']);
  });

  it('a reading with a reservation judges the device against it; each router family gets its own path to the page', async () => {
    const nvr = fakeNvr('moves');
    const reading = await service(nvr).svc.check(nvr.device, {
      login: LOGIN,
      lan: LAN,
      userPool: '192.168.50.100-192.168.50.199',
      known,
      signal: new AbortController().signal,
      reservation: { address: '192.168.50.142', mac: MAC, plannedAt: '2026-12-05T12:00:00.000Z' },
    });
    expect(reading.findings[0]).toMatchObject({ code: 'reservation-ok' });
    expect(reading.findings.map((f) => f.code)).not.toContain('on-dhcp');
    for (const f of reading.reservation!.families) {
      expect(f.family.length).toBeGreaterThan(0);
      expect(f.path.length).toBeGreaterThan(0);
    }
  });

  it('a reservation not yet taken: an info finding naming both addresses, with what the NVR says and what was planned', () => {
    const onDhcp = {
      dhcp: true,
      address: '192.168.50.142',
      prefix: 24,
      gateway: null,
      dns: [],
      source: 'sadp' as const,
    };
    const reservation = { address: '192.168.50.232', mac: null, plannedAt: '2026-12-05T12:00:00.000Z' };
    const [pending] = withReservation([], onDhcp, reservation);
    expect(pending).toEqual({
      code: 'reservation-pending',
      severity: 'info',
      text: 'You reserved 192.168.50.232 for this NVR in the router; it still has 192.168.50.142. It takes the reserved address when it renews its lease: restart the NVR (or wait), then check again.',
      said: {
        key: 'staticIp.findings.reservationPending',
        params: { address: '192.168.50.232', current: '192.168.50.142' },
      },
      evidence: [
        'Discovery saw: DHCP on, address 192.168.50.142.',
        'Your reservation: 192.168.50.232 for MAC (not known), noted 2026-12-05.',
      ],
    });
    const unknown = withReservation([], { ...onDhcp, dhcp: null, address: null }, reservation);
    expect(unknown[0]!.text).toContain('it still has another address.');
    expect(unknown[0]!.said).toEqual({
      key: 'staticIp.findings.reservationPendingNoAddress',
      params: { address: '192.168.50.232' },
    });
    expect(unknown[0]!.evidence[0]).toBe('Discovery saw: DHCP not known, address not known.');
  });

  it('a reservation taken keeps the other findings but drops "on DHCP" and "static in the pool"', () => {
    const onDhcp = {
      dhcp: true,
      address: '192.168.50.232',
      prefix: 24,
      gateway: null,
      dns: [],
      source: 'onvif' as const,
    };
    const f = (code: string) => ({ code, severity: 'problem', text: code, evidence: [] }) as never;
    const out = withReservation([f('on-dhcp'), f('static-in-pool'), f('no-dns')], onDhcp, {
      address: '192.168.50.232',
      mac: MAC,
      plannedAt: '2026-12-05T12:00:00.000Z',
    });
    expect(out.map((x) => x.code)).toEqual(['reservation-ok', 'no-dns']);
    expect(out[0]!.text).toBe(
      'The router keeps 192.168.50.232 for this NVR: it got that address from the router’s DHCP, so DHCP on is fine.',
    );
  });

  it('a typed address with an error gets no proposal: nothing could be sent', () => {
    const { svc } = service(fakeNvr('moves'));
    const r = svc.plan(
      fakeNvr('moves').device,
      { address: '192.168.50.1' },
      { lan: LAN, userPool: null, known, current: null },
    );
    expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
    expect(r.proposal).toBeNull();
  });
});

describe('static IP service: a device lost after the change', () => {
  it('says how long it looked, what was sent, its MAC and where to look, in those words', async () => {
    const nvr = fakeNvr('never-returns');
    const { svc } = service(nvr, undefined, { follow: { rounds: 3, intervalMs: 2_000 } });
    const r = await svc.apply(nvr.device, {
      login: LOGIN,
      lan: LAN,
      userPool: '192.168.50.100-192.168.50.199',
      known,
      target: { address: '192.168.50.230' },
      confirmWarnings: false,
      signal: new AbortController().signal,
      onChanging: async () => {},
    });
    expect(r).toMatchObject({ outcome: 'lost', address: null, mac: MAC, recheck: [] });
    expect(r.message).toBe(
      'The NVR did not answer at 192.168.50.230 or at 192.168.50.142 within 6 s. The app sent: DHCP off, address 192.168.50.230/24, router 192.168.50.1. ' +
        `Its MAC is ${MAC}. Find it with this app's search (with the address sweep), the vendor's tool (SADP, ConfigTool) or the router's list of clients; the app will check again when you open this step.`,
    );
  });
});
