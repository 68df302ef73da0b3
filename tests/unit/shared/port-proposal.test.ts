import { describe, expect, it } from 'vitest';
import {
  COMMONLY_SCANNED_PORTS,
  proposalInputSchema,
  proposePorts,
  proposedPortSchema,
  RTSP_TRANSPORT_ADVICE,
  seededRandom,
  validateProposal,
  type EditedPort,
  type ProblemCode,
  type ProposalInput,
  type UsedPort,
} from '../../../src/shared/catalog/port-proposal';
import { catalogPortNumbers } from '../../../src/shared/catalog/ports';

const elsewhere: UsedPort[] = [
  { port: 20000, where: 'the other NVR (192.168.1.20)' },
  { port: 24000, transport: 'tcp', where: 'a router forward' },
  ...Array.from({ length: 500 }, (_, i) => ({ port: 10001 + i * 7 })),
];

const SCENARIOS: ReadonlyArray<readonly [string, ProposalInput]> = [
  [
    'Hikvision defaults',
    {
      brand: 'Hikvision',
      current: [
        { role: 'http', transport: 'tcp', port: 80 },
        { role: 'onvif', transport: 'tcp', port: 80 },
        { role: 'https', transport: 'tcp', port: 443 },
        { role: 'rtsp', transport: 'tcp', port: 554 },
        { role: 'sdk', transport: 'tcp', port: 8000 },
      ],
      inUseOnDevice: [{ port: 80 }, { port: 443 }, { port: 554 }, { port: 8000 }, { port: 15000, where: 'NTP' }],
      inUseElsewhere: elsewhere,
    },
  ],
  [
    'Dahua defaults',
    {
      brand: 'Dahua',
      current: [
        { role: 'http', transport: 'tcp', port: 80 },
        { role: 'https', transport: 'tcp', port: 443 },
        { role: 'rtsp', transport: 'tcp', port: 554 },
        { role: 'sdk', transport: 'tcp', port: 37777 },
        { role: 'sdk', transport: 'udp', port: 37778 },
      ],
      inUseElsewhere: elsewhere,
    },
  ],
  [
    'Reolink defaults',
    {
      brand: 'Reolink',
      current: [
        { role: 'https', transport: 'tcp', port: 443 },
        { role: 'onvif', transport: 'tcp', port: 8000 },
        { role: 'media', transport: 'tcp', port: 9000 },
      ],
    },
  ],
  [
    'Speco (audio on network port + 1)',
    {
      brand: 'Speco',
      current: [
        { role: 'sdk', transport: 'tcp', port: 5445 },
        { role: 'media', transport: 'tcp', port: 5446 },
        { role: 'http', transport: 'tcp', port: 80 },
      ],
    },
  ],
  ['unknown brand', { brand: null, current: [{ role: 'https', transport: 'tcp', port: 8443 }] }],
];

const SEEDS = Array.from({ length: 40 }, (_, i) => i * 7919 + 1);
const catalog = catalogPortNumbers();
const taken = (list: readonly UsedPort[] | undefined, port: number, transport: 'tcp' | 'udp') =>
  (list ?? []).some((u) => u.port === port && (!u.transport || u.transport === transport));

