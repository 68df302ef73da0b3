// The troubleshooting tree of the proof from outside (issue 13 item 4): each failed planned port is walked through
// questions the app answers itself before the user is told what to look at. Every leaf, the questions on the way
// (with where each answer came from), and that the connects made during the proof change the answer the saved facts
// alone would give.
import { describe, expect, it } from 'vitest';
import { insideKey, walkProofTree, type TreeFacts } from '../../../../src/shared/domain/proof-tree';
import { judgeRow, proofRowSchema, type Hairpin, type InsideAnswer } from '../../../../src/shared/domain/outside-proof';
import { input, NVR, report, target, timedOut, refused } from './outside-proof-fixture';

const facts = (over: Partial<TreeFacts> = {}): TreeFacts => ({
  internetVerdict: 'public-on-router',
  report: report(),
  mappings: [],
  checkerAddress: '198.51.100.10',
  ...over,
});
const inside = (port: number, a: InsideAnswer) => new Map([[insideKey(NVR, port), a]]);
const hairpin = (port: number, result: Hairpin['rows'][number]['result']): Hairpin => ({
  address: '203.0.113.2',
  rows: [{ port, result }],
  loopsBack: result === 'reached' ? 'yes' : 'no',
  text: '',
});
const sdk = target(8000);
const https = target(10443);

describe('walkProofTree: the line first', () => {
  it('CGNAT ends the walk at the first question: no rule on the router can help, the user is told to ask the ISP', () => {
    const leaf = walkProofTree(sdk, 'filtered', facts({ internetVerdict: 'cgnat' }));
    expect(leaf.cause).toBe('cgnat');
    expect(leaf.path).toEqual([
      {
        question: 'Can a connection from the internet reach your router at all?',
        answer: 'No: your line is behind carrier-grade NAT.',
        from: 'the Internet step’s last check',
      },
    ]);
    expect(leaf.text).toContain('Ask your ISP for a public IPv4 address');
  });

  it('a second router in front: the ISP box is named, not the user’s rule', () => {
    const leaf = walkProofTree(sdk, 'closed', facts({ internetVerdict: 'double-nat' }));
    expect(leaf.cause).toBe('double-nat');
    expect(leaf.path).toHaveLength(1);
    expect(leaf.path[0]!.answer).toBe('No: a second router (an ISP box) is in front of yours.');
  });

  it('the line never checked: said on the way, and the walk goes on (the user is not sent to the ISP on a guess)', () => {
    const leaf = walkProofTree(sdk, 'closed', facts({ internetVerdict: null }));
    expect(leaf.path[0]!.answer).toBe('Not checked yet (the Internet step tells).');
    expect(leaf.cause).toBe('no-rule');
  });
});

describe('walkProofTree: the rule and the router', () => {
  it('a rule limited to other sources keeps the checker out: the user is told to test from an allowed address', () => {
    const limited = { ...sdk, sources: ['203.0.113.0/24'] };
    const leaf = walkProofTree(limited, 'filtered', facts());
    expect(leaf.cause).toBe('source-limited');
    expect(leaf.path.at(-1)).toEqual({
      question: 'Does the rule let the checker in?',
      answer: 'No: it lets in only 203.0.113.0/24; the checker is 198.51.100.10.',
      from: 'the rule in your plan',
    });
  });

  it('a source-limited rule the checker may pass goes on; an unknown checker address is said, not guessed', () => {
    const limited = { ...sdk, sources: ['198.51.100.0/24'] };
    expect(walkProofTree(limited, 'closed', facts()).path[1]!.answer).toBe('Yes.');
    const unknown = walkProofTree(limited, 'closed', facts({ checkerAddress: null }));
    expect(unknown.path[1]!.answer).toBe('Cannot tell: the checker’s address is not known.');
    expect(unknown.cause).toBe('no-rule');
  });

  it('a UPnP mapping holding the port for another address: delete it — named with where it points', () => {
    const leaf = walkProofTree(
      sdk,
      'filtered',
      facts({ mappings: [{ protocol: 'TCP', externalPort: 8000, internalClient: '192.168.1.9', internalPort: 8000 }] }),
    );
    expect(leaf.cause).toBe('upnp-elsewhere');
    expect(leaf.path.at(-1)!.answer).toBe('Yes: it sends it to 192.168.1.9:8000.');
  });

  it('no UPnP audit yet is said as "not known", and a mapping to the NVR itself is not a cause', () => {
    expect(walkProofTree(sdk, 'closed', facts({ mappings: null })).path[1]!.answer).toBe(
      'Not known: no UPnP audit yet.',
    );
    const same = facts({
      mappings: [{ protocol: 'TCP', externalPort: 8000, internalClient: NVR, internalPort: 8000 }],
    });
    expect(walkProofTree(sdk, 'closed', same).cause).toBe('no-rule');
  });

  it('refused at once (closed), the NVR fine: no rule is entered yet — the last question is how the router answered', () => {
    const leaf = walkProofTree(https, 'closed', facts({ inside: inside(443, 'open') }));
    expect(leaf.cause).toBe('no-rule');
    expect(leaf.path.map((q) => q.from)).toEqual([
      'the Internet step’s last check',
      'the UPnP step’s last audit',
      'a connect from this computer just now',
      'the checker’s answer',
    ]);
    expect(leaf.path.at(-1)!.answer).toBe('It refused the connection at once.');
  });
});

