import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPortPlan } from '../../../../src/main/services/ports/port-plan';
import { device, fakeRecorder, LOGIN, signal } from '../../../support/fake-nvr-ports';

// The Ports page's pseudo test (tests/unit/renderer/i18n/ports-pseudo.test.ts) shows a report and a plan made by
// main's own rules, with their words said by key. The pages' type project cannot load main's files, so the page test
// reads them from this fixture, which this test holds to what the rules make now (NVR_WRITE_FIXTURES=1 writes it).
const FIXTURE = join(__dirname, '..', '..', '..', 'fixtures', 'ports', 'measured-plan.json');

/** The fake recorder measured with a login, and its plan with two edits (a commonly scanned port, a factory one). */
async function measuredAndPlanned() {
  const measured = await fakeRecorder().service.audit(device(), { credentials: LOGIN, signal: signal() });
  const report = { ...measured, measuredAt: '2025-03-01T12:00:00.000Z' };
  return { report, plan: buildPortPlan(device(), report, { http: 8080, rtsp: 80 }) };
}

describe('the Ports page test’s report and plan', () => {
  it('are what main’s rules make of the fake recorder now', async () => {
    const made = await measuredAndPlanned();
    if (process.env.NVR_WRITE_FIXTURES) writeFileSync(FIXTURE, `${JSON.stringify(made, null, 2)}\n`);
    expect(made).toEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
  });
});
