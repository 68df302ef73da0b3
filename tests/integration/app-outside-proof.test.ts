// The proof from outside as users run it: the BUILT CLI (`nvr-assist public --prove --json`) in the lab's client host
// asks the lab's echoip checker (http://198.51.100.10, `GET /port/N`: a TCP connect back to 203.0.113.2 within 2 s)
// about every rule planned for hik and every port that must not be reachable, then connects from inside to the
// public address (hairpin). (a) Before any rule: 10443 is refused by the router itself (no rule), hik's 8000 is
// reachable through hik's own UPnP mapping — "a UPnP mapping, not your rule" — and whatever other UPnP mappings open
// among 21/22/23/80/443/554 is found exposed with that mapping named. (b) The generated nftables rules loaded on the
// router (as app-rules does): first the table alone, whose forward the lab's drop policy stops — 10443 filtered,
// the router's firewall — then with its accepts in the lab's forward chain: every planned port reachable. (c) A
// deliberate forward of hik's HTTPS admin page on its own number 443 (a port the plan keeps shut: it uses 10443) is
// found exposed, "a rule not in the plan". Everything added on the router is removed in a `finally` (and in
// afterAll); the lab devices' lock is held throughout. Needs the lab up (profile home) and `npm run build`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outsideProofSchema, type OutsideProof } from '../../src/shared/domain/outside-proof';
import { releaseLabDevices, takeLabDevices } from '../support/lab-devices-lock';
import { inNs, readLabState, SIMULATORS, WAN } from '../lab/lib/testkit.mjs';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'nvr-assist.js');
const ME = `app-outside-proof:${process.pid}`;
const hik = SIMULATORS.find((s) => s.host === 'hik')!;
const CHECKER = `http://${WAN.checker}`;
const EXTRA_TABLE = 'nvr_proof_extra';
const EXTRA_COMMENT = 'nvr-proof-extra';

let dataDir = '';
let locked = false;

function cli(args: string[]) {
  return inNs('client', 'env', [`NVR_ASSIST_DATA_DIR=${dataDir}`, process.execPath, CLI, ...args], {
    timeoutMs: 90_000,
  });
}

function prove(): { code: number; proof: OutsideProof; ms: number } {
  const started = Date.now();
  const r = cli(['public', '--prove', '--checker', CHECKER, '--json']);
  expect(r.stdout, r.stderr).not.toBe('');
  return { code: r.code, proof: outsideProofSchema.parse(JSON.parse(r.stdout)), ms: Date.now() - started };
}

const row = (p: OutsideProof, port: number) => p.rows.find((r) => r.port === port)!;

function nftRouter(args: string[], input?: string) {
  return inNs('router', 'nft', args, { timeoutMs: 20_000, ...(input !== undefined ? { input } : {}) });
}

