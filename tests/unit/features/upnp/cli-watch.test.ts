// `nvr-assist upnp --delete … --watch [SECONDS]` and `upnp --watch [SECONDS]` (src/main/features/upnp/cli.ts) over a
// scripted core: what is asked of main, what the user reads and the exit code. The user's harm if it broke: a script
// told "0" while a deleted mapping came back, a re-check that waits the wrong time, or one run after a deletion that
// did not even work.
import { describe, expect, it } from 'vitest';
import { WATCH_EXIT, parseWatchSeconds, renderUpnpWatch } from '../../../../src/main/features/upnp/cli';
import type { CliCore } from '../../../../src/main/cli/run';
import { runCli } from '../../../../src/main/cli/run';
import {
  judgeRecheck,
  type UpnpAudit,
  type UpnpDeleteResult,
  type UpnpMapping,
  type UpnpWatchResult,
} from '../../../../src/shared/domain/upnp';
import { judgeUpnp } from '../../../../src/shared/domain/upnp-findings';

const mapping = (over: Partial<UpnpMapping> = {}): UpnpMapping => ({
  protocol: 'TCP',
  externalPort: 8000,
  internalClient: '192.168.1.64',
  internalPort: 8000,
  remoteHost: '',
  enabled: true,
  description: 'Hikvision SDK',
  leaseSeconds: 0,
  device: { id: 'dev-1', name: 'DS-7608NI-K2', brand: 'Hikvision' },
  camera: true,
  service: 'App/SDK port',
  ...over,
});

function audit(over: Partial<Omit<UpnpAudit, 'findings'>> = {}, deletedBefore = [SDK]): UpnpAudit {
  const base = {
    measuredAt: '2026-12-05T10:02:00.000Z',
    interfaceName: 'eth0',
    gateway: '192.168.1.1',
    igd: {
      location: 'http://192.168.1.1:5000/rootDesc.xml',
      controlUrl: 'http://192.168.1.1:5000/ctl/IPConn',
      serviceType: 'urn:schemas-upnp-org:service:WANIPConnection:2',
      igdVersion: 2 as const,
      friendlyName: 'Home Router',
      manufacturer: 'Acme',
      modelName: 'R1',
      externalAddress: '203.0.113.2',
      connectionStatus: 'Connected',
    },
    mappings: [] as UpnpMapping[],
    listEnd: 'complete' as const,
    natPmp: { present: false, externalAddress: null },
    elsewhere: [],
    ...over,
  };
  return { ...base, findings: judgeUpnp({ ...base, igdProblem: null, deletedBefore }) };
}

const SDK = { protocol: 'TCP' as const, externalPort: 8000 };
const GONE = { ...SDK, accepted: true, gone: true, errorCode: null, message: 'The router deleted the mapping.' };

const deleted = (over: Partial<UpnpDeleteResult> = {}): UpnpDeleteResult => ({
  deletions: [GONE],
  audit: audit(),
  recheckAfterS: 120,
  ...over,
});
const watchedBack = (): UpnpWatchResult => {
  const a = audit({ mappings: [mapping()] });
  return { recheck: judgeRecheck(a, [SDK], 8), audit: a };
};
const watchedGone = (): UpnpWatchResult => {
  const a = audit({ mappings: [mapping({ externalPort: 554, internalPort: 554 })] });
  return { recheck: judgeRecheck(a, [SDK], 8), audit: a };
};

type Step = { event: string; payload: Record<string, unknown> } | { outcome: 'ok' | 'failed' | 'cancelled' };

/**
 * A core that answers each job-starting call with a job id and then sends that job's events (the script for the
 * channel), as main does; records every call with its input.
 */
function scriptedCore(script: Record<string, Step[] | { error: { code: string; message: string } }>) {
  const calls: Array<[string, unknown]> = [];
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let n = 0;
  const core: CliCore = {
    dispatch: (async (channel: string, input: unknown) => {
      calls.push([channel, input]);
      const steps = script[channel];
      if (!steps) return { ok: false, error: { code: 'INTERNAL', message: `no script for ${channel}` } };
      if (!Array.isArray(steps)) return { ok: false, error: steps.error };
      const jobId = `job-${++n}`;
      queueMicrotask(() => {
        for (const s of steps) {
          const [event, payload] =
            'event' in s
              ? [s.event, { jobId, ...s.payload }]
              : [
                  'job.onDone',
                  {
                    jobId,
                    kind: 'x',
                    outcome: s.outcome,
                    error: s.outcome === 'ok' ? null : { code: 'CANCELLED', message: 'The operation was cancelled.' },
                  },
                ];
          for (const l of listeners) l(event, payload);
        }
      });
      return { ok: true, data: { jobId, ...(channel === 'upnp.watch' ? { seconds: 8 } : {}) } };
    }) as CliCore['dispatch'],
    hub: {
      subscribe: ((l: (event: string, payload: unknown) => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      }) as CliCore['hub']['subscribe'],
    },
  };
  return { core, calls };
}

