import { sayIn, type Said } from '../i18n/said';
import type { Translator } from '../i18n/translate';
import { CHECKLIST_STATUS_WORDS, type Checklist } from './checklist-schema';

// What the checklist carries in main's words, said in the reader's language (the PDF's translator, the page's, the
// CLI's): the words said by key where the checklist has them (`said`), else main's English sentence as it came (an
// older record, or words only main's English has). The pages load this file: it loads no catalogue. A step's title
// and status are the wizard's and the checklist's own words, said by their keys the same way.

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

/** A step's title in the reader's language: the wizard's title of that step id (equal in English), else as it came. */
export function stepTitleIn(tr: Tr, id: string, title: string): string {
  return sayIn(tr, { key: `wizard.steps.${id}.title` }, title);
}

const STATUS_KEYS: Record<string, string> = {
  'not-started': 'notStarted',
  working: 'working',
  verified: 'verified',
  attention: 'attention',
  skipped: 'skipped',
  planned: 'planned',
};

/** A step's status in the checklist's words, in the reader's language (checklist.status; an unknown one as it came). */
export function statusIn(tr: Tr, status: string): string {
  const english = CHECKLIST_STATUS_WORDS[status as keyof typeof CHECKLIST_STATUS_WORDS] ?? status;
  const key = STATUS_KEYS[status];
  return key ? sayIn(tr, { key: `checklist.status.${key}` }, english) : english;
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

/**
 * The topology picture in the reader's language: each box's label and detail and each sentence said by key where the
 * checklist has them (topology-words.ts), else as they came (names, addresses, an older checklist).
 */
export function topologyIn(tr: Tr, topo: Checklist['topology']): Checklist['topology'] {
  const said = topo.said?.sentences.length === topo.sentences.length ? topo.said.sentences : null;
  return {
    ...topo,
    boxes: topo.boxes.map((b) => ({
      ...b,
      label: sayIn(tr, b.said?.label, b.label),
      detail: sayIn(tr, b.said?.detail, b.detail),
    })),
    sentences: topo.sentences.map((s, i) => sayIn(tr, said?.[i] ?? undefined, s)),
  };
}
