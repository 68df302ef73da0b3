// The topology picture's words said by key (topology-words.ts): the English the pages' file writes is the catalogue's
// (checklist.topology), box by box and sentence by sentence, for every shape of the picture; and in en-XA none of
// them is left (the names and addresses in them as they came).
import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../../../../src/shared/domain/checklist';
import { topologyIn } from '../../../../src/shared/domain/checklist-said';
import { topologyLayout, type TopologyInput, type TopologyLayout } from '../../../../src/shared/domain/topology';
import { createTranslator } from '../../../../src/shared/i18n';
import { english } from '../../../../src/shared/i18n/english';
import { device } from './topology-fixture';
import { fullRecord } from './checklist-fixture';

const base: TopologyInput = {
  publicAddress: '203.0.113.7',
  ddnsName: 'shop.example.org',
  verdict: 'public-on-router',
  routerAddress: '192.168.1.1',
  devices: [
    { name: 'Hikvision DS-7608NI-K2', address: '192.168.1.20', kind: 'nvr', risk: 'high' },
    { name: 'Yard camera', address: null, kind: 'camera', risk: 'none' },
  ],
  exposures: [
    {
      port: 8443,
      protocol: 'tcp',
      to: '192.168.1.20',
      toPort: 443,
      how: 'rule',
      reached: true,
      risk: 'medium',
      words: '',
    },
    {
      port: 8000,
      protocol: 'tcp',
      to: '192.168.1.20',
      toPort: 8000,
      how: 'upnp',
      reached: false,
      risk: 'high',
      words: '',
    },
    {
      port: 51820,
      protocol: 'udp',
      to: '192.168.1.1',
      toPort: 51820,
      how: 'vpn',
      reached: null,
      risk: 'low',
      words: '',
    },
  ],
};
/** The exposures' words as topologyFromRecord writes them (the layout says them again by key where they match). */
const withWords = (input: TopologyInput): TopologyInput => ({
  ...input,
  exposures: input.exposures.map((e) => ({
    ...e,
    words: `Port ${e.port}/${e.protocol} from the internet to ${e.to}:${e.toPort}, by ${{ rule: 'a forward rule you planned', upnp: 'a UPnP mapping a device opened', vpn: 'the VPN' }[e.how]} (${{ none: 'no risk found', low: 'low risk', medium: 'medium risk', high: 'high risk' }[e.risk]}${e.reached === null ? '' : e.reached ? '; reached from outside' : '; not reached from outside'}).`,
  })),
});
const SHAPES: TopologyInput[] = (
  [
    base,
    { ...base, verdict: 'cgnat', publicAddress: null, routerAddress: null, exposures: [] },
    { ...base, verdict: 'double-nat', ddnsName: null },
    { ...base, publicAddress: null, devices: [] },
    { ...base, verdict: null, publicAddress: null, ddnsName: null },
  ] as TopologyInput[]
).map(withWords);

/** Every box's label and detail and every sentence said by key is the English beside it. */
function expectSaidAsEnglish(layout: Pick<TopologyLayout, 'boxes' | 'sentences' | 'said'>): void {
  for (const b of layout.boxes) {
    if (b.said?.label) expect(english(b.said.label)).toBe(b.label);
    if (b.said?.detail) expect(english(b.said.detail)).toBe(b.detail);
  }
  expect(layout.said?.sentences).toHaveLength(layout.sentences.length);
  layout.sentences.forEach((s, i) => expect(english(layout.said!.sentences[i]!), s).toBe(s));
}

describe('the topology picture’s words by key', () => {
  it('every shape: the English of each key is the picture’s own words, every sentence said by key', () => {
    for (const input of SHAPES) expectSaidAsEnglish(topologyLayout(input));
    // Our words are said by key; a camera's name and the router's address are values, as they are.
    const boxes = topologyLayout(base).boxes;
    expect(boxes.filter((b) => b.said?.label).map((b) => b.label)).toEqual([
      'Internet',
      'Your router',
      'NVR: Hikvision DS-7608NI-K2',
    ]);
    expect(boxes.find((b) => b.label === 'Yard camera')?.said?.label).toBeUndefined();
  });

  it('the checklist’s picture (a box’s risk added after, the devices counted) is said by key as well', () => {
    const r = fullRecord();
    r.devices.push(device('printer', '192.168.1.80', 'Printer'), device('tv', '192.168.1.81', 'TV'));
    r.internet.check = { ...r.internet.check!, verdict: { ...r.internet.check!.verdict, code: 'double-nat' } };
    const topo = buildChecklist(r, { madeAt: '2026-03-02T08:00:00.000Z', appVersion: '1.0.0' }).topology;
    expect(topo.boxes.find((b) => b.id === 'front')?.detail).toBe('a second router · medium risk');
    expect(topo.sentences.at(-1)).toMatch(/other devices found on your network/);
    expectSaidAsEnglish(topo);
    // In en-XA no word of the picture is main's English: only names, addresses and ports are left as they came.
    const xa = topologyIn(createTranslator('en-XA'), topo);
    topo.sentences.forEach((s, i) => expect(xa.sentences[i]).not.toBe(s));
    for (const b of topo.boxes.filter((x) => x.said?.detail))
      expect(xa.boxes.find((x) => x.id === b.id)?.detail).not.toBe(b.detail);
  });
});
