// The app's own errors in main's words (app.failures: the saved progress that cannot be read, the damaged file in a
// folder that cannot be written, a request not in the expected form) cross the dispatcher and a job's end with their
// key and values beside the English: said in the user's language by the pages and the CLI (en-XA here), the file,
// the folder and the fields as they came. The app group loads with the first screen: any page can say them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type CallContext } from '../../../src/main/core/dispatch';
import { createJobRunner } from '../../../src/main/core/jobs';
import { createSetupStore, nodeSetupFs, type SetupFs } from '../../../src/main/services/setup-store';
import { createTranslator, localMessage } from '../../../src/shared/i18n';
import { invokeContract, type InvokeHandlers } from '../../../src/shared/ipc/contract';
import { resultEnvelopeSchema, type AppError } from '../../../src/shared/ipc/result';

const en = createTranslator('en');
const xa = createTranslator('en-XA');

const refuse = (code: string) => () => Promise.reject(Object.assign(new Error(code), { code }));
/** A read-only disk: reading works, every write fails. */
const readOnlyFs: Partial<SetupFs> = {
  open: (path, flags, mode) => (flags === 'r' ? nodeSetupFs.open(path, flags, mode) : refuse('EROFS')()),
  rename: refuse('EROFS'),
  unlink: refuse('EROFS'),
  mkdir: async () => undefined,
};

/** Every channel answered by `work` (the setup store's load, here). */
function dispatcherDoing(work: () => Promise<unknown>) {
  const handlers = Object.fromEntries(Object.keys(invokeContract).map((channel) => [channel, work]));
  return createDispatcher(handlers as unknown as InvokeHandlers<CallContext>, () => {});
}

/** The error as it crossed: a valid envelope, its code, main's English kept as its message. */
function crossed(answer: unknown, code: string, english: string): AppError {
  expect(resultEnvelopeSchema.safeParse(answer).success).toBe(true);
  const result = answer as { ok: boolean; error: AppError };
  expect(result.ok).toBe(false);
  expect(result.error).toMatchObject({ code, message: english });
  expect(localMessage(result.error, en)).toBe(english);
  expect(localMessage(result.error, xa)).not.toContain(english);
  return result.error;
}

describe('the app’s own errors said by key', () => {
  it('a request not in the expected form names its fields, in the user’s language', async () => {
    const answer = await dispatcherDoing(async () => ({}))('vpn.config', { which: 7 }, { transport: 'test' });
    const error = crossed(answer, 'BAD_REQUEST', 'The request was not in the expected form (check: which, out).');
    expect(localMessage(error, xa)).toBe(xa.t('app.failures.badRequest', { fields: 'which, out' }));
  });

  it('a damaged record in a folder that cannot be written names the file and the folder as they are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'app-said-'));
    const file = join(dir, 'setup.json');
    writeFileSync(file, 'not json');
    const store = createSetupStore(file, () => new Date('2026-12-06T12:00:00Z'), { fs: readOnlyFs });
    const answer = await dispatcherDoing(() => store.load())('setup.get', {}, { transport: 'test' });
    const error = crossed(
      answer,
      'SETUP_DAMAGED_READ_ONLY',
      `Your saved progress in ${file} is damaged and the folder ${dir} cannot be written. ` +
        'Make the folder writable or move the file away, then start the app again.',
    );
    expect(localMessage(error, xa)).toBe(xa.t('app.failures.damagedReadOnly', { file, folder: dir }));
    expect(localMessage(error, xa)).toContain(file);
  });

  it('a record that cannot be read, at a job’s end', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'app-said-')), 'setup.json');
    writeFileSync(file, '{}');
    const store = createSetupStore(file, () => new Date('2026-12-06T12:00:00Z'), { fs: { open: refuse('EACCES') } });
    const events: Array<{ channel: string; payload: unknown }> = [];
    const hub = { emit: (channel: string, payload: unknown) => void events.push({ channel, payload }) };
    createJobRunner(hub as never, () => 'job-1').start('static-ip-apply', async () => {
      await store.load();
    });
    await expect.poll(() => events.some((e) => e.channel === 'job.onDone')).toBe(true);
    const done = events.find((e) => e.channel === 'job.onDone')!.payload as { error: AppError };
    const english = 'Your saved progress could not be read. Check the permissions of the app’s settings folder.';
    expect(done.error).toMatchObject({ code: 'SETUP_WRITE_FAILED', message: english });
    expect(localMessage(done.error, en)).toBe(english);
    expect(localMessage(done.error, xa)).toBe(xa.t('app.failures.notRead'));
  });
});
