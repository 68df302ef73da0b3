import { describe, expect, it } from 'vitest';
import { emptySetupRecord } from '../../../../src/shared/domain/setup';
import { judgePublicAddress, type PublicAddressCheck } from '../../../../src/shared/domain/public-address';
import { judgeIpv6 } from '../../../../src/shared/domain/ipv6-facts';
import { renderPublicCheck } from '../../../../src/main/features/internet/cli';
import { createTranslator } from '../../../../src/shared/i18n';
import { judgeInternetStep } from '../../../../src/main/features/internet/status';
import { runCli, type CliCore } from '../../../../src/main/cli/run';

function check(wan: string | null, seen: string | null = '203.0.113.2'): PublicAddressCheck {
  const input = {
    gateway: '192.168.1.1',
    router: { address: wan, source: wan ? ('igd' as const) : null, readAt: null },
    stun: { server: 's:3478', address: seen, error: seen ? null : 'no answer within 3.0 s' },
    checker: { server: 'http://c/', address: seen, error: seen ? null : 'refused' },
  };
  return { measuredAt: '2026-01-01T00:00:00.000Z', ...input, ...judgePublicAddress(input), changed: null };
}

describe('nvr-assist public', () => {
  it('prints the verdict, each source’s address or why none, and the way forward', () => {
    const text = renderPublicCheck(check('100.64.0.2', '203.0.113.3'));
    expect(text.split('\n')[0]).toBe('Carrier-grade NAT: your ISP shares the public address.');
    expect(text).toContain('Router (192.168.1.1) WAN address: 100.64.0.2 (from UPnP)');
    expect(text).toContain('Public address: 203.0.113.3');
    expect(text).toMatch(/Ask the ISP for a public IPv4 address/);
    const none = renderPublicCheck(check(null, null));
    expect(none).toContain('STUN s:3478: no address — no answer within 3.0 s');
    expect(none).toContain('Warning: The address checker http://c/ gave no address: refused.');
  });

  it('in the terminal’s language: the verdict, its advice and the findings said by key (en-XA), values as they came', () => {
    const xa = createTranslator('en-XA');
    const text = renderPublicCheck(check('127.0.0.2', null), xa.t);
    expect(text.split('\n')[0]).toBe(`${xa.t('internet.said.title.unknown')}.`);
    expect(text).toContain(xa.t('internet.said.advice.readWan'));
    expect(text).toContain(
      xa.t('internet.said.routerNotWan', { address: '127.0.0.2', kind: xa.t('internet.said.kind.loopback') }),
    );
    expect(text).toContain(xa.t('internet.said.checkerFailed', { server: 'http://c/', error: 'refused' }));
    expect(text).not.toMatch(/Not known yet|gave no address|as its WAN address/);
  });

  it('prints what IPv6 means here after the findings, when the check read it', () => {
    const lines = renderPublicCheck({ ...check('203.0.113.2'), ipv6: judgeIpv6(['fe80::1'], []) }).split('\n');
    expect(lines.at(-3)).toMatch(/^IPv6: No global IPv6 address on this computer/);
    expect(renderPublicCheck(check('203.0.113.2'))).not.toContain('IPv6:');
  });

  it('prints the first two routers toward the STUN server, and hop 2 in 100.64.0.0/10 as the reason for CGNAT', () => {
    const input = {
      gateway: '192.168.1.1',
      router: { address: '203.0.113.3', source: 'igd' as const, readAt: null },
      stun: { server: '198.51.100.3:3478', address: '203.0.113.3', error: null },
      checker: { server: 'http://c/', address: '203.0.113.3', error: null },
      hops: { target: '198.51.100.3', first: '192.168.1.1', second: '100.64.0.1', error: null },
    };
    const text = renderPublicCheck({
      measuredAt: '2026-01-01T00:00:00.000Z',
      ...input,
      ...judgePublicAddress(input),
      changed: null,
    });
    expect(text.split('\n')[0]).toBe('Carrier-grade NAT: your ISP shares the public address.');
    expect(text).toContain('Route toward 198.51.100.3: hop 1 192.168.1.1, hop 2 100.64.0.1');
    expect(text).toMatch(
      /· The first router after yours, 100\.64\.0\.1, is in the carrier-NAT range 100\.64\.0\.0\/10/,
    );
    const reached = renderPublicCheck({
      ...check('203.0.113.2'),
      hops: { target: '198.51.100.3', first: '192.168.1.1', second: '198.51.100.3', error: null },
    });
    expect(reached).toContain('Route toward 198.51.100.3: hop 1 192.168.1.1, hop 2 198.51.100.3 (the STUN server)');
    const failed = renderPublicCheck({
      ...check('203.0.113.2'),
      hops: { target: '198.51.100.3', first: null, second: null, error: 'no permission' },
    });
    expect(failed).toContain('Route toward 198.51.100.3: hop 1 no answer, hop 2 no answer — no permission');
    expect(renderPublicCheck(check('203.0.113.2'))).toContain('Route toward the STUN server: not traced');
  });

  it('refuses a malformed --stun or --checker before anything is contacted (exit 2)', async () => {
    const calls: string[] = [];
    const core: CliCore = {
      dispatch: async (channel) => {
        calls.push(String(channel));
        return { ok: false, error: { code: 'INTERNAL', message: 'x' } };
      },
      hub: { subscribe: () => () => {} },
    };
    const io = { stdout: () => {}, stderr: () => {} };
    expect(await runCli(['public', '--stun', 'stun:x:y'], core, io, '1')).toBe(2);
    expect(await runCli(['public', '--checker', 'ftp://c'], core, io, '1')).toBe(2);
    expect(await runCli(['public', 'extra'], core, io, '1')).toBe(2);
    expect(calls).toEqual([]);
  });
});

describe('the Internet step’s status', () => {
  it('verified only when the router holds the public address; attention otherwise, with the reason', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const draft = emptySetupRecord('2026-01-01T00:00:00.000Z');
    judgeInternetStep(draft, check('203.0.113.2'), at);
    expect(draft.steps.internet).toEqual({ status: 'verified', updatedAt: at.toISOString() });
    judgeInternetStep(draft, check('192.168.0.2'), at);
    expect(draft.steps.internet).toMatchObject({ status: 'attention', reason: expect.stringMatching(/^Double NAT/) });
    judgeInternetStep(draft, check(null), at);
    expect(draft.steps.internet).toMatchObject({ status: 'attention', reason: expect.stringMatching(/not known yet/) });
  });
});
