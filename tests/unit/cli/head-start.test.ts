import { describe, expect, it } from 'vitest';
import { headStartTarget } from '../../../src/main/cli/head-start';

// Which command lines start the Ports scan before the app loads: exactly `ports <local IPv4> --full [--json]`.
describe('headStartTarget', () => {
  it('takes `ports <private or link-local IPv4> --full`, with or without --json, in any order', () => {
    expect(headStartTarget(['ports', '192.168.50.64', '--full'])).toBe('192.168.50.64');
    expect(headStartTarget(['ports', '10.0.0.7', '--full', '--json'])).toBe('10.0.0.7');
    expect(headStartTarget(['--json', 'ports', '--full', '172.16.1.2'])).toBe('172.16.1.2');
    expect(headStartTarget(['ports', '169.254.1.9', '--full'])).toBe('169.254.1.9');
  });

  it('leaves every other command line to the app', () => {
    for (const argv of [
      ['ports', '192.168.50.64'],
      ['ports', '192.168.50.64', '--json'],
      ['ports-scan', '192.168.50.64', '--full'],
      ['ports', 'dev-02:00:c0:a8:32:40', '--full'],
      ['ports', 'nvr.local', '--full'],
      ['ports', '192.168.50.64', '--full', '--plan'],
      ['ports', '192.168.50.64', '--full', '--user', 'admin', '--password-stdin'],
      ['ports', '192.168.50.64', '192.168.50.65', '--full'],
      ['ports', '192.168.50.64', '--full', '--help'],
      ['ports', '--full'],
      [],
    ])
      expect(headStartTarget(argv), argv.join(' ')).toBeNull();
  });

  it('never for an address off the local network, nor one not written plainly', () => {
    for (const address of ['8.8.8.8', '127.0.0.1', '100.64.0.1', '224.0.0.251', '192.168.050.064', ' 192.168.1.5'])
      expect(headStartTarget(['ports', address, '--full']), address).toBeNull();
  });
});
