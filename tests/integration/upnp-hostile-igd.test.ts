// Issue 12, "Bad input and faults": a hostile or broken router's UPnP (huge lists, endless entries, malformed XML, a
// LOCATION off the gateway, a SOAP fault on every call, an IGD that disappears or hangs mid-list, slow and dripping
// answers, a delete refused with 606/714) is a plain finding — never a crash, never a hang. Proven with real sockets:
// this test builds its own throwaway namespaces — a "gateway" (a bridge, running tests/integration/support/
// hostile-igd.mjs in one mode at a time), a "client" whose default gateway it is, and a third host on the same LAN
// for the LOCATION off the gateway — and runs the BUILT CLI (`nvr-assist upnp --json`, plain node) in the client.
// Each run must end within the product's own bounds (src/main/services/upnp: the search window, 4 s per request,
// 20 s for the whole list, 256 entries) and report the exact finding. Traffic stays inside these namespaces;
// everything started is stopped by PID and the namespaces deleted by name. Needs root and `ip netns`, and
// `npm run build`; without root or `ip netns` it is skipped with the reason.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IGD_CALL_TIMEOUT_MS, IGD_LIST_TIMEOUT_MS } from '../../src/main/services/upnp/igd-control';
import { UPNP_SEARCH_MS } from '../../src/main/services/upnp/upnp-service';
import { upnpErrorSaid, upnpErrorWords } from '../../src/shared/catalog/upnp-errors';
import {
  MAX_UPNP_MAPPINGS,
  upnpAuditSchema,
  upnpDeleteResultSchema,
  type UpnpAudit,
} from '../../src/shared/domain/upnp';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'nvr-assist.js');
const BUILT = join(ROOT, 'out', 'main', 'cli.js');
const SERVER = join(__dirname, 'support', 'hostile-igd.mjs');

const TAG = `nvrhi-${process.pid}`;
const NS = { gw: `${TAG}-gw`, cl: `${TAG}-cl`, x: `${TAG}-x` };
const GATEWAY = '192.168.213.1';
const CLIENT = '192.168.213.10';
const THIRD = '192.168.213.77';
const LOCATION = `http://${GATEWAY}:5000/rootDesc.xml`;

/**
 * The product's own bound for one audit, from its documented limits: the search window, the description and the two
 * status calls (4 s each), the whole list (20 s) plus the one request started just before that deadline; and 10 s
 * for node to start the CLI on a loaded machine. Not a speed check: a hang or an unbounded list runs past it.
 */
const AUDIT_BOUND_MS = UPNP_SEARCH_MS + 3 * IGD_CALL_TIMEOUT_MS + IGD_LIST_TIMEOUT_MS + IGD_CALL_TIMEOUT_MS + 10_000;
/** A deletion: the audit, a request per mapping, the audit again. */
const DELETE_BOUND_MS = 2 * AUDIT_BOUND_MS + 2 * IGD_CALL_TIMEOUT_MS;
/** Past its bound and this margin a run is killed (and the test fails on the bound, with the reason). */
const KILL_MARGIN_MS = 15_000;
/** Each test's own timeout: the run's bound, the kill margin, and the hostile IGD's start and stop. */
const AUDIT_TEST_MS = AUDIT_BOUND_MS + KILL_MARGIN_MS + 20_000;
const DELETE_TEST_MS = DELETE_BOUND_MS + KILL_MARGIN_MS + 20_000;

function skipReason(): string | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'needs root (it creates namespaces)';
  if (spawnSync('ip', ['netns', 'list'], { timeout: 10_000 }).status !== 0) return '`ip netns` is not available';
  return null;
}
const SKIP = skipReason();
if (SKIP) console.warn(`upnp-hostile-igd: skipped — ${SKIP}`);

