// An error's words in the user's language, for the CLI and the pages: main's error carries the English catalogue's
// message for its code (`en.errors`, src/shared/ipc/errors.ts), which is swapped for the same code's message in the
// translator's language; any other message (main's own sentence, with its facts in it) is kept as it came.
import { errors } from './en/errors';
import type { Translator } from './translator';

export function localMessage(error: { code?: string; message: string }, { t }: Pick<Translator, 't'>): string {
  const code = error.code as keyof typeof errors | undefined;
  return code && Object.hasOwn(errors, code) && errors[code] === error.message ? t(`errors.${code}`) : error.message;
}
