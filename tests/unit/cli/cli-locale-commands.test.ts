// Each converted command in the pseudo locale (en-XA): one of its usage errors and its help words come out pseudo,
// so a command's words left in English (or a key that points at the wrong message) shows here. The synopsis (what
// the user types) stays as typed.
import { beforeAll, describe, expect, it } from 'vitest';
import { usageLine } from '../../../src/main/cli/command';
import { SWEEP_MAX_PREFIX } from '../../../src/shared/domain/discovery-limits';
import { APPROACHES } from '../../../src/shared/domain/setup';
import { WATCH_MAX_S } from '../../../src/shared/domain/upnp';
import { createTranslator } from '../../../src/shared/i18n';
import { cliIn } from './cli-in-locale';

const cli = (argv: string[], locale = 'en-XA') => cliIn(argv, locale);

const { t } = createTranslator('en-XA');

interface Case {
  /** A command line that is a usage error, and the first line it prints. */
  argv: string[];
  error: string;
  /** A synopsis and its words, as the help lays them out. */
  synopsis: string;
  about: string;
}

const CASES: Record<string, Case> = {
  network: {
    argv: ['network', 'x'],
    error: t('cli.network.noArgs'),
    synopsis: 'network',
    about: t('cli.network.usage'),
  },
  approach: {
    argv: ['approach', 'telnet'],
    error: t('cli.approach.chooseOne', { choices: APPROACHES.join(', ') }),
    synopsis: 'approach <choice>',
    about: t('cli.approach.usage', { choices: APPROACHES.join(' | ') }),
  },
  interface: {
    argv: ['interface'],
    error: t('cli.interface.nameOne'),
    synopsis: 'interface <name>',
    about: t('cli.interface.usage'),
  },
  discover: {
    argv: ['discover', 'x'],
    error: t('cli.discover.noArgs', { option: '--interface NAME' }),
    synopsis: 'discover [--interface X] [--sweep]',
    about: t('cli.discover.usage', { option: '--sweep', prefix: `/${SWEEP_MAX_PREFIX}` }),
  },
  watch: {
    argv: ['watch', '--seconds', '0'],
    error: t('cli.watch.badSeconds', { option: '--seconds', min: '1', max: '3600' }),
    synopsis: 'watch [--interface X] [--seconds N]',
    about: t('cli.watch.usage'),
  },
  choose: {
    argv: ['choose'],
    error: t('cli.choose.nameOne'),
    synopsis: 'choose <device-id>',
    about: t('cli.choose.usage'),
  },
  add: {
    argv: ['add', '192.168.1.64', '--port', '0'],
    error: t('cli.find.badPort'),
    synopsis: 'add <host> [--port N]',
    about: t('cli.add.usage'),
  },
  identify: {
    argv: ['identify', '192.168.1.64'],
    error: t('cli.identify.giveUser', { user: '--user', stdin: '--password-stdin' }),
    synopsis: 'identify <host|device-id> --user U --password-stdin [--port N]',
    about: t('cli.identify.usage'),
  },
  'static-ip': {
    argv: ['static-ip', '192.168.1.64', '--pool', '1-2', '--apply', '192.168.1.9'],
    error: t('cli.staticIp.poolAlone', { option: '--pool', apply: '--apply' }),
    synopsis: 'static-ip <device-id|address> --reserve <address|off>',
    about: t('cli.staticIp.usage.reserve'),
  },
  ports: {
    argv: ['ports', '192.168.1.64', '--set', 'ftp=21'],
    error: t('cli.ports.badSet', { option: '--set', pairs: 'role=port', example: '--set http=18080,rtsp=10554' }),
    synopsis: 'ports <device-id|address> --plan',
    about: t('cli.ports.usage.plan'),
  },
  'ports-scan': {
    argv: ['ports-scan', '10.0.0.0/8'],
    error: t('cli.portsScan.badTarget', { prefix: `/${SWEEP_MAX_PREFIX}`, example: '192.168.1.0/24' }),
    synopsis: 'ports-scan <host|subnet> [--ports 80,443,554 | --full] [--no-identify]',
    about: t('cli.portsScan.usage', { prefix: `/${SWEEP_MAX_PREFIX}` }),
  },
  upnp: {
    argv: ['upnp', '--delete', '8000'],
    error: t('cli.upnp.badDelete', { option: '--delete', example: '--delete 8000/tcp,554/tcp' }),
    synopsis: 'upnp --watch [SECONDS]',
    about: t('cli.upnp.usage.watch', { max: String(WATCH_MAX_S) }),
  },
  rules: {
    argv: ['rules', '--udp-media'],
    error: t('cli.rules.goesWith', { option: '--udp-media', with: '--video' }),
    synopsis: 'rules --proxy caddy|nginx [--host nvr.example.com] [--user <name>]',
    about: t('cli.rules.usage.proxy', { host: '--host', user: '--user' }),
  },
  public: {
    argv: ['public', '--host', 'nvr.example.com'],
    error: t('cli.public.hostForProve', { host: '--host', prove: '--prove' }),
    synopsis: 'public --prove [--checker URL] [--host NAME]',
    about: t('cli.public.usage.prove'),
  },
  security: {
    argv: ['security', '--try-next'],
    error: t('cli.security.consentGoesWith'),
    synopsis: 'security --check-defaults --user-consent [--try-next]',
    about: t('cli.security.usage.defaults', { option: '--try-next' }),
  },
  vpn: {
    argv: ['vpn', 'plan', '--out', 'x.conf'],
    error: t('cli.vpn.outGoesWith', { option: '--out', config: '`vpn config`', qr: '`vpn qr`' }),
    synopsis: 'vpn qr <device> --out FILE.png',
    about: t('cli.vpn.usage.qr'),
  },
  ddns: {
    argv: ['ddns', 'frob'],
    error: t('cli.ddns.verbs', { check: '`ddns check`', update: '`ddns update`', router: '`ddns router`' }),
    synopsis: 'ddns check --host NAME [--ip ADDRESS] [--dns-server IP]',
    about: t('cli.ddns.usage.check', { dnsServer: '--dns-server' }),
  },
  checklist: {
    argv: ['checklist', '--out', 'list.txt'],
    error: t('cli.checklist.badOut', { option: '--out', ext: '.pdf' }),
    synopsis: 'checklist --out FILE.pdf [--letter] [--json]',
    about: t('cli.checklist.usage', { letter: '--letter', json: '--json', out: '--out' }),
  },
  setup: {
    argv: ['setup', 'x'],
    error: t('cli.setup.noArgs'),
    synopsis: 'setup',
    about: t('cli.setup.usage'),
  },
  reset: {
    argv: ['reset', 'x'],
    error: t('cli.reset.noArgs'),
    synopsis: 'reset',
    about: t('cli.reset.usage'),
  },
};

