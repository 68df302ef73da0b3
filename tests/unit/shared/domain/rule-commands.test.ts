// The Router rules step's commands (src/shared/domain/rule-commands.ts): the same forward plan written for
// nftables, iptables, OpenWrt uci and MikroTik RouterOS. Each family's text is compared whole to a golden file in
// tests/fixtures/rule-commands/ (read against ../shared/reference/ROUTERS.md §2: see its README); the tests below
// it name what the user would lose if the text broke: a rule that lets everyone in when they limited it, a
// command their router refuses, or a shell that runs what a name smuggled in.
// `UPDATE_GOLDEN=1 npx vitest run --project unit tests/unit/shared/domain/rule-commands.test.ts` rewrites the
// golden files from today's code: read the difference before committing it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forwardPlanSchema, type ForwardPlan } from '../../../../src/shared/domain/forward-plan';
import {
  iptablesCommands,
  mikrotikCommands,
  nftablesCommands,
  openwrtCommands,
  ROUTER_COMMAND_FAMILIES,
  type RouterCommandFamily,
} from '../../../../src/shared/domain/rule-commands';
import { routerCommands } from '../../../../src/shared/domain/router-commands';
import { checkCommandOptions } from '../../../../src/shared/domain/rule-options';

const GOLDEN_DIR = resolve(__dirname, '../../../fixtures/rule-commands');
const EXT: Record<RouterCommandFamily, string> = { nftables: 'nft', iptables: 'sh', openwrt: 'sh', mikrotik: 'rsc' };

function golden(name: string, text: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) writeFileSync(file, `${text}\n`);
  expect(`${text}\n`).toBe(readFileSync(file, 'utf8'));
}

/** The two plans the golden files are written from (plans.json), as main stores them (its schema). */
const PLANS = JSON.parse(readFileSync(join(GOLDEN_DIR, 'plans.json'), 'utf8')) as Record<
  'limited' | 'open' | 'media',
  unknown
>;
const limited: ForwardPlan = forwardPlanSchema.parse(PLANS.limited);
const open: ForwardPlan = forwardPlanSchema.parse(PLANS.open);
/** The limited plan with RTSP and a declared UDP media range (6100–6199) asked for. */
const media: ForwardPlan = forwardPlanSchema.parse(PLANS.media);

describe('each family, compared whole to its golden file', () => {
  for (const family of ROUTER_COMMAND_FAMILIES)
    for (const [which, plan] of [
      ['limited', limited],
      ['open', open],
    ] as const)
      it(`${family}, ${which === 'limited' ? 'two rules from two allowed sources' : 'two rules open to anyone'}`, () => {
        golden(`${family}-${which}.${EXT[family]}`, routerCommands(family, plan));
      });

  for (const family of ROUTER_COMMAND_FAMILIES)
    it(`${family}, with RTSP and a UDP media range (each range port to its own number)`, () => {
      golden(`${family}-media.${EXT[family]}`, routerCommands(family, media));
    });

  it('a range keeps each port’s own number: no port in the DNAT target, the range in both matches', () => {
    const rtp = (text: string) => text.split('\n').filter((l) => /6100/.test(l));
    expect(rtp(nftablesCommands(media))).toEqual([
      expect.stringContaining('udp dport 6100-6199 dnat ip to 192.168.1.70 comment') as string,
      expect.stringContaining('ip daddr 192.168.1.70 udp dport 6100-6199 ct status dnat accept') as string,
    ]);
    const ipt = rtp(iptablesCommands(media));
    expect(ipt.filter((l) => l.includes('-j DNAT --to-destination 192.168.1.70'))).toHaveLength(2);
    expect(ipt.every((l) => l.includes('-p udp') && l.includes('--dport 6100:6199'))).toBe(true);
    expect(ipt.some((l) => /--to-destination 192\.168\.1\.70:/.test(l))).toBe(false);
    expect(rtp(openwrtCommands(media)).filter((l) => /_port='|_dport='/.test(l))).toEqual([
      "uci set firewall.nvr_rtp_4_1.src_dport='6100-6199'",
      "uci set firewall.nvr_rtp_4_1.dest_port='6100-6199'",
      "uci set firewall.nvr_rtp_4_2.src_dport='6100-6199'",
      "uci set firewall.nvr_rtp_4_2.dest_port='6100-6199'",
    ]);
    const mt = rtp(mikrotikCommands(media));
    expect(mt).toHaveLength(1);
    expect(mt[0]).toContain('protocol=udp dst-port=6100-6199 ');
    expect(mt[0]).not.toContain('to-ports');
  });

  it('nftables with the wan interface and an existing dropping forward chain named', () => {
    golden(
      'nftables-limited-forward-chain.txt',
      routerCommands('nftables', limited, { wan: 'eth1', forwardChain: 'inet filter forward' }),
    );
  });

  it('routerCommands writes each family with that family’s writer', () => {
    const o = { wan: 'pppoe-wan', forwardChain: 'ip filter forward' };
    expect(routerCommands('nftables', limited, o)).toBe(nftablesCommands(limited, o));
    expect(routerCommands('iptables', limited, o)).toBe(iptablesCommands(limited, o));
    expect(routerCommands('openwrt', limited, o)).toBe(openwrtCommands(limited));
    expect(routerCommands('mikrotik', limited, o)).toBe(mikrotikCommands(limited));
    expect(routerCommands('nftables', limited)).toBe(nftablesCommands(limited));
    expect(ROUTER_COMMAND_FAMILIES).toEqual(['nftables', 'iptables', 'openwrt', 'mikrotik']);
  });
});

