// README's picture of each step (issue 16 item 6: "a screenshot of each step, taken by a script, kept current"):
// `npm run screens` takes them in the lab journey (tests/e2e/journey-step.spec.ts, readmeShot). What the reader
// would lose: a step without its picture, a picture of a step that is gone, a broken image in the README.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STEPS } from '../../../src/shared/domain/steps';

const readme = readFileSync('README.md', 'utf8');
const shown = [...readme.matchAll(/!\[[^\]]*\]\(docs\/screens\/([a-z-]+)\.jpg\)/g)].map((m) => m[1]!);
const ids = STEPS.map((s) => s.id);

// A new step's picture comes with `npm run screens` once the journey passes through it; until then the step is only
// missing from the table (adding a step touches only STEPS and its own files: npm run check:step-shape).
describe('README’s step pictures', () => {
  it('shows the steps in their order, one picture each, and every step of today (the twelve) has one', () => {
    expect(shown).toEqual(ids.filter((id) => shown.includes(id)));
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown.length).toBeGreaterThanOrEqual(12);
  });

  it('every picture is a JPEG in docs/screens, of a step that exists, and none there is left unshown', () => {
    for (const id of shown) {
      const file = `docs/screens/${id}.jpg`;
      expect(existsSync(file), file).toBe(true);
      expect([...readFileSync(file).subarray(0, 3)], file).toEqual([0xff, 0xd8, 0xff]);
    }
    expect(
      readdirSync('docs/screens')
        .map((f) => f.replace(/\.jpg$/, ''))
        .sort(),
    ).toEqual([...shown].sort());
  });

  it('the journey spec takes each picture the README shows (npm run screens keeps them current)', () => {
    const spec = readFileSync('tests/e2e/journey-step.spec.ts', 'utf8');
    const taken = [...spec.matchAll(/readmeShot\(page, '([a-z-]+)'\)/g)].map((m) => m[1]!);
    expect([...taken].sort()).toEqual([...shown].sort());
  });
});
