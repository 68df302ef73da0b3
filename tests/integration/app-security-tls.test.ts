// The Security step's HTTPS certificate facts as users get them: the BUILT CLI (plain node) in the lab's client host
// against the shared lab's Hikvision simulator, which serves a self-signed certificate on 443 (tests/lab/sim/web.mjs).
// The user chooses the NVR with its own login, runs Ports, then `nvr-assist security --json`: the report row must
// keep the certificate as openssl (a reader nobody here wrote) sees it — dates, key, signature — and the Security
// findings must say "self-signed" with what to do, and nothing false (no weak key, no expiry, no name mismatch for
// the address typed). Read-only for the simulator. Needs the lab up (profile home) and `npm run build`.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { portReportSchema, type PortReport } from '../../src/shared/domain/ports';
import { securityResultSchema, type SecurityResult } from '../../src/shared/domain/security';
import { inNs, readLabState, SIMULATORS } from '../lab/lib/testkit.mjs';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'nvr-assist.js');
const ADMIN = { user: 'admin', password: 'Lab-Admin-2024' }; // tests/lab/topology.mjs SIM_USERS
const HIK = SIMULATORS.find((s) => s.host === 'hik')!;
const dataDir = mkdtempSync(join(tmpdir(), 'app-security-tls-'));

function cli(args: string[], input?: string) {
  return inNs('client', 'env', [`NVR_ASSIST_DATA_DIR=${dataDir}`, process.execPath, CLI, ...args], {
    timeoutMs: 90_000,
    input,
  });
}

/** What openssl reads from the certificate the simulator serves on 443, from the client host. */
function opensslSees(ip: string): string {
  const got = inNs('client', 'openssl', ['s_client', '-connect', `${ip}:443`, '-showcerts'], {
    input: '',
    timeoutMs: 15_000,
  });
  const pem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(got.stdout)?.[0];
  if (!pem) throw new Error(`openssl s_client saw no certificate: ${got.stderr}`);
  const text = inNs('client', 'openssl', ['x509', '-noout', '-text', '-enddate', '-startdate'], { input: pem });
  if (text.code !== 0) throw new Error(text.stderr);
  return text.stdout;
}

let report: PortReport;
let security: SecurityResult;
let openssl: string;

beforeAll(() => {
  const state = readLabState();
  if (!state || state.phase !== 'up' || state.profile !== 'home')
    throw new Error('The lab is not up with profile home: run `npm run lab -- up` first.');
  if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) throw new Error('Build first: npm run build');
  const added = cli(['add', HIK.ip, '--json']);
  expect(added.code, added.stderr).toBe(0);
  const id = (JSON.parse(added.stdout) as { device: { id: string } }).device.id;
  const login = cli(['identify', id, '--user', ADMIN.user, '--password-stdin', '--json'], `${ADMIN.password}\n`);
  expect(login.code, login.stderr).toBe(0);
  const ports = cli(['ports', HIK.ip, '--json']);
  expect(ports.code, ports.stderr).toBe(0);
  report = portReportSchema.parse(JSON.parse(ports.stdout));
  const sec = cli(['security', '--json']);
  // Exit 3 is "a high finding is open"; 0 otherwise; both carry the result.
  expect([0, 3], sec.stderr).toContain(sec.code);
  security = securityResultSchema.parse(JSON.parse(sec.stdout));
  openssl = opensslSees(HIK.ip);
}, 240_000);

describe('the HTTPS certificate of the lab’s Hikvision simulator', () => {
  it('the Ports report keeps the certificate openssl sees: self-signed, its dates, EC 256-bit key, ECDSA-SHA256', () => {
    const row = report.rows.find((r) => r.port === 443)!;
    expect(row.state).toBe('open');
    const tls = row.tls!;
    expect(tls).toBeDefined();
    expect(tls.selfSigned).toBe(true);
    expect(tls.trusted).toBe(false);
    expect(tls.subject).toBe(`CN=${HIK.ip}`);
    expect(tls.names).toContain(HIK.ip);
    const notAfter = /notAfter=(.+)/.exec(openssl)![1]!;
    const notBefore = /notBefore=(.+)/.exec(openssl)![1]!;
    expect(tls.validTo).toBe(new Date(notAfter).toISOString());
    expect(tls.validFrom).toBe(new Date(notBefore).toISOString());
    expect(openssl).toMatch(/Public-Key: \(256 bit\)/);
    expect(tls.keyType).toBe('EC');
    expect(tls.keyBits).toBe(256);
    expect(openssl).toMatch(/Signature Algorithm: ecdsa-with-SHA256/);
    expect(tls.signatureAlgorithm).toBe('ecdsa-with-SHA256');
  });

  it('the Security findings say it is self-signed, with the certificate page and the reverse proxy as what to do', () => {
    const f = security.findings.find((x) => x.id === 'tls-self-signed');
    expect(f, JSON.stringify(security.findings.map((x) => x.id))).toBeDefined();
    expect(f!.title).toBe('HTTPS certificate is self-signed (port 443)');
    expect(f!.text).toMatch(/warns every time/);
    expect(f!.fix).toMatch(/certificate request/);
    expect(f!.fix).toMatch(/reverse proxy/);
    expect(f!.evidence.join('\n')).toContain(`port 443: CN=${HIK.ip} issued by CN=${HIK.ip}`);
  });

  it('says nothing false about it: its key, signature, dates and the address typed are fine', () => {
    const tlsIds = security.findings.map((x) => x.id).filter((id) => id.startsWith('tls-'));
    expect(tlsIds).toEqual(['tls-self-signed']);
  });

  it('the setup record keeps the certificate for the page and the checklist', () => {
    const setup = JSON.parse(readFileSync(join(dataDir, 'setup.json'), 'utf8'));
    const rows = setup.ports[setup.nvr.deviceId].report.rows as { port: number; tls?: { selfSigned: boolean } }[];
    expect(rows.find((r) => r.port === 443)?.tls?.selfSigned).toBe(true);
  });
});
