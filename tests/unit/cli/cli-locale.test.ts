// The CLI in the user's language (issue 16, translation-ready): the usage frame, the words about a command line it
// does not understand, an error from main's catalogue, and each converted command's own words come from
// src/shared/i18n, so in the pseudo locale (en-XA) none of them is plain English. The commands whose usage is still
// English strings are listed (a ratchet: the list only shrinks; a converted command still listed fails).
import { describe, expect, it } from 'vitest';
import { commandContext, usageLine } from '../../../src/main/cli/command';
import { FEATURES } from '../../../src/main/features';
import { renderVerify } from '../../../src/main/features/verify/cli';
import { createTranslator, en, localMessage, localeFromEnv } from '../../../src/shared/i18n';
import type { VerifyResult } from '../../../src/shared/domain/verify';
import { cliIn } from './cli-in-locale';

const cli = (argv: string[], locale: string) => cliIn(argv, locale);

/** Commands whose usage is still English strings (not yet through `t`). */
const NOT_CONVERTED_YET: string[] = [];

/** The feature modules (src/main/features/<id>/) when this list was made. */
const KNOWN_FEATURES: readonly string[] = [
  'checklist',
  'ddns',
  'find',
  'frame',
  'internet',
  'network',
  'ports',
  'rules',
  'security',
  'static-ip',
  'upnp',
  'verify',
  'vpn',
];

