import { describe, expect, it } from 'vitest';
import { createDispatcher, type CallContext } from '../../../src/main/core/dispatch';
import { createJobRunner } from '../../../src/main/core/jobs';
import { refusalWithParts, saidFailure } from '../../../src/main/core/said-failure';
import { createTranslator, localMessage } from '../../../src/shared/i18n';
import { said, saidWords } from '../../../src/shared/i18n/said';
import { invokeContract, type InvokeHandlers } from '../../../src/shared/ipc/contract';
import { AppFailure } from '../../../src/shared/ipc/errors';
import { resultEnvelopeSchema } from '../../../src/shared/ipc/result';

// A failure main words itself (its own sentence, with the facts in it) carries the catalogue's key and values beside
// the English: across the dispatcher and a job's end, and said in the user's language by the CLI and the pages.
const pseudo = createTranslator('en-XA');
const english = createTranslator('en');

const refused = () =>
  saidFailure(
    'STATIC_IP_DEVICE_REFUSED',
    said('staticIp.failures.refusedStayed', {
      what: saidWords('staticIp.failures.what.SetNetworkInterfaces'),
      why: saidWords('staticIp.failures.why.invalidMtu'),
      stayed: saidWords('staticIp.failures.what.SetDNS'),
    }),
  );
const ENGLISH =
  'The NVR refused the new address (it says the network settings are not valid). It kept its address, but the DNS servers could not be put back as they were: check them in the NVR’s own network page.';

function dispatcherThrowing(failure: AppFailure) {
  const handlers = Object.fromEntries(
    Object.keys(invokeContract).map((channel) => [
      channel,
      async () => {
        throw failure;
      },
    ]),
  ) as unknown as InvokeHandlers<CallContext>;
  return createDispatcher(handlers, () => {});
}

