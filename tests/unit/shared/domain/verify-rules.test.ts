// The Verify step's rules, check by check, word for word: what the user reads when something drifted since the setup
// (what changed, from what to what, what to do), and the cases where a wrong rule would hide drift, invent it, or
// show a check that could not measure as fine.
import { describe, expect, it } from 'vitest';
import { PUBLIC_VERDICTS } from '../../../../src/shared/domain/public-address';
import type { UpnpMapping } from '../../../../src/shared/domain/upnp';
import { createTranslator } from '../../../../src/shared/i18n';
import {
  judgeAddress,
  judgeDdnsDrift,
  judgeOutside,
  judgePorts,
  judgePublic,
  judgeUpnpDrift,
  type VerifyMeasurements,
} from '../../../../src/shared/domain/verify';
import { portRow } from '../../../support/port-row';
import { MAC, same, saved } from './verify-fixture';

const ID = 'mac:44:19:b6:00:00:01';
const OTHER_MAC = '00:11:22:33:44:55';
/** The same words by the catalogue's key (verify.said.*) and their values, as main says them beside its English. */
const S = (key: string, params?: Record<string, unknown>) =>
  params ? { key: `verify.said.${key}`, params } : { key: `verify.said.${key}` };
const OPEN = S('change.state.open');
const notChecked = (text: string, why: 'nothing-saved' | 'unmeasured', said?: object) => ({
  state: 'not-checked',
  text,
  said,
  changes: [],
  todo: null,
  why,
});
const ok = (text: string, said?: object) => ({ state: 'ok', text, said, changes: [], todo: null, why: null });
const nvrFresh = (value: Partial<{ reached: boolean; mac: string | null }>): VerifyMeasurements['nvr'] => {
  const m = same(saved()).nvr as { ok: true; value: { reached: boolean; mac: string | null } };
  return { ok: true, value: { ...m.value, ...value } } as VerifyMeasurements['nvr'];
};
const TODO_ADDRESS =
  'Find it again (“Find your NVR”): it may have taken another address from DHCP, or be off. Then give it an address it keeps (“Static IP”), and run the steps that point at it again.';
const TODO_MAC =
  'Two devices share the address, or the NVR moved and another took its place: find the NVR again (“Find your NVR”) and give it an address outside the router’s DHCP range (“Static IP”).';
const TODO_PORTS =
  'If you moved them, measure again (“Ports”) and let the router rules follow (“Router rules”). If you did not, the NVR did: a reset or a firmware update puts factory ports back — check its settings, then run “Ports”.';
const TODO_UPNP_BACK =
  'Deleting is not enough while UPnP is on: turn UPnP off on the NVR (and on the router), then delete the mapping again (“UPnP”).';
const TODO_UPNP_NEW =
  'Check each in “UPnP”: delete a mapping you do not know, and turn UPnP off at the router once your own rules are in place.';

