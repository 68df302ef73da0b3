import { describe, expect, it } from 'vitest';
import {
  nextPortRule,
  PROPOSAL_MAX,
  PROPOSAL_MIN,
  proposePorts,
  samePortPolicy,
  seededRandom,
  validateProposal,
  type EditedPort,
  type ProposalInput,
  type RandomSource,
  type ValidationContext,
} from '../../../../src/shared/catalog/port-proposal';
import { catalogPortNumbers, portsForBrand } from '../../../../src/shared/catalog/ports';
import { createTranslator } from '../../../../src/shared/i18n';
import { sayIn } from '../../../../src/shared/i18n/said';

// The port proposal's rules, each at the edge where a broken rule would hurt a user (issue 17: written against the
// mutants of port-proposal.ts, port-proposal-check.ts and port-proposal-rules.ts that the older tests let through).

const SIZE = PROPOSAL_MAX - PROPOSAL_MIN + 1;
/** The random value whose first draw is this port. */
const toward = (port: number): number => (port - PROPOSAL_MIN + 0.5) / SIZE;
/**
 * A random source that lands on these ports in turn, then stays on the last one. A proposal draws at most 257 values
 * per port it picks: one that keeps drawing is broken, and fails here at once instead of running until a time-out.
 */
function script(...ports: number[]): RandomSource {
  let i = 0;
  return () => {
    if (i > 10_000) throw new Error('the proposal keeps drawing random numbers');
    return toward(ports[Math.min(i++, ports.length - 1)]!);
  };
}
/** A random source that keeps landing on one port. */
const always = (port: number): RandomSource => script(port);
const MOVED = 'a port scanners do not look for and no other service uses.';
const KEPT = 'it is already a port scanners do not look for, and no other service uses it.';
const RANGE = 'Use a whole number from 1024 to 32767.';

describe('seededRandom: the same device gets the same proposal, and two devices different ones', () => {
  it('gives the published mulberry32 sequence (the values another implementation pins for seed 1985)', () => {
    const random = seededRandom(1985);
    expect(random() * 2 ** 32).toBe(3527837133);
    expect(random() * 2 ** 32).toBe(3112574143);
  });

  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes the text seed %j with FNV-1a (its published value %i)', (text, hash) => {
    const fromText = seededRandom(text);
    const fromHash = seededRandom(hash);
    for (let i = 0; i < 5; i++) expect(fromText()).toBe(fromHash());
  });

  it('takes a number seed modulo 2^32, so any number gives a sequence', () => {
    const a = seededRandom(1);
    const b = seededRandom(2 ** 32 + 1);
    const c = seededRandom(-1);
    const d = seededRandom(0xffffffff);
    for (let i = 0; i < 5; i++) {
      expect(a()).toBe(b());
      expect(c()).toBe(d());
    }
  });

  it('stays in [0, 1) and spreads evenly, so every part of the range can be proposed', () => {
    const random = seededRandom('spread');
    const buckets = new Array<number>(10).fill(0);
    const n = 20_000;
    let low = 1;
    let high = 0;
    for (let i = 0; i < n; i++) {
      const v = random();
      low = Math.min(low, v);
      high = Math.max(high, v);
      buckets[Math.floor(v * 10)]!++;
    }
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThan(1);
    for (const count of buckets) {
      expect(count).toBeGreaterThan(n * 0.09);
      expect(count).toBeLessThan(n * 0.11);
    }
  });
});

describe('proposePorts: which current port is kept', () => {
  const one = (port: number, random: RandomSource = seededRandom(5)) =>
    proposePorts({ current: [{ role: 'https', transport: 'tcp', port }] }, random)[0]!;

  it('moves a port below 10001 that no catalogue lists: proposals come from 10001–32767', () => {
    expect(catalogPortNumbers().has(6000)).toBe(false);
    const p = one(6000);
    expect(p.internal).not.toBe(6000);
    expect(p.why).toBe(`Web page (HTTPS): move it from 6000 to ${p.internal}, ${MOVED}`);
  });

  it('keeps a free port at the top of the range (32767) and moves an ephemeral one (32768)', () => {
    const top = one(PROPOSAL_MAX);
    expect(top.internal).toBe(32767);
    expect(top.why).toBe(`Web page (HTTPS): keep 32767: ${KEPT}`);
    expect(one(32768).internal).not.toBe(32768);
  });

  it('moves a catalogue port inside the range (22331 is a known default)', () => {
    expect(catalogPortNumbers().has(22331)).toBe(true);
    expect(one(22331).internal).not.toBe(22331);
  });
});

