// The Static IP change's own decisions (address-change.ts), each on a device scripted answer by answer (issue 17, from
// mutation testing): the gate's words, which MAC is the NVR's, when the free-address proof is asked and what counts
// as "only this NVR's own MAC", what a read-back must show to count as set, when a put-back is sent and with what,
// what the user is told when the NVR has no address, MAC or router to name, and how long a hung step is waited for.
// The follower (where the NVR answers) is a list of answers in the order they are asked for, so a test can set up
// what the lab's devices cannot: a device that answers at one address and reports another.
import { english } from '../../../../src/shared/i18n/english';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DiscoveredDevice } from '../../../../src/shared/domain/device';
import type { LanFacts } from '../../../../src/shared/domain/static-ip';
import { AppFailure } from '../../../../src/shared/ipc/errors';
import type { AddressProblem, StaticIpPending } from '../../../../src/shared/steps/static-ip';
import type { OnvifSession } from '../../../../src/main/services/onvif/onvif-client';
import { createAddressChange } from '../../../../src/main/services/static-ip/address-change';
import type { FreeProof } from '../../../../src/main/services/static-ip/address-probe';
import type { DeviceNetwork, DeviceNetworkChange } from '../../../../src/main/services/static-ip/device-network';
import type { Follower } from '../../../../src/main/services/static-ip/static-ip-follow';
import type { StaticIpServiceDeps } from '../../../../src/main/services/static-ip/static-ip-service';

const LAN: LanFacts = { interfaceName: 'eth0', address: '192.168.50.10', prefix: 24, gateway: '192.168.50.1' };
const LOGIN = { username: 'admin', password: 'pw' };
const MAC = '02:00:c0:a8:32:43';
const OLD = 'http://192.168.50.142/onvif/device_service';
const NEW = 'http://192.168.50.230/onvif/device_service';
const THIRD = 'http://192.168.50.99/onvif/device_service';
const TO = { address: '192.168.50.230', prefix: 24, gateway: '192.168.50.1', dns: ['192.168.50.1'] };

type Plan = Parameters<typeof createAddressChange>[2];
type Found = { url: string; network: Partial<DeviceNetwork> } | null;

const network = (n: Partial<DeviceNetwork> = {}): DeviceNetwork => ({
  interfaceToken: 'eth0',
  mac: MAC,
  dhcp: true,
  address: '192.168.50.142',
  prefix: 24,
  gateway: '192.168.50.1',
  dns: ['192.168.50.1'],
  dnsFromDhcp: true,
  interfaces: [],
  ...n,
});

const device = (d: Partial<DiscoveredDevice> = {}): DiscoveredDevice => ({
  id: 'dev-cam',
  addresses: ['192.168.50.142'],
  mac: MAC,
  brand: null,
  brandSource: null,
  model: null,
  name: null,
  firmware: null,
  serial: null,
  sources: ['onvif'],
  onvifUrl: OLD,
  endpoint: 'urn:uuid:cam',
  ports: {},
  dhcp: null,
  activated: null,
  upnp: false,
  notes: [],
  interfaceName: 'eth0',
  lastSeenAt: '2026-12-05T00:00:00.000Z',
  ...d,
});

const session = (url: string): OnvifSession => ({
  url: new URL(url),
  clockOffsetMs: 0,
  auth: 'digest',
  call: () => Promise.reject(new Error('not used')),
});

interface Script {
  /** What the NVR reports before the change (at its old address). */
  before?: Partial<DeviceNetwork>;
  proof?: FreeProof;
  /** What the plan says about the target (default: no problem, the proposal TO). */
  plan?: ReturnType<Plan>;
  target?: Partial<typeof TO>;
  /** Where the NVR answers, one answer per look, in order (following, the put-back's look, its read-back). */
  finds?: Found[];
  /** What the put-back's send does (default: takes it). */
  putBack?: () => Promise<void>;
  follow?: { rounds: number; intervalMs: number };
  /** A look that never ends by itself (a hung step): it ends when its signal is aborted. */
  hangs?: boolean;
}

