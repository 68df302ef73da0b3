import { english } from '../../src/shared/i18n/english';
import type { Words } from '../../src/shared/i18n/said';

/** main's words as the English reader sees them: the sentence as it is, or words said by key made into English. */
export const inEnglish = (words: Words): string => (typeof words === 'string' ? words : english(words));