async function run(argv: string[], core: CliCore) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, core, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, '1');
  return { code, stdout, stderr };
}

const deleteJob = (result: UpnpDeleteResult): Step[] => [
  { event: 'upnp.onDeleted', payload: { result } },
  { outcome: 'ok' },
];
const watchJob = (result: UpnpWatchResult): Step[] => [
  { event: 'upnp.onWatched', payload: { result } },
  { outcome: 'ok' },
];

describe('--watch’s seconds (parseWatchSeconds)', () => {
  it('none: the computed delay; one whole number from 1 to 3600; anything else refused', () => {
    expect(parseWatchSeconds([])).toBeUndefined();
    expect(parseWatchSeconds(['8'])).toBe(8);
    expect(parseWatchSeconds(['1'])).toBe(1);
    expect(parseWatchSeconds(['3600'])).toBe(3600);
    for (const bad of [['0'], ['3601'], ['99999'], ['8s'], ['1.5'], ['x'], ['8', '9'], ['123456']])
      expect(parseWatchSeconds(bad), bad.join(' ')).toBeNull();
  });
});

describe('nvr-assist upnp --delete … --watch', () => {
  it('deletes, then waits the delay the deletion computed, and names the device that opened it again: exit 3', async () => {
    const { core, calls } = scriptedCore({
      'upnp.delete': deleteJob(deleted({ recheckAfterS: 120 })),
      'upnp.watch': watchJob(watchedBack()),
    });
    const r = await run(['upnp', '--delete', '8000/tcp', '--watch'], core);
    expect(r.code).toBe(3);
    expect(calls).toEqual([
      ['upnp.delete', { mappings: [SDK] }],
      ['upnp.watch', { seconds: 120 }],
    ]);
    expect(r.stderr).toContain('Watching for 120 s: a device that opens them again is caught then.');
    expect(r.stdout).toMatch(/^Gone: TCP 8000/);
    expect(r.stdout).toContain('Re-checked after 8 s (2026-12-05T10:02:00.000Z):');
    expect(r.stdout).toContain('  CAME BACK: TCP 8000 → 192.168.1.64:8000, opened again by DS-7608NI-K2');
    expect(r.stdout).toContain('Turn UPnP off on that device');
    // the verdict comes before the router's list, and the list is there too
    expect(r.stdout.indexOf('CAME BACK')).toBeLessThan(
      r.stdout.indexOf('The router’s list, read again:', r.stdout.indexOf('Re-checked')),
    );
    expect(r.stdout).toContain('Problem: A mapping you deleted came back: DS-7608NI-K2');
  });

  it('SECONDS given: that wait instead; still gone: exit 0', async () => {
    const { core, calls } = scriptedCore({
      'upnp.delete': deleteJob(deleted()),
      'upnp.watch': watchJob(watchedGone()),
    });
    const r = await run(['upnp', '--delete', '8000/tcp', '--watch', '8'], core);
    expect(r.code).toBe(0);
    expect(calls[1]).toEqual(['upnp.watch', { seconds: 8 }]);
    expect(r.stdout).toContain('  Still gone: TCP 8000');
    expect(r.stdout).not.toContain('CAME BACK');
  });

  it('a deletion that did not work is not watched: exit 1 as before, and the user is told why', async () => {
    const refused = { ...GONE, accepted: false, gone: false, errorCode: 606, message: 'refused (606)' };
    const { core, calls } = scriptedCore({
      'upnp.delete': deleteJob(deleted({ deletions: [refused], recheckAfterS: null })),
    });
    const r = await run(['upnp', '--delete', '8000/tcp', '--watch', '8'], core);
    expect(r.code).toBe(1);
    expect(calls.map((c) => c[0])).toEqual(['upnp.delete']);
    expect(r.stdout).toMatch(/^Refused: TCP 8000/);
    expect(r.stderr).toContain('Not re-checked: not every mapping is gone.');
  });

  it('--json: one document with the deletion and the re-check', async () => {
    const { core } = scriptedCore({
      'upnp.delete': deleteJob(deleted()),
      'upnp.watch': watchJob(watchedBack()),
    });
    const r = await run(['upnp', '--delete', '8000/tcp', '--watch', '8', '--json'], core);
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout) as { deleted: UpnpDeleteResult; watched: UpnpWatchResult };
    expect(doc.deleted.deletions).toEqual([GONE]);
    expect(doc.watched.recheck.outcome).toBe('came-back');
    expect(doc.watched.recheck.cameBack[0]?.device).toBe('DS-7608NI-K2');
  });

  it('without --watch nothing is re-checked (exit 0 on a deletion proven)', async () => {
    const { core, calls } = scriptedCore({ 'upnp.delete': deleteJob(deleted()) });
    const r = await run(['upnp', '--delete', '8000/tcp'], core);
    expect(r.code).toBe(0);
    expect(calls.map((c) => c[0])).toEqual(['upnp.delete']);
  });
});

