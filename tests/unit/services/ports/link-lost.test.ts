import { describe, expect, it } from 'vitest';
import { mergeReports, scanTcpParallel } from '../../../../src/main/services/ports/parallel-scan';
import { failOnLinkLost } from '../../../../src/main/services/ports/link-lost';
import { scanTcp } from '../../../../src/main/services/ports/scanner';
import type { ConnectOutcome, TcpConnector } from '../../../../src/main/transport/tcp';
import { AppFailure } from '../../../../src/shared/ipc/errors';

/** A device with ports 80 and 554 open, whose link drops after `dropAfter` answers: then ENETUNREACH for all. */
function droppingLink(dropAfter: number): TcpConnector {
  let answered = 0;
  return {
    attempt(_address, port, done) {
      const t = setTimeout(() => {
        const outcome: ConnectOutcome =
          answered++ >= dropAfter ? 'no-route' : port === 80 || port === 554 ? 'open' : 'closed';
        done(outcome);
      }, 1);
      return () => clearTimeout(t);
    },
  };
}

const ports = Array.from({ length: 2000 }, (_, i) => i + 1);

describe('a link that drops during a scan', () => {
  it('stops the scan and says so, instead of reporting the ports it could not reach as filtered', async () => {
    const report = await scanTcp(['192.168.50.64'], ports, {
      connector: droppingLink(600),
      signal: new AbortController().signal,
      concurrency: 64,
    });
    expect(report.linkLost).toBe(true);
    expect(() => failOnLinkLost(report)).toThrow(AppFailure);
    try {
      failOnLinkLost(report);
    } catch (err) {
      expect((err as AppFailure).code).toBe('NETWORK_LOST');
      expect((err as AppFailure).message).toMatch(/lost its connection to the network/);
    }
  });

  it('a whole scan with a steady link has no such mark', async () => {
    const report = await scanTcp(['192.168.50.64'], ports.slice(0, 200), {
      connector: droppingLink(Infinity),
      signal: new AbortController().signal,
    });
    expect(report.linkLost).toBeUndefined();
    expect(failOnLinkLost(report)).toBe(report);
    expect(report.hosts[0]!.open).toEqual([80]);
  });

  it('the device scan (the one the Ports step runs) ends in NETWORK_LOST, and one lost slice marks the merge', async () => {
    await expect(
      scanTcpParallel(['192.168.50.64'], ports, {
        connector: droppingLink(300),
        signal: new AbortController().signal,
        threads: 1,
        spawn: () => null,
      }),
    ).rejects.toMatchObject({ code: 'NETWORK_LOST' });
    const part = (linkLost?: boolean) => ({
      ports: [1, 2],
      report: {
        hosts: [{ address: 'a', up: true, open: [], filtered: [], closedCount: 2, rttMs: 1 }],
        portCount: 2,
        attempts: 2,
        elapsedMs: 1,
        timeoutMs: 250,
        cancelled: false,
        ...(linkLost ? { linkLost } : {}),
      },
    });
    expect(mergeReports('a', [part(), part(true)], 2).linkLost).toBe(true);
    expect(mergeReports('a', [part(), part()], 2).linkLost).toBeUndefined();
  });
});
