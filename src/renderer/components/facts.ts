import type { Fact } from './FactList.vue';

/**
 * A fact that may not be known (an address, a gateway, a MAC): its value in the fixed-width font when there is one,
 * else the words that say why not, in the page's own type. `value` null or undefined is unknown; an empty one stays.
 */
export function factOr(
  key: string,
  label: string,
  value: string | null | undefined,
  otherwise: string,
  testid: string,
): Fact {
  return { key, label, value: value ?? otherwise, mono: !!value, testid };
}
