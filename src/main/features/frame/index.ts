import type { SetupRecord } from '../../../shared/domain/setup';
import { STEPS } from '../../../shared/domain/steps';
import { createTranslator, type Translator } from '../../../shared/i18n';
import { usageLine } from '../../cli/command';
import { formatTable } from '../../cli/table';
import { defineFeature } from '../types';

// The frame of the app: what it is, the setup record as a whole (read, skip a step, start over), and jobs.

export function renderSetup(setup: SetupRecord, t: Translator['t'] = createTranslator().t): string {
  const rows = STEPS.map((s) => {
    const state = setup.steps[s.id];
    return [s.title, s.available ? (state?.status ?? 'not-started') : 'planned', state?.reason ?? ''];
  });
  const head = (['step', 'status', 'note'] as const).map((h) => t(`cli.setup.head.${h}`));
  return [
    t('cli.setup.approach', { approach: setup.approach ?? t('cli.setup.notChosen') }),
    t('cli.setup.interface', { name: setup.interfaceName ?? t('cli.setup.interfaceNotChosen') }),
    t('cli.setup.updated', { at: setup.updatedAt }),
    '',
    formatTable(head, rows, 80),
  ].join('\n');
}

export default defineFeature({
  id: 'frame',
  handlers: ({ options, devices, setup, hub, save, now, jobs }) => ({
    'app.info': async () => ({
      name: 'NVR Remote-Access Assistant',
      version: options.version,
      mode: options.mode,
      platform: process.platform,
      canRememberPasswords: (await devices.credentials()).canRemember,
    }),
    'setup.get': async () => setup.load(),
    'setup.skipStep': async ({ step, reason }) =>
      save((draft) => {
        draft.steps[step] = { status: 'skipped', updatedAt: now().toISOString(), reason };
      }),
    'setup.reset': async () => {
      const record = await setup.reset();
      hub.emit('setup.onChanged', { setup: record });
      return record;
    },
    'job.cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
  }),
  commands: [
    {
      name: 'setup',
      usage: (t) => usageLine('setup', t('cli.setup.usage')),
      run: async ({ args, call, finish, usageError, t }) => {
        if (args.length) return usageError(t('cli.setup.noArgs'));
        return finish(await call('setup.get', {}), (d) =>
          [d.notice ? `${t('cli.setup.note', { message: d.notice.message })}\n` : '', renderSetup(d.setup, t)].join(''),
        );
      },
    },
    {
      name: 'reset',
      usage: (t) => usageLine('reset', t('cli.reset.usage')),
      run: async ({ args, call, finish, usageError, t }) => {
        if (args.length) return usageError(t('cli.reset.noArgs'));
        return finish(await call('setup.reset', {}), (s) => `${t('cli.reset.done')}\n${renderSetup(s, t)}`);
      },
    },
  ],
});
