import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

// The user's actions on the journey, counted in the page itself (issue 16: "counting the user's actions — clicks, key
// presses on controls, typed fields"): a trusted click on a control, a key press that acts on one (Enter, Space,
// arrows; Tab only moves), and each field typed into (once, however many letters). `npm run bench -- journey` prints
// what the journey spec wrote.
export const JOURNEY_ACTIONS_FILE = '.cache/journey-actions.json';

interface Counts {
  clicks: number;
  keys: number;
  fields: number;
}

function install(): void {
  const w = window as unknown as { __actions?: { clicks: number; keys: number; fields: Set<string> } };
  if (w.__actions) return;
  const a = { clicks: 0, keys: 0, fields: new Set<string>() };
  w.__actions = a;
  const CONTROL = 'button, a, input, select, textarea, summary, label, [role="button"], [role="radio"]';
  const control = (t: EventTarget | null) => (t instanceof Element ? t.closest(CONTROL) : null);
  document.addEventListener(
    'click',
    (e) => {
      // A click on a label also clicks its input: that second event is not the user's.
      if (e.isTrusted && control(e.target) && !(e.target instanceof HTMLInputElement && e.detail === 0)) a.clicks++;
    },
    true,
  );
  document.addEventListener(
    'keydown',
    (e) => {
      if (
        e.isTrusted &&
        control(e.target) &&
        ['Enter', ' ', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(e.key)
      )
        a.keys++;
    },
    true,
  );
  document.addEventListener(
    'input',
    (e) => {
      const t = e.target;
      if (
        e.isTrusted &&
        (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement) &&
        t.type !== 'checkbox' &&
        t.type !== 'radio'
      )
        a.fields.add(t.name || t.id || t.getAttribute('data-testid') || t.getAttribute('aria-label') || 'field');
    },
    true,
  );
}

/** Starts counting in this page and in every page it loads. */
export async function countActions(page: Page): Promise<void> {
  await page.addInitScript(install);
  await page.evaluate(install);
}

/** Starts the count again from zero (after the test's own setup, e.g. a fresh record). */
export async function resetActions(page: Page): Promise<void> {
  await page.evaluate(() => {
    const a = (window as unknown as { __actions: { clicks: number; keys: number; fields: Set<string> } }).__actions;
    a.clicks = 0;
    a.keys = 0;
    a.fields.clear();
  });
}

export async function readActions(page: Page): Promise<Counts> {
  return page.evaluate(() => {
    const a = (window as unknown as { __actions: { clicks: number; keys: number; fields: Set<string> } }).__actions;
    return { clicks: a.clicks, keys: a.keys, fields: a.fields.size };
  });
}

/** The actions between two readings (a part of the journey counted apart). */
export function actionsBetween(before: Counts, after: Counts): Counts {
  return { clicks: after.clicks - before.clicks, keys: after.keys - before.keys, fields: after.fields - before.fields };
}

/**
 * Writes the count for the bench: the user's actions in the app, the trips to another tool, and the time. `apart`:
 * parts of the spec that are not the user's way to the goal (a detour it takes on purpose, a download it makes to check
 * the file), each with its actions and trips: left out of the journey's count and written beside it.
 */
export function writeActions(
  c: Counts,
  outside: number,
  seconds: number,
  apart: Record<string, { actions: Counts; outside: number }> = {},
): void {
  mkdirSync('.cache', { recursive: true });
  const own = Object.values(apart).reduce((left, p) => actionsBetween(p.actions, left), c);
  const trips = Object.values(apart).reduce((left, p) => left - p.outside, outside);
  const total = (x: Counts) => x.clicks + x.keys + x.fields;
  const written = {
    ...own,
    total: total(own),
    outside: trips,
    seconds,
    apart: Object.fromEntries(
      Object.entries(apart).map(([k, p]) => [k, { ...p.actions, total: total(p.actions), outside: p.outside }]),
    ),
  };
  writeFileSync(JOURNEY_ACTIONS_FILE, `${JSON.stringify(written, null, 2)}\n`);
}
