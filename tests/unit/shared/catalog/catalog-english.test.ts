import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { englishCases } from './catalog-english-cases';
import { manualStepsWithSources } from '../../../../src/shared/catalog/manual-steps';
import { BRAND_PORTS, PORT_ROLES } from '../../../../src/shared/catalog/ports';
import { createTranslator } from '../../../../src/shared/i18n';
import { english } from '../../../../src/shared/i18n/english';
import { sayIn } from '../../../../src/shared/i18n/said';

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

describe('the manual port steps said by key', () => {
  const xa = createTranslator('en-XA');
  it('every brand × role: each step’s words say its English sentence, and in en-XA none is left English', () => {
    for (const brand of [...BRAND_PORTS, null])
      for (const role of PORT_ROLES) {
        const { steps, said } = manualStepsWithSources(brand, role, 23456);
        const name = `${brand?.id ?? 'general'}/${role}`;
        expect(said.map(english), name).toEqual(steps);
        said.forEach((w, i) => expect(sayIn(xa, w, steps[i]!), `${name} ${i + 1}`).not.toBe(steps[i]));
      }
  });
});
