// @vitest-environment happy-dom
// The step titles the pages say are the catalogue's (`wizard.steps.<id>.title`), by step id; src/shared/domain/steps.ts
// keeps its own for main and the CLI. In English the two must say the same, so neither can drift from the other.
import { afterEach, describe, expect, it } from 'vitest';
import { STEPS } from '../../../../src/shared/domain/steps';
import { en, createTranslator } from '../../../../src/shared/i18n';
import { setLocale } from '../../../../src/renderer/composables/useT';
import { STEP_STATUS_VIEW, stepTitle } from '../../../../src/renderer/components/step-status';

afterEach(() => setLocale(null));

describe('step titles: the catalogue’s and steps.ts’s', () => {
  it('every step in STEPS has a title in the catalogue, the same words as steps.ts’s in English', () => {
    for (const step of STEPS) expect(en.wizard.steps[step.id]?.title, step.id).toBe(step.title);
  });

  it('the catalogue names no step that STEPS does not have', () => {
    expect(Object.keys(en.wizard.steps).sort()).toEqual(STEPS.map((s) => s.id).sort());
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
