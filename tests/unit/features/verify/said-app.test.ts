// Verify's own words through the app (the real core, dispatcher and job runner; nothing measured): a checker that is
// not an http(s) address is refused by key, and the run's progress lines are said by key — the page and the CLI say
// them in the user's language (en-XA here), main's English unchanged beside them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../../src/main/app';
import { createTranslator, localMessage } from '../../../../src/shared/i18n';
import { sayIn } from '../../../../src/shared/i18n/said';
import type { EventPayload } from '../../../../src/shared/ipc/contract';
import { LAB_CLIENT } from '../../../support/fake-system';

const en = createTranslator('en');
const xa = createTranslator('en-XA');
const cores: AppCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

function app() {
  const core = createAppCore({
    dataDir: mkdtempSync(join(tmpdir(), 'verify-said-')),
    mode: 'cli',
    version: '1',
    system: LAB_CLIENT(),
    log: () => {},
  });
  cores.push(core);
  return core;
}

describe('Verify’s own words said by key', () => {
  it('a checker that is not an http(s) address without a query is refused in the user’s language', async () => {
    const answer = await app().dispatch('verify.run', { checker: 'ftp://198.51.100.10/' }, { transport: 'test' });
    expect(answer.ok).toBe(false);
    const error = answer.ok ? null : answer.error;
    const english = 'The checker is not an http(s) address without a query.';
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      message: english,
      said: { key: 'verify.said.failures.badChecker' },
    });
    expect(localMessage(error!, en)).toBe(english);
    expect(localMessage(error!, xa)).toBe(xa.t('verify.said.failures.badChecker'));
  });

  it('a run’s progress lines cross with their key: English as it was, en-XA never English', async () => {
    const core = app();
    const lines: Array<EventPayload<'job.onProgress'>> = [];
    let ended = false;
    core.hub.subscribe((event, payload) => {
      if (event === 'job.onProgress') lines.push(payload as EventPayload<'job.onProgress'>);
      if (event === 'job.onDone') ended = true;
    });
    const started = await core.dispatch('verify.run', {}, { transport: 'test' });
    expect(started.ok).toBe(true);
    await expect.poll(() => ended).toBe(true);
    expect(lines.map((l) => l.message)).toEqual([
      'Checking the NVR at its address and its ports, and the router’s UPnP mappings…',
      'Reading the public address…',
      'Checking the DDNS name and what the outside reaches…',
      'Comparing with the saved setup…',
    ]);
    for (const line of lines) {
      expect(line.said?.key).toMatch(/^verify\.said\.progress\./);
      expect(sayIn(en, line.said, '')).toBe(line.message);
      expect(sayIn(xa, line.said, line.message)).not.toBe(line.message);
    }
  });
});
