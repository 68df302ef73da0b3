// The progress lines of Ports' audit and change and of Verify's run on the terminal, from the real services through
// the real job runner: in the pseudo locale (en-XA) main's words by key, never its English, the values as they came;
// in English the lines exactly as main always wrote them. The pages' tests of the same lines (the Ports store, the
// Verify page) cannot load main's files: they read tests/fixtures/progress/steps.json, held here to what the services
// send now (NVR_WRITE_FIXTURES=1 writes it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressLines } from '../../../src/main/cli/progress-line';
import { createVerifyService } from '../../../src/main/services/verify/verify-service';
import { emptySetupRecord } from '../../../src/shared/domain/setup';
import { createTranslator, localeFromEnv } from '../../../src/shared/i18n';
import { progressOf, type ProgressPayload } from '../../support/job-progress';
import { LOGIN, device, fakeRecorder } from '../../support/fake-nvr-ports';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'progress', 'steps.json');
const xa = createTranslator('en-XA');
const inPseudo = progressLines(localeFromEnv({ LANG: 'en_XA.UTF-8' }), () => xa);
const inEnglish = progressLines(localeFromEnv({ LANG: 'en_GB.UTF-8' }), () => createTranslator('en'));
const count = (p: ProgressPayload) => (p.total ? `${p.done}/${p.total}` : String(p.done));

/** Each line in en-XA: said by key, none of main's English words, its numbers kept. */
function expectPseudo(lines: ProgressPayload[], english: readonly RegExp[]) {
  expect(lines.length).toBeGreaterThan(0);
  for (const p of lines) {
    expect(p.said, p.message).toBeDefined();
    const shown = inPseudo(p);
    expect(shown.startsWith(`  ${count(p)} `)).toBe(true);
    expect(shown).not.toContain(p.message);
    for (const words of english) expect(shown).not.toMatch(words);
    for (const value of p.message.match(/\d+/g) ?? []) expect(shown).toContain(value);
    expect(inEnglish(p)).toBe(`  ${count(p)} ${p.message}\n`);
  }
}

/** The fake recorder's audit (the page's job id AUDIT_JOB of tests/unit/renderer/fake-ports.ts). */
const portsAudit = () =>
  progressOf('ports-audit', 'job-ports-audit1', async ({ signal, progress }) => {
    await fakeRecorder().service.audit(device(), { credentials: LOGIN, signal, progress });
  });

/** Two ports moved one at a time; the recorder refuses the second (APPLY_JOB). */
const portsEach = () =>
  progressOf('ports-apply', 'job-ports-apply1', async ({ signal, progress }) => {
    const changes = [
      { role: 'http', to: 18080 },
      { role: 'rtsp', to: 10554 },
    ] as const;
    await fakeRecorder({ onSet: 'refuse-rtsp' }).service.apply(device(), changes, {
      credentials: LOGIN,
      signal,
      progress,
      oneAtATime: true,
    });
  });

/** A verification of a fresh record: only the run's own lines (VERIFY_JOB of tests/unit/renderer/steps/verify). */
function verifyRun() {
  const never = () => Promise.reject(new Error('nothing is measured for a fresh record'));
  const service = createVerifyService({
    now: () => new Date('2026-12-06T12:00:00Z'),
    measureNvr: never,
    auditUpnp: never,
    checkPublic: never,
    checkDdns: never,
    prove: never,
  });
  return progressOf('verify-run', 'job-verify1', async ({ signal, progress }) => {
    await service.run({ record: emptySetupRecord('2026-12-06T12:00:00Z'), checker: 'http://c/', signal, progress });
  });
}

/** The lines every run sends alike (the scan's lines in between depend on the time it takes). */
async function fixed() {
  const audit = (await portsAudit()).filter((p) => p.done === p.total);
  const unique = [...new Map(audit.map((p) => [JSON.stringify(p), p])).values()];
  return { portsAudit: unique, portsEach: await portsEach(), verify: await verifyRun() };
}

describe('the pages’ tests’ progress lines', () => {
  it('are what the services send now', async () => {
    const made = await fixed();
    if (process.env.NVR_WRITE_FIXTURES) writeFileSync(FIXTURE, `${JSON.stringify(made, null, 2)}\n`);
    expect(made).toEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
    expect(made.portsAudit.map((p) => p.said?.key)).toEqual([
      'ports.said.progress.scanning',
      'ports.said.progress.identifying',
    ]);
  });
});

describe('the CLI’s progress lines of Ports and Verify in the pseudo locale', () => {
  it('the ports audit: checking ports, identifying what answers', async () => {
    const lines = await portsAudit();
    expect(lines.map((p) => p.message)).toContain('Identifying what answers on 4 open port(s)…');
    expect(lines.some((p) => /^Checking ports: \d+ of \d+, \d+ open$/.test(p.message))).toBe(true);
    expectPseudo(lines, [/Checking ports/, /Identifying what answers/]);
  });

  it('a change of each port on its own: every step, with the port that moves', async () => {
    const lines = await portsEach();
    expect(lines.map((p) => p.message)).toContain('1 of 2, the web page (HTTP): Reading the current ports (ONVIF)…');
    expect(lines.map((p) => p.message)).toContain('2 of 2, the video streams (RTSP): Putting the previous ports back…');
    expectPseudo(lines, [/Reading the current ports/, /the web page/, /the video streams/, /Putting the previous/]);
  });

  it('the verification', async () => {
    const lines = await verifyRun();
    expect(lines.map((p) => p.message)).toEqual([
      'Checking the NVR at its address and its ports, and the router’s UPnP mappings…',
      'Reading the public address…',
      'Checking the DDNS name and what the outside reaches…',
      'Comparing with the saved setup…',
    ]);
    expectPseudo(lines, [/Checking the NVR/, /public address/, /DDNS name/, /Comparing/]);
  });
});