describe('proposePorts: never a port that is taken', () => {
  it('never gives two services the same new port, even when the random source repeats itself', () => {
    const out = proposePorts(
      {
        current: [
          { role: 'https', transport: 'tcp', port: 443 },
          { role: 'rtsp', transport: 'tcp', port: 554 },
        ],
      },
      always(21000),
    );
    expect(out.map((p) => p.internal)).toEqual([21000, 21001]);
  });

  it('never proposes the port another service of the device sits on now (it is in use until the change)', () => {
    const out = proposePorts(
      {
        current: [
          { role: 'https', transport: 'tcp', port: 443 },
          { role: 'rtsp', transport: 'tcp', port: 21000 },
        ],
      },
      always(21000),
    );
    expect(out.map((p) => p.internal)).toEqual([21001, 21000]);
  });

  it('tries fresh random ports before walking up from a taken one, so proposals do not bunch up', () => {
    // 10001 is a catalogue port: the second draw, 25000, is the proposal.
    const [p] = proposePorts({ current: [{ role: 'https', transport: 'tcp', port: 443 }] }, script(10001, 25000));
    expect(p!.internal).toBe(25000);
  });

  it('walks up from the random start, not from the bottom of the range, when the drawn port is taken', () => {
    const [p] = proposePorts(
      { current: [{ role: 'https', transport: 'tcp', port: 443 }], inUseElsewhere: [{ port: 25000 }] },
      always(25000),
    );
    expect(p!.internal).toBe(25001);
  });

  it('after 256 taken draws, walks up from the next draw: the same device keeps the same proposal', () => {
    // 10001 is a catalogue port, 25000 is taken: the walk starts at the 257th draw, 25000, and finds 25001.
    const draws = [...new Array<number>(256).fill(10001), 25000, 26000];
    const [p] = proposePorts(
      { current: [{ role: 'https', transport: 'tcp', port: 443 }], inUseElsewhere: [{ port: 25000 }] },
      script(...draws),
    );
    expect(p!.internal).toBe(25001);
  });

  it('services on neighbouring ports move on their own: only a brand rule ties one to the port above', () => {
    const out = proposePorts(
      {
        brand: 'Hikvision',
        current: [
          { role: 'http', transport: 'tcp', port: 80 },
          { role: 'https', transport: 'tcp', port: 81 },
        ],
        inUseElsewhere: [{ port: 21001, where: 'the other NVR' }],
      },
      always(21000),
    );
    // Tied to http, https would land on 21001, which the other NVR uses.
    expect(out.map((p) => p.internal)).toEqual([21000, 21002]);
  });

  it('wraps past 32767 to the bottom of the range when the top is taken, instead of giving up', () => {
    const top = Array.from({ length: 768 }, (_, i) => ({ port: 32000 + i, where: 'the other NVR' }));
    const [p] = proposePorts(
      { current: [{ role: 'https', transport: 'tcp', port: 443 }], inUseElsewhere: top },
      always(32500),
    );
    // 10001 is a catalogue port: 10002 is the first free one after the wrap.
    expect(p!.internal).toBe(10002);
  });
  it('throws rather than propose something that is no port when no candidate fits', () => {
    // A random source giving NaN makes every candidate NaN, as if the whole range were taken (a full range costs
    // ~0.5 s per run: too slow for mutation testing).
    expect(() => proposePorts({ current: [{ role: 'https', transport: 'tcp', port: 443 }] }, () => Number.NaN)).toThrow(
      new RangeError('No free port left to propose.'),
    );
  });
});

