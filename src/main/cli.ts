// The CLI entry (`nvr-assist`, see bin/nvr-assist.js): the same services as the app, without a window.
// Its static imports are the few small modules needed before a command runs; the app itself (about half a MB of
// code, ~50 ms to load) and the catalogue of words are imported in main(), after `ports <address> --full` has
// started its scan (cli/head-start.ts). A test keeps the catalogue out of the head start (cli-head-start-imports).
import { headStart } from './cli/head-start';
import { dropHeadStart, joinHeadStart } from './services/ports/head-start';
import { APP_VERSION } from './version';
import type { ProgressEvent } from './cli/progress-line';
import { deviceTextBlock } from '../shared/text/device-text';

// Everything the CLI writes to the terminal passes the device-text sanitiser last: whatever a device managed to
// put into a name, a banner or a message, no escape sequence, control or bidi character reaches the terminal.
// (JSON output is already written with safeJson, which escapes those characters without changing the value.)
const toStdout = (text: string) => process.stdout.write(deviceTextBlock(text));
const toStderr = (text: string) => process.stderr.write(deviceTextBlock(text));

// Anything thrown outside a command's own handling (a stray socket error, a bug) ends the CLI with catalogued
// words, never the exception's text (Node's default would print it with its stack, paths and values).
// NVR_ASSIST_DEBUG=1 shows the stack, on this machine's terminal only.
function crash(err: unknown): void {
  if (process.env.NVR_ASSIST_DEBUG)
    process.stderr.write(`[debug] ${err instanceof Error ? (err.stack ?? err.name) : typeof err}\n`);
  void sayAndExit('errors.INTERNAL', () => process.exit(1));
}

/** Writes `Error: <the catalogue's words for key>` in the user's language, then ends as `end` says. */
async function sayAndExit(key: 'errors.INTERNAL' | 'cli.couldNotRun', end: () => void): Promise<void> {
  try {
    const { createTranslator, localeFromEnv } = await import('../shared/i18n/translate');
    const { t } = createTranslator(localeFromEnv(process.env));
    process.stderr.write(`${t('cli.error', { message: t(key) })}\n`);
  } finally {
    end();
  }
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

headStart(process.argv.slice(2));

async function main(): Promise<number> {
  const [{ createAppCore }, { runCli }, { defaultDataDir }, { createTranslator, localeFromEnv }, { progressLines }] =
    await Promise.all([
      import('./app'),
      import('./cli/run'),
      import('./core/paths'),
      import('../shared/i18n/translate'),
      import('./cli/progress-line'),
    ]);
  const locale = localeFromEnv(process.env);
  const progressLine = progressLines(locale, () => createTranslator(locale));
  joinHeadStart();
  const core = createAppCore({
    dataDir: defaultDataDir(),
    mode: 'cli',
    version: APP_VERSION,
    log: (line) => {
      if (process.env.NVR_ASSIST_DEBUG) process.stderr.write(`[debug] ${line}\n`);
    },
  });
  // Long jobs report progress on stderr, so stdout stays clean for --json.
  core.hub.subscribe((event, payload) => {
    if (event === 'job.onProgress') toStderr(progressLine(payload as ProgressEvent));
  });
  const abort = () => void core.close().then(() => process.exit(130));
  process.once('SIGINT', abort);
  try {
    return await runCli(
      process.argv.slice(2),
      core,
      {
        stdout: toStdout,
        stderr: toStderr,
        readStdin: async () => {
          const chunks: Buffer[] = [];
          for await (const chunk of process.stdin) {
            chunks.push(chunk as Buffer);
            if (chunks.reduce((n, c) => n + c.length, 0) > 4096) break;
          }
          return Buffer.concat(chunks).toString('utf8').slice(0, 4096);
        },
      },
      APP_VERSION,
      undefined,
      locale,
    );
  } finally {
    dropHeadStart();
    await core.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  () =>
    sayAndExit('cli.couldNotRun', () => {
      process.exitCode = 1;
    }),
);
