import type { NetworkReport } from '../../shared/domain/network';
import { APPROACHES, type SetupRecord } from '../../shared/domain/setup';
import { STEPS } from '../../shared/domain/steps';
import type { InvokeChannel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { Dispatcher } from '../core/dispatch';
import { formatTable } from './table';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const USAGE = `Usage: nvr-assist <command> [options]

Commands:
  network                 This computer's network interfaces, default gateway and the interface
                          the assistant will use to find your NVR.
  setup                   The saved setup: chosen approach, interface and each step's status.
  approach <choice>       Choose how to reach the NVR: ${APPROACHES.join(' | ')}.
  interface <name>        Choose the network interface used to find devices.
  reset                   Start the setup over (the old one is kept as a backup file).
  version                 The app's version.
  help                    This text.

Options:
  --json                  Print the result as JSON (for scripts).

Exit codes: 0 done, 1 the command failed (the reason is printed), 2 the command line was not understood.`;

/** Runs one CLI command through the same dispatcher as the UI. Returns the process exit code. */
export async function runCli(argv: string[], dispatch: Dispatcher, io: CliIo, version: string): Promise<number> {
  const json = argv.includes('--json');
  const words = argv.filter((a) => a !== '--json');
  const unknownOption = words.find((w) => w.startsWith('-') && w !== '-h' && w !== '--help' && w !== '--version');
  if (unknownOption) return usageError(io, `Unknown option ${unknownOption}.`);
  const [command, ...rest] = words;

  const call = async <C extends InvokeChannel>(channel: C, input: unknown): Promise<Result<unknown>> =>
    dispatch(channel, input, { transport: 'cli' });
  const finish = (result: Result<unknown>, render: (data: never) => string): number => {
    if (json) io.stdout(`${JSON.stringify(result.ok ? result.data : { error: result.error }, null, 2)}\n`);
    if (!result.ok) {
      io.stderr(`Error: ${result.error.message}\n`);
      return 1;
    }
    if (!json) io.stdout(`${render(result.data as never)}\n`);
    return 0;
  };

  switch (command) {
    case undefined:
    case 'help':
    case '-h':
    case '--help':
      io.stdout(`${USAGE}\n`);
      return 0;
    case 'version':
    case '--version':
      io.stdout(json ? `${JSON.stringify({ version })}\n` : `${version}\n`);
      return 0;
    case 'network':
      if (rest.length) return usageError(io, '`network` takes no arguments.');
      return finish(await call('network.get', {}), renderNetwork);
    case 'setup':
      if (rest.length) return usageError(io, '`setup` takes no arguments.');
      return finish(await call('setup.get', {}), (d: { setup: SetupRecord; notice: { message: string } | null }) =>
        [d.notice ? `Note: ${d.notice.message}\n` : '', renderSetup(d.setup)].join(''),
      );
    case 'approach': {
      const choice = rest[0];
      if (rest.length !== 1 || !APPROACHES.includes(choice as (typeof APPROACHES)[number]))
        return usageError(io, `Choose one approach: ${APPROACHES.join(', ')}.`);
      return finish(await call('setup.chooseApproach', { approach: choice }), renderSetup);
    }
    case 'interface':
      if (rest.length !== 1) return usageError(io, 'Name one interface, e.g. `nvr-assist interface eth0`.');
      return finish(await call('setup.chooseInterface', { interfaceName: rest[0] }), renderSetup);
    case 'reset':
      if (rest.length) return usageError(io, '`reset` takes no arguments.');
      return finish(
        await call('setup.reset', {}),
        (s: SetupRecord) => `The setup was started over.\n${renderSetup(s)}`,
      );
    default:
      return usageError(io, `Unknown command "${command}".`);
  }
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`${message}\n\n${USAGE}\n`);
  return 2;
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

export function renderSetup(setup: SetupRecord): string {
  const rows = STEPS.map((s) => {
    const state = setup.steps[s.id];
    return [s.title, s.available ? (state?.status ?? 'not-started') : 'planned', state?.reason ?? ''];
  });
  return [
    `Approach:  ${setup.approach ?? 'not chosen yet'}`,
    `Interface: ${setup.interfaceName ?? 'not chosen yet (the recommended one is used)'}`,
    `Updated:   ${setup.updatedAt}`,
    '',
    formatTable(['STEP', 'STATUS', 'NOTE'], rows, 80),
  ].join('\n');
}