/** The change on a scripted NVR: every look, every send and every progress line is recorded. */
function scripted(s: Script = {}) {
  const looks: string[][] = [];
  const sends: DeviceNetworkChange[] = [];
  const proofs: string[] = [];
  const finds = [...(s.finds ?? [])];
  const deps = {
    now: () => new Date('2026-12-05T12:00:00Z'),
    readNetwork: async () => network(s.before),
    proveFree: async (address: string) => {
      proofs.push(address);
      return s.proof ?? { free: true, evidence: [], mac: null };
    },
    sendNetwork: async (_s: OnvifSession, change: DeviceNetworkChange) => {
      sends.push(change);
      if (sends.length > 1 && s.putBack) await s.putBack();
      return { rebootNeeded: false };
    },
    reboot: async () => {},
  } as unknown as StaticIpServiceDeps;
  const follower = {
    session: async (url: string) => session(url),
    findAgain: async (urls: string[], _login: unknown, signal: AbortSignal) => {
      looks.push(urls);
      if (s.hangs)
        return new Promise<null>((resolve) => signal.addEventListener('abort', () => resolve(null), { once: true }));
      const next = finds.shift() ?? null;
      return next && { url: next.url, session: session(next.url), network: network(next.network) };
    },
  } as unknown as Follower;
  const plan: Plan = () =>
    s.plan ?? { problems: [], proposal: { ...TO, ...s.target, why: ['The address you typed.'] } };
  const change = createAddressChange(deps, follower, plan, s.follow ?? { rounds: 3, intervalMs: 100 });
  const progress: string[] = [];
  const apply = (d: DiscoveredDevice = device(), confirmWarnings = false) =>
    change.apply(d, {
      login: LOGIN,
      lan: LAN,
      userPool: null,
      known: [],
      target: { address: TO.address },
      confirmWarnings,
      signal: new AbortController().signal,
      progress: (_done, _total, words) => progress.push(typeof words === 'string' ? words : english(words)),
      onChanging: async () => {},
    });
  return { apply, change, looks, sends, proofs, progress };
}

/** Where a device that took the change as sent answers. */
const AS_SENT: Found = { url: NEW, network: { dhcp: false, address: TO.address } };

describe('the gate: what is refused before anything is sent, in the plan’s own words', () => {
  const problem = (severity: AddressProblem['severity'], text: string): AddressProblem => ({ severity, text });

  it('an error refuses the address even when the plan still has a proposal and the user confirmed the warnings', async () => {
    const nvr = scripted({
      plan: { problems: [problem('error', 'That is the router.')], proposal: { ...TO, why: [] } },
    });
    await expect(nvr.apply(device(), true)).rejects.toMatchObject({ code: 'STATIC_IP_REFUSED' });
    expect(nvr.sends).toEqual([]);
  });

  it('no proposal refuses the change even without a problem: there is nothing to send', async () => {
    const nvr = scripted({ plan: { problems: [], proposal: null } });
    await expect(nvr.apply(device(), true)).rejects.toMatchObject({ code: 'STATIC_IP_REFUSED' });
    expect(nvr.sends).toEqual([]);
  });

  it('every error is named, one sentence after the other', async () => {
    const nvr = scripted({
      plan: {
        problems: [problem('error', 'That is the router.'), problem('error', 'It is in the pool.')],
        proposal: null,
      },
    });
    const failure = (await nvr.apply().catch((e: unknown) => e)) as AppFailure;
    expect(failure.message).toBe(
      'The app did not send that address: That is the router. It is in the pool. Nothing was changed.',
    );
  });

  it('every unconfirmed warning is named, one sentence after the other', async () => {
    const nvr = scripted({
      plan: {
        problems: [problem('warning', 'It is a factory default.'), problem('warning', 'It may be leased.')],
        proposal: { ...TO, why: [] },
      },
    });
    const failure = (await nvr.apply().catch((e: unknown) => e)) as AppFailure;
    expect(failure.message).toBe(
      'The app did not send that address: It is a factory default. It may be leased. Confirm it to send it anyway, or pick another address. Nothing was changed.',
    );
  });
});

