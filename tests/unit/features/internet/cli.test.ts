import { describe, expect, it } from 'vitest';
import { emptySetupRecord } from '../../../../src/shared/domain/setup';
import { judgePublicAddress, type PublicAddressCheck } from '../../../../src/shared/domain/public-address';
import { renderPublicCheck } from '../../../../src/main/features/internet/cli';
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
