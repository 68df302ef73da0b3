import type { EventName, EventPayload, InvokeChannel, InvokeInput, InvokeOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { safeJson } from '../../shared/text/device-text';
import { createTranslator, localMessage, type Translator } from '../../shared/i18n';
import type { Dispatcher } from '../core/dispatch';
import type { EventHub } from '../core/events';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of standard input (for --password-stdin); never echoed or logged. */
  readStdin?: () => Promise<string>;
}

export interface CliCore {
  dispatch: Dispatcher;
  /** Events of long jobs (progress, devices as they are found). */
  hub: Pick<EventHub, 'subscribe'>;
}

/** An option a command takes: a flag (`--full`) or one that takes the next word as its value (`--port 80`). */
export type OptionKind = 'flag' | 'value';

/** One CLI command, contributed by a feature module (src/main/features/<id>/). */
export interface CliCommand {
  name: string;
  /**
   * The usage lines for `help`: the first is the synopsis, the rest explain it. A function of the translator gives
   * them in the user's language (`usageLine` lays a synopsis and its words out in the help's columns).
   */
  usage: readonly string[] | ((t: Translator['t']) => readonly string[]);
  /** The options it takes, beyond the global --json. */
  options?: Readonly<Record<string, OptionKind>>;
  run(cmd: CommandContext): Promise<number>;
}

/** Where a command's words start in the help (the synopsis is padded to it). */
const USAGE_COLUMN = 24;
/** How wide a command's words are in the help, after the column. */
const USAGE_WIDTH = 80;

/**
 * One command's help: its synopsis, then `about` from the column on, wrapped at word ends (continued lines start at
 * the column; a synopsis too long for the column puts `about` on the next line).
 */
export function usageLine(synopsis: string, about: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of about.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > USAGE_WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  const indent = ' '.repeat(USAGE_COLUMN);
  const first =
    synopsis.length < USAGE_COLUMN - 1 ? [synopsis.padEnd(USAGE_COLUMN) + (lines.shift() ?? '')] : [synopsis];
  return [...first.map((l) => l.trimEnd()), ...lines.map((l) => indent + l)];
}

/** A command's usage lines in the translator's language. */
export function usageLines(command: CliCommand, tr: Translator): readonly string[] {
  return typeof command.usage === 'function' ? command.usage(tr.t) : command.usage;
}

/** What a command gets: its words and options, typed calls through the contract, and the CLI's conventions. */
export interface CommandContext {
  /** The words after the command's name. */
  args: string[];
  json: boolean;
  flags: ReadonlySet<string>;
  options: Readonly<Record<string, string>>;
  io: CliIo;
  version: string;
  /** The user's language (`LC_ALL`, `LC_MESSAGES`, `LANG`): a message under its key, a number in its digits. */
  t: Translator['t'];
  n: Translator['number'];
  /** That language's locale (what a file the command writes is worded in: the checklist PDF). */
  locale: Translator['locale'];
  call<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<Result<InvokeOutput<C>>>;
  /** Starts a job and waits for its end (see followJob). */
  job<C extends InvokeChannel>(
    channel: C,
    input: InvokeInput<C>,
    onEvent?: JobEventListener,
  ): Promise<JobEnd<InvokeOutput<C>>>;
  subscribe: EventHub['subscribe'];
  /** Prints the result (JSON, or `render` of it) and returns the exit code: 0, or 1 with the error on stderr. */
  finish<T>(result: Result<T>, render: (data: T) => string): number;
  /** Prints a plain failure (and its JSON form with --json); returns 1. */
  fail(message: string): number;
  /** Prints what was not understood and the usage; returns 2. */
  usageError(message: string): number;
}

export type JobEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface JobEnd<T> {
  /** The start call's result (a failure here means the job never started). */
  started: Result<T>;
  outcome: 'ok' | 'failed' | 'cancelled';
  error: { code: string; message: string } | null;
  /** The last payload of each event this job sent (e.g. ports.onReport), by event name. */
  events: Map<EventName, unknown>;
}

/**
 * The one job waiter of the CLI: subscribes before the start (so no event of the job is missed, whenever its id
 * becomes known), hands each of the job's events to `onEvent`, and resolves at job.onDone.
 */
export async function followJob<T>(
  hub: Pick<EventHub, 'subscribe'>,
  start: () => Promise<Result<T>>,
  onEvent?: JobEventListener,
): Promise<JobEnd<T>> {
  const seen: Array<[EventName, unknown]> = [];
  let wake: (() => void) | null = null;
  const stop = hub.subscribe((event, payload) => {
    seen.push([event, payload]);
    wake?.();
  });
  try {
    const started = await start();
    if (!started.ok) return { started, outcome: 'failed', error: started.error, events: new Map() };
    const { jobId } = started.data as { jobId: string };
    const events = new Map<EventName, unknown>();
    for (;;) {
      for (const [event, payload] of seen.splice(0)) {
        if ((payload as { jobId?: string }).jobId !== jobId) continue;
        events.set(event, payload);
        onEvent?.(event, payload as never);
        if (event === 'job.onDone') {
          const done = payload as EventPayload<'job.onDone'>;
          return { started, outcome: done.outcome, error: done.error, events };
        }
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    stop();
  }
}

/** The CommandContext's plumbing, over one dispatcher and event hub. */
export function commandContext(
  core: CliCore,
  io: CliIo,
  parsed: { args: string[]; json: boolean; flags: ReadonlySet<string>; options: Readonly<Record<string, string>> },
  version: string,
  usage: () => string,
  tr: Translator = createTranslator(),
): CommandContext {
  const { json } = parsed;
  const call = <C extends InvokeChannel>(channel: C, input: InvokeInput<C>) =>
    core.dispatch(channel, input, { transport: 'cli' }) as Promise<Result<InvokeOutput<C>>>;
  return {
    ...parsed,
    io,
    version,
    t: tr.t,
    n: tr.number,
    locale: tr.locale,
    call,
    // A job's error in the user's language, as `finish` gives a call's (main's catalogued words swapped by code).
    job: async (channel, input, onEvent) => {
      const end = await followJob(core.hub, () => call(channel, input), onEvent);
      return end.error ? { ...end, error: { ...end.error, message: localMessage(end.error, tr) } } : end;
    },
    subscribe: core.hub.subscribe,
    finish(result, render) {
      if (json) io.stdout(`${safeJson(result.ok ? result.data : { error: result.error }, 2)}\n`);
      if (!result.ok) {
        io.stderr(`${tr.t('cli.error', { message: localMessage(result.error, tr) })}\n`);
        return 1;
      }
      if (!json) io.stdout(`${render(result.data)}\n`);
      return 0;
    },
    fail(message) {
      if (json) io.stdout(`${safeJson({ error: { message } }, 2)}\n`);
      io.stderr(`${tr.t('cli.error', { message })}\n`);
      return 1;
    },
    usageError(message) {
      io.stderr(`${message}\n\n${usage()}\n`);
      return 2;
    },
  };
}
