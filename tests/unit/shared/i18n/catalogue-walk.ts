// Walks a catalogue: every message with its key, and a message's placeholders (shared by the i18n tests).
import type { Message } from '../../../../src/shared/i18n';

export function isPlural(node: unknown): node is Exclude<Message, string> {
  return typeof node === 'object' && node !== null && 'other' in node;
}

/** Every message of a catalogue, as [key, message], in the catalogue's order. */
export function messagesOf(catalogue: object, prefix = ''): [string, Message][] {
  return Object.entries(catalogue).flatMap(([key, node]): [string, Message][] =>
    typeof node === 'string' || isPlural(node)
      ? [[`${prefix}${key}`, node as Message]]
      : messagesOf(node as object, `${prefix}${key}.`),
  );
}

/** The `{name}` placeholders of a text or of all a plural message's forms, sorted, once each. */
export function placeholdersOf(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();
}