function sh(ns: string | null, cmd: string, args: string[]): string {
  const full: [string, string[]] = ns ? ['ip', ['netns', 'exec', ns, cmd, ...args]] : [cmd, args];
  const r = spawnSync(full[0], full[1], { encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

interface IgdEvent {
  ev: 'ready' | 'msearch' | 'http' | 'vanished' | 'error';
  from?: string;
  st?: string;
  method?: string;
  path?: string;
  action?: string | null;
  index?: number | null;
  port?: number | null;
}

interface Igd {
  events: IgdEvent[];
  http: () => IgdEvent[];
  calls: (action: string) => number;
  stop: () => Promise<void>;
}

const started = new Set<ChildProcess>();

/** Stops one process we started, by its PID: SIGTERM, then SIGKILL after 5 s. */
async function stopProcess(p: ChildProcess): Promise<void> {
  started.delete(p);
  if (p.exitCode !== null || p.signalCode !== null || !p.pid) return;
  const exited = new Promise<void>((r) => p.once('exit', () => r()));
  p.kill('SIGTERM');
  const t = setTimeout(() => p.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(t);
}

/** The hostile IGD in `ns` (`ip netns exec` execs in place: the PID is node's own), ready within 10 s. */
async function startIgd(ns: string, address: string, mode: string, extra: string[] = []): Promise<Igd> {
  const p = spawn(
    'ip',
    ['netns', 'exec', ns, process.execPath, SERVER, '--mode', mode, '--address', address, ...extra],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  started.add(p);
  const events: IgdEvent[] = [];
  let stderr = '';
  let rest = '';
  p.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const ready = new Promise<void>((resolvePromise, reject) => {
    const t = setTimeout(() => reject(new Error(`hostile IGD (${mode}) did not start: ${stderr}`)), 10_000);
    p.once('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`hostile IGD (${mode}) exited ${code}: ${stderr}`));
    });
    p.stdout!.on('data', (d: Buffer) => {
      rest += d.toString();
      const lines = rest.split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        const e = JSON.parse(line) as IgdEvent;
        events.push(e);
        if (e.ev === 'ready') {
          clearTimeout(t);
          resolvePromise();
        }
      }
    });
  });
  await ready;
  const http = () => events.filter((e) => e.ev === 'http');
  return {
    events,
    http,
    calls: (action) => http().filter((e) => e.action === action).length,
    stop: () => stopProcess(p),
  };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

const dataDirs: string[] = [];

/**
 * `nvr-assist <args>` in the client namespace with its own data directory, as its own process group: past
 * `boundMs` + KILL_MARGIN_MS the group (ours) gets SIGKILL.
 */
function cli(args: string[], boundMs: number): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nvrhi-'));
  dataDirs.push(dataDir);
  const t0 = Date.now();
  return new Promise((resolvePromise, reject) => {
    const p = spawn(
      'ip',
      ['netns', 'exec', NS.cl, 'env', `NVR_ASSIST_DATA_DIR=${dataDir}`, process.execPath, CLI, ...args],
      { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    started.add(p);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    p.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      if (p.pid) process.kill(-p.pid, 'SIGKILL');
    }, boundMs + KILL_MARGIN_MS);
    p.once('error', (e) => {
      clearTimeout(timer);
      started.delete(p);
      reject(e);
    });
    p.once('close', (code) => {
      clearTimeout(timer);
      started.delete(p);
      resolvePromise({ code, stdout, stderr, ms: Date.now() - t0, timedOut });
    });
  });
}

/** Ended by itself within `boundMs`, exit `code`, no stack trace: what a user sees is the app's own answer. */
function expectEnded(r: Run, boundMs: number, code: number): void {
  expect(r.timedOut, `killed after ${r.ms} ms: it hung (stderr: ${r.stderr.slice(-600)})`).toBe(false);
  expect(r.ms, `took ${r.ms} ms; the product's bound is ${boundMs} ms`).toBeLessThan(boundMs);
  expect(r.code, `exit code (stderr: ${r.stderr.slice(-600)})`).toBe(code);
  expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

async function audit(): Promise<{ run: Run; audit: UpnpAudit }> {
  const run = await cli(['upnp', '--json'], AUDIT_BOUND_MS);
  expectEnded(run, AUDIT_BOUND_MS, 0);
  return { run, audit: upnpAuditSchema.parse(JSON.parse(run.stdout)) };
}

const codes = (a: UpnpAudit) => a.findings.map((f) => f.code);
const finding = (a: UpnpAudit, code: UpnpAudit['findings'][number]['code']) => a.findings.find((f) => f.code === code);

/** One mode at a time on the gateway; stopped (by PID) whatever the test's outcome. */
async function withGatewayIgd<T>(mode: string, body: (igd: Igd) => Promise<T>, extra: string[] = []): Promise<T> {
  const igd = await startIgd(NS.gw, GATEWAY, mode, extra);
  try {
    return await body(igd);
  } finally {
    await igd.stop();
  }
}

function teardownNamespaces(): void {
  for (const n of Object.values(NS)) spawnSync('ip', ['netns', 'del', n], { timeout: 10_000 });
}

describe.skipIf(SKIP !== null)(
  'nvr-assist upnp against a hostile IGD on its own gateway (throwaway namespaces)',
  () => {
    beforeAll(() => {
      if (!existsSync(BUILT)) throw new Error('the CLI is not built: run `npm run build` first');
      teardownNamespaces();
      for (const n of Object.values(NS)) sh(null, 'ip', ['netns', 'add', n]);
      // The gateway: a bridge (multicast flooded to every port, so the third host hears the search too).
      sh(NS.gw, 'ip', ['link', 'add', 'br0', 'type', 'bridge', 'mcast_snooping', '0']);
      sh(NS.gw, 'ip', ['addr', 'add', `${GATEWAY}/24`, 'dev', 'br0']);
      for (const [peer, ns, address] of [
        ['pcl', NS.cl, CLIENT],
        ['px', NS.x, THIRD],
      ] as const) {
        sh(null, 'ip', ['link', 'add', peer, 'netns', NS.gw, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns]);
        sh(NS.gw, 'ip', ['link', 'set', peer, 'master', 'br0']);
        sh(NS.gw, 'ip', ['link', 'set', peer, 'up']);
        sh(ns, 'ip', ['addr', 'add', `${address}/24`, 'dev', 'eth0']);
        sh(ns, 'ip', ['link', 'set', 'eth0', 'up']);
        sh(ns, 'ip', ['link', 'set', 'lo', 'up']);
        sh(ns, 'ip', ['route', 'add', 'default', 'via', GATEWAY]);
      }
      sh(NS.gw, 'ip', ['link', 'set', 'lo', 'up']);
      sh(NS.gw, 'ip', ['link', 'set', 'br0', 'up']);
    }, 60_000);

    afterAll(async () => {
      for (const p of [...started]) {
        if (p.pid && p.exitCode === null && p.signalCode === null) {
          // CLI runs are process groups of their own (detached); the IGDs are single processes.
          try {
            process.kill(p.spawnargs.includes(CLI) ? -p.pid : p.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
        started.delete(p);
      }
      teardownNamespaces();
      for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
    }, 60_000);

    it(
      'control: an honest IGD on the gateway is read whole (the harness reaches it, so the faults below are real)',
      async () => {
        await withGatewayIgd('normal', async (igd) => {
          const { audit: a } = await audit();
          expect(a.gateway).toBe(GATEWAY);
          expect(a.igd).toMatchObject({
            location: LOCATION,
            externalAddress: '203.0.113.9',
            connectionStatus: 'Connected',
          });
          expect(a.listEnd).toBe('complete');
          expect(a.mappings.map((m) => m.externalPort)).toEqual([8000, 10443, 10554]);
          expect(codes(a)).toEqual(['upnp-on', 'other-mapped']);
          // Entries 0–2, then 713 at 3.
          expect(igd.calls('GetGenericPortMappingEntry')).toBe(4);
        });
      },
      AUDIT_TEST_MS,
    );

    it(
      'huge: a 4 000-entry list and an entry for every index end at 256 mappings, “the first are shown”',
      async () => {
        await withGatewayIgd('huge', async (igd) => {
          const { audit: a } = await audit();
          expect(a.igd?.igdVersion).toBe(2);
          expect(a.listEnd).toBe('limit');
          expect(a.listNote).toBe(`the router listed more than ${MAX_UPNP_MAPPINGS} entries; the first are shown`);
          expect(a.mappings).toHaveLength(MAX_UPNP_MAPPINGS);
          expect(new Set(a.mappings.map((m) => m.externalPort)).size).toBe(MAX_UPNP_MAPPINGS);
          expect(codes(a)).toEqual(['upnp-on', 'list-incomplete', 'other-mapped']);
          // The 1.5 MB list is refused by size (then read entry by entry), asked once; at most 256 + 32 entries asked.
          expect(igd.calls('GetListOfPortMappings')).toBe(1);
          expect(igd.calls('GetGenericPortMappingEntry')).toBeLessThanOrEqual(MAX_UPNP_MAPPINGS + 32);
        });
      },
      AUDIT_TEST_MS,
    );

    it(
      'endless: the same entry at every index is kept once and the list ends as unreadable',
      async () => {
        await withGatewayIgd('endless', async (igd) => {
          const { audit: a } = await audit();
          expect(a.listEnd).toBe('unreadable');
          expect(a.listNote).toBe('the router repeats the same entries instead of ending its list');
          expect(a.mappings.map((m) => `${m.protocol} ${m.externalPort}`)).toEqual(['TCP 8000']);
          expect(codes(a)).toEqual(['upnp-on', 'list-incomplete', 'other-mapped']);
          // The entry, then nine repeats.
          expect(igd.calls('GetGenericPortMappingEntry')).toBe(10);
        });
      },
      AUDIT_TEST_MS,
    );

    it(
      'malformed: a broken description is “could not be used”, and nothing is sent to its control URL',
      async () => {
        await withGatewayIgd('malformed', async (igd) => {
          const { audit: a } = await audit();
          expect(a.igd).toBeNull();
          expect(a.mappings).toEqual([]);
          expect(codes(a)).toEqual(['igd-unreadable']);
          expect(finding(a, 'igd-unreadable')!.text).toMatch(
            /^The router answers as a UPnP gateway, but its mappings could not be read: its description could not be used \(.+\)\.$/,
          );
          expect(igd.http().map((e) => `${e.method} ${e.path}`)).toEqual(['GET /rootDesc.xml']);
        });
      },
      AUDIT_TEST_MS,
    );

    it(
      'malformed SOAP: broken control replies leave the address unknown and the list unreadable at entry 0',
      async () => {
        await withGatewayIgd('malformed-soap', async (igd) => {
          const { audit: a } = await audit();
          expect(a.igd).toMatchObject({ location: LOCATION, externalAddress: null, connectionStatus: null });
          expect(a.listEnd).toBe('unreadable');
          expect(a.listNote).toMatch(/^entry 0 could not be read \(.+\)$/);
          expect(codes(a)).toEqual(['upnp-on', 'list-incomplete']);
          expect(igd.calls('GetGenericPortMappingEntry')).toBe(1);
        });
      },
      AUDIT_TEST_MS,
    );

    it(
      'faults: UPnP error 501 on every call is the list “refused” in plain words, asked once',
      async () => {
        await withGatewayIgd('faults', async (igd) => {
          const { audit: a } = await audit();
          expect(a.igd).toMatchObject({ externalAddress: null, connectionStatus: null });
          expect(a.listEnd).toBe('refused');
          expect(a.listNote).toBe(upnpErrorWords(501));
          expect(codes(a)).toEqual(['upnp-on', 'list-incomplete']);
          expect(finding(a, 'list-incomplete')!.text).toContain('The router could not carry out the request.');
          expect(igd.calls('GetGenericPortMappingEntry')).toBe(1);
        });
      },
      AUDIT_TEST_MS,
    );

    it(
      'vanish: an IGD that disappears after 5 entries keeps those 5 and says it stopped answering',
      async () => {
        await withGatewayIgd(
          'vanish',
          async (igd) => {
            const { audit: a } = await audit();
            expect(igd.events.some((e) => e.ev === 'vanished')).toBe(true);
            expect(a.listEnd).toBe('unreachable');
            expect(a.listNote).toBe('the router stopped answering after 5 entries (unreachable)');
            expect(a.mappings).toHaveLength(5);
            expect(codes(a)).toEqual(['upnp-on', 'list-incomplete', 'other-mapped']);
          },
          ['--n', '5'],
        );
      },
      AUDIT_TEST_MS,
    );

    it(
      'hang: an IGD that stops answering after 5 entries ends at the request’s 4 s deadline',
      async () => {
        await withGatewayIgd(
          'hang',
          async (igd) => {
            const { audit: a } = await audit();
            expect(a.listEnd).toBe('unreachable');
            expect(a.listNote).toBe('the router stopped answering after 5 entries (timeout)');
            expect(a.mappings).toHaveLength(5);
            expect(codes(a)).toEqual(['upnp-on', 'list-incomplete', 'other-mapped']);
            expect(igd.calls('GetGenericPortMappingEntry')).toBe(6);
          },
          ['--n', '5'],
        );
      },
      AUDIT_TEST_MS,
    );

    it(
      'slow: answers dripped over 1.5 s each end the list at its 20 s bound, “took too long”',
      async () => {
        await withGatewayIgd('slow', async (igd) => {
          const { audit: a } = await audit();
          expect(a.listEnd).toBe('limit');
          expect(a.listNote).toBe('the router took too long to list its mappings');
          // Every answer arrived (each within its 4 s), so every entry asked for is listed: about 20 s / 1.5 s of them.
          expect(a.mappings.length).toBe(igd.calls('GetGenericPortMappingEntry'));
          expect(a.mappings.length).toBeGreaterThan(0);
          expect(a.mappings.length).toBeLessThan(MAX_UPNP_MAPPINGS);
          expect(codes(a)).toEqual(['upnp-on', 'list-incomplete', 'other-mapped']);
        });
      },
      AUDIT_TEST_MS,
    );

    it(
      'drip: a description that never ends is cut at its deadline, “did not load”',
      async () => {
        await withGatewayIgd('drip', async (igd) => {
          const { audit: a } = await audit();
          expect(a.igd).toBeNull();
          expect(codes(a)).toEqual(['igd-unreadable']);
          expect(finding(a, 'igd-unreadable')!.text).toBe(
            `The router answers as a UPnP gateway, but its mappings could not be read: its description (${LOCATION}) did not load.`,
          );
          expect(igd.http().map((e) => e.path)).toEqual(['/rootDesc.xml']);
        });
      },
      AUDIT_TEST_MS,
    );

    it(
      'refuse-delete: 606 and 714 are refusals in plain words, both mappings still listed, exit 1',
      async () => {
        await withGatewayIgd('refuse-delete', async (igd) => {
          const run = await cli(['upnp', '--delete', '8000/tcp,554/tcp', '--json'], DELETE_BOUND_MS);
          expectEnded(run, DELETE_BOUND_MS, 1);
          const r = upnpDeleteResultSchema.parse(JSON.parse(run.stdout));
          expect(r.deletions).toEqual([
            {
              protocol: 'TCP',
              externalPort: 8000,
              accepted: false,
              gone: false,
              errorCode: 606,
              message: upnpErrorWords(606),
              said: upnpErrorSaid(606),
            },
            {
              protocol: 'TCP',
              externalPort: 554,
              accepted: false,
              gone: false,
              errorCode: 714,
              message: upnpErrorWords(714),
              said: upnpErrorSaid(714),
            },
          ]);
          expect(r.audit.listEnd).toBe('complete');
          expect(r.audit.mappings.map((m) => m.externalPort)).toEqual([8000, 554]);
          expect(
            igd
              .http()
              .filter((e) => e.action === 'DeletePortMapping')
              .map((e) => e.port),
          ).toEqual([8000, 554]);
        });
      },
      DELETE_TEST_MS,
    );

    it(
      'off-gateway: a LOCATION on another host (from the gateway or from that host) is listed, never fetched',
      async () => {
        const third = await startIgd(NS.x, THIRD, 'normal');
        try {
          const elsewhereUrl = `http://${THIRD}:5000/rootDesc.xml`;
          await withGatewayIgd(
            'off-gateway',
            async (gw) => {
              const { audit: a } = await audit();
              // Both heard the search (so their silence over HTTP below means something)…
              expect(gw.events.some((e) => e.ev === 'msearch' && e.from === CLIENT)).toBe(true);
              expect(third.events.some((e) => e.ev === 'msearch' && e.from === CLIENT)).toBe(true);
              // …and neither was asked for anything.
              expect(third.http()).toEqual([]);
              expect(gw.http()).toEqual([]);
              expect(a.igd).toBeNull();
              expect(a.elsewhere).toEqual(
                expect.arrayContaining([
                  { from: GATEWAY, location: elsewhereUrl },
                  { from: THIRD, location: elsewhereUrl },
                ]),
              );
              expect(a.elsewhere).toHaveLength(2);
              // The router itself answered as a gateway: UPnP is on there, so never the all-clear “upnp-off”.
              expect(codes(a)).toEqual(['igd-unreadable', 'igd-elsewhere']);
              expect(finding(a, 'igd-unreadable')!.text).toBe(
                'The router answers as a UPnP gateway, but its mappings could not be read: its answer points at a ' +
                  `description the assistant does not follow (${elsewhereUrl}): only plain http on the router’s own address is followed.`,
              );
            },
            ['--location', elsewhereUrl],
          );
        } finally {
          await third.stop();
        }
      },
      AUDIT_TEST_MS,
    );
  },
);
