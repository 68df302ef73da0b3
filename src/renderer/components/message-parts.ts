import { Fragment, defineComponent, h, toDisplayString, type PropType } from 'vue';
import type { MessagePart } from '../../shared/i18n';

/**
 * A translated sentence with markup inside it: `<MessageParts :parts="tParts('find.chosen.summary', { … })">` and a
 * slot per placeholder left unfilled (`<template #name><strong>…</strong></template>`). It renders the words and the
 * slots side by side with no element of its own, so the sentence stays whole in every language (the words around a
 * name may come before or after it) while the page keeps its markup. The two marks most sentences want need no slot:
 * `:mono="{ command: cmd }"` puts the value in `<span class="mono">` (a command, an address, a file), `:strong="{ name }"`
 * in `<strong>`. A slot wins over both; a placeholder with neither shows as `{name}`.
 */
export default defineComponent({
  name: 'MessageParts',
  props: {
    parts: { type: Array as PropType<readonly MessagePart[]>, required: true },
    mono: { type: Object as PropType<Readonly<Record<string, unknown>>>, default: () => ({}) },
    strong: { type: Object as PropType<Readonly<Record<string, unknown>>>, default: () => ({}) },
  },
  setup(props, { slots }) {
    const fill = (name: string) => {
      const slot = slots[name];
      if (slot) return slot();
      if (name in props.mono) return h('span', { class: 'mono' }, toDisplayString(props.mono[name]));
      if (name in props.strong) return h('strong', toDisplayString(props.strong[name]));
      return `{${name}}`;
    };
    return () =>
      h(
        Fragment,
        props.parts.map((part) => ('text' in part ? part.text : fill(part.slot))),
      );
  },
});
