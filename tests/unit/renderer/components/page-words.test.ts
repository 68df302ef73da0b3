import { describe, expect, it } from 'vitest';
import { PAGE_WORDS, inPageWords, plural } from '../../../../src/renderer/components/page-words';
import { ERROR_MESSAGES, type ErrorCode } from '../../../../src/shared/ipc/errors';

describe('inPageWords', () => {
  it('never names a CLI command, for any catalogued error', () => {
    for (const [code, message] of Object.entries(ERROR_MESSAGES)) {
      const words = inPageWords({ code: code as ErrorCode, message });
      expect(words, code).not.toMatch(/nvr-assist|`/);
      expect(words.length, code).toBeGreaterThan(10);
    }
  });

  it('speaks of the page’s buttons and steps where main’s words fit the CLI', () => {
    const login = inPageWords({ code: 'PORTS_LOGIN_NEEDED', message: ERROR_MESSAGES.PORTS_LOGIN_NEEDED });
    expect(login).toBe(PAGE_WORDS.PORTS_LOGIN_NEEDED);
    expect(login).toMatch(/^Log in to the NVR first/);
    expect(login).toContain('“Find your NVR”');
    expect(login).toContain('Nothing was changed.');
    expect(inPageWords({ code: 'PORTS_NOT_MEASURED', message: 'x' })).toContain('“Check the ports”');
  });

  it('keeps main’s message for other codes, without a command hint composed by main', () => {
    expect(inPageWords({ code: 'TIMEOUT', message: 'The device did not answer in time.' })).toBe(
      'The device did not answer in time.',
    );
    expect(
      inPageWords({ code: 'INTERNAL', message: 'Try again (`nvr-assist discover --json`), or restart the app.' }),
    ).toBe('Try again, or restart the app.');
    expect(inPageWords({ code: 'INTERNAL', message: 'Measure first, or `nvr-assist ports X`.' })).toBe(
      'Measure first.',
    );
  });

  it('counts nouns', () => {
    expect(plural(1, 'port')).toBe('1 port');
    expect(plural(0, 'port')).toBe('0 ports');
    expect(plural(3, 'odd answer')).toBe('3 odd answers');
  });
});
