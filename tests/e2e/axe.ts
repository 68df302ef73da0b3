import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

// axe-core, run inside the page: the WCAG 2 A and AA rules (and 2.1/2.2), the serious and critical findings kept —
// the violations, and what axe could not decide ("incomplete") but color-contrast, which axe leaves undecided for
// text it cannot measure (a symbol alone, text over a dialog's backdrop). An attribute a screen reader may ignore
// (aria-label on a <pre>) is such an undecided finding: it counts.
// The page's CSP allows only its own scripts: the spec that injects axe opens the page with `bypassCSP`.

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The WCAG levels checked (axe's tags). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Rules switched off, each with why (none: every rule of the tags above is checked). */
export const DISABLED_RULES: Record<string, string> = {};

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** Runs axe on the page as it is now: its serious and critical findings (violations, and undecided but contrast). */
export async function seriousFindings(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  const disabled = Object.keys(DISABLED_RULES);
  const found = await page.evaluate(
    async ({ tags, off }) => {
      type Result = {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      };
      type Results = { violations: Result[]; incomplete: Result[] };
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<Results> } }).axe;
      const rules = Object.fromEntries(off.map((id) => [id, { enabled: false }]));
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules });
      const undecided = r.incomplete.filter((v) => v.id !== 'color-contrast');
      return [...r.violations, ...undecided].map((v) => ({
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })),
      }));
    },
    { tags: WCAG_TAGS, off: disabled },
  );
  return found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

/** The findings as lines a person can act on (rule, what, where). */
export function findingLines(findings: AxeFinding[]): string[] {
  return findings.flatMap((f) =>
    f.nodes.map((n) => `${f.impact} ${f.rule} (${f.help}): ${n.target} — ${n.summary.replace(/\s+/g, ' ')}`),
  );
}