describe('main’s failures said by key', () => {
  it('keep main’s English sentence as their message, and cross the dispatcher with their key and values', async () => {
    expect(refused().message).toBe(ENGLISH);
    const answer = await dispatcherThrowing(refused())('app.info', {}, { transport: 'test' });
    expect(resultEnvelopeSchema.safeParse(answer).success).toBe(true);
    if (answer.ok) throw new Error('expected a failure');
    expect(answer.error).toMatchObject({ code: 'STATIC_IP_DEVICE_REFUSED', message: ENGLISH });
    expect(answer.error.said?.key).toBe('staticIp.failures.refusedStayed');
    // In English the words are main's sentence; in another language none of its English is left.
    expect(localMessage(answer.error, english)).toBe(ENGLISH);
    const shown = localMessage(answer.error, pseudo);
    expect(shown).not.toBe(ENGLISH);
    expect(shown).not.toContain('the DNS servers');
    expect(shown).not.toContain('could not be put back');
    expect(shown).toBe(
      pseudo.t('staticIp.failures.refusedStayed', {
        what: pseudo.t('staticIp.failures.what.SetNetworkInterfaces'),
        why: pseudo.t('staticIp.failures.why.invalidMtu'),
        stayed: pseudo.t('staticIp.failures.what.SetDNS'),
      }),
    );
  });

  it('a refusal lists its problems, each in the user’s language, in its sentence', async () => {
    const parts = [
      { said: said('staticIp.poolProblem.reversed', { range: '192.168.1.200-192.168.1.100' }), text: 'English one.' },
      { text: 'A problem main said only in English.' },
    ];
    const failure = refusalWithParts('STATIC_IP_REFUSED', 'staticIp.failures.notSent', parts);
    expect(failure.message).toBe(
      'The app did not send that address: English one. A problem main said only in English. Nothing was changed.',
    );
    const answer = await dispatcherThrowing(failure)('app.info', {}, { transport: 'test' });
    if (answer.ok) throw new Error('expected a failure');
    expect(answer.error.parts).toHaveLength(2);
    const shown = localMessage(answer.error, pseudo);
    expect(shown).toContain(pseudo.t('staticIp.poolProblem.reversed', { range: '192.168.1.200-192.168.1.100' }));
    expect(shown).toContain('A problem main said only in English.');
    expect(shown).not.toContain('The app did not send that address');
  });

  it('a job that fails with one ends with its key, values and parts', async () => {
    const events: Array<{ channel: string; payload: unknown }> = [];
    const hub = { emit: (channel: string, payload: unknown) => void events.push({ channel, payload }) };
    const jobs = createJobRunner(hub as never, () => 'job-1');
    const failure = refusalWithParts('STATIC_IP_UNCONFIRMED', 'staticIp.failures.notConfirmed', [
      { text: 'Only English.' },
    ]);
    jobs.start('static-ip-apply', async () => {
      throw failure;
    });
    await expect.poll(() => events.some((e) => e.channel === 'job.onDone')).toBe(true);
    const done = events.find((e) => e.channel === 'job.onDone')!.payload as {
      error: Parameters<typeof localMessage>[0];
    };
    expect(done.error).toMatchObject({
      code: 'STATIC_IP_UNCONFIRMED',
      said: { key: 'staticIp.failures.notConfirmed' },
    });
    expect(localMessage(done.error, pseudo)).toContain('Only English.');
    expect(localMessage(done.error, pseudo)).not.toContain('Confirm it to send it anyway');
  });

  it('a failure with the catalogue’s words alone is said by its code, as before', () => {
    const plain = new AppFailure('STATIC_IP_BAD_POOL');
    expect(localMessage(plain, pseudo)).toBe(pseudo.t('errors.STATIC_IP_BAD_POOL'));
  });

  it('a job’s progress line said by key travels with its English sentence', () => {
    const events: Array<{ channel: string; payload: unknown }> = [];
    const hub = { emit: (channel: string, payload: unknown) => void events.push({ channel, payload }) };
    const jobs = createJobRunner(hub as never, () => 'job-2');
    jobs.start('static-ip-apply', async ({ progress }) => {
      progress(1, 6, said('staticIp.progress.probing', { address: '192.168.1.230' }));
      progress(2, 6, 'An English line.');
      await new Promise(() => {});
    });
    expect(events.map((e) => e.payload)).toEqual([
      {
        jobId: 'job-job-2',
        kind: 'static-ip-apply',
        done: 1,
        total: 6,
        message: 'Making sure nothing answers at 192.168.1.230…',
        said: { key: 'staticIp.progress.probing', params: { address: '192.168.1.230' } },
      },
      { jobId: 'job-job-2', kind: 'static-ip-apply', done: 2, total: 6, message: 'An English line.' },
    ]);
  });
});

describe('a refusal’s listed problems', () => {
  const pseudo = createTranslator('en-XA');
  const long = (n: number) => ({ text: `Problem ${n}: ${'x'.repeat(250)}.` });

  it('go in whole, in English and in the user’s language (a value said by key is cut at 300 characters; they are not)', async () => {
    const parts = [long(1), long(2)];
    const failure = refusalWithParts('STATIC_IP_REFUSED', 'staticIp.failures.notSent', parts);
    expect(failure.message).toBe(
      `The app did not send that address: ${parts.map((p) => p.text).join(' ')} Nothing was changed.`,
    );
    const shown = localMessage(failure, pseudo);
    for (const p of parts) expect(shown).toContain(p.text);
    expect(shown).not.toContain('The app did not send that address');
  });

  it('one that does not fit what crosses leaves the key out: main’s English is said', () => {
    const failure = refusalWithParts('STATIC_IP_REFUSED', 'staticIp.failures.notSent', [{ text: 'y'.repeat(700) }]);
    expect(failure.said).toBeUndefined();
    expect(failure.parts).toBeUndefined();
    expect(localMessage(failure, pseudo)).toBe(failure.message);
    expect(failure.message).toContain('y'.repeat(700));
  });
});
