// The Static IP step's pure rules (issue #11): what the device says about its address and how that stands on this
// LAN (findings with their evidence), what we know of the router's DHCP pool and how sure, a good fixed address for
// the device (deterministic, explained), and the inline problems of a typed address, gateway or DNS list. No I/O:
// main measures (ONVIF, SADP, DHIP, the neighbour table, "Your network") and proves an address free; the renderer
// shows and edits. Every message is plain words for a home user. This file holds the findings and is the rules' one
// entry: the types and LAN helpers (static-ip-lan.ts), the pool (dhcp-pool.ts) and the proposal and typed values
// (address-choice.ts) are re-exported from here.
import { saidInEnglish } from '../i18n/english';
import { said } from '../i18n/said';
import { formatIpv4, parseIpv4 } from './ipv4';
import {
  inPool,
  lanEvidence,
  lanOf,
  lanProblemSaid,
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
    return [{ code: 'settings-unknown', severity: 'info', ...saidInEnglish(lanProblemSaid(lan)!), evidence: [here] }];
  const value = parseIpv4(device.address);
  if (value === null)
    return [
      {
        code: 'settings-unknown',
        severity: 'info',
        ...saidInEnglish(said('staticIp.findings.noAddress')),
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
      ...saidInEnglish(said('staticIp.findings.onDhcp', { address })),
      evidence: [`${words.iface}: DHCP on`, at],
    });
  if (device.dhcp === null)
    findings.push({
      code: 'settings-unknown',
      severity: 'info',
      ...saidInEnglish(
        said(
          device.source === 'discovery'
            ? 'staticIp.findings.dhcpUnknownDiscovery'
            : 'staticIp.findings.dhcpUnknownDevice',
        ),
      ),
      evidence: [`${words.iface}: DHCP not reported`, at],
    });
  const onSubnet = onLan(l, value);
  if (!onSubnet && device.dhcp === false)
    findings.push({
      code: 'static-off-subnet',
      severity: 'problem',
      ...saidInEnglish(said('staticIp.findings.staticOffSubnet', { address, network: l.label })),
      evidence: [`${words.iface}: DHCP off`, at, here],
    });
  if (!onSubnet && device.dhcp !== false)
    findings.push({
      code: 'other-subnet',
      severity: 'warning',
      ...saidInEnglish(said('staticIp.findings.otherSubnet', { address, network: l.label })),
      evidence: [at, here],
    });
  if (onSubnet && device.dhcp === false && inPool(pool, value)) {
    const p = pool as DhcpPool;
    findings.push({
      code: 'static-in-pool',
      severity: p.source === 'router-default' ? 'warning' : 'problem',
      ...saidInEnglish(
        said(
          p.source === 'router-default' ? 'staticIp.findings.staticInFactoryPool' : 'staticIp.findings.staticInPool',
          {
            address,
            pool: poolLabel(l, p),
          },
        ),
      ),
      evidence: [`${words.iface}: DHCP off`, at, `DHCP pool ${poolLabel(l, p)}: ${p.basis}`],
    });
  }
  const gatewayKnown = device.source !== 'discovery' || device.gateway !== null;
  const gw = parseIpv4(device.gateway);
  if (onSubnet && gatewayKnown && !Number.isNaN(l.gateway) && gw !== l.gateway)
    findings.push({
      code: 'gateway-not-router',
      severity: 'problem',
      ...saidInEnglish(
        device.gateway === null
          ? said('staticIp.findings.noGateway', { router: formatIpv4(l.gateway) })
          : said('staticIp.findings.gatewayNotRouter', { gateway: device.gateway, router: formatIpv4(l.gateway) }),
      ),
      evidence: [`${words.gateway}: gateway ${device.gateway ?? 'none'}`, here],
    });
  const dnsKnown = device.source === 'onvif' || device.dns.length > 0;
  if (dnsKnown && !device.dns.some(usableDns))
    findings.push({
      code: 'no-dns',
      severity: 'warning',
      ...saidInEnglish(said('staticIp.findings.noDns')),
      evidence: [`${words.dns}: DNS ${device.dns.length ? device.dns.slice(0, 4).join(', ') : 'none'}`],
    });
  const others = [...new Set(conflicts.map((m) => m.trim().toLowerCase()).filter((m) => m.length > 0))];
  if (others.length > 0 || value === l.gateway)
    findings.push({
      code: 'address-conflict',
      severity: 'problem',
      ...saidInEnglish(
        value === l.gateway
          ? said('staticIp.findings.routerAddress', { address })
          : said(others.length > 3 ? 'staticIp.findings.conflictMore' : 'staticIp.findings.conflict', {
              others: others.slice(0, 3).join(', '),
              address,
            }),
      ),
      evidence: [at, ...others.slice(0, 5).map((m) => `neighbour table: ${m} seen at ${address}`)],
    });
  const wrong = findings.some((f) => f.severity === 'problem' || f.code === 'static-in-pool');
  if (device.dhcp === false && onSubnet && !wrong)
    findings.push({
      code: 'static-ok',
      severity: pool === null ? 'info' : 'ok',
      ...saidInEnglish(
        pool === null
          ? said('staticIp.findings.staticOkNoPool', { address })
          : said('staticIp.findings.staticOk', { address, pool: poolLabel(l, pool) }),
      ),
      evidence: [
        `${words.iface}: DHCP off`,
        at,
        here,
        ...(pool === null ? [] : [`DHCP pool ${poolLabel(l, pool)}: ${pool.basis}`]),
      ],
    });
  return findings;
}
