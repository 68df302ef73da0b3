import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { englishCases } from './catalog-english-cases';

// The vendors' manual port steps and the routers' steps (forwards, DDNS, reservations) are said by key: the English
// each case says must stay byte for byte what it said before (the fixture, made once from the functions as they were).
const before = JSON.parse(
  readFileSync(new URL('../../../fixtures/catalog-english/english.json', import.meta.url), 'utf8'),
) as Record<string, string | string[]>;

describe('the catalogue’s steps in English, unchanged by saying them by key', () => {
  const now = englishCases();
  it('covers the same cases', () => {
    expect(Object.keys(now).sort()).toEqual(Object.keys(before).sort());
  });
  it.each(Object.keys(before))('%s', (name) => {
    expect(now[name]).toEqual(before[name]);
  });
});
