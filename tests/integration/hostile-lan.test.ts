// "One hostile packet must never freeze or crash the app", proven in the lab: the BUILT CLI runs in the client
// host beside the rogue host (tests/lab/sim/rogue.mjs), which answers every search with namespace explosions,
// attribute floods, 10 000-deep nesting, a 5 KB end tag full of escapes and device names that clear the screen and
// retitle the terminal; announces the same shapes unsolicited every 5 s; and runs ONVIF services whose replies are
// 512 KB explosions or carry escapes, UPnP descriptions of 128 KB, and a web page of 128 KB of `<input<title`.
// Each check is bounded in time and memory and says which shape, how long and how much memory when it fails.
// Needs the lab up (profile home) and `npm run build`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROGUE, SIMULATORS, readLabState } from '../lab/lib/testkit.mjs';
import { ROGUE_PORTS } from '../lab/sim/rogue-shapes.mjs';
import {
  ROOT,
  describeRun,
  hasGnuTime,
  newDataDir,
  removeDataDir,
  runCli,
  unsafeInJson,
  unsafeInOutput,
  type CliRun,
} from '../support/lab-cli';

/** A search normally takes ~3.5 s; this bound leaves room for a loaded machine, not for a parser stuck on a shape. */
const DISCOVER_BOUND_MS = 15_000;
const WATCH_SECONDS = 8;
const IDENTIFY_BOUND_MS = 10_000;
const PEAK_RSS_BOUND_MB = 500;
/** The rogue's shapes, named in failure messages. */
const ROGUE_SHAPES =
  'WS-Discovery: ns-explosion(-uri,-nested) 60 KB, attr-flood, deep-nesting 10 000, long-end-tag 5 KB with ESC, ' +
  'escapes in name/hardware/manufacturer scopes; UPnP: 128 KB namespace explosion, 50 000 attributes, escapes; ' +
  'web: 60 KB of <input<title on GET /';

const dataDirs: string[] = [];
const dataDir = (tag: string) => {
  const d = newDataDir(`hostile-${tag}`);
  dataDirs.push(d);
  return d;
};

const sim = (host: string) => SIMULATORS.find((s) => s.host === host)!;

function expectBounded(r: CliRun, boundMs: number, what: string): void {
  expect(r.timedOut, `${what}: did not finish (${describeRun(r)})`).toBe(false);
  expect(r.ms, `${what}: took ${r.ms} ms, bound ${boundMs} ms (${describeRun(r)})`).toBeLessThan(boundMs);
  if (hasGnuTime()) expect(r.peakRssMb, `${what}: the peak memory was not measured`).not.toBeNull();
  if (r.peakRssMb !== null)
    expect(r.peakRssMb, `${what}: peak RSS ${r.peakRssMb} MB, bound ${PEAK_RSS_BOUND_MB} MB`).toBeLessThan(
      PEAK_RSS_BOUND_MB,
    );
}

function expectCleanOutput(r: CliRun, what: string): void {
  const found = [
    ...unsafeInOutput(r.stdout).map((f) => `stdout ${f}`),
    ...unsafeInOutput(r.stderr).map((f) => `stderr ${f}`),
  ];
  expect(found, `${what}: device text reached the terminal unsanitised`).toEqual([]);
}

/** A plain failure: one "Error: …" line in words, no stack trace, no exception text. */
function expectPlainError(r: CliRun, what: string): void {
  const text = r.stderr.toString('utf8');
  expect(text, `${what}: ${describeRun(r)}`).toMatch(/^Error: \S/m);
  expect(text, `${what}: a stack trace reached the user`).not.toMatch(
    /^\s+at .+\(.+:\d+:\d+\)$|node:internal|Error: .*\n\s+at /m,
  );
  expect(text.length, `${what}: the error message is ${text.length} characters`).toBeLessThan(2000);
}

beforeAll(() => {
  const state = readLabState();
  if (!state || state.phase !== 'up' || state.profile !== 'home')
    throw new Error('The lab is not up with profile home: run `npm run lab -- up` first.');
  if (!state.processes.some((p) => p.name === `sim-${ROGUE.host}`)) throw new Error('The lab runs no rogue host.');
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build first: npm run build');
  if (!hasGnuTime()) process.stderr.write('hostile-lan: /usr/bin/time is missing, peak memory is not checked\n');
});

