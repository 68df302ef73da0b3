import { sayIn, type Said } from '../i18n/said';
import type { Translator } from '../i18n/translate';

// What the checklist carries in main's words, said in the reader's language (the PDF's translator, the page's, the
// CLI's): the words said by key where the checklist has them (`said`), else main's English sentence as it came (an
// older record, or words only main's English has). The pages load this file: it loads no catalogue.

type Tr = Pick<Translator, 't'>;

/**
 * Every key of words said by key in a value (a checklist: its `said` fields, and the words by key inside their
 * values): the page loads their groups of words before it shows them.
 */
export function saidKeys(value: unknown, inSaid = false, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) saidKeys(v, inSaid, out);
  else if (value && typeof value === 'object')
    for (const [name, v] of Object.entries(value)) {
      if (inSaid && name === 'key' && typeof v === 'string') out.add(v);
      else saidKeys(v, inSaid || name === 'said', out);
    }
  return out;
}

/** A step's reason (null: it has none). */
export function stepReasonIn(tr: Tr, step: { reason: string | null; said?: Said | undefined }): string | null {
  return step.reason === null ? null : sayIn(tr, step.said, step.reason);
}

/** A to-do's reason: each of its sentences by key, or the whole English reason when one of them cannot be said. */
export function todoReasonIn(tr: Tr, todo: { reason: string; said?: readonly Said[] | undefined }): string {
  if (!todo.said?.length) return todo.reason;
  const sentences = todo.said.map((words) => sayIn(tr, words, ''));
  return sentences.every((s) => s !== '') ? sentences.join(' ') : todo.reason;
}
