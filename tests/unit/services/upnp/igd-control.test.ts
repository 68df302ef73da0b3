// Talking to the router's IGD (src/main/services/upnp/igd-control.ts) through a scripted router (fake-igd.ts): one
// action, the whole mapping list, a deletion. The user's harm if a rule broke: an audit that never ends or hangs on a
// broken router, a list shown as complete when it is not (a camera's open port missed), a refusal shown as
// "nothing mapped", or a crash on a hostile answer.
import { describe, expect, it, vi } from 'vitest';
import type { IgdControl } from '../../../../src/main/protocol/upnp-igd';
import {
  callIgd,
  deleteMapping,
  IGD_CALL_TIMEOUT_MS,
  IGD_LIST_TIMEOUT_MS,
  listMappings,
} from '../../../../src/main/services/upnp/igd-control';
import { MAX_UPNP_MAPPINGS } from '../../../../src/shared/domain/upnp';
import { HttpLimitError } from '../../../../src/main/transport/http';
import { entryReply, fakeHttp, fixture, genericList, listReply, ok, upnpFault, type Entry } from './fake-igd';

const IGD1: IgdControl = {
  serviceType: 'urn:schemas-upnp-org:service:WANIPConnection:1',
  controlUrl: new URL('http://192.168.1.1:5000/ctl/IPConn'),
  igdVersion: 1,
  friendlyName: null,
  manufacturer: null,
  modelName: null,
};
const IGD2: IgdControl = { ...IGD1, serviceType: 'urn:schemas-upnp-org:service:WANIPConnection:2', igdVersion: 2 };
const live = () => new AbortController().signal;
const ports = (l: { mappings: Array<{ protocol: string; externalPort: number }> }) =>
  l.mappings.map((m) => `${m.protocol} ${m.externalPort}`);
const entries = (n: number, from = 1): Entry[] => Array.from({ length: n }, (_, i) => ({ port: from + i }));

describe('one action (callIgd)', () => {
  it('is a POST to the control URL with a length (not chunks), the quoted SOAPAction, and the bounds', async () => {
    const http = fakeHttp(() => ok('AddPortMapping', {}));
    const signal = live();
    await callIgd(http, IGD1, 'AddPortMapping', [['NewPortMappingDescription', 'Caméra']], signal);
    const [req] = http.seen;
    expect(req).toMatchObject({
      url: 'http://192.168.1.1:5000/ctl/IPConn',
      method: 'POST',
      timeoutMs: IGD_CALL_TIMEOUT_MS,
      maxBytes: 128 * 1024,
      action: 'AddPortMapping',
      args: { NewPortMappingDescription: 'Caméra' },
    });
    expect(req!.signal).toBe(signal);
    expect(req!.headers).toEqual({
      'content-type': 'text/xml; charset="utf-8"',
      'content-length': String(Buffer.byteLength(req!.body)),
      soapaction: `"${IGD1.serviceType}#AddPortMapping"`,
    });
    // bytes, not characters: "é" is two
    expect(Number(req!.headers['content-length'])).toBe(req!.body.length + 1);
    expect(IGD_CALL_TIMEOUT_MS).toBeLessThanOrEqual(5000);
  });

  it('a router’s answer is read (the lab router’s external address)', async () => {
    const http = fakeHttp(() => ({ body: fixture('lab-miniupnpd-2.3.1.GetExternalIPAddress.xml') }));
    expect(await callIgd(http, IGD2, 'GetExternalIPAddress')).toEqual({
      kind: 'ok',
      values: { NewExternalIPAddress: '203.0.113.2' },
    });
    expect(http.seen[0]!.args).toEqual({});
  });

  it('a UPnP error on HTTP 500 is that error; a 500 without a readable fault is "HTTP 500", code 0', async () => {
    expect(
      await callIgd(
        fakeHttp(() => upnpFault(606, 'Action not authorized')),
        IGD1,
        'X',
      ),
    ).toEqual({
      kind: 'fault',
      code: 606,
      description: 'Action not authorized',
    });
    expect(
      await callIgd(
        fakeHttp(() => ({ status: 500, body: 'Internal error' })),
        IGD1,
        'X',
      ),
    ).toEqual({
      kind: 'fault',
      code: 0,
      description: 'HTTP 500',
    });
    expect(
      await callIgd(
        fakeHttp(() => ({ status: 404, body: '' })),
        IGD1,
        'X',
      ),
    ).toEqual({
      kind: 'fault',
      code: 0,
      description: 'HTTP 404',
    });
  });

  it('a 200 that is not the action’s reply stays invalid (never read as an answer, nor as a refusal)', async () => {
    const http = fakeHttp(() => ok('GetExternalIPAddress', { NewExternalIPAddress: '1.2.3.4' }));
    expect(await callIgd(http, IGD1, 'GetGenericPortMappingEntry')).toEqual({
      kind: 'invalid',
      error: 'not a GetGenericPortMappingEntry reply',
    });
  });

  it('a router that does not answer, times out or sends too much is "unreachable" with the reason; nothing throws', async () => {
    expect(
      await callIgd(
        fakeHttp(() => new HttpLimitError('timeout')),
        IGD1,
        'X',
      ),
    ).toEqual({
      kind: 'unreachable',
      error: 'timeout',
    });
    expect(
      await callIgd(
        fakeHttp(() => new HttpLimitError('too-large')),
        IGD1,
        'X',
      ),
    ).toEqual({
      kind: 'unreachable',
      error: 'too-large',
    });
    expect(
      await callIgd(
        fakeHttp(() => new Error('ECONNRESET')),
        IGD1,
        'X',
      ),
    ).toEqual({
      kind: 'unreachable',
      error: 'unreachable',
    });
  });
});

