// The Static IP step's pure rules (src/shared/domain/static-ip.ts): the DHCP pool (typed, seen, factory hint,
// chosen), the findings with their evidence, the proposed address (tables over pools, prefixes /16–/30, conflicts,
// plus properties: always on the subnet, outside the pool, free, never network/broadcast/router, deterministic) and
// the checks of a typed address, gateway and DNS list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { broadcastNumber, formatIpv4, networkNumber, parseIpv4 } from '../../../../src/shared/domain/ipv4';
import {
  checkDnsList,
  checkGateway,
  checkTypedAddress,
  choosePool,
  judgeAddress,
  lanProblem,
  noProposalReason,
  parsePool,
  poolFromLeases,
  proposeAddress,
  routerDefaultPool,
  ROUTER_DEFAULTS,
  splitDnsList,
  type DhcpPool,
  type Finding,
  type Ipv4Settings,
  type KnownDevice,
  type LanFacts,
} from '../../../../src/shared/domain/static-ip';
import { english } from '../../../../src/shared/i18n/english';
import {
  addressFindingSchema,
  addressProblemSchema,
  addressProposalSchema,
  dhcpPoolSchema,
} from '../../../../src/shared/steps/static-ip';
import { SHARED_DIR } from '../../../support/shared-corpus';

const lan: LanFacts = { interfaceName: 'eth0', address: '192.168.50.10', prefix: 24, gateway: '192.168.50.1' };
const lanAt = (address: string, prefix: number, gateway: string | null): LanFacts => ({
  interfaceName: 'eth0',
  address,
  prefix,
  gateway,
});
/** Issues as main makes them: each said by key too (of the `staticIp` catalogue's typed-value or LAN words). */
const withSaid = (issues: readonly object[]) =>
  issues.map((i) => ({
    ...i,
    said: expect.objectContaining({ key: expect.stringMatching(/^staticIp\.(typed|lanProblem)\./) }),
  }));
/** The issues as expected, said by key, and each key's English sentence the very text main keeps beside it. */
function expectIssues(got: readonly { text: string; said?: { key: string } }[], issues: readonly object[]): void {
  expect(got).toEqual(withSaid(issues));
  for (const i of got) expect(english(i.said!)).toBe(i.text);
}
const pool = (first: string, last: string, source: DhcpPool['source'] = 'user', basis = 'the range you typed') => ({
  first,
  last,
  source,
  basis,
});
const userPool = pool('192.168.50.100', '192.168.50.199');
const device = (over: Partial<Ipv4Settings> = {}): Ipv4Settings => ({
  dhcp: false,
  address: '192.168.50.30',
  prefix: 24,
  gateway: '192.168.50.1',
  dns: ['192.168.50.1'],
  source: 'onvif',
  ...over,
});
const codes = (fs: Finding[]) => fs.map((f) => f.code);
const find = (fs: Finding[], code: Finding['code']) => fs.find((f) => f.code === code) as Finding;

describe('lanProblem: the networks we plan addresses in are /8 to /30', () => {
  it.each([8, 16, 24, 29, 30])('/%i is usable', (prefix) =>
    expect(lanProblem(lanAt('10.1.2.3', prefix, null))).toBeNull(),
  );

  it.each([31, 32, 33, -1, 24.5])('/%d is refused as a point-to-point link or single address', (prefix) =>
    expect(lanProblem(lanAt('10.1.2.3', prefix, null))).toBe(
      `This computer's network (/${prefix}) is a point-to-point link or a single address, not a local network with room for the NVR.`,
    ),
  );

  it.each([0, 7])('/%i is refused as larger than any home network', (prefix) =>
    expect(lanProblem(lanAt('10.1.2.3', prefix, null))).toMatch(/\(\/\d\) is larger than any home or office network/),
  );

  it('a computer address that is not IPv4 is refused, naming it', () =>
    expect(lanProblem(lanAt('fe80::1', 24, null))).toBe("This computer's address (fe80::1) is not an IPv4 address."));
});

describe('parsePool: the range the user typed from the router', () => {
  it.each([
    ['192.168.50.100-192.168.50.199', '192.168.50.100', '192.168.50.199'],
    ['192.168.50.100 – 192.168.50.199', '192.168.50.100', '192.168.50.199'],
    ['  192.168.50.100 — 192.168.50.199  ', '192.168.50.100', '192.168.50.199'],
    ['192.168.50.100-199', '192.168.50.100', '192.168.50.199'],
    ['192.168.50.100 - 199', '192.168.50.100', '192.168.50.199'],
    ['192.168.50.100-100', '192.168.50.100', '192.168.50.100'],
    ['192.168.50.2-254', '192.168.50.2', '192.168.50.254'],
  ])('accepts %j as %s–%s, resting on the entry', (text, first, last) => {
    expect(parsePool(text, lan)).toEqual({
      pool: {
        first,
        last,
        source: 'user',
        basis: 'the range you typed',
        basisSaid: [{ key: 'staticIp.poolBasis.typed' }],
      },
      warnings: expect.any(Array),
      warningsSaid: expect.any(Array),
    });
  });

  it.each([
    '',
    'dhcp',
    '192.168.50.100',
    '192.168.50.100-',
    '-192.168.50.199',
    '192.168.50.100-256',
    '192.168.50.100-1000',
    '192.168.50.100-1a',
    '192.168.50.100-150-199',
    '192.168.50.300-199',
    '192.168.50.100 to 192.168.50.199',
    '192.168.50.100-2e2',
    '192.168.50.100-+199',
    '192.168.50.10-0x11',
    `192.168.50.100-192.168.50.199${' '.repeat(60)}`,
  ])('refuses %j as malformed, with an example', (text) =>
    expect(parsePool(text, lan)).toEqual({
      problem:
        'Type the pool as its first and last address, for example 192.168.1.100-192.168.1.199 or 192.168.1.100-199.',
      said: { key: 'staticIp.poolProblem.malformed' },
    }),
  );

  it('refuses what is not text without throwing', () =>
    expect(parsePool(undefined as unknown as string, lan)).toHaveProperty('problem'));

  it('the 80-character bound counts the text as typed', () => {
    const padded = `192.168.50.100-199${' '.repeat(62)}`;
    expect(padded).toHaveLength(80);
    expect(parsePool(padded, lan)).toHaveProperty('pool');
    expect(parsePool(`${padded} `, lan)).toHaveProperty('problem');
  });

  it.each([
    [
      '192.168.50.199-100',
      'The pool 192.168.50.199–192.168.50.100 ends before it starts: type the lower address first.',
    ],
    ['192.168.50.100-99', 'The pool 192.168.50.100–192.168.50.99 ends before it starts: type the lower address first.'],
    [
      '192.168.1.100-199',
      "The pool 192.168.1.100–192.168.1.199 is not inside your network 192.168.50.0/24: check it on the router's DHCP page.",
    ],
    [
      '192.168.50.100-192.168.51.5',
      "The pool 192.168.50.100–192.168.51.5 is not inside your network 192.168.50.0/24: check it on the router's DHCP page.",
    ],
    [
      '192.168.49.200-192.168.50.5',
      "The pool 192.168.49.200–192.168.50.5 is not inside your network 192.168.50.0/24: check it on the router's DHCP page.",
    ],
    [
      '192.168.50.0-99',
      "The pool 192.168.50.0–192.168.50.99 includes 192.168.50.0, the network address, which no device can have: check it on the router's DHCP page.",
    ],
    [
      '192.168.50.200-255',
      "The pool 192.168.50.200–192.168.50.255 includes 192.168.50.255, the broadcast address, which no device can have: check it on the router's DHCP page.",
    ],
    [
      '192.168.50.1-99',
      "The pool 192.168.50.1–192.168.50.99 includes the router's own address (192.168.50.1), which a router never hands out: copy the first and last address from the router's DHCP page.",
    ],
  ])('refuses %j: %s', (text, problem) => {
    const refused = parsePool(text, lan);
    expect(refused).toEqual({
      problem,
      said: expect.objectContaining({ key: expect.stringMatching(/^staticIp\.poolProblem\./) }),
    });
    expect(english((refused as { said: { key: string } }).said)).toBe(problem);
  });

  it('refuses a pool with the router at either end or inside; accepts one just beside it', () => {
    const at254 = lanAt('192.168.1.10', 24, '192.168.1.254');
    expect(parsePool('192.168.1.100-254', at254)).toHaveProperty('problem', expect.stringContaining('(192.168.1.254)'));
    expect(parsePool('192.168.1.254-254', at254)).toHaveProperty('problem', expect.stringContaining('(192.168.1.254)'));
    expect(parsePool('192.168.1.100-253', at254)).toHaveProperty('pool');
    const at100 = lanAt('192.168.1.10', 24, '192.168.1.100');
    expect(parsePool('192.168.1.100-199', at100)).toHaveProperty('problem', expect.stringContaining("router's own"));
    expect(parsePool('192.168.1.101-199', at100)).toHaveProperty('pool');
    expect(parsePool('192.168.1.50-99', at100)).toHaveProperty('pool');
  });

  it('with no router known, a pool from .1 is accepted', () =>
    expect(parsePool('192.168.50.1-199', lanAt('192.168.50.10', 24, null))).toHaveProperty(
      'pool.first',
      '192.168.50.1',
    ));

  it('warns, and only then, when the pool leaves no address outside it', () => {
    const none = [
      "The pool 192.168.50.2–192.168.50.254 takes every address of your network: there is none left for a fixed address. Make the pool smaller on the router, or reserve the NVR's address there.",
    ];
    expect(parsePool('192.168.50.2-254', lan)).toMatchObject({
      warnings: none,
      warningsSaid: [{ key: 'staticIp.poolProblem.takesAll', params: { range: '192.168.50.2–192.168.50.254' } }],
    });
    expect(parsePool('192.168.50.3-254', lan)).toMatchObject({ warnings: [] });
    expect(parsePool('192.168.50.2-253', lan)).toMatchObject({ warnings: [] });
    const noRouter = lanAt('192.168.50.10', 24, null);
    expect(parsePool('192.168.50.1-254', noRouter)).toMatchObject({
      warnings: [expect.stringContaining('takes every')],
    });
    expect(parsePool('192.168.50.2-254', noRouter)).toMatchObject({ warnings: [] });
    expect(parsePool('192.168.50.1-253', noRouter)).toMatchObject({ warnings: [] });
    const slash30 = lanAt('192.168.50.10', 30, '192.168.50.9');
    expect(parsePool('192.168.50.10-10', slash30)).toMatchObject({
      warnings: [expect.stringContaining('takes every')],
    });
  });

  it('on a /16 the short form replaces the last number only', () =>
    expect(parsePool('10.1.2.100-200', lanAt('10.1.5.10', 16, '10.1.0.1'))).toMatchObject({
      pool: { first: '10.1.2.100', last: '10.1.2.200' },
      warnings: [],
    }));

  it("this computer's unusable network is the problem", () =>
    expect(parsePool('192.168.50.100-199', lanAt('192.168.50.10', 31, null))).toEqual({
      problem: lanProblem(lanAt('192.168.50.10', 31, null)),
      said: { key: 'staticIp.lanProblem.pointToPoint', params: { prefix: '31' } },
    }));
});