describe('the NVR’s address', () => {
  it('no NVR chosen, or one without an address: nothing saved, saying to choose it first', () => {
    const text = 'No NVR chosen yet: choose it in “Find your NVR”, then verify.';
    const r = saved();
    r.nvr!.device.addresses = [];
    expect(judgeAddress(r, nvrFresh({}))).toEqual(notChecked(text, 'nothing-saved', S('address.notSaved')));
    r.nvr = null;
    expect(judgeAddress(r, nvrFresh({}))).toEqual(notChecked(text, 'nothing-saved', S('address.notSaved')));
  });

  it('a measurement that failed or was cancelled proves nothing, saying which and why', () => {
    expect(judgeAddress(saved(), { ok: false, error: 'no route' })).toEqual(
      notChecked(
        'Whether the NVR answers at 192.168.1.20 could not be measured: no route',
        'unmeasured',
        S('address.failed', { address: '192.168.1.20', error: 'no route' }),
      ),
    );
    expect(judgeAddress(saved(), null)).toEqual(
      notChecked(
        'Not measured (Whether the NVR answers at 192.168.1.20 was not asked: cancelled).',
        'unmeasured',
        S('address.notAsked', { address: '192.168.1.20' }),
      ),
    );
  });

  it('a reason longer than the record keeps is cut to 600 characters', () => {
    const long = judgeAddress(saved(), { ok: false, error: 'e'.repeat(900) });
    expect(long.text).toHaveLength(600);
    // A value longer than the contract lets cross (said.ts: 300), and a sentence cut: main's English alone.
    expect(long.said).toBeUndefined();
  });

  it('no answer at the saved address is drift, saying where to find it again', () => {
    expect(judgeAddress(saved(), nvrFresh({ reached: false }))).toEqual({
      state: 'drift',
      text: 'The NVR no longer answers at 192.168.1.20.',
      said: S('address.gone', { address: '192.168.1.20' }),
      changes: [
        {
          what: 'The NVR answers at',
          from: '192.168.1.20',
          to: 'no answer',
          said: { what: S('change.answersAt'), to: S('change.noAnswer') },
        },
      ],
      todo: TODO_ADDRESS,
      todoSaid: S('address.goneTodo'),
      why: null,
    });
  });

  it('another MAC at the address is drift naming both; the case of the letters is no difference', () => {
    expect(judgeAddress(saved(), nvrFresh({ mac: OTHER_MAC }))).toEqual({
      state: 'drift',
      text: `Another device answers at 192.168.1.20: its MAC is ${OTHER_MAC}, the NVR’s is ${MAC}.`,
      said: S('address.otherDevice', { address: '192.168.1.20', mac: OTHER_MAC, saved: MAC }),
      changes: [
        {
          what: 'MAC at 192.168.1.20',
          from: MAC,
          to: OTHER_MAC,
          said: { what: S('change.macAt', { address: '192.168.1.20' }) },
        },
      ],
      todo: TODO_MAC,
      todoSaid: S('address.otherDeviceTodo'),
      why: null,
    });
    expect(judgeAddress(saved(), nvrFresh({ mac: MAC.toUpperCase() })).state).toBe('ok');
  });

  it('the same MAC is fine, saying so; no MAC now (or none saved) is no drift either', () => {
    expect(judgeAddress(saved(), nvrFresh({}))).toEqual(
      ok(
        `The NVR answers at 192.168.1.20 (MAC ${MAC}), as saved.`,
        S('address.sameMac', { address: '192.168.1.20', mac: MAC }),
      ),
    );
    expect(judgeAddress(saved(), nvrFresh({ mac: null }))).toEqual(
      ok('The NVR answers at 192.168.1.20, as saved.', S('address.same', { address: '192.168.1.20' })),
    );
    const r = saved();
    r.staticIp = {};
    r.nvr!.device.mac = null;
    expect(judgeAddress(r, nvrFresh({ mac: OTHER_MAC }))).toEqual(
      ok(
        `The NVR answers at 192.168.1.20 (MAC ${OTHER_MAC}), as saved.`,
        S('address.sameMac', { address: '192.168.1.20', mac: OTHER_MAC }),
      ),
    );
  });

  it('the MAC read from the NVR itself (Static IP) is the one compared, before discovery’s', () => {
    const r = saved();
    r.nvr!.device.mac = OTHER_MAC;
    expect(judgeAddress(r, nvrFresh({ mac: MAC })).state).toBe('ok');
    expect(judgeAddress(r, nvrFresh({ mac: OTHER_MAC })).state).toBe('drift');
  });

  it('without a Static IP reading, discovery’s MAC is compared', () => {
    const r = saved();
    r.staticIp[ID]!.reading = null;
    r.nvr!.device.mac = OTHER_MAC;
    expect(judgeAddress(r, nvrFresh({ mac: MAC })).state).toBe('drift');
    r.staticIp = {};
    expect(judgeAddress(r, nvrFresh({ mac: MAC })).state).toBe('drift');
  });
});

