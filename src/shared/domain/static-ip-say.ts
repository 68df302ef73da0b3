// The Static IP step's words main said by key, said in the user's language where one piece sits inside another: the
// DHCP range's basis (its parts, joined by "; "), in the pool's line, the proposal's `why` and a typed address's
// problems. For the page and the CLI alike: it loads no catalogue (the translator given does).
import { sayIn, type Said } from '../i18n/said';
import type { Translator } from '../i18n/translator';

type Say = Pick<Translator, 't'>;

/** A pool's basis: main's English words and, where main said them by key, their parts. */
export interface PoolBasis {
  basis: string;
  basisSaid?: readonly Said[] | undefined;
}

/** What the DHCP range rests on, in the translator's language (main's English where a part is not known). */
export function sayPoolBasis(say: Say, pool: PoolBasis): string {
  if (!pool.basisSaid?.length) return pool.basis;
  const parts = pool.basisSaid.map((part) => sayIn(say, part, ''));
  return parts.some((part) => part === '') ? pool.basis : parts.join('; ');
}

/**
 * Words said by key, in the translator's language; where their {basis} is this pool's (main's English words), the
 * pool's basis said in the same language in its place. `fallback`: main's English sentence.
 */
export function sayWithBasis(say: Say, words: Said | undefined, fallback: string, pool: PoolBasis | null): string {
  const basis = words?.params?.basis;
  if (!words || !pool || basis !== pool.basis) return sayIn(say, words, fallback);
  return sayIn(say, { key: words.key, params: { ...words.params, basis: sayPoolBasis(say, pool) } }, fallback);
}

/** The proposal's reasons, each in the translator's language (main's English lines where they were not said by key). */
export function sayWhy(
  say: Say,
  proposal: { why: readonly string[]; whySaid?: readonly Said[] | undefined },
  pool: PoolBasis | null,
): string[] {
  const said = proposal.whySaid;
  return proposal.why.map((line, n) =>
    said?.length === proposal.why.length ? sayWithBasis(say, said[n], line, pool) : line,
  );
}
