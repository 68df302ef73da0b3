import { NO_WIREGUARD_FAMILIES, VPN_SERVERS, type Grade } from '../../../shared/catalog/vpn-servers';
// The checks, not the plan's rules (vpn-plan.ts says its words with the whole catalogue): their reasons come by key.
import { isEndpointName, peerNamesSaid } from '../../../shared/domain/vpn-checks';
import { sayIn } from '../../../shared/i18n/said';
import { VPN_SERVER_CHOICES } from '../../../shared/steps/vpn';
import { t } from '../../composables/useT';

export type VpnServerChoice = (typeof VPN_SERVER_CHOICES)[number];

/** How sure the sources are of a family's WireGuard server (ROUTERS.md §5's grades), in words. */
export const gradeWords = (grade: Grade): string => t(`vpn.grade.${grade}`);

/** The families without a WireGuard server: a maker's name as it is, or words (`vpn.form.<id>`). */
const NO_WIREGUARD_NAMES: Record<(typeof NO_WIREGUARD_FAMILIES)[number], () => string> = {
  tplink: () => 'TP-Link',
  netgear: () => 'Netgear',
  linksys: () => 'Linksys',
  synology: () => t('vpn.form.synology'),
  isp: () => t('vpn.form.isp'),
};

/** One choice of "where the server runs": its name and what the sources say of it. */
export interface ServerOption {
  id: VpnServerChoice;
  name: string;
  /** The confidence (a grade in words), or that no source shows a WireGuard server. */
  note: string;
}

/** The choices of "where the server runs", in the page's language. */
export function serverOptions(): ServerOption[] {
  return VPN_SERVER_CHOICES.map((id) => {
    if (id in VPN_SERVERS) {
      const facts = VPN_SERVERS[id as keyof typeof VPN_SERVERS];
      const name = id === 'linux' ? t('vpn.form.linux') : facts.name;
      return { id, name, note: t('vpn.form.serverNote', { grade: gradeWords(facts.grade), since: facts.since }) };
    }
    return {
      id,
      name: NO_WIREGUARD_NAMES[id as (typeof NO_WIREGUARD_FAMILIES)[number]](),
      note: t('vpn.form.noWireguard'),
    };
  });
}

/** The devices as typed: comma-separated names, blanks dropped. */
export function splitPeers(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What is wrong with the form's fields (null: fine), in the plan's own words (said in the page's language). */
export function vpnFieldProblems(fields: { peers: string; endpoint: string }): {
  peers: string | null;
  endpoint: string | null;
} {
  const names = peerNamesSaid(splitPeers(fields.peers));
  const endpoint = fields.endpoint.trim();
  return {
    peers: names.ok ? null : sayIn({ t }, names.said, names.said.key),
    endpoint:
      endpoint && !isEndpointName(endpoint) ? t('vpn.form.endpointProblem', { endpoint: endpoint.slice(0, 60) }) : null,
  };
}

/** A path as the user would type it in a shell (quoted when it holds anything but plain characters). */
export function shellPath(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** The CLI command that writes the same file (a command: typed as it is, in every language). */
export function cliCommand(file: { kind: 'config' | 'qr'; which: string }, out: string): string {
  return `nvr-assist vpn ${file.kind} ${file.which} --out ${out}`;
}
