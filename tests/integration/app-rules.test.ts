// The Router rules step as users run it: the BUILT CLI plans the fewest forward rules for hik from its measured
// ports (`nvr-assist rules`), writes them for nftables (`rules --router nftables`), and the lab applies exactly that
// text to its router (nft -f in the router's namespace). Then, from the internet side, every TCP port of the
// router's WAN address is tried from an allowed and from a refused source: the rules open exactly the planned
// ports, to exactly the allowed source (the ports the devices mapped through UPnP are open to both, before and after:
// they are not ours). The rules are removed in a `finally`. Needs the lab up (profile home) and `npm run build`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardPlanSchema } from '../../src/shared/domain/forward-plan';
import { inNs, readLabState, SIMULATORS, WAN } from '../lab/lib/testkit.mjs';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'nvr-assist.js');
const hik = SIMULATORS.find((s) => s.host === 'hik')!;
const ALLOWED = WAN.checker; // 198.51.100.10, an address of the lab's internet host
const REFUSED = WAN.host; // 203.0.113.1, another

function cli(args: string[]) {
  return inNs('client', 'env', [`NVR_ASSIST_DATA_DIR=${dataDir}`, process.execPath, CLI, ...args], {
    timeoutMs: 60_000,
  });
}

/**
 * The TCP ports of the router's WAN address that accept a connection from `source` (in the internet namespace):
 * all 65 535, 512 at a time, each bounded to 1.5 s.
 */
function openFrom(source: string): number[] {
  const script = `
    const net = require('node:net');
    const open = [];
    let next = 1, running = 0;
    const start = () => {
      while (running < 512 && next <= 65535) {
        const port = next++;
        running++;
        const s = net.connect({ host: ${JSON.stringify(WAN.routerWan)}, port, localAddress: ${JSON.stringify(source)} });
        const t = setTimeout(() => s.destroy(), 1500);
        s.once('connect', () => open.push(port));
        s.once('close', () => { clearTimeout(t); running--; if (next > 65535 && running === 0) console.log(JSON.stringify(open.sort((a, b) => a - b))); else start(); });
        s.once('error', () => {});
      }
    };
    start();`;
  const r = inNs('wan', process.execPath, ['-e', script], { timeoutMs: 120_000 });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as number[];
}

function nftRouter(args: string[], input?: string) {
  return inNs('router', 'nft', args, { timeoutMs: 20_000, ...(input !== undefined ? { input } : {}) });
}

/** Removes what the generated commands added: our table, and our accepts in the lab's forward chain. */
function removeRules(): void {
  nftRouter(['delete', 'table', 'inet', 'nvr_assist']);
  const listed = nftRouter(['-a', 'list', 'chain', 'inet', 'filter', 'forward']).stdout;
  for (const m of listed.matchAll(/comment "nvr-assist[^"]*" # handle (\d+)/g))
    nftRouter(['delete', 'rule', 'inet', 'filter', 'forward', 'handle', m[1]!]);
}

let dataDir = '';

beforeAll(() => {
  const st = readLabState();
  if (!st || st.phase !== 'up') throw new Error('the lab is not up: run `node tests/lab/lab.mjs up` first');
  if (st.profile !== 'home') throw new Error(`these tests need the home profile, the lab runs "${st.profile}"`);
  dataDir = mkdtempSync(join(tmpdir(), 'app-rules-'));
  // The search, hik chosen by its address (its id depends on what the search learned first), its ports measured.
  const found = cli(['discover', '--json']);
  expect(found.code, found.stderr).toBe(0);
  const devices = (JSON.parse(found.stdout) as { devices: Array<{ id: string; addresses: string[] }> }).devices;
  const id = devices.find((d) => d.addresses.includes(hik.ip))?.id;
  expect(id, 'the search finds hik').toBeDefined();
  for (const args of [
    ['choose', id!],
    ['ports', hik.ip],
  ]) {
    const r = cli(args);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
}, 200_000);

afterAll(() => removeRules());

describe('nvr-assist rules: the plan', () => {
  it('forwards HTTPS on 10443 and the SDK port on its own number, never plain HTTP or RTSP, and says why', () => {
    const r = cli(['rules', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const plan = forwardPlanSchema.parse(JSON.parse(r.stdout));
    expect(plan.address).toBe(hik.ip);
    expect(plan.rules.map((x) => [x.role, x.externalPort, x.internalPort])).toEqual([
      ['https', 10443, 443],
      ['sdk', 8000, 8000],
    ]);
    expect(plan.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['any-source', 'external-differs', 'risky-port', 'address-not-kept']),
    );
    // hik's SDK port is one the Ports step calls high-risk: the note says so, with its reason.
    expect(plan.notes.find((n) => n.code === 'risky-port' && n.text.startsWith('NVR App/SDK port'))?.text).toMatch(
      /scanners know/,
    );
  });

  it('adds RTSP only when asked, with its warning; refuses a private address as an allowed source', () => {
    const video = forwardPlanSchema.parse(JSON.parse(cli(['rules', '--video', '--json']).stdout));
    expect(video.rules.map((x) => x.externalPort)).toEqual([10443, 8000, 10554]);
    expect(video.notes.map((n) => n.code)).toContain('plain-video');
    const bad = cli(['rules', '--allow', '192.168.1.0/24']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('192.168.1.0/24 is a private address');
  });
});

describe('nvr-assist rules --router nftables, applied to the lab router', () => {
  it('opens exactly the planned ports, to exactly the allowed source', () => {
    const before = { allowed: openFrom(ALLOWED), refused: openFrom(REFUSED) };
    // What the devices mapped through UPnP is open to every source; it is not ours to judge here.
    expect(before.allowed).toEqual(before.refused);
    expect(before.allowed).not.toContain(10443);

    const plan = cli(['rules', '--no-video', '--allow', ALLOWED, '--json']);
    expect(plan.code, plan.stderr).toBe(0);
    const commands = cli(['rules', '--router', 'nftables', '--wan', 'wan0', '--forward-chain', 'inet filter forward']);
    expect(commands.code, commands.stderr).toBe(0);
    // The text as printed: the file (up to the first blank line) for `nft -f`, then the lines for the shell.
    const [file, rest = ''] = commands.stdout.split('\n\n');
    expect(file).toContain(`set nvr_allowed { type ipv4_addr; flags interval; auto-merge; elements = { ${ALLOWED} } }`);
    try {
      const loaded = nftRouter(['-f', '-'], `${file}\n`);
      expect(loaded.code, loaded.stderr).toBe(0);
      for (const line of rest.split('\n').filter((l) => l.startsWith('nft '))) {
        const r = inNs('router', 'sh', ['-c', line]);
        expect(r.code, `${line}: ${r.stderr}`).toBe(0);
      }
      const after = { allowed: openFrom(ALLOWED), refused: openFrom(REFUSED) };
      expect(after.refused).toEqual(before.refused);
      expect(after.allowed).toEqual([...new Set([...before.allowed, 10443, 8000])].sort((a, b) => a - b));
      // 10443 reaches hik's HTTPS web page (its certificate), from the allowed source only.
      const page = inNs('wan', 'curl', [
        '-sk',
        '--max-time',
        '5',
        '--interface',
        ALLOWED,
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        `https://${WAN.routerWan}:10443/`,
      ]);
      expect(page.stdout).toMatch(/^[1-5]\d\d$/);
    } finally {
      removeRules();
    }
    expect(openFrom(ALLOWED)).toEqual(before.allowed);
  }, 300_000);
});
