// @vitest-environment happy-dom
// The list of boxes the steps' findings and the router rules' notes share: what the user would lose is an item, its
// severity in words (colour is never the only signal), its sentence, or what it rests on.
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import BadgedList from '../../../../src/renderer/components/BadgedList.vue';

const VIEWS = {
  problem: { label: 'problem', tone: 'danger', bar: 'wizard-step__box--danger' },
  info: { label: 'note', tone: 'info', bar: '' },
} as const;

describe('BadgedList', () => {
  it('shows each item in order with its severity’s badge and bar, its sentence, and the evidence only where there is some', () => {
    const w = mount(BadgedList, {
      props: {
        name: 'finding',
        views: VIEWS,
        items: [
          { code: 'dhcp', severity: 'problem', text: 'The NVR takes its address from DHCP.', evidence: ['dhcp: on'] },
          { code: 'mac', severity: 'info', text: 'Its MAC is known.', evidence: [] },
        ],
      },
    });
    const items = w.findAll('li[data-testid="finding"]');
    expect(items.map((i) => i.attributes('data-code'))).toEqual(['dhcp', 'mac']);
    expect(items.map((i) => i.attributes('data-severity'))).toEqual(['problem', 'info']);
    expect(items.map((i) => i.get('[data-testid="finding-text"]').text())).toEqual([
      'The NVR takes its address from DHCP.',
      'Its MAC is known.',
    ]);
    expect(items[0]!.get('.base-badge').text()).toBe('problem');
    expect(items[1]!.get('.base-badge').text()).toBe('note');
    expect(items[0]!.classes()).toEqual(
      expect.arrayContaining(['wizard-step__box', 'wizard-step__box--danger', 'finding', 'finding--problem']),
    );
    expect(items[1]!.classes()).not.toContain('wizard-step__box--danger');
    expect(items[0]!.get('[data-testid="finding-evidence"]').text()).toContain('dhcp: on');
    expect(items[1]!.find('[data-testid="finding-evidence"]').exists()).toBe(false);
  });

  it('names its parts after `name`, and takes items that carry no evidence at all', () => {
    const w = mount(BadgedList, {
      props: {
        name: 'note',
        views: VIEWS,
        items: [{ code: 'any-source', severity: 'problem', text: 'From anywhere.' }],
      },
      attrs: { class: 'notes', 'data-testid': 'notes' },
    });
    expect(w.get('ul[data-testid="notes"]').classes()).toContain('notes');
    expect(w.get('li[data-testid="note"]').classes()).toContain('note--problem');
    expect(w.get('[data-testid="note-text"]').text()).toBe('From anywhere.');
    expect(w.find('.evidence-fold').exists()).toBe(false);
  });
});
