// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import BaseProgressBar from '../../../../src/renderer/components/BaseProgressBar.vue';

describe('BaseProgressBar', () => {
  it('shows a known fraction with its values for screen readers', () => {
    const w = mount(BaseProgressBar, {
      props: { label: 'Search progress', progress: { done: 2, total: 5, message: 'SSDP finished' } },
    });
    const bar = w.get('[role="progressbar"]');
    expect(bar.attributes()).toMatchObject({
      'aria-label': 'Search progress',
      'aria-valuenow': '2',
      'aria-valuemax': '5',
      'aria-valuetext': 'SSDP finished',
    });
    expect(w.get('.progress__fill').attributes('style')).toContain('width: 40%');
  });

  it('slides when the job does not say how much there is', () => {
    const w = mount(BaseProgressBar, {
      props: { label: 'Port change progress', progress: { done: 1, total: null, message: 'Checking' } },
    });
    expect(w.get('.progress__fill').classes()).toContain('progress__fill--unknown');
    expect(w.get('[role="progressbar"]').attributes('aria-valuenow')).toBeUndefined();
  });
});