describe('proposePorts: rules hold for every scenario and seed', () => {
  it.each(SCENARIOS)('%s', (_name, input) => {
    expect(proposalInputSchema.safeParse(input).success).toBe(true);
    for (const seed of SEEDS) {
      const out = proposePorts(input, seededRandom(seed));
      expect(out).toHaveLength(input.current.length);
      for (const p of out) {
        expect(proposedPortSchema.safeParse(p).success).toBe(true);
        expect(p.internal).toBeGreaterThanOrEqual(1024); // never well-known
        expect(p.internal).toBeLessThan(32768); // never ephemeral
        expect(catalog.has(p.internal), `default ${p.internal}`).toBe(false); // never a catalogue default
        expect(COMMONLY_SCANNED_PORTS).not.toContain(p.internal);
        expect(taken(input.inUseOnDevice, p.internal, p.transport)).toBe(false); // never in use on the device
        expect(taken(input.inUseElsewhere, p.internal, p.transport)).toBe(false); // nor on other devices
        expect(p.external).toBe(p.internal);
        expect(p.why.length).toBeGreaterThan(0);
      }
      // Distinct per current port; shared current ports stay shared.
      const byCurrent = new Map<string, number>();
      for (const p of out) {
        const key = `${p.current}/${p.transport}`;
        if (byCurrent.has(key)) expect(p.internal).toBe(byCurrent.get(key));
        byCurrent.set(key, p.internal);
      }
      const distinct = new Set([...byCurrent.values()].map(String));
      expect(distinct.size).toBe(byCurrent.size);
      // The proposal passes its own validator without any problem.
      const edited: EditedPort[] = out.map((p) => ({
        role: p.role,
        transport: p.transport,
        internal: p.internal,
        external: p.external,
      }));
      expect(validateProposal(edited, { ...input, current: input.current })).toEqual([]);
    }
  });

  it('keeps a port an earlier change already moved to a good one, and moves the rest', () => {
    const input: ProposalInput = {
      brand: 'Hikvision',
      current: [
        { role: 'http', transport: 'tcp', port: 18080 },
        { role: 'onvif', transport: 'tcp', port: 18080 },
        { role: 'rtsp', transport: 'tcp', port: 554 },
        { role: 'sdk', transport: 'tcp', port: 8000 },
      ],
      inUseOnDevice: [{ port: 18080 }, { port: 554 }, { port: 8000 }],
    };
    for (const seed of SEEDS) {
      const out = proposePorts(input, seededRandom(seed));
      expect(out.filter((p) => p.current === 18080).map((p) => p.internal)).toEqual([18080, 18080]);
      expect(out.find((p) => p.role === 'http')!.why).toMatch(/keep 18080/);
      expect(out.find((p) => p.role === 'rtsp')!.internal).not.toBe(554);
      expect(out.find((p) => p.role === 'sdk')!.internal).not.toBe(8000);
      const edited = out.map((p) => ({
        role: p.role,
        transport: p.transport,
        internal: p.internal,
        external: p.external,
      }));
      expect(validateProposal(edited, input)).toEqual([]);
    }
  });

  it('still moves a non-default port that is too low, a catalogue default or used by another device', () => {
    for (const port of [8181, 37777, 20000]) {
      const input: ProposalInput = {
        brand: 'Hikvision',
        current: [{ role: 'http', transport: 'tcp', port }],
        inUseOnDevice: [{ port }],
        inUseElsewhere: [{ port: 20000, where: 'the other NVR' }],
      };
      for (const seed of SEEDS.slice(0, 10)) {
        const [http] = proposePorts(input, seededRandom(seed));
        expect(http!.internal, `from ${port}`).not.toBe(port);
        expect(http!.why).toMatch(new RegExp(`move it from ${port}`));
      }
    }
  });

  it('is deterministic for a seed and varies across seeds', () => {
    const [, input] = SCENARIOS[0]!;
    expect(proposePorts(input, seededRandom(42))).toEqual(proposePorts(input, seededRandom(42)));
    expect(proposePorts(input, seededRandom('site-a'))).toEqual(proposePorts(input, seededRandom('site-a')));
    const variants = new Set(SEEDS.map((s) => proposePorts(input, seededRandom(s))[0]!.internal));
    expect(variants.size).toBeGreaterThan(30);
  });

  it('never calls Math.random', () => {
    const original = Math.random;
    Math.random = () => {
      throw new Error('Math.random called');
    };
    try {
      for (const [, input] of SCENARIOS) expect(() => proposePorts(input, seededRandom(1))).not.toThrow();
    } finally {
      Math.random = original;
    }
  });

  it('ONVIF on the web port moves with it', () => {
    const out = proposePorts(SCENARIOS[0]![1], seededRandom(3));
    expect(out.find((p) => p.role === 'onvif')!.internal).toBe(out.find((p) => p.role === 'http')!.internal);
  });

  it.each([
    ['Dahua', 'sdk', 'required-by-vendor'],
    ['Amcrest', 'sdk', 'required-by-vendor'],
    ['Hikvision', 'sdk', 'recommended'],
    ['Reolink', 'media', 'recommended'],
    ['Dahua', 'https', 'free'],
  ] as const)('%s %s: internal = external is %s', (brand, role, policy) => {
    const out = proposePorts({ brand, current: [{ role, transport: 'tcp', port: 40000 }] }, seededRandom(9));
    expect(out[0]!.samePort).toBe(policy);
    expect(out[0]!.external).toBe(out[0]!.internal);
  });

  it('Speco audio stays at network port + 1, and both are free', () => {
    const [, input] = SCENARIOS[3]!;
    for (const seed of SEEDS) {
      const out = proposePorts(input, seededRandom(seed));
      const sdk = out.find((p) => p.role === 'sdk')!;
      expect(out.find((p) => p.role === 'media')!.internal).toBe(sdk.internal + 1);
      expect(out.find((p) => p.role === 'http')!.internal).not.toBe(sdk.internal + 1);
    }
  });

  it('still finds a port when random keeps hitting taken ones', () => {
    const crowded = Array.from({ length: 4000 }, (_, i) => ({ port: 10001 + i }));
    const out = proposePorts(
      { current: [{ role: 'https', transport: 'tcp', port: 443 }], inUseElsewhere: crowded },
      () => 0,
    );
    expect(out[0]!.internal).toBeGreaterThan(14000);
    expect(out[0]!.internal).toBeLessThan(32768);
  });
});

