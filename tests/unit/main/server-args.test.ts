import { describe, expect, it } from 'vitest';
import { parseServerArgs } from '../../../src/main/server-args';

describe('browser-mode server arguments', () => {
  it('reads --port and --open', () => {
    expect(parseServerArgs(['--port', '8080', '--open'])).toEqual({ port: 8080, open: true });
    expect(parseServerArgs([])).toEqual({ port: 0, open: false });
    expect(parseServerArgs(['--port', '70000'])).toBe('The port must be a number from 0 to 65535.');
  });

  it('names an unknown option without echoing its value (npm start -- --password=S3cr3t)', () => {
    for (const word of ['--password=S3cr3t', '--token=S3cr3t', `--user=S3cr3t\x1b[2J`]) {
      const message = parseServerArgs([word]);
      expect(typeof message).toBe('string');
      expect(message).not.toContain('S3cr3t');
      expect(message).not.toContain('\x1b');
      expect(message).toMatch(/^Unknown option --[a-z]+\. Usage/);
    }
  });
});
