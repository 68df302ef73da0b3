// @vitest-environment happy-dom
// The field label the forms share (wizard-step.css's wizard-step__label): what the user would lose is a label drawn
// like the text around it, so that a field or a group of radios no longer says what it is for at a glance.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import TextField from '../../../../src/renderer/components/TextField.vue';

const CSS = readFileSync(join(import.meta.dirname, '../../../../src/renderer/styles/wizard-step.css'), 'utf8');

/** The declarations of the rule whose selector is exactly `selector`. */
function rule(selector: string): Record<string, string> {
  const at = CSS.indexOf(`${selector} {`);
  expect(at, `${selector} is in wizard-step.css`).toBeGreaterThanOrEqual(0);
  const body = CSS.slice(CSS.indexOf('{', at) + 1, CSS.indexOf('}', at));
  return Object.fromEntries(
    body
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => d.split(':').map((p) => p.trim()) as [string, string]),
  );
}

describe('wizard-step__label', () => {
  it('draws a label bold and a little smaller than the text, and leaves its spacing to the page', () => {
    expect(rule('.wizard-step__label')).toEqual({ 'font-weight': '600', 'font-size': '0.9rem' });
  });

  it('is what a TextField’s label wears, beside its own spacing class', () => {
    const w = mount(TextField, { props: { id: 'ddns-host', label: 'Name', problem: null, modelValue: '' } });
    const label = w.get('label[for="ddns-host"]');
    expect(label.text()).toBe('Name');
    expect(label.classes()).toEqual(expect.arrayContaining(['wizard-step__label', 'text-field__label']));
  });
});