const HIK_CURRENT = [
  { role: 'sdk', transport: 'tcp', port: 8000 },
  { role: 'https', transport: 'tcp', port: 443 },
] as const;

const PROBLEMS: ReadonlyArray<
  readonly [string, EditedPort[], Parameters<typeof validateProposal>[1], ProblemCode, 'error' | 'warning', string]
> = [
  [
    'not a whole number',
    [{ role: 'https', transport: 'tcp', internal: 20000.5 }],
    {},
    'out-of-range',
    'error',
    'Web page (HTTPS): 20000.5 is not a port number',
  ],
  [
    'above 65535',
    [{ role: 'https', transport: 'tcp', internal: 70000 }],
    {},
    'out-of-range',
    'error',
    'is not a port number. Use a whole number from 1024 to 32767',
  ],
  [
    'outside port out of range',
    [{ role: 'https', transport: 'tcp', internal: 20000, external: 0 }],
    {},
    'out-of-range',
    'error',
    'the outside port 0 is not a port number',
  ],
  [
    'well-known',
    [{ role: 'https', transport: 'tcp', internal: 444 }],
    {},
    'well-known',
    'warning',
    '444 is below 1024',
  ],
  [
    'ephemeral (Linux range)',
    [{ role: 'rtsp', transport: 'tcp', internal: 40000 }],
    {},
    'ephemeral',
    'warning',
    '40000 is 32768 or above',
  ],
  [
    'ephemeral (IANA range)',
    [{ role: 'rtsp', transport: 'tcp', internal: 50000 }],
    {},
    'ephemeral',
    'warning',
    '49152–65535',
  ],
  [
    'duplicate',
    [
      { role: 'https', transport: 'tcp', internal: 21000 },
      { role: 'rtsp', transport: 'tcp', internal: 21000 },
    ],
    {},
    'duplicate',
    'error',
    'Video streams (RTSP) and Web page (HTTPS) both use 21000/TCP',
  ],
  [
    'in use on the device',
    [{ role: 'https', transport: 'tcp', internal: 21001 }],
    { inUseOnDevice: [{ port: 21001, where: 'the FTP server' }] },
    'in-use-device',
    'error',
    'already used by another service on this device (the FTP server)',
  ],
  [
    'in use on another device',
    [{ role: 'https', transport: 'tcp', internal: 21002 }],
    { inUseElsewhere: [{ port: 21002, where: 'the other NVR (192.168.1.20)' }] },
    'in-use-other',
    'error',
    'already used by the other NVR (192.168.1.20). A router can forward an outside port to only one device',
  ],
  [
    'outside port in use elsewhere',
    [{ role: 'https', transport: 'tcp', internal: 21003, external: 21004 }],
    { inUseElsewhere: [{ port: 21004 }] },
    'in-use-other',
    'error',
    '21004 is already used by another device on your network',
  ],
  [
    'Dahua SDK outside ≠ inside',
    [{ role: 'sdk', transport: 'tcp', internal: 21005, external: 21006 }],
    { brand: 'Dahua' },
    'must-match-outside',
    'error',
    'must be the same as the port on the device (21005); Dahua requires it',
  ],
  [
    'Hikvision SDK outside ≠ inside',
    [{ role: 'sdk', transport: 'tcp', internal: 21005, external: 21006 }],
    { brand: 'Hikvision' },
    'must-match-outside',
    'warning',
    'keep the outside port (21006) the same',
  ],
  [
    'Speco next port taken',
    [
      { role: 'sdk', transport: 'tcp', internal: 21007 },
      { role: 'https', transport: 'tcp', internal: 21008 },
    ],
    { brand: 'Speco' },
    'next-port-taken',
    'error',
    'also uses the next port (21008)',
  ],
  [
    'vendor default',
    [{ role: 'https', transport: 'tcp', internal: 9000 }],
    {},
    'vendor-default',
    'warning',
    '9000 is a known factory port (',
  ],
  [
    'keeping a default in the ephemeral range',
    [{ role: 'sdk', transport: 'tcp', internal: 37777 }],
    { brand: 'Dahua', current: [{ role: 'sdk', transport: 'tcp', port: 37777 }] },
    'ephemeral',
    'warning',
    'keeping it works, but moving it is safer',
  ],
  [
    'keeping a well-known port',
    [{ role: 'https', transport: 'tcp', internal: 443 }],
    { current: [{ role: 'https', transport: 'tcp', port: 443 }] },
    'well-known',
    'warning',
    '443 is below 1024',
  ],
  [
    'a Dahua-family SDK default',
    [{ role: 'sdk', transport: 'tcp', internal: 37777 }],
    { brand: 'Dahua', current: [{ role: 'sdk', transport: 'tcp', port: 37777 }] },
    'vendor-default',
    'warning',
    '37777 is a known factory port (App/SDK port of Dahua, Amcrest)',
  ],
  [
    'commonly scanned',
    [{ role: 'https', transport: 'tcp', internal: 8888 }],
    {},
    'commonly-scanned',
    'warning',
    '8888 is a popular alternate port',
  ],
];