describe('the source restriction reaches every rule in every family', () => {
  it('nftables: one set of the allowed sources, matched by every DNAT; none when open to anyone', () => {
    const text = nftablesCommands(limited);
    expect(text).toContain(
      'set nvr_allowed { type ipv4_addr; flags interval; auto-merge; elements = { 198.51.100.0/24, 203.0.113.7 } }',
    );
    const dnats = text.split('\n').filter((l) => l.includes(' dnat ip to '));
    expect(dnats).toHaveLength(2);
    for (const l of dnats) expect(l).toContain(' ip saddr @nvr_allowed ');
    const openText = nftablesCommands(open);
    expect(openText).not.toContain('nvr_allowed');
    expect(openText.split('\n').filter((l) => l.includes(' dnat ip to '))).toHaveLength(2);
  });

  it('iptables: one DNAT per rule and source, each with its -s; one FORWARD accept per rule', () => {
    const lines = iptablesCommands(limited).split('\n');
    const dnat = lines.filter((l) => l.includes('-j DNAT'));
    expect(dnat).toHaveLength(4);
    expect(dnat.map((l) => /-s (\S+)/.exec(l)?.[1])).toEqual([
      '198.51.100.0/24',
      '203.0.113.7',
      '198.51.100.0/24',
      '203.0.113.7',
    ]);
    expect(lines.filter((l) => l.includes('-j ACCEPT'))).toHaveLength(2);
    const openDnat = iptablesCommands(open)
      .split('\n')
      .filter((l) => l.includes('-j DNAT'));
    expect(openDnat).toHaveLength(2);
    for (const l of openDnat) expect(l).not.toContain(' -s ');
  });

  it('OpenWrt: one redirect per rule and source, each with its src_ip; none when open to anyone', () => {
    const text = openwrtCommands(limited);
    expect(text.split('\n').filter((l) => l.endsWith('=redirect'))).toHaveLength(4);
    expect([...text.matchAll(/\.src_ip='([^']*)'/g)].map((m) => m[1])).toEqual([
      '198.51.100.0/24',
      '203.0.113.7',
      '198.51.100.0/24',
      '203.0.113.7',
    ]);
    const openText = openwrtCommands(open);
    expect(openText.split('\n').filter((l) => l.endsWith('=redirect'))).toHaveLength(2);
    expect(openText).not.toContain('src_ip');
  });

  it('MikroTik: the sources in one address list, matched by every dst-nat; no list when open to anyone', () => {
    const lines = mikrotikCommands(limited).split('\n');
    expect(lines.filter((l) => l.startsWith('/ip firewall address-list add'))).toEqual([
      '/ip firewall address-list add list=nvr-allowed address=198.51.100.0/24 comment="nvr-assist"',
      '/ip firewall address-list add list=nvr-allowed address=203.0.113.7 comment="nvr-assist"',
    ]);
    const nat = lines.filter((l) => l.startsWith('/ip firewall nat add'));
    expect(nat).toHaveLength(2);
    for (const l of nat) expect(l).toContain(' src-address-list=nvr-allowed ');
    const openText = mikrotikCommands(open);
    expect(openText).not.toContain('address-list add');
    expect(openText).not.toContain('src-address-list');
  });
});

