import type { NetworkReport } from '../../shared/domain/network';
import { APPROACHES, type SetupRecord } from '../../shared/domain/setup';
import { STEPS } from '../../shared/domain/steps';
import type { InvokeChannel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { DiscoveredDevice } from '../../shared/domain/device';
import type { Dispatcher } from '../core/dispatch';
import type { EventHub } from '../core/events';
import { formatTable } from './table';
import { runPortsScan } from '../services/ports/ports-scan';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of standard input (for --password-stdin); never echoed or logged. */
  readStdin?: () => Promise<string>;
}

export const USAGE = `Usage: nvr-assist <command> [options]

Commands:
  network                 This computer's network interfaces, default gateway and the interface
                          the assistant will use to find your NVR.
  setup                   The saved setup: chosen approach, interface and each step's status.
  approach <choice>       Choose how to reach the NVR: ${APPROACHES.join(' | ')}.
  interface <name>        Choose the network interface used to find devices.
  reset                   Start the setup over (the old one is kept as a backup file).
  discover [--interface X] [--sweep]
                          Find cameras and recorders on the network (WS-Discovery/ONVIF, SSDP,
                          Hikvision SADP, Dahua DHIP). --sweep also knocks on every address of the
                          subnet (up to a /22), for networks that block discovery. Ctrl-C stops.
  watch [--interface X] [--seconds N]
                          Listen for devices announcing themselves (ONVIF Hello/Bye) for N seconds
                          (default 60, at most 3600): a device that boots or changes address.
  choose <device-id>      Pick your NVR from the last search (the ID column of \`discover\`).
  add <host> [--port N]   Add a device by IP address or LAN name (for networks where the search
                          cannot see it); only its ONVIF clock is read, no password is sent.
  identify <host|device-id> --user U --password-stdin [--port N]
                          Log in over ONVIF and read maker, model, firmware and serial. The
                          password is read from standard input, never from the command line.
  ports-scan <host|subnet> [--ports 80,443,554 | --full] [--no-identify]
                          (internal, for tests and benchmarks) TCP connect scan of one address or a
                          subnet (at most a /22) and identification of each open port. JSON only.
  version                 The app's version.
  help                    This text.

Options:
  --json                  Print the result as JSON (for scripts).

Exit codes: 0 done, 1 the command failed (the reason is printed), 2 the command line was not understood.`;

export interface CliCore {
  dispatch: Dispatcher;
  /** Events of long jobs (progress, devices as they are found). */
  hub: Pick<EventHub, 'subscribe'>;
}

const VALUE_OPTIONS = new Set(['--interface', '--user', '--port', '--seconds', '--ports']);
const FLAG_OPTIONS = new Set(['--json', '--password-stdin', '--sweep', '--full', '--no-identify']);

