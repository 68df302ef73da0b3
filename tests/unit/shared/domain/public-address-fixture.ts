// The fixtures of the public-address tests: the two outside sources (STUN, the echoip checker) and a verdict input on
// a router at 192.168.50.1 whose WAN is 203.0.113.2, as both sources see it, unless `over` says otherwise.
import { judgePublicAddress, type OutsideView, type VerdictInput } from '../../../../src/shared/domain/public-address';

export const stun = (address: string | null, error: string | null = null): OutsideView => ({
  server: '198.51.100.3:3478',
  address,
  error: address ? null : (error ?? 'no answer within 3.0 s'),
});
export const checker = (address: string | null, error: string | null = null): OutsideView => ({
  server: 'http://198.51.100.10/',
  address,
  error: address ? null : (error ?? 'not reachable'),
});
export const input = (over: Partial<VerdictInput> & { wan?: string | null } = {}): VerdictInput => {
  const { wan = '203.0.113.2', ...rest } = over;
  return {
    gateway: '192.168.50.1',
    router: { address: wan, source: wan ? 'igd' : null, readAt: wan ? '2026-01-01T00:00:00.000Z' : null },
    stun: stun('203.0.113.2'),
    checker: checker('203.0.113.2'),
    ...rest,
  };
};
export const codes = (r: ReturnType<typeof judgePublicAddress>) => r.findings.map((f) => f.code);