afterAll(() => {
  for (const d of dataDirs) removeDataDir(d);
});

describe('a search beside the rogue host', () => {
  let json: CliRun;
  let result: { devices: Array<Record<string, unknown>>; warnings: string[] };

  beforeAll(async () => {
    json = await runCli(['discover', '--json'], {
      dataDir: dataDir('discover'),
      timeoutMs: 60_000,
      measureMemory: true,
    });
    result = JSON.parse(json.stdout.toString('utf8') || '{"devices":[],"warnings":[]}');
  }, 70_000);

  it(`discover --json finishes within ${DISCOVER_BOUND_MS / 1000} s and ${PEAK_RSS_BOUND_MB} MB`, () => {
    expectBounded(json, DISCOVER_BOUND_MS, `discover --json against ${ROGUE_SHAPES}`);
    expect(json.code, describeRun(json)).toBe(0);
  });

  it('lists every simulator (hik, dahua, reolink, cam)', () => {
    const addresses = result.devices.flatMap((d) => d.addresses as string[]);
    for (const host of ['hik', 'dahua', 'reolink'])
      expect(addresses, `${host} (${sim(host).ip}) missing; ${describeRun(json)}`).toContain(sim(host).ip);
    expect(
      result.devices.map((d) => d.mac),
      `cam (${sim('cam').mac}) missing`,
    ).toContain(sim('cam').mac);
  });

  it('lists the rogue device whose names carry terminal escapes, sanitised; no device text or warning carries a control character', () => {
    const rogue = result.devices.find((d) => (d.addresses as string[]).includes(ROGUE.ip));
    expect(
      rogue,
      'the rogue host (well-formed escapes answer) is not listed: the text check below would prove nothing',
    ).toBeDefined();
    expect(`${rogue!.model} ${rogue!.name}`, 'the escapes answer should be listed with its visible text').toMatch(
      /EvilCorp/,
    );
    expect(unsafeInJson(result), 'discover --json: unsafe characters in the decoded JSON').toEqual([]);
    expectCleanOutput(json, 'discover --json');
  });

  it('follows the UPnP descriptions on the rogue’s own address and survives them', () => {
    // The rogue's SSDP answers point at five descriptions on its own address (escapes, 128 KB namespace explosion,
    // nested declarations, 50 000 attributes, as many as fit in 128 KB); the escapes one is well-formed, so the
    // rogue is listed as found by SSDP too once they were read (the notes are capped, so they cannot prove it).
    const rogue = result.devices.find((d) => (d.addresses as string[]).includes(ROGUE.ip));
    expect(rogue?.sources, 'the rogue’s UPnP descriptions were not read').toContain('ssdp');
  });

  it('keeps every note from the search short (a 5 KB end tag is not copied into it)', () => {
    const long = result.warnings.filter((w) => w.length > 500);
    expect(long.map((w) => `${w.length} characters: ${JSON.stringify(w.slice(0, 120))}…`)).toEqual([]);
  });

  it('discover (table) finishes in bound and prints no control character', async () => {
    const r = await runCli(['discover'], {
      dataDir: dataDir('discover-table'),
      timeoutMs: 60_000,
      measureMemory: true,
    });
    expectBounded(r, DISCOVER_BOUND_MS, `discover (table) against ${ROGUE_SHAPES}`);
    expect(r.code, describeRun(r)).toBe(0);
    const table = r.stdout.toString('utf8');
    for (const host of ['hik', 'dahua', 'reolink']) expect(table).toContain(sim(host).ip);
    expect(table).toContain(ROGUE.ip);
    expectCleanOutput(r, 'discover (table)');
  }, 70_000);
});