describe('walkProofTree: the NVR inside', () => {
  it('without a connect made now, the last measurement stands in: the rule points where the NVR no longer is', () => {
    const leaf = walkProofTree(sdk, 'filtered', facts({ report: report({ address: '192.168.1.70' }) }));
    expect(leaf.cause).toBe('wrong-address');
    expect(leaf.path.at(-1)).toEqual({
      question: 'Is the NVR still at the rule’s address?',
      answer: 'No: it was last measured at 192.168.1.70.',
      from: 'the Ports step’s last measurement',
    });
  });

  it('the NVR answers now where the rule points: a stale measurement elsewhere is not blamed', () => {
    const leaf = walkProofTree(
      sdk,
      'closed',
      facts({ report: report({ address: '192.168.1.70' }), inside: inside(8000, 'open') }),
    );
    expect(leaf.cause).toBe('no-rule');
    expect(leaf.path).toContainEqual({
      question: `Does the NVR answer on ${NVR}:8000 from inside?`,
      answer: 'Yes: it answers.',
      from: 'a connect from this computer just now',
    });
  });

  it('the port was not open at the last measurement and the NVR refuses it now: its port changed', () => {
    const leaf = walkProofTree(
      https,
      'filtered',
      facts({ report: report({ rows: [] }), inside: inside(443, 'closed') }),
    );
    expect(leaf.cause).toBe('port-changed');
    expect(leaf.path.slice(-2).map((q) => q.answer)).toEqual([
      'No: it refused the connection.',
      'No (measured 2026-01-01T00:00:00.000Z).',
    ]);
  });

  it('measured open before but silent now: the NVR itself is the cause (off, moved, rebooting), not the router', () => {
    const leaf = walkProofTree(sdk, 'filtered', facts({ inside: inside(8000, 'no-answer') }));
    expect(leaf.cause).toBe('nvr-silent');
    expect(leaf.text).toContain(`From this computer, ${NVR}:8000 gives no answer now`);
    expect(leaf.path.slice(-2).map((q) => q.answer)).toEqual([
      'No: no answer.',
      'Yes (measured 2026-01-01T00:00:00.000Z).',
    ]);
  });

  it('silent now and never measured: the NVR is still the cause, without a claim about a measurement', () => {
    const leaf = walkProofTree(sdk, 'closed', facts({ report: null, inside: inside(8000, 'closed') }));
    expect(leaf.cause).toBe('nvr-silent');
    expect(leaf.path.map((q) => q.from)).not.toContain('the Ports step’s last measurement');
  });

  it('no connect and no measurement: said as not known, and the walk goes on to the router', () => {
    const leaf = walkProofTree(sdk, 'closed', facts({ report: null }));
    expect(leaf.path).toContainEqual({
      question: `Does the NVR answer on ${NVR}:8000 from inside?`,
      answer: 'Not known: the ports were not measured.',
      from: 'the Ports step’s last measurement',
    });
    expect(leaf.cause).toBe('no-rule');
  });
});

describe('walkProofTree: dropped (filtered), then the hairpin', () => {
  it('the rule loops back from inside but outside is dropped: the drop is before the rule (WAN firewall or ISP)', () => {
    const leaf = walkProofTree(
      sdk,
      'filtered',
      facts({ inside: inside(8000, 'open'), hairpin: hairpin(8000, 'reached') }),
    );
    expect(leaf.cause).toBe('upstream-filter');
    expect(leaf.text).toContain('Your rule works from inside');
    expect(leaf.path.at(-1)).toEqual({
      question: 'From inside, does 203.0.113.2:8000 reach the NVR?',
      answer: 'Yes: the router loops it back, so the rule is entered and works.',
      from: 'the hairpin connect just now',
    });
  });

  it('the same on a port ISPs often block: the ISP is named, with another outside port to use', () => {
    const t = { ...https, port: 443 };
    const leaf = walkProofTree(t, 'filtered', facts({ inside: inside(443, 'open'), hairpin: hairpin(443, 'reached') }));
    expect(leaf.cause).toBe('isp-blocks');
    expect(leaf.text).toContain('Your rule works from inside, but port 443');
    expect(leaf.text).toContain('10443');
    expect(leaf.path.at(-1)!.question).toBe('Is 443 a port ISPs often block?');
  });

  it('no loopback from inside says little: a blocked port is the ISP’s, any other the router’s firewall', () => {
    const t = { ...https, port: 443 };
    const isp = walkProofTree(t, 'filtered', facts({ inside: inside(443, 'open'), hairpin: hairpin(443, 'refused') }));
    expect(isp.cause).toBe('isp-blocks');
    expect(isp.path.at(-2)!.answer).toBe('No (refused): many routers do not loop back, so this says little.');
    const fw = walkProofTree(
      sdk,
      'filtered',
      facts({ inside: inside(8000, 'open'), hairpin: hairpin(8000, 'no-answer') }),
    );
    expect(fw.cause).toBe('firewall');
    expect(fw.path.at(-1)!.answer).toBe('No (no answer): many routers do not loop back, so this says little.');
    expect(walkProofTree(sdk, 'filtered', facts()).path.at(-1)).toEqual({
      question: 'From inside, does the public address:8000 reach the NVR?',
      answer: 'Not tried.',
      from: 'the hairpin connect just now',
    });
  });
});

