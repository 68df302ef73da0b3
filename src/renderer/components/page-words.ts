import { localMessage } from '../../shared/i18n/local-message';
import type { AppError } from '../../shared/ipc/result';
import { t } from '../composables/useT';
import { stepTitle } from './step-status';

/**
 * What the pages say for a catalogued error whose words fit another place better. Main's catalogue speaks for
 * every front end (the CLI too, so it may name a command); on a page the words name the page's own buttons and
 * steps. Codes not listed here keep main's message.
 */
export const PAGE_WORDS: Readonly<Record<string, string>> = {
  // Getters: said in the page's language at the time they are read.
  get PORTS_LOGIN_NEEDED() {
    return t('components.pageWords.PORTS_LOGIN_NEEDED', { findStep: stepTitle('find') });
  },
  get PORTS_NOT_MEASURED() {
    return t('components.pageWords.PORTS_NOT_MEASURED');
  },
};

/** A command-line hint inside a message: “, or `nvr-assist …`”, “(`nvr-assist …`)”, or the bare command. */
const CLI_HINT = /\s*\(\s*`nvr-assist[^`]*`\s*\)|,?\s*or\s+`nvr-assist[^`]*`|`nvr-assist[^`]*`/g;

/**
 * An error in the page's words: the page's own text for its code, else main's message (the catalogue's words for its
 * code in the page's language, see shared/i18n/local-message.ts) without CLI hints.
 */
export function inPageWords(error: Pick<AppError, 'code' | 'message' | 'said' | 'parts'>): string {
  return (
    PAGE_WORDS[error.code] ??
    localMessage(error, { t })
      .replace(CLI_HINT, '')
      .replace(/\(\s*\)/g, '')
      .trim()
  );
}

/** “1 port”, “2 ports”: a count and its noun, for sentences. English only: a converted page says a plural message. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
