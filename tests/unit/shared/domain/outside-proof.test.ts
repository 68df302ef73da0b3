import { describe, expect, it } from 'vitest';
import type { ForwardPlan, ForwardRule } from '../../../../src/shared/domain/forward-plan';
import {
  judgeHairpin,
  judgeOutsideProof,
  judgeRow,
  outsideProofSchema,
  proofTargets,
  stateOf,
  type CheckerAnswer,
  type ProofInput,
  type ProofJudgeInput,
} from '../../../../src/shared/domain/outside-proof';
import type { PortReport } from '../../../../src/shared/domain/ports';
import { portRow } from '../../../support/port-row';

const NVR = '192.168.1.64';
const rule = (over: Partial<ForwardRule>): ForwardRule => ({
  name: 'NVR App/SDK port',
  role: 'sdk',
  protocol: 'tcp',
  externalPort: 8000,
  internalAddress: NVR,
  internalPort: 8000,
  sources: [],
  why: '',
  ...over,
});
const HTTPS = rule({ name: 'NVR Web page (HTTPS)', role: 'https', externalPort: 10443, internalPort: 443 });
const SDK = rule({});
const plan = (rules: ForwardRule[] = [HTTPS, SDK]): ForwardPlan => ({
  deviceId: 'hik',
  address: NVR,
  wants: { web: true, app: true, video: false },
  sources: [],
  rules,
  notes: [],
  madeAt: '2026-01-01T00:00:00.000Z',
});
const report = (over: Partial<PortReport> = {}): PortReport =>
  ({
    deviceId: 'hik',
    address: NVR,
    measuredAt: '2026-01-01T00:00:00.000Z',
    full: false,
    rows: [
      portRow(80, 'http', { service: 'http', plainText: true, adminUi: true }),
      portRow(443, 'https', { adminUi: true }),
      portRow(8000, 'sdk'),
    ],
    declaredButClosed: [],
    undeclared: [],
    ...over,
  }) as PortReport;

const yes = (ms = 30): CheckerAnswer => ({ ok: true, reachable: true, ms, ip: '203.0.113.2' });
const refused = (ms = 40): CheckerAnswer => ({ ok: true, reachable: false, ms, ip: '203.0.113.2' });
const timedOut = (ms = 2050): CheckerAnswer => ({ ok: true, reachable: false, ms, ip: '203.0.113.2' });

function input(answers: Record<number, CheckerAnswer>, over: Partial<ProofInput> = {}): ProofInput {
  return {
    targets: proofTargets(plan(), report()),
    answers: new Map(Object.entries(answers).map(([p, a]) => [Number(p), a])),
    internetVerdict: 'public-on-router',
    report: report(),
    mappings: [],
    checkerAddress: '198.51.100.10',
    ...over,
  };
}
const target = (port: number, kind: 'planned' | 'forbidden' = 'planned') =>
  proofTargets(plan(), report()).find((t) => t.port === port && t.kind === kind)!;

describe('proofTargets: what is asked', () => {
  it('every planned rule, then 21, 22, 23, 80, 554 and the NVR’s admin pages — never a port the plan opens', () => {
    const t = proofTargets(plan(), report());
    expect(t.filter((x) => x.kind === 'planned').map((x) => x.port)).toEqual([10443, 8000]);
    // 443 is the NVR's HTTPS admin page: the plan uses 10443 outside, so 443 itself must stay shut.
    expect(t.filter((x) => x.kind === 'forbidden').map((x) => x.port)).toEqual([21, 22, 23, 80, 443, 554]);
    const opensAdmin = proofTargets(plan([rule({ externalPort: 443, internalPort: 443 })]), report());
    expect(opensAdmin.filter((x) => x.kind === 'forbidden').map((x) => x.port)).not.toContain(443);
    expect(proofTargets(null, null).map((x) => x.port)).toEqual([21, 22, 23, 80, 554]);
  });

  it('an admin page on an unusual port the Ports step measured is forbidden too; a closed one is not asked', () => {
    const r = report({
      rows: [
        portRow(8081, 'http', { adminUi: true, plainText: true }),
        portRow(9090, 'http', { adminUi: true, state: 'closed' }),
      ],
    });
    const forbidden = proofTargets(plan(), r).filter((x) => x.kind === 'forbidden');
    expect(forbidden.find((x) => x.port === 8081)?.label).toBe('the NVR’s plain HTTP admin page');
    expect(forbidden.map((x) => x.port)).not.toContain(9090);
  });
});

