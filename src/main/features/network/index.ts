import type { NetworkReport } from '../../../shared/domain/network';
import { APPROACHES } from '../../../shared/domain/setup';
import { AppFailure } from '../../../shared/ipc/errors';
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

export function renderNetwork(report: NetworkReport): string {
  const rows = report.interfaces.map((i) => [
    i.name === report.recommended?.interfaceName ? `${i.name} *` : i.name,
    i.kind,
    i.up ? 'up' : 'down',
    i.ipv4.map((a) => `${a.address}/${a.prefix}`).join(', ') || '-',
    i.mac ?? '-',
    i.note,
  ]);
  const lines = [formatTable(['INTERFACE', 'KIND', 'STATE', 'IPV4', 'MAC', 'NOTE'], rows, 80), ''];
  lines.push(
    report.gateway
      ? `Default gateway: ${report.gateway.address} via ${report.gateway.interfaceName}`
      : 'Default gateway: none found (this computer has no route to the internet).',
  );
  lines.push(
    report.recommended
      ? `Finding devices through: ${report.recommended.reason} (marked *)`
      : 'No interface can be used to find devices: connect this computer to the NVR’s network.',
  );
  if (report.chosenInterface && report.chosenInterface !== report.recommended?.interfaceName)
    lines.push(`You chose: ${report.chosenInterface}`);
  lines.push(`Measured at ${report.measuredAt}`);
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
      usage: [
        'network                 This computer’s network interfaces, default gateway and the interface',
        '                        the assistant will use to find your NVR.',
      ],
      run: async ({ args, call, finish, usageError }) => {
        if (args.length) return usageError('`network` takes no arguments.');
        return finish(await call('network.get', {}), renderNetwork);
      },
    },
    {
      name: 'approach',
      usage: [`approach <choice>       Choose how to reach the NVR: ${APPROACHES.join(' | ')}.`],
      run: async ({ args, call, finish, usageError }) => {
        const choice = APPROACHES.find((a) => a === args[0]);
        if (args.length !== 1 || !choice) return usageError(`Choose one approach: ${APPROACHES.join(', ')}.`);
        return finish(await call('setup.chooseApproach', { approach: choice }), renderSetup);
      },
    },
    {
      name: 'interface',
      usage: ['interface <name>        Choose the network interface used to find devices.'],
      run: async ({ args, call, finish, usageError }) => {
        if (args.length !== 1) return usageError('Name one interface, e.g. `nvr-assist interface eth0`.');
        return finish(await call('setup.chooseInterface', { interfaceName: args[0]! }), renderSetup);
      },
    },
  ],
});