describe('proposePorts: Speco’s audio port, one above the network port', () => {
  const SPECO_PAIR: ProposalInput['current'] = [
    { role: 'sdk', transport: 'tcp', port: 21000 },
    { role: 'media', transport: 'tcp', port: 21001 },
  ];

  it('keeps a free pair and says the audio port stays one above', () => {
    // The probe sees both open on the device: the audio port is the pair's own, not another service's.
    const out = proposePorts(
      { brand: 'Speco', current: SPECO_PAIR, inUseOnDevice: [{ port: 21000 }, { port: 21001 }] },
      seededRandom(1),
    );
    expect(out.map((p) => p.internal)).toEqual([21000, 21001]);
    expect(out[1]!.why).toBe(
      `Media port: keep 21001: ${KEPT} It stays one above the network port, as the device expects.` +
        " Forward it with the same number outside: the vendor's apps learn the port from the device.",
    );
  });

  it('moves the pair when another device uses the audio port', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const out = proposePorts(
        { brand: 'Speco', current: SPECO_PAIR, inUseElsewhere: [{ port: 21001 }] },
        seededRandom(seed),
      );
      expect(out[0]!.internal).not.toBe(21000);
      expect(out[1]!.internal).toBe(out[0]!.internal + 1);
      expect(out[1]!.why).toMatch(/^Media port: move it from 21001 to /);
    }
  });

  it('moves the network port when the port above it is used by another service of the device', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const [sdk] = proposePorts(
        {
          brand: 'Speco',
          current: [{ role: 'sdk', transport: 'tcp', port: 21000 }],
          inUseOnDevice: [{ port: 21000 }, { port: 21001, where: 'the FTP server' }],
        },
        seededRandom(seed),
      );
      expect(sdk!.internal).not.toBe(21000);
      expect(sdk!.internal + 1).not.toBe(21001);
    }
  });

  it('keeps a lone network port whose port above is free', () => {
    const [sdk] = proposePorts(
      { brand: 'Speco', current: [{ role: 'sdk', transport: 'tcp', port: 21000 }], inUseOnDevice: [{ port: 21000 }] },
      seededRandom(4),
    );
    expect(sdk!.internal).toBe(21000);
  });

  it('a UDP network port without its audio port is judged on its own port above, not on the TCP pair', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const out = proposePorts(
        {
          brand: 'Speco',
          current: [...SPECO_PAIR, { role: 'sdk', transport: 'udp', port: 22000 }],
          inUseOnDevice: [{ port: 22001, transport: 'udp', where: 'the intercom' }],
        },
        seededRandom(seed),
      );
      expect(out.map((p) => p.internal).slice(0, 2)).toEqual([21000, 21001]);
      expect(out[2]!.internal).not.toBe(22000);
    }
  });

  it('moves a lone network port when another device uses the port above it', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const [sdk] = proposePorts(
        {
          brand: 'Speco',
          current: [{ role: 'sdk', transport: 'tcp', port: 21000 }],
          inUseElsewhere: [{ port: 21001 }],
        },
        seededRandom(seed),
      );
      expect(sdk!.internal).not.toBe(21000);
    }
  });

  it('reserves the pair and nothing more: the next service takes the port right after it', () => {
    const out = proposePorts(
      { brand: 'Speco', current: [...SPECO_AT_DEFAULTS, { role: 'http', transport: 'tcp', port: 80 }] },
      always(21000),
    );
    expect(out.map((p) => p.internal)).toEqual([21000, 21001, 21002]);
  });

  it('the audio port follows the network port even when the web page shares the network port', () => {
    const out = proposePorts(
      {
        brand: 'Speco',
        current: [
          { role: 'http', transport: 'tcp', port: 5445 },
          { role: 'sdk', transport: 'tcp', port: 5445 },
          { role: 'media', transport: 'tcp', port: 5446 },
        ],
        inUseElsewhere: [{ port: 21001, where: 'the other NVR' }],
      },
      always(21000),
    );
    // 21001 is taken: the pair cannot start at 21000.
    expect(out.map((p) => p.internal)).toEqual([21002, 21002, 21003]);
  });

  it('needs two free ports side by side, and no more than two', () => {
    const pick = (taken: number) =>
      proposePorts(
        { brand: 'Speco', current: SPECO_AT_DEFAULTS, inUseElsewhere: [{ port: taken }] },
        always(21000),
      ).map((p) => p.internal);
    // 21001 taken: 21000 does not fit, the walk finds 21002–21003.
    expect(pick(21001)).toEqual([21002, 21003]);
    // 21002 taken: 21000–21001 fit.
    expect(pick(21002)).toEqual([21000, 21001]);
  });
});

