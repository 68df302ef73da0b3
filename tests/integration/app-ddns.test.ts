// The DDNS step as users run it: the BUILT CLI (`nvr-assist ddns update|check`, plain node) in the lab's client
// host, against the lab's DDNS provider (http://198.51.100.80: dyndns2 and DuckDNS) and its authoritative DNS
// (198.51.100.53, zone ddns.lab.example, TTL 60). What reaches the provider is counted by an nftables counter of
// our own in the client namespace (new TCP connections to 198.51.100.80:80), so "nothing sent" is measured, not
// taken from the app's word. The secret goes in through stdin only and is looked for in every output and in the
// setup record. The zone is put back as it was found (the lab's provider: an update, or DuckDNS's clear).
// Needs the lab up (profile home) and `npm run build`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DDNS_ACCOUNTS, DDNS_BLOCKED, DDNS_ZONE, httpGet, inNs, readLabState, WAN } from '../lab/lib/testkit.mjs';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'nvr-assist.js');
const ACCOUNT = DDNS_ACCOUNTS[0]!;
const HOST = `mynvr.${DDNS_ZONE}`;
const SERVER = `http://${WAN.ddns}`;
const TABLE = `nvrddns_${process.pid}`;

function cli(args: string[], input = '') {
  return inNs('client', 'env', [`NVR_ASSIST_DATA_DIR=${dataDir}`, process.execPath, CLI, ...args], {
    timeoutMs: 60_000,
    input,
  });
}

/** New TCP connections from the client to the provider, as our nftables counter has seen them. */
function sentToProvider(): number {
  const r = inNs('client', 'nft', ['-j', 'list', 'table', 'inet', TABLE]);
  expect(r.code, r.stderr).toBe(0);
  const items = (
    JSON.parse(r.stdout) as { nftables: Array<{ rule?: { expr: Array<{ counter?: { packets: number } }> } }> }
  ).nftables;
  return items.flatMap((i) => i.rule?.expr ?? []).find((e) => e.counter)?.counter?.packets ?? -1;
}

const zone = () => JSON.parse(httpGet('client', `${SERVER}/zone`).body) as { records: Record<string, string> };

const dyndns2 = (host: string, extra: string[] = []) => [
  'ddns',
  'update',
  '--provider',
  'dyndns2',
  '--server',
  SERVER,
  '--host',
  host,
  '--user',
  ACCOUNT.user,
  '--password-stdin',
  ...extra,
];

let dataDir = '';
let before: Record<string, string> = {};
let outputs = '';

beforeAll(() => {
  const st = readLabState();
  if (!st || st.phase !== 'up') throw new Error('the lab is not up: run `node tests/lab/lab.mjs up` first');
  if (st.profile !== 'home') throw new Error(`these tests need the home profile, the lab runs "${st.profile}"`);
  dataDir = mkdtempSync(join(tmpdir(), 'app-ddns-'));
  before = zone().records;
  // Another suite (lab-wan) may have left the name on the router's address: set it elsewhere first (the lab's own
  // provider, before the counter below exists), so the first update here is a real change. afterAll puts `before` back.
  if (before[HOST] === WAN.routerWan)
    httpGet(
      'client',
      `${SERVER}/update?domains=${HOST.slice(0, -DDNS_ZONE.length - 1)}&token=${ACCOUNT.token}&ip=198.18.3.7`,
    );
  const rules = [
    `add table inet ${TABLE}`,
    `add chain inet ${TABLE} out { type filter hook output priority 0; policy accept; }`,
    `add rule inet ${TABLE} out ip daddr ${WAN.ddns} tcp dport 80 tcp flags & (syn|ack) == syn counter`,
  ];
  for (const rule of rules) {
    const r = inNs('client', 'nft', rule.split(' '));
    expect(r.code, r.stderr).toBe(0);
  }
}, 30_000);

