// @vitest-environment happy-dom
// MessageParts: a translated sentence with markup inside — words and the unfilled placeholders, each filled by its
// slot, or by `mono` (a <span class="mono">) or `strong` (a <strong>) without a slot; a slot wins; a placeholder
// with nothing shows as {name}. No element of its own, so the sentence sits in the page's element as one text.
import { mount } from '@vue/test-utils';
import { h } from 'vue';
import { describe, expect, it } from 'vitest';
import MessageParts from '../../../../src/renderer/components/message-parts';
import type { MessagePart } from '../../../../src/shared/i18n';

const parts: MessagePart[] = [{ text: 'Run ' }, { slot: 'command' }, { text: ' on ' }, { slot: 'name' }, { text: '.' }];
const render = (props: Record<string, unknown>, slots: Record<string, () => unknown> = {}) =>
  mount({ render: () => h('p', [h(MessageParts, { parts, ...props }, slots)]) }).find('p').element.innerHTML;

describe('MessageParts', () => {
  it('mono and strong fill their placeholders with the value in the mark, in the sentence’s order', () => {
    expect(render({ mono: { command: 'nvr-assist verify' }, strong: { name: 'hik' } })).toBe(
      'Run <span class="mono">nvr-assist verify</span> on <strong>hik</strong>.',
    );
  });

  it('a value is shown as a template shows it: a number as its digits, nothing for null', () => {
    expect(render({ mono: { command: 8000, name: null } })).toBe(
      'Run <span class="mono">8000</span> on <span class="mono"></span>.',
    );
  });

  it('a slot wins over mono and strong; a placeholder with neither shows as {name}', () => {
    expect(render({ mono: { command: 'x' } }, { command: () => h('em', 'slot') })).toBe('Run <em>slot</em> on {name}.');
  });

  it('the text is escaped, never read as markup', () => {
    expect(render({ strong: { name: '<img src=x>' }, mono: { command: '&' } })).toBe(
      'Run <span class="mono">&amp;</span> on <strong>&lt;img src=x&gt;</strong>.',
    );
  });
});
