// The Find step's status. What the user would lose: a step verified before the app ever logged in to the NVR, a chosen
// NVR forgotten by the next search, or no word when nothing answered.
import { describe, expect, it } from 'vitest';
import { judgeFind } from '../../../../src/main/features/find/status';
import { emptySetupRecord } from '../../../../src/shared/domain/setup';
import { fullRecord } from '../../shared/domain/checklist-fixture';

const AT = new Date('2026-03-05T00:00:00.000Z');
const NOW = AT.toISOString();

describe('judgeFind', () => {
  it('logging in to the chosen NVR verifies the step', () => {
    const r = emptySetupRecord('2026-03-01T00:00:00.000Z');
    judgeFind(r, 'logged-in', AT);
    expect(r.steps.find).toEqual({ status: 'verified', updatedAt: NOW });
  });

  it('choosing an NVR is working, asking to log in to confirm it', () => {
    const r = emptySetupRecord('2026-03-01T00:00:00.000Z');
    judgeFind(r, 'chosen', AT);
    expect(r.steps.find).toEqual({
      status: 'working',
      updatedAt: NOW,
      reason: 'Log in to the NVR to confirm the app can talk to it.',
      reasonSaid: { key: 'wizard.reasons.find.logIn' },
    });
  });

  it('a search with devices but none chosen asks to pick one; with none, says nothing answered', () => {
    const r = fullRecord();
    r.nvr = null;
    judgeFind(r, 'searched', AT);
    expect(r.steps.find).toEqual({
      status: 'working',
      updatedAt: NOW,
      reason: 'Pick your NVR in the list.',
      reasonSaid: { key: 'wizard.reasons.find.pick' },
    });
    const e = emptySetupRecord('2026-03-01T00:00:00.000Z');
    judgeFind(e, 'searched', AT);
    expect(e.steps.find).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: 'No device answered. Check the NVR is on and on this network, or add it by its address.',
      reasonSaid: { key: 'wizard.reasons.find.noAnswer' },
    });
  });

  it('a search leaves a chosen NVR’s verified status alone', () => {
    const r = fullRecord();
    const before = structuredClone(r.steps.find);
    judgeFind(r, 'searched', AT);
    expect(r.steps.find).toEqual(before);
    expect(r.steps.find?.status).toBe('verified');
  });
});
