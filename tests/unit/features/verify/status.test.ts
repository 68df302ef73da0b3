// The Verify step's status. What the user would lose: a step verified while something drifted since the setup, or
// while a check could not measure (nothing is proven then), or no word of what to look at.
import { describe, expect, it } from 'vitest';
import { judgeVerifyStep } from '../../../../src/main/features/verify/status';
import { emptySetupRecord } from '../../../../src/shared/domain/setup';
import { VERIFY_TITLES, type VerifyCheck, type VerifyResult } from '../../../../src/shared/domain/verify';
import { createTranslator } from '../../../../src/shared/i18n';
import { english } from '../../../../src/shared/i18n/english';
import { said, sayIn } from '../../../../src/shared/i18n/said';

const AT = new Date('2026-03-05T00:00:00.000Z');
const NOW = AT.toISOString();
const c = (title: string, state: VerifyCheck['state'], why: VerifyCheck['why'] = null): VerifyCheck => ({
  check: 'ports',
  title,
  state,
  text: '',
  changes: [],
  todo: null,
  why,
});
const judged = (outcome: VerifyResult['outcome'], checks: VerifyCheck[]) => {
  const r = emptySetupRecord('2026-03-01T00:00:00.000Z');
  judgeVerifyStep(r, { at: NOW, outcome, checks }, AT);
  return r.steps.verify;
};

describe('judgeVerifyStep', () => {
  it('no drift verifies the step', () => {
    expect(judged('no-drift', [c('Ports', 'ok'), c('DDNS', 'not-checked', 'nothing-saved')])).toEqual({
      status: 'verified',
      updatedAt: NOW,
    });
  });

  it('no drift, but ports already not as they should be when proven: attention with what is still wrong, not verified', () => {
    const outside: VerifyCheck = {
      ...c('What the outside reaches', 'ok'),
      check: 'outside',
      text: '7 ports answered from outside as when proven. Still as before: 2 ports not as it should be (see “Internet side”).',
      standing: 2,
    };
    expect(judged('no-drift', [c('Ports', 'ok'), outside])).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason:
        'Nothing changed, but not everything works yet: 7 ports answered from outside as when proven. Still as before: 2 ports not as it should be (see “Internet side”).',
    });
  });

  it('what is still wrong is said for every check that has some (space-separated, cut to 500); a check with none is not named', () => {
    const standing = (check: VerifyCheck['check'], text: string, n: number): VerifyCheck => ({
      ...c(check, 'ok'),
      check,
      text,
      standing: n,
    });
    expect(
      judged('no-drift', [standing('outside', 'A.', 1), standing('upnp', 'Not me.', 0), standing('ports', 'B.', 3)])
        ?.reason,
    ).toBe('Nothing changed, but not everything works yet: A. B.');
    expect(judged('no-drift', [standing('outside', 'w'.repeat(900), 1)])?.reason).toHaveLength(500);
    // With drift as well, the drift is what is said (not "nothing changed").
    expect(judged('drift', [c('Ports', 'drift'), standing('outside', 'A.', 1)])?.reason).toBe(
      'Changed since it was set up: Ports.',
    );
  });

  it('drift is attention naming only what drifted, cut to 500', () => {
    expect(judged('drift', [c('The NVR’s ports', 'drift'), c('DDNS name', 'ok'), c('UPnP mappings', 'drift')])).toEqual(
      {
        status: 'attention',
        updatedAt: NOW,
        reason: 'Changed since it was set up: The NVR’s ports, UPnP mappings.',
      },
    );
    expect(judged('drift', [c('x'.repeat(700), 'drift')])?.reason).toHaveLength(500);
  });

  it('a check that could not measure is attention naming it, not the ones with nothing saved', () => {
    expect(
      judged('unproven', [c('Public address', 'not-checked', 'unmeasured'), c('DDNS', 'not-checked', 'nothing-saved')]),
    ).toEqual({ status: 'attention', updatedAt: NOW, reason: 'Could not check: Public address.' });
    expect(
      judged('unproven', [
        c('Public address', 'not-checked', 'unmeasured'),
        c('DDNS name', 'not-checked', 'unmeasured'),
      ])?.reason,
    ).toBe('Could not check: Public address, DDNS name.');
    expect(judged('unproven', [c('y'.repeat(700), 'not-checked', 'unmeasured')])?.reason).toHaveLength(500);
  });

  it('nothing saved to compare with is attention, asking to set up the steps first', () => {
    expect(judged('unproven', [c('DDNS', 'not-checked', 'nothing-saved')])).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: 'Nothing to check yet: set up the steps first.',
      reasonSaid: { key: 'wizard.reasons.verify.nothing' },
    });
  });

  it('a check that changed or could not measure is named by its title’s key; several as a list of them', () => {
    const ports: VerifyCheck = { ...c('Ports', 'drift'), titleSaid: { key: 'verify.said.title.ports' } };
    expect(judged('drift', [ports, c('DDNS', 'ok')])).toEqual({
      status: 'attention',
      updatedAt: NOW,
      reason: 'Changed since it was set up: Ports.',
      reasonSaid: { key: 'wizard.reasons.verify.changed', params: { title: { key: 'verify.said.title.ports' } } },
    });
    const unmeasured: VerifyCheck = { ...c('Ports', 'not-checked', 'unmeasured'), titleSaid: ports.titleSaid! };
    expect(judged('unproven', [unmeasured])?.reasonSaid).toEqual({
      key: 'wizard.reasons.verify.unmeasured',
      params: { title: { key: 'verify.said.title.ports' } },
    });
    const two = judged('drift', [ports, { ...ports, title: 'UPnP', titleSaid: { key: 'verify.said.title.upnp' } }]);
    expect(two?.reason).toBe('Changed since it was set up: Ports, UPnP.');
    expect(two?.reasonSaid).toEqual({
      key: 'wizard.reasons.verify.changed',
      params: { title: { list: [{ key: 'verify.said.title.ports' }, { key: 'verify.said.title.upnp' }] } },
    });
    // A title said with values of its own (none is today) leaves the reason main's English.
    const valued = { ...ports, titleSaid: { key: 'verify.said.title.upnp', params: { x: '1' } } };
    expect(judged('drift', [ports, valued])?.reasonSaid).toBeUndefined();
  });

  it('several checks by the real titles: the English is main’s sentence, the page’s language says every title', () => {
    const real = (check: VerifyCheck['check'], state: VerifyCheck['state'], why: VerifyCheck['why'] = null) => ({
      ...c(VERIFY_TITLES[check], state, why),
      check,
      titleSaid: said(`verify.said.title.${check}`),
    });
    for (const [outcome, state, why] of [
      ['drift', 'drift', null],
      ['unproven', 'not-checked', 'unmeasured'],
    ] as const) {
      const step = judged(outcome, [real('ports', state, why), real('ddns', state, why), real('outside', state, why)]);
      expect(english(step!.reasonSaid!)).toBe(step!.reason);
      const shown = sayIn(createTranslator('en-XA'), step!.reasonSaid, 'fallback');
      expect(shown).not.toBe('fallback');
      for (const check of ['ports', 'ddns', 'outside'] as const) {
        expect(shown).not.toContain(VERIFY_TITLES[check]);
        expect(shown).toContain(createTranslator('en-XA').t(`verify.said.title.${check}`));
      }
    }
  });
});
