// The Static IP step's pure rules (issue #11): what the device says about its address and how that stands on this
// LAN (findings with their evidence), what we know of the router's DHCP pool and how sure, a good fixed address for
// the device (deterministic, explained), and the inline problems of a typed address, gateway or DNS list. No I/O:
// main measures (ONVIF, SADP, DHIP, the neighbour table, "Your network") and proves an address free; the renderer
// shows and edits. Every message is plain words for a home user. This file holds the findings and is the rules' one
// entry: the types and LAN helpers (static-ip-lan.ts), the pool (dhcp-pool.ts) and the proposal and typed values
// (address-choice.ts) are re-exported from here.
import { formatIpv4, parseIpv4 } from './ipv4';
import {
  inPool,
  lanEvidence,
  lanOf,
  lanProblem,
  onLan,
  poolLabel,
  usableDns,
  type DhcpPool,
  type Finding,
  type Ipv4Settings,
  type LanFacts,
} from './static-ip-lan';

export * from './static-ip-lan';
export * from './dhcp-pool';
export * from './address-choice';

// ---------------------------------------------------------------------------------------------------------------
// Findings

const SOURCE_WORDS = {
  onvif: { iface: 'ONVIF GetNetworkInterfaces', gateway: 'ONVIF GetNetworkDefaultGateway', dns: 'ONVIF GetDNS' },
  sadp: { iface: 'SADP reply', gateway: 'SADP reply', dns: 'SADP reply' },
  dhip: { iface: 'DHIP reply', gateway: 'DHIP reply', dns: 'DHIP reply' },
  discovery: { iface: 'discovery', gateway: 'discovery', dns: 'discovery' },
} as const;

/**
 * What the device's address settings mean on this LAN, each finding with its evidence: on DHCP; static but inside
 * the DHCP pool (a problem when the pool rests on the user's entry or the leases, a warning on a factory hint);
 * static but off this computer's subnet; on DHCP (or not known) and off the subnet, i.e. this computer is on another
 * network or VLAN than the NVR; a gateway that is not this LAN's router; no DNS; another device on its address;
 * and, when nothing is wrong with a fixed address, that it is fine. Settings a source cannot tell are said to be
 * unknown, never guessed.
 */