/** Runs one CLI command through the same dispatcher as the UI. Returns the process exit code. */
export async function runCli(argv: string[], core: CliCore, io: CliIo, version: string): Promise<number> {
  const { dispatch } = core;
  const json = argv.includes('--json');
  const flags = new Set(argv.filter((a) => FLAG_OPTIONS.has(a)));
  const options: Record<string, string> = {};
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (FLAG_OPTIONS.has(a)) continue;
    if (VALUE_OPTIONS.has(a)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('-')) return usageError(io, `${a} needs a value.`);
      options[a] = value;
    } else words.push(a);
  }
  const unknownOption = words.find((w) => w.startsWith('-') && w !== '-h' && w !== '--help' && w !== '--version');
  if (unknownOption) return usageError(io, `Unknown option ${unknownOption}.`);
  const [command, ...rest] = words;
  if (options['--interface'] && command !== 'discover' && command !== 'watch')
    return usageError(io, '--interface goes with `discover` and `watch`.');
  if (flags.has('--sweep') && command !== 'discover') return usageError(io, '--sweep goes with `discover`.');
  if (options['--seconds'] && command !== 'watch') return usageError(io, '--seconds goes with `watch`.');
  if ((options['--user'] || flags.has('--password-stdin')) && command !== 'identify')
    return usageError(io, '--user and --password-stdin go with `identify`.');
  if (options['--port'] && command !== 'identify' && command !== 'add')
    return usageError(io, '--port goes with `add` and `identify`.');
  if ((options['--ports'] || flags.has('--full') || flags.has('--no-identify')) && command !== 'ports-scan')
    return usageError(io, '--ports, --full and --no-identify go with `ports-scan`.');
  const port = options['--port'] === undefined ? undefined : Number(options['--port']);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535))
    return usageError(io, 'The port must be a number from 1 to 65535.');

  const call = async <C extends InvokeChannel>(channel: C, input: unknown): Promise<Result<unknown>> =>
    dispatch(channel, input, { transport: 'cli' });
  const finish = (result: Result<unknown>, render: (data: never) => string): number => {
    if (json) io.stdout(`${JSON.stringify(result.ok ? result.data : { error: result.error }, null, 2)}\n`);
    if (!result.ok) {
      io.stderr(`Error: ${result.error.message}\n`);
      return 1;
    }
    if (!json) io.stdout(`${render(result.data as never)}\n`);
    return 0;
  };

  switch (command) {
    case undefined:
    case 'help':
    case '-h':
    case '--help':
      io.stdout(`${USAGE}\n`);
      return 0;
    case 'version':
    case '--version':
      io.stdout(json ? `${JSON.stringify({ version })}\n` : `${version}\n`);
      return 0;
    case 'network':
      if (rest.length) return usageError(io, '`network` takes no arguments.');
      return finish(await call('network.get', {}), renderNetwork);
    case 'setup':
      if (rest.length) return usageError(io, '`setup` takes no arguments.');
      return finish(await call('setup.get', {}), (d: { setup: SetupRecord; notice: { message: string } | null }) =>
        [d.notice ? `Note: ${d.notice.message}\n` : '', renderSetup(d.setup)].join(''),
      );
    case 'approach': {
      const choice = rest[0];
      if (rest.length !== 1 || !APPROACHES.includes(choice as (typeof APPROACHES)[number]))
        return usageError(io, `Choose one approach: ${APPROACHES.join(', ')}.`);
      return finish(await call('setup.chooseApproach', { approach: choice }), renderSetup);
    }
    case 'interface':
      if (rest.length !== 1) return usageError(io, 'Name one interface, e.g. `nvr-assist interface eth0`.');
      return finish(await call('setup.chooseInterface', { interfaceName: rest[0] }), renderSetup);
    case 'reset':
      if (rest.length) return usageError(io, '`reset` takes no arguments.');
      return finish(
        await call('setup.reset', {}),
        (s: SetupRecord) => `The setup was started over.\n${renderSetup(s)}`,
      );
    case 'discover': {
      if (rest.length) return usageError(io, '`discover` takes no arguments (use --interface NAME).');
      const started = await call('discovery.start', {
        ...(options['--interface'] ? { interfaceName: options['--interface'] } : {}),
        ...(flags.has('--sweep') ? { sweep: true } : {}),
      });
      if (!started.ok) return finish(started, () => '');
      const { jobId, interfaceName } = started.data as { jobId: string; interfaceName: string };
      if (!json) io.stderr(`Searching on ${interfaceName}…\n`);
      const outcome = await new Promise<{ outcome: string; error: { message: string } | null }>((resolve) => {
        const stop = core.hub.subscribe((event, payload) => {
          const p = payload as { jobId?: string };
          if (p.jobId !== jobId) return;
          if (event === 'discovery.onDevice' && !json) {
            const d = (payload as { device: DiscoveredDevice }).device;
            io.stderr(`  found ${d.addresses[0] ?? '?'} ${d.brand ?? ''} ${d.model ?? ''} (${d.sources.join(', ')})\n`);
          }
          if (event === 'job.onDone') {
            stop();
            resolve(payload as { outcome: string; error: { message: string } | null });
          }
        });
      });
      if (outcome.outcome === 'failed') {
        io.stderr(`Error: ${outcome.error?.message ?? 'the search failed.'}\n`);
        return 1;
      }
      const list = await call('discovery.list', {});
      const code = finish(list, (d: { devices: DiscoveredDevice[]; warnings: string[] }) =>
        renderDevices(d.devices, d.warnings),
      );
      return outcome.outcome === 'cancelled' ? 130 : code;
    }
    case 'watch': {
      if (rest.length) return usageError(io, '`watch` takes no arguments.');
      const seconds = options['--seconds'] === undefined ? 60 : Number(options['--seconds']);
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600)
        return usageError(io, '--seconds must be a whole number from 1 to 3600.');
      const started = await call(
        'discovery.listen',
        options['--interface'] ? { interfaceName: options['--interface'] } : {},
      );
      if (!started.ok) return finish(started, () => '');
      const { jobId, interfaceName } = started.data as { jobId: string; interfaceName: string };
      if (!json) io.stderr(`Listening on ${interfaceName} for ${seconds} s…\n`);
      const heard: DiscoveredDevice[] = [];
      const stop = core.hub.subscribe((event, payload) => {
        const p = payload as { jobId?: string; device?: DiscoveredDevice };
        if (event !== 'discovery.onDevice' || p.jobId !== jobId || !p.device) return;
        heard.push(p.device);
        if (json) io.stdout(`${JSON.stringify(p.device)}\n`);
        else
          io.stdout(
            `${new Date().toISOString().slice(11, 19)}  ${describeDevice(p.device)}  ${p.device.notes.at(-1) ?? ''}\n`,
          );
      });
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      stop();
      await call('job.cancel', { jobId });
      if (!json) io.stderr(`${heard.length} announcement(s).\n`);
      return 0;
    }
    case 'choose':
      if (rest.length !== 1) return usageError(io, 'Name one device ID from `nvr-assist discover`.');
      return finish(await call('setup.chooseDevice', { deviceId: rest[0] }), (s: SetupRecord) =>
        s.nvr ? `Your NVR: ${describeDevice(s.nvr.device)}` : renderSetup(s),
      );
    case 'add':
      if (rest.length !== 1) return usageError(io, 'Name one address, e.g. `nvr-assist add 192.168.1.64`.');
      return finish(
        await call('discovery.addManual', { host: rest[0], ...(port ? { port } : {}) }),
        (d: { device: DiscoveredDevice }) =>
          `Added: ${describeDevice(d.device)} (ID ${d.device.id}). Log in with: nvr-assist identify ${d.device.id} --user admin --password-stdin`,
      );
    case 'identify': {
      if (rest.length !== 1) return usageError(io, 'Name one address or device ID.');
      if (!options['--user'] || !flags.has('--password-stdin') || !io.readStdin)
        return usageError(io, 'Give the user with --user and pipe the password in with --password-stdin.');
      const password = (await io.readStdin()).replace(/\r?\n$/, '');
      const target = rest[0]!.startsWith('dev-') ? { deviceId: rest[0] } : { host: rest[0] };
      return finish(
        await call('device.login', { ...target, ...(port ? { port } : {}), username: options['--user'], password }),
        (d: {
          identity: {
            manufacturer: string | null;
            model: string | null;
            firmware: string | null;
            serial: string | null;
            clockOffsetSeconds: number | null;
            auth: string;
          };
          onvifUrl: string;
        }) =>
          [
            `Logged in to ${d.onvifUrl} (${d.identity.auth === 'digest' ? 'HTTP digest' : 'WS-UsernameToken'}).`,
            formatTable(
              ['MAKER', 'MODEL', 'FIRMWARE', 'SERIAL'],
              [
                [
                  d.identity.manufacturer ?? '?',
                  d.identity.model ?? '?',
                  d.identity.firmware ?? '?',
                  d.identity.serial ?? '?',
                ],
              ],
            ),
            d.identity.clockOffsetSeconds !== null && Math.abs(d.identity.clockOffsetSeconds) >= 120
              ? `Note: the device's clock is ${Math.round(Math.abs(d.identity.clockOffsetSeconds) / 60)} minute(s) ${d.identity.clockOffsetSeconds > 0 ? 'ahead' : 'behind'}; the app signed with the device's time. Set its clock (NTP) so recordings have the right time.`
              : '',
          ]
            .filter(Boolean)
            .join('\n'),
      );
    }
    case 'ports-scan': {
      if (rest.length !== 1)
        return usageError(io, 'Name one address or subnet, e.g. `nvr-assist ports-scan 192.168.1.64`.');
      if (options['--ports'] && flags.has('--full')) return usageError(io, 'Use --ports or --full, not both.');
      const list = options['--ports']?.split(',').map((p) => Number(p.trim()));
      if (list && !list.every((p) => Number.isInteger(p) && p >= 1 && p <= 65535))
        return usageError(io, '--ports takes port numbers from 1 to 65535, separated by commas.');
      try {
        const result = await runPortsScan({
          target: rest[0]!,
          ports: flags.has('--full') ? 'full' : list,
          identify: !flags.has('--no-identify'),
          signal: new AbortController().signal,
        });
        const hosts = result.scan.hosts.filter((h) => h.up);
        io.stdout(
          `${JSON.stringify({ ...result, scan: { ...result.scan, hostsScanned: result.scan.hosts.length, hosts } }, null, 2)}\n`,
        );
        return 0;
      } catch (err) {
        io.stderr(`Error: ${err instanceof Error ? err.message : 'the scan failed.'}\n`);
        return 1;
      }
    }
    default:
      return usageError(io, `Unknown command "${command}".`);
  }
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`${message}\n\n${USAGE}\n`);
  return 2;
}

