// An error's words in the user's language, for the CLI and the pages: main's own sentence said by key (`said`, see
// AppFailure) in the translator's language, the problems it lists (`parts`) each said so too; else main's error
// carries the English catalogue's message for its code (`en.errors`, src/shared/ipc/errors.ts), which is swapped for
// the same code's message in the translator's language; any other message (a sentence main composed without a key)
// is kept as it came.
import type { FailurePart } from '../ipc/errors';
import { errors } from './en/errors';
import { sayIn, type Said } from './said';
import type { Translator } from './translator';

export function localMessage(
  error: { code?: string; message: string; said?: Said; parts?: readonly FailurePart[] },
  { t }: Pick<Translator, 't'>,
): string {
  if (error.said) {
    const words = error.parts?.length
      ? {
          key: error.said.key,
          params: { ...error.said.params, parts: error.parts.map((p) => sayIn({ t }, p.said, p.text)).join(' ') },
        }
      : error.said;
    return sayIn({ t }, words, error.message);
  }
  const code = error.code as keyof typeof errors | undefined;
  return code && Object.hasOwn(errors, code) && errors[code] === error.message ? t(`errors.${code}`) : error.message;
}