const SPECO_AT_DEFAULTS: ProposalInput['current'] = [
  { role: 'sdk', transport: 'tcp', port: 5445 },
  { role: 'media', transport: 'tcp', port: 5446 },
];

describe('proposePorts: what the user is told', () => {
  it('says which services move together, and that Dahua requires the same number outside for its SDK', () => {
    const out = proposePorts(
      {
        brand: 'Dahua',
        current: [
          { role: 'http', transport: 'tcp', port: 80 },
          { role: 'onvif', transport: 'tcp', port: 80 },
          { role: 'sdk', transport: 'tcp', port: 37777 },
        ],
      },
      script(21000, 22000),
    );
    expect(out.map((p) => [p.internal, p.samePort, p.why])).toEqual([
      [21000, 'free', `Web page (HTTP): move it from 80 to 21000, ${MOVED} It stays shared with ONVIF.`],
      [21000, 'free', `ONVIF: move it from 80 to 21000, ${MOVED} It stays shared with Web page (HTTP).`],
      [
        22000,
        'required-by-vendor',
        `App/SDK port: move it from 37777 to 22000, ${MOVED} Forward it with the same number outside; Dahua requires it.`,
      ],
    ]);
  });

  it('names every other service on a shared port', () => {
    const [http] = proposePorts(
      {
        current: [
          { role: 'http', transport: 'tcp', port: 80 },
          { role: 'onvif', transport: 'tcp', port: 80 },
          { role: 'event', transport: 'tcp', port: 80 },
        ],
      },
      always(21000),
    );
    expect(http!.why).toBe(
      `Web page (HTTP): move it from 80 to 21000, ${MOVED} It stays shared with ONVIF, Event server.`,
    );
    // Said by key: the other services as a list of their names, in the page's language (en-XA: none in English).
    const shared = http!.whySaid!.at(-1)!;
    expect(shared).toEqual({
      key: 'ports.said.why.sharedWith',
      params: { others: { list: [{ key: 'ports.role.onvif' }, { key: 'ports.role.event' }] } },
    });
    const xa = createTranslator('en-XA');
    expect(sayIn(xa, shared, 'fallback')).toBe(
      xa.t('ports.said.why.sharedWith', { others: `${xa.t('ports.role.onvif')}, ${xa.t('ports.role.event')}` }),
    );
    expect(sayIn(xa, shared, 'fallback')).not.toContain('Event server');
  });

  it('a single service is not told it shares its port', () => {
    const [p] = proposePorts({ current: [{ role: 'https', transport: 'tcp', port: 443 }] }, always(21000));
    expect(p!.why).toBe(`Web page (HTTPS): move it from 443 to 21000, ${MOVED}`);
  });

  it.each([
    ['Dahua', 'required-by-vendor'],
    ['Hikvision', 'recommended'],
  ] as const)('%s: every service sharing a port with the SDK keeps its same-number rule (%s)', (brand, policy) => {
    for (const current of [
      [
        { role: 'http', transport: 'tcp', port: 30000 },
        { role: 'sdk', transport: 'tcp', port: 30000 },
      ],
      [
        { role: 'sdk', transport: 'tcp', port: 30000 },
        { role: 'http', transport: 'tcp', port: 30000 },
      ],
    ] as ProposalInput['current'][]) {
      const out = proposePorts({ brand, current }, seededRandom(2));
      expect(out.map((p) => p.samePort)).toEqual([policy, policy]);
    }
  });
});

describe('the rules shared by the proposal and the check', () => {
  const dahua = portsForBrand('Dahua');
  const speco = portsForBrand('Speco');

  it('the phone-app port keeps its outside number equal: recommended for any brand, required by Dahua', () => {
    expect(samePortPolicy(null, 'mobile')).toBe('recommended');
    expect(samePortPolicy(dahua, 'mobile')).toBe('required-by-vendor');
    expect(samePortPolicy(dahua, 'https')).toBe('free');
    expect(samePortPolicy(null, 'https')).toBe('free');
    // Speco's rule is about the port above, not the outside number.
    expect(samePortPolicy(portsForBrand('Speco'), 'sdk')).toBe('recommended');
  });

  it('only Speco’s network port claims the port above it; no brand, no claim', () => {
    expect(nextPortRule(speco, 'sdk')).toBe(true);
    expect(nextPortRule(speco, 'media')).toBe(false);
    expect(nextPortRule(dahua, 'sdk')).toBe(false);
    expect(nextPortRule(null, 'sdk')).toBe(false);
  });
});

