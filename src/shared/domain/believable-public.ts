// Whether an outside source's answer can be the address the internet sees. Its own file (no words): the VPN plan
// uses it too, and the pages load the VPN plan's rules without the Internet step's verdict and its catalogue.
import { classifyIpv4, type Ipv4Class } from './ipv4';

/**
 * An address a "what is my IP" source may give: a public IPv4, or one of the documentation ranges (RFC 5737 — never
 * routed on the internet, so only a test network such as the lab's hands them out; treated as public there). A
 * private, CGNAT, loopback, link-local or multicast address is not what the internet sees: the source is wrong.
 */
export function believablePublic(addr: string | null): { ok: true } | { ok: false; kind: Ipv4Class | 'not-ipv4' } {
  const kind = addr === null ? null : classifyIpv4(addr);
  if (kind === null) return { ok: false, kind: 'not-ipv4' };
  return kind === 'public' || kind === 'documentation' ? { ok: true } : { ok: false, kind };
}