describe('the NVR’s ports', () => {
  const fresh = (edit: (rows: ReturnType<typeof portRow>[]) => ReturnType<typeof portRow>[], knocked = {}) => {
    const m = same(saved()).nvr as Extract<VerifyMeasurements['nvr'], { ok: true }>;
    m.value.report!.rows = edit(m.value.report!.rows);
    m.value.knocked = knocked;
    return m;
  };
  const text = 'No measurement of the NVR’s ports saved: run “Ports”, then verify.';

  it('no ports measured for the NVR (no entry, or no report): nothing saved', () => {
    const r = saved();
    r.ports[ID]!.report = null;
    expect(
      judgePorts(
        r,
        fresh((x) => x),
      ),
    ).toEqual(notChecked(text, 'nothing-saved', S('ports.notSaved')));
    r.ports = {};
    expect(
      judgePorts(
        r,
        fresh((x) => x),
      ),
    ).toEqual(notChecked(text, 'nothing-saved', S('ports.notSaved')));
    const none = saved();
    none.nvr = null;
    expect(
      judgePorts(
        none,
        fresh((x) => x),
      ),
    ).toEqual(notChecked(text, 'nothing-saved', S('ports.notSaved')));
  });

  it('a failed measurement, or an NVR that did not answer (or gave no report), proves nothing', () => {
    expect(judgePorts(saved(), { ok: false, error: 'timeout' })).toEqual(
      notChecked(
        'The NVR’s ports could not be measured: timeout',
        'unmeasured',
        S('ports.failed', { error: 'timeout' }),
      ),
    );
    const t = 'The NVR did not answer at 192.168.1.20, so its ports were not measured.';
    const unreached = S('ports.unreached', { address: '192.168.1.20' });
    const m = fresh((x) => x);
    expect(judgePorts(saved(), { ok: true, value: { ...m.value, reached: false } })).toEqual(
      notChecked(t, 'unmeasured', unreached),
    );
    expect(judgePorts(saved(), { ok: true, value: { ...m.value, report: null } })).toEqual(
      notChecked(t, 'unmeasured', unreached),
    );
  });

  it('as saved: counts only the open ports', () => {
    expect(
      judgePorts(
        saved(),
        fresh((x) => x),
      ),
    ).toEqual(ok('The NVR’s 3 open ports are as saved.', S('ports.same', { count: 3 })));
  });

  it('one port left open is said in the singular (“1 open port is”, not “are”), and saved ports not reached again are listed', () => {
    const r = saved();
    r.ports[ID]!.report!.rows = r.ports[ID]!.report!.rows.filter((x) => x.port !== 8000);
    expect(
      judgePorts(
        r,
        fresh((rows) => rows.filter((x) => x.port === 8443)),
      ),
    ).toEqual(
      ok(
        'The NVR’s 1 open port is as saved. Not measured again: 23 (only a full scan reaches them).',
        S('ports.sameNotAgain', { count: 1, ports: '23' }),
      ),
    );
  });

  it('several saved ports not reached again are listed with commas', () => {
    const r = saved();
    r.ports[ID]!.report!.rows.push(portRow(9000, null, { service: 'unknown' }));
    expect(
      judgePorts(
        r,
        fresh((rows) => rows.filter((x) => x.port === 8443 || x.port === 8000)),
      ),
    ).toEqual(
      ok(
        'The NVR’s 2 open ports are as saved. Not measured again: 23, 9000 (only a full scan reaches them).',
        S('ports.sameNotAgain', { count: 2, ports: '23, 9000' }),
      ),
    );
  });

  it('drift: counts the ports, names each with its label (a service without a role by its name), and what to do', () => {
    const r = saved();
    r.ports[ID]!.report!.rows.push(portRow(9999, null, { service: 'unknown' }));
    expect(
      judgePorts(
        r,
        fresh((rows) => [
          ...rows.map((x) => (x.port === 23 ? { ...x, state: 'closed' as const } : x)),
          portRow(9999, null, { service: 'unknown', state: 'filtered' }),
        ]),
      ),
    ).toEqual({
      state: 'drift',
      text: '2 ports of the NVR changed since it was measured.',
      said: S('ports.changed', { count: 2 }),
      changes: [
        { what: 'TELNET 23', from: 'open', to: 'closed', said: { from: OPEN, to: S('change.state.closed') } },
        {
          what: 'port 9999',
          from: 'open',
          to: 'filtered',
          said: { what: S('change.port', { port: '9999' }), from: OPEN, to: S('change.state.filtered') },
        },
      ],
      todo: TODO_PORTS,
      todoSaid: S('ports.todo'),
      why: null,
    });
  });

  it('a router rule whose port no longer answers is named even when another port drifted too', () => {
    const r = saved();
    r.ports[ID]!.report!.rows = r.ports[ID]!.report!.rows.filter((x) => x.port !== 8000);
    const c = judgePorts(
      r,
      fresh((rows) => [
        ...rows.filter((x) => x.port !== 8000).map((x) => (x.port === 23 ? { ...x, state: 'closed' as const } : x)),
        portRow(8000, 'sdk', { state: 'filtered' }),
      ]),
    );
    expect(c.changes).toEqual([
      { what: 'TELNET 23', from: 'open', to: 'closed', said: { from: OPEN, to: S('change.state.closed') } },
      {
        what: 'Router rule “NVR app” → port 8000',
        from: 'open',
        to: 'filtered',
        said: {
          what: S('change.routerRule', { name: 'NVR app', port: '8000' }),
          from: OPEN,
          to: S('change.state.filtered'),
        },
      },
    ]);
  });

  it('router rules of another device’s plan, or a UDP rule, are not judged against this NVR’s TCP ports', () => {
    const r = saved();
    r.ports[ID]!.report!.rows = r.ports[ID]!.report!.rows.filter((x) => x.port !== 8000);
    const m = fresh((rows) => [...rows.filter((x) => x.port !== 8000), portRow(8000, 'sdk', { state: 'filtered' })]);
    r.rules.plan!.deviceId = 'other';
    expect(judgePorts(r, m).state).toBe('ok');
    r.rules.plan = null;
    expect(judgePorts(r, m).state).toBe('ok');
    const udp = saved();
    udp.ports[ID]!.report!.rows = udp.ports[ID]!.report!.rows.filter((x) => x.port !== 8000);
    udp.rules.plan!.rules = udp.rules.plan!.rules.map((x) => ({ ...x, protocol: 'udp' as const }));
    expect(judgePorts(udp, m).state).toBe('ok');
  });

  it('more changes than a result keeps: 16 at most, all of them counted in the text', () => {
    const many = Array.from({ length: 20 }, (_, i) => portRow(20000 + i, null, { service: 'unknown' }));
    const c = judgePorts(
      saved(),
      fresh((rows) => [...rows, ...many]),
    );
    expect(c.text).toBe('20 ports of the NVR changed since it was measured.');
    expect(c.changes).toHaveLength(16);
    expect(c.said).toEqual(S('ports.changed', { count: 20 }));
    expect(c.changes[15]).toEqual({
      what: 'port 20015',
      from: 'not open',
      to: 'open',
      said: { what: S('change.port', { port: '20015' }), from: S('change.notOpen'), to: OPEN },
    });
  });
});

