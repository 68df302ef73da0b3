import { inEnglish } from '../../../support/words';
import { describe, expect, it } from 'vitest';
import { createPortsService } from '../../../../src/main/services/ports/ports-service';
import { HttpLimitError, type HttpTransport } from '../../../../src/main/transport/http';
import { ADDRESS, device, fakeRecorder, fault, LOGIN, signal, type FakeOptions } from '../../../support/fake-nvr-ports';

// How the change engine reads the NVR's answer to the change itself, and what it tells the user (issue 17, from
// mutation testing): every answer but a clean one puts the old ports back, and the words say which answer it was.

type HttpReply = Awaited<ReturnType<HttpTransport['request']>>;
type Answer = (url: URL, o: Parameters<HttpTransport['request']>[1], inner: HttpTransport) => Promise<HttpReply>;

/** A fake NVR whose answer to the first SetNetworkProtocols (the change, not the put-back) is `answer`. */
function nvrAnswering(answer: Answer, opts: FakeOptions = {}) {
  const recorder = fakeRecorder(opts);
  let first = true;
  const http: HttpTransport = {
    request(url, o) {
      const action = /action="[^"]*\/(\w+)"/.exec(o.headers?.['content-type'] ?? '')?.[1];
      if (action === 'SetNetworkProtocols' && first) {
        first = false;
        return answer(url, o, recorder.deps.http);
      }
      return recorder.deps.http.request(url, o);
    },
  };
  return { ...recorder, service: createPortsService({ ...recorder.deps, http }) };
}

const apply = (nvr: ReturnType<typeof nvrAnswering>, changes: Array<{ role: 'http' | 'https' | 'rtsp'; to: number }>) =>
  nvr.service.apply(device(), changes, { credentials: LOGIN, signal: signal() }).then((r) => r.result);

const soap = (body: string, status = 200): HttpReply => ({ status, headers: {}, body: Buffer.from(body) });

describe('the NVR’s answer to the change', () => {
  it('a fault that is not "port in use": put back, and said as the NVR refusing with an error', async () => {
    const nvr = nvrAnswering(async () => soap(fault('ter:InvalidArgVal'), 400));
    const result = await apply(nvr, [{ role: 'rtsp', to: 10554 }]);
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/^The NVR refused the new ports \(it answered with an error\)\. The app put/);
    expect(result.message).toMatch(/Try again, or change the port in the NVR’s web page\.$/);
    expect(nvr.ports.rtsp).toBe(554);
  });

  it('a "port in use" fault: put back, and the user is told to pick another number', async () => {
    const nvr = nvrAnswering(async () => soap(fault('ter:PortAlreadyInUse'), 400));
    const result = await apply(nvr, [{ role: 'rtsp', to: 10554 }]);
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/^The NVR refused: 10554 is already used by another service on the device\. /);
    expect(result.message).toMatch(/Pick another port number\.$/);
  });

  it('two ports in use are named together ("are")', async () => {
    const nvr = nvrAnswering(async () => soap(fault('ter:PortAlreadyInUse'), 400));
    const result = await apply(nvr, [
      { role: 'rtsp', to: 10554 },
      { role: 'https', to: 18443 },
    ]);
    expect(result.message).toMatch(/^The NVR refused: 10554, 18443 are already used by another service/);
  });

  it('an answer that is not SOAP: put back, and said as not accepted', async () => {
    const nvr = nvrAnswering(async () => soap('<html>error</html>'));
    const result = await apply(nvr, [{ role: 'rtsp', to: 10554 }]);
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/^The NVR did not accept the change\. The app put the previous/);
  });

  it('an answer too large to be ONVIF: put back, "did not accept"', async () => {
    const nvr = nvrAnswering(async () => {
      throw new HttpLimitError('too-large');
    });
    const result = await apply(nvr, [{ role: 'rtsp', to: 10554 }]);
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(/^The NVR did not accept the change\. The app put the previous/);
  });

  it('a connection dropped by a device that moves at once is not a refusal: the app measures, and it moved', async () => {
    const nvr = nvrAnswering(async (url, o, inner) => {
      await inner.request(url, o); // the device takes the change…
      throw new HttpLimitError('refused'); // …and drops the connection before answering
    });
    const result = await apply(nvr, [{ role: 'http', to: 18080 }]);
    expect(result.outcome).toBe('verified');
    expect(nvr.ports.http).toBe(18080);
  });
});

