import { Fragment, defineComponent, h, type PropType } from 'vue';
import type { MessagePart } from '../../shared/i18n';

/**
 * A translated sentence with markup inside it: `<MessageParts :parts="tParts('find.chosen.summary', { … })">` and a
 * slot per placeholder left unfilled (`<template #name><strong>…</strong></template>`). It renders the words and the
 * slots side by side with no element of its own, so the sentence stays whole in every language (the words around a
 * name may come before or after it) while the page keeps its markup. A placeholder without a slot shows as `{name}`.
 */
export default defineComponent({
  name: 'MessageParts',
  props: { parts: { type: Array as PropType<readonly MessagePart[]>, required: true } },
  setup(props, { slots }) {
    return () =>
      h(
        Fragment,
        props.parts.map((part) => ('text' in part ? part.text : (slots[part.slot]?.() ?? `{${part.slot}}`))),
      );
  },
});