describe('the router’s UPnP mappings', () => {
  const base = saved().upnp.audit!.mappings[0]!;
  const mapping = (over: Partial<UpnpMapping>): UpnpMapping => ({ ...base, ...over });
  const upnp = (
    r: ReturnType<typeof saved>,
    over: Partial<Extract<VerifyMeasurements['upnp'], { ok: true }>['value']>,
  ) => {
    const m = same(r).upnp as Extract<VerifyMeasurements['upnp'], { ok: true }>;
    return { ok: true as const, value: { ...m.value, ...over } };
  };
  const NOT_LISTED = S('change.notListed');
  const LISTED = S('change.listed');
  const deleted = (gone: boolean, externalPort = 8000) => ({
    protocol: 'TCP' as const,
    externalPort,
    accepted: true,
    gone,
    errorCode: null,
    message: 'm',
  });

  it('nothing saved, a failed read, no gateway now: not checked, each saying why', () => {
    const r = saved();
    expect(judgeUpnpDrift(r, { ok: false, error: 'x' })).toEqual(
      notChecked('The router’s UPnP mappings could not be measured: x', 'unmeasured', S('upnp.failed', { error: 'x' })),
    );
    expect(judgeUpnpDrift(r, upnp(r, { gateway: null }))).toEqual(
      notChecked(
        'This computer has no default gateway now: the router could not be asked.',
        'unmeasured',
        S('upnp.noGateway'),
      ),
    );
    r.upnp.audit!.gateway = null;
    expect(judgeUpnpDrift(r, upnp(r, {}))).toEqual(
      notChecked('No check of the router’s UPnP saved: run “UPnP”, then verify.', 'nothing-saved', S('upnp.notSaved')),
    );
  });

  it('a list the router would not give (a finding among others), or gave only in part: not checked', () => {
    const r = saved();
    const findings = [
      { code: 'upnp-on' as const, severity: 'warning' as const, text: 't', evidence: [] },
      { code: 'igd-unreadable' as const, severity: 'problem' as const, text: 't', evidence: [] },
    ];
    expect(judgeUpnpDrift(r, upnp(r, { findings, listEnd: 'complete' }))).toEqual(
      notChecked('The router’s mapping list could not be read to its end.', 'unmeasured', S('upnp.listUnread')),
    );
    expect(judgeUpnpDrift(r, upnp(r, { listEnd: 'unreadable', listNote: 'error 501' }))).toEqual(
      notChecked(
        'The router’s mapping list could not be read to its end: error 501',
        'unmeasured',
        S('upnp.listUnreadNote', { note: 'error 501' }),
      ),
    );
  });

  it('the same mappings: fine, counted; UPnP still off: fine, saying so', () => {
    const r = saved();
    expect(judgeUpnpDrift(r, upnp(r, {}))).toEqual(
      ok('The router lists 1 mapping, none that was not there when saved.', S('upnp.same', { count: 1 })),
    );
    r.upnp.audit = { ...r.upnp.audit!, igd: null, mappings: [] };
    expect(judgeUpnpDrift(r, upnp(r, { igd: null, mappings: [] }))).toEqual(
      ok('UPnP and NAT-PMP are still off at the router.', S('upnp.stillOff')),
    );
  });

  it('a saved mapping among several still listed is not new; another protocol or another client is', () => {
    const r = saved();
    r.upnp.audit!.mappings = [mapping({ externalPort: 9000 }), base];
    expect(judgeUpnpDrift(r, upnp(r, { mappings: [base] })).state).toBe('ok');
    const c = judgeUpnpDrift(
      r,
      upnp(r, { mappings: [mapping({ protocol: 'UDP' }), mapping({ internalClient: '192.168.1.21' })] }),
    );
    expect(c.changes.map((x) => x.what)).toEqual(['UDP 8000 → 192.168.1.20:8000', 'TCP 8000 → 192.168.1.21:8000']);
  });

  it('new mappings: counted, a camera named by its device (or "a camera"), and the todo for a camera', () => {
    const r = saved();
    r.upnp.audit!.mappings = [];
    const c = judgeUpnpDrift(
      r,
      upnp(r, {
        mappings: [
          mapping({ camera: false, device: null, externalPort: 1 }),
          mapping({ externalPort: 2 }),
          mapping({ device: null, externalPort: 3 }),
        ],
      }),
    );
    expect(c).toEqual({
      state: 'drift',
      text: 'The router lists 3 changes since the UPnP check.',
      said: S('upnp.changed', { count: 3 }),
      changes: [
        { what: 'TCP 1 → 192.168.1.20:8000', from: 'not listed', to: 'listed', said: { from: NOT_LISTED, to: LISTED } },
        {
          what: 'TCP 2 → 192.168.1.20:8000',
          from: 'not listed',
          to: 'listed, opens Büro Überwachung — 監視',
          said: { from: NOT_LISTED, to: S('change.listedOpens', { name: 'Büro Überwachung — 監視' }) },
        },
        {
          what: 'TCP 3 → 192.168.1.20:8000',
          from: 'not listed',
          to: 'listed, opens a camera',
          said: { from: NOT_LISTED, to: S('change.listedOpensCamera') },
        },
      ],
      todo: TODO_UPNP_BACK,
      todoSaid: S('upnp.todoTurnOff'),
      why: null,
    });
  });

  it('a new mapping that opens no camera: the todo says to check each', () => {
    const r = saved();
    r.upnp.audit!.mappings = [];
    const c = judgeUpnpDrift(r, upnp(r, { mappings: [mapping({ camera: false, externalPort: 1 })] }));
    expect(c.text).toBe('The router lists 1 change since the UPnP check.');
    expect(c.todo).toBe(TODO_UPNP_NEW);
  });

  it('two deleted mappings back: counted, "them", named by device or client; a deletion not confirmed is new', () => {
    const r = saved();
    r.upnp.audit!.mappings = [];
    r.upnp.deleted = [deleted(true, 1), deleted(true, 2), deleted(false, 3)];
    const c = judgeUpnpDrift(
      r,
      upnp(r, {
        mappings: [
          mapping({ externalPort: 1 }),
          mapping({ externalPort: 2, device: null }),
          mapping({ externalPort: 3, camera: false }),
        ],
      }),
    );
    expect(c).toEqual({
      state: 'drift',
      text: '2 mappings you deleted came back: a device opens them again through UPnP.',
      said: S('upnp.cameBack', { count: 2 }),
      changes: [
        {
          what: 'TCP 1 → 192.168.1.20:8000',
          from: 'deleted',
          to: 'listed again, opened by Büro Überwachung — 監視',
          said: { from: S('change.deleted'), to: S('change.listedAgain', { who: 'Büro Überwachung — 監視' }) },
        },
        {
          what: 'TCP 2 → 192.168.1.20:8000',
          from: 'deleted',
          to: 'listed again, opened by 192.168.1.20',
          said: { from: S('change.deleted'), to: S('change.listedAgain', { who: '192.168.1.20' }) },
        },
        { what: 'TCP 3 → 192.168.1.20:8000', from: 'not listed', to: 'listed', said: { from: NOT_LISTED, to: LISTED } },
      ],
      todo: TODO_UPNP_BACK,
      todoSaid: S('upnp.todoTurnOff'),
      why: null,
    });
  });

  it('one deleted mapping back says "it"', () => {
    const r = saved();
    r.upnp.audit!.mappings = [];
    r.upnp.deleted = [deleted(true)];
    expect(judgeUpnpDrift(r, upnp(r, { mappings: [base] })).text).toBe(
      '1 mapping you deleted came back: a device opens it again through UPnP.',
    );
  });
});