/** fw4's option names for a redirect that these commands may set (ROUTERS.md §2.1, fw4.uc). */
const FW4_OPTIONS = ['name', 'target', 'src', 'src_dport', 'dest', 'dest_ip', 'dest_port', 'proto', 'src_ip'];
const PORT = '(?:[1-9]\\d{0,4})';
const IP = '(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** Each option's value, as fw4 accepts it. */
const FW4_VALUES: Record<string, RegExp> = {
  name: /^[A-Za-z0-9 ./()_-]{1,60}$/,
  target: /^DNAT$/,
  src: /^wan$/,
  src_dport: new RegExp(`^${PORT}$`),
  dest: /^lan$/,
  dest_ip: new RegExp(`^${IP}$`),
  dest_port: new RegExp(`^${PORT}$`),
  proto: /^(tcp|udp)$/,
  src_ip: new RegExp(`^${IP}(?:/(?:[89]|[12]\\d|3[0-2]))?$`),
};
const UCI_SECTION = /^uci set firewall\.([a-z0-9_]+)=redirect$/;
const UCI_OPTION = /^uci set firewall\.([a-z0-9_]+)\.([a-z_]+)='([^'\n]*)'$/;

/** The uci text as sections of options, each line held to the grammar above; throws on a line outside it. */
function parseUci(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  const lines = text.split('\n');
  expect(lines[0]).toMatch(/^# /);
  // Then the sections an earlier plan left (named nvr_…) are deleted, before anything is set.
  expect(lines[1]).toMatch(/^# First the rules of an earlier plan go/);
  expect(lines[2]).toBe(
    "for s in $(uci show firewall | sed -n 's/^firewall\\.\\(nvr_[a-z0-9_]*\\)=redirect$/\\1/p'); do uci delete firewall.$s; done",
  );
  expect(lines.slice(-2)).toEqual(['uci commit firewall', '/etc/init.d/firewall reload']);
  for (const line of lines.slice(3, -2)) {
    const section = UCI_SECTION.exec(line);
    if (section) {
      expect(sections.has(section[1]!), `${section[1]} declared twice`).toBe(false);
      sections.set(section[1]!, new Map());
      continue;
    }
    const option = UCI_OPTION.exec(line);
    if (!option) throw new Error(`not a uci line fw4 takes: ${line}`);
    const [, id, name, value] = option;
    const options = sections.get(id!);
    if (!options) throw new Error(`option before its section: ${line}`);
    expect(FW4_OPTIONS, line).toContain(name);
    expect(value, line).toMatch(FW4_VALUES[name!]!);
    expect(options.has(name!), `${name} set twice in ${id}`).toBe(false);
    options.set(name!, value!);
  }
  return sections;
}

describe('OpenWrt uci: every line is one fw4 takes', () => {
  it('with sources: each redirect has every option once, with a value fw4 accepts, and its own section name', () => {
    const sections = parseUci(openwrtCommands(limited));
    expect([...sections.keys()]).toEqual(['nvr_https_1_1', 'nvr_https_1_2', 'nvr_sdk_2_1', 'nvr_sdk_2_2']);
    for (const options of sections.values()) expect([...options.keys()]).toEqual(FW4_OPTIONS);
    expect(Object.fromEntries(sections.get('nvr_https_1_2')!)).toEqual({
      name: 'nvr-assist NVR Web page (HTTPS)',
      target: 'DNAT',
      src: 'wan',
      src_dport: '10443',
      dest: 'lan',
      dest_ip: '192.168.1.64',
      dest_port: '443',
      proto: 'tcp',
      src_ip: '203.0.113.7',
    });
  });

  it('without sources: one redirect per rule, no src_ip, the section named without a source number', () => {
    const sections = parseUci(openwrtCommands(open));
    expect([...sections.keys()]).toEqual(['nvr_https_1', 'nvr_sdk_2']);
    for (const options of sections.values()) expect([...options.keys()]).toEqual(FW4_OPTIONS.slice(0, -1));
  });

  it('with one source: one redirect per rule, still named without a source number', () => {
    const one = { ...limited, sources: ['198.51.100.0/24'] };
    const sections = parseUci(openwrtCommands(one));
    expect([...sections.keys()]).toEqual(['nvr_https_1', 'nvr_sdk_2']);
    expect(sections.get('nvr_sdk_2')!.get('src_ip')).toBe('198.51.100.0/24');
  });

  it('the grammar refuses what fw4 would not take (so the checks above can fail)', () => {
    expect(() =>
      parseUci(
        "# x\nuci set firewall.a=redirect\nuci set firewall.a.src_port='1'\nuci commit firewall\n/etc/init.d/firewall reload",
      ),
    ).toThrow();
    expect(() =>
      parseUci(
        "# x\nuci set firewall.a=redirect\nuci set firewall.a.name='a'b'\nuci commit firewall\n/etc/init.d/firewall reload",
      ),
    ).toThrow();
    expect(() =>
      parseUci("# x\nuci set firewall.a.name='a'\nuci commit firewall\n/etc/init.d/firewall reload"),
    ).toThrow();
  });
});

describe('the text is safe to paste', () => {
  const hostile: ForwardPlan = {
    ...limited,
    rules: [{ ...limited.rules[0]!, name: `NVR "x"; rm -rf ~ $(id) \`id\` 'q'\n#`, role: 'we!rd-Role' }],
  };

  it('a rule name with quotes, shell or newline characters reaches no command: only letters, digits and ./()_- stay', () => {
    for (const family of ROUTER_COMMAND_FAMILIES) {
      // The same text as for a rule whose name was harmless to begin with.
      const tame: ForwardPlan = { ...hostile, rules: [{ ...hostile.rules[0]!, name: 'NVR x rm -rf  (id) id q' }] };
      const o = { forwardChain: 'inet filter forward' };
      expect(routerCommands(family, hostile, o)).toBe(routerCommands(family, tame, o));
      expect(routerCommands(family, hostile, o)).toContain('nvr-assist NVR x rm -rf  (id) id q');
    }
    // The uci section name keeps only the role's lower-case letters and digits.
    expect(openwrtCommands(hostile)).toContain('uci set firewall.nvr_werdole_1_1=redirect');
  });

  it('a comment stays within 60 characters whatever the name (nft takes 128 at most)', () => {
    const long: ForwardPlan = { ...open, rules: [{ ...open.rules[0]!, name: `NVR ${'x'.repeat(100)}` }] };
    const comment = `nvr-assist NVR ${'x'.repeat(45)}`;
    expect(comment).toHaveLength(60);
    expect(nftablesCommands(long)).toContain(`comment "${comment}"\n`);
    expect(iptablesCommands(long)).toContain(`--comment '${comment}' -j DNAT`);
    expect(openwrtCommands(long)).toContain(`.name='${comment}'\n`);
    expect(mikrotikCommands(long)).toContain(`comment="${comment}"`);
    expect(mikrotikCommands(long)).not.toContain(`comment="${comment}x`);
  });

  it('the comment says nvr-assist, so every rule can be found and removed by it', () => {
    for (const family of ROUTER_COMMAND_FAMILIES)
      for (const r of limited.rules) expect(routerCommands(family, limited)).toContain(`nvr-assist ${r.name}`);
  });

  it('nftables and iptables use the wan interface given, wan0 when none', () => {
    expect(nftablesCommands(limited, { wan: 'eth1' })).toContain(
      'iifname "eth1" ip saddr @nvr_allowed tcp dport 10443',
    );
    expect(nftablesCommands(limited)).toContain(
      'iifname "wan0" ip daddr 192.168.1.64 tcp dport 443 ct status dnat accept',
    );
    // The rules go in our own chains (NVR_ASSIST in nat and filter), which PREROUTING and FORWARD jump to.
    expect(iptablesCommands(limited, { wan: 'eth1' })).toContain('iptables -t nat -A NVR_ASSIST -i eth1 -p tcp');
    expect(iptablesCommands(limited, { wan: 'eth1' })).toContain('iptables -A NVR_ASSIST -i eth1 -p tcp');
    expect(iptablesCommands(limited)).toContain('iptables -A NVR_ASSIST -i wan0 -p tcp');
  });

  it('nftables adds the accepts to the user’s own forward chain only when it is named', () => {
    expect(nftablesCommands(limited)).not.toContain('nft add rule');
    const lines = nftablesCommands(limited, { forwardChain: 'ip filter forward' }).split('\n');
    expect(lines.filter((l) => l.startsWith('nft add rule ip filter forward '))).toHaveLength(2);
  });

  it('a UDP rule is written as UDP in every family', () => {
    const udp: ForwardPlan = { ...open, rules: [{ ...open.rules[1]!, protocol: 'udp' }] };
    expect(nftablesCommands(udp)).toContain(' udp dport 8000 dnat ip to 192.168.1.64:8000');
    expect(iptablesCommands(udp)).toContain(' -p udp --dport 8000 ');
    expect(openwrtCommands(udp)).toContain(".proto='udp'");
    expect(mikrotikCommands(udp)).toContain(' protocol=udp dst-port=8000 ');
  });
});

describe('checkCommandOptions: what the user gives for the commands', () => {
  it.each(['eth0', 'wan0', 'pppoe-wan', 'eth0.100', 'br-lan', 'wg_0', 'a:b@c', 'x23456789012345'])(
    'accepts the interface name %j',
    (wan) => {
      expect(checkCommandOptions({ wan })).toBeNull();
    },
  );

  it.each(['', 'x234567890123456', 'eth0; rm -rf /', 'eth0"', "eth0'", 'eth 0', '$(id)', 'eth0\n'])(
    'refuses %j as an interface name (it goes into a shell command)',
    (wan) => {
      expect(checkCommandOptions({ wan })).toBe(`"${wan.slice(0, 20)}" is not an interface name.`);
    },
  );

  it.each(['inet filter forward', 'ip filter forward', 'inet fw4 forward_wan', 'ip my-table my_chain'])(
    'accepts the forward chain %j',
    (forwardChain) => {
      expect(checkCommandOptions({ forwardChain })).toBeNull();
    },
  );

  it.each([
    '',
    'inet filter',
    'ip6 filter forward',
    'bridge filter forward',
    'inet filter forward; rm -rf /',
    'inet  filter forward',
    ' inet filter forward',
    'inet filter forward ',
    `inet ${'t'.repeat(33)} forward`,
    `inet filter ${'c'.repeat(33)}`,
  ])('refuses %j as a forward chain, saying the form it takes', (forwardChain) => {
    expect(checkCommandOptions({ forwardChain })).toBe(
      'The forward chain is given as "<family> <table> <chain>", e.g. "inet filter forward".',
    );
  });

  it('accepts no options, and checks the interface before the chain', () => {
    expect(checkCommandOptions({})).toBeNull();
    expect(checkCommandOptions({ wan: 'eth0', forwardChain: 'inet filter forward' })).toBeNull();
    expect(checkCommandOptions({ wan: 'bad name', forwardChain: 'bad' })).toBe('"bad name" is not an interface name.');
    expect(checkCommandOptions({ wan: 'eth0', forwardChain: 'bad' })).toMatch(/^The forward chain/);
    expect(checkCommandOptions({ wan: 'x'.repeat(30) })).toBe(`"${'x'.repeat(20)}" is not an interface name.`);
  });
});
