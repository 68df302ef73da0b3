import { describe, expect, it } from 'vitest';
import { ddnsCronLine, shellQuoted } from '../../../../src/shared/domain/ddns-cron';

describe('ddnsCronLine: the crontab line that keeps the name current, the secret read from a file', () => {
  it('a password provider: the user, --password-stdin and the password file; dyndns2 with its server', () => {
    expect(
      ddnsCronLine({ provider: 'dyndns2', host: ' cam.example.net ', user: 'bob', server: 'https://dyn.example' }),
    ).toBe(
      '*/15 * * * * nvr-assist ddns update --provider dyndns2 --host cam.example.net --server https://dyn.example --user bob --password-stdin < ~/.nvr-ddns-password',
    );
  });

  it('a token provider: no user, no server, --token-stdin and the token file; NAME until a name is typed', () => {
    expect(ddnsCronLine({ provider: 'duckdns', host: '', user: 'ignored', server: 'https://x.example' })).toBe(
      '*/15 * * * * nvr-assist ddns update --provider duckdns --host NAME --token-stdin < ~/.nvr-ddns-token',
    );
    expect(ddnsCronLine({ provider: 'noip', host: 'a.ddns.net', user: ' ', server: '' })).toContain('--user USER');
  });

  it('quotes what the shell would split or run, and leaves plain words as they are', () => {
    expect(shellQuoted('bob@example.com')).toBe('bob@example.com');
    expect(shellQuoted('two words')).toBe(`'two words'`);
    expect(shellQuoted(`it's;rm`)).toBe(`'it'\\''s;rm'`);
    expect(shellQuoted('')).toBe(`''`);
  });
});
