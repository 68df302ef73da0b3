import { FEATURES } from '../features';
import {
  commandContext,
  usageLine,
  usageLines,
  type CliCommand,
  type CliCore,
  type CliIo,
  type OptionKind,
} from './command';
import { optionName } from './option-name';
import { safeJson } from '../../shared/text/device-text';
import { createTranslator, DEFAULT_LOCALE, type ResolvedLocale, type Translator } from '../../shared/i18n';

export type { CliCore, CliIo } from './command';
export { optionName };

/** Every command, from the feature modules (in the order of their folders), then help and version. */
const COMMANDS: readonly CliCommand[] = [
  ...FEATURES.flatMap((f) => f.commands ?? []),
  {
    name: 'version',
    usage: (t) => usageLine('version', t('cli.usage.version')),
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

/** The usage text in the translator's language: each command's lines, then help, the global options, exit codes. */
export function usage(commands: readonly CliCommand[] = COMMANDS, tr: Translator = createTranslator()): string {
  const { t } = tr;
  return [
    t('cli.usage.synopsis'),
    '',
    t('cli.usage.commands'),
    ...commands.flatMap((c) => usageLines(c, tr).map((line) => `  ${line}`)),
    ...usageLine('help', t('cli.usage.help')).map((line) => `  ${line}`),
    '',
    t('cli.usage.options'),
    ...usageLine('--json', t('cli.usage.json')).map((line) => `  ${line}`),
    '',
    t('cli.usage.exitCodes'),
  ].join('\n');
}

export const USAGE = usage();

/** The usage message for an option we do not take; it names the option only, never a value. */
export function unknownOptionMessage(
  word: string,
  commands: readonly CliCommand[] = COMMANDS,
  { t }: Translator = createTranslator(),
): string {
  const option = optionName(word);
  const known = optionTable(commands).get(option);
  if (word.includes('=') && known?.kind === 'value') return t('cli.option.valueAfterEquals', { option });
  if (word.includes('=') && known?.kind === 'flag') return t('cli.option.takesNoValue', { option });
  if (/^--pass(word)?$/i.test(option) || option === '-p') return t('cli.option.passwordOnCommandLine', { option });
  return t('cli.option.unknown', { option });
}

/** Runs one CLI command through the same dispatcher as the UI. Returns the process exit code. */
export async function runCli(
  argv: string[],
  core: CliCore,
  io: CliIo,
  version: string,
  commands: readonly CliCommand[] = COMMANDS,
  locale: string | ResolvedLocale = DEFAULT_LOCALE,
): Promise<number> {
  const tr = createTranslator(locale);
  const { t } = tr;
  const table = optionTable(commands);
  const usageText = () => usage(commands, tr);
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
      if (value === undefined || value.startsWith('-')) return usageError(t('cli.option.needsValue', { option: a }));
      options[a] = value;
    } else words.push(a);
  }
  const unknown = words.find((w) => w.startsWith('-') && w !== '-h' && w !== '--help' && w !== '--version');
  if (unknown) return usageError(unknownOptionMessage(unknown, commands, tr));
  const [name, ...args] = words;
  if (name === undefined || name === 'help' || name === '-h' || name === '--help') {
    io.stdout(`${usageText()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === (name === '--version' ? 'version' : name));
  if (!command) return usageError(t('cli.unknownCommand', { name }));
  for (const option of [...flags, ...Object.keys(options)]) {
    if (option in GLOBAL_OPTIONS || command.options?.[option]) continue;
    const takers = table.get(option)?.commands ?? [];
    const commandsList = takers.map((c) => `\`${c}\``).join(t('cli.option.and'));
    return usageError(t('cli.option.goesWith', { option, commands: commandsList }));
  }
  const parsed = { args, json: flags.has('--json'), flags, options };
  return command.run(commandContext(core, io, parsed, version, usageText, tr));
}
