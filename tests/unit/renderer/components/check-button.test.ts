// @vitest-environment happy-dom
// The button that runs a check (Security, its factory-password check, the VPN check, every CheckRow): what the user
// would lose is a button that does not say whether a result is already on show, that says nothing while it checks, or
// that still runs the check when it may not.
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import CheckButton from '../../../../src/renderer/components/CheckButton.vue';

const labels = { first: 'Check security', again: 'Check again' };

describe('CheckButton', () => {
  it('asks for the first check as the primary button, then offers it again as a secondary one', async () => {
    const w = mount(CheckButton, { props: { done: false, labels }, attrs: { 'data-testid': 'security-check' } });
    const button = () => w.get('button[data-testid="security-check"]');
    expect(button().text()).toBe('Check security');
    expect(button().classes()).toContain('base-button--primary');
    await w.setProps({ done: true });
    expect(button().text()).toBe('Check again');
    expect(button().classes()).toContain('base-button--secondary');
  });

  it('says “Checking…” while checking, and is busy and refuses a click while busy', async () => {
    const w = mount(CheckButton, { props: { done: true, labels, busy: true, checking: true } });
    expect(w.get('button').text()).toBe('Checking…');
    expect(w.get('button').attributes('aria-busy')).toBe('true');
    await w.get('button').trigger('click');
    expect(w.emitted('click')).toBeUndefined();
  });

  it('keeps its words while busy when the page does not say it is checking', () => {
    const w = mount(CheckButton, { props: { done: false, labels, busy: true } });
    expect(w.get('button').text()).toBe('Check security');
  });

  it('runs the check on a click unless disabled', async () => {
    const w = mount(CheckButton, { props: { done: false, labels } });
    await w.get('button').trigger('click');
    expect(w.emitted('click')).toHaveLength(1);
    await w.setProps({ disabled: true });
    expect(w.get('button').attributes('disabled')).toBeDefined();
    await w.get('button').trigger('click');
    expect(w.emitted('click')).toHaveLength(1);
  });
});
