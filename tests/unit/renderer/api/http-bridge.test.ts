// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createHttpBridge,
  backendDownMessage,
  notSignedInMessage,
  type HttpBridgeDeps,
} from '../../../../src/renderer/api/http-bridge';
import * as client from '../../../../src/renderer/api/client';
import { fakeReport } from '../fake-api';
import { emptySetupRecord } from '../../../../src/shared/domain/setup';

type Call = { url: string; init: RequestInit };

function fakeFetch(answer: (call: Call) => Response | Promise<Response>): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return answer(call);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** An EventSource double: the test dispatches server messages by name. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly listeners = new Map<string, Set<(e: Event) => void>>();
  closed = false;
  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(name: string, l: (e: Event) => void): void {
    if (!this.listeners.has(name)) this.listeners.set(name, new Set());
    this.listeners.get(name)!.add(l);
  }
  removeEventListener(name: string, l: (e: Event) => void): void {
    this.listeners.get(name)?.delete(l);
  }
  close(): void {
    this.closed = true;
  }
  serverSends(name: string, data: string): void {
    for (const l of this.listeners.get(name) ?? []) l(new MessageEvent(name, { data }));
  }
}

function deps(fetch: typeof globalThis.fetch): HttpBridgeDeps {
  return { fetch, EventSource: FakeEventSource as unknown as HttpBridgeDeps['EventSource'] };
}

afterEach(() => {
  FakeEventSource.instances = [];
  vi.unstubAllGlobals();
  client.resetClientForTests();
});

describe('createHttpBridge().invoke', () => {
  it('POSTs the input as JSON to /api/invoke/<channel> with same-origin credentials and returns the envelope', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { ok: true, data: { cancelled: true } }));
    const bridge = createHttpBridge(deps(fetch));
    const result = await bridge.invoke('job.cancel', { jobId: 'job-abc' });
    expect(result).toEqual({ ok: true, data: { cancelled: true } });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/invoke/job.cancel');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.credentials).toBe('same-origin');
    expect((calls[0]!.init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ jobId: 'job-abc' });
  });

  it("passes the server's own error envelope through, also for HTTP 4xx", async () => {
    const { fetch } = fakeFetch(() =>
      json(401, {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Open the app with the address printed by `npm start`.' },
      }),
    );
    const result = await createHttpBridge(deps(fetch)).invoke('setup.get', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Open the app with the address printed by `npm start`.' },
    });
  });

  it('explains a refused request without an envelope in plain words', async () => {
    const { fetch } = fakeFetch(() => new Response('Forbidden', { status: 403 }));
    const result = await createHttpBridge(deps(fetch)).invoke('setup.get', {});
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: notSignedInMessage() } });
  });

  it('says the background service is not running when the network fails', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const result = await createHttpBridge(deps(fetch)).invoke('network.get', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).toBe(backendDownMessage());
      expect(result.error.message).not.toMatch(/Failed to fetch/);
    }
  });

  it('treats garbage from a 200 answer as an internal error, not as data', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>proxy page</html>', { status: 200 }));
    const result = await createHttpBridge(deps(fetch)).invoke('network.get', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INTERNAL');
  });
});

describe('createHttpBridge().on', () => {
  it('opens one EventSource on /api/events, delivers parsed named events and closes when nobody listens', () => {
    const { fetch } = fakeFetch(() => json(200, {}));
    const bridge = createHttpBridge(deps(fetch));
    const progress: unknown[] = [];
    const changed: unknown[] = [];
    const offProgress = bridge.on('job.onProgress', (p) => progress.push(p));
    const offChanged = bridge.on('setup.onChanged', (p) => changed.push(p));
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe('/api/events');

    source.serverSends(
      'job.onProgress',
      JSON.stringify({ jobId: 'job-1', kind: 'x', done: 1, total: 2, message: 'half' }),
    );
    source.serverSends('job.onProgress', '{not json');
    source.serverSends('setup.onChanged', JSON.stringify({ setup: { approach: 'vpn' } }));
    expect(progress).toEqual([{ jobId: 'job-1', kind: 'x', done: 1, total: 2, message: 'half' }]);
    expect(changed).toEqual([{ setup: { approach: 'vpn' } }]);

    offProgress();
    expect(source.closed).toBe(false);
    offChanged();
    expect(source.closed).toBe(true);
  });
});

describe('api/client.ts in browser mode (no window.api)', () => {
  it('uses the HTTP bridge and validates the output with the contract', async () => {
    delete window.api;
    const report = fakeReport();
    const { fetch, calls } = fakeFetch((call) =>
      call.url === '/api/invoke/network.get'
        ? json(200, { ok: true, data: report })
        : json(200, { ok: true, data: { setup: { schemaVersion: 99 }, notice: null } }),
    );
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('EventSource', FakeEventSource);
    const network = await client.getNetwork();
    expect(network).toEqual({ ok: true, data: report });
    const setup = await client.getSetup();
    expect(setup.ok).toBe(false);
    expect(calls.map((c) => c.url)).toEqual(['/api/invoke/network.get', '/api/invoke/setup.get']);
  });

  it('drops event payloads that do not match the contract', () => {
    delete window.api;
    vi.stubGlobal('fetch', fakeFetch(() => json(200, {})).fetch);
    vi.stubGlobal('EventSource', FakeEventSource);
    const got: unknown[] = [];
    client.onSetupChanged((p) => got.push(p));
    const source = FakeEventSource.instances[0]!;
    source.serverSends('setup.onChanged', JSON.stringify({ setup: { approach: 'vpn' } }));
    expect(got).toEqual([]);
    const valid = { setup: { ...emptySetupRecord('a'), updatedAt: 'b', approach: 'vpn' } };
    source.serverSends('setup.onChanged', JSON.stringify(valid));
    expect(got).toEqual([valid]);
  });

  it('refuses to send input that breaks the contract', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { ok: true, data: {} }));
    vi.stubGlobal('fetch', fetch);
    delete window.api;
    const result = await client.chooseInterface('');
    expect(result).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'The request was not in the expected form.' },
    });
    expect(calls).toHaveLength(0);
  });
});
