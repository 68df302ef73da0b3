// Where each router family keeps its DHCP reservations (an address kept for one MAC), from
// ../shared/reference/ROUTERS.md §1. Confidence as there: H vendor documentation, M one secondary source or an
// inferred path, L believed and unconfirmed — L paths are shown as "look for", never as fact.
// The menu paths and the families' names are what the routers' own screens show: they stay as they are, passed as
// values; our words around an unconfirmed path are said by key (`staticIp.reservationPath`). The sources stay
// English (evidence). Main's side only: its English comes from the whole catalogue (english.ts).
import { english } from '../i18n/english';
import { said, type Said } from '../i18n/said';

export interface ReservationPath {
  family: string;
  path: string;
  confidence: 'H' | 'M' | 'L';
  source: string;
}

const ROUTERS_MD = 'ROUTERS.md';

export const RESERVATION_PATHS: readonly ReservationPath[] = [
  {
    family: 'TP-Link Archer',
    path: 'Advanced > Network > DHCP Server > Address Reservation',
    confidence: 'L',
    source: `${ROUTERS_MD} §1.1`,
  },
  {
    family: 'ASUS / Asuswrt-Merlin',
    path: 'Advanced Settings > LAN > DHCP Server: "Enable Manual Assignment" Yes, then "Manually Assigned IP around the DHCP list"',
    confidence: 'M',
    source: 'https://github.com/RMerl/asuswrt-merlin.ng (string in the UI code)',
  },
  {
    family: 'Netgear Nighthawk / Orbi',
    path: 'ADVANCED > Setup > LAN Setup, section "Address Reservation" (Add)',
    confidence: 'M',
    source: 'https://manualsdump.com/en/manuals/netgear-wndr3800-100nas/158754/40',
  },
  {
    family: 'Linksys Smart Wi-Fi / Velop',
    path: 'Connectivity > Local Network > DHCP Server > DHCP Reservations',
    confidence: 'M',
    source: 'https://gist.github.com/TapeWerm/2dbd828c0a98d2498c85e749f5e56e2f',
  },
  {
    family: 'AVM FRITZ!Box',
    path: 'Home Network > Network > the device > "Always assign this network device the same IPv4 address"',
    confidence: 'L',
    source: `${ROUTERS_MD} §1.5`,
  },
  {
    family: 'Ubiquiti UniFi',
    path: 'Client Devices > the device > Settings > Fixed IP Address',
    confidence: 'L',
    source: `${ROUTERS_MD} §1.6`,
  },
  {
    family: 'Google Nest Wifi / Google Wifi',
    path: 'Google Home app: Wi-Fi > Settings > Advanced Networking > DHCP IP reservations',
    confidence: 'L',
    source: `${ROUTERS_MD} §1.7`,
  },
  {
    family: 'eero',
    path: 'eero app: Settings > Advanced > Reservations and Port Forwarding > Add a reservation',
    confidence: 'H',
    source:
      'https://support.eero.com/hc/en-us/articles/208229046-My-Xbox-says-my-NAT-is-Strict-or-Moderate-and-won-t-let-me-join-online-games-How-do-I-fix-this',
  },
  {
    family: 'Orange Livebox',
    path: 'Réseau avancé > DHCP: "Bail statique" (static lease)',
    confidence: 'M',
    source: `${ROUTERS_MD} §1.12`,
  },
  {
    family: 'Synology SRM',
    path: 'Network Center > Local Network > DHCP Clients: reserve the device',
    confidence: 'L',
    source: `${ROUTERS_MD} §1.15`,
  },
  {
    family: 'pfSense',
    path: 'Services > DHCP Server > LAN > "DHCP Static Mappings" (add the MAC and the address)',
    confidence: 'M',
    source: `${ROUTERS_MD} §1.16`,
  },
  {
    family: 'OpenWrt (LuCI)',
    path: 'Network > DHCP and DNS > Static Leases (config host in /etc/config/dhcp)',
    confidence: 'M',
    source: `${ROUTERS_MD} §1.18`,
  },
  {
    family: 'MikroTik RouterOS',
    path: 'IP > DHCP Server > Leases: select the device’s lease, "Make Static" (CLI: /ip dhcp-server lease add address=… mac-address=…)',
    confidence: 'M',
    source: 'https://mikrotikdocs.fyi/ip/dhcp/static-leases',
  },
];

/**
 * A family's path in words that keep its confidence, said by key: an unconfirmed (L) path is something to look for;
 * undefined for a confirmed one, which is the router's path alone (nothing of ours to say).
 */
export function reservationPathSaid(p: ReservationPath): Said | undefined {
  return p.confidence === 'L' ? said('staticIp.reservationPath.lookFor', { path: p.path }) : undefined;
}

/** The same in main's English (the path alone where it is confirmed). */
export function reservationPathText(p: ReservationPath): string {
  const words = reservationPathSaid(p);
  return words ? english(words) : p.path;
}
