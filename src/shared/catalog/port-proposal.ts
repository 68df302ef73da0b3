import { said, saidList, type Said } from '../i18n/said';
import { catalogPortNumbers, portsForBrand, type Transport } from './ports';
import { portsEnglish, roleWords } from './port-words';
import {
  COMMONLY_SCANNED_PORTS,
  nextPortRule,
  PROPOSAL_MAX,
  PROPOSAL_MIN,
  SAME_PORT_POLICIES,
  samePortPolicy,
  takenBy,
  usedIndex,
  type PortAssignment,
  type ProposalInput,
  type ProposedPort,
  type SamePortPolicy,
  type UsedPort,
} from './port-proposal-rules';

/**
 * Proposing non-standard ports for a device. Pure: no I/O, no clock, no Math.random — pass a random source
 * (seededRandom(seed) gives a deterministic one). The rules, with where they come from, are in
 * port-proposal-rules.ts; the check of a set the user edited is port-proposal-check.ts. Both are re-exported here,
 * the one module the app and the tests import.
 */

export * from './port-proposal-rules';
export * from './port-proposal-check';

export type RandomSource = () => number;

/** A deterministic random source (mulberry32) from a number or a string seed. */
export function seededRandom(seed: number | string): RandomSource {
  let h: number;
  if (typeof seed === 'number') h = seed >>> 0;
  else {
    h = 0x811c9dc5; // FNV-1a
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  }
  let a = h;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const strictest = (a: SamePortPolicy, b: SamePortPolicy): SamePortPolicy =>
  SAME_PORT_POLICIES.indexOf(a) <= SAME_PORT_POLICIES.indexOf(b) ? a : b;

/**
 * Proposes a new port for each current one. Deterministic for a given input and random source. Throws only if
 * the pool is exhausted, which the schema caps make impossible (at most ~5 200 ports taken out of 22 767).
 */
export function proposePorts(input: ProposalInput, random: RandomSource): ProposedPort[] {
  const brand = portsForBrand(input.brand);
  const onDevice = input.inUseOnDevice ?? [];
  const elsewhere = usedIndex(input.inUseElsewhere ?? []);
  const onDeviceTaken = usedIndex(onDevice);
  const catalog = catalogPortNumbers();
  const scanned = new Set(COMMONLY_SCANNED_PORTS);
  const chosen: UsedPort[] = [];

  /** In the proposal's range, no factory or commonly scanned port, not used elsewhere nor already chosen. */
  const fine = (port: number, transport: Transport): boolean =>
    port >= PROPOSAL_MIN &&
    port <= PROPOSAL_MAX &&
    !catalog.has(port) &&
    !scanned.has(port) &&
    !elsewhere(port, transport) &&
    !takenBy(chosen, port, transport);
  const isFree = (port: number, transport: Transport): boolean =>
    fine(port, transport) && !onDeviceTaken(port, transport) && !input.current.some((c) => c.port === port);

  const pick = (transport: Transport, span: number): number => {
    const size = PROPOSAL_MAX - PROPOSAL_MIN + 1;
    const fits = (p: number): boolean => {
      for (let i = 0; i < span; i++) if (!isFree(p + i, transport)) return false;
      return true;
    };
    for (let attempt = 0; attempt < 256; attempt++) {
      const p = PROPOSAL_MIN + Math.min(size - 1, Math.floor(random() * size));
      if (fits(p)) return p;
    }
    const start = Math.floor(random() * size);
    for (let i = 0; i < size; i++) {
      const p = PROPOSAL_MIN + ((start + i) % size);
      if (fits(p)) return p;
    }
    throw new RangeError('No free port left to propose.');
  };

  // Group entries that share a current port (ONVIF on the web port): they move together.
  const groups = new Map<string, PortAssignment[]>();
  for (const c of input.current) {
    const key = `${c.port}/${c.transport}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }

  const assigned = new Map<string, number>();
  const followers = new Map<string, { leaderKey: string }>();
  for (const [key, members] of groups) {
    const first = members[0]!;
    if (members.some((m) => nextPortRule(brand, m.role))) {
      const followerKey = `${first.port + 1}/${first.transport}`;
      if (groups.has(followerKey)) followers.set(followerKey, { leaderKey: key });
    }
  }

  // A port the rules would have picked themselves (e.g. after an earlier change) is kept (`fine`): moving it again
  // would only make the user update their apps and router once more.
  const kept = new Set<string>();
  for (const [key, members] of groups) {
    if (followers.has(key)) continue;
    const first = members[0]!;
    const span = members.some((m) => nextPortRule(brand, m.role)) ? 2 : 1;
    const follower = [...followers].find(([, f]) => f.leaderKey === key)?.[0];
    const keep =
      fine(first.port, first.transport) &&
      (span === 1 ||
        (follower !== undefined
          ? fine(first.port + 1, first.transport)
          : fine(first.port + 1, first.transport) && !onDeviceTaken(first.port + 1, first.transport)));
    if (keep) kept.add(key);
    const port = keep ? first.port : pick(first.transport, span);
    for (let i = 0; i < span; i++) chosen.push({ port: port + i, transport: first.transport });
    assigned.set(key, port);
  }
  for (const [key, { leaderKey }] of followers) assigned.set(key, assigned.get(leaderKey)! + 1);

  return input.current.map((c) => {
    const internal = assigned.get(`${c.port}/${c.transport}`)!;
    const members = groups.get(`${c.port}/${c.transport}`)!;
    const samePort = members.map((m) => samePortPolicy(brand, m.role)).reduce(strictest, 'free' as SamePortPolicy);
    const role = roleWords(c.role);
    const others = members.filter((m) => m !== c);
    const isFollower = followers.has(`${c.port}/${c.transport}`);
    const keptHere = internal === c.port && (kept.has(`${c.port}/${c.transport}`) || isFollower);
    // One sentence each, joined with a space: the page and the CLI say each in the user's language.
    const whySaid: Said[] = [
      keptHere
        ? said('ports.said.why.keep', { role, port: String(c.port) })
        : said('ports.said.why.move', { role, from: String(c.port), to: String(internal) }),
    ];
    if (others.length > 0)
      whySaid.push(
        said('ports.said.why.sharedWith', {
          // One other service (ONVIF on the web port) is said by its name, several as a list of their names.
          others: others.length === 1 ? roleWords(others[0]!.role) : saidList(others.map((m) => roleWords(m.role))),
        }),
      );
    if (isFollower) whySaid.push(said('ports.said.why.nextPort'));
    if (samePort === 'required-by-vendor')
      whySaid.push(
        brand
          ? said('ports.said.why.samePortRequiredBy', { brand: brand.name })
          : said('ports.said.why.samePortRequired'),
      );
    else if (samePort === 'recommended') whySaid.push(said('ports.said.why.samePortRecommended'));
    const why = whySaid.map(portsEnglish).join(' ');
    return {
      role: c.role,
      transport: c.transport,
      current: c.port,
      internal,
      external: internal,
      samePort,
      why,
      whySaid,
    };
  });
}

/**
 * Plain words for the Ports step: RTSP over TCP, and why RTP over UDP fails through a router. Its words are the
 * catalogue's (`ports.said.rtspAdvice`; the page says them in the user's language); the English is kept here.
 */
export const RTSP_TRANSPORT_ADVICE = {
  title: portsEnglish(said('ports.said.rtspAdvice.title')),
  text: portsEnglish(said('ports.said.rtspAdvice.text')),
  said: { title: said('ports.said.rtspAdvice.title'), text: said('ports.said.rtspAdvice.text') },
  sources: [
    'https://manualsdump.com/en/manuals/vivotek-fe8171v/41867/69',
    'https://github.com/mpromonet/v4l2rtspserver/issues/249',
    'shared/reference/INTERNET-SECURITY.md §5',
  ],
  confidence: 'H',
} as const;
