// @vitest-environment happy-dom
// The score box the Security page and the Checklist share: what the user would lose is the number, what it means, the
// page's own line under it, or the border that says (beside the words) how the score stands.
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { h } from 'vue';
import ScoreBox from '../../../../src/renderer/components/ScoreBox.vue';

describe('ScoreBox', () => {
  it('shows the score out of 100, its words and the page’s line, under the test ids made from its name', () => {
    const w = mount(ScoreBox, {
      props: { score: 66, tone: 'warn', words: 'Fixes are left.', name: 'security-score' },
      slots: { default: () => h('p', { class: 'page-line' }, '100 less what each open finding is worth.') },
    });
    expect(w.get('[data-testid="security-score-number"]').text()).toBe('66');
    expect(w.get('.score-box__number').text()).toBe('66/100');
    expect(w.get('[data-testid="security-score-words"]').text()).toBe('Fixes are left.');
    expect(w.get('.page-line').text()).toBe('100 less what each open finding is worth.');
    expect(w.get('[data-testid="security-score"]').text()).toBe(
      '66/100Fixes are left.100 less what each open finding is worth.',
    );
  });

  it('marks the box with its tone, both as the shared class and under its own name', () => {
    const w = mount(ScoreBox, {
      props: { score: 20, tone: 'danger', words: 'A critical risk is open.', name: 'checklist-score' },
    });
    const box = w.get('[data-testid="checklist-score"]');
    expect(box.classes()).toEqual(
      expect.arrayContaining(['score-box', 'score-box--danger', 'checklist-score', 'checklist-score--danger']),
    );
    expect(box.classes()).not.toContain('score-box--warn');
  });
});
