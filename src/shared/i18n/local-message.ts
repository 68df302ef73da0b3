// An error's words in the user's language, for the CLI and the pages: main's own sentence said by key (`said`, see
// AppFailure) in the translator's language, the problems it lists (`parts`) each said so too; else main's error
// carries the English catalogue's message for its code (`en.errors`, src/shared/ipc/errors.ts), which is swapped for
// the same code's message in the translator's language; any other message (a sentence main composed without a key)
// is kept as it came.
import type { FailurePart } from '../ipc/errors';
import { errors } from './en/errors';
import { sayIn, type Said } from './said';
import type { Translator } from './translator';

/** Where a refusal's listed problems go in its sentence, filled after the sentence is made. */
export const PARTS = '\u0001parts\u0001';

export function localMessage(
  error: { code?: string; message: string; said?: Said; parts?: readonly FailurePart[] },
  { t }: Pick<Translator, 't'>,
): string {
  if (error.said) {
    if (!error.parts?.length) return sayIn({ t }, error.said, error.message);
    // The problems go in whole, after the sentence is made (a value is cut at 300 characters; they are not).
    const frame = sayIn({ t }, { key: error.said.key, params: { ...error.said.params, parts: PARTS } }, '');
    if (!frame.includes(PARTS)) return error.message;
    return frame.replace(PARTS, error.parts.map((p) => sayIn({ t }, p.said, p.text)).join(' '));
  }
  const code = error.code as keyof typeof errors | undefined;
  return code && Object.hasOwn(errors, code) && errors[code] === error.message ? t(`errors.${code}`) : error.message;
}