describe('the whole list, entry by entry (IGD:1)', () => {
  it('asks index 0, 1, 2… and ends at error 713: complete, every mapping in order', async () => {
    const http = fakeHttp(genericList([{ port: 8000 }, { port: 554 }, { port: 3074, client: '192.168.1.23' }]));
    const list = await listMappings(http, IGD1, live());
    expect(list).toEqual({
      end: 'complete',
      mappings: [
        expect.objectContaining({ externalPort: 8000, internalClient: '192.168.1.64', description: 'map 8000' }),
        expect.objectContaining({ externalPort: 554 }),
        expect.objectContaining({ externalPort: 3074, internalClient: '192.168.1.23' }),
      ],
    });
    expect(http.seen.map((r) => [r.action, r.args.NewPortMappingIndex])).toEqual([
      ['GetGenericPortMappingEntry', '0'],
      ['GetGenericPortMappingEntry', '1'],
      ['GetGenericPortMappingEntry', '2'],
      ['GetGenericPortMappingEntry', '3'],
    ]);
  });

  it('the lab router’s recorded entry and end are read as one mapping, complete', async () => {
    const http = fakeHttp((req) => ({
      status: req.args.NewPortMappingIndex === '0' ? 200 : 500,
      body: fixture(
        req.args.NewPortMappingIndex === '0'
          ? 'lab-miniupnpd-2.3.1.GetGenericPortMappingEntry-0.xml'
          : 'lab-miniupnpd-2.3.1.Fault-713.xml',
      ),
    }));
    const list = await listMappings(http, IGD1, live());
    expect(list.end).toBe('complete');
    expect(list.mappings).toEqual([
      {
        remoteHost: '',
        externalPort: 8000,
        protocol: 'TCP',
        internalPort: 8000,
        internalClient: '192.168.50.64',
        enabled: true,
        description: 'Hikvision SDK',
        leaseSeconds: 604706,
      },
    ]);
  });

  it('error 714 (which some routers send after the last entry) also ends the list complete', async () => {
    const http = fakeHttp((req) => (req.args.NewPortMappingIndex === '0' ? entryReply({ port: 80 }) : upnpFault(714)));
    expect(await listMappings(http, IGD1, live())).toEqual({ end: 'complete', mappings: [expect.any(Object)] });
  });

  it('an empty list (713 at once) is complete and empty: the "nothing mapped" the user may rely on', async () => {
    const http = fakeHttp(() => upnpFault(713));
    expect(await listMappings(http, IGD1, live())).toEqual({ end: 'complete', mappings: [] });
  });

  it('a router refusing the list (606) ends "refused" with the words of the error, not as an empty list', async () => {
    const http = fakeHttp(genericList([]));
    const refusing = fakeHttp((req) =>
      req.args.NewPortMappingIndex === '1' ? upnpFault(606) : entryReply({ port: 1 }),
    );
    expect((await listMappings(http, IGD1, live())).end).toBe('complete');
    const list = await listMappings(refusing, IGD1, live());
    expect(list.end).toBe('refused');
    expect(list.mappings).toHaveLength(1);
    expect(list.note).toBe(
      'The router refuses this request over UPnP: most routers only let the device that opened a mapping delete it (others only allow it on their own web page). (UPnP error 606, Action not authorized)',
    );
  });

  it('a router that stops answering mid-list ends "unreachable" with the entries read so far and the count', async () => {
    const after = (n: number, err: Error) =>
      fakeHttp((req) =>
        Number(req.args.NewPortMappingIndex) < n
          ? entryReply({ port: 100 + Number(req.args.NewPortMappingIndex) })
          : err,
      );
    const two = await listMappings(after(2, new HttpLimitError('timeout')), IGD1, live());
    expect(two).toEqual({
      end: 'unreachable',
      mappings: [expect.objectContaining({ externalPort: 100 }), expect.objectContaining({ externalPort: 101 })],
      note: 'the router stopped answering after 2 entries (timeout)',
      noteSaid: { key: 'upnp.listNoteSaid.stopped', params: { count: 2, error: 'timeout' } },
    });
    const one = await listMappings(after(1, new Error('reset')), IGD1, live());
    expect(one.note).toBe('the router stopped answering after 1 entry (unreachable)');
    const none = await listMappings(after(0, new Error('reset')), IGD1, live());
    expect([none.end, none.mappings, none.note]).toEqual([
      'unreachable',
      [],
      'the router stopped answering after 0 entries (unreachable)',
    ]);
  });

  it('an answer that is not the entry (garbage, huge, another action’s reply) ends "unreadable", naming the entry', async () => {
    for (const bad of [
      { body: 'garbage' },
      { body: `<s:Envelope xmlns:s="x"><s:Body><A>${'x'.repeat(200_000)}</A></s:Body></s:Envelope>` },
      ok('GetExternalIPAddress', { NewExternalIPAddress: '1.2.3.4' }),
    ]) {
      const http = fakeHttp((req) => (req.args.NewPortMappingIndex === '0' ? entryReply({ port: 1 }) : bad));
      const list = await listMappings(http, IGD1, live());
      expect(list.end).toBe('unreadable');
      expect(list.mappings).toHaveLength(1);
      expect(list.note).toMatch(/^entry 1 could not be read \(.+\)$/);
    }
  });

  it('an entry without a valid port or address is skipped and the list read on', async () => {
    const http = fakeHttp((req) => {
      const i = Number(req.args.NewPortMappingIndex);
      if (i === 0) return ok('GetGenericPortMappingEntry', { NewExternalPort: 0, NewProtocol: 'TCP' });
      return i === 1 ? entryReply({ port: 9 }) : upnpFault(713);
    });
    const list = await listMappings(http, IGD1, live());
    expect([list.end, ports(list)]).toEqual(['complete', ['TCP 9']]);
  });

  it('a router repeating its entries instead of ending ends "unreadable" after a few repeats, each kept once', async () => {
    const http = fakeHttp((req) => entryReply({ port: 1000 + (Number(req.args.NewPortMappingIndex) % 2) }));
    const list = await listMappings(http, IGD1, live());
    expect(list).toEqual({
      end: 'unreadable',
      mappings: [expect.objectContaining({ externalPort: 1000 }), expect.objectContaining({ externalPort: 1001 })],
      note: 'the router repeats the same entries instead of ending its list',
      noteSaid: { key: 'upnp.listNoteSaid.repeats' },
    });
    // 2 new, then 9 repeats: the 9th ends it
    expect(http.seen).toHaveLength(11);
  });

  it('up to 8 repeats are tolerated (a list that changed while read), the list then read to its end', async () => {
    const script = [...entries(2), ...Array.from({ length: 8 }, () => ({ port: 1 })), { port: 3 }];
    const list = await listMappings(fakeHttp(genericList(script)), IGD1, live());
    expect([list.end, ports(list)]).toEqual(['complete', ['TCP 1', 'TCP 2', 'TCP 3']]);
  });

  it('the same port on both protocols, or for two remote hosts, is two mappings, not a repeat', async () => {
    const list = await listMappings(
      fakeHttp(
        genericList([{ port: 5000 }, { port: 5000, protocol: 'UDP' }, { port: 5000, remoteHost: '203.0.113.9' }]),
      ),
      IGD1,
      live(),
    );
    expect(list.mappings.map((m) => `${m.protocol} ${m.externalPort} ${m.remoteHost}`)).toEqual([
      'TCP 5000 ',
      'UDP 5000 ',
      'TCP 5000 203.0.113.9',
    ]);
  });

  it(`a router listing more than ${MAX_UPNP_MAPPINGS} entries stops there: "limit", the first shown`, async () => {
    const http = fakeHttp(genericList(entries(400)));
    const list = await listMappings(http, IGD1, live());
    expect(list.end).toBe('limit');
    expect(list.mappings).toHaveLength(MAX_UPNP_MAPPINGS);
    expect(list.mappings[0]!.externalPort).toBe(1);
    expect(list.note).toBe(`the router listed more than ${MAX_UPNP_MAPPINGS} entries; the first are shown`);
    expect(http.seen).toHaveLength(MAX_UPNP_MAPPINGS);
  });

  it(`exactly ${MAX_UPNP_MAPPINGS} entries then 713 is the limit too (the list may go on)`, async () => {
    const list = await listMappings(fakeHttp(genericList(entries(MAX_UPNP_MAPPINGS))), IGD1, live());
    expect([list.end, list.mappings.length]).toEqual(['limit', MAX_UPNP_MAPPINGS]);
    const under = await listMappings(fakeHttp(genericList(entries(MAX_UPNP_MAPPINGS - 1))), IGD1, live());
    expect([under.end, under.mappings.length]).toEqual(['complete', MAX_UPNP_MAPPINGS - 1]);
  });

  it('a router answering every index with an unusable entry still ends, after a bounded number of requests', async () => {
    const http = fakeHttp(() => ok('GetGenericPortMappingEntry', { NewExternalPort: 'x' }));
    const list = await listMappings(http, IGD1, live());
    expect([list.end, list.mappings]).toEqual(['limit', []]);
    expect(http.seen).toHaveLength(MAX_UPNP_MAPPINGS + 32);
  });

  it('a router answering slowly entry after entry ends at the list’s time bound with what it read', async () => {
    let t = 0;
    const http = fakeHttp((req) => {
      t += 5000;
      return entryReply({ port: 1 + Number(req.args.NewPortMappingIndex) });
    });
    const list = await listMappings(http, IGD1, live(), () => t);
    expect(list.end).toBe('limit');
    expect(list.note).toBe('the router took too long to list its mappings');
    // 0 ms, 5 s, 10 s, 15 s, 20 s asked (20 s is not over the bound); at 25 s it stops
    expect(ports(list)).toEqual(['TCP 1', 'TCP 2', 'TCP 3', 'TCP 4', 'TCP 5']);
    expect(IGD_LIST_TIMEOUT_MS).toBe(20_000);
  });

  it('the time bound holds on the real clock too (a router taking 5 s an entry is cut off after 20 s)', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const http = fakeHttp((req) => {
        vi.advanceTimersByTime(5000);
        return entryReply({ port: 1 + Number(req.args.NewPortMappingIndex) });
      });
      const list = await listMappings(http, IGD1, live());
      expect([list.end, list.note, list.mappings.length]).toEqual([
        'limit',
        'the router took too long to list its mappings',
        5,
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('an error the assistant does not know is still a refusal, with its code', async () => {
    const list = await listMappings(
      fakeHttp(() => upnpFault(799, 'Vendor')),
      IGD1,
      live(),
    );
    expect([list.end, list.note]).toEqual([
      'refused',
      'The router answered with an error the assistant does not know (UPnP error 799).',
    ]);
  });

  it('cancelled before it starts: nothing is asked; cancelled mid-list: the entries read so far, "cancelled"', async () => {
    const ac = new AbortController();
    ac.abort();
    const idle = fakeHttp(genericList(entries(3)));
    expect(await listMappings(idle, IGD1, ac.signal)).toEqual({ end: 'cancelled', mappings: [] });
    expect(idle.seen).toHaveLength(0);
    const mid = new AbortController();
    const http = fakeHttp((req) => {
      if (req.args.NewPortMappingIndex === '2') mid.abort();
      return genericList(entries(10))(req);
    });
    const list = await listMappings(http, IGD1, mid.signal);
    expect([list.end, ports(list)]).toEqual(['cancelled', ['TCP 1', 'TCP 2']]);
    expect(http.seen).toHaveLength(3);
  });
});

describe('the whole list at once (IGD:2 GetListOfPortMappings)', () => {
  it('asks TCP then UDP over every port, and lists both without asking entry by entry', async () => {
    const http = fakeHttp((req) =>
      req.args.NewProtocol === 'TCP'
        ? listReply([{ port: 8000 }, { port: 554 }])
        : listReply([{ port: 37777, protocol: 'UDP' }]),
    );
    const list = await listMappings(http, IGD2, live());
    expect([list.end, ports(list)]).toEqual(['complete', ['TCP 8000', 'TCP 554', 'UDP 37777']]);
    expect(http.seen.map((r) => [r.action, r.args])).toEqual(
      ['TCP', 'UDP'].map((p) => [
        'GetListOfPortMappings',
        {
          NewStartPort: '1',
          NewEndPort: '65535',
          NewProtocol: p,
          NewManage: '1',
          NewNumberOfPorts: String(MAX_UPNP_MAPPINGS),
        },
      ]),
    );
  });

  it('the lab router’s recorded TCP listing and empty UDP listing give its 5 mappings', async () => {
    const http = fakeHttp((req) => ({
      body: fixture(
        req.args.NewProtocol === 'TCP'
          ? 'lab-miniupnpd-2.3.1.GetListOfPortMappings-TCP.xml'
          : 'lab-miniupnpd-2.3.1.GetListOfPortMappings-UDP-empty.xml',
      ),
    }));
    const list = await listMappings(http, IGD2, live());
    expect([list.end, ports(list)]).toEqual(['complete', ['TCP 8000', 'TCP 9000', 'TCP 37777', 'TCP 554', 'TCP 80']]);
  });

  it('"none of this protocol" (730) is an empty part, not a failure', async () => {
    const http = fakeHttp((req) =>
      req.args.NewProtocol === 'TCP' ? upnpFault(730) : listReply([{ port: 53, protocol: 'UDP' }]),
    );
    const list = await listMappings(http, IGD2, live());
    expect([list.end, ports(list)]).toEqual(['complete', ['UDP 53']]);
    expect(http.seen.every((r) => r.action === 'GetListOfPortMappings')).toBe(true);
  });

  it.each([
    ['refuses it (401)', () => upnpFault(401, 'Invalid Action')],
    ['sends an unreadable listing', () => ok('GetListOfPortMappings', { NewPortListing: '<broken' })],
    ['answers without a listing', () => ok('GetListOfPortMappings', {})],
    ['does not answer', () => new HttpLimitError('timeout')],
  ])('an IGD:2 that %s is read entry by entry instead', async (_what, listAnswer) => {
    const generic = genericList([{ port: 8000 }, { port: 554 }]);
    const http = fakeHttp((req) => (req.action === 'GetListOfPortMappings' ? listAnswer() : generic(req)));
    const list = await listMappings(http, IGD2, live());
    expect([list.end, ports(list)]).toEqual(['complete', ['TCP 8000', 'TCP 554']]);
    expect(http.seen[0]!.action).toBe('GetListOfPortMappings');
    expect(http.seen.filter((r) => r.action === 'GetGenericPortMappingEntry')).toHaveLength(3);
  });

  it('a UDP listing that fails after a good TCP one also falls back (the whole list, not half of it)', async () => {
    const generic = genericList([{ port: 8000 }, { port: 53, protocol: 'UDP' }]);
    const http = fakeHttp((req) =>
      req.action === 'GetListOfPortMappings'
        ? req.args.NewProtocol === 'TCP'
          ? listReply([{ port: 8000 }])
          : upnpFault(501)
        : generic(req),
    );
    const list = await listMappings(http, IGD2, live());
    expect([list.end, ports(list)]).toEqual(['complete', ['TCP 8000', 'UDP 53']]);
  });

  it('a listing too long for one reply (over 64 KiB) is read entry by entry instead, not lost', async () => {
    const many = entries(200);
    const generic = genericList(many);
    const http = fakeHttp((req) => (req.action === 'GetListOfPortMappings' ? listReply(many) : generic(req)));
    const list = await listMappings(http, IGD2, live());
    expect([list.end, list.mappings.length]).toEqual(['complete', 200]);
    expect(http.seen[0]!.action).toBe('GetListOfPortMappings');
    expect(Buffer.byteLength(String((listReply(many) as { body: string }).body))).toBeGreaterThan(64 * 1024);
    expect(http.seen.filter((r) => r.action === 'GetGenericPortMappingEntry')).toHaveLength(201);
  });

  it('an IGD:2 device with only a version-1 connection service, or an IGD:1, is never asked for the list', async () => {
    for (const igd of [
      { ...IGD2, serviceType: IGD1.serviceType },
      { ...IGD1, serviceType: IGD2.serviceType },
    ]) {
      const http = fakeHttp(genericList([{ port: 1 }]));
      const list = await listMappings(http, igd, live());
      expect(ports(list)).toEqual(['TCP 1']);
      expect(http.seen.map((r) => r.action)).not.toContain('GetListOfPortMappings');
    }
  });

  it(`more than ${MAX_UPNP_MAPPINGS} listed in all (TCP and UDP) is "limit"; the UDP part reads only what is left`, async () => {
    const http = fakeHttp((req) =>
      req.args.NewProtocol === 'TCP'
        ? listReply(entries(MAX_UPNP_MAPPINGS - 2), { minimal: true })
        : listReply(
            entries(5, 40000).map((e) => ({ ...e, protocol: 'UDP' as const })),
            { minimal: true },
          ),
    );
    const list = await listMappings(http, IGD2, live());
    expect(list.end).toBe('limit');
    expect(list.mappings).toHaveLength(MAX_UPNP_MAPPINGS);
    expect(ports(list).slice(-2)).toEqual(['UDP 40000', 'UDP 40001']);
    const under = await listMappings(
      fakeHttp(() => listReply(entries(3))),
      IGD2,
      live(),
    );
    expect(under.end).toBe('complete');
  });

  it('cancelled while the list is asked: "cancelled", the UDP part never asked', async () => {
    const ac = new AbortController();
    const http = fakeHttp(() => {
      ac.abort();
      return listReply([{ port: 1 }]);
    });
    const list = await listMappings(http, IGD2, ac.signal);
    expect(list.end).toBe('cancelled');
    expect(http.seen).toHaveLength(1);
  });
});

describe('deleting one mapping (deleteMapping)', () => {
  const m = { protocol: 'TCP' as const, externalPort: 8000, remoteHost: '' };

  it('sends DeletePortMapping with the mapping’s remote host, port and protocol; the router’s yes is "accepted"', async () => {
    const http = fakeHttp(() => ok('DeletePortMapping', {}));
    expect(await deleteMapping(http, IGD1, { ...m, remoteHost: '203.0.113.9' }, live())).toEqual({
      accepted: true,
      errorCode: null,
      message: 'The router deleted the mapping.',
      said: { key: 'upnp.deletionSaid.deleted' },
    });
    expect(http.seen.map((r) => [r.action, r.args])).toEqual([
      ['DeletePortMapping', { NewRemoteHost: '203.0.113.9', NewExternalPort: '8000', NewProtocol: 'TCP' }],
    ]);
  });

  it('a refusal (606) is not accepted, with its code and plain words', async () => {
    expect(
      await deleteMapping(
        fakeHttp(() => upnpFault(606)),
        IGD1,
        m,
        live(),
      ),
    ).toEqual({
      accepted: false,
      errorCode: 606,
      message:
        'The router refuses this request over UPnP: most routers only let the device that opened a mapping delete it (others only allow it on their own web page). (UPnP error 606, Action not authorized)',
      said: {
        key: 'upnp.upnpError.known',
        params: { words: { key: 'upnp.upnpError.notAuthorized' }, code: '606', name: 'Action not authorized' },
      },
    });
    expect(
      (
        await deleteMapping(
          fakeHttp(() => upnpFault(714)),
          IGD1,
          m,
          live(),
        )
      ).message,
    ).toMatch(/no such mapping .*UPnP error 714/);
  });

  it('no answer, or an unreadable one, is not accepted and says which', async () => {
    expect(
      await deleteMapping(
        fakeHttp(() => new HttpLimitError('timeout')),
        IGD1,
        m,
        live(),
      ),
    ).toEqual({
      accepted: false,
      errorCode: null,
      message: 'The router did not answer the request (timeout).',
      said: { key: 'upnp.deletionSaid.noAnswer', params: { error: 'timeout' } },
    });
    expect(
      await deleteMapping(
        fakeHttp(() => ({ body: 'junk' })),
        IGD1,
        m,
        live(),
      ),
    ).toEqual({
      accepted: false,
      errorCode: null,
      message: expect.stringMatching(/^The router’s answer could not be read \(.+\)\.$/),
      said: { key: 'upnp.deletionSaid.unreadable', params: { error: expect.any(String) } },
    });
  });
});