describe('the NVR’s MAC and the free-address proof', () => {
  it('the MAC the NVR reports itself wins over discovery’s; discovery’s is used when the NVR reports none', async () => {
    const own = await scripted({ finds: [AS_SENT] }).apply(device({ mac: '02:00:00:00:00:11' }));
    expect(own.mac).toBe(MAC);
    const fromDiscovery = await scripted({ before: { mac: null }, finds: [AS_SENT] }).apply(
      device({ mac: '02:00:00:00:00:11' }),
    );
    expect(fromDiscovery.mac).toBe('02:00:00:00:00:11');
  });

  it('an NVR made static at the address it already has is not probed for it (it would answer itself)', async () => {
    const nvr = scripted({
      target: { address: '192.168.50.142' },
      finds: [{ url: OLD, network: { dhcp: false, address: '192.168.50.142' } }],
      proof: { free: false, evidence: [], mac: null },
    });
    const r = await nvr.apply();
    expect(nvr.proofs).toEqual([]);
    expect(nvr.progress).not.toContain('Making sure nothing answers at 192.168.50.142…');
    expect(r.outcome).toBe('verified');
  });

  it('what the proof found is in the steps, each line as the prober wrote it', async () => {
    const r = await scripted({
      proof: {
        free: true,
        evidence: [
          { method: 'icmp', result: 'silent', detail: 'No echo reply from 192.168.50.230.' },
          { method: 'tcp', result: 'silent', detail: 'No TCP answer on 80, 443, 554.' },
        ],
        mac: null,
      },
      finds: [AS_SENT],
    }).apply();
    expect(r.steps.slice(0, 2)).toEqual(['No echo reply from 192.168.50.230.', 'No TCP answer on 80, 443, 554.']);
  });

  it('the NVR’s own MAC in the neighbour table does not excuse an address where something else answers TCP', async () => {
    const nvr = scripted({
      proof: {
        free: false,
        evidence: [
          { method: 'icmp', result: 'silent', detail: 'no echo reply' },
          { method: 'tcp', result: 'answered', detail: '192.168.50.230 answered on TCP 80' },
          { method: 'arp', result: 'answered', detail: `the neighbour table names ${MAC}` },
        ],
        mac: MAC,
      },
      finds: [AS_SENT],
    });
    await expect(nvr.apply()).rejects.toMatchObject({ code: 'STATIC_IP_ADDRESS_IN_USE' });
    expect(nvr.sends).toEqual([]);
  });

  it('however many lines the proof gives, the result keeps at most 24 steps (the bound the result may carry)', async () => {
    const evidence = Array.from({ length: 30 }, (_, i) => ({
      method: 'tcp' as const,
      result: 'silent' as const,
      detail: `No TCP answer on port ${i + 1}.`,
    }));
    const r = await scripted({ proof: { free: true, evidence, mac: null }, finds: [AS_SENT] }).apply();
    expect(r.steps).toHaveLength(24);
    expect(r.steps[0]).toBe('No TCP answer on port 1.');
  });
});

describe('what a read-back must show to count as set', () => {
  it('an NVR that reports the new address but still answers at the old one has not moved: put back, not verified', async () => {
    const nvr = scripted({
      finds: [
        { url: OLD, network: { dhcp: false, address: TO.address } },
        { url: OLD, network: { dhcp: false, address: TO.address } },
        { url: OLD, network: {} },
      ],
    });
    const r = await nvr.apply();
    expect(r.outcome).not.toBe('verified');
    expect(r.steps).toContain(
      'Read back at 192.168.50.142: DHCP off, 192.168.50.230/24, router 192.168.50.1, DNS 192.168.50.1 — not as sent.',
    );
  });

  it('an NVR that answers at the new address but reports another one is not verified', async () => {
    const r = await scripted({
      finds: [
        { url: NEW, network: { dhcp: false, address: '192.168.50.231' } },
        { url: OLD, network: {} },
      ],
    }).apply();
    expect(r.outcome).not.toBe('verified');
  });

  it('every DNS server sent must be read back: one of two is not enough; the steps list them all', async () => {
    const two = { address: TO.address, dns: ['192.168.50.1', '1.1.1.1'] };
    const half = await scripted({
      target: two,
      finds: [
        { url: NEW, network: { dhcp: false, ...two, dns: ['192.168.50.1'] } },
        { url: OLD, network: {} },
      ],
    }).apply();
    expect(half.outcome).not.toBe('verified');
    const whole = await scripted({ target: two, finds: [{ url: NEW, network: { dhcp: false, ...two } }] }).apply();
    expect(whole.outcome).toBe('verified');
    expect(whole.steps).toEqual([
      'Sent to the NVR: DHCP off, address 192.168.50.230/24, router 192.168.50.1, DNS 192.168.50.1, 1.1.1.1.',
      'Read back at 192.168.50.230: DHCP off, 192.168.50.230/24, router 192.168.50.1, DNS 192.168.50.1, 1.1.1.1.',
    ]);
  });

  it('a read-back that names no address, prefix, router or DNS shows a dash for each, not "null"', async () => {
    const r = await scripted({
      finds: [
        { url: NEW, network: { dhcp: false, address: null, prefix: null, gateway: null, dns: [] } },
        { url: OLD, network: {} },
      ],
    }).apply();
    expect(r.steps).toContain('Read back at 192.168.50.230: DHCP off, —/—, router —, DNS — — not as sent.');
  });
});