describe('listening beside the rogue host (hostile Hellos every 5 s)', () => {
  for (const mode of ['table', 'json'] as const) {
    it(`watch --seconds ${WATCH_SECONDS} (${mode}) ends on time, stays under ${PEAK_RSS_BOUND_MB} MB and prints no control character`, async () => {
      const args = ['watch', '--seconds', String(WATCH_SECONDS), ...(mode === 'json' ? ['--json'] : [])];
      const r = await runCli(args, { dataDir: dataDir(`watch-${mode}`), timeoutMs: 60_000, measureMemory: true });
      expectBounded(r, WATCH_SECONDS * 1000 + 7000, `watch (${mode}) with the rogue's Hellos (${ROGUE_SHAPES})`);
      expect(r.code, describeRun(r)).toBe(0);
      const out = r.stdout.toString('utf8');
      // The rogue announces itself every 5 s: within 8 s its well-formed escapes Hello is heard at least once.
      expect(out, `no announcement from the rogue was heard in ${WATCH_SECONDS} s`).toContain(ROGUE.ip);
      expectCleanOutput(r, `watch (${mode})`);
      if (mode === 'json') {
        const lines = out.split('\n').filter(Boolean);
        for (const line of lines) expect(unsafeInJson(JSON.parse(line)), 'watch --json').toEqual([]);
      }
    }, 70_000);
  }
});

describe('logging in to the rogue’s ONVIF services (any user and password work)', () => {
  const services: Array<[string, number]> = [
    [
      'escapes (the issue’s Manufacturer: &#x1b;[2J&#x1b;]0;PWNED&#x7;EvilCorp&#x202e;, raw ESC in firmware)',
      ROGUE_PORTS.onvifEscapes,
    ],
    ['escapes with XML-legal characters only (C1 CSI/OSC, U+202E)', ROGUE_PORTS.onvifEscapesLegal],
    ['every reply a 512 KB namespace explosion', ROGUE_PORTS.onvifNsBomb],
    ['clock normal, then a 512 KB namespace explosion', ROGUE_PORTS.onvifNsBombLate],
    ['clock normal, then 50 000 attributes', ROGUE_PORTS.onvifAttrFlood],
    ['clock normal, then 35 nested levels of 120 namespace declarations', ROGUE_PORTS.onvifNsBombNested],
  ];
  for (const [shape, port] of services) {
    for (const mode of ['table', 'json'] as const) {
      it(`identify on port ${port} (${shape}), ${mode}: an identity or a plain error within ${IDENTIFY_BOUND_MS / 1000} s, no control character`, async () => {
        const args = ['identify', ROGUE.ip, '--port', String(port), '--user', 'a', '--password-stdin'];
        if (mode === 'json') args.push('--json');
        const r = await runCli(args, {
          dataDir: dataDir(`identify-${port}`),
          input: 'a\n',
          timeoutMs: 40_000,
          measureMemory: true,
        });
        const what = `identify ${ROGUE.ip}:${port} (${shape})`;
        expectBounded(r, IDENTIFY_BOUND_MS, what);
        expect([0, 1], describeRun(r)).toContain(r.code);
        if (r.code === 1) expectPlainError(r, what);
        expectCleanOutput(r, what);
        if (mode === 'json') {
          const parsed = JSON.parse(r.stdout.toString('utf8'));
          expect(unsafeInJson(parsed), `${what}: unsafe characters in the decoded JSON`).toEqual([]);
          if (r.code === 0 && port === ROGUE_PORTS.onvifEscapes)
            expect(parsed.identity.manufacturer, 'the visible part of the maker survives').toMatch(/EvilCorp/);
        }
      }, 50_000);
    }
  }
});

describe('measuring the rogue’s ports (banners with escapes, 128 KB of <input<title on 8080)', () => {
  it('ports <rogue> finishes, prints no control character', async () => {
    const r = await runCli(['ports', ROGUE.ip], { dataDir: dataDir('ports'), timeoutMs: 90_000, measureMemory: true });
    const what = `ports ${ROGUE.ip} (telnet greeting and HTTP Server header with escapes, 128 KB tag soup on ${ROGUE_PORTS.banner}, tarpit on 80)`;
    expectBounded(r, 45_000, what);
    expect(r.code, describeRun(r)).toBe(0);
    expect(r.stdout.toString('utf8')).toMatch(new RegExp(`^${ROGUE_PORTS.banner}\\s`, 'm'));
    expectCleanOutput(r, what);
  }, 100_000);
});
