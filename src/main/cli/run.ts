import type { NetworkReport } from '../../shared/domain/network';
import { optionName } from './option-name';
import { safeJson } from '../../shared/text/device-text';
import { APPROACHES, type SetupRecord } from '../../shared/domain/setup';
import { STEPS } from '../../shared/domain/steps';
import type { InvokeChannel } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { DiscoveredDevice } from '../../shared/domain/device';
import type { PortApplyResult, PortPlan, PortReport } from '../../shared/domain/ports';
import { ROLE_LABELS } from '../../shared/catalog/ports';
import type { Dispatcher } from '../core/dispatch';
import type { EventHub } from '../core/events';
import { formatTable } from './table';
import { expandTarget, runPortsScan } from '../services/ports/ports-scan';
import { ERROR_MESSAGES, isAppFailure } from '../../shared/ipc/errors';

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
  ports <device-id|address> [--full] [--user U --password-stdin]
                          Measure the device's ports: what answers on each, what it is for, whether
                          it is needed from outside, how risky it is and what to do. --full checks
                          all 65535 ports. With a login, the device's own list (ONVIF) is read too.
  ports <device-id|address> --plan
                          Propose non-standard ports (the same device always gets the same ones),
                          which ones the app changes itself and the steps for the others.
  ports <device-id|address> --set http=N[,https=N][,rtsp=N] --user U --password-stdin
                          Move the web and video ports through ONVIF, then check by measurement
                          that the old port is closed and the new one answers. On any failure the
                          previous ports are put back and checked. Exit 0 only when verified.
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

const VALUE_OPTIONS = new Set(['--interface', '--user', '--port', '--seconds', '--ports', '--set']);
const FLAG_OPTIONS = new Set(['--json', '--password-stdin', '--sweep', '--full', '--no-identify', '--plan']);

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
  if (unknownOption) return usageError(io, unknownOptionMessage(unknownOption));
  const [command, ...rest] = words;
  if (options['--interface'] && command !== 'discover' && command !== 'watch')
    return usageError(io, '--interface goes with `discover` and `watch`.');
  if (flags.has('--sweep') && command !== 'discover') return usageError(io, '--sweep goes with `discover`.');
  if (options['--seconds'] && command !== 'watch') return usageError(io, '--seconds goes with `watch`.');
  if ((options['--user'] || flags.has('--password-stdin')) && command !== 'identify' && command !== 'ports')
    return usageError(io, '--user and --password-stdin go with `identify` and `ports`.');
  if (options['--port'] && command !== 'identify' && command !== 'add')
    return usageError(io, '--port goes with `add` and `identify`.');
  if ((options['--ports'] || flags.has('--no-identify')) && command !== 'ports-scan')
    return usageError(io, '--ports and --no-identify go with `ports-scan`.');
  if (flags.has('--full') && command !== 'ports-scan' && command !== 'ports')
    return usageError(io, '--full goes with `ports` and `ports-scan`.');
  if ((flags.has('--plan') || options['--set']) && command !== 'ports')
    return usageError(io, '--plan and --set go with `ports`.');
  const port = options['--port'] === undefined ? undefined : Number(options['--port']);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535))
    return usageError(io, 'The port must be a number from 1 to 65535.');

  const call = async <C extends InvokeChannel>(channel: C, input: unknown): Promise<Result<unknown>> =>
    dispatch(channel, input, { transport: 'cli' });
  const finish = (result: Result<unknown>, render: (data: never) => string): number => {
    if (json) io.stdout(`${safeJson(result.ok ? result.data : { error: result.error }, 2)}\n`);
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
      io.stdout(json ? `${safeJson({ version })}\n` : `${version}\n`);
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
        if (json) io.stdout(`${safeJson(p.device)}\n`);
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
    case 'ports':
      return runPorts(rest, { json, flags, options }, core, io);
    case 'ports-scan': {
      if (rest.length !== 1)
        return usageError(io, 'Name one address or subnet, e.g. `nvr-assist ports-scan 192.168.1.64`.');
      if (options['--ports'] && flags.has('--full')) return usageError(io, 'Use --ports or --full, not both.');
      const list = options['--ports']?.split(',').map((p) => Number(p.trim()));
      if (list && !list.every((p) => Number.isInteger(p) && p >= 1 && p <= 65535))
        return usageError(io, '--ports takes port numbers from 1 to 65535, separated by commas.');
      if (!expandTarget(rest[0]!))
        return usageError(io, 'Name one IPv4 address or a subnet of at most /22, e.g. 192.168.1.0/24.');
      try {
        const result = await runPortsScan({
          target: rest[0]!,
          ports: flags.has('--full') ? 'full' : list,
          identify: !flags.has('--no-identify'),
          signal: new AbortController().signal,
        });
        const hosts = result.scan.hosts.filter((h) => h.up);
        io.stdout(
          `${safeJson({ ...result, scan: { ...result.scan, hostsScanned: result.scan.hosts.length, hosts } }, 2)}\n`,
        );
        return 0;
      } catch (err) {
        // Only catalogued words cross to the user: never an exception's text (it may carry paths or values).
        io.stderr(`Error: ${isAppFailure(err) ? err.message : ERROR_MESSAGES.INTERNAL}\n`);
        return 1;
      }
    }
    default:
      return usageError(io, `Unknown command "${command}".`);
  }
}