describe('poolFromLeases: the range the devices on DHCP span', () => {
  const d = (id: string, address: string, dhcp: boolean | null, planned?: boolean): KnownDevice => ({
    id,
    address,
    mac: null,
    dhcp,
    ...(planned === undefined ? {} : { planned }),
  });

  it('spans the devices on DHCP on this LAN, counting each address once', () =>
    expect(
      poolFromLeases(
        [
          d('a', '192.168.50.120', true),
          d('b', '192.168.50.100', true),
          d('c', '192.168.50.142', true),
          d('c2', '192.168.50.142', true),
          d('static', '192.168.50.20', false),
          d('unknown', '192.168.50.250', null),
          d('plan', '192.168.50.90', true, true),
          d('planned-false', '192.168.50.130', true, false),
          d('other-net', '192.168.1.5', true),
          d('router', '192.168.50.1', true),
          d('network', '192.168.50.0', true),
          d('broadcast', '192.168.50.255', true),
          d('junk', 'junk', true),
        ],
        lan,
      ),
    ).toEqual({
      first: '192.168.50.100',
      last: '192.168.50.142',
      source: 'leases',
      basis: 'seen: 4 devices on DHCP between .100 and .142 — the pool is at least this',
      basisSaid: [{ key: 'staticIp.poolBasis.seenMany', params: { count: '4', first: '.100', last: '.142' } }],
    }));

  it('one device: the pool includes at least its address', () =>
    expect(poolFromLeases([d('a', '192.168.50.120', true)], lan)).toEqual({
      first: '192.168.50.120',
      last: '192.168.50.120',
      source: 'leases',
      basis: 'seen: 1 device on DHCP at .120 — the pool includes at least this address',
      basisSaid: [{ key: 'staticIp.poolBasis.seenOne', params: { address: '.120' } }],
    }));

  it('null when no device on DHCP is known on this LAN, or the LAN is unusable', () => {
    expect(poolFromLeases([], lan)).toBeNull();
    expect(poolFromLeases([d('s', '192.168.50.20', false), d('p', '192.168.50.90', true, true)], lan)).toBeNull();
    expect(poolFromLeases([d('a', '192.168.50.120', true)], lanAt('192.168.50.10', 32, null))).toBeNull();
  });

  it('on a /16 the basis names whole addresses', () =>
    expect(
      poolFromLeases([d('a', '10.1.0.100', true), d('b', '10.1.1.7', true)], lanAt('10.1.5.10', 16, '10.1.0.1'))?.basis,
    ).toBe('seen: 2 devices on DHCP between 10.1.0.100 and 10.1.1.7 — the pool is at least this'));
});

describe("routerDefaultPool: the router family's factory pool, a hint", () => {
  it.each([
    [
      '192.168.0.1',
      '192.168.0.100',
      '192.168.0.199',
      "TP-Link Archer's factory pool (.100–.199), a hint (ROUTERS.md, low confidence); also the factory address of Sky Hub (pool not known)",
    ],
    [
      '192.168.178.1',
      '192.168.178.20',
      '192.168.178.200',
      "FRITZ!Box's factory pool (.20–.200), a hint (ROUTERS.md, confirmed by the vendor)",
    ],
    [
      '192.168.88.1',
      '192.168.88.10',
      '192.168.88.254',
      "MikroTik's factory pool (.10–.254), a hint (ROUTERS.md, one source)",
    ],
    [
      '192.168.50.1',
      '192.168.50.2',
      '192.168.50.254',
      "ASUS's factory pool (.2–.254), a hint (ROUTERS.md, one source)",
    ],
    [
      '192.168.1.254',
      '192.168.1.64',
      '192.168.1.253',
      "BT Smart Hub's factory pool (.64–.253), a hint (ROUTERS.md, low confidence)",
    ],
    [
      '192.168.1.1',
      '192.168.1.2',
      '192.168.1.254',
      '192.168.1.1 is the factory address of several router families whose pools differ (ASUS (older models) .2–.254, Netgear .2–.254, pfSense .100–.199, OPNsense .100–.199, OpenWrt .100–.249): the widest, .2–.254, is assumed — a hint, not a fact (ROUTERS.md)',
    ],
  ])('router %s: %s–%s', (gateway, first, last, basis) => {
    const self = gateway.replace(/\.\d+$/, '.77');
    const hint = routerDefaultPool(lanAt(self, 24, gateway));
    expect(hint).toEqual({ first, last, source: 'router-default', basis, basisSaid: expect.any(Array) });
    // Said by key: its parts' English sentences, joined by "; ", are the basis main keeps.
    expect(hint!.basisSaid!.map(english).join('; ')).toBe(basis);
  });

  it('null when the router is not at a factory address, the prefix differs, no router is known, or the LAN is unusable', () => {
    expect(routerDefaultPool(lanAt('192.168.1.77', 24, '192.168.1.2'))).toBeNull();
    expect(routerDefaultPool(lanAt('10.0.0.77', 24, '10.0.0.1'))).toBeNull();
    expect(routerDefaultPool(lanAt('192.168.0.77', 16, '192.168.0.1'))).toBeNull();
    expect(routerDefaultPool(lanAt('192.168.0.77', 24, null))).toBeNull();
    expect(routerDefaultPool(lanAt('192.168.0.77', 31, '192.168.0.1'))).toBeNull();
  });

  it('families at the same address whose pool is unknown are all named', () => {
    const table = [
      { family: 'A', gateway: '10.9.0.1', prefix: 24, pool: null, confidence: 'L' as const, source: null },
      {
        family: 'B',
        gateway: '10.9.0.1',
        prefix: 24,
        pool: { first: '10.9.0.50', last: '10.9.0.60' },
        confidence: 'H' as const,
        source: null,
      },
      { family: 'C', gateway: '10.9.0.1', prefix: 24, pool: null, confidence: 'L' as const, source: null },
      { family: 'D', gateway: '10.9.0.1', prefix: 24, pool: null, confidence: 'L' as const, source: null },
    ];
    expect(routerDefaultPool(lanAt('10.9.0.7', 24, '10.9.0.1'), table)?.basis).toBe(
      "B's factory pool (.50–.60), a hint (ROUTERS.md, confirmed by the vendor); also the factory address of A, C, D (pool not known)",
    );
    expect(
      routerDefaultPool(
        lanAt('10.9.0.7', 24, '10.9.0.1'),
        table.filter((r) => r.pool === null),
      ),
    ).toBeNull();
  });

  it('every row: the pool lies in the router’s /24 and leaves the router out; its source is in ROUTERS.md', () => {
    const routers = readFileSync(join(SHARED_DIR, 'reference', 'ROUTERS.md'), 'utf8');
    for (const row of ROUTER_DEFAULTS) {
      expect(row.prefix).toBe(24);
      if (row.source !== null) expect(routers).toContain(row.source);
      if (row.pool === null) continue;
      const g = parseIpv4(row.gateway) as number;
      const f = parseIpv4(row.pool.first) as number;
      const l = parseIpv4(row.pool.last) as number;
      expect(networkNumber(row.pool.first, 24)).toBe(networkNumber(row.gateway, 24));
      expect(networkNumber(row.pool.last, 24)).toBe(networkNumber(row.gateway, 24));
      expect(f).toBeLessThanOrEqual(l);
      expect(g >= f && g <= l).toBe(false);
      // ROUTERS.md writes each pool's ends as ".first–.last" or the whole addresses.
      const a = row.pool.first.split('.')[3];
      const b = row.pool.last.split('.')[3];
      expect(routers.includes(`.${a}–.${b}`) || routers.includes(`${row.pool.first}–${row.pool.last}`)).toBe(true);
    }
  });
});