afterAll(() => {
  try {
    // The zone as found: each host we touched back to its address, or cleared when it had none.
    for (const h of [HOST, `shop.${DDNS_ZONE}`]) {
      const was = before[h];
      const label = h.slice(0, -DDNS_ZONE.length - 1);
      const q = was ? `ip=${was}` : 'clear=true';
      httpGet('client', `${SERVER}/update?domains=${label}&token=${ACCOUNT.token}&${q}`);
    }
    expect(zone().records).toEqual(before);
  } finally {
    inNs('client', 'nft', ['delete', 'table', 'inet', TABLE]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 30_000);

function run(args: string[], input = '') {
  const r = cli(args, input);
  outputs += r.stdout + r.stderr;
  return r;
}

describe('nvr-assist ddns in the lab', () => {
  it('dyndns2: the name is updated to the router’s public address with the password from stdin', () => {
    const n = sentToProvider();
    const r = run([...dyndns2(HOST), '--json'], `${ACCOUNT.password}\n`);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ sent: true, ip: WAN.routerWan, answer: { outcome: 'updated', code: 'good' } });
    expect(sentToProvider() - n).toBe(1);
    expect(zone().records[HOST]).toBe(WAN.routerWan);
  });

  it('check: the zone’s own server (found by NS) has the public address with TTL 60, and so has the resolver', () => {
    const r = run(['ddns', 'check', '--host', HOST, '--json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c).toMatchObject({ verdict: 'ok', expected: WAN.routerWan, zone: DDNS_ZONE });
    expect(c.authoritative).toMatchObject({
      server: WAN.dns,
      rcode: 'NOERROR',
      addresses: [{ address: WAN.routerWan, ttl: 60 }],
    });
    expect(c.system.addresses.map((a: { address: string }) => a.address)).toEqual([WAN.routerWan]);
    const text = run(['ddns', 'check', '--host', HOST]);
    expect(text.stdout).toContain('TTL 60 s');
  });

  it('a second update of the same address: "unchanged" and no request reaches the provider', () => {
    const n = sentToProvider();
    const r = run([...dyndns2(HOST), '--json'], `${ACCOUNT.password}\n`);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ sent: false, requests: [], answer: { outcome: 'unchanged' } });
    expect(sentToProvider() - n).toBe(0);
  });

  it('a wrong password: badauth, said as a refused login, exit 1, the record unchanged', () => {
    const n = sentToProvider();
    const r = run([...dyndns2(`shop.${DDNS_ZONE}`), '--json'], 'not-the-password\n');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      sent: true,
      answer: { outcome: 'auth', code: 'badauth', stop: true },
    });
    expect(sentToProvider() - n).toBe(1);
    expect(zone().records[`shop.${DDNS_ZONE}`]).toBe(before[`shop.${DDNS_ZONE}`]);
  });

  it('a blocked host: abuse, one request and no retry — the next update is not sent', () => {
    const blocked = DDNS_BLOCKED[0]!;
    const n = sentToProvider();
    const r = run([...dyndns2(blocked), '--json'], `${ACCOUNT.password}\n`);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      answer: { outcome: 'blocked', code: 'abuse', stop: true, mayRetry: false },
    });
    expect(sentToProvider() - n).toBe(1);
    const again = run(dyndns2(blocked), `${ACCOUNT.password}\n`);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/Nothing was sent/);
    expect(again.stdout).toMatch(/--force/);
    expect(sentToProvider() - n).toBe(1);
  });

  it('a secret on the command line is refused in plain words before anything is sent', () => {
    const n = sentToProvider();
    const token = run(['ddns', 'update', '--provider', 'duckdns', '--host', HOST, '--token', 'lab-x']);
    expect(token.code).toBe(2);
    expect(token.stderr).toMatch(/never given on the command line: pipe it in with --token-stdin/);
    const password = run(['ddns', 'update', '--provider', 'dyndns2', '--host', HOST, '--user', 'u', '--password', 'p']);
    expect(password.code).toBe(2);
    expect(password.stderr).toMatch(/never given on the command line/);
    expect(sentToProvider() - n).toBe(0);
  });

  it('DuckDNS with the token from stdin: set to another address; check then calls the name stale, with why', () => {
    const other = '203.0.113.99';
    const n = sentToProvider();
    const r = run(
      [
        'ddns',
        'update',
        '--provider',
        'duckdns',
        '--server',
        SERVER,
        '--host',
        HOST,
        '--token-stdin',
        '--ip',
        other,
        '--json',
      ],
      `${ACCOUNT.token}\n`,
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ sent: true, answer: { outcome: 'updated', code: 'OK UPDATED', address: other } });
    expect(out.requests[0]).toContain('token=***');
    expect(sentToProvider() - n).toBe(1);
    expect(zone().records[HOST]).toBe(other);
    const c = run(['ddns', 'check', '--host', HOST, '--json']);
    expect(c.code).toBe(1);
    const check = JSON.parse(c.stdout);
    expect(check).toMatchObject({ verdict: 'stale', expected: WAN.routerWan });
    expect(check.authoritative.addresses).toEqual([{ address: other, ttl: 60 }]);
    expect(check.words).toContain(`points to ${other}`);
    expect(check.words).toContain(`not to the public address ${WAN.routerWan}`);
  });

  it('a name that does not exist: NXDOMAIN at the zone’s server given with --dns-server', () => {
    const r = run(['ddns', 'check', '--host', `nothere.${DDNS_ZONE}`, '--dns-server', WAN.dns, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      verdict: 'nxdomain',
      authoritative: { server: WAN.dns, rcode: 'NXDOMAIN' },
    });
  });

  it('the password and the token are in no output and not in the setup record', () => {
    const record = readFileSync(join(dataDir, 'setup.json'), 'utf8');
    for (const secret of [ACCOUNT.password, ACCOUNT.token, 'not-the-password']) {
      expect(outputs).not.toContain(secret);
      expect(record).not.toContain(secret);
    }
    expect(JSON.parse(record).ddns.hosts.length).toBeGreaterThan(0);
  });
});
