import { FEATURES } from '../features';
import { commandContext, type CliCommand, type CliCore, type CliIo, type OptionKind } from './command';
import { optionName } from './option-name';
import { safeJson } from '../../shared/text/device-text';

export type { CliCore, CliIo } from './command';
export { optionName };

/** Every command, from the feature modules (in the order of their folders), then help and version. */
const COMMANDS: readonly CliCommand[] = [
  ...FEATURES.flatMap((f) => f.commands ?? []),
  {
    name: 'version',
    usage: ['version                 The app’s version.'],
    run: async ({ io, json, version }) => {
      io.stdout(json ? `${safeJson({ version })}\n` : `${version}\n`);
      return 0;
    },
  },
];

const GLOBAL_OPTIONS: Readonly<Record<string, OptionKind>> = { '--json': 'flag' };

/** Options by name, with the commands that take each (for "--x goes with …" and the unknown-option hint). */
function optionTable(commands: readonly CliCommand[]): Map<string, { kind: OptionKind; commands: string[] }> {
  const table = new Map<string, { kind: OptionKind; commands: string[] }>();
  for (const [name, kind] of Object.entries(GLOBAL_OPTIONS)) table.set(name, { kind, commands: [] });
  for (const c of commands)
    for (const [name, kind] of Object.entries(c.options ?? {})) {
      const entry = table.get(name) ?? { kind, commands: [] };
      entry.commands.push(c.name);
      table.set(name, entry);
    }
  return table;
}

export function usage(commands: readonly CliCommand[] = COMMANDS): string {
  return [
    'Usage: nvr-assist <command> [options]',
    '',
    'Commands:',
    ...commands.flatMap((c) => c.usage.map((line) => `  ${line}`)),
    '  help                    This text.',
    '',
    'Options:',
    '  --json                  Print the result as JSON (for scripts).',
    '',
    'Exit codes: 0 done, 1 the command failed (the reason is printed), 2 the command line was not understood.',
  ].join('\n');
}

export const USAGE = usage();

/** The usage message for an option we do not take; it names the option only, never a value. */
export function unknownOptionMessage(word: string, commands: readonly CliCommand[] = COMMANDS): string {
  const name = optionName(word);
  const known = optionTable(commands).get(name);
  if (word.includes('=') && known?.kind === 'value')
    return `Give ${name} its value as the next word (${name} VALUE), not after "=".`;
  if (word.includes('=') && known?.kind === 'flag') return `${name} takes no value.`;
  if (/^--pass(word)?$/i.test(name) || name === '-p')
    return `Unknown option ${name}. A password is never given on the command line: pipe it in with --password-stdin.`;
  return `Unknown option ${name}.`;
}

/** Runs one CLI command through the same dispatcher as the UI. Returns the process exit code. */
export async function runCli(
  argv: string[],
  core: CliCore,
  io: CliIo,
  version: string,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  const table = optionTable(commands);
  const usageText = () => usage(commands);
  const usageError = (message: string) => {
    io.stderr(`${message}\n\n${usageText()}\n`);
    return 2;
  };
  const flags = new Set<string>();
  const options: Record<string, string> = {};
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const kind = table.get(a)?.kind;
    if (kind === 'flag') flags.add(a);
    else if (kind === 'value') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('-')) return usageError(`${a} needs a value.`);
      options[a] = value;
    } else words.push(a);
  }
  const unknown = words.find((w) => w.startsWith('-') && w !== '-h' && w !== '--help' && w !== '--version');
  if (unknown) return usageError(unknownOptionMessage(unknown, commands));
  const [name, ...args] = words;
  if (name === undefined || name === 'help' || name === '-h' || name === '--help') {
    io.stdout(`${usageText()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === (name === '--version' ? 'version' : name));
  if (!command) return usageError(`Unknown command "${name}".`);
  for (const option of [...flags, ...Object.keys(options)]) {
    if (option in GLOBAL_OPTIONS || command.options?.[option]) continue;
    const takers = table.get(option)?.commands ?? [];
    return usageError(`${option} goes with ${takers.map((t) => `\`${t}\``).join(' and ')}.`);
  }
  const parsed = { args, json: flags.has('--json'), flags, options };
  return command.run(commandContext(core, io, parsed, version, usageText));
}
