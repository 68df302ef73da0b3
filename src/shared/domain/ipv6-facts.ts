// IPv6 on the Internet step (issue 13 item 1: "global address present or not, and what that means for an NVR"): with
// IPv6 each device has its own global address, there is no NAT and so no port forward — the router's IPv6 firewall
// alone decides what gets in. From ../shared/reference/INTERNET-SECURITY.md §2.4: a pinhole or "exposed host" opens a
// device exactly like a forward, and prefixes often change. Pure: main hands in the addresses it sees.
import { z } from 'zod';

export const IPV6_CODES = ['none', 'network', 'nvr'] as const;

export const ipv6FactsSchema = z.object({
  /** none: no global IPv6 here; network: this computer has one (the line gives IPv6); nvr: the NVR has one too. */
  code: z.enum(IPV6_CODES),
  /** This computer's global IPv6 addresses on the chosen interface (at most 4). */
  global: z.array(z.string().max(45)).max(4),
  /** The NVR's global IPv6 address, when the app knows one. */
  nvr: z.string().max(45).nullable(),
  text: z.string().max(800),
});
export type Ipv6Facts = z.infer<typeof ipv6FactsSchema>;

/** Global unicast (2000::/3): the first group written in full as 2xxx or 3xxx, then more groups; a zone id
 *  (`%eth0`) may follow. Link-local (fe80::/10), unique-local (fc00::/7), loopback, `::`, mapped IPv4 are not. */
const GLOBAL_IPV6 = /^[23][0-9a-f]{3}:[0-9a-f:.]*(%[\w.-]{1,32})?$/;

/** A global unicast IPv6 address (2000::/3). */
export function isGlobalIpv6(addr: string): boolean {
  const a = addr.trim().toLowerCase();
  return a.length <= 80 && GLOBAL_IPV6.test(a);
}

/** The address without its zone id. */
const withoutZone = (addr: string) => addr.trim().toLowerCase().split('%')[0]!;

const FIREWALL =
  'With IPv6 every device has its own global address: there is no NAT and no port forward — the router’s IPv6 firewall alone decides what gets in (most drop unsolicited inbound by default). An IPv6 “pinhole” or “exposed host” for the NVR opens it exactly like a port forward, to the whole internet.';

/** What IPv6 means here, from this computer's addresses on the LAN and the NVR's known addresses. */
export function judgeIpv6(local: readonly string[], nvrAddresses: readonly string[]): Ipv6Facts {
  const global = [...new Set(local.filter(isGlobalIpv6).map(withoutZone))].slice(0, 4);
  const found = nvrAddresses.find(isGlobalIpv6);
  const nvr = found === undefined ? null : withoutZone(found);
  if (nvr)
    return {
      code: 'nvr',
      global,
      nvr,
      text: `Your NVR has a global IPv6 address (${nvr}). ${FIREWALL} Keep the router’s IPv6 firewall on and open no pinhole for the NVR; for access from outside, the VPN covers IPv6 too. If you do open one, the prefix often changes with the line: a DDNS name needs an AAAA record kept for the NVR’s own address.`,
    };
  if (global.length)
    return {
      code: 'network',
      global,
      nvr: null,
      text: `Your network has IPv6 (this computer: ${global[0]}). ${FIREWALL} The app knows no global IPv6 address of the NVR; if it gets one, check the router’s IPv6 firewall the same way. Forwarding and the proof from outside here are IPv4.`,
    };
  return {
    code: 'none',
    global: [],
    nvr: null,
    text: 'No global IPv6 address on this computer: your line or router gives no IPv6 here, so the NVR is reached from outside only over IPv4 (the port forward or the VPN). Behind carrier-grade NAT, ask whether the ISP offers IPv6: it can be a way in.',
  };
}
