import type { DiscoveredDevice } from '../../../shared/domain/device';
import { SWEEP_MAX_PREFIX } from '../../../shared/domain/discovery-limits';
import type { EventPayload, InvokeOutput } from '../../../shared/ipc/contract';
import { safeJson } from '../../../shared/text/device-text';
import { createTranslator, type Translator } from '../../../shared/i18n';
import { usageLine, type CliCommand, type CommandContext } from '../../cli/command';
import { formatTable } from '../../cli/table';
import { renderSetup } from '../frame';

export function describeDevice(d: DiscoveredDevice, t: Translator['t'] = createTranslator().t): string {
  const at = t('cli.find.at', { addresses: d.addresses.join(', ') });
  return [d.brand, d.model, d.name && d.name !== d.model ? `"${d.name}"` : null, at].filter(Boolean).join(' ');
}

export function renderDevices(
  devices: DiscoveredDevice[],
  warnings: string[],
  t: Translator['t'] = createTranslator().t,
): string {
  if (devices.length === 0) return t('cli.discover.none');
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
  const head = (['address', 'brand', 'model', 'mac', 'foundBy', 'ports', 'id'] as const).map((h) =>
    t(`cli.discover.head.${h}`),
  );
  const lines = [formatTable(head, rows, 60)];
  lines.push('', t('cli.discover.count', { count: devices.length, command: 'nvr-assist choose <ID>' }));
  if (warnings.length) lines.push('', t('cli.discover.notes', { count: warnings.length, first: warnings[0]! }));
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
  const { options, flags, io, t } = cmd;
  if (options['--user'] && !flags.has('--password-stdin'))
    return cmd.usageError(t('cli.find.pipePassword', { option: '--password-stdin' }));
  if (flags.has('--password-stdin') && !options['--user'])
    return cmd.usageError(t('cli.find.giveUser', { option: '--user' }));
  if (flags.has('--password-stdin') && !io.readStdin) return cmd.usageError(t('cli.find.noStdin'));
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

function renderIdentity(d: InvokeOutput<'device.login'>, t: Translator['t']): string {
  const offset = d.identity.clockOffsetSeconds;
  const auth = d.identity.auth === 'digest' ? 'HTTP digest' : 'WS-UsernameToken';
  const head = (['maker', 'model', 'firmware', 'serial'] as const).map((h) => t(`cli.identify.head.${h}`));
  const minutes = offset === null ? 0 : Math.round(Math.abs(offset) / 60);
  return [
    t('cli.identify.loggedIn', { url: d.onvifUrl, auth }),
    formatTable(head, [
      [d.identity.manufacturer ?? '?', d.identity.model ?? '?', d.identity.firmware ?? '?', d.identity.serial ?? '?'],
    ]),
    offset !== null && Math.abs(offset) >= 120
      ? t(offset > 0 ? 'cli.identify.clockAhead' : 'cli.identify.clockBehind', { count: minutes })
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export const FIND_COMMANDS: readonly CliCommand[] = [
  {
    name: 'discover',
    usage: (t) =>
      usageLine(
        'discover [--interface X] [--sweep]',
        t('cli.discover.usage', { option: '--sweep', prefix: `/${SWEEP_MAX_PREFIX}` }),
      ),
    options: { '--interface': 'value', '--sweep': 'flag' },
    run: async (cmd) => {
      const { args, options, flags, json, io, t } = cmd;
      if (args.length) return cmd.usageError(t('cli.discover.noArgs', { option: '--interface NAME' }));
      const end = await cmd.job(
        'discovery.start',
        {
          ...(options['--interface'] ? { interfaceName: options['--interface'] } : {}),
          ...(flags.has('--sweep') ? { sweep: true } : {}),
        },
        (event, payload) => {
          if (event !== 'discovery.onDevice' || json) return;
          const d = (payload as EventPayload<'discovery.onDevice'>).device;
          const words = {
            address: d.addresses[0] ?? '?',
            brand: d.brand ?? '',
            model: d.model ?? '',
            sources: d.sources.join(', '),
          };
          io.stderr(`${t('cli.discover.found', words)}\n`);
        },
      );
      if (!end.started.ok) return cmd.finish(end.started, () => '');
      if (!json) io.stderr(`${t('cli.discover.searching', { name: end.started.data.interfaceName })}\n`);
      if (end.outcome === 'failed') {
        io.stderr(`${t('cli.error', { message: end.error?.message ?? t('cli.discover.failed') })}\n`);
        return 1;
      }
      const code = cmd.finish(await cmd.call('discovery.list', {}), (d) => renderDevices(d.devices, d.warnings, t));
      return end.outcome === 'cancelled' ? 130 : code;
    },
  },
  {
    name: 'watch',
    usage: (t) => usageLine('watch [--interface X] [--seconds N]', t('cli.watch.usage')),
    options: { '--interface': 'value', '--seconds': 'value' },
    run: async (cmd) => {
      const { args, options, json, io, t } = cmd;
      if (args.length) return cmd.usageError(t('cli.watch.noArgs'));
      const seconds = options['--seconds'] === undefined ? 60 : Number(options['--seconds']);
      if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600)
        return cmd.usageError(t('cli.watch.badSeconds', { option: '--seconds', min: '1', max: '3600' }));
      const started = await cmd.call(
        'discovery.listen',
        options['--interface'] ? { interfaceName: options['--interface'] } : {},
      );
      if (!started.ok) return cmd.finish(started, () => '');
      const { jobId, interfaceName } = started.data;
      if (!json) io.stderr(`${t('cli.watch.listening', { name: interfaceName, seconds: String(seconds) })}\n`);
      let heard = 0;
      const stop = cmd.subscribe((event, payload) => {
        if (event !== 'discovery.onDevice') return;
        const p = payload as EventPayload<'discovery.onDevice'>;
        if (p.jobId !== jobId) return;
        heard += 1;
        if (json) io.stdout(`${safeJson(p.device)}\n`);
        else
          io.stdout(
            `${new Date().toISOString().slice(11, 19)}  ${describeDevice(p.device, t)}  ${p.device.notes.at(-1) ?? ''}\n`,
          );
      });
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      stop();
      await cmd.call('job.cancel', { jobId });
      if (!json) io.stderr(`${t('cli.watch.heard', { count: heard })}\n`);
      return 0;
    },
  },
  {
    name: 'choose',
    usage: (t) => usageLine('choose <device-id>', t('cli.choose.usage')),
    run: async (cmd) => {
      const { t } = cmd;
      if (cmd.args.length !== 1) return cmd.usageError(t('cli.choose.nameOne'));
      return cmd.finish(await cmd.call('setup.chooseDevice', { deviceId: cmd.args[0]! }), (s) =>
        s.nvr ? t('cli.choose.yourNvr', { device: describeDevice(s.nvr.device, t) }) : renderSetup(s, t),
      );
    },
  },
  {
    name: 'add',
    usage: (t) => usageLine('add <host> [--port N]', t('cli.add.usage')),
    options: { '--port': 'value' },
    run: async (cmd) => {
      const { t } = cmd;
      if (cmd.args.length !== 1) return cmd.usageError(t('cli.add.nameOne'));
      const port = portOption(cmd);
      if (port === null) return cmd.usageError(t('cli.find.badPort'));
      return cmd.finish(await cmd.call('discovery.addManual', { host: cmd.args[0]!, ...(port ? { port } : {}) }), (d) =>
        t('cli.add.added', {
          device: describeDevice(d.device, t),
          id: d.device.id,
          command: `nvr-assist identify ${d.device.id} --user admin --password-stdin`,
        }),
      );
    },
  },
  {
    name: 'identify',
    usage: (t) => usageLine('identify <host|device-id> --user U --password-stdin [--port N]', t('cli.identify.usage')),
    options: { '--user': 'value', '--password-stdin': 'flag', '--port': 'value' },
    run: async (cmd) => {
      const { args, options, flags, io, t } = cmd;
      if (args.length !== 1) return cmd.usageError(t('cli.identify.nameOne'));
      const port = portOption(cmd);
      if (port === null) return cmd.usageError(t('cli.find.badPort'));
      const username = options['--user'];
      if (!username || !flags.has('--password-stdin') || !io.readStdin)
        return cmd.usageError(t('cli.identify.giveUser', { user: '--user', stdin: '--password-stdin' }));
      const password = await readPassword(cmd);
      const target = args[0]!.startsWith('dev-') ? { deviceId: args[0]! } : { host: args[0]! };
      return cmd.finish(
        await cmd.call('device.login', { ...target, ...(port ? { port } : {}), username, password }),
        (d) => renderIdentity(d, t),
      );
    },
  },
];