describe('the tree in a proof row', () => {
  it('a failed planned row carries the questions, and the row still fits its saved shape', () => {
    const row = judgeRow(
      sdk,
      input({ 8000: timedOut() }, { inside: inside(8000, 'open'), hairpin: hairpin(8000, 'reached') }),
    );
    expect(row.cause).toBe('upstream-filter');
    expect(row.path?.length).toBeGreaterThanOrEqual(4);
    expect(proofRowSchema.parse(row)).toEqual(row);
  });

  it('an exposed port says whether a UPnP mapping opens it; a reachable planned port carries no questions', () => {
    const exposed = judgeRow(target(80, 'forbidden'), input({ 80: { ok: true, reachable: true, ms: 20, ip: null } }));
    expect(exposed.path).toEqual([
      { question: 'Does a UPnP mapping open port 80?', answer: 'No.', from: 'the UPnP step’s last audit' },
    ]);
    const fine = judgeRow(sdk, input({ 8000: { ok: true, reachable: true, ms: 20, ip: null } }));
    expect(fine.path).toBeUndefined();
    expect(judgeRow(sdk, input({ 8000: refused() })).path?.length).toBeGreaterThan(0);
  });
});

describe('walkProofTree: every question word for word', () => {
  it('from saved facts only (no connects made): each question, its answer and its source, in order', () => {
    const limited = { ...sdk, sources: ['198.51.100.0/24', '203.0.113.7'] };
    const leaf = walkProofTree(limited, 'closed', facts({ mappings: [] }));
    expect(leaf.path).toEqual([
      {
        question: 'Can a connection from the internet reach your router at all?',
        answer: 'Yes: the public address is on your router.',
        from: 'the Internet step’s last check',
      },
      { question: 'Does the rule let the checker in?', answer: 'Yes.', from: 'the rule in your plan' },
      {
        question: 'Does a UPnP mapping hold port 8000 for something else?',
        answer: 'No.',
        from: 'the UPnP step’s last audit',
      },
      {
        question: `Does the NVR answer on ${NVR}:8000 from inside?`,
        answer: 'Yes, at the last measurement (2026-01-01T00:00:00.000Z).',
        from: 'the Ports step’s last measurement',
      },
      {
        question: 'How did your public address answer the checker?',
        answer: 'It refused the connection at once.',
        from: 'the checker’s answer',
      },
    ]);
  });

  it('a rule limited to two sources names both; the last measurement is asked by its own question', () => {
    const limited = { ...sdk, sources: ['203.0.113.0/24', '192.0.2.9'] };
    expect(walkProofTree(limited, 'filtered', facts()).path.at(-1)!.answer).toBe(
      'No: it lets in only 203.0.113.0/24, 192.0.2.9; the checker is 198.51.100.10.',
    );
    const changed = walkProofTree(https, 'filtered', facts({ report: report({ rows: [] }) }));
    expect(changed.path.at(-1)).toEqual({
      question: 'Was port 443 open at the last measurement?',
      answer: 'No (measured 2026-01-01T00:00:00.000Z).',
      from: 'the Ports step’s last measurement',
    });
    const silent = walkProofTree(sdk, 'filtered', facts({ inside: inside(8000, 'closed') }));
    expect(silent.path.at(-1)).toEqual({
      question: 'Was port 8000 open at the last measurement?',
      answer: 'Yes (measured 2026-01-01T00:00:00.000Z).',
      from: 'the Ports step’s last measurement',
    });
  });

  it('a hairpin that reached only another port says nothing about this one', () => {
    const leaf = walkProofTree(sdk, 'filtered', facts({ hairpin: hairpin(10443, 'reached') }));
    expect(leaf.cause).toBe('firewall');
    expect(leaf.path.at(-1)!.answer).toBe('Not tried.');
  });

  it('the ISP question, word for word, after the hairpin either way', () => {
    const t = { ...https, port: 443 };
    const q = { question: 'Is 443 a port ISPs often block?', answer: 'Yes.', from: 'ports ISPs often block' };
    expect(walkProofTree(t, 'filtered', facts({ hairpin: hairpin(443, 'reached') })).path.at(-1)).toEqual(q);
    expect(walkProofTree(t, 'filtered', facts()).path.at(-1)).toEqual(q);
  });

  it('the key of a connect made from inside is the address and the port', () => {
    expect(insideKey('192.168.1.64', 443)).toBe('192.168.1.64:443');
  });
});
