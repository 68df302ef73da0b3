import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STEPS } from '../../../../src/shared/domain/steps';
import { STEP_PAGES, createRoutes } from '../../../../src/renderer/router';

const STEPS_DIR = join(import.meta.dirname, '../../../../src/renderer/steps');

describe('a folder per step', () => {
  it('every available step has its page in steps/<id>/, found by the router', () => {
    for (const step of STEPS.filter((s) => s.available)) {
      expect(STEP_PAGES[step.id], step.id).toBeDefined();
      const files = readdirSync(join(STEPS_DIR, step.id));
      expect(
        files.filter((f) => /^WizardStep\w+\.vue$/.test(f)),
        step.id,
      ).toHaveLength(1);
    }
    const routes = createRoutes().map((r) => r.name);
    for (const step of STEPS.filter((s) => s.available)) expect(routes).toContain(`step-${step.id}`);
  });

  it('every folder under steps/ is a step of STEPS with a page (no stray or planned-step folder)', () => {
    const folders = readdirSync(STEPS_DIR).filter((f) => statSync(join(STEPS_DIR, f)).isDirectory());
    const available = STEPS.filter((s) => s.available).map((s) => s.id as string);
    expect(folders.sort()).toEqual([...available].sort());
  });
});
