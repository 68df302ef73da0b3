import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NVR_NAME, SECRETS, fullRecord } from '../unit/shared/domain/checklist-fixture';

// The checklist as the user gets it: the built CLI (`nvr-assist checklist`) run with plain node on a whole recorded
// setup, its PDF read back with poppler (pdftotext, pdfinfo, pdftoppm) — no lab needed. Poppler is in the lab's
// package list (tests/lab/lib/prereq.mjs); the Japanese in the NVR's name needs a CJK font (fonts-droid-fallback).

const CLI = join(process.cwd(), 'bin', 'nvr-assist.js');
let dir = '';
let env: NodeJS.ProcessEnv = {};

function cli(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', timeout: 30_000 });
}

/** The bytes read as Latin-1, and as UTF-16 (both byte orders, both alignments): PDF strings may be UTF-16BE. */
function readings(buf: Buffer): string[] {
  const out = [buf.toString('latin1')];
  for (const skip of [0, 1]) {
    const even = Buffer.from(buf.subarray(skip, skip + ((buf.length - skip) & ~1)));
    out.push(even.toString('utf16le'), even.swap16().toString('utf16le'));
  }
  return out;
}

/** Every stream of a PDF inflated (pdfkit compresses with Flate), and the bytes outside streams as they are. */
function allBytes(pdf: Buffer): string {
  const parts: string[] = readings(pdf);
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    const from = pdf[start + 6] === 0x0d ? start + 8 : start + 7;
    const end = pdf.indexOf('endstream', from, 'latin1');
    if (end < 0) break;
    const body = pdf.subarray(from, end);
    try {
      const raw = inflateSync(body);
      parts.push(...readings(raw));
    } catch {
      // Not Flate (a font program can be stored raw): kept as it is in the whole file.
    }
    at = end + 9;
  }
  return parts.join('\n');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nvr-checklist-'));
  mkdirSync(join(dir, 'nvr-assist'), { recursive: true });
  writeFileSync(join(dir, 'nvr-assist', 'setup.json'), JSON.stringify(fullRecord()));
  env = { ...process.env, XDG_CONFIG_HOME: dir };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nvr-assist checklist (the PDF of a whole recorded setup)', () => {
  it('writes an A4 PDF whose real text has the NVR, its non-Latin name, every step and the to-dos', () => {
    const out = join(dir, 'a4.pdf');
    const r = cli(['checklist', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/written to .*a4\.pdf \(\d+ bytes\)/);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain(NVR_NAME);
    expect(text).toContain('Büro Überwachung');
    expect(text).toContain('監視');
    for (const words of [
      'DS-7608NI-K2',
      'V4.30.085 build 200916',
      '44:19:b6:00:00:01',
      '192.168.1.20 (static)',
      'https: 443 → 8443 (verified)',
      'shop-nvr.duckdns.org',
      '203.0.113.7',
      'Reachable from outside.',
      'Still to do',
      'A mapping to the NVR came back after deletion.',
    ])
      expect(text).toContain(words);
    expect(text).toMatch(/UPnP: needs attention/);
    // The Security step's score with its fixes worth most first, and the topology picture's words and sentences.
    expect(text).toMatch(/Security score\s+35 \/ 100 \(Security check of 2026-03-01T10:00:00\.000Z\)/);
    expect(text).toMatch(
      /1\. \+20 points: Telnet open on port 23 \(high\)[\s\S]*5\. \+5 points: Not known whether CVE-2021-36260/,
    );
    expect(text).toContain('8000/tcp (UPnP) → NVR: Hikvision DS-7608NI-K2 · high risk');
    const flat = text.replace(/\s+/g, ' ');
    for (const sentence of [
      'The internet sees your network as 203.0.113.7 (name shop-nvr.duckdns.org).',
      'the NVR Hikvision DS-7608NI-K2 at 192.168.1.20 (high risk);',
      'Port 8000/tcp from the internet to 192.168.1.20:8000, by a UPnP mapping a device opened (high risk).',
      '1 other device found on your network: nothing open from the internet leads to it.',
    ])
      expect(flat).toContain(sentence);
    // Every step of this version has its page: a step this record never ran is "not done yet", never hidden.
    expect(text).toMatch(/Verify: not done yet/);
    expect(text).not.toContain('not in this version');
  });

  it('writes US Letter with --letter', () => {
    const out = join(dir, 'letter.pdf');
    expect(cli(['checklist', '--out', out, '--letter']).status).toBe(0);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });

  it('holds none of the test secrets in any byte of the PDF, streams inflated, nor in the JSON', () => {
    const out = join(dir, 'secrets.pdf');
    expect(cli(['checklist', '--out', out]).status).toBe(0);
    const pdf = readFileSync(out);
    const bytes = allBytes(pdf);
    expect(bytes).toContain('BT'); // the inflated page content (text operators) is searched, not only the raw file
    const json = cli(['checklist', '--json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      format: 'nvr-assist.checklist',
      nvr: { name: NVR_NAME },
      security: { score: 35 },
      topology: { otherDevices: 1 },
    });
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    for (const secret of SECRETS) {
      expect(bytes).not.toContain(secret);
      expect(text).not.toContain(secret);
      expect(json.stdout).not.toContain(secret);
    }
  });

  it('draws page 1 as an image (pdftoppm) with the vector check boxes', () => {
    const out = join(dir, 'look.pdf');
    expect(cli(['checklist', '--out', out]).status).toBe(0);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', out, join(dir, 'page')]);
    const png = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(png).toBeDefined();
    expect(statSync(join(dir, png!)).size).toBeGreaterThan(5_000);
    if (process.env.CHECKLIST_PNG) writeFileSync(process.env.CHECKLIST_PNG, readFileSync(join(dir, png!)));
  });

  it('a path that cannot be written: a plain message, exit 1, and no file or temporary file left behind', () => {
    const missing = cli(['checklist', '--out', join(dir, 'no', 'such', 'folder', 'x.pdf')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(
      /^Error: The checklist could not be written to .*x\.pdf: The folder .* does not exist\.\n$/,
    );
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const denied = cli(['checklist', '--out', join(locked, 'x.pdf')]);
    chmodSync(locked, 0o700);
    // root writes through any folder's mode: the check applies to the users the app runs as.
    if (process.getuid?.() !== 0) {
      expect(denied.status).toBe(1);
      expect(denied.stderr).toMatch(/No permission to write in/);
      expect(readdirSync(locked)).toEqual([]);
    }
    mkdirSync(join(dir, 'afolder.pdf'));
    const isDir = cli(['checklist', '--out', join(dir, 'afolder.pdf')]);
    expect(isDir.status).toBe(1);
    expect(isDir.stderr).toMatch(/is a folder\./);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