describe('a long basis (leases widened to several families) crosses the contract', () => {
  it('the pool, the proposal and a problem in the range: within the contract, said by key where the basis fits', () => {
    const at1 = lanAt('192.168.1.10', 24, '192.168.1.1');
    const leases = poolFromLeases([{ id: 'a', address: '192.168.1.120', mac: null, dhcp: true }], at1);
    const wide = choosePool({ user: null, leases, routerDefault: routerDefaultPool(at1) })!;
    expect(wide.basis.length).toBeGreaterThan(300);
    expect(dhcpPoolSchema.safeParse(wide).success).toBe(true);
    // Nothing is free outside .2–.254: a smaller factory range for the proposal and the typed address.
    const fritz = lanAt('192.168.178.10', 24, '192.168.178.1');
    const seen = poolFromLeases([{ id: 'a', address: '192.168.178.120', mac: null, dhcp: true }], fritz);
    const p = choosePool({ user: null, leases: seen, routerDefault: routerDefaultPool(fritz) })!;
    const proposal = proposeAddress({
      device: device({ dhcp: true, address: '192.168.178.120' }),
      lan: fritz,
      pool: p,
      known: [],
      deviceId: 'me',
    })!;
    expect(addressProposalSchema.safeParse(proposal).success).toBe(true);
    expect(proposal.whySaid).toHaveLength(proposal.why.length);
    const [problem] = checkTypedAddress('192.168.178.150', { lan: fritz, pool: p, known: [], deviceId: 'me' });
    expect(problem!.text.length).toBeGreaterThan(300);
    expect(problem!.said?.key).toBe('staticIp.typed.maybeInPool');
    expect(addressProblemSchema.safeParse(problem).success).toBe(true);
    // The longest basis: the problem keeps main's English only (too long to cross by key), and still crosses.
    const [inWide] = checkTypedAddress('192.168.1.150', { lan: at1, pool: wide, known: [], deviceId: 'me' });
    expect(inWide).toEqual({ severity: 'warning', text: expect.stringContaining(wide.basis) });
    expect(addressProblemSchema.safeParse(inWide).success).toBe(true);
    const findings = judgeAddress({
      device: device({ address: '192.168.1.150' }),
      lan: at1,
      pool: wide,
      conflicts: [],
    });
    expect(findings.map((f) => f.code)).toContain('static-in-pool');
    for (const f of findings) expect(addressFindingSchema.safeParse(f).success).toBe(true);
  });
});

describe('choosePool: what a proposal rests on', () => {
  const leases = pool('192.168.50.100', '192.168.50.142', 'leases', 'seen: 3 devices');
  const hint = pool('192.168.50.100', '192.168.50.199', 'router-default', "TP-Link's factory pool");

  it("the user's entry wins over everything", () =>
    expect(choosePool({ user: userPool, leases, routerDefault: hint })).toBe(userPool));

  it('nothing known: null; only one known: that one', () => {
    expect(choosePool({ user: null, leases: null, routerDefault: null })).toBeNull();
    expect(choosePool({ user: null, leases: null, routerDefault: hint })).toBe(hint);
    expect(choosePool({ user: null, leases, routerDefault: null })).toBe(leases);
  });

  it.each([
    ['.100–.142 inside .100–.199', '192.168.50.100', '192.168.50.142', '192.168.50.100', '192.168.50.199'],
    ['.50–.120 across the start', '192.168.50.50', '192.168.50.120', '192.168.50.50', '192.168.50.199'],
    ['.150–.220 across the end', '192.168.50.150', '192.168.50.220', '192.168.50.100', '192.168.50.220'],
    ['.199–.210 touching the end', '192.168.50.199', '192.168.50.210', '192.168.50.100', '192.168.50.210'],
    ['.20–.100 touching the start', '192.168.50.20', '192.168.50.100', '192.168.50.20', '192.168.50.199'],
  ])(
    'leases %s: widened to the hint, and a hint as a whole (what lies past the leases is only the factory pool)',
    (_, lf, ll, first, last) =>
      expect(
        choosePool({ user: null, leases: pool(lf, ll, 'leases', 'seen: 3 devices'), routerDefault: hint }),
      ).toEqual({
        first,
        last,
        source: 'router-default',
        basis: "seen: 3 devices; widened to TP-Link's factory pool",
      }),
  );

  it.each([
    ['.200–.210, after the hint', '192.168.50.200', '192.168.50.210'],
    ['.20–.99, before the hint', '192.168.50.20', '192.168.50.99'],
  ])('leases %s: the hint does not fit them and is left out', (_, lf, ll) =>
    expect(choosePool({ user: null, leases: pool(lf, ll, 'leases', 'seen: 2 devices'), routerDefault: hint })).toEqual({
      first: lf,
      last: ll,
      source: 'leases',
      basis: 'seen: 2 devices; the factory pool hint does not fit what we saw, so it is left out',
    }),
  );

  it('pools said by key: the widened or narrowed basis said by its parts, joined as main joins its English', () => {
    const tpLink = lanAt('192.168.0.10', 24, '192.168.0.1');
    const seen = poolFromLeases([{ id: 'a', address: '192.168.0.120', mac: null, dhcp: true }], tpLink)!;
    const factory = routerDefaultPool(tpLink)!;
    const widened = choosePool({ user: null, leases: seen, routerDefault: factory })!;
    expect(widened.basis).toBe(
      "seen: 1 device on DHCP at .120 — the pool includes at least this address; widened to TP-Link Archer's factory pool (.100–.199), a hint (ROUTERS.md, low confidence); also the factory address of Sky Hub (pool not known)",
    );
    expect(widened.basisSaid?.map((p) => p.key)).toEqual([
      'staticIp.poolBasis.seenOne',
      'staticIp.poolBasis.widenedFactory',
      'staticIp.poolBasis.also',
    ]);
    expect(widened.basisSaid!.map(english).join('; ')).toBe(widened.basis);
    const off = poolFromLeases([{ id: 'a', address: '192.168.0.20', mac: null, dhcp: true }], tpLink)!;
    const left = choosePool({ user: null, leases: off, routerDefault: factory })!;
    expect(left.basisSaid?.map((p) => p.key)).toEqual(['staticIp.poolBasis.seenOne', 'staticIp.poolBasis.notFit']);
    expect(left.basisSaid!.map(english).join('; ')).toBe(left.basis);
    const several = routerDefaultPool(lanAt('192.168.1.10', 24, '192.168.1.1'))!;
    const wide = choosePool({
      user: null,
      leases: poolFromLeases(
        [{ id: 'a', address: '192.168.1.120', mac: null, dhcp: true }],
        lanAt('192.168.1.10', 24, '192.168.1.1'),
      ),
      routerDefault: several,
    })!;
    expect(wide.basisSaid?.map((p) => p.key)).toEqual([
      'staticIp.poolBasis.seenOne',
      'staticIp.poolBasis.widenedSeveral',
    ]);
    expect(wide.basis).toContain('; widened to 192.168.1.1 is the factory address of several router families');
    expect(wide.basisSaid!.map(english).join('; ')).toBe(wide.basis);
  });
});

