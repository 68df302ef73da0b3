// The forward plan written for routers with a command line: OpenWrt `uci`, MikroTik RouterOS, Linux nftables and
// iptables — all from the same plan, with the source restriction. Syntax from ../shared/reference/ROUTERS.md §2
// (nftables and iptables executed there in a throwaway namespace; uci checked against fw4's parser; RouterOS from
// published v7 exports). Pure text; the user's values are checked before they get here (ports are numbers,
// addresses are parsed, names are ours), and anything interpolated is quoted for its shell. The plan for any family, a
// web page's numbered steps included, is router-commands.ts's (main's side: its steps' English loads the catalogue).
import { FORWARD_PAGE_IDS } from '../catalog/router-forwards';
import { said, type Said } from '../i18n/said';
import { portsText, type ForwardPlan, type ForwardRule } from './forward-plan-shapes';

/** Routers with a command line: the plan as commands. */
export const ROUTER_COMMAND_FAMILIES = ['nftables', 'iptables', 'openwrt', 'mikrotik'] as const;
/** Every router the plan can be written for: the command ones, then the web pages and apps (numbered steps). */
export const ROUTER_FAMILIES = [...ROUTER_COMMAND_FAMILIES, ...FORWARD_PAGE_IDS] as const;
export type RouterFamily = (typeof ROUTER_FAMILIES)[number];
export type RouterCommandFamily = (typeof ROUTER_COMMAND_FAMILIES)[number];

export interface CommandOptions {
  /** The router's internet-side interface (nftables, iptables; RouterOS uses the WAN interface list). */
  wan?: string;
  /**
   * nftables: an existing forward chain that drops what it does not accept (e.g. `inet filter forward`): the accept
   * goes there too, since an accept in our own table does not override another table's drop.
   */
  forwardChain?: string;
}

/** Interface names as Linux allows them (no quotes, spaces or shell characters). */
const IFNAME = /^[A-Za-z0-9_.:@-]{1,15}$/;
const CHAIN = /^(ip|inet) [A-Za-z0-9_-]{1,32} [A-Za-z0-9_-]{1,32}$/;

/**
 * What is wrong with the options, said by key (rules.failures): null when they are fine. Main's English sentence for
 * it is checkCommandOptions' (rule-options.ts, main side); the page says it in its own language.
 */
export function commandOptionsSaid(o: CommandOptions): Said | null {
  if (o.wan !== undefined && !IFNAME.test(o.wan))
    return said('rules.failures.notInterface', { wan: o.wan.slice(0, 20) });
  if (o.forwardChain !== undefined && !CHAIN.test(o.forwardChain))
    return said('rules.failures.chainForm', { example: 'inet filter forward' });
  return null;
}

const comment = (r: ForwardRule) => `nvr-assist ${r.name}`.replace(/[^A-Za-z0-9 ./()_-]/g, '').slice(0, 60);
const slug = (r: ForwardRule, i: number) => `nvr_${r.role.replace(/[^a-z0-9]/g, '')}_${i + 1}`;
/** Where a DNAT sends a rule: the address and port; a range keeps each port's own number (no port given). */
const dnatTo = (r: ForwardRule) => (r.portCount ? r.internalAddress : `${r.internalAddress}:${r.internalPort}`);

/** One self-contained table (`nft -f`), plus the accept for an existing dropping forward chain when named. */
export function nftablesCommands(plan: ForwardPlan, o: CommandOptions = {}): string {
  const wan = o.wan ?? 'wan0';
  const limited = plan.sources.length > 0;
  // Declared, emptied, then written whole: loading a changed plan leaves nothing of the one before.
  const lines = ['table inet nvr_assist', 'delete table inet nvr_assist', 'table inet nvr_assist {'];
  if (limited)
    lines.push(
      `  set nvr_allowed { type ipv4_addr; flags interval; auto-merge; elements = { ${plan.sources.join(', ')} } }`,
    );
  lines.push('  chain prerouting {', '    type nat hook prerouting priority dstnat; policy accept;');
  for (const r of plan.rules)
    lines.push(
      `    iifname "${wan}"${limited ? ' ip saddr @nvr_allowed' : ''} ${r.protocol} dport ${portsText(r.externalPort, r)} dnat ip to ${dnatTo(r)} comment "${comment(r)}"`,
    );
  lines.push('  }', '  chain forward {', '    type filter hook forward priority filter; policy accept;');
  for (const r of plan.rules)
    lines.push(
      `    iifname "${wan}" ip daddr ${r.internalAddress} ${r.protocol} dport ${portsText(r.internalPort, r)} ct status dnat accept comment "${comment(r)}"`,
    );
  lines.push('  }', '}');
  const out = [
    '# Save as nvr-assist.nft, load with: nft -f nvr-assist.nft   (remove with: nft delete table inet nvr_assist)',
    ...lines,
  ];
  if (o.forwardChain)
    out.push(
      '',
      `# Your ${o.forwardChain} chain drops what it does not accept: let the forwarded connections through there too.`,
      ...plan.rules.map(
        (r) =>
          `nft add rule ${o.forwardChain} iifname "${wan}" ip daddr ${r.internalAddress} ${r.protocol} dport ${portsText(r.internalPort, r)} ct status dnat accept comment '"${comment(r)}"'`,
      ),
    );
  return out.join('\n');
}

