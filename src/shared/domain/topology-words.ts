// The topology picture's words (topology.ts): each box's label and detail, and each sentence, as main's English and
// said by key beside it (`checklist.topology`), so the page and the PDF say them in the reader's language; addresses,
// ports and names are values. The pages load this file (the picture is drawn there): it loads no catalogue, so the
// English is written here too, and a test holds it equal to the catalogue's (tests/unit/shared/domain/topology.test.ts).
import { said, saidSchema, type Said, type SaidWords } from '../i18n/said';

type Risk = 'none' | 'low' | 'medium' | 'high';

/** Words: main's English, and the key and values it is said by (absent: a value, as it is). */
export interface Worded {
  text: string;
  said?: Said;
}

/** Each risk in words: a box or arrow says it, colour is never the only signal. */
export const RISK_WORDS: Record<Risk, string> = {
  none: 'no risk found',
  low: 'low risk',
  medium: 'medium risk',
  high: 'high risk',
};
const riskWords = (r: Risk): SaidWords => ({ key: `checklist.topology.riskWords.${r}` });
const HOW = { rule: 'a forward rule you planned', upnp: 'a UPnP mapping a device opened', vpn: 'the VPN' } as const;

/** The words by key where they cross whole (a value past the shape's bounds: the English alone). */
const w = (text: string, words: Said): Worded =>
  saidSchema.safeParse(words).success ? { text, said: words } : { text };

export const BOX_WORDS = {
  internet: () => w('Internet', said('checklist.topology.internet')),
  front: (cgnat: boolean) =>
    cgnat ? w('Carrier’s NAT', said('checklist.topology.carrierNat')) : w('ISP box', said('checklist.topology.ispBox')),
  frontDetail: (cgnat: boolean) =>
    cgnat
      ? w('shared public address', said('checklist.topology.sharedPublic'))
      : w('a second router', said('checklist.topology.secondRouter')),
  router: () => w('Your router', said('checklist.topology.router')),
  /** The Internet box's detail: the public address and the DDNS name (values), or that it was not checked. */
  publicDetail: (values: string[]): Worded =>
    values.length ? { text: values.join(' · ') } : w('public address not checked', said('checklist.topology.noPublic')),
  device: (kind: 'nvr' | 'camera', name: string): Worded =>
    kind === 'nvr' ? w(`NVR: ${name}`, said('checklist.topology.nvrBox', { name })) : { text: name },
  deviceDetail: (address: string | null, risk: Risk): Worded =>
    address === null
      ? w(`address unknown · ${RISK_WORDS[risk]}`, said('checklist.topology.deviceUnknown', { risk: riskWords(risk) }))
      : w(`${address} · ${RISK_WORDS[risk]}`, said('checklist.topology.deviceAt', { address, risk: riskWords(risk) })),
};

/** A box's detail with its risk after it (a box at risk that does not say it yet); by key where the detail is. */
export function withRisk(detail: Worded, risk: Risk): Worded {
  const text = `${detail.text} · ${RISK_WORDS[risk]}`;
  const inner = detail.said;
  return inner && !inner.params
    ? w(text, said('checklist.topology.atRisk', { detail: { key: inner.key }, risk: riskWords(risk) }))
    : { text };
}

const S = 'checklist.topology.sentences';

export const SENTENCES = {
  internet(address: string | null, name: string | null): Worded {
    const text = `The internet${address ? ` sees your network as ${address}` : ''}${name ? ` (name ${name})` : ''}.`;
    if (address && name) return w(text, said(`${S}.internetAtNamed`, { address, name }));
    if (address) return w(text, said(`${S}.internetAt`, { address }));
    return name ? w(text, said(`${S}.internetNamed`, { name })) : w(text, said(`${S}.internet`));
  },
  front: (cgnat: boolean): Worded =>
    cgnat
      ? w(
          'Your provider’s carrier-grade NAT sits in front of your router: nothing from the internet reaches it.',
          said(`${S}.cgnat`),
        )
      : w('An ISP box sits in front of your router (double NAT).', said(`${S}.doubleNat`)),
  router: (address: string | null): Worded =>
    address
      ? w(`Your router (${address}) connects:`, said(`${S}.routerAt`, { address }))
      : w('Your router connects:', said(`${S}.router`)),
  device(kind: 'nvr' | 'camera', name: string, address: string | null, risk: Risk): Worded {
    const text = `${kind === 'nvr' ? 'the NVR' : 'a camera'} ${name} at ${address ?? 'an unknown address'} (${RISK_WORDS[risk]});`;
    const r = riskWords(risk);
    if (address === null)
      return w(text, said(kind === 'nvr' ? `${S}.nvrUnknown` : `${S}.cameraUnknown`, { name, risk: r }));
    return w(text, said(kind === 'nvr' ? `${S}.nvr` : `${S}.camera`, { name, address, risk: r }));
  },
  nothingOpen: () => w('Nothing is open from the internet that the app knows of.', said(`${S}.nothingOpen`)),
  exposure(
    e: { port: number; protocol: 'tcp' | 'udp'; to: string; toPort: number; how: keyof typeof HOW },
    risk: Risk,
    reached: boolean | null,
  ): Worded {
    const text = `Port ${e.port}/${e.protocol} from the internet to ${e.to}:${e.toPort}, by ${HOW[e.how]} (${RISK_WORDS[risk]}${reached === null ? '' : reached ? '; reached from outside' : '; not reached from outside'}).`;
    const values = {
      port: String(e.port),
      protocol: e.protocol,
      to: e.to,
      toPort: String(e.toPort),
      how: { key: `${S}.how.${e.how}` },
      risk: riskWords(risk),
    };
    const key = reached === null ? `${S}.exposure` : reached ? `${S}.exposureReached` : `${S}.exposureNotReached`;
    return w(text, said(key as `${typeof S}.exposure`, values));
  },
  otherDevices: (count: number): Worded =>
    w(
      count === 1
        ? '1 other device found on your network: nothing open from the internet leads to it.'
        : `${count} other devices found on your network: nothing open from the internet leads to them.`,
      said(`${S}.otherDevices`, { count }),
    ),
};
