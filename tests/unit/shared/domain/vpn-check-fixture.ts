// The VPN check's input and the outside proof's rows, as the VPN check's tests build them.
import type { OutsideProof } from '../../../../src/shared/domain/outside-proof';
import type { VpnCheckInput } from '../../../../src/shared/domain/vpn-check';

/** A check whose server answered, whose name points home, with nothing tested from outside yet. */
export const input = (over: Partial<VpnCheckInput> = {}): VpnCheckInput => ({
  at: new Date('2026-12-05T13:00:00Z'),
  server: { address: '192.168.57.10', port: 51820, peer: 'phone', answer: 'handshake', ms: 2, attempts: 1 },
  endpoint: { host: 'home.example.net', kind: 'ddns' },
  resolved: ['203.0.113.2'],
  publicAddress: '203.0.113.2',
  proof: null,
  nvrAddress: '192.168.57.64',
  ...over,
});

/** A row of the proof from outside: a port and what the checker found (forbidden TCP unless said). */
export const row = (
  port: number,
  state: 'reachable' | 'closed',
  { kind = 'forbidden', protocol = 'tcp' }: { kind?: 'planned' | 'forbidden'; protocol?: 'tcp' | 'udp' } = {},
) =>
  ({
    kind,
    protocol,
    port,
    label: 'x',
    internal: null,
    state,
    ok: null,
    verdict: 'x',
    cause: null,
    text: 'x',
    evidence: 'x',
  }) as OutsideProof['rows'][number];

/** A proof from outside with these rows. */
export const proof = (rows: OutsideProof['rows']): OutsideProof =>
  ({
    measuredAt: '2026-12-05T12:00:00Z',
    checker: 'c',
    target: null,
    name: null,
    testedAddress: null,
    rows,
    hairpin: null,
    verdict: { code: 'unknown', title: 't', advice: 'a' },
    findings: [],
  }) as OutsideProof;