describe('nvr-assist upnp --watch (the last deletions)', () => {
  it('SECONDS: that wait; a mapping that came back: exit 3', async () => {
    const { core, calls } = scriptedCore({ 'upnp.watch': watchJob(watchedBack()) });
    const r = await run(['upnp', '--watch', '30'], core);
    expect(calls).toEqual([['upnp.watch', { seconds: 30 }]]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('CAME BACK: TCP 8000');
  });

  it('no SECONDS: main’s delay (the one computed at the deletion); still gone: exit 0; --json is the result', async () => {
    const { core, calls } = scriptedCore({ 'upnp.watch': watchJob(watchedGone()) });
    const r = await run(['upnp', '--watch', '--json'], core);
    expect(calls).toEqual([['upnp.watch', {}]]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as UpnpWatchResult).recheck.outcome).toBe('still-gone');
  });

  it('a list not read to its end: “Not proven”, exit 1', async () => {
    const a = audit({ listEnd: 'unreachable' });
    const { core } = scriptedCore({ 'upnp.watch': watchJob({ recheck: judgeRecheck(a, [SDK], 8), audit: a }) });
    const r = await run(['upnp', '--watch', '8'], core);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  Not proven: TCP 8000');
    expect(r.stdout).toContain('nothing is proven either way');
  });

  it('cancelled: exit 130, nothing printed on stdout', async () => {
    const { core } = scriptedCore({ 'upnp.watch': [{ outcome: 'cancelled' }] });
    const r = await run(['upnp', '--watch', '8'], core);
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
  });

  it('nothing deleted on record: main’s refusal in its words, exit 1', async () => {
    const { core } = scriptedCore({
      'upnp.watch': { error: { code: 'BAD_REQUEST', message: 'No deleted UPnP mapping is on record to re-check.' } },
    });
    const r = await run(['upnp', '--watch', '8'], core);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error: No deleted UPnP mapping is on record to re-check.');
  });

  it('bad seconds, or a word without --watch: usage error (exit 2), nothing asked of main', async () => {
    const { core, calls } = scriptedCore({});
    for (const argv of [
      ['upnp', '--watch', '0'],
      ['upnp', '--watch', '3601'],
      ['upnp', '--watch', 'soon'],
      ['upnp', '--delete', '8000/tcp', '--watch', '5', '6'],
    ]) {
      const r = await run(argv, core);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toContain('--watch takes the seconds to wait, a whole number from 1 to 3600.');
    }
    const word = await run(['upnp', '8'], core);
    expect(word.code).toBe(2);
    expect(word.stderr).toContain('`upnp` takes no device');
    expect(calls).toEqual([]);
  });

  it('the exit codes, as documented: 0 still gone, 3 came back, 1 not proven', () => {
    expect(WATCH_EXIT).toEqual({ 'still-gone': 0, 'came-back': 3, unproven: 1 });
  });

  it('the verdict lists every watched mapping, back or not', () => {
    const a = audit({ mappings: [mapping()] });
    const text = renderUpnpWatch({
      recheck: judgeRecheck(a, [SDK, { protocol: 'UDP', externalPort: 53 }], 8),
      audit: a,
    });
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Re-checked after 8 s (2026-12-05T10:02:00.000Z):',
      '  CAME BACK: TCP 8000 → 192.168.1.64:8000, opened again by DS-7608NI-K2',
      '  Still gone: UDP 53',
    ]);
    const unknown = audit({ mappings: [mapping({ device: null, camera: false })] });
    expect(renderUpnpWatch({ recheck: judgeRecheck(unknown, [SDK], 8), audit: unknown })).toContain(
      'opened again by 192.168.1.64',
    );
  });
});
