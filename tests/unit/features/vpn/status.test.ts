// The VPN step's status. What the user would lose: a tunnel shown as proven although only a phone on mobile data can
// prove it, a plan that cannot work (CGNAT, no WireGuard) shown as fine, or a wrong key or exposed port hidden.
import { describe, expect, it } from 'vitest';
import { judgeVpn, judgeVpnChecked } from '../../../../src/main/features/vpn/status';
import { emptySetupRecord } from '../../../../src/shared/domain/setup';
import type { VpnCheck } from '../../../../src/shared/domain/vpn-check';
import type { VpnPlan } from '../../../../src/shared/domain/vpn-plan';

const AT = new Date('2026-03-05T00:00:00.000Z');
const NOW = AT.toISOString();
type Finding = VpnPlan['findings'][number];
const plan = (findings: Finding[]): VpnPlan => ({ serverName: 'WireGuard on the router', findings }) as VpnPlan;
const f = (severity: Finding['severity'], text: string): Finding => ({ code: 'cgnat', severity, text });
const part = (ok: boolean | null, text: string) => ({ ok, text });
const check = (server: boolean, endpoint: boolean | null, exposure: boolean | null): VpnCheck =>
  ({
    checkedAt: '2026-03-04T00:00:00.000Z',
    server: part(server, 'The server did not answer with the plan’s keys.'),
    endpoint: part(endpoint, 'The name points elsewhere.'),
    exposure: part(exposure, 'Port 554 is reachable from outside.'),
  }) as unknown as VpnCheck;
const judged = (fn: (r: ReturnType<typeof emptySetupRecord>) => void) => {
  const r = emptySetupRecord('2026-03-01T00:00:00.000Z');
  fn(r);
  return r.steps.vpn;
};

describe('judgeVpn (from a plan)', () => {
  it('a plan naming a problem is attention with the first problem, cut to 500', () => {
    expect(
      judged((r) => judgeVpn(r, plan([f('warning', 'w'), f('problem', 'CGNAT: no server at home can work.')]), AT)),
    ).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: 'CGNAT: no server at home can work.',
    });
    expect(judged((r) => judgeVpn(r, plan([f('problem', 'p'.repeat(900))]), AT))?.reason).toHaveLength(500);
  });

  it('a plan without a problem is working (never verified), naming the server and the phone test', () => {
    expect(judged((r) => judgeVpn(r, plan([f('warning', 'w')]), AT))).toEqual({
      status: 'working',
      updatedAt: NOW,
      reason:
        'Set up the server (WireGuard on the router), import each device’s config, then test from a phone on mobile data.',
      reasonSaid: { key: 'wizard.reasons.vpn.plan', params: { server: 'WireGuard on the router' } },
    });
  });
});

describe('judgeVpnChecked (the check from inside)', () => {
  it('each part that failed is attention with its own words, the server first; at the check’s time', () => {
    expect(judged((r) => judgeVpnChecked(r, check(false, false, false)))).toEqual({
      status: 'attention',
      updatedAt: '2026-03-04T00:00:00.000Z',
      reason: 'The server did not answer with the plan’s keys.',
    });
    expect(judged((r) => judgeVpnChecked(r, check(true, false, null)))?.reason).toBe('The name points elsewhere.');
    expect(judged((r) => judgeVpnChecked(r, check(true, null, false)))?.reason).toBe(
      'Port 554 is reachable from outside.',
    );
  });

  it('a part that could not be judged (null) does not count as failed: working, with the phone test left', () => {
    expect(judged((r) => judgeVpnChecked(r, check(true, null, null)))).toEqual({
      status: 'working',
      updatedAt: '2026-03-04T00:00:00.000Z',
      reason: 'The server answers with this plan’s keys. Last test: from a phone on mobile data (see the steps).',
      reasonSaid: { key: 'wizard.reasons.vpn.phoneTest' },
    });
  });

  it('a failed part’s words are cut to 500', () => {
    const c = check(false, true, true);
    c.server.text = 's'.repeat(900);
    expect(judged((r) => judgeVpnChecked(r, c))?.reason).toHaveLength(500);
  });

  it('a failed part said by key gives the step its reason by the same key', () => {
    const c = check(false, null, null);
    const said = { key: 'vpn.said.check.noEndpoint' };
    expect(judged((r) => judgeVpnChecked(r, { ...c, server: { ...c.server, said } }))).toEqual({
      status: 'attention',
      updatedAt: '2026-03-04T00:00:00.000Z',
      reason: 'The server did not answer with the plan’s keys.',
      reasonSaid: said,
    });
  });
});