/** Takes every rule of ours out again: our two chains unhooked, emptied and deleted (nothing else is touched). */
export const IPTABLES_REMOVE =
  'iptables -t nat -D PREROUTING -j NVR_ASSIST; iptables -t nat -F NVR_ASSIST; iptables -t nat -X NVR_ASSIST; ' +
  'iptables -D FORWARD -j NVR_ASSIST; iptables -F NVR_ASSIST; iptables -X NVR_ASSIST';

/** iptables: one DNAT and one FORWARD accept per rule and allowed source. Not saved until iptables-save. */
export function iptablesCommands(plan: ForwardPlan, o: CommandOptions = {}): string {
  const wan = o.wan ?? 'wan0';
  const sources = plan.sources.length ? plan.sources : [null];
  // Our rules live in chains of their own, emptied first: running a changed plan leaves nothing of the one before.
  const out = [
    '# Run as root. Not kept across a restart until saved (iptables-save / netfilter-persistent).',
    `# Remove them all with: ${IPTABLES_REMOVE}`,
    'iptables -t nat -N NVR_ASSIST 2>/dev/null; iptables -t nat -F NVR_ASSIST',
    'iptables -t nat -C PREROUTING -j NVR_ASSIST 2>/dev/null || iptables -t nat -A PREROUTING -j NVR_ASSIST',
    'iptables -N NVR_ASSIST 2>/dev/null; iptables -F NVR_ASSIST',
    'iptables -C FORWARD -j NVR_ASSIST 2>/dev/null || iptables -A FORWARD -j NVR_ASSIST',
  ];
  for (const r of plan.rules) {
    for (const s of sources)
      out.push(
        `iptables -t nat -A NVR_ASSIST -i ${wan} -p ${r.protocol}${s ? ` -s ${s}` : ''} --dport ${portsText(r.externalPort, r, ':')} -m comment --comment '${comment(r)}' -j DNAT --to-destination ${dnatTo(r)}`,
      );
    out.push(
      `iptables -A NVR_ASSIST -i ${wan} -p ${r.protocol} -d ${r.internalAddress} --dport ${portsText(r.internalPort, r, ':')} -m conntrack --ctstate DNAT -m comment --comment '${comment(r)}' -j ACCEPT`,
    );
  }
  return out.join('\n');
}

/** OpenWrt: one named redirect per rule and allowed source (fw3 and fw4). */
export function openwrtCommands(plan: ForwardPlan): string {
  const sources = plan.sources.length ? plan.sources : [null];
  const out = [
    '# On the router (ssh root@192.168.1.1), then check Network > Firewall > Port Forwards.',
    '# First the rules of an earlier plan go (the sections this app named nvr_…):',
    "for s in $(uci show firewall | sed -n 's/^firewall\\.\\(nvr_[a-z0-9_]*\\)=redirect$/\\1/p'); do uci delete firewall.$s; done",
  ];
  plan.rules.forEach((r, i) => {
    sources.forEach((s, j) => {
      const id = `${slug(r, i)}${sources.length > 1 ? `_${j + 1}` : ''}`;
      out.push(
        `uci set firewall.${id}=redirect`,
        `uci set firewall.${id}.name='${comment(r)}'`,
        `uci set firewall.${id}.target='DNAT'`,
        `uci set firewall.${id}.src='wan'`,
        `uci set firewall.${id}.src_dport='${portsText(r.externalPort, r)}'`,
        `uci set firewall.${id}.dest='lan'`,
        `uci set firewall.${id}.dest_ip='${r.internalAddress}'`,
        `uci set firewall.${id}.dest_port='${portsText(r.internalPort, r)}'`,
        `uci set firewall.${id}.proto='${r.protocol}'`,
        ...(s ? [`uci set firewall.${id}.src_ip='${s}'`] : []),
      );
    });
  });
  out.push('uci commit firewall', '/etc/init.d/firewall reload');
  return out.join('\n');
}

/** MikroTik RouterOS v7: an address list for the allowed sources, one dst-nat per rule. */
export function mikrotikCommands(plan: ForwardPlan): string {
  const out = [
    '# In the terminal (WinBox > New Terminal, or ssh). First the rules of an earlier plan go:',
    '/ip firewall nat remove [find where comment~"nvr-assist"]',
    '/ip firewall address-list remove [find where list="nvr-allowed"]',
  ];
  for (const s of plan.sources)
    out.push(`/ip firewall address-list add list=nvr-allowed address=${s} comment="nvr-assist"`);
  for (const r of plan.rules)
    out.push(
      `/ip firewall nat add chain=dstnat action=dst-nat protocol=${r.protocol} dst-port=${portsText(r.externalPort, r)} in-interface-list=WAN${plan.sources.length ? ' src-address-list=nvr-allowed' : ''} to-addresses=${r.internalAddress}${r.portCount ? '' : ` to-ports=${r.internalPort}`} comment="${comment(r)}"`,
    );
  return out.join('\n');
}
