import { describe, expect, it } from 'vitest';
import {
  judgeHairpin,
  judgeOutsideProof,
  outsideProofSchema,
  proofTargets,
  stateOf,
  type CheckerAnswer,
  type ProofJudgeInput,
} from '../../../../src/shared/domain/outside-proof';
import { portRow } from '../../../support/port-row';
import { HTTPS, input, NVR, plan, refused, report, rule, timedOut, yes } from './outside-proof-fixture';

/** The whole proof of the fixture's plan, aimed at the public address 203.0.113.2. */
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

describe('proofTargets: the NVR’s own ports when they were never measured (the VPN way skips Ports)', () => {
  it('a Hikvision NVR not measured: its maker’s default TCP ports are asked too (443, 8000 …), none that a rule opens', () => {
    const none = proofTargets(null, null, 'Hikvision');
    const ports = none.map((x) => x.port);
    // Without them, an NVR whose app port 8000 or HTTPS 443 answered from outside passed as "nothing exposed".
    expect(ports).toEqual(expect.arrayContaining([21, 22, 23, 80, 443, 554, 8000]));
    expect(none.every((x) => x.kind === 'forbidden' && x.protocol === 'tcp')).toBe(true);
    expect(ports).toEqual([...ports].sort((a, b) => a - b));
    expect(none.find((x) => x.port === 8000)?.label).toBe('the NVR’s App/SDK port (maker’s default, not measured)');
    // The usual five keep their own words.
    expect(none.find((x) => x.port === 80)?.label).toBe('plain HTTP web page');
    // A planned rule's outside port is planned, not forbidden.
    const planned = proofTargets(plan([rule({ externalPort: 8000, internalPort: 8000 })]), null, 'Hikvision');
    expect(planned.filter((x) => x.port === 8000).map((x) => x.kind)).toEqual(['planned']);
  });

  it('once the Ports step measured, only what it found open is added, not the maker’s defaults; an unknown maker adds nothing', () => {
    const measured = proofTargets(null, report({ rows: [] }), 'Hikvision').map((x) => x.port);
    expect(measured).toEqual([21, 22, 23, 80, 554]);
    expect(proofTargets(null, null, 'Nobody Inc').map((x) => x.port)).toEqual([21, 22, 23, 80, 554]);
    expect(proofTargets(null, null, null).map((x) => x.port)).toEqual([21, 22, 23, 80, 554]);
  });

  it('a maker’s UDP ports and port ranges are not asked (the checker tests TCP only)', () => {
    const t = proofTargets(null, null, 'QNAP');
    expect(t.every((x) => x.protocol === 'tcp')).toBe(true);
    expect(t.map((x) => x.port)).not.toContain(6100);
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

describe('proofTargets: the harm of asking the wrong ports', () => {
  it('an NVR’s plain HTTP page the Ports step found (not flagged as admin) is asked too; other plain-text services are not', () => {
    const r = report({
      rows: [
        portRow(8081, 'http', { service: 'http', plainText: true }),
        portRow(8082, 'https', { adminUi: true }),
        portRow(8554, 'rtsp', { service: 'rtsp', plainText: true }),
        portRow(9000, 'sdk'),
      ],
    });
    const forbidden = proofTargets(plan(), r).filter((x) => x.kind === 'forbidden');
    expect(forbidden.find((x) => x.port === 8081)?.label).toBe('the NVR’s plain HTTP admin page');
    expect(forbidden.find((x) => x.port === 8082)?.label).toBe('the NVR’s admin page');
    expect(forbidden.map((x) => x.port)).not.toContain(8554);
    expect(forbidden.map((x) => x.port)).not.toContain(9000);
  });

  it('an admin port that is not a web page (Hikvision’s SDK port 8000, plain binary) is asked under its own name, not called a web page', () => {
    const r = report({ rows: [portRow(8000, 'sdk', { service: 'sdk', plainText: true, adminUi: true })] });
    const t = proofTargets(null, r).find((x) => x.port === 8000);
    expect(t).toMatchObject({ kind: 'forbidden', label: 'the NVR’s App/SDK port' });
  });

  it('a planned UDP rule on a forbidden port number does not stop the TCP port from being proven shut', () => {
    const t = proofTargets(plan([rule({ protocol: 'udp', externalPort: 554, internalPort: 554 })]), null);
    expect(t.find((x) => x.kind === 'forbidden' && x.port === 554)).toBeDefined();
  });

  it('forbidden ports are asked for anyone (no source limit), with no inside address', () => {
    const t = proofTargets(null, null).find((x) => x.port === 23);
    expect(t).toEqual({
      kind: 'forbidden',
      protocol: 'tcp',
      port: 23,
      label: 'Telnet (plain-text login)',
      internal: null,
      sources: [],
    });
  });

  it('a long rule name and a plan of many rules are cut so the proof can still be saved', () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      rule({ name: `${'n'.repeat(100)}${i}`, externalPort: 20000 + i, internalPort: 20000 + i }),
    );
    const t = proofTargets(plan(many), null);
    expect(t).toHaveLength(48);
    expect(t[0]!.label).toHaveLength(80);
  });
});

describe('judgeOutsideProof: what the user is told overall', () => {
  const shut = { 21: refused(), 22: refused(), 23: refused(), 80: refused(), 443: refused(), 554: refused() };

  it('a planned UDP rule (not testable) does not keep a proof of every TCP port from being proven', () => {
    const targets = proofTargets(
      plan([HTTPS, rule({ protocol: 'udp', externalPort: 6100, internalPort: 6100 })]),
      report(),
    );
    const p = judge({ ...shut, 10443: yes() }, { targets });
    expect(p.verdict).toEqual({
      code: 'proven',
      title: 'Proven from outside: every planned port is reachable and nothing else is exposed',
      advice: '',
    });
  });

  it('proven through a UPnP mapping: the advice says to delete the mapping so only the rules decide', () => {
    const mappings = [{ protocol: 'TCP' as const, externalPort: 8000, internalClient: NVR, internalPort: 8000 }];
    const p = judge({ ...shut, 10443: yes(), 8000: yes() }, { mappings });
    expect(p.verdict.code).toBe('proven');
    expect(p.verdict.advice).toContain('delete the mappings so that only your rules decide');
  });

  it('the verdict’s words say what to do: no plan, a failure (both counts), ports not checked', () => {
    expect(judge(shut, { targets: proofTargets(null, null) }).verdict).toEqual({
      code: 'unknown',
      title: 'No rule to prove; nothing the proof tried is reachable from outside',
      advice:
        'What the VPN and vendor-cloud ways need. To forward ports instead, make the plan in the Router rules step first.',
    });
    expect(judge({ ...shut, 23: { ok: false, error: 'x' } }, { targets: proofTargets(null, null) }).verdict).toEqual({
      code: 'unknown',
      title: 'No rule to prove, and not every port could be checked',
      advice:
        'The checker did not answer for some ports: try again. To forward ports, make the plan in the Router rules step first.',
    });
    // Without a plan (the VPN way), a port that answers from outside still fails the proof: it was "nothing to prove".
    expect(judge({ ...shut, 80: yes() }, { targets: proofTargets(null, null) }).verdict).toEqual({
      code: 'failed',
      title: '1 port(s) exposed that must not be',
      advice: 'Each port says its likely cause and what to do: fix it and prove again.',
    });
    expect(judge({ ...shut, 10443: refused(), 8000: yes(), 80: yes() }).verdict).toEqual({
      code: 'failed',
      title: '1 planned port(s) not reachable; 1 port(s) exposed that must not be',
      advice: 'Each port says its likely cause and what to do: fix it and prove again.',
    });
    expect(judge({ ...shut, 10443: yes(), 8000: yes(), 23: { ok: false, error: 'x' } }).verdict).toEqual({
      code: 'unknown',
      title: 'Could not check every port',
      advice: 'The checker did not answer for some ports: try again, or use another checker (you can run your own).',
    });
  });

  const seenAs = (ip: string): CheckerAnswer => ({ ok: true, reachable: true, ms: 30, ip });

  it('the address tested is the first the checker gave; none when every answer failed (the proof is still saved)', () => {
    const failed = judge({ 10443: { ok: false, error: 'x' }, 8000: { ok: false, error: 'y' } });
    expect(failed.testedAddress).toBeNull();
    expect(failed.findings).toEqual([]);
    expect(outsideProofSchema.parse(failed)).toEqual(failed);
    const mixed = judge({ 10443: seenAs('203.0.113.7'), 8000: { ok: false, error: 'y' } });
    expect(mixed.testedAddress).toBe('203.0.113.7');
    const two = judge({ 8000: seenAs('203.0.113.7'), 10443: seenAs('203.0.113.8') });
    expect(two.testedAddress).toBe('203.0.113.7');
  });

  it('no address known to compare with: no finding about a changed address', () => {
    expect(judge({ ...shut, 10443: yes(), 8000: yes() }, { target: null }).findings).toEqual([]);
  });

  it('a long checker URL is cut so the proof can still be saved', () => {
    const p = judge({ ...shut, 10443: yes(), 8000: yes() }, { checker: `http://${'c'.repeat(400)}/` });
    expect(p.checker).toHaveLength(300);
    expect(outsideProofSchema.parse(p)).toEqual(p);
  });
});

describe('judgeHairpin: what the phone will do at home', () => {
  it('some ports reached from inside but not all: not called looping back, and each port’s result listed', () => {
    const h = judgeHairpin(
      '203.0.113.2',
      [
        { port: 8000, result: 'reached' },
        { port: 10443, result: 'refused' },
      ],
      [8000, 10443],
    );
    expect(h.loopsBack).toBe('no');
    expect(h.text).toContain('From inside, 203.0.113.2 does not reach the NVR (8000 reached, 10443 refused)');
  });

  it('a port that fails from inside but was not reachable from outside either proves nothing: unknown, not "no"', () => {
    const h = judgeHairpin(
      '203.0.113.2',
      [
        { port: 8000, result: 'reached' },
        { port: 10443, result: 'no-answer' },
      ],
      [8000],
    );
    expect(h.loopsBack).toBe('unknown');
  });

  it('nothing to try from inside: said', () => {
    expect(judgeHairpin('203.0.113.2', [], []).text).toBe('No planned TCP port to try from inside.');
  });
});