describe('judgeAddress: findings with their evidence', () => {
  const here = 'your computer: 192.168.50.10/24 via 192.168.50.1 (eth0)';
  const judge = (over: Partial<Ipv4Settings>, p: DhcpPool | null = userPool, conflicts: string[] = []) =>
    judgeAddress({ device: device(over), lan, pool: p, conflicts });

  it('on DHCP: a problem, with where it came from', () => {
    const fs = judge({ dhcp: true, address: '192.168.50.120' });
    expect(codes(fs)).toEqual(['on-dhcp']);
    expect(fs[0]).toEqual({
      code: 'on-dhcp',
      severity: 'problem',
      text: expect.stringContaining('The NVR gets its address (192.168.50.120) from the router (DHCP).'),
      said: { key: 'staticIp.findings.onDhcp', params: { address: '192.168.50.120' } },
      evidence: ['ONVIF GetNetworkInterfaces: DHCP on', 'ONVIF GetNetworkInterfaces: address 192.168.50.120/24'],
    });
  });

  it('fixed, on the subnet, outside the pool, router and DNS right: ok, citing the pool', () =>
    expect(judge({})).toEqual([
      {
        code: 'static-ok',
        severity: 'ok',
        text: 'The NVR keeps the fixed address 192.168.50.30 on your network, outside the range the router hands out (.100–.199).',
        said: { key: 'staticIp.findings.staticOk', params: { address: '192.168.50.30', pool: '.100–.199' } },
        evidence: [
          'ONVIF GetNetworkInterfaces: DHCP off',
          'ONVIF GetNetworkInterfaces: address 192.168.50.30/24',
          here,
          'DHCP pool .100–.199: the range you typed',
        ],
      },
    ]));

  it('fixed with no pool known: only info, saying the range could not be checked', () => {
    const [f] = judge({}, null);
    expect(f).toMatchObject({ code: 'static-ok', severity: 'info' });
    expect(f?.text).toContain("We do not know the router's DHCP range");
    expect(f?.evidence).toHaveLength(3);
  });

  it.each([
    ['192.168.50.100', 'the first'],
    ['192.168.50.150', 'a middle'],
    ['192.168.50.199', 'the last'],
  ])('fixed at %s (%s address of the pool): static-in-pool, a problem on the user’s pool', (address) => {
    const fs = judge({ address });
    expect(codes(fs)).toEqual(['static-in-pool']);
    expect(fs[0]).toMatchObject({ severity: 'problem' });
    expect(fs[0]?.text).toContain('inside the range the router hands out (.100–.199)');
    expect(fs[0]?.evidence).toEqual([
      'ONVIF GetNetworkInterfaces: DHCP off',
      `ONVIF GetNetworkInterfaces: address ${address}/24`,
      'DHCP pool .100–.199: the range you typed',
    ]);
  });

  it('fixed just outside the pool (.99, .200): ok', () => {
    expect(codes(judge({ address: '192.168.50.99' }))).toEqual(['static-ok']);
    expect(codes(judge({ address: '192.168.50.200' }))).toEqual(['static-ok']);
  });

  it('in a pool that is only the factory hint: a warning that says so, and no ok', () => {
    const fs = judge({ address: '192.168.50.150' }, pool('192.168.50.100', '192.168.50.199', 'router-default', 'hint'));
    expect(codes(fs)).toEqual(['static-in-pool']);
    expect(fs[0]?.severity).toBe('warning');
    expect(fs[0]?.text).toContain(', if the router still has its factory range');
  });

  it('in a pool seen from leases: a problem', () =>
    expect(
      judge({ address: '192.168.50.150' }, pool('192.168.50.100', '192.168.50.199', 'leases', 'seen'))[0]?.severity,
    ).toBe('problem'));

  it('on DHCP inside the pool: only on-dhcp (a lease is supposed to be in the pool)', () =>
    expect(codes(judge({ dhcp: true, address: '192.168.50.150' }))).toEqual(['on-dhcp']));

  it('fixed off the subnet: static-off-subnet, naming both networks; no gateway judgement there', () => {
    const fs = judge({ address: '192.168.1.64', gateway: '192.168.1.1' });
    expect(codes(fs)).toEqual(['static-off-subnet']);
    expect(fs[0]).toMatchObject({ severity: 'problem' });
    expect(fs[0]?.text).toContain('fixed address 192.168.1.64, which is not on your network 192.168.50.0/24');
    expect(fs[0]?.evidence).toEqual([
      'ONVIF GetNetworkInterfaces: DHCP off',
      'ONVIF GetNetworkInterfaces: address 192.168.1.64/24',
      here,
    ]);
  });

  it('on DHCP off the subnet: this computer is on another network than the NVR', () => {
    const fs = judge({ dhcp: true, address: '10.0.0.50', gateway: '10.0.0.1' });
    expect(codes(fs)).toEqual(['on-dhcp', 'other-subnet']);
    expect(find(fs, 'other-subnet')).toMatchObject({ severity: 'warning' });
    expect(find(fs, 'other-subnet').text).toContain(
      'The NVR (10.0.0.50) is on another network than this computer (192.168.50.0/24)',
    );
    expect(find(fs, 'other-subnet').evidence).toEqual(['ONVIF GetNetworkInterfaces: address 10.0.0.50/24', here]);
  });

  it('DHCP not known (discovery alone): settings-unknown, and gateway and DNS are not judged', () => {
    const fs = judge({ dhcp: null, gateway: null, dns: [], source: 'discovery', prefix: null });
    expect(codes(fs)).toEqual(['settings-unknown']);
    expect(fs[0]).toEqual({
      code: 'settings-unknown',
      severity: 'info',
      text: 'We could not tell whether the NVR gets its address from the router (DHCP) or keeps a fixed one: discovery does not say. Log in to it so we can read its settings.',
      said: { key: 'staticIp.findings.dhcpUnknownDiscovery' },
      evidence: ['discovery: DHCP not reported', 'discovery: address 192.168.50.30'],
    });
  });

  it('DHCP not reported by SADP: "the device did not say"; off the subnet also other-subnet', () => {
    const fs = judge({ dhcp: null, source: 'sadp', address: '10.0.0.5', gateway: '10.0.0.1' });
    expect(codes(fs)).toEqual(['settings-unknown', 'other-subnet']);
    expect(fs[0]?.text).toContain('the device did not say');
  });

  it.each([null, 'junk'])('no readable address (%s): only settings-unknown', (address) =>
    expect(judge({ address, source: 'dhip' })).toEqual([
      {
        code: 'settings-unknown',
        severity: 'info',
        text: 'We could not read the address this device uses. Log in to it, so we can read its settings.',
        said: { key: 'staticIp.findings.noAddress' },
        evidence: ['DHIP reply: no address'],
      },
    ]),
  );

  it("this computer's unusable network: settings-unknown with the reason", () =>
    expect(
      judgeAddress({ device: device(), lan: lanAt('192.168.50.10', 32, null), pool: null, conflicts: [] }),
    ).toEqual([
      {
        code: 'settings-unknown',
        severity: 'info',
        text: lanProblem(lanAt('192.168.50.10', 32, null)),
        said: { key: 'staticIp.lanProblem.pointToPoint', params: { prefix: '32' } },
        evidence: ['your computer: 192.168.50.10/32 no router known (eth0)'],
      },
    ]));

  it('a gateway that is not the router: a problem naming both, and no ok', () => {
    const fs = judge({ gateway: '192.168.50.254' });
    expect(codes(fs)).toEqual(['gateway-not-router']);
    expect(fs[0]).toMatchObject({ severity: 'problem' });
    expect(fs[0]?.text).toContain("The NVR's gateway is 192.168.50.254, not your router (192.168.50.1).");
    expect(fs[0]?.evidence).toEqual(['ONVIF GetNetworkDefaultGateway: gateway 192.168.50.254', here]);
  });

  it('no gateway set (ONVIF, SADP): a problem saying none is set', () => {
    for (const source of ['onvif', 'sadp'] as const) {
      const fs = judge({ gateway: null, source });
      expect(codes(fs)).toEqual(['gateway-not-router']);
      expect(fs[0]?.text).toContain('The NVR has no gateway set');
      expect(fs[0]?.evidence[0]).toMatch(/gateway none$/);
    }
  });

  it('gateway from discovery when it says one; the same router written with spaces is the router', () => {
    expect(codes(judge({ gateway: '192.168.50.2', source: 'discovery' }))).toContain('gateway-not-router');
    expect(codes(judge({ gateway: ' 192.168.50.1 ' }))).toEqual(['static-ok']);
  });

  it('no router known for this computer: the gateway is not judged', () =>
    expect(
      codes(
        judgeAddress({
          device: device({ gateway: '192.168.50.254' }),
          lan: lanAt('192.168.50.10', 24, null),
          pool: userPool,
          conflicts: [],
        }),
      ),
    ).toEqual(['static-ok']));

  it.each([
    ['onvif', [], 'ONVIF GetDNS: DNS none'],
    ['onvif', ['0.0.0.0'], 'ONVIF GetDNS: DNS 0.0.0.0'],
    ['sadp', ['0.0.0.0'], 'SADP reply: DNS 0.0.0.0'],
    ['dhip', ['255.255.255.255'], 'DHIP reply: DNS 255.255.255.255'],
    ['onvif', ['127.0.0.1', '224.0.0.251'], 'ONVIF GetDNS: DNS 127.0.0.1, 224.0.0.251'],
    ['onvif', ['169.254.1.1', 'junk'], 'ONVIF GetDNS: DNS 169.254.1.1, junk'],
    [
      'onvif',
      ['0.0.0.0', '0.0.0.0', '0.0.0.0', '0.0.0.0', '0.0.0.0'],
      'ONVIF GetDNS: DNS 0.0.0.0, 0.0.0.0, 0.0.0.0, 0.0.0.0',
    ],
  ] as const)('%s DNS %j: no-dns, saying DDNS and cloud need it', (source, dns, evidence) => {
    const fs = judge({ source, dns: [...dns] });
    const f = find(fs, 'no-dns');
    expect(f.severity).toBe('warning');
    expect(f.text).toContain('DDNS and cloud');
    expect(f.evidence).toEqual([evidence]);
    expect(codes(fs)).toContain('static-ok');
  });

  it('DNS not reported by SADP, DHIP or discovery (empty list): not judged', () => {
    for (const source of ['sadp', 'dhip', 'discovery'] as const)
      expect(codes(judge({ source, dns: [] }))).not.toContain('no-dns');
  });

  it('one usable DNS among unusable ones is enough', () =>
    expect(codes(judge({ dns: ['0.0.0.0', '8.8.8.8'] }))).toEqual(['static-ok']));

  it('another MAC on its address: a conflict naming it (case and blanks folded), no ok', () => {
    const fs = judge({}, userPool, ['AA:BB:CC:00:00:01', ' aa:bb:cc:00:00:01 ', '']);
    expect(codes(fs)).toEqual(['address-conflict']);
    expect(fs[0]).toEqual({
      code: 'address-conflict',
      severity: 'problem',
      text: 'Another device (aa:bb:cc:00:00:01) also answers on 192.168.50.30. Two devices on one address both stop working reliably: give the NVR an address no one else uses.',
      said: { key: 'staticIp.findings.conflict', params: { others: 'aa:bb:cc:00:00:01', address: '192.168.50.30' } },
      evidence: [
        'ONVIF GetNetworkInterfaces: address 192.168.50.30/24',
        'neighbour table: aa:bb:cc:00:00:01 seen at 192.168.50.30',
      ],
    });
  });

  it('many conflicting MACs: three named in the text, five in the evidence', () => {
    const macs = [1, 2, 3, 4, 5, 6].map((i) => `aa:bb:cc:00:00:0${i}`);
    const [f] = judge({}, userPool, macs);
    expect(f?.text).toContain('(aa:bb:cc:00:00:01, aa:bb:cc:00:00:02, aa:bb:cc:00:00:03 and more)');
    expect(f?.evidence).toHaveLength(6);
    const [g] = judge({}, userPool, macs.slice(0, 3));
    expect(g?.text).toContain('(aa:bb:cc:00:00:01, aa:bb:cc:00:00:02, aa:bb:cc:00:00:03) also');
  });

  it("the device on the router's own address: a conflict saying so", () => {
    const fs = judge({ address: '192.168.50.1' });
    expect(codes(fs)).toEqual(['address-conflict']);
    expect(fs[0]?.text).toContain("your router's own address");
  });

  it('everything wrong at once: each finding, in a fixed order', () =>
    expect(
      codes(
        judge({ dhcp: true, address: '192.168.50.150', gateway: '192.168.50.254', dns: [] }, userPool, [
          'aa:bb:cc:dd:ee:ff',
        ]),
      ),
    ).toEqual(['on-dhcp', 'gateway-not-router', 'no-dns', 'address-conflict']));
});