describe('the put-back: when it is sent, and what it sends', () => {
  it('an NVR at its old address that turned DHCP off there is put back on DHCP (its settings before)', async () => {
    const nvr = scripted({
      finds: [
        { url: OLD, network: { dhcp: false } },
        { url: OLD, network: {} },
      ],
    });
    const r = await nvr.apply();
    expect(nvr.sends.slice(1)).toEqual([{ interfaceToken: 'eth0', dhcp: true }]);
    expect(r.steps).toContain('Sent to the NVR: DHCP on again (its settings before).');
    // The app put its settings back: the user is not told the NVR kept them by itself.
    expect(r.outcome).toBe('restored');
    expect(r.message).not.toContain('Nothing was changed');
    expect(r.message).toMatch(/^The NVR did not keep the new settings; its old ones are back/);
  });

  it('an NVR that answers at its old address but reports another is put back, not taken for "nothing changed"', async () => {
    const nvr = scripted({
      finds: [
        { url: OLD, network: { dhcp: true, address: '192.168.50.99' } },
        { url: OLD, network: {} },
      ],
    });
    await nvr.apply();
    expect(nvr.sends).toHaveLength(2);
  });

  it('an NVR that answers at the new address but reports its old one (DHCP on) is put back', async () => {
    const nvr = scripted({
      finds: [
        { url: NEW, network: { dhcp: true, address: '192.168.50.142' } },
        { url: OLD, network: {} },
      ],
    });
    await nvr.apply();
    expect(nvr.sends.slice(1)).toEqual([{ interfaceToken: 'eth0', dhcp: true }]);
  });

  it('a static NVR gets back its own router, not the one the change carried; with none known, the change’s', async () => {
    const staticBefore = { dhcp: false, gateway: '192.168.50.254' };
    const own = scripted({
      before: staticBefore,
      finds: [
        { url: NEW, network: { dhcp: false, address: TO.address, gateway: '192.168.50.9' } },
        { url: OLD, network: staticBefore },
      ],
    });
    expect((await own.apply()).outcome).toBe('restored');
    expect(own.sends[1]).toEqual({
      interfaceToken: 'eth0',
      address: '192.168.50.142',
      prefix: 24,
      gateway: '192.168.50.254',
      dns: ['192.168.50.1'],
    });
    const none = scripted({
      before: { dhcp: false, gateway: null },
      finds: [
        { url: NEW, network: { dhcp: false, address: TO.address, gateway: '192.168.50.9' } },
        { url: OLD, network: { dhcp: false, gateway: null } },
      ],
    });
    await none.apply();
    expect(none.sends[1]).toMatchObject({ address: '192.168.50.142', gateway: '192.168.50.1' });
  });

  it('a static NVR whose prefix was not known is put back on DHCP: the app cannot rebuild an address without it', async () => {
    const nvr = scripted({
      before: { dhcp: false, prefix: null },
      finds: [
        { url: NEW, network: { dhcp: false, address: TO.address, gateway: '192.168.50.9' } },
        { url: OLD, network: { dhcp: false } },
      ],
    });
    await nvr.apply();
    expect(nvr.sends[1]).toEqual({ interfaceToken: 'eth0', dhcp: true });
  });

  it('a put-back the NVR does not answer is still read back; a cancel during it stops the change with CANCELLED', async () => {
    const cut = scripted({
      finds: [
        { url: NEW, network: { dhcp: true, address: TO.address } },
        { url: OLD, network: {} },
      ],
      putBack: () => Promise.reject(new AppFailure('DEVICE_UNREACHABLE')),
    });
    expect((await cut.apply()).outcome).toBe('restored');
    const cancelled = scripted({
      finds: [
        { url: NEW, network: { dhcp: true, address: TO.address } },
        { url: OLD, network: {} },
      ],
      putBack: () => Promise.reject(new AppFailure('CANCELLED')),
    });
    await expect(cancelled.apply()).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(cancelled.looks).toHaveLength(1); // no read-back after the cancel
  });
});

