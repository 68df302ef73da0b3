import {
  NO_WIREGUARD_FAMILIES,
  VPN_SERVERS,
  checkPeerNames,
  isEndpointName,
  type Grade,
} from '../../../shared/domain/vpn-plan';
import { VPN_SERVER_CHOICES } from '../../../shared/steps/vpn';

export type VpnServerChoice = (typeof VPN_SERVER_CHOICES)[number];

/** How sure the sources are of a family's WireGuard server (ROUTERS.md §5's grades), in words. */
export const GRADE_WORDS: Record<Grade, string> = {
  H: 'well sourced',
  M: 'partly sourced',
  L: 'unofficial sources only',
};

const NO_WIREGUARD_NAMES: Record<(typeof NO_WIREGUARD_FAMILIES)[number], string> = {
  tplink: 'TP-Link',
  netgear: 'Netgear',
  linksys: 'Linksys',
  synology: 'Synology router',
  isp: 'Your provider’s box',
};

/** One choice of "where the server runs": its name and what the sources say of it. */
export interface ServerOption {
  id: VpnServerChoice;
  name: string;
  /** The confidence (a grade in words), or that no source shows a WireGuard server. */
  note: string;
}

export const SERVER_OPTIONS: readonly ServerOption[] = VPN_SERVER_CHOICES.map((id) => {
  if (id in VPN_SERVERS) {
    const facts = VPN_SERVERS[id as keyof typeof VPN_SERVERS];
    const name = id === 'linux' ? 'An always-on computer of your LAN (Linux, wg-quick)' : facts.name;
    return { id, name, note: `${GRADE_WORDS[facts.grade]}; ${facts.since}` };
  }
  return {
    id,
    name: NO_WIREGUARD_NAMES[id as (typeof NO_WIREGUARD_FAMILIES)[number]],
    note: 'no source shows a WireGuard server',
  };
});

/** The devices as typed: comma-separated names, blanks dropped. */
export function splitPeers(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What is wrong with the form's fields (null: fine), in the plan's own words. */
export function vpnFieldProblems(fields: { peers: string; endpoint: string }): {
  peers: string | null;
  endpoint: string | null;
} {
  const names = checkPeerNames(splitPeers(fields.peers));
  const endpoint = fields.endpoint.trim();
  return {
    peers: names.ok ? null : names.error,
    endpoint:
      endpoint && !isEndpointName(endpoint)
        ? `"${endpoint.slice(0, 60)}" is not a name the phone can dial (like home.example.net). Empty: your public address.`
        : null,
  };
}

/** A path as the user would type it in a shell (quoted when it holds anything but plain characters). */
export function shellPath(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
