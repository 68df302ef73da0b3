// The troubleshooting tree of the proof from outside (issue 13 item 4): a planned port that the checker could not
// reach is not answered with a static FAQ but walked through questions the app answers itself, in order, from its
// own measurements — the Internet step's verdict, the rule's sources, the UPnP audit, a connect to the NVR from
// inside made during the proof, the Ports step's last measurement, how the router answered the checker, the hairpin
// connect — and only the leaf says what the user must look at. Every question walked is kept with its answer and
// where the answer came from, so the page and the CLI show how the app got there. Pure; used by outside-proof-row.ts.
import { inSubnet, parseIpv4 } from './ipv4';
import {
  ISP_BLOCKED_PORTS,
  type Hairpin,
  type InsideAnswer,
  type ProofCause,
  type ProofQuestion,
  type ProofState,
  type ProofTarget,
} from './outside-proof-shapes';
import type { PortReport } from './ports';
import type { PublicVerdictCode } from './public-address';
import type { UpnpMapping } from './upnp';

/** What the tree reads: the same facts as a proof row, plus the connects made during the proof. */
export interface TreeFacts {
  internetVerdict: PublicVerdictCode | null;
  report: PortReport | null;
  mappings: ReadonlyArray<
    Pick<UpnpMapping, 'protocol' | 'externalPort' | 'internalClient' | 'internalPort'> & {
      device?: { name: string } | null;
    }
  > | null;
  checkerAddress: string | null;
  /** The connect from this computer to each planned rule's inside address:port during the proof (key `addr:port`). */
  inside?: ReadonlyMap<string, InsideAnswer>;
  /** The connect from inside to the public address (null/absent: not made). */
  hairpin?: Hairpin | null;
}

export interface TreeLeaf {
  cause: ProofCause;
  /** What the user must look at, in plain words. */
  text: string;
  /** The questions walked to get here, in order. */
  path: ProofQuestion[];
}

const FROM = {
  internet: 'the Internet step’s last check',
  rule: 'the rule in your plan',
  upnp: 'the UPnP step’s last audit',
  now: 'a connect from this computer just now',
  ports: 'the Ports step’s last measurement',
  checker: 'the checker’s answer',
  hairpin: 'the hairpin connect just now',
  list: 'ports ISPs often block',
} as const;

export const insideKey = (address: string, port: number) => `${address}:${port}`;

/** Whether `addr` is in one of the rule's sources (asked only of a rule that has some); null when not known. */
function inSources(addr: string | null, sources: readonly string[]): boolean | null {
  if (!addr || parseIpv4(addr) === null) return null;
  return sources.some((s) => {
    const [net, prefix = '32'] = s.split('/');
    return inSubnet(addr, net!, Number(prefix));
  });
}

export function mappingFor(facts: Pick<TreeFacts, 'mappings'>, p: number) {
  return facts.mappings?.find((m) => m.protocol === 'TCP' && m.externalPort === p) ?? null;
}

const INSIDE_WORDS: Record<InsideAnswer, string> = {
  open: 'it answers',
  closed: 'it refused the connection',
  'no-answer': 'no answer',
};

/**
 * Walks the tree for a planned TCP port the checker could not reach (`state` closed or filtered). Without the
 * connects made during a proof (`inside`, `hairpin` absent) it ends where the app's saved facts lead.
 */