describe('proposeAddress', () => {
  const known: KnownDevice[] = [
    { id: 'nvr-2', address: '192.168.50.200', mac: 'aa:bb:cc:00:00:02', dhcp: false },
    { id: 'cam-3', address: '192.168.50.201', mac: null, dhcp: null, planned: true },
  ];
  const propose = (over: Partial<Ipv4Settings>, p: DhcpPool | null = userPool, k: KnownDevice[] = [], l = lan) =>
    proposeAddress({ device: device(over), lan: l, pool: p, known: k, deviceId: 'nvr-1' });

  it('keeps a fixed address outside the pool that no one else uses: the least change', () =>
    expect(propose({})).toEqual({
      address: '192.168.50.30',
      prefix: 24,
      gateway: '192.168.50.1',
      dns: ['192.168.50.1'],
      why: [
        'On your network 192.168.50.0/24, where this computer is 192.168.50.10 and the router 192.168.50.1.',
        "It keeps its current fixed address 192.168.50.30: already outside the router's DHCP range and used by no other device we know — the least change.",
        "The router's DHCP range .100–.199 rests on the range you typed.",
        "Gateway 192.168.50.1: your router, so the NVR's answers to the outside go through it.",
        "DNS 192.168.50.1: the NVR's own, kept.",
      ],
      whySaid: [
        {
          key: 'staticIp.why.network',
          params: { network: '192.168.50.0/24', computer: '192.168.50.10', router: '192.168.50.1' },
        },
        { key: 'staticIp.why.keep', params: { address: '192.168.50.30' } },
        { key: 'staticIp.why.poolBasis', params: { range: '.100–.199', basis: 'the range you typed' } },
        { key: 'staticIp.why.gateway', params: { router: '192.168.50.1' } },
        { key: 'staticIp.why.dnsOwn', params: { dns: '192.168.50.1' } },
      ],
    }));

  it('on DHCP: the first free address above the pool, skipping taken and planned ones, named', () => {
    const p = propose({ dhcp: true, address: '192.168.50.120' }, userPool, known);
    expect(p?.address).toBe('192.168.50.202');
    expect(p?.why).toContain("192.168.50.202 is the first free address above the router's DHCP range .100–.199.");
    expect(p?.why).toContain('Skipped: .200 (used by nvr-2), .201 (planned for cam-3).');
  });

  it.each([
    ['in the pool', { address: '192.168.50.150' }],
    ['off the subnet', { address: '192.168.1.64' }],
    ['on the router', { address: '192.168.50.1' }],
    ["on this computer's address", { address: '192.168.50.10' }],
    ['on the network address', { address: '192.168.50.0' }],
    ['on the broadcast address', { address: '192.168.50.255' }],
    ['unreadable', { address: null }],
    ['DHCP unknown', { dhcp: null }],
  ])('fixed %s: not kept, the first free above the pool', (_, over) =>
    expect(propose(over as Partial<Ipv4Settings>)?.address).toBe('192.168.50.200'),
  );

  it("fixed on another device's address: not kept, and that address is named once among the skipped", () => {
    const p = propose({ address: '192.168.50.200' }, userPool, known);
    expect(p?.address).toBe('192.168.50.202');
    expect(p?.why).toContain('Skipped: .200 (used by nvr-2), .201 (planned for cam-3).');
  });

  it.each([
    ['192.168.50.100', '192.168.50.200'],
    ['192.168.50.199', '192.168.50.200'],
    ['192.168.50.99', '192.168.50.99'],
    ['192.168.50.220', '192.168.50.220'],
    ['192.168.50.254', '192.168.50.254'],
    ['192.168.50.2', '192.168.50.2'],
  ])('fixed at %s with the pool .100–.199: %s', (address, expected) =>
    expect(propose({ address })?.address).toBe(expected),
  );

  it('the router above the pool (BT: .254, pool .64–.253) is skipped and named; the nearest below is chosen', () => {
    const bt = lanAt('192.168.1.10', 24, '192.168.1.254');
    const p = propose(
      { dhcp: true, address: '192.168.1.70' },
      pool('192.168.1.64', '192.168.1.253', 'router-default', 'BT'),
      [],
      bt,
    );
    expect(p?.address).toBe('192.168.1.63');
    expect(p?.why).toContain('Skipped: .254 (the router).');
    expect(p?.gateway).toBe('192.168.1.254');
  });

  it('the scan above the pool stops before the broadcast address', () =>
    expect(
      propose({ dhcp: true, address: '192.168.50.120' }, pool('192.168.50.100', '192.168.50.253'), [
        { id: 'x', address: '192.168.50.254', mac: null, dhcp: false },
      ])?.address,
    ).toBe('192.168.50.99'));

  it('the scan below the pool stops before the network address', () =>
    expect(
      propose({ dhcp: true, address: '192.168.50.120' }, pool('192.168.50.3', '192.168.50.254'), [
        { id: 'x', address: '192.168.50.2', mac: null, dhcp: false },
      ]),
    ).toBeNull());

  it('fixed on an address planned for another device: not kept', () =>
    expect(propose({ address: '192.168.50.201' }, userPool, known)?.address).toBe('192.168.50.202'));

  it("the device's own entries (used or planned) do not count as taken", () =>
    expect(
      propose({ dhcp: true, address: '192.168.50.120' }, userPool, [
        { id: 'nvr-1', address: '192.168.50.200', mac: null, dhcp: false, planned: true },
      ])?.address,
    ).toBe('192.168.50.200'));

  it('this computer above the pool is skipped and named', () => {
    const p = propose(
      { dhcp: true, address: '192.168.50.120' },
      userPool,
      [],
      lanAt('192.168.50.200', 24, '192.168.50.1'),
    );
    expect(p?.address).toBe('192.168.50.201');
    expect(p?.why).toContain('Skipped: .200 (this computer).');
  });

  it('at most five skipped addresses are named', () => {
    const many = [200, 201, 202, 203, 204, 205, 206].map((n) => ({
      id: `d${n}`,
      address: `192.168.50.${n}`,
      mac: null,
      dhcp: false,
    }));
    const p = propose({ dhcp: true, address: '192.168.50.120' }, userPool, many);
    expect(p?.address).toBe('192.168.50.207');
    expect(p?.why).toContain(
      'Skipped: .200 (used by d200), .201 (used by d201), .202 (used by d202), .203 (used by d203), .204 (used by d204).',
    );
  });

  it('nothing free above the pool: the nearest free below it, counting down', () => {
    const p = propose({ dhcp: true, address: '192.168.50.120' }, pool('192.168.50.100', '192.168.50.254'), [
      { id: 'x', address: '192.168.50.99', mac: null, dhcp: false },
    ]);
    expect(p?.address).toBe('192.168.50.98');
    expect(p?.why).toContain('Skipped: .99 (used by x).');
    expect(p?.why).toContain(
      "192.168.50.98 is the nearest free address below the router's DHCP range .100–.254: none above it is free.",
    );
    expect(p?.why.some((w) => w.includes('first free address above'))).toBe(false);
  });

  it('a pool ending at .253 leaves .254 above it', () =>
    expect(propose({ dhcp: true, address: '192.168.50.120' }, pool('192.168.50.100', '192.168.50.253'))?.address).toBe(
      '192.168.50.254',
    ));

  it('a pool from .2 to .254 leaves nothing: null, and noProposalReason says why', () => {
    const p = pool('192.168.50.2', '192.168.50.254');
    expect(propose({ dhcp: true, address: '192.168.50.120' }, p)).toBeNull();
    expect(noProposalReason({ lan, pool: p })).toBe(
      "No address outside the router's DHCP range (192.168.50.2–192.168.50.254) is free. Make the range smaller on the router, or reserve the NVR's address in the router instead.",
    );
  });

  it('a pool from .3: .2 below it is the one left', () =>
    expect(propose({ dhcp: true, address: '192.168.50.120' }, pool('192.168.50.3', '192.168.50.254'))?.address).toBe(
      '192.168.50.2',
    ));

  it("no pool known: the highest free address, skipping the NVR's own lease, and it says the range is not known", () => {
    const p = propose({ dhcp: true, address: '192.168.50.254' }, null);
    expect(p?.address).toBe('192.168.50.253');
    expect(p?.why).toContain(
      '192.168.50.253 is the highest free address on your network: routers usually hand out addresses from the low end.',
    );
    expect(p?.why).toContain("Skipped: .254 (the NVR's own DHCP lease).");
    expect(p?.why).toContain(
      "We do not know the router's DHCP range: type it from the router's DHCP page to be sure the router never hands out this address.",
    );
  });

  it('no pool known, fixed and free: kept', () => expect(propose({}, null)?.address).toBe('192.168.50.30'));

  it('no pool known and every address taken: null, and the reason says so', () => {
    const slash29 = lanAt('192.168.50.10', 29, '192.168.50.9');
    const all = [11, 12, 13, 14].map((n) => ({ id: `d${n}`, address: `192.168.50.${n}`, mac: null, dhcp: false }));
    expect(propose({ dhcp: true, address: '192.168.50.12' }, null, all, slash29)).toBeNull();
    expect(noProposalReason({ lan: slash29, pool: null })).toBe(
      'Every address on your network is in use or planned for another device.',
    );
  });

  it('no router known, a router off the subnet, or an unusable LAN: null, with the reason', () => {
    const noRouter = lanAt('192.168.50.10', 24, null);
    expect(propose({}, userPool, [], noRouter)).toBeNull();
    expect(noProposalReason({ lan: noRouter, pool: null })).toContain("We do not know your router's address");
    expect(noProposalReason({ lan: lanAt('192.168.50.10', 24, 'junk'), pool: null })).toContain(
      "We do not know your router's address",
    );
    expect(propose({}, userPool, [], lanAt('192.168.50.10', 24, '192.168.51.1'))).toBeNull();
    const p2p = lanAt('192.168.50.10', 31, '192.168.50.11');
    expect(propose({}, null, [], p2p)).toBeNull();
    expect(noProposalReason({ lan: p2p, pool: null })).toBe(lanProblem(p2p));
  });

  it.each([
    [['8.8.8.8', '1.1.1.1', '9.9.9.9'], ['8.8.8.8', '1.1.1.1'], "DNS 8.8.8.8, 1.1.1.1: the NVR's own, kept."],
    [['8.8.8.8', ' 8.8.8.8'], ['8.8.8.8'], "DNS 8.8.8.8: the NVR's own, kept."],
    [['192.168.50.53'], ['192.168.50.53'], "DNS 192.168.50.53: the NVR's own, kept."],
    [['0.0.0.0', '192.168.50.53'], ['192.168.50.53'], "DNS 192.168.50.53: the NVR's own, kept."],
    [['192.168.1.1'], ['192.168.50.1'], 'DNS 192.168.50.1: your router'],
    [['192.168.50.0', '192.168.50.255'], ['192.168.50.1'], 'DNS 192.168.50.1: your router'],
    [['127.0.0.53', 'junk'], ['192.168.50.1'], 'DNS 192.168.50.1: your router'],
    [[], ['192.168.50.1'], 'DNS 192.168.50.1: your router'],
  ])('DNS %j → %j', (dns, expected, why) => {
    const p = propose({ dns });
    expect(p?.dns).toEqual(expected);
    expect(p?.why.at(-1)).toContain(why);
  });

  it('on a /16 the addresses are written whole, the prefix is the LAN’s', () => {
    const p = propose(
      { dhcp: true, address: '10.1.0.150' },
      pool('10.1.0.100', '10.1.0.199'),
      [{ id: 'x', address: '10.1.0.200', mac: null, dhcp: false }],
      lanAt('10.1.5.10', 16, '10.1.0.1'),
    );
    expect(p).toMatchObject({ address: '10.1.0.201', prefix: 16, gateway: '10.1.0.1' });
    expect(p?.why).toContain('Skipped: 10.1.0.200 (used by x).');
  });

  it.each([16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29])(
    '/%i without a pool: the last host address (broadcast − 1)',
    (prefix) => {
      const l = lanAt('10.20.0.5', prefix, '10.20.0.1');
      const p = propose({ dhcp: true, address: '10.20.0.9' }, null, [], l);
      expect(p?.address).toBe(formatIpv4((broadcastNumber('10.20.0.5', prefix) as number) - 1));
      expect(p?.prefix).toBe(prefix);
    },
  );

  it('/30: the router and this computer fill it; a /30 LAN gets no proposal', () => {
    const l = lanAt('192.168.50.10', 30, '192.168.50.9');
    expect(propose({ dhcp: true, address: '192.168.50.10' }, null, [], l)).toBeNull();
  });

  it('/29 with a pool .9–.12: .13 above it', () =>
    expect(
      propose(
        { dhcp: true, address: '192.168.50.11' },
        pool('192.168.50.11', '192.168.50.12'),
        [],
        lanAt('192.168.50.10', 29, '192.168.50.9'),
      )?.address,
    ).toBe('192.168.50.13'));
});