describe('validateProposal: each problem gets the right plain-words message', () => {
  it.each(PROBLEMS)('%s', (_name, ports, ctx, code, severity, text) => {
    const problems = validateProposal(ports, ctx);
    const hit = problems.find((p) => p.code === code);
    expect(hit, JSON.stringify(problems)).toBeDefined();
    expect(hit!.severity).toBe(severity);
    expect(hit!.message).toContain(text);
  });

  it('a clean set has no problems', () => {
    expect(
      validateProposal(
        [
          { role: 'https', transport: 'tcp', internal: 23817 },
          { role: 'sdk', transport: 'tcp', internal: 23818 },
        ],
        { brand: 'Dahua' },
      ),
    ).toEqual([]);
  });

  it('ONVIF may share the web port; TCP and UDP on one number are not duplicates', () => {
    expect(
      validateProposal([
        { role: 'http', transport: 'tcp', internal: 23000 },
        { role: 'onvif', transport: 'tcp', internal: 23000 },
        { role: 'webrtc', transport: 'tcp', internal: 23001 },
        { role: 'webrtc', transport: 'udp', internal: 23001 },
      ]),
    ).toEqual([]);
  });

  it('a role keeping its own port, or taking one another role vacates, is not "in use"', () => {
    const problems = validateProposal(
      [
        { role: 'sdk', transport: 'tcp', internal: 25000 },
        { role: 'https', transport: 'tcp', internal: 8000 },
      ],
      { brand: 'Hikvision', current: [...HIK_CURRENT], inUseOnDevice: [{ port: 8000 }, { port: 443 }] },
    );
    expect(problems.map((p) => p.code)).toEqual(['vendor-default']);
    const keep = validateProposal([{ role: 'sdk', transport: 'tcp', internal: 8000 }], {
      brand: 'Hikvision',
      current: [...HIK_CURRENT],
      inUseOnDevice: [{ port: 8000 }],
    });
    expect(keep.map((p) => p.code)).toEqual(['vendor-default']);
  });

  it('lists errors before warnings', () => {
    const problems = validateProposal([
      { role: 'https', transport: 'tcp', internal: 8888 },
      { role: 'rtsp', transport: 'tcp', internal: 70000 },
    ]);
    expect(problems.map((p) => p.severity)).toEqual(['error', 'warning']);
  });
});

describe('RTSP transport advice', () => {
  it('recommends TCP and warns that RTP over UDP does not cross NAT, with sources', () => {
    expect(RTSP_TRANSPORT_ADVICE.text).toMatch(/RTSP over TCP/);
    expect(RTSP_TRANSPORT_ADVICE.text).toMatch(/UDP/);
    expect(RTSP_TRANSPORT_ADVICE.text).toMatch(/NAT/);
    expect(RTSP_TRANSPORT_ADVICE.sources.length).toBeGreaterThan(0);
  });
});

describe('a factory port another device also uses', () => {
  it('is a warning, not an error: putting an NVR back on port 80 beside a camera on 80 stays the user’s call', () => {
    const problems = validateProposal([{ role: 'http', transport: 'tcp', internal: 80 }], {
      inUseElsewhere: [{ port: 80, transport: 'tcp', where: 'Dahua NVR4108HS-4KS2 (192.168.50.65)' }],
    });
    const clash = problems.find((p) => p.code === 'in-use-other');
    expect(clash).toMatchObject({ severity: 'warning', port: 80 });
    expect(clash?.message).toMatch(/keep this one unforwarded/);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a port that is not a factory port of that service stays an error when another device uses it', () => {
    const problems = validateProposal([{ role: 'http', transport: 'tcp', internal: 18080 }], {
      inUseElsewhere: [{ port: 18080, transport: 'tcp', where: 'a camera' }],
    });
    expect(problems.find((p) => p.code === 'in-use-other')?.severity).toBe('error');
  });
});