describe('before anything is sent', () => {
  it('a swap the NVR refuses as "in use" names the services that hold those ports', async () => {
    const nvr = nvrAnswering(async () => soap(fault('ter:PortAlreadyInUse'), 400));
    const report = await nvr.service.audit(device(), { credentials: LOGIN, signal: signal() });
    const { result } = await nvr.service.apply(
      device(),
      [
        { role: 'http', to: 443 },
        { role: 'https', to: 80 },
      ],
      { credentials: LOGIN, signal: signal(), report, confirmWarnings: true },
    );
    expect(result.outcome).toBe('restored');
    expect(result.message).toMatch(
      /^The NVR refused: 443, 80 are already used by another service on the device \(443: Web page \(HTTPS\), 80: Web page \(HTTP\)\)\. /,
    );
  });

  it('a device that will not list its ports cannot be changed: nothing is sent', async () => {
    const nvr = nvrAnswering(async () => soap('never sent'));
    const refusing: HttpTransport = {
      request: (url, o) =>
        /GetNetworkProtocols/.test(o.headers?.['content-type'] ?? '')
          ? Promise.resolve(soap(fault('ter:ActionNotSupported'), 500))
          : nvr.deps.http.request(url, o),
    };
    const service = createPortsService({ ...nvr.deps, http: refusing });
    await expect(
      service.apply(device(), [{ role: 'rtsp', to: 10554 }], { credentials: LOGIN, signal: signal() }),
    ).rejects.toMatchObject({ code: 'PORTS_NOT_SUPPORTED' });
    expect(nvr.sets).toEqual([]);
  });

  it('a service the device has switched off cannot be moved: nothing is sent', async () => {
    const nvr = fakeRecorder();
    const disabled: HttpTransport = {
      request: async (url, o) => {
        const reply = await nvr.deps.http.request(url, o);
        if (!/GetNetworkProtocols/.test(o.headers?.['content-type'] ?? '')) return reply;
        const body = Buffer.from(reply.body)
          .toString()
          .replace(/(<tt:Name>HTTPS<\/tt:Name><tt:Enabled>)true/, '$1false');
        return { ...reply, body: Buffer.from(body) };
      },
    };
    const service = createPortsService({ ...nvr.deps, http: disabled });
    await expect(
      service.apply(device(), [{ role: 'https', to: 18443 }], { credentials: LOGIN, signal: signal() }),
    ).rejects.toMatchObject({ code: 'PORTS_SERVICE_UNAVAILABLE' });
    expect(nvr.sets).toEqual([]);
  });

  it('one role asked twice is one change, the first', async () => {
    const nvr = fakeRecorder();
    const { result } = await nvr.service.apply(
      device(),
      [
        { role: 'rtsp', to: 10554 },
        { role: 'rtsp', to: 20554 },
      ],
      { credentials: LOGIN, signal: signal() },
    );
    expect(result.changes.map((c) => [c.role, c.from, c.to])).toEqual([['rtsp', 554, 10554]]);
    expect(nvr.ports.rtsp).toBe(10554);
  });
});

describe('what a verified change tells the user', () => {
  it('one web port: "the old port is closed and the new one answers", and where to open the NVR now', async () => {
    const progress: Array<[number, number | null, string]> = [];
    const nvr = fakeRecorder();
    const { result } = await nvr.service.apply(device(), [{ role: 'http', to: 18080 }], {
      credentials: LOGIN,
      signal: signal(),
      progress: (done, total, words) => progress.push([done, total, inEnglish(words)]),
    });
    expect(result.message).toBe(
      `Done, and checked: the web page (HTTP) from 80 to 18080. The old port is closed and the new one answers. Open the NVR at http://${ADDRESS}:18080/ from now on.`,
    );
    expect(progress).toEqual([
      [0, 4, 'Reading the current ports (ONVIF)…'],
      [1, 4, 'Changing the ports…'],
      [2, 4, 'Checking the new ports answer (the device may restart its services)…'],
      [4, 4, 'Changed, and checked by measurement.'],
    ]);
  });

  it('two ports: "are closed … answer", and RTSP users are told to update their players', async () => {
    const nvr = fakeRecorder();
    const { result } = await nvr.service.apply(
      device(),
      [
        { role: 'https', to: 18443 },
        { role: 'rtsp', to: 10554 },
      ],
      { credentials: LOGIN, signal: signal() },
    );
    expect(result.message).toBe(
      'Done, and checked: the encrypted web page (HTTPS) from 443 to 18443, the video streams (RTSP) from 554 to 10554. ' +
        `The old ports are closed and the new ones answer. Open the NVR at https://${ADDRESS}:18443/ from now on. ` +
        'Update the port in your players and recorders.',
    );
  });

  it('a request for the ports the device already has changes nothing and sends nothing', async () => {
    const nvr = fakeRecorder();
    const { result } = await nvr.service.apply(device(), [{ role: 'rtsp', to: 554 }], {
      credentials: LOGIN,
      signal: signal(),
    });
    expect(result).toMatchObject({
      outcome: 'verified',
      message: 'Nothing to change: the device already uses those ports.',
      changes: [],
    });
    expect(nvr.sets).toEqual([]);
  });

  it('without an ONVIF address or a login it fails in plain words before anything is read', async () => {
    const nvr = fakeRecorder();
    await expect(
      nvr.service.apply(device({ onvifUrl: null }), [{ role: 'rtsp', to: 10554 }], {
        credentials: LOGIN,
        signal: signal(),
      }),
    ).rejects.toMatchObject({ code: 'PORTS_NOT_SUPPORTED' });
    await expect(
      nvr.service.apply(device(), [{ role: 'rtsp', to: 10554 }], { signal: signal() }),
    ).rejects.toMatchObject({ code: 'PORTS_LOGIN_NEEDED' });
    expect(nvr.calls).toEqual([]);
  });
});
