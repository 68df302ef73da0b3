import type { DiscoveredDevice } from '../../../shared/domain/device';
import { SWEEP_MAX_PREFIX } from '../../../shared/domain/discovery-limits';
import type { EventPayload, InvokeOutput } from '../../../shared/ipc/contract';
import { safeJson } from '../../../shared/text/device-text';
import type { CliCommand, CommandContext } from '../../cli/command';
import { formatTable } from '../../cli/table';
import { renderSetup } from '../frame';

export function describeDevice(d: DiscoveredDevice): string {
  return [d.brand, d.model, d.name && d.name !== d.model ? `"${d.name}"` : null, `at ${d.addresses.join(', ')}`]
    .filter(Boolean)
    .join(' ');
}

export function renderDevices(devices: DiscoveredDevice[], warnings: string[]): string {
  if (devices.length === 0)
    return 'No cameras or recorders answered. Check that the NVR is switched on and on this network.';
  const rows = devices.map((d) => [
    d.addresses.join(', '),
    d.brand ?? '?',
    d.model ?? d.name ?? '?',
    d.mac ?? '-',
    d.sources.join(','),
    Object.entries(d.ports)
      .map(([role, port]) => `${role} ${port}`)
      .join(', ') || '-',
    d.id,
  ]);
  const lines = [formatTable(['ADDRESS', 'BRAND', 'MODEL', 'MAC', 'FOUND BY', 'PORTS', 'ID'], rows, 60)];
  lines.push('', `${devices.length} device(s). Pick yours with: nvr-assist choose <ID>`);
  if (warnings.length)
    lines.push('', `${warnings.length} note(s) from the search (odd answers are ignored), e.g.: ${warnings[0]}`);
  return lines.join('\n');
}

/** `--port N`, checked; undefined when not given, null when it is not a port. */
export function portOption(cmd: CommandContext): number | undefined | null {
  const text = cmd.options['--port'];
  if (text === undefined) return undefined;
  const port = Number(text);
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : null;
}

/** Reads the password from standard input (never argv), without its final line break. */
export async function readPassword(cmd: CommandContext): Promise<string> {
  return (await cmd.io.readStdin!()).replace(/\r?\n$/, '');
}

/**
 * The device a command names: by id, or by address (found before, else added like `add` does), logged in when
 * --user and --password-stdin are given. A number is the exit code of a failure already printed.
 */
export async function deviceTarget(
  cmd: CommandContext,
  target: string,
  /** Where else the device may answer when it does not at its known address (e.g. a change left unfinished). */
  elsewhere?: (deviceId: string) => Promise<string | null>,
): Promise<string | number> {
  const { options, flags, io } = cmd;
  if (options['--user'] && !flags.has('--password-stdin'))
    return cmd.usageError('Pipe the password in with --password-stdin (never on the command line).');
  if (flags.has('--password-stdin') && !options['--user']) return cmd.usageError('Give the user with --user.');
  if (flags.has('--password-stdin') && !io.readStdin) return cmd.usageError('This CLI cannot read standard input.');
  let deviceId: string;
  if (target.startsWith('dev-')) deviceId = target;
  else {
    const list = await cmd.call('discovery.list', {});
    const known = list.ok ? list.data.devices.find((d: DiscoveredDevice) => d.addresses.includes(target)) : undefined;
    if (known) deviceId = known.id;
    else {
      const added = await cmd.call('discovery.addManual', { host: target });
      if (!added.ok) return cmd.fail(added.error.message);
      deviceId = added.data.device.id;
    }
  }
  const username = options['--user'];
  if (username) {
    const password = await readPassword(cmd);
    let login = await cmd.call('device.login', { deviceId, username, password });
    const other =
      !login.ok && login.error.code === 'DEVICE_UNREACHABLE' && elsewhere ? await elsewhere(deviceId) : null;
    if (other) login = await cmd.call('device.login', { host: other, username, password });
    if (!login.ok) return cmd.fail(login.error.message);
  }
  return deviceId;
}