describe('what the user is told when the put-back does not read back', () => {
  it('no answer at the old address after the put-back: failed, and it last answered where following found it', async () => {
    const r = await scripted({
      before: { mac: null },
      finds: [{ url: NEW, network: { dhcp: true, address: TO.address } }, null],
    }).apply(device({ mac: null }));
    expect(r.outcome).toBe('failed');
    expect(r.address).toBe('192.168.50.230');
    expect(r.message).toBe(
      'The NVR did not keep the new settings, and putting the old ones back could not be verified: it does not answer at 192.168.50.142 any more. It last answered at 192.168.50.230; its MAC is not known. Check its network page.',
    );
  });

  it('back at the old address with DHCP as before but another address reported: not "as before", failed', async () => {
    const r = await scripted({
      finds: [
        { url: NEW, network: { dhcp: true, address: TO.address } },
        { url: OLD, network: { dhcp: true, address: '192.168.50.77' } },
      ],
    }).apply();
    expect(r.outcome).toBe('failed');
    expect(r.message).toContain('it answers at 192.168.50.142 with other settings than before');
  });

  it('an NVR with no address and no MAC known before the change, lost: the words say "its old address" and "not known"', async () => {
    const r = await scripted({
      before: { address: null, mac: null },
      follow: { rounds: 3, intervalMs: 2_000 },
    }).apply(device({ mac: null }));
    expect(r.outcome).toBe('lost');
    expect(r.message).toBe(
      'The NVR did not answer at 192.168.50.230 or at its old address within 6 s. The app sent: DHCP off, address 192.168.50.230/24, router 192.168.50.1. ' +
        "Its MAC is not known. Find it with this app's search (with the address sweep), the vendor's tool (SADP, ConfigTool) or the router's list of clients; the app will check again when you open this step.",
    );
  });
});

describe('how long a hung step is waited for', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Runs the change against a look that never ends, and returns when (virtual ms) it was given up on. */
  async function givenUpAfter(follow: { rounds: number; intervalMs: number }, limitMs: number) {
    vi.useFakeTimers();
    const nvr = scripted({ hangs: true, follow });
    let doneAt: number | null = null;
    const started = Date.now();
    void nvr.apply().then((r) => {
      expect(r.outcome).toBe('lost');
      doneAt = Date.now() - started;
    });
    await vi.advanceTimersByTimeAsync(limitMs - 1);
    const before = doneAt;
    await vi.advanceTimersByTimeAsync(1);
    return { before, after: doneAt };
  }

  it('at least a minute, even when following is shorter: a restart is not cut short', async () => {
    expect(await givenUpAfter({ rounds: 3, intervalMs: 100 }, 60_000)).toEqual({ before: null, after: 60_000 });
  });

  it('three times the follow when that is longer than a minute (following, a put-back and following it again)', async () => {
    expect(await givenUpAfter({ rounds: 30, intervalMs: 2_000 }, 180_000)).toEqual({ before: null, after: 180_000 });
  });
});

describe('after a crash: where the NVR is now', () => {
  const pending = (p: Partial<StaticIpPending> = {}): StaticIpPending => ({
    change: {
      from: {
        dhcp: true,
        address: '192.168.50.142',
        prefix: 24,
        gateway: '192.168.50.1',
        dns: ['192.168.50.1'],
        source: 'onvif',
      },
      to: TO,
    },
    mac: MAC,
    endpoint: 'urn:uuid:cam',
    onvifUrl: OLD,
    newOnvifUrl: NEW,
    startedAt: '2026-12-05T11:58:00.000Z',
    ...p,
  });
  const recover = (finds: Found[], p?: Partial<StaticIpPending>) => {
    const nvr = scripted({ finds });
    return nvr.change.recover(device(), pending(p), LOGIN, new AbortController().signal).then((r) => ({ r, nvr }));
  };

  it('looks at the new address first, then the old one', async () => {
    const { nvr } = await recover([AS_SENT]);
    expect(nvr.looks).toEqual([[NEW, OLD]]);
  });

  it('reporting the new address with DHCP off is not enough: it must answer there', async () => {
    const { r } = await recover([{ url: OLD, network: { dhcp: false, address: TO.address } }]);
    expect(r).toMatchObject({ outcome: 'restored', address: '192.168.50.142' });
  });

  it('answering at the new address with DHCP off but reporting another is not "did finish"', async () => {
    const { r } = await recover([{ url: NEW, network: { dhcp: false, address: '192.168.50.231' } }]);
    expect(r.outcome).not.toBe('verified');
    const third = await recover([{ url: THIRD, network: { dhcp: true, address: '192.168.50.99' } }]);
    expect(third.r).toMatchObject({ outcome: 'restored', address: '192.168.50.99' });
  });

  it('lost with no old address and no MAC known: the words say "its old address" and "not known"', async () => {
    const from = { ...pending().change.from, address: null };
    const { r } = await recover([null], { change: { from, to: TO }, mac: null });
    expect(r.outcome).toBe('lost');
    expect(r.message).toBe(
      "An address change (to 192.168.50.230) started on 2026-12-05 at 11:58 UTC did not finish, and the NVR answers neither there nor at its old address. Its MAC is not known: find it with this app's search (with the address sweep), the vendor's tool or the router's list of clients.",
    );
  });
});