export function walkProofTree(t: ProofTarget, state: ProofState, facts: TreeFacts): TreeLeaf {
  const path: ProofQuestion[] = [];
  const ask = (question: string, answer: string, from: string) => path.push({ question, answer, from });
  const leaf = (cause: ProofCause, text: string): TreeLeaf => ({ cause, text, path });

  // 1. Can the internet reach the router at all?
  const line = 'Can a connection from the internet reach your router at all?';
  if (facts.internetVerdict === 'cgnat') {
    ask(line, 'No: your line is behind carrier-grade NAT.', FROM.internet);
    return leaf(
      'cgnat',
      'Your internet line is behind carrier-grade NAT (the Internet step’s verdict): no rule on your router can be reached from outside. Ask your ISP for a public IPv4 address, or use a VPN.',
    );
  }
  if (facts.internetVerdict === 'double-nat') {
    ask(line, 'No: a second router (an ISP box) is in front of yours.', FROM.internet);
    return leaf(
      'double-nat',
      'There is a second router (an ISP box) in front of yours (the Internet step’s verdict): the connection stops there. Put the ISP box in bridge mode, or forward the port on it to your router too.',
    );
  }
  ask(
    line,
    facts.internetVerdict === null
      ? 'Not checked yet (the Internet step tells).'
      : 'Yes: the public address is on your router.',
    FROM.internet,
  );

  // 2. Does the rule let the checker in?
  if (t.sources.length) {
    const allowed = inSources(facts.checkerAddress, t.sources);
    const q = 'Does the rule let the checker in?';
    if (allowed === false) {
      ask(q, `No: it lets in only ${t.sources.join(', ')}; the checker is ${facts.checkerAddress}.`, FROM.rule);
      return leaf(
        'source-limited',
        `The rule lets in only ${t.sources.join(', ')}; the checker connects from ${facts.checkerAddress}, so it is kept out as it should be. Check from an allowed address.`,
      );
    }
    ask(q, allowed ? 'Yes.' : 'Cannot tell: the checker’s address is not known.', FROM.rule);
  }

  // 3. Does a UPnP mapping hold the port for another address?
  const m = mappingFor(facts, t.port);
  const upnpQ = `Does a UPnP mapping hold port ${t.port} for something else?`;
  if (m && t.internal && (m.internalClient !== t.internal.address || m.internalPort !== t.internal.port)) {
    ask(upnpQ, `Yes: it sends it to ${m.internalClient}:${m.internalPort}.`, FROM.upnp);
    return leaf(
      'upnp-elsewhere',
      `A UPnP mapping sends port ${t.port} to ${m.internalClient}:${m.internalPort} (the UPnP step’s last audit), not to the NVR: delete it, then the rule can take the port.`,
    );
  }
  ask(upnpQ, facts.mappings === null ? 'Not known: no UPnP audit yet.' : 'No.', FROM.upnp);

  // 4. Does the NVR answer inside, where the rule sends the port? Asked now when the proof could; else the last
  // measurement stands in for it.
  if (t.internal) {
    const where = `${t.internal.address}:${t.internal.port}`;
    const q = `Does the NVR answer on ${where} from inside?`;
    const now = facts.inside?.get(insideKey(t.internal.address, t.internal.port));
    const r = facts.report;
    if (now) ask(q, now === 'open' ? 'Yes: it answers.' : `No: ${INSIDE_WORDS[now]}.`, FROM.now);
    if (now !== 'open') {
      if (r && r.address !== t.internal.address) {
        ask('Is the NVR still at the rule’s address?', `No: it was last measured at ${r.address}.`, FROM.ports);
        return leaf(
          'wrong-address',
          `The rule sends the port to ${t.internal.address}, but the NVR was last measured at ${r.address}: make the plan again and correct the rule’s address (and keep the NVR’s address fixed).`,
        );
      }
      if (r && !r.rows.some((x) => x.port === t.internal!.port && x.state === 'open')) {
        ask(`Was port ${t.internal.port} open at the last measurement?`, `No (measured ${r.measuredAt}).`, FROM.ports);
        return leaf(
          'port-changed',
          `The NVR did not answer on port ${t.internal.port} at the Ports step’s last measurement (${r.measuredAt}): its port changed since the plan. Make the plan again and correct the rule.`,
        );
      }
      if (now) {
        if (r)
          ask(
            `Was port ${t.internal.port} open at the last measurement?`,
            `Yes (measured ${r.measuredAt}).`,
            FROM.ports,
          );
        return leaf(
          'nvr-silent',
          `From this computer, ${where} gives ${INSIDE_WORDS[now]} now, so the router has nothing to pass the connection to. Is the NVR switched on and on the network? Did its address or port change since the Ports step? Measure its ports again, then prove again.`,
        );
      }
      if (!r) ask(q, 'Not known: the ports were not measured.', FROM.ports);
      else ask(q, `Yes, at the last measurement (${r.measuredAt}).`, FROM.ports);
    }
  }

  // 5. How did the router answer the checker?
  const how = 'How did your public address answer the checker?';
  if (state === 'closed') {
    ask(how, 'It refused the connection at once.', FROM.checker);
    return leaf(
      'no-rule',
      `Something refused the connection: most likely no forward rule for port ${t.port} is entered on the router yet (the router itself answered), or it is not switched on.`,
    );
  }
  ask(how, 'It did not answer at all (the connection was dropped).', FROM.checker);

  // 6. Does the rule work from inside (the hairpin)? Then the rule is entered and the drop is before it.
  const pin = facts.hairpin?.rows.find((h) => h.port === t.port);
  const pinQ = `From inside, does ${facts.hairpin?.address ?? 'the public address'}:${t.port} reach the NVR?`;
  if (pin?.result === 'reached') {
    ask(pinQ, 'Yes: the router loops it back, so the rule is entered and works.', FROM.hairpin);
    if (ISP_BLOCKED_PORTS.has(t.port)) {
      ask(`Is ${t.port} a port ISPs often block?`, 'Yes.', FROM.list);
      return leaf(
        'isp-blocks',
        `Your rule works from inside, but port ${t.port} gets no answer from outside: many ISPs block this port toward home lines. Use another outside port (e.g. ${10_000 + (t.port % 10_000)}) or ask your ISP.`,
      );
    }
    return leaf(
      'upstream-filter',
      `Your rule works from inside, but nothing from outside gets through on port ${t.port}: the router’s firewall for the internet side (a WAN-to-LAN filter, a “remote access” allow list) or the ISP drops it. Look for such a setting on the router; if there is none, ask your ISP whether they filter incoming connections.`,
    );
  }
  ask(
    pinQ,
    pin
      ? `No (${pin.result === 'refused' ? 'refused' : 'no answer'}): many routers do not loop back, so this says little.`
      : 'Not tried.',
    FROM.hairpin,
  );
  if (ISP_BLOCKED_PORTS.has(t.port)) {
    ask(`Is ${t.port} a port ISPs often block?`, 'Yes.', FROM.list);
    return leaf(
      'isp-blocks',
      `No answer at all on port ${t.port}: many ISPs block this port toward home lines. If the rule is entered, use another outside port (e.g. ${10_000 + (t.port % 10_000)}) or ask your ISP.`,
    );
  }
  return leaf(
    'firewall',
    `No answer on port ${t.port}: the router’s firewall drops it — the rule is missing, switched off or limited to other addresses — or the ISP filters it.`,
  );
}