export function renderNetwork(report: NetworkReport): string {
  const rows = report.interfaces.map((i) => [
    i.name === report.recommended?.interfaceName ? `${i.name} *` : i.name,
    i.kind,
    i.up ? 'up' : 'down',
    i.ipv4.map((a) => `${a.address}/${a.prefix}`).join(', ') || '-',
    i.mac ?? '-',
    i.note,
  ]);
  const lines = [formatTable(['INTERFACE', 'KIND', 'STATE', 'IPV4', 'MAC', 'NOTE'], rows, 80), ''];
  lines.push(
    report.gateway
      ? `Default gateway: ${report.gateway.address} via ${report.gateway.interfaceName}`
      : 'Default gateway: none found (this computer has no route to the internet).',
  );
  lines.push(
    report.recommended
      ? `Finding devices through: ${report.recommended.reason} (marked *)`
      : 'No interface can be used to find devices: connect this computer to the NVR’s network.',
  );
  if (report.chosenInterface && report.chosenInterface !== report.recommended?.interfaceName)
    lines.push(`You chose: ${report.chosenInterface}`);
  lines.push(`Measured at ${report.measuredAt}`);
  return lines.join('\n');
}

export function renderSetup(setup: SetupRecord): string {
  const rows = STEPS.map((s) => {
    const state = setup.steps[s.id];
    return [s.title, s.available ? (state?.status ?? 'not-started') : 'planned', state?.reason ?? ''];
  });
  return [
    `Approach:  ${setup.approach ?? 'not chosen yet'}`,
    `Interface: ${setup.interfaceName ?? 'not chosen yet (the recommended one is used)'}`,
    `Updated:   ${setup.updatedAt}`,
    '',
    formatTable(['STEP', 'STATUS', 'NOTE'], rows, 80),
  ].join('\n');
}

function describeDevice(d: DiscoveredDevice): string {
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