const check = (ports: EditedPort[], ctx: ValidationContext = {}) =>
  validateProposal(ports, ctx).map((p) => [p.code, p.severity, p.port]);

describe('validateProposal: the range messages', () => {
  const messages = (ports: EditedPort[], ctx: ValidationContext = {}) =>
    validateProposal(ports, ctx).map((p) => p.message);

  it('says what a number that is no port is, and gives the range', () => {
    expect(messages([{ role: 'https', transport: 'tcp', internal: 0 }])).toEqual([
      `Web page (HTTPS): 0 is not a port number. ${RANGE}`,
    ]);
  });

  it('tells the user keeping a well-known port that it works, and only when it is their current port', () => {
    const wellKnown =
      'Web page (HTTPS): 443 is below 1024. Those ports belong to standard services and are the first ones ' +
      `scanners try. ${RANGE}`;
    const keep = ' It is the port the device uses now: keeping it works, but moving it is safer.';
    const ports: EditedPort[] = [{ role: 'https', transport: 'tcp', internal: 443 }];
    // 443 is also a factory port (another warning): only the range warning is looked at here.
    const messages = (ports: EditedPort[], ctx: ValidationContext = {}) =>
      validateProposal(ports, ctx)
        .filter((p) => p.code === 'well-known')
        .map((p) => p.message);
    expect(messages(ports, { current: [{ role: 'https', transport: 'tcp', port: 443 }] })).toEqual([wellKnown + keep]);
    expect(messages(ports)).toEqual([wellKnown]);
    // Another role's current port, or the same role over UDP, is not "the port the device uses now" for this one.
    expect(messages(ports, { current: [{ role: 'sdk', transport: 'tcp', port: 443 }] })).toEqual([wellKnown]);
    expect(messages(ports, { current: [{ role: 'https', transport: 'udp', port: 443 }] })).toEqual([wellKnown]);
  });

  it('never says an outside port is "the port the device uses now"', () => {
    expect(
      messages([{ role: 'https', transport: 'tcp', internal: 21000, external: 443 }], {
        current: [{ role: 'https', transport: 'tcp', port: 443 }],
      }),
    ).toEqual([
      'Web page (HTTPS): the outside port 443 is below 1024. Those ports belong to standard services and are the ' +
        `first ones scanners try. ${RANGE}`,
    ]);
  });

  it('explains why 32768 and above clash with outgoing connections', () => {
    expect(messages([{ role: 'rtsp', transport: 'tcp', internal: 40000 }])).toEqual([
      'Video streams (RTSP): 40000 is 32768 or above. Computers and routers take ports from there for their own ' +
        'outgoing connections (Linux uses 32768–60999, the standard range is 49152–65535), so it can clash. ' +
        RANGE,
    ]);
  });

  it('gives a number that is no port one clear error each, not a duplicate as well', () => {
    expect(
      check([
        { role: 'https', transport: 'tcp', internal: 70000 },
        { role: 'rtsp', transport: 'tcp', internal: 70000 },
      ]),
    ).toEqual([
      ['out-of-range', 'error', 70000],
      ['out-of-range', 'error', 70000],
    ]);
  });
});