export function judgeAddress(input: {
  device: Ipv4Settings;
  lan: LanFacts;
  pool: DhcpPool | null;
  conflicts: string[];
}): Finding[] {
  const { device, lan, pool, conflicts } = input;
  const words = SOURCE_WORDS[device.source];
  const here = lanEvidence(lan);
  const l = lanOf(lan);
  if (l === null)
    return [{ code: 'settings-unknown', severity: 'info', text: lanProblem(lan) as string, evidence: [here] }];
  const value = parseIpv4(device.address);
  if (value === null)
    return [
      {
        code: 'settings-unknown',
        severity: 'info',
        text: 'We could not read the address this device uses. Log in to it, so we can read its settings.',
        evidence: [`${words.iface}: no address`],
      },
    ];
  const address = formatIpv4(value);
  const at = `${words.iface}: address ${address}${device.prefix === null ? '' : `/${device.prefix}`}`;
  const findings: Finding[] = [];
  if (device.dhcp === true)
    findings.push({
      code: 'on-dhcp',
      severity: 'problem',
      text: `The NVR gets its address (${address}) from the router (DHCP). After a router restart or a lease change it can move, and everything that points at it — forward rules, apps — would point at nowhere. Give it a fixed address, or reserve this address for it in the router.`,
      evidence: [`${words.iface}: DHCP on`, at],
    });
  if (device.dhcp === null)
    findings.push({
      code: 'settings-unknown',
      severity: 'info',
      text: `We could not tell whether the NVR gets its address from the router (DHCP) or keeps a fixed one: ${device.source === 'discovery' ? 'discovery does not say' : 'the device did not say'}. Log in to it so we can read its settings.`,
      evidence: [`${words.iface}: DHCP not reported`, at],
    });
  const onSubnet = onLan(l, value);
  if (!onSubnet && device.dhcp === false)
    findings.push({
      code: 'static-off-subnet',
      severity: 'problem',
      text: `The NVR keeps the fixed address ${address}, which is not on your network ${l.label}. Either it still has a factory or old address — then devices on your network cannot reach it — or this computer is on another network (VLAN) than the NVR.`,
      evidence: [`${words.iface}: DHCP off`, at, here],
    });
  if (!onSubnet && device.dhcp !== false)
    findings.push({
      code: 'other-subnet',
      severity: 'warning',
      text: `The NVR (${address}) is on another network than this computer (${l.label}): this computer is probably on another network or VLAN than the NVR. Connect this computer to the NVR's network to check and change its address.`,
      evidence: [at, here],
    });
  if (onSubnet && device.dhcp === false && inPool(pool, value)) {
    const p = pool as DhcpPool;
    findings.push({
      code: 'static-in-pool',
      severity: p.source === 'router-default' ? 'warning' : 'problem',
      text: `The NVR keeps the fixed address ${address}, but it is inside the range the router hands out (${poolLabel(l, p)}${p.source === 'router-default' ? ', if the router still has its factory range' : ''}). The router may give the same address to another device, and then neither works reliably. Choose an address outside that range.`,
      evidence: [`${words.iface}: DHCP off`, at, `DHCP pool ${poolLabel(l, p)}: ${p.basis}`],
    });
  }
  const gatewayKnown = device.source !== 'discovery' || device.gateway !== null;
  const gw = parseIpv4(device.gateway);
  if (onSubnet && gatewayKnown && !Number.isNaN(l.gateway) && gw !== l.gateway)
    findings.push({
      code: 'gateway-not-router',
      severity: 'problem',
      text:
        device.gateway === null
          ? `The NVR has no gateway set, so it cannot answer anyone outside your network. Set the gateway to your router, ${formatIpv4(l.gateway)}.`
          : `The NVR's gateway is ${device.gateway}, not your router (${formatIpv4(l.gateway)}). Its answers to the outside would not go through your router, so remote access would fail. Set the gateway to ${formatIpv4(l.gateway)}.`,
      evidence: [`${words.gateway}: gateway ${device.gateway ?? 'none'}`, here],
    });
  const dnsKnown = device.source === 'onvif' || device.dns.length > 0;
  if (dnsKnown && !device.dns.some(usableDns))
    findings.push({
      code: 'no-dns',
      severity: 'warning',
      text: 'The NVR has no DNS server set. It needs one to find DDNS and cloud (P2P) servers by name, and usually to set its clock; without it those quietly fail. Set the DNS to your router or a public DNS server.',
      evidence: [`${words.dns}: DNS ${device.dns.length ? device.dns.slice(0, 4).join(', ') : 'none'}`],
    });
  const others = [...new Set(conflicts.map((m) => m.trim().toLowerCase()).filter((m) => m.length > 0))];
  if (others.length > 0 || value === l.gateway)
    findings.push({
      code: 'address-conflict',
      severity: 'problem',
      text:
        value === l.gateway
          ? `The NVR uses ${address}, your router's own address. Two devices on one address both stop working reliably: give the NVR another address.`
          : `Another device (${others.slice(0, 3).join(', ')}${others.length > 3 ? ' and more' : ''}) also answers on ${address}. Two devices on one address both stop working reliably: give the NVR an address no one else uses.`,
      evidence: [at, ...others.slice(0, 5).map((m) => `neighbour table: ${m} seen at ${address}`)],
    });
  const wrong = findings.some((f) => f.severity === 'problem' || f.code === 'static-in-pool');
  if (device.dhcp === false && onSubnet && !wrong)
    findings.push({
      code: 'static-ok',
      severity: pool === null ? 'info' : 'ok',
      text:
        pool === null
          ? `The NVR keeps the fixed address ${address} on your network. We do not know the router's DHCP range, so we could not check that the router never hands out this address: type the range from the router's DHCP page to be sure.`
          : `The NVR keeps the fixed address ${address} on your network, outside the range the router hands out (${poolLabel(l, pool)}).`,
      evidence: [
        `${words.iface}: DHCP off`,
        at,
        here,
        ...(pool === null ? [] : [`DHCP pool ${poolLabel(l, pool)}: ${pool.basis}`]),
      ],
    });
  return findings;
}
