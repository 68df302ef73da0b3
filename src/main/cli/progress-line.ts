// A job's progress line on the terminal: main's words said by key in the terminal's language, its English sentence as
// it came in English (no catalogue made for it) or where the line was not said by key.
import { sayIn, type Said } from '../../shared/i18n/said';
import type { ResolvedLocale, Translator } from '../../shared/i18n/translator';

export interface ProgressEvent {
  done: number;
  total: number | null;
  message: string;
  said?: Said;
}

/** Makes the line writer for a locale; `translator` is asked for once, on the first line said by key. */
export function progressLines(
  locale: ResolvedLocale,
  translator: () => Pick<Translator, 't'>,
): (p: ProgressEvent) => string {
  let tr: Pick<Translator, 't'> | null = null;
  return (p) => {
    const words = p.said && locale.tag !== 'en' ? sayIn((tr ??= translator()), p.said, p.message) : p.message;
    return `  ${p.total ? `${p.done}/${p.total}` : p.done} ${words}\n`;
  };
}
