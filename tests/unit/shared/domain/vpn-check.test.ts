import { describe, expect, it } from 'vitest';
import { judgeVpnCheck, vpnCheckSchema } from '../../../../src/shared/domain/vpn-check';
import { input, proof, row } from './vpn-check-fixture';

describe('the VPN check’s verdicts: what the user is told to fix', () => {
  it('all good: the server answered with the plan’s keys, the name points home, nothing reachable from outside', () => {
    const c = judgeVpnCheck(input({ proof: proof([row(80, 'closed'), row(554, 'closed')]) }));
    expect(vpnCheckSchema.parse(c)).toEqual(c);
    expect([c.server.ok, c.endpoint.ok, c.exposure.ok]).toEqual([true, true, true]);
    expect(c.phoneTest[0]).toContain('mobile data');
    expect(c.phoneTest.join(' ')).toContain('http://192.168.57.64/');
    expect(c.phoneTest[1]).toContain('home.example.net:51820');
  });

  it.each([
    ['silent', 'the server is not running', false],
    ['unreadable', 'not with this plan’s keys', false],
    ['busy', 'check again in a minute', false],
  ] as const)('a server that is %s is not ok, and the words say why (%s)', (answer, words, ok) => {
    const c = judgeVpnCheck(input({ server: { ...input().server, answer, ms: null, attempts: 3 } }));
    expect(c.server.ok).toBe(ok);
    expect(c.server.text).toContain(words);
  });

  it('the name: not resolving, pointing elsewhere, or nothing to compare (no Internet check) — each said', () => {
    expect(judgeVpnCheck(input({ resolved: [] })).endpoint).toMatchObject({ ok: false, resolved: [] });
    expect(judgeVpnCheck(input({ resolved: null })).endpoint.text).toContain('does not resolve');
    const elsewhere = judgeVpnCheck(input({ resolved: ['198.51.100.7'] })).endpoint;
    expect(elsewhere.ok).toBe(false);
    expect(elsewhere.text).toContain('out of date');
    expect(judgeVpnCheck(input({ publicAddress: null })).endpoint.ok).toBeNull();
  });

  it('an address endpoint: fine while it is the public address, wrong once the address changed; none at all is wrong', () => {
    const addr = { host: '203.0.113.2', kind: 'address' as const };
    expect(judgeVpnCheck(input({ endpoint: addr })).endpoint.ok).toBe(true);
    const moved = judgeVpnCheck(input({ endpoint: addr, publicAddress: '203.0.113.9' })).endpoint;
    expect(moved.ok).toBe(false);
    expect(moved.text).toContain('re-import the configs');
    expect(judgeVpnCheck(input({ endpoint: null })).endpoint.ok).toBe(false);
  });

  it('any port reachable from outside in the last proof is a failure with the VPN (planned or not), named', () => {
    const c = judgeVpnCheck(input({ proof: proof([row(8443, 'reachable', { kind: 'planned' }), row(80, 'closed')]) }));
    expect(c.exposure).toMatchObject({ ok: false, reachable: [{ protocol: 'tcp', port: 8443 }] });
    expect(c.exposure.text).toContain('8443/tcp was reachable');
    const none = judgeVpnCheck(input()).exposure;
    expect(none).toMatchObject({ ok: null, measuredAt: null });
    expect(none.text).toContain('public --prove');
  });
});
