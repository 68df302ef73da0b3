// README's picture of each step (issue 16 item 6: "a screenshot of each step, taken by a script, kept current"):
// `npm run screens` takes them in the lab journey (tests/e2e/journey-step.spec.ts, readmeShot). What the reader
// would lose: a step without its picture, a picture of a step that is gone, a broken image in the README.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STEPS } from '../../../src/shared/domain/steps';

const readme = readFileSync('README.md', 'utf8');
const shown = [...readme.matchAll(/!\[[^\]]*\]\(docs\/screens\/([a-z-]+)\.jpg\)/g)].map((m) => m[1]!);
const ids = STEPS.map((s) => s.id);

describe('README’s step pictures', () => {
  it('shows one picture per step, in the order of the steps', () => {
    expect(shown).toEqual(ids);
  });

  it('every picture is a JPEG in docs/screens, and no picture there is of a step that is gone', () => {
    for (const id of ids) {
      const file = `docs/screens/${id}.jpg`;
      expect(existsSync(file), file).toBe(true);
      expect([...readFileSync(file).subarray(0, 3)], file).toEqual([0xff, 0xd8, 0xff]);
    }
    expect(
      readdirSync('docs/screens')
        .map((f) => f.replace(/\.jpg$/, ''))
        .sort(),
    ).toEqual([...ids].sort());
  });

  it('the journey spec takes each picture (npm run screens keeps them current)', () => {
    const spec = readFileSync('tests/e2e/journey-step.spec.ts', 'utf8');
    const taken = [...spec.matchAll(/readmeShot\(page, '([a-z-]+)'\)/g)].map((m) => m[1]!);
    expect([...taken].sort()).toEqual([...ids].sort());
  });
});