describe('the public address', () => {
  const pub = (r: ReturnType<typeof saved>, over: Record<string, unknown>) => {
    const m = same(r).public as Extract<VerifyMeasurements['public'], { ok: true }>;
    return { ok: true as const, value: { ...m.value, ...over } } as VerifyMeasurements['public'];
  };
  const verdict = (code: 'cgnat' | 'double-nat' | 'unknown', title: string) => ({
    ...saved().internet.check!.verdict,
    code,
    title,
  });

  it('nothing saved, or a failed measurement: not checked, saying which', () => {
    const r = saved();
    expect(judgePublic(r, { ok: false, error: 'offline' })).toEqual(
      notChecked(
        'The public address could not be measured: offline',
        'unmeasured',
        S('public.failed', { error: 'offline' }),
      ),
    );
    r.internet.check!.publicAddress = null;
    expect(judgePublic(r, pub(r, {}))).toEqual(
      notChecked('No public address saved: run “Internet side”, then verify.', 'nothing-saved', S('public.notSaved')),
    );
  });

  it('no address now: not checked, with STUN’s error, else the checker’s, else "no answer"', () => {
    const r = saved();
    const c = r.internet.check!;
    const none = (stun: string | null, checker: string | null) =>
      judgePublic(
        r,
        pub(r, { publicAddress: null, stun: { ...c.stun, error: stun }, checker: { ...c.checker, error: checker } }),
      );
    expect(none('stun timeout', 'checker down')).toEqual(
      notChecked(
        'The public address could not be read now: stun timeout.',
        'unmeasured',
        S('public.unread', { error: 'stun timeout' }),
      ),
    );
    expect(none(null, 'checker down').text).toBe('The public address could not be read now: checker down.');
    expect(none(null, null).text).toBe('The public address could not be read now: no answer.');
  });

  it('the same address: fine, with the verdict in lower case', () => {
    expect(judgePublic(saved(), pub(saved(), {}))).toEqual(
      ok(
        'The public address is 203.0.113.7, as saved (your router has the public address).',
        S('public.same', {
          address: '203.0.113.7',
          connection: { key: 'verify.said.public.connection.public-on-router' },
        }),
      ),
    );
  });

  it('the same address behind CGNAT now: drift naming the connection, saying forwarding alone cannot reach', () => {
    const title = 'Carrier-grade NAT: your ISP shares the public address';
    expect(judgePublic(saved(), pub(saved(), { verdict: verdict('cgnat', title) }))).toEqual({
      state: 'drift',
      text: `${title}.`,
      said: S('public.now.cgnat'),
      changes: [
        {
          what: 'Internet connection',
          from: 'Your router has the public address',
          to: title,
          said: {
            what: S('change.connection'),
            from: S('public.title.public-on-router'),
            to: S('public.title.cgnat'),
          },
        },
      ],
      todo: `${title}: port forwarding on your router alone cannot reach the NVR now. See “Internet side” (a VPN overlay works).`,
      todoSaid: S('public.todoNat.cgnat'),
      why: null,
    });
    const dn = judgePublic(saved(), pub(saved(), { verdict: verdict('double-nat', 'Double NAT') }));
    expect(dn.todo).toBe(
      'Double NAT: port forwarding on your router alone cannot reach the NVR now. See “Internet side” (a VPN overlay works).',
    );
  });

  it('a new address without a DDNS name: the old one no longer reaches the NVR, use a name', () => {
    const r = saved();
    r.ddns.hosts = [];
    expect(judgePublic(r, pub(r, { publicAddress: '203.0.113.99' }))).toEqual({
      state: 'drift',
      text: 'Your internet provider gave a new public address: 203.0.113.99.',
      said: S('public.moved', { address: '203.0.113.99' }),
      changes: [
        { what: 'Public address', from: '203.0.113.7', to: '203.0.113.99', said: { what: S('change.publicAddress') } },
      ],
      todo: 'Anything that uses the old address (a bookmark, the phone app) no longer reaches the NVR: use a DDNS name (“DDNS”).',
      todoSaid: S('public.todoNoDdns'),
      why: null,
    });
  });

  it('the Internet step’s verdict titles as the Verify group says them: the same words (whole, in lower case, as a sentence)', () => {
    const { t } = createTranslator('en');
    for (const code of PUBLIC_VERDICTS) {
      const title = t(`internet.said.title.${code}`);
      expect(t(`verify.said.public.title.${code}`)).toBe(title);
      expect(t(`verify.said.public.connection.${code}`)).toBe(title.toLowerCase());
      expect(t(`verify.said.public.now.${code}`)).toBe(`${title}.`);
    }
    for (const code of ['cgnat', 'double-nat'] as const)
      expect(t(`verify.said.public.todoNat.${code}`)).toBe(
        `${t(`internet.said.title.${code}`)}: port forwarding on your router alone cannot reach the NVR now. See “Internet side” (a VPN overlay works).`,
      );
  });

  it('a verdict that changed to unknown is drift but not CGNAT advice', () => {
    const c = judgePublic(saved(), pub(saved(), { verdict: verdict('unknown', 'Not known yet') }));
    expect(c.todo).toBe(
      'Your DDNS name must follow it: update it (“DDNS”), or let the router update it. Anything that uses the old address must use the name.',
    );
  });
});