describe('proposeAddress: properties', () => {
  const scenario = fc
    .record({
      prefix: fc.integer({ min: 16, max: 30 }),
      base: fc.integer({ min: 0x0a000000, max: 0x0affffff }),
      gw: fc.nat(),
      self: fc.nat(),
      poolAt: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: null }),
      poolSource: fc.constantFrom('user', 'leases', 'router-default') as fc.Arbitrary<DhcpPool['source']>,
      taken: fc.array(fc.record({ at: fc.nat(), planned: fc.boolean(), mine: fc.boolean() }), { maxLength: 40 }),
      deviceAt: fc.option(fc.nat(), { nil: null }),
      dhcp: fc.constantFrom(true, false, null),
      dns: fc.array(fc.constantFrom('8.8.8.8', '0.0.0.0', '192.168.1.1', 'junk', '10.20.0.53'), { maxLength: 3 }),
    })
    .map((s) => {
      const size = 2 ** (32 - s.prefix);
      const network = (s.base & ~(size - 1)) >>> 0;
      // Host addresses, and for the pool and the device sometimes beyond them (wrapping within the subnet).
      const host = (n: number) => network + 1 + (n % (size - 2));
      const gw = host(s.gw);
      const self = host(s.self);
      const addr = (n: number) => formatIpv4(host(n));
      let p: DhcpPool | null = null;
      if (s.poolAt !== null) {
        const [a, b] = s.poolAt.map(host).sort((x, y) => x - y) as [number, number];
        p = { first: formatIpv4(a), last: formatIpv4(b), source: s.poolSource, basis: 'b' };
      }
      return {
        lan: lanAt(formatIpv4(self), s.prefix, formatIpv4(gw)),
        pool: p,
        known: s.taken.map((t, i) => ({
          id: t.mine ? 'me' : `d${i}`,
          address: addr(t.at),
          mac: null,
          dhcp: null,
          planned: t.planned,
        })),
        device: device({
          dhcp: s.dhcp,
          address: s.deviceAt === null ? null : addr(s.deviceAt),
          prefix: s.prefix,
          dns: s.dns,
        }),
        network,
        broadcast: network + size - 1,
        gw,
        self,
      };
    });

  it('on the subnet, never network/broadcast/router/this computer, never in the pool, never taken by another; deterministic', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const input = { device: s.device, lan: s.lan, pool: s.pool, known: s.known, deviceId: 'me' };
        const p = proposeAddress(input);
        expect(proposeAddress(input)).toEqual(p);
        expect(proposeAddress({ ...input, known: [...s.known].reverse() })?.address).toBe(p?.address);
        if (p === null) return;
        const v = parseIpv4(p.address) as number;
        expect(v).toBeGreaterThan(s.network);
        expect(v).toBeLessThan(s.broadcast);
        expect(v).not.toBe(s.gw);
        expect(v).not.toBe(s.self);
        if (s.pool) expect(v >= parseIpv4(s.pool.first)! && v <= parseIpv4(s.pool.last)!).toBe(false);
        for (const k of s.known) if (k.id !== 'me') expect(k.address).not.toBe(p.address);
        expect(p.gateway).toBe(s.lan.gateway);
        expect(p.prefix).toBe(s.lan.prefix);
        expect(p.dns.length).toBeGreaterThan(0);
        expect(p.dns.length).toBeLessThanOrEqual(2);
        expect(checkTypedAddress(p.address, { lan: s.lan, pool: s.pool, known: s.known, deviceId: 'me' })).toEqual([]);
      }),
    );
  });

  it('null only when no address qualifies (brute force over the subnet, /22 to /30)', () => {
    fc.assert(
      fc.property(
        scenario.filter((s) => s.lan.prefix >= 22),
        (s) => {
          const p = proposeAddress({ device: s.device, lan: s.lan, pool: s.pool, known: s.known, deviceId: 'me' });
          const others = new Set(s.known.filter((k) => k.id !== 'me').map((k) => parseIpv4(k.address)));
          const lease = s.device.dhcp !== false && s.device.address !== null ? parseIpv4(s.device.address) : null;
          let any = false;
          for (let v = s.network + 1; v < s.broadcast && !any; v++) {
            const inPool = s.pool !== null && v >= parseIpv4(s.pool.first)! && v <= parseIpv4(s.pool.last)!;
            any = v !== s.gw && v !== s.self && v !== lease && !others.has(v) && !inPool;
          }
          expect(p !== null).toBe(any);
        },
      ),
    );
  });
});

