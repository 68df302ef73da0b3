import { describe, expect, it } from 'vitest';
import { emptySetupRecord } from '../../../../src/shared/domain/setup';
import type { UpnpMapping } from '../../../../src/shared/domain/upnp';
import { judgeVerify, VERIFY_CHECKS, VERIFY_EXIT, verifyResultSchema } from '../../../../src/shared/domain/verify';
import { portRow } from '../../../support/port-row';
import { AT, check, MAC, same, saved } from './verify-fixture';

/** The same words by the catalogue's key (verify.said.*) and their values, as main says them beside its English. */
const S = (key: string, params?: Record<string, unknown>) =>
  params ? { key: `verify.said.${key}`, params } : { key: `verify.said.${key}` };
const OPEN = S('change.state.open');

describe('judgeVerify: the saved setup against fresh measurements', () => {
  it('finds no drift when every check measures what was saved, and the exit code is 0', () => {
    const r = saved();
    const result = judgeVerify(r, same(r));
    expect(verifyResultSchema.parse(result)).toEqual(result);
    expect(result.checks.map((c) => [c.check, c.state])).toEqual(VERIFY_CHECKS.map((c) => [c, 'ok']));
    expect(result.outcome).toBe('no-drift');
    expect(VERIFY_EXIT[result.outcome]).toBe(0);
    expect(check(result, 'address').text).toContain('192.168.1.20');
  });

  it('an NVR that no longer answers at its saved address is drift (address), and its ports are not checked', () => {
    const r = saved();
    const m = same(r);
    m.nvr = { ok: true, value: { reached: false, mac: null, report: null } };
    const result = judgeVerify(r, m);
    expect(check(result, 'address')).toMatchObject({
      state: 'drift',
      changes: [{ what: 'The NVR answers at', from: '192.168.1.20', to: 'no answer' }],
    });
    expect(check(result, 'address').todo).toContain('Find your NVR');
    expect(check(result, 'ports')).toMatchObject({ state: 'not-checked', why: 'unmeasured' });
    expect(result.outcome).toBe('drift');
    expect(VERIFY_EXIT[result.outcome]).toBe(3);
  });

  it('another MAC at the NVR’s address is drift, naming both MACs', () => {
    const r = saved();
    const m = same(r);
    if (m.nvr?.ok) m.nvr.value.mac = '00:11:22:33:44:55';
    const c = check(judgeVerify(r, m), 'address');
    expect(c.state).toBe('drift');
    expect(c.changes).toEqual([
      {
        what: 'MAC at 192.168.1.20',
        from: MAC,
        to: '00:11:22:33:44:55',
        said: { what: S('change.macAt', { address: '192.168.1.20' }) },
      },
    ]);
  });

  it('a port that was open and is closed now is drift, from open to closed, and a router rule to it is named', () => {
    const r = saved();
    const m = same(r);
    if (m.nvr?.ok) m.nvr.value.report!.rows[0] = portRow(8443, 'https', { state: 'closed', service: 'https' });
    const c = check(judgeVerify(r, m), 'ports');
    expect(c.state).toBe('drift');
    expect(c.changes).toEqual([
      { what: 'Web page (HTTPS) 8443', from: 'open', to: 'closed', said: { from: OPEN, to: S('change.state.closed') } },
    ]);
    expect(c.todo).toContain('Ports');
  });

  it('a port closed when saved and open now (RTSP back on 554) is drift, closed to open', () => {
    const r = saved();
    const m = same(r);
    if (m.nvr?.ok) m.nvr.value.report!.rows[3] = portRow(554, 'rtsp', { service: 'rtsp' });
    expect(check(judgeVerify(r, m), 'ports').changes).toEqual([
      {
        what: 'Video streams (RTSP) 554',
        from: 'closed',
        to: 'open',
        said: { from: S('change.state.closed'), to: OPEN },
      },
    ]);
  });

  it('a router rule whose port the NVR no longer answers on is drift even when the port was not in the report', () => {
    const r = saved();
    r.ports[r.nvr!.deviceId]!.report!.rows = r.ports[r.nvr!.deviceId]!.report!.rows.filter((x) => x.port !== 8000);
    const m = same(r);
    if (m.nvr?.ok) m.nvr.value.report!.rows.push(portRow(8000, 'sdk', { state: 'filtered' }));
    const c = check(judgeVerify(r, m), 'ports');
    expect(c.changes).toContainEqual({
      what: 'Router rule “NVR app” → port 8000',
      from: 'open',
      to: 'filtered',
      said: {
        what: S('change.routerRule', { name: 'NVR app', port: '8000' }),
        from: OPEN,
        to: S('change.state.filtered'),
      },
    });
  });

  it('a saved open port the fresh catalogue audit did not reach is named as not measured again, not as drift', () => {
    const r = saved();
    const m = same(r);
    if (m.nvr?.ok) m.nvr.value.report!.rows = m.nvr.value.report!.rows.filter((x) => x.port !== 23);
    const c = check(judgeVerify(r, m), 'ports');
    expect(c.state).toBe('ok');
    expect(c.text).toContain('Not measured again: 23');
  });

  it('a saved open port the audit no longer lists is judged by its own knock: refused is drift, open is not', () => {
    const r = saved();
    const m = same(r);
    if (m.nvr?.ok) {
      m.nvr.value.report!.rows = m.nvr.value.report!.rows.filter((x) => x.port !== 23 && x.port !== 8443);
      m.nvr.value.knocked = { 23: 'open', 8443: 'closed' };
    }
    const c = check(judgeVerify(r, m), 'ports');
    expect(c.changes).toEqual([
      { what: 'Web page (HTTPS) 8443', from: 'open', to: 'closed', said: { from: OPEN, to: S('change.state.closed') } },
    ]);
    expect(c.text).not.toContain('Not measured again');
  });

  it('a port open now that the saved audit did not list (a moved RTSP port) is drift, not open to open', () => {
    const r = saved();
    const m = same(r);
    if (m.nvr?.ok) m.nvr.value.report!.rows.push(portRow(10554, 'rtsp', { service: 'rtsp' }));
    expect(check(judgeVerify(r, m), 'ports').changes).toEqual([
      {
        what: 'Video streams (RTSP) 10554',
        from: 'not open',
        to: 'open',
        said: { from: S('change.notOpen'), to: OPEN },
      },
    ]);
  });

  const mapping = (over: Partial<UpnpMapping>): UpnpMapping => ({
    ...saved().upnp.audit!.mappings[0]!,
    ...over,
  });

  it('a deleted UPnP mapping listed again is drift that names the device that opened it again', () => {
    const r = saved();
    r.upnp.audit!.mappings = [];
    r.upnp.deleted = [
      { protocol: 'TCP', externalPort: 8000, accepted: true, gone: true, errorCode: null, message: 'gone' },
    ];
    const m = same(r);
    if (m.upnp?.ok) m.upnp.value.mappings = [mapping({})];
    const c = check(judgeVerify(r, m), 'upnp');
    expect(c.state).toBe('drift');
    expect(c.text).toMatch(/^1 mapping you deleted came back/);
    expect(c.changes).toEqual([
      {
        what: 'TCP 8000 → 192.168.1.20:8000',
        from: 'deleted',
        to: expect.stringContaining('listed again, opened by'),
        said: { from: S('change.deleted'), to: expect.objectContaining({ key: 'verify.said.change.listedAgain' }) },
      },
    ]);
    expect(c.todo).toContain('turn UPnP off on the NVR');
  });

  it('a new mapping (not saved, never deleted) is drift; a saved mapping gone is not', () => {
    const r = saved();
    const m = same(r);
    if (m.upnp?.ok) m.upnp.value.mappings = [mapping({ externalPort: 554, internalPort: 554 })];
    const c = check(judgeVerify(r, m), 'upnp');
    expect(c.changes).toEqual([
      {
        what: 'TCP 554 → 192.168.1.20:554',
        from: 'not listed',
        to: expect.any(String),
        said: { from: S('change.notListed'), to: expect.any(Object) },
      },
    ]);
    if (m.upnp?.ok) m.upnp.value.mappings = [];
    expect(check(judgeVerify(r, m), 'upnp').state).toBe('ok');
  });

  it('UPnP back on at a router where it was off is drift, off to on', () => {
    const r = saved();
    r.upnp.audit = { ...r.upnp.audit!, igd: null, mappings: [], natPmp: { present: false, externalAddress: null } };
    const m = same(r);
    if (m.upnp?.ok) m.upnp.value.natPmp = { present: true, externalAddress: null };
    expect(check(judgeVerify(r, m), 'upnp').changes[0]).toEqual({
      what: 'UPnP / NAT-PMP at the router',
      from: 'off',
      to: 'on',
      said: { what: S('change.upnp'), from: S('change.off'), to: S('change.on') },
    });
  });

  it('a mapping list read only in part proves nothing: not checked, and the outcome is unproven (exit 1)', () => {
    const r = saved();
    const m = same(r);
    if (m.upnp?.ok) m.upnp.value.listEnd = 'unreadable';
    const result = judgeVerify(r, m);
    expect(check(result, 'upnp')).toMatchObject({ state: 'not-checked', why: 'unmeasured' });
    expect(result.outcome).toBe('unproven');
    expect(VERIFY_EXIT[result.outcome]).toBe(1);
  });

  it('a new public address is drift from the saved one to the new one, and with a DDNS name says to update it', () => {
    const r = saved();
    const m = same(r);
    if (m.public?.ok) m.public.value.publicAddress = '203.0.113.99';
    const c = check(judgeVerify(r, m), 'public');
    expect(c.changes).toEqual([
      { what: 'Public address', from: '203.0.113.7', to: '203.0.113.99', said: { what: S('change.publicAddress') } },
    ]);
    expect(c.todo).toContain('DDNS name must follow');
  });

  it('a DDNS name that points elsewhere (stale) is drift; one propagating is fine; no answer is not checked', () => {
    const r = saved();
    const m = same(r);
    const stale = {
      ...r.ddns.check!,
      verdict: 'stale' as const,
      words: 'elsewhere',
      authoritative: { ...r.ddns.check!.authoritative, addresses: [{ address: '198.51.100.77', ttl: 60 }] },
    };
    m.ddns = { ok: true, value: stale };
    expect(check(judgeVerify(r, m), 'ddns').changes).toEqual([
      { what: 'shop-nvr.duckdns.org', from: '203.0.113.7', to: '198.51.100.77' },
    ]);
    m.ddns = { ok: true, value: { ...stale, verdict: 'propagating' } };
    expect(check(judgeVerify(r, m), 'ddns').state).toBe('ok');
    m.ddns = { ok: true, value: { ...stale, verdict: 'unreachable' } };
    expect(check(judgeVerify(r, m), 'ddns')).toMatchObject({ state: 'not-checked', why: 'unmeasured' });
  });

  it('no DDNS name saved: not checked because nothing was saved, which alone is not a failure', () => {
    const r = saved();
    r.ddns.hosts = [];
    const result = judgeVerify(r, { ...same(r), ddns: null });
    expect(check(result, 'ddns')).toMatchObject({ state: 'not-checked', why: 'nothing-saved' });
    expect(check(result, 'ddns').text).toContain('No DDNS name saved');
    expect(result.outcome).toBe('no-drift');
  });

  it('a planned rule no longer reachable from outside, or a shut port now exposed, is drift with the cause', () => {
    const r = saved();
    const m = same(r);
    if (m.proof?.ok) {
      m.proof.value.rows[0] = {
        ...m.proof.value.rows[0]!,
        state: 'closed',
        ok: false,
        verdict: 'closed',
        text: 'No rule.',
      };
      m.proof.value.rows[1] = { ...m.proof.value.rows[1]!, state: 'reachable', ok: false, verdict: 'exposed' };
    }
    const c = check(judgeVerify(r, m), 'outside');
    expect(c.changes).toEqual([
      {
        what: 'Rule: TCP 8443 HTTPS web page',
        from: 'reachable',
        to: 'closed',
        said: { what: S('change.rule', { protocol: 'TCP', port: '8443', label: 'HTTPS web page' }) },
      },
      {
        what: 'Must stay shut: TCP 23 Telnet (plain-text login)',
        from: 'not exposed',
        to: 'exposed',
        said: { what: S('change.mustStayShut', { protocol: 'TCP', port: '23', label: 'Telnet (plain-text login)' }) },
      },
    ]);
    expect(c.todo).toBe('No rule.');
  });

  it('a port already failing when proven and failing still is not drift, but is named as still so', () => {
    const r = saved();
    r.internet.proof!.rows[0] = { ...r.internet.proof!.rows[0]!, ok: false, verdict: 'closed', state: 'closed' };
    const m = same(r);
    const c = check(judgeVerify(r, m), 'outside');
    expect(c.state).toBe('ok');
    expect(c.text).toContain('Still as before: 1 port');
    // Counted, so the step is not called verified while remote access does not work.
    expect(c.standing).toBe(1);
    expect(check(judgeVerify(saved(), same(saved())), 'outside').standing).toBeUndefined();
  });

  it('a check whose measurement failed is not checked with the reason, and the outcome is unproven', () => {
    const r = saved();
    const result = judgeVerify(r, { ...same(r), proof: { ok: false, error: 'the checker did not answer' } });
    expect(check(result, 'outside')).toMatchObject({ state: 'not-checked', why: 'unmeasured' });
    expect(check(result, 'outside').text).toContain('the checker did not answer');
    expect(result.outcome).toBe('unproven');
  });

  it('a fresh record has nothing to compare: every check not checked, nothing saved, and the outcome is unproven', () => {
    const result = judgeVerify(emptySetupRecord(AT), {
      at: AT,
      nvr: null,
      upnp: null,
      public: null,
      ddns: null,
      proof: null,
    });
    expect(result.checks.every((c) => c.state === 'not-checked' && c.why === 'nothing-saved')).toBe(true);
    expect(result.outcome).toBe('unproven');
  });
});
