// Routers' own DDNS clients in main's English (router-ddns.ts says them by key): main's side only, since it loads the
// whole catalogue (src/shared/i18n/english.ts), which the pages never load at once.
import { english } from '../i18n/english';
import { routerDdnsNotKnown, routerDdnsSaid, type RouterDdns, type RouterDdnsValues } from './router-ddns';

/**
 * The router's steps for the provider chosen on the page, with the name and user typed there: the provider's line
 * in its place, or what to do when the router does not list it. An unconfirmed (L) entry says so first.
 */
export function routerDdnsSteps(c: RouterDdns, v: RouterDdnsValues): string[] {
  return routerDdnsSaid(c, v).map(english);
}

/** What is said in English for a family word whose client is not known (null: the word is not one of those). */
export function routerDdnsNotKnownText(family: string | null | undefined): string | null {
  const words = routerDdnsNotKnown(family);
  return words && english(words);
}
