// The Verify step's findings as the rules make them (verify.ts): main's English sentence and, beside it, the key and
// values it was said by (said.ts), for the page and the CLI to say them in the user's language. Main side only (it
// loads the whole catalogue through english.ts): the page's files import verify-shapes.ts, never this.
import { english } from '../i18n/english';
import { said, saidSchema, type Said, type SaidWords } from '../i18n/said';
import type { DdnsCheck } from './ddns-check';
import type { OutsideProof } from './outside-proof';
import type { PortReport } from './ports';
import type { PublicAddressCheck } from './public-address';
import type { UpnpAudit } from './upnp';
import type { Fresh, KnockState, VerifyChange, VerifyCheck } from './verify-shapes';

export interface VerifyMeasurements {
  at: string;
  /**
   * The NVR at its saved address: did it answer, the MAC the neighbour table names, its ports (catalogue audit), and
   * each port open when saved that this audit does not list open, knocked on by itself (a full scan's port, or one
   * the catalogue audit lists only while it answers).
   */
  nvr: Fresh<{ reached: boolean; mac: string | null; report: PortReport | null; knocked?: Record<number, KnockState> }>;
  upnp: Fresh<UpnpAudit>;
  public: Fresh<PublicAddressCheck>;
  ddns: Fresh<DdnsCheck>;
  proof: Fresh<OutsideProof>;
}

export type Judged = Omit<VerifyCheck, 'check' | 'title' | 'titleSaid'>;

/** Words: main's English sentence, and the key it was said by where it crosses whole (each value within said.ts's bound). */
export type Words = { text: string; said?: Said };
export function words(w: Said): Words {
  const text = english(w);
  return saidSchema.safeParse(w).success ? { text, said: w } : { text };
}
/** Data (an address, a MAC, a mapping) or another step's words not said by key yet: as they came. */
export const data = (text: string): Words => ({ text });
/** Cut to what the record keeps: a sentence cut is no longer the key's, so it goes without it. */
const cut = (w: Words, max: number): Words => (w.text.length <= max ? w : { text: w.text.slice(0, max) });
/** Said by key where the key's English is exactly main's sentence (a verdict's title from another step), else as it is. */
export const sameAs = (w: Said, text: string): Words => (english(w) === text ? words(w) : data(text));

export interface Change {
  what: Words;
  from: Words;
  to: Words;
}
function changeOf(c: Change): VerifyChange {
  const [what, from, to] = [cut(c.what, 200), cut(c.from, 200), cut(c.to, 200)];
  const s = {
    ...(what.said ? { what: what.said } : {}),
    ...(from.said ? { from: from.said } : {}),
    ...(to.said ? { to: to.said } : {}),
  };
  return { what: what.text, from: from.text, to: to.text, ...(Object.keys(s).length ? { said: s } : {}) };
}

export const ok = (w: Words): Judged => ({ state: 'ok', ...w, changes: [], todo: null, why: null });
export const notSaved = (w: Said): Judged => ({
  state: 'not-checked',
  ...words(w),
  changes: [],
  todo: null,
  why: 'nothing-saved',
});
export const unmeasured = (w: Words): Judged => ({
  state: 'not-checked',
  ...cut(w, 600),
  changes: [],
  todo: null,
  why: 'unmeasured',
});
export const drift = (text: Words, changes: Change[], todo: Words): Judged => {
  const what = cut(todo, 600);
  return {
    state: 'drift',
    ...cut(text, 600),
    changes: changes.slice(0, 16).map(changeOf),
    todo: what.text,
    ...(what.said ? { todoSaid: what.said } : {}),
    why: null,
  };
};
/** A measurement not made: not asked (cancelled, `error` null), or failed (its reason). */
export const failed = (f: Fresh<unknown>, say: (error: string | SaidWords | null) => Said): Judged =>
  unmeasured(words(say(f === null ? null : f.ok ? '' : f.error)));
/** A port's state in a word. */
export const stateWords = (s: KnockState): Words => words(said(`verify.said.change.state.${s}`));