describe('stateOf: reachable / closed / filtered from the checker’s yes or no and how fast it came', () => {
  it('a fast no is a refusal (closed), a no after the checker’s 2 s time-out is filtered', () => {
    expect(stateOf(yes())).toBe('reachable');
    expect(stateOf(refused(40))).toBe('closed');
    expect(stateOf(refused(1499))).toBe('closed');
    expect(stateOf(timedOut(1500))).toBe('filtered');
    expect(stateOf(timedOut(2050))).toBe('filtered');
    expect(stateOf({ ok: false, error: 'no answer in time' })).toBe('unknown');
    expect(stateOf(refused(3000), 5000)).toBe('closed');
  });
});

describe('judgeRow: a planned rule', () => {
  it('reachable: ok, no cause', () => {
    expect(judgeRow(target(10443), input({ 10443: yes() }))).toMatchObject({
      state: 'reachable',
      ok: true,
      verdict: 'reachable',
      cause: null,
    });
  });

  it('reachable through a UPnP mapping, not the rule: ok, and the mapping named', () => {
    const r = judgeRow(
      target(8000),
      input(
        { 8000: yes() },
        { mappings: [{ protocol: 'TCP', externalPort: 8000, internalClient: NVR, internalPort: 8000 }] },
      ),
    );
    expect(r).toMatchObject({ ok: true, cause: 'upnp-mapping' });
    expect(r.text).toContain('a UPnP mapping, not your rule');
  });

  it('refused: no rule entered yet', () => {
    const r = judgeRow(target(10443), input({ 10443: refused() }));
    expect(r).toMatchObject({ state: 'closed', ok: false, verdict: 'closed', cause: 'no-rule' });
    expect(r.text).toMatch(/no forward rule for port 10443/);
  });

  it('no answer: the router’s firewall', () => {
    expect(judgeRow(target(10443), input({ 10443: timedOut() }))).toMatchObject({
      state: 'filtered',
      verdict: 'filtered',
      cause: 'firewall',
    });
  });

  it('no answer on a port ISPs block (443): the ISP may block it', () => {
    const t = { ...target(10443), port: 443 };
    const r = judgeRow(t, input({ 443: timedOut() }));
    expect(r.cause).toBe('isp-blocks');
    expect(r.text).toContain('many ISPs block this port');
  });

  it('behind CGNAT or a second NAT: that is the cause, whatever the checker said', () => {
    expect(judgeRow(target(8000), input({ 8000: timedOut() }, { internetVerdict: 'cgnat' })).cause).toBe('cgnat');
    expect(judgeRow(target(8000), input({ 8000: refused() }, { internetVerdict: 'double-nat' })).cause).toBe(
      'double-nat',
    );
  });

  it('the NVR was last measured at another address: the rule points at the wrong one', () => {
    const r = judgeRow(target(8000), input({ 8000: refused() }, { report: report({ address: '192.168.1.70' }) }));
    expect(r.cause).toBe('wrong-address');
    expect(r.text).toContain('192.168.1.70');
  });

  it('the NVR’s port is no longer open at the last measurement: its port changed', () => {
    const moved = report({ rows: [portRow(443, 'https'), portRow(8001, 'sdk')] });
    const r = judgeRow(target(8000), input({ 8000: refused() }, { report: moved }));
    expect(r.cause).toBe('port-changed');
    expect(r.text).toContain('port 8000');
  });

  it('a UPnP mapping of the port to another device takes it', () => {
    const r = judgeRow(
      target(8000),
      input(
        { 8000: refused() },
        { mappings: [{ protocol: 'TCP', externalPort: 8000, internalClient: '192.168.1.66', internalPort: 8000 }] },
      ),
    );
    expect(r.cause).toBe('upnp-elsewhere');
    expect(r.text).toContain('192.168.1.66:8000');
  });

  it('a rule limited to other sources than the checker’s: kept out, as it should be', () => {
    const limited = { ...target(8000), sources: ['203.0.113.0/24'] };
    expect(judgeRow(limited, input({ 8000: timedOut() })).cause).toBe('source-limited');
    const lets = { ...target(8000), sources: ['198.51.100.0/24'] };
    expect(judgeRow(lets, input({ 8000: timedOut() })).cause).toBe('firewall');
  });

  it('UDP: not testable by a TCP checker, never asked', () => {
    const udp = proofTargets(
      plan([rule({ protocol: 'udp', externalPort: 6100, internalPort: 6100, portCount: 100 })]),
      null,
    )[0]!;
    const r = judgeRow(udp, input({}));
    expect(r).toMatchObject({ state: 'not-testable', ok: null, cause: 'udp' });
    expect(r.text).toContain('not testable by a TCP checker');
  });

  it('the checker gave no answer: unknown, not a failure', () => {
    const r = judgeRow(target(8000), input({ 8000: { ok: false, error: 'no answer in time' } }));
    expect(r).toMatchObject({ state: 'unknown', ok: null, cause: 'checker-failed' });
    expect(r.evidence).toContain('no answer in time');
  });
});

