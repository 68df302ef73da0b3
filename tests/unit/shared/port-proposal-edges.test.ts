import { describe, expect, it } from 'vitest';
import {
  EPHEMERAL_START,
  PROPOSAL_MAX,
  PROPOSAL_MIN,
  proposalInputSchema,
  proposePorts,
  seededRandom,
  validateProposal,
  WELL_KNOWN_MAX,
  type ProposalInput,
  type UsedPort,
} from '../../../src/shared/catalog/port-proposal';
import { catalogPortNumbers } from '../../../src/shared/catalog/ports';

// The edges of the port rules (mutation testing found them untested, issue 17): a device with many ports in use,
// and the exact numbers where "well-known" and "ephemeral" begin.

/** 1 000 distinct ports spread over the proposal range 10001–32767, the same for every run. */
function thousandInUse(): UsedPort[] {
  const random = seededRandom('a busy NVR');
  const ports = new Set<number>();
  while (ports.size < 1000) ports.add(PROPOSAL_MIN + Math.floor(random() * (PROPOSAL_MAX - PROPOSAL_MIN + 1)));
  return [...ports].map((port) => ({ port, where: 'a service on the NVR' }));
}

const HIKVISION: ProposalInput['current'] = [
  { role: 'http', transport: 'tcp', port: 80 },
  { role: 'onvif', transport: 'tcp', port: 80 },
  { role: 'https', transport: 'tcp', port: 443 },
  { role: 'rtsp', transport: 'tcp', port: 554 },
  { role: 'sdk', transport: 'tcp', port: 8000 },
];

describe('proposePorts on a busy device', () => {
  it('never proposes a port the NVR already uses, even with 1 000 in use', () => {
    const inUseOnDevice = thousandInUse();
    const taken = new Set(inUseOnDevice.map((u) => u.port));
    const input: ProposalInput = { brand: 'Hikvision', current: HIKVISION, inUseOnDevice };
    expect(proposalInputSchema.safeParse(input).success).toBe(true);
    for (let seed = 1; seed <= 200; seed++) {
      for (const p of proposePorts(input, seededRandom(seed))) {
        expect(taken.has(p.internal), `seed ${seed}: ${p.role} → ${p.internal}, which the NVR already uses`).toBe(
          false,
        );
      }
    }
  });

  it('never proposes a port another device uses, even with 1 000 in use there', () => {
    const inUseElsewhere = thousandInUse().map((u) => ({ ...u, where: 'the other NVR' }));
    const taken = new Set(inUseElsewhere.map((u) => u.port));
    for (let seed = 1; seed <= 200; seed++) {
      for (const p of proposePorts({ brand: 'Hikvision', current: HIKVISION, inUseElsewhere }, seededRandom(seed)))
        expect(taken.has(p.internal), `seed ${seed}: ${p.internal}`).toBe(false);
    }
  });

  it('a port the device uses only over UDP is still free for a TCP service, and a TCP one is not', () => {
    // random() = 0 asks for 10001 first (a catalogue port), then walks up from there: 10002 is the first candidate.
    const first = (inUseOnDevice: UsedPort[]) =>
      proposePorts({ current: [{ role: 'https', transport: 'tcp', port: 443 }], inUseOnDevice }, () => 0)[0]!.internal;
    expect(catalogPortNumbers().has(10001)).toBe(true);
    expect(first([])).toBe(10002);
    expect(first([{ port: 10002, transport: 'udp' }])).toBe(10002);
    expect(first([{ port: 10002, transport: 'tcp' }])).toBe(10003);
    expect(first([{ port: 10002 }])).toBe(10003);
  });

  it('draws from the whole range 10001–32767, its last port included', () => {
    const only = (random: () => number) =>
      proposePorts({ current: [{ role: 'https', transport: 'tcp', port: 443 }] }, random)[0]!.internal;
    expect(only(() => 0.999_999_999)).toBe(PROPOSAL_MAX);
    // A random source that returns 1 (outside [0, 1)) still lands inside the range.
    expect(only(() => 1)).toBe(PROPOSAL_MAX);
    expect(PROPOSAL_MAX).toBe(32767);
  });
});

describe('validateProposal at the exact edges of the ranges', () => {
  const codes = (internal: number, external?: number) =>
    validateProposal([{ role: 'https', transport: 'tcp', internal, external }]).map((p) => [p.code, p.severity]);

  it.each([
    [0, [['out-of-range', 'error']]],
    [1, [['well-known', 'warning']]],
    [WELL_KNOWN_MAX, [['well-known', 'warning']]],
    [WELL_KNOWN_MAX + 1, []],
    [EPHEMERAL_START - 1, []],
    [EPHEMERAL_START, [['ephemeral', 'warning']]],
    [65535, [['ephemeral', 'warning']]],
    [65536, [['out-of-range', 'error']]],
  ] as const)('port %i on the device: %j', (port, expected) => {
    expect(codes(port)).toEqual(expected);
  });

  it('warns before a user forwards an ephemeral port: 32768 is ephemeral, 32767 is not', () => {
    expect(EPHEMERAL_START).toBe(32768);
    expect(WELL_KNOWN_MAX).toBe(1023);
    expect(codes(32768)).toEqual([['ephemeral', 'warning']]);
    expect(codes(32767)).toEqual([]);
    expect(codes(1023)).toEqual([['well-known', 'warning']]);
    expect(codes(1024)).toEqual([]);
  });

  it.each([
    [1023, [['well-known', 'warning']]],
    [1024, []],
    [32767, []],
    [32768, [['ephemeral', 'warning']]],
    [0, [['out-of-range', 'error']]],
    [65536, [['out-of-range', 'error']]],
  ] as const)('outside port %i: %j', (external, expected) => {
    expect(codes(20002, external)).toEqual(expected);
  });
});
