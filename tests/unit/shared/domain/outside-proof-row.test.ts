import { describe, expect, it } from 'vitest';
import { judgeRow, proofTargets } from '../../../../src/shared/domain/outside-proof';
import { portRow } from '../../../support/port-row';
import { input, NVR, plan, refused, report, rule, target, timedOut, yes } from './outside-proof-fixture';

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

describe('judgeRow: what the user is told, port by port', () => {
  const mapping = (over: Record<string, unknown> = {}) => ({
    protocol: 'TCP' as const,
    externalPort: 8000,
    internalClient: NVR,
    internalPort: 8000,
    ...over,
  });

  it('a rule limited to one address (no /N) is limited to that address: a checker next to it is kept out, not blamed on the router', () => {
    const one = { ...target(8000), sources: ['198.51.100.7'] };
    expect(judgeRow(one, input({ 8000: timedOut() }, { checkerAddress: '198.51.100.8' })).cause).toBe('source-limited');
    expect(judgeRow(one, input({ 8000: timedOut() }, { checkerAddress: '198.51.100.7' })).cause).toBe('firewall');
  });

  it('a checker in the second of two allowed networks is let in: the rule is not called source-limited', () => {
    const two = { ...target(8000), sources: ['203.0.113.0/24', '198.51.100.0/24'] };
    expect(judgeRow(two, input({ 8000: timedOut() })).cause).toBe('firewall');
    const r = judgeRow(two, input({ 8000: timedOut() }, { checkerAddress: '192.0.2.50' }));
    expect(r.cause).toBe('source-limited');
    expect(r.text).toContain('lets in only 203.0.113.0/24, 198.51.100.0/24; the checker connects from 192.0.2.50');
    expect(r.text).toContain('Check from an allowed address');
  });

  it('the checker’s own address unknown (or not IPv4): the rule is not said to keep it out', () => {
    const limited = { ...target(8000), sources: ['203.0.113.0/24'] };
    for (const checkerAddress of [null, '2001:db8::10'])
      expect(judgeRow(limited, input({ 8000: refused() }, { checkerAddress })).cause).toBe('no-rule');
  });

  it('only a TCP mapping of this very port counts: a UDP one, or one of another port, is not blamed', () => {
    const udp = mapping({ protocol: 'UDP', internalClient: '192.168.1.66' });
    const other = mapping({ externalPort: 8001, internalClient: '192.168.1.66' });
    for (const m of [udp, other]) {
      expect(judgeRow(target(8000), input({ 8000: refused() }, { mappings: [m] })).cause).toBe('no-rule');
      expect(judgeRow(target(8000), input({ 8000: yes() }, { mappings: [m] })).cause).toBeNull();
      expect(judgeRow(target(80, 'forbidden'), input({ 80: yes() }, { mappings: [m] })).cause).toBe('extra-rule');
    }
  });

  it('a UPnP mapping to the NVR but another inside port takes the rule’s port too', () => {
    const m = mapping({ internalPort: 8001 });
    const r = judgeRow(target(8000), input({ 8000: refused() }, { mappings: [m] }));
    expect(r.cause).toBe('upnp-elsewhere');
    expect(r.text).toContain(`sends port 8000 to ${NVR}:8001`);
  });

  it('a planned port whose inside address is not known is not blamed on a mapping (and does not crash)', () => {
    const blind = { ...target(8000), internal: null };
    const r = judgeRow(blind, input({ 8000: refused() }, { mappings: [mapping({ internalClient: '192.168.1.66' })] }));
    expect(r.cause).toBe('no-rule');
  });

  it('the NVR’s port measured closed (not only absent) means its port changed', () => {
    const closed = report({ rows: [portRow(443, 'https'), portRow(8000, 'sdk', { state: 'closed' })] });
    expect(judgeRow(target(8000), input({ 8000: refused() }, { report: closed })).cause).toBe('port-changed');
  });

  it('a refusal on a port ISPs often block is the missing rule, not the ISP; a silent one suggests another port', () => {
    const t443 = { ...target(10443), port: 443 };
    expect(judgeRow(t443, input({ 443: refused() })).cause).toBe('no-rule');
    expect(judgeRow(t443, input({ 443: timedOut() })).text).toContain('use another outside port (e.g. 10443)');
    const t8080 = { ...target(10443), port: 8080 };
    expect(judgeRow(t8080, input({ 8080: timedOut() })).text).toContain('(e.g. 18080)');
  });

  it('each cause says what to do in plain words', () => {
    const cgnat = judgeRow(target(8000), input({ 8000: timedOut() }, { internetVerdict: 'cgnat' })).text;
    expect(cgnat).toContain('carrier-grade NAT');
    expect(cgnat).toContain('Ask your ISP for a public IPv4 address, or use a VPN');
    const dnat = judgeRow(target(8000), input({ 8000: timedOut() }, { internetVerdict: 'double-nat' })).text;
    expect(dnat).toContain('Put the ISP box in bridge mode');
    const fw = judgeRow(target(10443), input({ 10443: timedOut() })).text;
    expect(fw).toBe(
      'No answer on port 10443: the router’s firewall drops it — the rule is missing, switched off or limited to other addresses — or the ISP filters it.',
    );
  });

  it('every row says its one word and what the checker answered', () => {
    const ok = judgeRow(target(10443), input({ 10443: yes(120.4) }));
    expect(ok).toMatchObject({ verdict: 'reachable', text: 'Reachable from outside.' });
    expect(ok.evidence).toBe('the checker said reachable after 120 ms');
    const shut = judgeRow(target(10443), input({ 10443: refused(41) }));
    expect(shut.evidence).toBe('the checker said not reachable after 41 ms');
    const notExposed = judgeRow(target(23, 'forbidden'), input({ 23: refused() }));
    expect(notExposed.text).toBe('Not reachable from outside, as it should be.');
    const unknown = judgeRow(target(8000), input({ 8000: { ok: false, error: 'x' } }));
    expect(unknown).toMatchObject({
      verdict: 'unknown',
      text: 'The checker did not say: try again, or use another checker.',
      evidence: 'the checker gave no answer: x',
    });
  });

  it('a port the checker was not asked about is unknown, said as not asked', () => {
    expect(judgeRow(target(8000), input({}))).toMatchObject({
      state: 'unknown',
      ok: null,
      verdict: 'unknown',
      evidence: 'not asked',
    });
  });

  it('UDP rows say not testable and were not asked', () => {
    const udp = proofTargets(plan([rule({ protocol: 'udp', externalPort: 6100, internalPort: 6100 })]), null)[0]!;
    expect(judgeRow(udp, input({ 6100: yes() }))).toMatchObject({ verdict: 'not testable', evidence: 'not asked' });
  });

  it('a long checker error is cut so the proof can still be saved', () => {
    const r = judgeRow(target(8000), input({ 8000: { ok: false, error: 'e'.repeat(500) } }));
    expect(r.evidence).toHaveLength(300);
    expect(r.evidence.startsWith('the checker gave no answer: eee')).toBe(true);
  });

  it('an exposed port through a mapping of an unnamed device names the mapping only (no crash, no empty brackets)', () => {
    const m = mapping({ externalPort: 80, internalClient: '192.168.1.66', internalPort: 80, device: null });
    const r = judgeRow(target(80, 'forbidden'), input({ 80: yes() }, { mappings: [m] }));
    expect(r.text).toContain('opens port 80 to 192.168.1.66:80 (the UPnP step’s last audit)');
    const bare = mapping({ externalPort: 80, internalClient: '192.168.1.66', internalPort: 80 });
    expect(judgeRow(target(80, 'forbidden'), input({ 80: yes() }, { mappings: [bare] })).text).toContain(
      '192.168.1.66:80 (the UPnP step’s last audit)',
    );
  });
  it('a UPnP mapping to the NVR itself is not blamed for a refusal: the rule is what is missing', () => {
    const r = judgeRow(target(8000), input({ 8000: refused() }, { mappings: [mapping()] }));
    expect(r.cause).toBe('no-rule');
  });

  it('a forbidden port the checker did not answer for is unknown, never called exposed', () => {
    const r = judgeRow(target(23, 'forbidden'), input({ 23: { ok: false, error: 'no answer in time' } }));
    expect(r).toMatchObject({ ok: null, verdict: 'unknown', cause: 'checker-failed' });
  });
});