/** Removes the generated rules (table inet nvr_assist, our accepts in the lab's forward chain) and the extra forward. */
function removeRules(): void {
  nftRouter(['delete', 'table', 'inet', 'nvr_assist']);
  nftRouter(['delete', 'table', 'inet', EXTRA_TABLE]);
  const listed = nftRouter(['-a', 'list', 'chain', 'inet', 'filter', 'forward']).stdout;
  for (const m of listed.matchAll(/comment "(?:nvr-assist|nvr-proof-extra)[^"]*" # handle (\d+)/g))
    nftRouter(['delete', 'rule', 'inet', 'filter', 'forward', 'handle', m[1]!]);
}

/** The UPnP mappings the app's last audit read from the router (TCP external port → internal client). */
function auditedMappings(): Map<number, string> {
  const record = JSON.parse(cli(['setup', '--json']).stdout).setup;
  const list = (record.upnp.audit?.mappings ?? []) as Array<{
    protocol: string;
    externalPort: number;
    internalClient: string;
  }>;
  return new Map(list.filter((m) => m.protocol === 'TCP').map((m) => [m.externalPort, m.internalClient]));
}

beforeAll(async () => {
  const st = readLabState();
  if (!st || st.phase !== 'up') throw new Error('the lab is not up: run `node tests/lab/lab.mjs up` first');
  if (st.profile !== 'home') throw new Error(`these tests need the home profile, the lab runs "${st.profile}"`);
  await takeLabDevices(ME, 'the lab devices (hik, the router’s forwards)');
  locked = true;
  dataDir = mkdtempSync(join(tmpdir(), 'app-outside-proof-'));
  // hik found, chosen by its address and measured (as app-rules does); the public address and the UPnP audit on record.
  const found = cli(['discover', '--json']);
  expect(found.code, found.stderr).toBe(0);
  const devices = (JSON.parse(found.stdout) as { devices: Array<{ id: string; addresses: string[] }> }).devices;
  const id = devices.find((d) => d.addresses.includes(hik.ip))?.id;
  expect(id, 'the search finds hik').toBeDefined();
  for (const args of [
    ['choose', id!],
    ['ports', hik.ip],
    ['public', '--stun', `${WAN.stun}:3478`, '--checker', CHECKER],
    ['upnp'],
    ['rules'],
  ]) {
    const r = cli(args);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
}, 240_000);

afterAll(() => {
  try {
    removeRules();
  } finally {
    if (locked) releaseLabDevices(ME);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});

describe('nvr-assist public --prove, profile home', () => {
  it('(a) before any rule: 10443 refused — no rule yet; 8000 reachable through hik’s UPnP mapping, not the rule; exit 3', () => {
    const mapped = auditedMappings();
    // The lab's hik maps its SDK port 8000 through UPnP as it starts (tests/lab/README.md).
    expect(mapped.get(8000)).toBe(hik.ip);
    const { code, proof, ms } = prove();
    expect(code).toBe(3);
    expect(proof.testedAddress).toBe(WAN.routerWan);
    expect(proof.target).toBe(WAN.routerWan);
    // Kept in the record (the Internet step's slice) as printed, with the checker used.
    const record = JSON.parse(cli(['setup', '--json']).stdout).setup;
    expect(record.internet.proof).toEqual(proof);
    expect(record.internet.checker).toBe(CHECKER);
    // The rule not entered yet: the Router rules step says which rule is not reachable.
    expect(record.steps.rules).toMatchObject({ status: 'attention' });
    expect(record.steps.rules.reason).toMatch(/^Not reachable from outside: port 10443\. /);
    expect(row(proof, 10443)).toMatchObject({ kind: 'planned', state: 'closed', ok: false, cause: 'no-rule' });
    // The troubleshooting tree: before blaming the router, the app connected to hik's 443 from inside — it answers.
    expect(row(proof, 10443).path).toContainEqual({
      question: `Does the NVR answer on ${hik.ip}:443 from inside?`,
      answer: 'Yes: it answers.',
      from: 'a connect from this computer just now',
    });
    expect(row(proof, 10443).path?.at(-1)?.answer).toBe('It refused the connection at once.');
    expect(row(proof, 8000)).toMatchObject({ kind: 'planned', state: 'reachable', ok: true, cause: 'upnp-mapping' });
    expect(row(proof, 8000).text).toContain('a UPnP mapping, not your rule');
    // Every port that must not be reachable: exposed exactly when a UPnP mapping the audit lists opens it, and then
    // that mapping is named; the others are not reachable (the router itself refuses: it has no input filter).
    const forbidden = proof.rows.filter((r) => r.kind === 'forbidden');
    expect(forbidden.map((r) => r.port)).toEqual([21, 22, 23, 80, 443, 554]);
    for (const r of forbidden) {
      const by = mapped.get(r.port);
      if (by) {
        expect(r, `port ${r.port}`).toMatchObject({ verdict: 'exposed', ok: false, cause: 'upnp-mapping' });
        expect(r.text).toContain(`to ${by}:`);
      } else expect(r, `port ${r.port}`).toMatchObject({ verdict: 'not exposed', ok: true, state: 'closed' });
    }
    expect(proof.verdict.code).toBe('failed');
    // The lab's router has no NAT loopback: from inside, its public address refuses both planned ports.
    expect(proof.hairpin).toMatchObject({
      address: WAN.routerWan,
      rows: [
        { port: 10443, result: 'refused' },
        { port: 8000, result: 'refused' },
      ],
      loopsBack: 'no',
    });
    expect(proof.hairpin!.text).toMatch(/on mobile data the app reaches the NVR/);
    // Bounded: 8 ports, three at a time, each ≤ 5 s; here every answer is a fast refusal or a connect.
    expect(ms).toBeLessThan(30_000);
  }, 120_000);

  it('(b) the generated nftables rules on the router: their table alone, 10443 filtered by the router’s firewall; with their accepts, every planned port reachable; (c) a forward of hik’s 443 outside the plan: exposed', () => {
    const plan = cli(['rules', '--no-video', '--allow', WAN.checker, '--json']);
    expect(plan.code, plan.stderr).toBe(0);
    const commands = cli(['rules', '--router', 'nftables', '--wan', 'wan0', '--forward-chain', 'inet filter forward']);
    expect(commands.code, commands.stderr).toBe(0);
    const [file, rest = ''] = commands.stdout.split('\n\n');
    try {
      const loaded = nftRouter(['-f', '-'], `${file}\n`);
      expect(loaded.code, loaded.stderr).toBe(0);
      // The table alone, before its accepts in the lab's forward chain (policy drop): 10443 is forwarded and then
      // dropped — no answer until the checker's 2 s time-out: filtered, the router's firewall.
      const dropped = prove().proof;
      expect(row(dropped, 10443)).toMatchObject({ state: 'filtered', ok: false, cause: 'firewall' });
      // The tree's last questions: dropped, and no loopback from inside to tell the rule works (the lab has none).
      expect(
        row(dropped, 10443)
          .path?.slice(-2)
          .map((q) => q.answer),
      ).toEqual([
        'It did not answer at all (the connection was dropped).',
        'No (refused): many routers do not loop back, so this says little.',
      ]);
      expect(row(dropped, 10443).evidence).toMatch(/not reachable after (19\d\d|[2-9]\d\d\d) ms/);
      for (const line of rest.split('\n').filter((l) => l.startsWith('nft '))) {
        const r = inNs('router', 'sh', ['-c', line]);
        expect(r.code, `${line}: ${r.stderr}`).toBe(0);
      }
      const after = prove().proof;
      // The rule lets in only the checker's address (198.51.100.10): the checker is allowed, and it gets through.
      expect(row(after, 10443)).toMatchObject({ state: 'reachable', ok: true, verdict: 'reachable', cause: null });
      expect(row(after, 8000)).toMatchObject({ state: 'reachable', ok: true });
      expect(after.rows.filter((r) => r.kind === 'planned' && r.ok !== true)).toEqual([]);
      // Proven: the Router rules step turns verified.
      expect(JSON.parse(cli(['setup', '--json']).stdout).setup.steps.rules).toMatchObject({ status: 'verified' });
      expect(row(after, 443)).toMatchObject({ verdict: 'not exposed', ok: true });
      // Still no loopback: the rules take only what comes in on wan0.
      expect(after.hairpin?.loopsBack).toBe('no');

      // (c) hik's HTTPS admin page forwarded on its own number, 443, by a rule the plan does not have.
      const extra = [
        `table inet ${EXTRA_TABLE} {`,
        '  chain prerouting {',
        '    type nat hook prerouting priority dstnat; policy accept;',
        `    iifname "wan0" tcp dport 443 dnat ip to ${hik.ip}:443`,
        '  }',
        '}',
        '',
      ].join('\n');
      const added = nftRouter(['-f', '-'], extra);
      expect(added.code, added.stderr).toBe(0);
      const accept = inNs('router', 'nft', [
        'add',
        'rule',
        'inet',
        'filter',
        'forward',
        'iifname',
        'wan0',
        'ip',
        'daddr',
        hik.ip,
        'tcp',
        'dport',
        '443',
        'ct',
        'status',
        'dnat',
        'accept',
        'comment',
        `"${EXTRA_COMMENT}"`,
      ]);
      expect(accept.code, accept.stderr).toBe(0);
      const { code, proof: exposed } = prove();
      expect(code).toBe(3);
      expect(row(exposed, 443)).toMatchObject({
        kind: 'forbidden',
        state: 'reachable',
        ok: false,
        verdict: 'exposed',
        cause: 'extra-rule',
      });
      expect(row(exposed, 443).text).toMatch(/A forward rule or DMZ on the router that is not in the plan/);
      expect(exposed.verdict.code).toBe('failed');
      expect(exposed.verdict.title).toMatch(/port\(s\) exposed that must not be/);
    } finally {
      removeRules();
    }
    // Left as found: the planned port is refused by the router again, 443 is shut.
    const back = prove().proof;
    expect(row(back, 10443).cause).toBe('no-rule');
    expect(row(back, 443).ok).toBe(true);
  }, 240_000);

  it('(d) `vpn check --prove`: the checker is asked now — the UPnP-mapped ports found open count against the VPN, exit 3 — and that proof is kept as the Internet step’s', () => {
    const mapped = auditedMappings();
    const planned = cli(['vpn', 'plan', '--server', 'linux', '--server-address', '192.168.50.10']);
    expect(planned.code, planned.stderr).toBe(0);
    const started = Date.now() - 1000;
    // The handshake goes to this namespace's own loopback (nothing answers there): only the exposure is looked at.
    const r = cli(['vpn', 'check', '--prove', '--to', '127.0.0.1', '--json']);
    expect(r.code, r.stderr).toBe(3);
    const c = JSON.parse(r.stdout) as {
      exposure: { measuredAt: string; reachable: Array<{ port: number }>; ok: boolean };
    };
    expect(Date.parse(c.exposure.measuredAt)).toBeGreaterThanOrEqual(started);
    const record = JSON.parse(cli(['setup', '--json']).stdout).setup;
    // The ports that must not be reachable and the saved plan's rules are asked; open from outside are exactly those a
    // UPnP mapping of hik's opens (the router has no other forward now) — with the VPN, each one counts against it.
    const asked = (record.internet.proof.rows as Array<{ port: number; kind: string }>).map((x) => x.port);
    expect(asked).toEqual(expect.arrayContaining([21, 22, 23, 80, 554]));
    const expected = asked.filter((p) => mapped.has(p));
    expect(expected.length).toBeGreaterThan(0);
    expect(c.exposure.reachable.map((x) => x.port)).toEqual(expected);
    expect(c.exposure.ok).toBe(false);
    expect(record.internet.proof.measuredAt).toBe(c.exposure.measuredAt);
    expect(asked).toEqual(expect.arrayContaining([10443, 8000]));
  }, 120_000);
});