describe('each converted command in en-XA', () => {
  let help = '';
  beforeAll(async () => {
    help = (await cli(['help'])).stdout;
  });

  it.each(Object.entries(CASES))('%s: a usage error and its help words are pseudo', async (_, c) => {
    const r = await cli(c.argv);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(c.error);
    expect(c.error).toMatch(/^\[.*\]$/s);
    const block = usageLine(c.synopsis, c.about).map((line) => `  ${line}\n`);
    expect(help).toContain(block.join(''));
    expect(c.about.startsWith('[')).toBe(true);
  });
});

describe('converted commands’ output in en-XA: the frame words pseudo, main’s facts as they came', () => {
  it('network: the table’s headers and the gateway line', async () => {
    const r = await cli(['network']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toContain(t('cli.network.head.interface'));
    expect(r.stdout).toContain(t('cli.network.gateway', { address: '192.168.1.1', name: 'eth0' }));
    expect(r.stdout).not.toMatch(/Default gateway|Measured at/);
  });

  it('approach without a choice: the ways’ words pseudo, what to type as it is typed', async () => {
    const r = await cli(['approach']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const vpnTitle = t('cli.approach.recommended', { title: t('network.ways.vpn.title') });
    expect(lines[0]).toBe(t('cli.approach.way', { choice: 'vpn', title: vpnTitle }));
    expect(lines[1]).toBe(`  ${t('network.ways.vpn.summary')}`);
    expect(r.stdout).toContain(`  - ${t('network.ways.portForwarding.cons.notWebPorts')}\n`);
    expect(lines.at(-1)).toBe(t('cli.approach.choose', { command: '`nvr-assist approach <choice>`' }));
    expect(lines.at(-1)).toContain('`nvr-assist approach <choice>`');
    expect(r.stdout).not.toMatch(/recommended|encrypted tunnel|Never forward|Watch out|Good:|Many NVRs/);
    // With --json: the ways by their ids, in English as main's other JSON.
    const json = await cli(['approach', '--json']);
    expect(json.code).toBe(0);
    const { approaches } = JSON.parse(json.stdout) as {
      approaches: { id: string; title: string; recommended: boolean }[];
    };
    expect(approaches.map((a) => a.id)).toEqual([...APPROACHES]);
    expect(approaches[0]).toMatchObject({ id: 'vpn', title: 'VPN', recommended: true });
  });

  it('setup, reset and vpn without a plan', async () => {
    const setup = await cli(['setup']);
    expect(setup.stdout).toContain(t('cli.setup.approach', { approach: t('cli.setup.notChosen') }));
    expect(setup.stdout).not.toMatch(/Approach:|Updated:/);
    const reset = await cli(['reset']);
    expect(reset.stdout.split('\n')[0]).toBe(t('cli.reset.done'));
    const vpn = await cli(['vpn']);
    expect(vpn.stdout.trim()).toBe(t('cli.vpn.noPlan', { command: 'nvr-assist vpn plan --server <router or linux>' }));
  });

  it('ddns router: its frame words and the router’s steps (said by key) pseudo, the cron line as it came', async () => {
    const r = await cli(['ddns', 'router', '--router', 'fritzbox', '--provider', 'noip', '--host', 'cam.ddns.net']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(t('cli.ddns.router.ownClient', { product: 'AVM FRITZ!Box' }));
    expect(lines[1]).toBe(t('cli.ddns.router.providers', { providers: 'duckdns, noip, dynu, dyndns2' }));
    expect(lines[2]).toBe(`  1. ${t('ddns.said.router.fritzbox.steps.s1')}`);
    expect(r.stdout).not.toMatch(/Open the FRITZ!Box user interface/);
    expect(r.stdout).toContain(t('cli.ddns.router.cron.password'));
    expect(lines.at(-1)).toMatch(
      /^ {2}\*\/15 \* \* \* \* nvr-assist ddns update --provider noip --host cam\.ddns\.net/,
    );
    expect(r.stdout).not.toMatch(/its own DDNS client|Providers it can keep|Source:|If the router cannot/);
  });

  it('security: the score line and the closing sentence', async () => {
    const r = await cli(['security']);
    expect(r.stdout.split('\n')[0]).toMatch(/^\[Šéçûŕíţý šçöŕé: \d+\/100/);
    expect(r.stdout).toContain(t('cli.security.unknownNotSafe'));
    expect(r.stdout).not.toMatch(/What to do:|Security score/);
  });
});
