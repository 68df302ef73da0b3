import type { Approach } from '../domain/setup';
import type { MessageKey } from '../i18n/types';
import type { Translator } from '../i18n/translate';

/**
 * The three ways to reach an NVR from outside, in the order the assistant recommends them. Their words are the
 * catalogue's (`network.ways.<way>`, src/shared/i18n/en/network.ts): here, which way says which, in which order.
 * Sources: shared/reference/INTERNET-SECURITY.md §0 and §5 (recommendation order), §3 (CVEs), §2.3 (CGNAT).
 */
export interface ApproachGuide {
  id: Approach;
  /** The way's name (without "recommended": the page and the CLI mark the recommended one themselves). */
  title: MessageKey;
  summary: MessageKey;
  pros: readonly MessageKey[];
  cons: readonly MessageKey[];
  recommended: boolean;
}

export const APPROACH_GUIDES: readonly ApproachGuide[] = [
  {
    id: 'vpn',
    title: 'network.ways.vpn.title',
    summary: 'network.ways.vpn.summary',
    pros: ['network.ways.vpn.pros.hidden', 'network.ways.vpn.pros.cgnat', 'network.ways.vpn.pros.oneTunnel'],
    cons: ['network.ways.vpn.cons.appEach', 'network.ways.vpn.cons.wireguardPort'],
    recommended: true,
  },
  {
    id: 'port-forwarding',
    title: 'network.ways.portForwarding.title',
    summary: 'network.ways.portForwarding.summary',
    pros: ['network.ways.portForwarding.pros.anyApp'],
    cons: [
      'network.ways.portForwarding.cons.notWebPorts',
      'network.ways.portForwarding.cons.notLocalPorts',
      'network.ways.portForwarding.cons.onlyCurrent',
      'network.ways.portForwarding.cons.noCgnat',
    ],
    recommended: false,
  },
  {
    id: 'vendor-cloud',
    title: 'network.ways.vendorCloud.title',
    summary: 'network.ways.vendorCloud.summary',
    pros: ['network.ways.vendorCloud.pros.noRouter', 'network.ways.vendorCloud.pros.cgnat'],
    cons: [
      'network.ways.vendorCloud.cons.trust',
      'network.ways.vendorCloud.cons.notXm',
      'network.ways.vendorCloud.cons.onlyCurrent',
    ],
    recommended: false,
  },
];

/** A way's words in a translator's language. */
export interface ApproachWords {
  id: Approach;
  title: string;
  summary: string;
  pros: string[];
  cons: string[];
  recommended: boolean;
}

/** The ways, said by `t` (the page's or the CLI's translator): their words in its language, in the same order. */
export function approachWords(translate: Translator['t']): ApproachWords[] {
  // Every key here is a message without placeholders.
  const t = translate as (key: MessageKey) => string;
  return APPROACH_GUIDES.map((g) => ({
    id: g.id,
    title: t(g.title),
    summary: t(g.summary),
    pros: g.pros.map((k) => t(k)),
    cons: g.cons.map((k) => t(k)),
    recommended: g.recommended,
  }));
}

/** Why the assistant removes UPnP mappings, in plain words (shown on the network step). */
export const UPNP_WARNING = 'network.ways.upnpWarning' satisfies MessageKey;
