import { judgeVerify, VERIFY_CHECKS, VERIFY_TITLES } from '../../../../../src/shared/domain/verify';
import type { VerifyCheck, VerifyResult } from '../../../../../src/shared/domain/verify';
import type { SetupRecord } from '../../../../../src/shared/domain/setup';
import { fakeDevice, fakeSetup, ok, type FakeHandlers } from '../../fake-api';
import { fakePortReport, REOLINK, setupWithNvr as reolinkChosen } from '../../fake-ports';

// Fakes for the Verify step's tests (verify-step.test.ts, i18n/verify-pseudo.test.ts): main's result, as
// domain/verify shapes it, and main's channels for the page.

export const VERIFY_JOB = 'job-verify1';
export const VERIFIED_AT = '2026-04-01T08:00:00.000Z';

const okCheck = (check: VerifyCheck['check']): VerifyCheck => ({
  check,
  title: VERIFY_TITLES[check],
  state: 'ok',
  text: `${VERIFY_TITLES[check]}: as saved.`,
  changes: [],
  todo: null,
  why: null,
});

/** A verification: every check ok, or the public address moved (drift). */
export function verification(publicMoved = false): VerifyResult {
  const checks = VERIFY_CHECKS.map(okCheck);
  if (publicMoved)
    checks[3] = {
      ...checks[3]!,
      state: 'drift',
      text: 'Your internet provider gave a new public address: 203.0.113.99.',
      changes: [{ what: 'Public address', from: '203.0.113.7', to: '203.0.113.99' }],
      todo: 'Your DDNS name must follow it: update it (“DDNS”).',
    };
  return { at: VERIFIED_AT, outcome: publicMoved ? 'drift' : 'no-drift', checks };
}

/** Another device's MAC, where the NVR's address was saved. */
export const OTHER_MAC = '00:11:22:33:44:55';

/**
 * A verification the rules made (domain/verify's judgeVerify: main's words said by key, its English beside): another
 * MAC at the Reolink's saved address, its web page's port 80 closed now, and nothing else saved to compare with.
 */
export function judgedVerification(): VerifyResult {
  const record = reolinkChosen();
  const report = fakePortReport();
  record.ports[REOLINK.id] = { report, plan: null, lastChange: null, pending: null };
  const now = structuredClone(report);
  now.rows[0] = { ...now.rows[0]!, state: 'closed' };
  return judgeVerify(record, {
    at: VERIFIED_AT,
    nvr: { ok: true, value: { reached: true, mac: OTHER_MAC, report: now } },
    upnp: null,
    public: null,
    ddns: null,
    proof: null,
  });
}

/** A setup with an NVR chosen (the page re-checks it on its first visit when it was never verified). */
export function setupWithNvr(): SetupRecord {
  const nvr = fakeDevice();
  return fakeSetup({ devices: [nvr], nvr: { deviceId: nvr.id, device: nvr, chosenAt: '2026-03-01T08:00:00.000Z' } });
}

/** Main for the Verify page: a fresh setup, `last` as the saved verification, a run that starts VERIFY_JOB. */
export function verifyHandlers(last: () => VerifyResult | null): FakeHandlers {
  return {
    'setup.get': () => ok({ setup: fakeSetup(), notice: null }),
    'verify.get': () => ok({ last: last() }),
    'verify.run': () => ok({ jobId: VERIFY_JOB }),
    'job.cancel': () => ok({ cancelled: true }),
  };
}
