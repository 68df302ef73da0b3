import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { STEPS } from '../../src/shared/domain/steps';
import { appHome } from './signed-in';

// "Checklist" at the start of a journey, in browser mode against the built server on loopback (nothing leaves
// 127.0.0.1): the setup started over, the page lists every step as to do, and the PDF downloaded from the page — made
// by main, saved by the browser from the bytes — is read back with poppler: every step a box still to tick, no NVR,
// A4 by default and US Letter from its button; the JSON the same; and the step turns verified once downloaded. What the
// user would lose: a checklist that hides what is left, a button that saves nothing, or the wrong paper.

const url = process.env.NVR_ASSIST_URL;
const poppler = spawnSync('pdftotext', ['-v']).error === undefined;

function pageErrors(page: Page): string[] {
  const seen: string[] = [];
  page.on('pageerror', (e) => seen.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && seen.push(m.text())));
  return seen;
}

async function shoot(page: Page, width: number, name: string): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true });
  await page.setViewportSize({ width, height: 900 });
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true, animations: 'disabled' });
}

/** Clicks a download button and saves what the browser downloaded in `dir`; its suggested name and path. */
async function download(page: Page, testid: string, dir: string): Promise<{ name: string; path: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

test('Checklist at the start of a journey: every step to do on the page and in the PDF (A4, Letter) and JSON downloaded from it', async ({
  page,
}) => {
  test.skip(!poppler, 'poppler (pdftotext, pdfinfo) is needed to read the PDF back');
  expect(url, 'NVR_ASSIST_URL is exported by tests/e2e/global-setup.ts').toBeTruthy();
  const problems = pageErrors(page);
  const dir = mkdtempSync(join(tmpdir(), 'nvr-checklist-e2e-'));
  try {
    // The first page reads the network and saves what it found: let that land before starting over, or it may land
    // after the download, and the page then rightly says the setup changed since.
    const networkRead = page.waitForResponse((r) => r.url().includes('/api/invoke/network.get'), { timeout: 30_000 });
    await page.goto(appHome(url!));
    await networkRead;
    // Start from a fresh setup (other specs share the server), through the confirmation.
    await page.getByTestId('start-over').click();
    await page.getByTestId('start-over-confirm').click();
    await expect(page.getByText('The setup starts fresh.')).toBeVisible();

    await page
      .getByRole('navigation', { name: 'Setup steps' })
      .getByRole('link', { name: /Checklist/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Checklist' })).toBeVisible();
    await expect(page.getByTestId('checklist-step-status')).toHaveText('not started');
    await expect(page.getByTestId('checklist-done-none')).toBeVisible();
    await expect(page.getByTestId('checklist-no-nvr')).toBeVisible();
    const todo = page.locator('[data-testid="checklist-todo"] > li');
    await expect(todo).toHaveCount(STEPS.length);
    expect(await todo.evaluateAll((li) => li.map((l) => l.getAttribute('data-step')))).toEqual(STEPS.map((s) => s.id));
    await shoot(page, 1400, 'checklist-step-fresh');
    await shoot(page, 900, 'checklist-step-fresh');
    await page.setViewportSize({ width: 1400, height: 900 });

    // The PDF on A4: every step listed as still to do, no NVR; real text, one page or more, A4.
    const a4 = await download(page, 'checklist-download-a4', dir);
    expect(a4.name).toMatch(/^nvr-checklist-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(readFileSync(a4.path).subarray(0, 5).toString()).toBe('%PDF-');
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', '-layout', a4.path, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('NVR remote access — checklist');
    expect(text).toContain('No NVR chosen yet');
    const still = text.slice(text.indexOf('Still to do'));
    expect(still.length).toBeGreaterThan('Still to do'.length);
    // Every step but the checklist itself (the file is the checklist: done by being made) is a box still to tick.
    for (const s of STEPS.filter((x) => x.id !== 'checklist')) expect(still, s.title).toContain(s.title);
    expect(still).toContain('Not done yet.');
    // Every step of this version has its page: none is said to be missing from it.
    expect(still).not.toContain('Not in this version of the app yet.');
    const info = spawnSync('pdfinfo', [a4.path], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);

    // Downloaded: the step is verified, and the page says when and what.
    await expect(page.getByTestId('checklist-step-status')).toHaveText('verified');
    await expect(page.getByTestId('checklist-last')).toContainText(`${a4.name}`);
    await expect(page.getByTestId('checklist-last')).toContainText('It says what the setup says now.');

    // Letter, and JSON.
    const letter = await download(page, 'checklist-download-letter', dir);
    expect(letter.name).toMatch(/-letter\.pdf$/);
    expect(spawnSync('pdfinfo', [letter.path], { encoding: 'utf8' }).stdout).toMatch(
      /Page size:\s+612 x 792 pts \(letter\)/,
    );
    const json = await download(page, 'checklist-download-json', dir);
    const c = JSON.parse(readFileSync(json.path, 'utf8'));
    expect(c).toMatchObject({ format: 'nvr-assist.checklist', schemaVersion: 1, nvr: { chosen: false } });
    expect(c.todo.map((t: { step: string }) => t.step)).toEqual(
      STEPS.map((s) => s.id).filter((id) => id !== 'checklist'),
    );
    await shoot(page, 1400, 'checklist-step-downloaded');
    expect(problems).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
