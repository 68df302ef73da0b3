import type { SetupRecord } from '../../../shared/domain/setup';
import { STEPS } from '../../../shared/domain/steps';
import { createTranslator, type Translator } from '../../../shared/i18n';
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
      usage: ['setup                   The saved setup: chosen approach, interface and each step’s status.'],
      run: async ({ args, call, finish, usageError }) => {
        if (args.length) return usageError('`setup` takes no arguments.');
        return finish(await call('setup.get', {}), (d) =>
          [d.notice ? `Note: ${d.notice.message}\n` : '', renderSetup(d.setup)].join(''),
        );
      },
    },
    {
      name: 'reset',
      usage: ['reset                   Start the setup over (the old one is kept as a backup file).'],
      run: async ({ args, call, finish, usageError }) => {
        if (args.length) return usageError('`reset` takes no arguments.');
        return finish(await call('setup.reset', {}), (s) => `The setup was started over.\n${renderSetup(s)}`);
      },
    },
  ],
});