describe('the DDNS name', () => {
  const HOST = 'shop-nvr.duckdns.org';
  const TODO = 'Update the name (“DDNS”), and check that only one client updates it (the router, the NVR or this app).';
  const ddns = (over: Record<string, unknown>) =>
    ({ ok: true, value: { ...saved().ddns.check!, ...over } }) as VerifyMeasurements['ddns'];
  const lookup = (addresses: string[]) => ({
    ...saved().ddns.check!.system,
    addresses: addresses.map((address) => ({ address, ttl: 60 })),
  });

  it('a failed lookup: not checked, naming the host', () => {
    expect(judgeDdnsDrift(saved(), { ok: false, error: 'SERVFAIL' })).toEqual(
      notChecked(
        `Where ${HOST} points could not be measured: SERVFAIL`,
        'unmeasured',
        S('ddns.failed', { host: HOST, error: 'SERVFAIL' }),
      ),
    );
  });

  it('a name that does not exist, or has no record, is drift with what to do; the verdict when nothing resolves', () => {
    for (const verdict of ['nxdomain', 'no-record'] as const)
      expect(
        judgeDdnsDrift(saved(), ddns({ verdict, words: 'Gone.', system: lookup([]), authoritative: lookup([]) })),
      ).toEqual({
        state: 'drift',
        text: 'Gone.',
        changes: [{ what: HOST, from: '203.0.113.7', to: verdict }],
        todo: TODO,
        todoSaid: S('ddns.todo'),
        why: null,
      });
  });

  it('the system resolver’s addresses when the zone’s server gave none; the saved address when none expected', () => {
    const r = saved();
    const c = judgeDdnsDrift(
      r,
      ddns({
        verdict: 'stale',
        expected: null,
        system: lookup(['198.51.100.1', '198.51.100.2']),
        authoritative: lookup([]),
      }),
    );
    expect(c.changes).toEqual([{ what: HOST, from: '203.0.113.7', to: '198.51.100.1, 198.51.100.2' }]);
    r.ddns.hosts[0]!.address = null;
    expect(judgeDdnsDrift(r, ddns({ verdict: 'stale', expected: null })).changes[0]!.from).toBe('the public address');
  });

  it('long words and values are cut to the record’s bounds (text 600, each value 200)', () => {
    const c = judgeDdnsDrift(
      saved(),
      ddns({
        verdict: 'stale',
        words: 'w'.repeat(900),
        expected: '1'.repeat(300),
        authoritative: lookup(Array.from({ length: 30 }, (_, i) => `198.51.100.${i}`)),
      }),
    );
    expect(c.text).toHaveLength(600);
    expect(c.changes[0]!.from).toHaveLength(200);
    expect(c.changes[0]!.to).toHaveLength(200);
    const r = saved();
    r.ddns.hosts[0]!.host = `${'a'.repeat(240)}.example`;
    expect(judgeDdnsDrift(r, ddns({ verdict: 'stale' })).changes[0]!.what).toHaveLength(200);
  });
});