describe('validateProposal: duplicates and ports in use', () => {
  it('ONVIF on the web port but forwarded to another outside port is a duplicate', () => {
    expect(
      check([
        { role: 'http', transport: 'tcp', internal: 23000 },
        { role: 'onvif', transport: 'tcp', internal: 23000, external: 23005 },
      ]),
    ).toEqual([['duplicate', 'error', 23000]]);
  });

  it('names the service on the device only when it is known', () => {
    expect(
      validateProposal([{ role: 'https', transport: 'tcp', internal: 21001 }], {
        inUseOnDevice: [{ port: 21001 }],
      }).map((p) => p.message),
    ).toEqual(['Web page (HTTPS): 21001 is already used by another service on this device.']);
  });

  it('a port the SDK keeps using is in use for another service, even while other services move', () => {
    const ctx: ValidationContext = {
      current: [
        { role: 'sdk', transport: 'tcp', port: 8000 },
        { role: 'rtsp', transport: 'tcp', port: 554 },
      ],
      inUseOnDevice: [{ port: 8000 }, { port: 554 }],
    };
    expect(
      check(
        [
          { role: 'https', transport: 'tcp', internal: 8000 },
          { role: 'rtsp', transport: 'tcp', internal: 20000 },
        ],
        ctx,
      ),
    ).toEqual([
      ['in-use-device', 'error', 8000],
      ['vendor-default', 'warning', 8000],
    ]);
  });

  it('a service moving away over one transport does not free the port for the other', () => {
    const onDevice: ValidationContext['inUseOnDevice'] = [{ port: 21010, transport: 'tcp', where: 'the web server' }];
    // The UDP SDK moves away from 21010: the TCP 21010 is still the web server's.
    expect(
      check(
        [
          { role: 'sdk', transport: 'udp', internal: 21011 },
          { role: 'https', transport: 'tcp', internal: 21010 },
        ],
        { current: [{ role: 'sdk', transport: 'udp', port: 21010 }], inUseOnDevice: onDevice },
      ),
    ).toEqual([['in-use-device', 'error', 21010]]);
    // The TCP SDK is not in the plan (it stays): its UDP twin moving does not free TCP 21010.
    expect(
      check(
        [
          { role: 'sdk', transport: 'udp', internal: 21011 },
          { role: 'https', transport: 'tcp', internal: 21010 },
        ],
        { current: [{ role: 'sdk', transport: 'tcp', port: 21010 }], inUseOnDevice: onDevice },
      ),
    ).toEqual([['in-use-device', 'error', 21010]]);
  });

  it('ONVIF may join the web port the web page keeps: that port is not "in use on this device" for it', () => {
    expect(
      check(
        [
          { role: 'http', transport: 'tcp', internal: 21001 },
          { role: 'onvif', transport: 'tcp', internal: 21001 },
        ],
        {
          current: [
            { role: 'http', transport: 'tcp', port: 21001 },
            { role: 'onvif', transport: 'tcp', port: 8999 },
          ],
          inUseOnDevice: [{ port: 21001 }, { port: 8999 }],
        },
      ),
    ).toEqual([]);
  });

  it('a UDP service planned on the same number does not hide that the device uses the TCP port', () => {
    expect(
      check(
        [
          { role: 'https', transport: 'tcp', internal: 21010 },
          { role: 'webrtc', transport: 'udp', internal: 21010 },
        ],
        { inUseOnDevice: [{ port: 21010, transport: 'tcp', where: 'the web server' }] },
      ),
    ).toEqual([['in-use-device', 'error', 21010]]);
  });

  it('reports another device on the port once, not once more for the outside port', () => {
    expect(
      check([{ role: 'https', transport: 'tcp', internal: 21002 }], { inUseElsewhere: [{ port: 21002 }] }),
    ).toEqual([['in-use-other', 'error', 21002]]);
  });

  it('a port another known device uses is refused even when the router’s outside port differs', () => {
    expect(
      check([{ role: 'https', transport: 'tcp', internal: 21002, external: 21003 }], {
        inUseElsewhere: [{ port: 21002, where: 'the other NVR' }],
      }),
    ).toEqual([['in-use-other', 'error', 21002]]);
  });

  it('keeping a port another device also has is not this plan’s problem, but a new outside port in use is', () => {
    expect(
      check([{ role: 'https', transport: 'tcp', internal: 21000, external: 21001 }], {
        current: [{ role: 'https', transport: 'tcp', port: 21000 }],
        inUseElsewhere: [{ port: 21000 }, { port: 21001 }],
      }),
    ).toEqual([['in-use-other', 'error', 21001]]);
  });

  it('RTSP on another device’s web port 80 is an error: 80 is no factory port of RTSP', () => {
    expect(
      check([{ role: 'rtsp', transport: 'tcp', internal: 80 }], { inUseElsewhere: [{ port: 80, where: 'a camera' }] }),
    ).toEqual([
      ['in-use-other', 'error', 80],
      ['well-known', 'warning', 80],
      ['vendor-default', 'warning', 80],
    ]);
  });

  it('a factory port shared with an unnamed device says "another device on your network"', () => {
    const [clash] = validateProposal([{ role: 'http', transport: 'tcp', internal: 80 }], {
      inUseElsewhere: [{ port: 80 }],
    }).filter((p) => p.code === 'in-use-other');
    expect(clash!.message).toBe(
      'Web page (HTTP): 80 is also used by another device on your network, as factory ports often are. ' +
        'A router can forward an outside port to only one device: keep this one unforwarded, or pick another port.',
    );
  });
});

