import type { MessageKey } from '../../shared/i18n/types';
import { t } from '../composables/useT';

/** A group of the catalogue (`security`, `ddns.frame`) that has the frame's three words under their usual names. */
type WordsIn<G extends string> = `${G}.emptyText` | `${G}.verifiedText` | `${G}.loadErrorTitle`;
type Candidate = MessageKey extends infer K ? (K extends `${infer G}.emptyText` ? G : never) : never;
export type FrameGroup = { [G in Candidate]: WordsIn<G> extends MessageKey ? G : never }[Candidate];

/**
 * A step's words for its frame (WizardStepFrame, NvrStepFrame), from the step's group: the verify line before
 * anything is checked (`emptyText`) and once verified (`verifiedText`), and the first words of the alert when main's
 * saved entry cannot be read (`loadErrorTitle`). Read when called: call it inside the page's `computed`, so the words
 * follow a change of language.
 */
export function frameWords(group: FrameGroup): { emptyText: string; verifiedText: string; loadErrorTitle: string } {
  return {
    emptyText: t(`${group}.emptyText`),
    verifiedText: t(`${group}.verifiedText`),
    loadErrorTitle: t(`${group}.loadErrorTitle`),
  };
}