interface ParsedArgs {
  json: boolean;
  flags: Set<string>;
  options: Record<string, string>;
}

/** Parses `http=18080,rtsp=10554`; null when it is not that. */
export function parseSetList(text: string): Array<{ role: 'http' | 'https' | 'rtsp'; to: number }> | null {
  const out: Array<{ role: 'http' | 'https' | 'rtsp'; to: number }> = [];
  for (const part of text.split(',')) {
    const m = /^\s*(http|https|rtsp)\s*=\s*(\d{1,5})\s*$/i.exec(part);
    if (!m) return null;
    const role = m[1]!.toLowerCase() as 'http' | 'https' | 'rtsp';
    const to = Number(m[2]);
    if (to < 1 || to > 65535 || out.some((c) => c.role === role)) return null;
    out.push({ role, to });
  }
  return out.length ? out : null;
}

/** Starts a job and waits for its end, keeping the events that carry its result. */
async function runJob(
  core: CliCore,
  start: () => Promise<Result<unknown>>,
): Promise<{
  started: Result<unknown>;
  outcome: string;
  error: { message: string } | null;
  events: Map<string, unknown>;
}> {
  const seen: Array<[string, unknown]> = [];
  let wake: (() => void) | null = null;
  const stop = core.hub.subscribe((event, payload) => {
    seen.push([event, payload]);
    wake?.();
  });
  try {
    const started = await start();
    if (!started.ok) return { started, outcome: 'failed', error: started.error, events: new Map() };
    const { jobId } = started.data as { jobId: string };
    const events = new Map<string, unknown>();
    for (;;) {
      for (const [event, payload] of seen.splice(0)) {
        if ((payload as { jobId?: string }).jobId !== jobId) continue;
        events.set(event, payload);
        if (event === 'job.onDone') {
          const done = payload as { outcome: string; error: { message: string } | null };
          return { started, outcome: done.outcome, error: done.error, events };
        }
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    stop();
  }
}

/** `nvr-assist ports …`: audit (default), --plan, or --set. */
async function runPorts(rest: string[], args: ParsedArgs, core: CliCore, io: CliIo): Promise<number> {
  const { json, flags, options } = args;
  if (rest.length !== 1) return usageError(io, 'Name one device ID or address, e.g. `nvr-assist ports 192.168.1.64`.');
  const modes = [flags.has('--plan'), options['--set'] !== undefined, flags.has('--full')].filter(Boolean).length;
  if (modes > 1) return usageError(io, 'Use one of --full, --plan and --set.');
  const changes = options['--set'] === undefined ? null : parseSetList(options['--set']);
  if (options['--set'] !== undefined && !changes)
    return usageError(io, '--set takes role=port pairs for http, https and rtsp, e.g. --set http=18080,rtsp=10554.');
  if (options['--user'] && !flags.has('--password-stdin'))
    return usageError(io, 'Pipe the password in with --password-stdin (never on the command line).');
  if (flags.has('--password-stdin') && !options['--user']) return usageError(io, 'Give the user with --user.');
  if (flags.has('--password-stdin') && !io.readStdin) return usageError(io, 'This CLI cannot read standard input.');
  const call = (channel: InvokeChannel, input: unknown) => core.dispatch(channel, input, { transport: 'cli' });
  const fail = (message: string): number => {
    if (json) io.stdout(`${safeJson({ error: { message } }, 2)}\n`);
    io.stderr(`Error: ${message}\n`);
    return 1;
  };

  // The device: by id, or by address (found before, else added like `add` does).
  const target = rest[0]!;
  let deviceId: string;
  if (target.startsWith('dev-')) deviceId = target;
  else {
    const list = await call('discovery.list', {});
    const known = list.ok
      ? (list.data as { devices: DiscoveredDevice[] }).devices.find((d) => d.addresses.includes(target))
      : undefined;
    if (known) deviceId = known.id;
    else {
      const added = await call('discovery.addManual', { host: target });
      if (!added.ok) return fail(added.error.message);
      deviceId = (added.data as { device: DiscoveredDevice }).device.id;
    }
  }
  if (options['--user']) {
    const password = (await io.readStdin!()).replace(/\r?\n$/, '');
    const login = await call('device.login', { deviceId, username: options['--user'], password });
    if (!login.ok) return fail(login.error.message);
  }

  const audit = async (): Promise<{ report: PortReport | null; code: number }> => {
    const job = await runJob(core, () =>
      call('ports.audit', { deviceId, ...(flags.has('--full') ? { full: true } : {}) }),
    );
    const report = (job.events.get('ports.onReport') as { report: PortReport } | undefined)?.report ?? null;
    if (job.outcome === 'cancelled') return { report, code: 130 };
    if (job.outcome !== 'ok' || !report) return { report, code: fail(job.error?.message ?? 'The measurement failed.') };
    return { report, code: 0 };
  };

  if (changes) {
    const job = await runJob(core, () => call('ports.apply', { deviceId, changes }));
    const result = (job.events.get('ports.onApplied') as { result: PortApplyResult } | undefined)?.result;
    if (!result) return fail(job.error?.message ?? 'The change could not be made.');
    if (json) io.stdout(`${safeJson(result, 2)}\n`);
    else io.stdout(`${renderPortChange(result)}\n`);
    if (result.outcome !== 'verified') {
      io.stderr(`${result.outcome === 'restored' ? 'Not changed' : 'Failed'}: ${result.message}\n`);
      return 1;
    }
    return 0;
  }

  if (flags.has('--plan')) {
    let planned = await call('ports.plan', { deviceId });
    if (!planned.ok && planned.error.code === 'PORTS_NOT_MEASURED') {
      if (!json) io.stderr('Measuring the ports first…\n');
      const measured = await audit();
      if (measured.code !== 0) return measured.code;
      planned = await call('ports.plan', { deviceId });
    }
    if (!planned.ok) return fail(planned.error.message);
    io.stdout(json ? `${safeJson(planned.data, 2)}\n` : `${renderPortPlan(planned.data as PortPlan)}\n`);
    return 0;
  }

  const measured = await audit();
  if (measured.code !== 0 || !measured.report) return measured.code;
  io.stdout(json ? `${safeJson(measured.report, 2)}\n` : `${renderPortReport(measured.report)}\n`);
  return 0;
}

const OUTSIDE: Record<string, string> = { yes: 'yes', no: 'no', 'only-with-vendor-app': 'vendor app only' };

export function renderPortReport(report: PortReport): string {
  const rows = report.rows.map((r) => [
    `${r.port}${r.state === 'open' ? '' : ` (${r.state})`}`,
    `${r.service}${r.product ? ` · ${r.product}` : ''}`.slice(0, 40),
    r.purpose.length > 50 ? `${r.purpose.slice(0, 49)}…` : r.purpose,
    OUTSIDE[r.neededOutside] ?? r.neededOutside,
    `${r.risk.level}${r.isDefault && r.state === 'open' ? ', factory port' : ''}`,
    r.recommendation,
  ]);
  const lines = [
    `Ports of ${report.address}${report.full ? ' (all 65535)' : ' (catalogue ports)'}, measured at ${report.measuredAt}`,
    '',
    formatTable(['PORT', 'SERVICE', 'WHAT IT IS FOR', 'OUTSIDE?', 'RISK', 'RECOMMENDATION'], rows, 500),
    '',
    `Declared by the device but closed: ${report.declaredButClosed.length ? report.declaredButClosed.join(', ') : 'none'}`,
    `Open but declared by nobody: ${report.undeclaredOpen.length ? report.undeclaredOpen.join(', ') : 'none'}`,
  ];
  if (!report.onvifProtocols)
    lines.push('(Log in with --user and --password-stdin to read the device’s own list of ports over ONVIF.)');
  return lines.join('\n');
}

export function renderPortPlan(plan: PortPlan): string {
  const rows = plan.proposal.map((p) => [
    ROLE_LABELS[p.role],
    String(p.current),
    String(p.internal),
    String(p.external),
    plan.applyViaOnvif.includes(p.role) ? 'the app (ONVIF)' : 'you (web page)',
  ]);
  const lines = [formatTable(['SERVICE', 'NOW', 'NEW', 'OUTSIDE', 'CHANGED BY'], rows, 80)];
  for (const p of plan.problems) lines.push(`${p.severity === 'error' ? 'Problem' : 'Note'}: ${p.message}`);
  const set = plan.proposal.filter((p) => plan.applyViaOnvif.includes(p.role) && p.internal !== p.current);
  if (set.length)
    lines.push(
      '',
      `Apply with: nvr-assist ports ${plan.deviceId} --set ${set.map((p) => `${p.role}=${p.internal}`).join(',')} --user admin --password-stdin`,
    );
  for (const m of plan.manualSteps) {
    lines.push('', `${ROLE_LABELS[m.role]}, in the device's web page:`);
    m.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
  }
  lines.push('', plan.rtspAdvice);
  return lines.join('\n');
}

export function renderPortChange(result: PortApplyResult): string {
  const rows = result.changes.map((c) => [
    c.role.toUpperCase(),
    String(c.from),
    String(c.to),
    c.verified ? 'yes' : 'no',
    c.evidence,
  ]);
  return [
    `${result.outcome === 'verified' ? 'Verified' : result.outcome === 'restored' ? 'Put back' : 'FAILED'}: ${result.message}`,
    rows.length ? `\n${formatTable(['SERVICE', 'FROM', 'TO', 'VERIFIED', 'EVIDENCE'], rows, 200)}` : '',
    result.onvifUrl ? `ONVIF: ${result.onvifUrl}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export { optionName };

/** The usage message for an option we do not take; it names the option only, never a value. */
export function unknownOptionMessage(word: string): string {
  const name = optionName(word);
  if (word.includes('=') && VALUE_OPTIONS.has(name))
    return `Give ${name} its value as the next word (${name} VALUE), not after "=".`;
  if (word.includes('=') && FLAG_OPTIONS.has(name)) return `${name} takes no value.`;
  if (/^--pass(word)?$/i.test(name) || name === '-p')
    return `Unknown option ${name}. A password is never given on the command line: pipe it in with --password-stdin.`;
  return `Unknown option ${name}.`;
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
