// The Ports step's words said by key (the `ports.said` group of the catalogue, src/shared/i18n/en/ports.ts): main's
// English sentence made from the ports group alone, and the plan's words said in a translator's language.
// The pages reach the plan's rules (port-proposal*.ts, through the contract's shapes) by static imports, so this file
// must not load the whole catalogue (src/shared/i18n/english.ts): it reads the ports group only, which the first
// screen carries already (ROLE_LABELS is its `role`).
import { ports } from '../i18n/en/ports';
import { sayIn, sayWith, type Said, type SaidWords } from '../i18n/said';
import { translatorOver, type Translator } from '../i18n/translator';
import type { PortRole } from './ports';

const { t } = translatorOver({ tag: 'en', intl: 'en' }, { ports });

/** The English sentence of words said by a `ports.*` key (the same words `english()` gives, from the ports group). */
export function portsEnglish(words: Said): string {
  return sayWith(t as Parameters<typeof sayWith>[0], words);
}

/** The longest value the contract's `said` carries (said.ts's saidSchema). */
const VALUE_MAX = 300;

/**
 * The words and their English sentence, to spread into a result: `{ ...portsSaidInEnglish(said(…)) }`. A value too long
 * to cross the contract by key (a device's name, a product) leaves the English sentence alone.
 */
export function portsSaidInEnglish(words: Said): { said?: Said; text: string } {
  const text = portsEnglish(words);
  const fits = Object.values(words.params ?? {}).every((v) => typeof v !== 'string' || v.length <= VALUE_MAX);
  return fits ? { said: words, text } : { text };
}

/** A service's name said by key, to fill a message's {role}. */
export const roleWords = (role: PortRole): SaidWords => ({ key: `ports.role.${role}` });

type Say = Pick<Translator, 't'>;

/** Sentences said by key, joined with a space as main joins them; `english` where one cannot be said. */
function saySentences(say: Say, sentences: readonly Said[] | undefined, english: string): string {
  if (!sentences?.length) return english;
  const parts = sentences.map((part) => sayIn(say, part, ''));
  return parts.some((part) => part === '') ? english : parts.join(' ');
}

/**
 * A proposal's "why" in the translator's language: its sentences said by key (`whySaid`), joined with a space as main
 * joins them; main's English line where it was not said by key or a sentence is not in the translator's catalogue.
 */
export function sayPortWhy(say: Say, item: { why: string; whySaid?: readonly Said[] | undefined }): string {
  return saySentences(say, item.whySaid, item.why);
}

/** A port change's result message in the translator's language (main's English `message` where it cannot). */
export function sayPortMessage(say: Say, result: { message: string; said?: readonly Said[] | undefined }): string {
  return saySentences(say, result.said, result.message);
}

/** A problem of the plan in the translator's language (main's English `message` where it was not said by key). */
export function sayPortProblem(say: Say, problem: { message: string; said?: Said | undefined }): string {
  return sayIn(say, problem.said, problem.message);
}

/** A port's row as main said it by key (the contract's `said`: see portRowSchema). */
interface RowWords {
  purpose: string;
  recommendation: string;
  risk: { reasons: readonly string[] };
  said?:
    | {
        recommendation: Said;
        purpose?: readonly Said[] | undefined;
        reasons?: ReadonlyArray<Said | null> | undefined;
      }
    | undefined;
}

/**
 * A port's purpose, recommendation and risk reasons in the translator's language: main's English for what it did not
 * say by key (the catalogue's own risk reasons) or what the translator's catalogue lacks.
 */
export function sayPortRow(say: Say, row: RowWords): { purpose: string; recommendation: string; reasons: string[] } {
  const words = row.said;
  const parts = words?.purpose?.map((part) => sayIn(say, part, '')) ?? [];
  const reasonsSaid = words?.reasons?.length === row.risk.reasons.length ? words.reasons : null;
  return {
    purpose: parts.length > 0 && !parts.includes('') ? parts.join('; ') : row.purpose,
    recommendation: sayIn(say, words?.recommendation, row.recommendation),
    reasons: row.risk.reasons.map((reason, n) => sayIn(say, reasonsSaid?.[n] ?? undefined, reason)),
  };
}