function renderIdentity(d: InvokeOutput<'device.login'>): string {
  const offset = d.identity.clockOffsetSeconds;
  return [
    `Logged in to ${d.onvifUrl} (${d.identity.auth === 'digest' ? 'HTTP digest' : 'WS-UsernameToken'}).`,
    formatTable(
      ['MAKER', 'MODEL', 'FIRMWARE', 'SERIAL'],
      [[d.identity.manufacturer ?? '?', d.identity.model ?? '?', d.identity.firmware ?? '?', d.identity.serial ?? '?']],
    ),
    offset !== null && Math.abs(offset) >= 120
      ? `Note: the device's clock is ${Math.round(Math.abs(offset) / 60)} minute(s) ${offset > 0 ? 'ahead' : 'behind'}; the app signed with the device's time. Set its clock (NTP) so recordings have the right time.`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export const FIND_COMMANDS: readonly CliCommand[] = [
  {
    name: 'discover',
    usage: [
      'discover [--interface X] [--sweep]',
      '                        Find cameras and recorders on the network (WS-Discovery/ONVIF, SSDP,',
      '                        Hikvision SADP, Dahua DHIP). --sweep also knocks on every address of the',
      `                        subnet (up to a /${SWEEP_MAX_PREFIX}), for networks that block discovery. Ctrl-C stops.`,
    ],
    options: { '--interface': 'value', '--sweep': 'flag' },
    run: async (cmd) => {
      const { args, options, flags, json, io } = cmd;
      if (args.length) return cmd.usageError('`discover` takes no arguments (use --interface NAME).');
      const end = await cmd.job(
        'discovery.start',
        {
          ...(options['--interface'] ? { interfaceName: options['--interface'] } : {}),
          ...(flags.has('--sweep') ? { sweep: true } : {}),
        },
        (event, payload) => {
          if (event !== 'discovery.onDevice' || json) return;
          const d = (payload as EventPayload<'discovery.onDevice'>).device;
          io.stderr(`  found ${d.addresses[0] ?? '?'} ${d.brand ?? ''} ${d.model ?? ''} (${d.sources.join(', ')})\n`);
        },
      );
      if (!end.started.ok) return cmd.finish(end.started, () => '');
      if (!json) io.stderr(`Searching on ${end.started.data.interfaceName}…\n`);
      if (end.outcome === 'failed') {
        io.stderr(`Error: ${end.error?.message ?? 'the search failed.'}\n`);
        return 1;
      }
      const code = cmd.finish(await cmd.call('discovery.list', {}), (d) => renderDevices(d.devices, d.warnings));
      return end.outcome === 'cancelled' ? 130 : code;
    },
  },
  {
    name: 'watch',
    usage: [
      'watch [--interface X] [--seconds N]',
      '                        Listen for devices announcing themselves (ONVIF Hello/Bye) for N seconds',
      '                        (default 60, at most 3600): a device that boots or changes address.',
    ],
    options: { '--interface': 'value', '--seconds': 'value' },
    run: async (cmd) => {
      const { args, options, json, io } = cmd;
      if (args.length) return cmd.usageError('`watch` takes no arguments.');
      const seconds = options['--seconds'] === undefined ? 60 : Number(options['--seconds']);
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600)
        return cmd.usageError('--seconds must be a whole number from 1 to 3600.');
      const started = await cmd.call(
        'discovery.listen',
        options['--interface'] ? { interfaceName: options['--interface'] } : {},
      );
      if (!started.ok) return cmd.finish(started, () => '');
      const { jobId, interfaceName } = started.data;
      if (!json) io.stderr(`Listening on ${interfaceName} for ${seconds} s…\n`);
      let heard = 0;
      const stop = cmd.subscribe((event, payload) => {
        if (event !== 'discovery.onDevice') return;
        const p = payload as EventPayload<'discovery.onDevice'>;
        if (p.jobId !== jobId) return;
        heard += 1;
        if (json) io.stdout(`${safeJson(p.device)}\n`);
        else
          io.stdout(
            `${new Date().toISOString().slice(11, 19)}  ${describeDevice(p.device)}  ${p.device.notes.at(-1) ?? ''}\n`,
          );
      });
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      stop();
      await cmd.call('job.cancel', { jobId });
      if (!json) io.stderr(`${heard} announcement(s).\n`);
      return 0;
    },
  },
  {
    name: 'choose',
    usage: ['choose <device-id>      Pick your NVR from the last search (the ID column of `discover`).'],
    run: async (cmd) => {
      if (cmd.args.length !== 1) return cmd.usageError('Name one device ID from `nvr-assist discover`.');
      return cmd.finish(await cmd.call('setup.chooseDevice', { deviceId: cmd.args[0]! }), (s) =>
        s.nvr ? `Your NVR: ${describeDevice(s.nvr.device)}` : renderSetup(s),
      );
    },
  },
  {
    name: 'add',
    usage: [
      'add <host> [--port N]   Add a device by IP address or LAN name (for networks where the search',
      '                        cannot see it); only its ONVIF clock is read, no password is sent.',
    ],
    options: { '--port': 'value' },
    run: async (cmd) => {
      if (cmd.args.length !== 1) return cmd.usageError('Name one address, e.g. `nvr-assist add 192.168.1.64`.');
      const port = portOption(cmd);
      if (port === null) return cmd.usageError('The port must be a number from 1 to 65535.');
      return cmd.finish(
        await cmd.call('discovery.addManual', { host: cmd.args[0]!, ...(port ? { port } : {}) }),
        (d) =>
          `Added: ${describeDevice(d.device)} (ID ${d.device.id}). Log in with: nvr-assist identify ${d.device.id} --user admin --password-stdin`,
      );
    },
  },
  {
    name: 'identify',
    usage: [
      'identify <host|device-id> --user U --password-stdin [--port N]',
      '                        Log in over ONVIF and read maker, model, firmware and serial. The',
      '                        password is read from standard input, never from the command line.',
    ],
    options: { '--user': 'value', '--password-stdin': 'flag', '--port': 'value' },
    run: async (cmd) => {
      const { args, options, flags, io } = cmd;
      if (args.length !== 1) return cmd.usageError('Name one address or device ID.');
      const port = portOption(cmd);
      if (port === null) return cmd.usageError('The port must be a number from 1 to 65535.');
      const username = options['--user'];
      if (!username || !flags.has('--password-stdin') || !io.readStdin)
        return cmd.usageError('Give the user with --user and pipe the password in with --password-stdin.');
      const password = await readPassword(cmd);
      const target = args[0]!.startsWith('dev-') ? { deviceId: args[0]! } : { host: args[0]! };
      return cmd.finish(
        await cmd.call('device.login', { ...target, ...(port ? { port } : {}), username, password }),
        renderIdentity,
      );
    },
  },
];