describe('judgeRow: a port that must not be reachable', () => {
  it('not reachable (closed or filtered): ok', () => {
    expect(judgeRow(target(23, 'forbidden'), input({ 23: refused() }))).toMatchObject({
      ok: true,
      verdict: 'not exposed',
    });
    expect(judgeRow(target(23, 'forbidden'), input({ 23: timedOut() }))).toMatchObject({ ok: true, state: 'filtered' });
  });

  it('reachable: exposed, a failure — by a rule not in the plan', () => {
    const r = judgeRow(target(554, 'forbidden'), input({ 554: yes() }));
    expect(r).toMatchObject({ ok: false, verdict: 'exposed', cause: 'extra-rule' });
    expect(r.text).toContain('port 554 (RTSP video (unencrypted)) answers from the internet');
  });

  it('reachable through a UPnP mapping: exposed, the mapping and its device named', () => {
    const r = judgeRow(
      target(80, 'forbidden'),
      input(
        { 80: yes() },
        {
          mappings: [
            {
              protocol: 'TCP',
              externalPort: 80,
              internalClient: '192.168.1.66',
              internalPort: 80,
              device: { name: 'Reolink' },
            },
          ],
        },
      ),
    );
    expect(r).toMatchObject({ verdict: 'exposed', cause: 'upnp-mapping' });
    expect(r.text).toContain('192.168.1.66:80 (Reolink)');
  });
});

describe('judgeOutsideProof: the overall verdict', () => {
  const all = (planned: CheckerAnswer, forbidden: CheckerAnswer) => ({
    10443: planned,
    8000: planned,
    21: forbidden,
    22: forbidden,
    23: forbidden,
    80: forbidden,
    443: forbidden,
    554: forbidden,
  });
  const judge = (answers: Record<number, CheckerAnswer>, over: Partial<ProofJudgeInput> = {}) =>
    judgeOutsideProof({
      ...input(answers),
      measuredAt: '2026-01-01T00:00:00.000Z',
      checker: 'http://198.51.100.10/',
      target: '203.0.113.2',
      name: null,
      hairpin: null,
      ...over,
    });

  it('proven: every planned port reachable and nothing exposed', () => {
    const p = judge(all(yes(), refused()));
    expect(p.verdict.code).toBe('proven');
    expect(p.testedAddress).toBe('203.0.113.2');
    expect(p.findings).toEqual([]);
    expect(outsideProofSchema.parse(p)).toEqual(p);
  });

  it('failed: a planned port closed, or a forbidden one exposed — each counted in the title', () => {
    expect(judge({ ...all(yes(), refused()), 10443: refused() }).verdict.title).toBe('1 planned port(s) not reachable');
    const exposed = judge({ ...all(yes(), refused()), 80: yes() });
    expect(exposed.verdict).toMatchObject({ code: 'failed', title: '1 port(s) exposed that must not be' });
  });

  it('unknown: no plan, or the checker did not answer for some port', () => {
    expect(judge(all(yes(), refused()), { targets: proofTargets(null, null) }).verdict.code).toBe('unknown');
    expect(judge({ ...all(yes(), refused()), 8000: { ok: false, error: 'x' } }).verdict.code).toBe('unknown');
  });

  it('the checker tested another address than the public one (or than the DDNS name’s): said', () => {
    const moved = judge(all(yes(), refused()), { target: '203.0.113.9' });
    expect(moved.findings[0]).toMatch(/tested 203.0.113.2, but the Internet step last saw 203.0.113.9/);
    const stale = judge(all(yes(), refused()), { target: '203.0.113.9', name: 'mynvr.example' });
    expect(stale.findings[0]).toMatch(/mynvr.example points at 203.0.113.9: update the DDNS name/);
  });
});

describe('judgeHairpin', () => {
  it('every planned port reached from inside: the router loops back, one entry on the phone', () => {
    const h = judgeHairpin('203.0.113.2', [{ port: 8000, result: 'reached' }], [8000]);
    expect(h.loopsBack).toBe('yes');
    expect(h.text).toContain('works as well');
  });

  it('refused from inside while reachable outside: no loopback, and what the phone shows on Wi-Fi vs mobile data', () => {
    const h = judgeHairpin('203.0.113.2', [{ port: 8000, result: 'refused' }], [8000]);
    expect(h.loopsBack).toBe('no');
    expect(h.text).toMatch(/on mobile data the app reaches the NVR/);
    expect(h.text).toMatch(/on your home Wi-Fi the same address fails/);
  });

  it('nothing reachable from outside to compare with: unknown', () => {
    expect(judgeHairpin('203.0.113.2', [{ port: 8000, result: 'no-answer' }], []).loopsBack).toBe('unknown');
    expect(judgeHairpin('203.0.113.2', [], []).loopsBack).toBe('unknown');
  });
});