describe('validateProposal: the outside port and the port above', () => {
  it('lets a service with no same-number rule use another outside port', () => {
    expect(check([{ role: 'https', transport: 'tcp', internal: 21000, external: 21001 }], { brand: 'Dahua' })).toEqual(
      [],
    );
  });

  it('Speco’s network port at 32767 is refused: the audio port above would be 32768', () => {
    expect(check([{ role: 'sdk', transport: 'tcp', internal: 32766 }], { brand: 'Speco' })).toEqual([]);
    const top = validateProposal([{ role: 'sdk', transport: 'tcp', internal: 32767 }], { brand: 'Speco' });
    expect(top.map((p) => [p.code, p.severity, p.message])).toEqual([
      [
        'next-port-taken',
        'error',
        'App/SDK port: the device also uses the next port (32768), and it is not free. Pick another number.',
      ],
    ]);
  });

  it('Speco’s network port is refused when another device uses the port above it', () => {
    expect(
      check([{ role: 'sdk', transport: 'tcp', internal: 21007 }], {
        brand: 'Speco',
        inUseElsewhere: [{ port: 21008 }],
      }),
    ).toEqual([['next-port-taken', 'error', 21007]]);
  });

  it('Speco’s audio port on the port above, or a UDP service there, is no clash', () => {
    expect(
      check(
        [
          { role: 'sdk', transport: 'tcp', internal: 21007 },
          { role: 'media', transport: 'tcp', internal: 21008 },
          { role: 'webrtc', transport: 'udp', internal: 21008 },
        ],
        { brand: 'Speco' },
      ),
    ).toEqual([]);
  });

  it('without a known brand no port claims the one above it', () => {
    expect(
      check([
        { role: 'sdk', transport: 'tcp', internal: 21000 },
        { role: 'https', transport: 'tcp', internal: 21001 },
      ]),
    ).toEqual([]);
  });
});

describe('validateProposal: factory and scanned ports, and the order of the list', () => {
  it('names at most three brands per factory service', () => {
    const [hit] = validateProposal([{ role: 'http', transport: 'tcp', internal: 80 }]).filter(
      (p) => p.code === 'vendor-default',
    );
    expect(hit!.message).toBe(
      'Web page (HTTP): 80 is a known factory port (Web page (HTTP) of any brand, Hikvision, Dahua; ONVIF of ' +
        'Hikvision, Dahua, Amcrest). Scanners look for it; a less common number is safer.',
    );
  });

  it('a factory port that scanners also sweep gets one warning, not two', () => {
    expect(catalogPortNumbers().has(8081)).toBe(true);
    expect(check([{ role: 'https', transport: 'tcp', internal: 8081 }])).toEqual([['vendor-default', 'warning', 8081]]);
  });

  it('keeps the entries’ order among warnings, so the list reads like the form', () => {
    const a: EditedPort = { role: 'https', transport: 'tcp', internal: 8888 };
    const b: EditedPort = { role: 'rtsp', transport: 'tcp', internal: 9000 };
    expect(check([a, b]).map(([code]) => code)).toEqual(['commonly-scanned', 'vendor-default']);
    expect(check([b, a]).map(([code]) => code)).toEqual(['vendor-default', 'commonly-scanned']);
  });

  it('keeps the entries’ order among errors too', () => {
    const a: EditedPort = { role: 'https', transport: 'tcp', internal: 70000 };
    const b: EditedPort = { role: 'rtsp', transport: 'tcp', internal: 0 };
    expect(check([a, b]).map(([, , port]) => port)).toEqual([70000, 0]);
    expect(check([b, a]).map(([, , port]) => port)).toEqual([0, 70000]);
  });
});
