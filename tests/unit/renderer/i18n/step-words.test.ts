// @vitest-environment happy-dom
// The step titles the pages say are the catalogue's (`wizard.steps.<id>.title`), by step id; src/shared/domain/steps.ts
// keeps its own for main and the CLI. So with why a step is not needed for the chosen way (`wizard.approach`, and
// step-approach.ts for main). In English the two must say the same, so neither can drift from the other.
import { afterEach, describe, expect, it } from 'vitest';
import { STEPS, STEP_IDS } from '../../../../src/shared/domain/steps';
import { APPROACHES } from '../../../../src/shared/domain/setup';
import { APPROACH_WAY, STEP_APPROACH, stepSkip } from '../../../../src/shared/domain/step-approach';
import { en, createTranslator } from '../../../../src/shared/i18n';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { STEP_STATUS_VIEW, stepSkipWords, stepTitle } from '../../../../src/renderer/components/step-status';

afterEach(() => setLocale(null));

/** The steps when the titles were put in the catalogue, in the wizard's order. */
const KNOWN_STEPS: readonly string[] = [
  'network',
  'find',
  'static-ip',
  'ports',
  'security',
  'upnp',
  'internet',
  'ddns',
  'rules',
  'vpn',
  'verify',
  'checklist',
];

describe('step titles: the catalogue’s and steps.ts’s', () => {
  it('every step in STEPS has a title in the catalogue, the same words as steps.ts’s in English', () => {
    const titles: Readonly<Record<string, { title: string } | undefined>> = en.wizard.steps;
    // A step newer than this list may say steps.ts's title until it is converted (a step is only its folders).
    for (const step of STEPS.filter((s) => KNOWN_STEPS.includes(s.id)))
      expect(titles[step.id]?.title, step.id).toBe(step.title);
    expect(STEPS.map((s) => s.id).filter((id) => KNOWN_STEPS.includes(id))).toEqual(KNOWN_STEPS);
  });

  it('a step newer than the catalogue says steps.ts’s title', () => {
    setLocale('en-XA');
    expect(stepTitle('no-such-step' as never)).toBe('no-such-step');
  });

  it('the catalogue names no step that STEPS does not have', () => {
    const ids: readonly string[] = STEP_IDS;
    for (const id of Object.keys(en.wizard.steps)) expect(ids, id).toContain(id);
  });

  it('the pages say them in their language, and the status words too', () => {
    setLocale('en');
    expect(stepTitle('static-ip')).toBe('Static IP');
    expect(STEP_STATUS_VIEW.attention.label).toBe('needs attention');
    setLocale('en-XA');
    const pseudo = createTranslator('en-XA');
    expect(stepTitle('static-ip')).toBe(pseudo.t('wizard.steps.static-ip.title'));
    expect(stepTitle('static-ip')).not.toBe('Static IP');
    expect(STEP_STATUS_VIEW.attention.label).toBe(pseudo.t('wizard.status.attention'));
  });
});

describe('why a step is not needed for the chosen way: the catalogue’s and step-approach.ts’s', () => {
  it('every way and every reason step-approach.ts gives is in the catalogue, the same words in English', () => {
    expect(en.wizard.approach.way).toEqual(APPROACH_WAY);
    const reasons: Record<string, Record<string, string>> = {};
    for (const [id, byWay] of Object.entries(STEP_APPROACH))
      for (const [way, fit] of Object.entries(byWay)) if (!fit.applies) (reasons[id] ??= {})[way] = fit.reason;
    expect(en.wizard.approach.reasons).toEqual(reasons);
  });

  it('the pages say each skip as step-approach.ts does in English, every step and way', () => {
    setLocale('en');
    for (const id of STEP_IDS)
      for (const approach of [...APPROACHES, null]) expect(stepSkipWords(id, approach)).toEqual(stepSkip(id, approach));
  });

  it('and in the page’s language', () => {
    setLocale('en-XA');
    const pseudo = createTranslator('en-XA');
    const way = pseudo.t('wizard.approach.way.vendor-cloud');
    expect(stepSkipWords('ddns', 'vendor-cloud')).toEqual({
      way,
      reason: pseudo.t('wizard.approach.reasons.ddns.vendor-cloud'),
      short: pseudo.t('wizard.approach.short', { way }),
      lead: pseudo.t('wizard.approach.lead', { way }),
      recommendedInstead: false,
    });
    expect(stepSkipWords('vpn', 'port-forwarding')?.short).toBe(pseudo.t('wizard.approach.recommendedInstead'));
  });
});
