// How the Security rules make a finding: its title, text and fix said by the catalogue's key (`security.said.…`), with
// main's English sentence from the same key beside it (the JSON, the record, a page or CLI that lacks the key). A
// part given as a plain string is data that stays as it came (or a sentence too long to cross by key). Main side only: it
// loads the whole English catalogue (english.ts), so the contract and the pages never import this file.
import { english } from '../i18n/english';
import type { Said } from '../i18n/said';
import { finding, type FindingSaid, type SecurityFinding, type SecuritySeverity } from './security-model';

/** Words of a finding: said by key, or data as it came. */
export type FindingWords = Said | string;

const textOf = (words: FindingWords): string => (typeof words === 'string' ? words : english(words));

/** A finding whose title, text and fix are said by key where they are main's words. */
export function sayFinding(
  id: string,
  severity: SecuritySeverity,
  title: FindingWords,
  text: FindingWords,
  fix: FindingWords,
  evidence: string[] = [],
  extra: { worth?: number; source?: string } = {},
): SecurityFinding {
  const said: FindingSaid = {};
  if (typeof title !== 'string') said.title = title;
  if (typeof text !== 'string') said.text = text;
  if (typeof fix !== 'string') said.fix = fix;
  return finding(id, severity, textOf(title), textOf(text), textOf(fix), evidence, {
    ...extra,
    ...(Object.keys(said).length ? { said } : {}),
  });
}
