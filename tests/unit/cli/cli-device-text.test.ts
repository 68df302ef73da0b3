import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppCore } from '../../../src/main/app';
import { runCli } from '../../../src/main/cli/run';
import { encodeDhip } from '../../../src/main/protocol/dhip';
import type { Datagram, UdpTransport } from '../../../src/main/transport/udp';
import { FAST_DISCOVERY, fakeLanHttp, fakeLanSsdp } from '../../support/fake-lan';
import { LAB_CLIENT } from '../../support/fake-system';

// A device whose name and maker try to drive the user's terminal: clear the screen, retitle the window, turn text
// around with a bidi override, hide characters. The CLI must print the text as data.
const EVIL = '\x1b[2J\x1b]0;PWNED\x07Evil\u202eNVR\u200b\x9b31m';
const hostileUdp: UdpTransport = {
  async open(_options, onDatagram) {
    return {
      async send(_data, port) {
        if (port !== 37810) return;
        const reply = encodeDhip({
          mac: '02:00:c0:a8:32:99',
          method: 'client.notifyDevInfo',
          params: {
            deviceInfo: {
              DeviceType: EVIL,
              Vendor: `Dahua${EVIL}`,
              SerialNo: `SN${EVIL}`,
              HttpPort: 80,
              Port: 37777,
              IPv4Address: { IPAddress: '192.168.50.99', SubnetMask: '255.255.255.0', DhcpEnable: false },
            },
          },
        });
        setTimeout(
          () => onDatagram({ data: Buffer.from(reply), from: { address: '192.168.50.99', port: 37810 } } as Datagram),
          2,
        );
      },
      close() {},
    };
  },
};

async function discover(argv: string[]) {
  const core = createAppCore({
    dataDir: mkdtempSync(join(tmpdir(), 'cli-evil-')),
    mode: 'cli',
    version: '1',
    system: LAB_CLIENT(),
    udp: hostileUdp,
    ssdp: fakeLanSsdp,
    http: fakeLanHttp,
    discoveryTiming: FAST_DISCOVERY,
    log: () => {},
  });
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, core, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, '1');
  await core.close();
  return { code, stdout, stderr };
}

// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f]/;

describe('device text reaches the terminal as data', () => {
  it('discover: the table and the progress lines carry the name without escapes, controls or bidi characters', async () => {
    const r = await discover(['discover']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('192.168.50.99');
    expect(r.stdout).toContain('EvilNVR');
    expect(r.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(r.stderr).not.toMatch(TERMINAL_CONTROL);
  });

  it('discover --json: the same device, valid JSON, nothing a terminal would act on', async () => {
    const r = await discover(['discover', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(TERMINAL_CONTROL);
    const data = JSON.parse(r.stdout) as { devices: Array<{ model: string | null; addresses: string[] }> };
    const evil = data.devices.find((d) => d.addresses.includes('192.168.50.99'));
    expect(evil?.model).toBe('EvilNVR');
  });
});