describe('checkTypedAddress', () => {
  const known: KnownDevice[] = [
    { id: 'nvr-2', address: '192.168.50.200', mac: null, dhcp: false },
    { id: 'cam-3', address: '192.168.50.201', mac: null, dhcp: null, planned: true },
    { id: 'nvr-1', address: '192.168.50.202', mac: null, dhcp: false },
  ];
  const check = (text: string, p: DhcpPool | null = userPool, l = lan) =>
    checkTypedAddress(text, { lan: l, pool: p, known, deviceId: 'nvr-1' });

  it.each([
    ['192.168.50.203', []],
    [' 192.168.50.30 ', []],
    ['192.168.50.202', []],
    [
      'abc',
      [
        {
          severity: 'error',
          text: '"abc" is not an IPv4 address: type four numbers from 0 to 255 separated by dots, like 192.168.1.64.',
        },
      ],
    ],
    [
      '   ',
      [
        {
          severity: 'error',
          text: 'This is not an IPv4 address: type four numbers from 0 to 255 separated by dots, like 192.168.1.64.',
        },
      ],
    ],
    [
      '192.168.50.256',
      [{ severity: 'error', text: expect.stringContaining('"192.168.50.256" is not an IPv4 address') }],
    ],
    [
      '192.168.51.5',
      [
        {
          severity: 'error',
          text: '192.168.51.5 is not on your network 192.168.50.0/24: the NVR would be unreachable from it.',
        },
      ],
    ],
    [
      '192.168.50.0',
      [
        {
          severity: 'error',
          text: "192.168.50.0 is the network's own address (all host bits 0): no device can have it.",
        },
      ],
    ],
    [
      '192.168.50.255',
      [{ severity: 'error', text: "192.168.50.255 is the network's broadcast address: no device can have it." }],
    ],
    ['192.168.50.1', [{ severity: 'error', text: "192.168.50.1 is your router's address." }]],
    ['192.168.50.10', [{ severity: 'error', text: "192.168.50.10 is this computer's address." }]],
    ['192.168.50.200', [{ severity: 'error', text: '192.168.50.200 is already used by nvr-2.' }]],
    ['192.168.50.201', [{ severity: 'error', text: '192.168.50.201 is already planned for cam-3.' }]],
    [
      '192.168.50.100',
      [
        {
          severity: 'error',
          text: '192.168.50.100 is inside the range the router hands out (.100–.199, the range you typed): the router could give it to another device.',
        },
      ],
    ],
    ['192.168.50.199', [{ severity: 'error', text: expect.stringContaining('inside the range') }]],
    ['192.168.50.99', []],
  ] as const)('%j → %j', (text, issues) => expectIssues(check(text), issues));

  it('text longer than 64 characters is refused before it is read, shown cut to 20', () => {
    const long = `192.168.50.30${' '.repeat(60)}`;
    expectIssues(check(long), [
      {
        severity: 'error',
        text: '"192.168.50.30" is not an IPv4 address: type four numbers from 0 to 255 separated by dots, like 192.168.1.64.',
      },
    ]);
    expect(check(`192.168.50.30${' '.repeat(51)}`)).toEqual([]);
    expect(check('x'.repeat(30))[0]?.text).toContain(`"${'x'.repeat(20)}" is not`);
    expect(check(undefined as unknown as string)[0]?.text).toMatch(/^This is not/);
  });

  it('in the pool of leases: an error; in a factory hint: a warning that says to check', () => {
    expectIssues(check('192.168.50.150', pool('192.168.50.100', '192.168.50.199', 'leases', 'seen')), [
      { severity: 'error', text: expect.stringContaining('is inside the range') },
    ]);
    expectIssues(check('192.168.50.150', pool('192.168.50.100', '192.168.50.199', 'router-default', 'hint')), [
      {
        severity: 'warning',
        text: "192.168.50.150 may be inside the range the router hands out (.100–.199, hint). Check the range on the router's DHCP page, or choose an address outside it.",
      },
    ]);
    expect(check('192.168.50.150', null)).toEqual([]);
  });

  it('two devices known on one address: the first one is named', () =>
    expect(
      checkTypedAddress('192.168.50.210', {
        lan,
        pool: null,
        known: [
          { id: 'first', address: '192.168.50.210', mac: null, dhcp: false },
          { id: 'second', address: '192.168.50.210', mac: null, dhcp: null, planned: true },
        ],
        deviceId: 'me',
      }),
    ).toEqual(withSaid([{ severity: 'error', text: '192.168.50.210 is already used by first.' }])));

  it("another device's address inside the pool: both problems", () =>
    expect(check('192.168.50.200', pool('192.168.50.150', '192.168.50.210')).map((i) => i.text)).toEqual([
      '192.168.50.200 is already used by nvr-2.',
      expect.stringContaining('inside the range'),
    ]));

  it("this computer's unusable network: an error with the reason", () =>
    expectIssues(check('192.168.50.30', null, lanAt('192.168.50.10', 32, null)), [
      { severity: 'error', text: lanProblem(lanAt('192.168.50.10', 32, null)) },
    ]));
});