describe('what the outside reaches', () => {
  type Rows = NonNullable<ReturnType<typeof saved>['internet']['proof']>['rows'];
  const proof = (edit: (rows: Rows) => Rows) => {
    const m = same(saved()).proof as Extract<VerifyMeasurements['proof'], { ok: true }>;
    m.value.rows = edit(m.value.rows);
    return m;
  };

  it('nothing proven before, or a failed check: not checked, saying which', () => {
    expect(judgeOutside(saved(), { ok: false, error: 'no checker' })).toEqual(
      notChecked(
        'What the outside reaches could not be measured: no checker',
        'unmeasured',
        S('outside.failed', { error: 'no checker' }),
      ),
    );
    const r = saved();
    r.internet.proof = null;
    expect(
      judgeOutside(
        r,
        proof((x) => x),
      ),
    ).toEqual(
      notChecked(
        'No proof from outside saved: prove it in “Internet side”, then verify.',
        'nothing-saved',
        S('outside.notSaved'),
      ),
    );
  });

  it('no port answered either way: not checked, naming the checker and its verdict', () => {
    const m = proof((x) => x.map((row) => ({ ...row, ok: null })));
    expect(judgeOutside(saved(), m)).toEqual(
      notChecked(
        'The checker https://checker.example/?key=KEY-ab12cd34ef56 gave no answer: Reachable from outside..',
        'unmeasured',
        S('outside.noAnswer', {
          checker: 'https://checker.example/?key=KEY-ab12cd34ef56',
          verdict: 'Reachable from outside.',
        }),
      ),
    );
  });

  it('as proven: counts the ports that answered', () => {
    expect(
      judgeOutside(
        saved(),
        proof((x) => x),
      ),
    ).toEqual(ok('2 ports answered from outside as when proven.', S('outside.same', { count: 2 })));
    expect(
      judgeOutside(
        saved(),
        proof((x) => [x[0]!, { ...x[1]!, ok: null }]),
      ),
    ).toEqual(ok('1 port answered from outside as when proven.', S('outside.same', { count: 1 })));
  });

  it('a port that failed when proven and is fine now is no drift and not "still as before"', () => {
    const r = saved();
    r.internet.proof!.rows[0] = { ...r.internet.proof!.rows[0]!, ok: false, verdict: 'closed' };
    expect(
      judgeOutside(
        r,
        proof((x) => x),
      ),
    ).toEqual(ok('2 ports answered from outside as when proven.', S('outside.same', { count: 2 })));
  });

  it('a new port failing (not tested before) is drift from "not tested", and a worse port is not "still"', () => {
    const c = judgeOutside(
      saved(),
      proof((x) => [
        { ...x[0]!, ok: false, verdict: 'closed', text: 'The rule is gone.' },
        x[1]!,
        { ...x[1]!, port: 2323, ok: false, verdict: 'exposed', text: 'Shut it.' },
      ]),
    );
    expect(c).toEqual({
      state: 'drift',
      text: '2 ports no longer as proven from outside.',
      said: S('outside.changed', { count: 2 }),
      changes: [
        {
          what: 'Rule: TCP 8443 HTTPS web page',
          from: 'reachable',
          to: 'closed',
          said: { what: S('change.rule', { protocol: 'TCP', port: '8443', label: 'HTTPS web page' }) },
        },
        {
          what: 'Must stay shut: TCP 2323 Telnet (plain-text login)',
          from: 'not tested',
          to: 'exposed',
          said: {
            what: S('change.mustStayShut', { protocol: 'TCP', port: '2323', label: 'Telnet (plain-text login)' }),
            from: S('change.notTested'),
          },
        },
      ],
      todo: 'The rule is gone.',
      why: null,
    });
  });

  it('one worse beside one still failing: both said; the todo cut to 600', () => {
    const r = saved();
    r.internet.proof!.rows[1] = { ...r.internet.proof!.rows[1]!, ok: false, verdict: 'exposed' };
    const m = proof((x) => [
      { ...x[0]!, ok: false, verdict: 'closed', text: 't'.repeat(900) },
      { ...x[1]!, ok: false, verdict: 'exposed' },
    ]);
    const c = judgeOutside(r, m);
    expect(c.text).toBe(
      '1 port no longer as proven from outside. Still as before: 1 port not as it should be (see “Internet side”).',
    );
    expect(c.said).toEqual(S('outside.changedStillOne', { count: 1, still: 1 }));
    expect(c.todo).toHaveLength(600);
  });
});
