// The inputs of the English-unchanged check (catalog-english.test.ts): every brand × role of the manual port steps,
// every router family's forward steps, DDNS steps (every provider, with the values typed and without) and
// reservation path. The English each gave before its words were said by key is kept in
// tests/fixtures/catalog-english/english.json (made once from the functions as they were, before the change).
import { manualStepsFor } from '../../../../src/shared/catalog/manual-steps';
import { BRAND_PORTS, PORT_ROLES } from '../../../../src/shared/catalog/ports';
import { FORWARD_PAGES, type StepRule } from '../../../../src/shared/catalog/router-forwards';
import { forwardSteps, PORT_TRIGGERING_TEXT } from '../../../../src/shared/catalog/router-forwards-steps';
import { ROUTER_DDNS, ROUTER_DDNS_NOT_KNOWN } from '../../../../src/shared/catalog/router-ddns';
import { routerDdnsSteps } from '../../../../src/shared/catalog/router-ddns-steps';
import { english } from '../../../../src/shared/i18n/english';
import { RESERVATION_PATHS, reservationPathText } from '../../../../src/shared/catalog/router-reservations';
import { DDNS_PROVIDERS } from '../../../../src/shared/domain/ddns-providers';

const rule = (over: Partial<StepRule>): StepRule => ({
  name: 'NVR web (HTTPS)',
  protocol: 'tcp',
  externalPort: 10443,
  internalAddress: '192.168.1.64',
  internalPort: 443,
  sources: [],
  ...over,
});

/** Rule sets: open to all; limited to sources, with a UDP range rule. */
export const RULE_SETS: Readonly<Record<string, readonly StepRule[]>> = {
  open: [rule({}), rule({ name: 'NVR app (SDK)', externalPort: 8000, internalPort: 8000 })],
  limited: [
    rule({ sources: ['198.51.100.0/24', '203.0.113.7'] }),
    rule({
      name: 'Media',
      protocol: 'udp',
      externalPort: 6100,
      internalPort: 6100,
      portCount: 100,
      sources: ['198.51.100.0/24'],
    }),
  ],
};

/** DDNS values: everything typed (with spaces around), nothing typed. */
export const DDNS_VALUES = {
  typed: { host: ' cam.duckdns.org ', user: ' bob ', server: ' https://members.example.net ' },
  empty: { host: ' ', user: '', server: '' },
} as const;

/** Each case's name and the English it says today (a list of steps, or one text). */
export function englishCases(): Record<string, string | readonly string[]> {
  const out: Record<string, string | readonly string[]> = {};
  for (const brand of [...BRAND_PORTS, null])
    for (const role of PORT_ROLES) out[`manual/${brand?.id ?? 'general'}/${role}`] = manualStepsFor(brand, role, 23456);
  for (const page of FORWARD_PAGES)
    for (const [set, rules] of Object.entries(RULE_SETS)) out[`forward/${page.id}/${set}`] = forwardSteps(page, rules);
  out['forward/triggering'] = PORT_TRIGGERING_TEXT;
  for (const [id, c] of Object.entries(ROUTER_DDNS))
    for (const provider of DDNS_PROVIDERS)
      for (const [typed, v] of Object.entries(DDNS_VALUES))
        out[`ddns/${id}/${provider}/${typed}`] = routerDdnsSteps(c!, { provider, ...v });
  for (const [id, text] of Object.entries(ROUTER_DDNS_NOT_KNOWN)) out[`ddns-not-known/${id}`] = english(text);
  for (const p of RESERVATION_PATHS) out[`reservation/${p.family}`] = reservationPathText(p);
  return out;
}