describe('checkGateway', () => {
  it.each([
    ['192.168.50.1', []],
    [
      'x',
      [
        {
          severity: 'error',
          text: '"x" is not a gateway address: type four numbers from 0 to 255 separated by dots, like 192.168.1.64.',
        },
      ],
    ],
    [
      '192.168.1.1',
      [
        {
          severity: 'error',
          text: '192.168.1.1 cannot be the gateway: it must be a device on your network 192.168.50.0/24, normally your router.',
        },
      ],
    ],
    ['192.168.50.0', [{ severity: 'error', text: expect.stringContaining('192.168.50.0 cannot be the gateway') }]],
    ['192.168.50.255', [{ severity: 'error', text: expect.stringContaining('192.168.50.255 cannot be the gateway') }]],
    [
      '192.168.50.30',
      [{ severity: 'error', text: "192.168.50.30 is the NVR's own address: the gateway must be your router." }],
    ],
    [
      '192.168.50.254',
      [
        {
          severity: 'warning',
          text: '192.168.50.254 is not your router (192.168.50.1). Unless that device routes to the internet, the NVR could not be reached from outside.',
        },
      ],
    ],
  ] as const)('%j → %j', (text, issues) => expectIssues(checkGateway(text, { lan, address: '192.168.50.30' }), issues));

  it('no address given for the NVR, or none readable: only the router rules apply', () => {
    expectIssues(checkGateway('192.168.50.30', { lan }), [{ severity: 'warning', text: expect.any(String) }]);
    expect(checkGateway('192.168.50.30', { lan, address: null })).toHaveLength(1);
    expectIssues(checkGateway('192.168.50.30', { lan, address: 'junk' }), [
      { severity: 'warning', text: expect.any(String) },
    ]);
  });

  it('no router known for this computer: any address on the subnet will do', () =>
    expect(checkGateway('192.168.50.254', { lan: lanAt('192.168.50.10', 24, null) })).toEqual([]));

  it("this computer's unusable network: an error with the reason", () =>
    expectIssues(checkGateway('192.168.50.1', { lan: lanAt('192.168.50.10', 0, null) }), [
      { severity: 'error', text: lanProblem(lanAt('192.168.50.10', 0, null)) },
    ]));
});

describe('DNS lists', () => {
  it('splitDnsList splits on commas, semicolons and blanks, in order', () => {
    expect(splitDnsList('8.8.8.8, 1.1.1.1')).toEqual(['8.8.8.8', '1.1.1.1']);
    expect(splitDnsList(' 8.8.8.8;1.1.1.1\t 9.9.9.9 ')).toEqual(['8.8.8.8', '1.1.1.1', '9.9.9.9']);
    expect(splitDnsList('')).toEqual([]);
    expect(splitDnsList(' , ')).toEqual([]);
    expect(splitDnsList(42 as unknown as string)).toEqual([]);
  });

  it('splitDnsList reads at most the first 200 characters', () => {
    const text = `${'8.8.8.8,'.repeat(24)}1.1.1.123`;
    expect(text).toHaveLength(201);
    expect(splitDnsList(text).at(-1)).toBe('1.1.1.12');
    expect(splitDnsList(text)).toHaveLength(25);
  });

  const check = (text: string, l = lan) => checkDnsList(text, { lan: l });

  it.each([
    ['8.8.8.8', []],
    ['192.168.50.1, 8.8.8.8', []],
    ['', [{ severity: 'warning', text: 'Without a DNS server the NVR cannot find DDNS and cloud servers by name.' }]],
    [
      'dns',
      [
        {
          severity: 'error',
          text: '"dns" is not a DNS server address: type four numbers from 0 to 255 separated by dots, like 192.168.1.64.',
        },
      ],
    ],
    ['0.0.0.0', [{ severity: 'error', text: '0.0.0.0 is not a DNS server address.' }]],
    ['255.255.255.255', [{ severity: 'error', text: '255.255.255.255 is not a DNS server address.' }]],
    ['127.0.0.53', [{ severity: 'error', text: '127.0.0.53 is not a DNS server address.' }]],
    ['224.0.0.251', [{ severity: 'error', text: '224.0.0.251 is not a DNS server address.' }]],
    ['169.254.0.1', [{ severity: 'error', text: '169.254.0.1 is not a DNS server address.' }]],
    [
      '10.0.0.53',
      [
        {
          severity: 'warning',
          text: '10.0.0.53 is not on your network 192.168.50.0/24: the NVR can use it only if your router routes to it.',
        },
      ],
    ],
    [
      '8.8.8.8 1.1.1.1 9.9.9.9',
      [
        {
          severity: 'warning',
          text: 'Many NVRs keep only two DNS servers (preferred and alternate): the others may be dropped.',
        },
      ],
    ],
  ] as const)('%j → %j', (text, issues) => expectIssues(check(text), issues));

  it('each bad entry is named; at most eight entries are checked', () => {
    expect(check('x, 8.8.8.8, y').map((i) => i.text)).toEqual([
      expect.stringContaining('"x"'),
      expect.stringContaining('"y"'),
      expect.stringContaining('Many NVRs'),
    ]);
    const nine = `${Array.from({ length: 8 }, () => '8.8.8.8').join(',')},junk`;
    expect(check(nine).map((i) => i.severity)).toEqual(['warning']);
  });

  it("this computer's unusable network: the off-network warning cannot be judged", () =>
    expect(check('10.0.0.53', lanAt('10.0.0.1', 32, null))).toEqual([]));
});
