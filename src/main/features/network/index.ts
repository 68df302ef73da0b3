import type { NetworkReport } from '../../../shared/domain/network';
import { APPROACHES } from '../../../shared/domain/setup';
import { approachWords } from '../../../shared/guidance/approaches';
import { AppFailure } from '../../../shared/ipc/errors';
import { createTranslator, type Translator } from '../../../shared/i18n';
import { usageLine } from '../../cli/command';
import { formatTable } from '../../cli/table';
import { classifyIpv4 } from '../../protocol/ipv4';
import { renderSetup } from '../frame';
import { defineFeature, type AppContext } from '../types';
import { judgeNetwork } from './status';

/** The interface discovery uses: the one asked for, else the chosen one, else the recommended one. */
export async function discoveryInterface(
  { setup, netcheck }: Pick<AppContext, 'setup' | 'netcheck'>,
  interfaceName: string | undefined,
): Promise<{ name: string; address: string; prefix: number }> {
  const { setup: record } = await setup.load();
  const report = await netcheck.report(record.interfaceName);
  const name = interfaceName ?? report.chosenInterface ?? report.recommended?.interfaceName;
  const iface = name ? report.interfaces.find((i) => i.name === name) : undefined;
  if (name && !iface) throw new AppFailure('INTERFACE_NOT_FOUND');
  const address = iface?.ipv4.find((a) => !['loopback', 'link-local'].includes(classifyIpv4(a.address) ?? ''));
  if (!iface || !iface.usable || !address) throw new AppFailure('INTERFACE_UNUSABLE');
  return { name: iface.name, address: address.address, prefix: address.prefix };
}

export function renderNetwork(report: NetworkReport, t: Translator['t'] = createTranslator().t): string {
  const rows = report.interfaces.map((i) => [
    i.name === report.recommended?.interfaceName ? `${i.name} *` : i.name,
    i.kind,
    i.up ? t('cli.network.up') : t('cli.network.down'),
    i.ipv4.map((a) => `${a.address}/${a.prefix}`).join(', ') || '-',
    i.mac ?? '-',
    i.note,
  ]);
  const head = (['interface', 'kind', 'state', 'ipv4', 'mac', 'note'] as const).map((h) => t(`cli.network.head.${h}`));
  const lines = [formatTable(head, rows, 80), ''];
  lines.push(
    report.gateway
      ? t('cli.network.gateway', { address: report.gateway.address, name: report.gateway.interfaceName })
      : t('cli.network.noGateway'),
  );
  lines.push(
    report.recommended
      ? t('cli.network.findingThrough', { reason: report.recommended.reason })
      : t('cli.network.noInterface'),
  );
  if (report.chosenInterface && report.chosenInterface !== report.recommended?.interfaceName)
    lines.push(t('cli.network.youChose', { name: report.chosenInterface }));
  lines.push(t('cli.network.measuredAt', { at: report.measuredAt }));
  return lines.join('\n');
}

/** The three ways to reach the NVR from outside, each with what is good and what to watch (`approach` alone). */
export function renderApproaches(t: Translator['t'] = createTranslator().t): string {
  const lines: string[] = [];
  for (const way of approachWords(t)) {
    const title = way.recommended ? t('cli.approach.recommended', { title: way.title }) : way.title;
    lines.push(t('cli.approach.way', { choice: way.id, title }), `  ${way.summary}`);
    lines.push(`  ${t('cli.approach.good')}`, ...way.pros.map((p) => `  - ${p}`));
    lines.push(`  ${t('cli.approach.watchOut')}`, ...way.cons.map((c) => `  - ${c}`), '');
  }
  lines.push(t('cli.approach.choose', { command: '`nvr-assist approach <choice>`' }));
  return lines.join('\n');
}

export default defineFeature({
  id: 'network',
  handlers: ({ setup, netcheck, save, now }) => ({
    'network.get': async () => {
      const { setup: record } = await setup.load();
      const report = await netcheck.report(record.interfaceName);
      await save((draft) => {
        draft.network = report;
        judgeNetwork(draft, now());
      });
      return report;
    },
    'setup.chooseApproach': async ({ approach }) =>
      save((draft) => {
        draft.approach = approach;
        judgeNetwork(draft, now());
      }),
    'setup.chooseInterface': async ({ interfaceName }) => {
      const report = await netcheck.report(interfaceName);
      const chosen = report.interfaces.find((i) => i.name === interfaceName);
      if (!chosen) throw new AppFailure('INTERFACE_NOT_FOUND');
      if (!chosen.usable) throw new AppFailure('INTERFACE_UNUSABLE');
      return save((draft) => {
        draft.interfaceName = interfaceName;
        draft.network = report;
        judgeNetwork(draft, now());
      });
    },
  }),
  commands: [
    {
      name: 'network',
      usage: (t) => usageLine('network', t('cli.network.usage')),
      run: async ({ args, call, finish, usageError, t }) => {
        if (args.length) return usageError(t('cli.network.noArgs'));
        return finish(await call('network.get', {}), (r) => renderNetwork(r, t));
      },
    },
    {
      name: 'approach',
      usage: (t) => [
        ...usageLine('approach <choice>', t('cli.approach.usage', { choices: APPROACHES.join(' | ') })),
        ...usageLine('approach', t('cli.approach.listUsage')),
      ],
      run: async ({ args, json, call, finish, usageError, t, io }) => {
        // Without a choice: the ways to choose from, in the terminal's language (with --json, in English, as main's
        // other JSON, each by the id `approach <choice>` takes).
        if (args.length === 0) {
          const english = createTranslator().t;
          io.stdout(
            json ? `${JSON.stringify({ approaches: approachWords(english) }, null, 2)}\n` : `${renderApproaches(t)}\n`,
          );
          return 0;
        }
        const choice = APPROACHES.find((a) => a === args[0]);
        if (args.length !== 1 || !choice)
          return usageError(t('cli.approach.chooseOne', { choices: APPROACHES.join(', ') }));
        return finish(await call('setup.chooseApproach', { approach: choice }), (s) => renderSetup(s, t));
      },
    },
    {
      name: 'interface',
      usage: (t) => usageLine('interface <name>', t('cli.interface.usage')),
      run: async ({ args, call, finish, usageError, t }) => {
        if (args.length !== 1) return usageError(t('cli.interface.nameOne'));
        return finish(await call('setup.chooseInterface', { interfaceName: args[0]! }), (s) => renderSetup(s, t));
      },
    },
  ],
});