const pseudo = createTranslator('en-XA');
/** A pseudo-localised line: its words are in brackets and accented, so no run of three plain ASCII letters is left. */
const plainEnglish = (line: string) =>
  line
    .replace(/`[^`]*`/g, '')
    .replace(/--?[a-z][\w-]*/g, '')
    .replace(/\b[A-Z_]{2,}\b/g, '')
    .match(/\b[a-z]{3,}\b/gi) ?? [];

describe('the CLI speaks the locale it is given', () => {
  it('help in en-XA: the frame and the converted commands’ words are pseudo, the synopses stay as typed', async () => {
    const r = await cli(['help'], 'en-XA');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(pseudo.t('cli.usage.synopsis'));
    expect(r.stdout).toContain(pseudo.t('cli.usage.exitCodes').slice(0, 20));
    const lines = r.stdout.split('\n');
    const verify = lines.findIndex((l) => l.startsWith('  verify [--checker URL]'));
    expect(verify).toBeGreaterThan(0);
    expect(plainEnglish(lines[verify]!.slice(26))).toEqual([]);
    expect(plainEnglish(lines.find((l) => l.startsWith('  help'))!.slice(6))).toEqual([]);
  });

  it('in English the help reads as before: the same words, in the same columns', async () => {
    const r = await cli(['help'], 'en');
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['Usage: nvr-assist <command> [options]', '', 'Commands:']);
    expect(r.stdout).toContain('  help                    This text.');
    expect(r.stdout).toContain('  --json                  Print the result as JSON (for scripts).');
    expect(r.stdout).toContain('  version                 The app’s version.');
    expect(r.stdout).toMatch(/^ {2}verify \[--checker URL\] {2}Re-run every check that needs no password/m);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  verify [--checker URL]'));
    const next = lines.slice(at + 1);
    const end = next.findIndex((l) => !l.startsWith(' '.repeat(26)));
    const block = [lines[at]!.slice(26), ...next.slice(0, end)];
    expect(block.map((l) => l.trim()).join(' ')).toBe(en.cli.verify.usage);
    expect(block.length).toBeGreaterThan(3);
  });

  it('a command line it does not understand is said in the locale', async () => {
    const unknown = await cli(['frobnicate'], 'en-XA');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe(pseudo.t('cli.unknownCommand', { name: 'frobnicate' }));
    const password = await cli(['network', '--password'], 'en-XA');
    expect(password.stderr.split('\n')[0]).toBe(pseudo.t('cli.option.passwordOnCommandLine', { option: '--password' }));
    const english = await cli(['verify', 'x'], 'en');
    expect(english.stderr.split('\n')[0]).toBe('`verify` takes no words, only --checker URL.');
  });

  it('an error from the catalogue is given in the locale; main’s own sentence is kept as it came', () => {
    expect(localMessage({ code: 'TIMEOUT', message: en.errors.TIMEOUT }, pseudo)).toBe(pseudo.t('errors.TIMEOUT'));
    expect(localMessage({ code: 'TIMEOUT', message: 'The NVR at 10.0.0.9 did not answer.' }, pseudo)).toBe(
      'The NVR at 10.0.0.9 did not answer.',
    );
    expect(localMessage({ code: 'NOT_A_CODE', message: 'as it came' }, pseudo)).toBe('as it came');
  });

  it('a job that fails with a catalogued error is said in the locale too', async () => {
    const core = {
      dispatch: async () => ({ ok: true as const, data: { jobId: 'j1' } }),
      hub: {
        subscribe: (listener: (event: string, payload: unknown) => void) => {
          queueMicrotask(() =>
            listener('job.onDone', {
              jobId: 'j1',
              outcome: 'failed',
              error: { code: 'TIMEOUT', message: en.errors.TIMEOUT },
            }),
          );
          return () => {};
        },
      },
    };
    const parsed = { args: [], json: false, flags: new Set<string>(), options: {} };
    const io = { stdout: () => {}, stderr: () => {} };
    const cmd = commandContext(core as never, io, parsed, '9.9.9', () => '', pseudo);
    const end = await cmd.job('verify.run', {});
    expect(end.outcome).toBe('failed');
    expect(end.error).toEqual({ code: 'TIMEOUT', message: pseudo.t('errors.TIMEOUT') });
  });

  it('the locale comes from LC_ALL, LC_MESSAGES or LANG', () => {
    expect(localeFromEnv({ LANG: 'en_XA.UTF-8' }).tag).toBe('en-XA');
    expect(localeFromEnv({ LC_ALL: 'C', LANG: 'en_XA' }).tag).toBe('en-XA');
  });

  it('verify’s report: its frame words in the locale, the checks’ facts as main said them', () => {
    const r: VerifyResult = {
      outcome: 'drift',
      at: '2026-12-06T10:00:00.000Z',
      checks: [
        {
          id: 'address',
          state: 'drift',
          title: 'The NVR',
          text: 'moved',
          changes: [{ what: 'address', from: '192.168.1.64', to: '192.168.1.99' }],
          todo: 'Fix it.',
        },
      ],
    } as unknown as VerifyResult;
    const text = renderVerify(r, pseudo.t);
    expect(text.split('\n')[0]).toBe(pseudo.t('cli.verify.outcome.drift'));
    expect(text).toContain('The NVR: moved');
    expect(text).toContain('192.168.1.64 → 192.168.1.99');
    expect(text).not.toContain('What to do');
    expect(renderVerify(r)).toContain('        What to do: Fix it.');
  });

  it('usageLine wraps the words after the synopsis column; a long synopsis puts them on the next line', () => {
    expect(usageLine('x', 'one two')).toEqual(['x                       one two']);
    const long = usageLine('a-very-long-synopsis --with options', 'words');
    expect(long).toEqual(['a-very-long-synopsis --with options', `${' '.repeat(24)}words`]);
    const wrapped = usageLine('y', Array(30).fill('word').join(' '));
    expect(wrapped.length).toBe(2);
    expect(wrapped.every((l) => l.length <= 24 + 80)).toBe(true);
  });

  it('the ratchet: exactly the listed commands still give their usage as English strings', () => {
    // A feature newer than this list (a step is only its folders, CONTRIBUTING.md) may speak English until converted.
    const commands = FEATURES.filter((f) => KNOWN_FEATURES.includes(f.id)).flatMap((f) => f.commands ?? []);
    expect(
      FEATURES.map((f) => f.id)
        .filter((id) => KNOWN_FEATURES.includes(id))
        .sort(),
    ).toEqual([...KNOWN_FEATURES].sort());
    const english = commands.filter((c) => typeof c.usage !== 'function').map((c) => c.name);
    expect([...new Set(english)].sort()).toEqual([...NOT_CONVERTED_YET].sort());
  });
});
