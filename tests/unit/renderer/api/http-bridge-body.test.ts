// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpBridge, type HttpBridgeDeps } from '../../../../src/renderer/api/http-bridge';
import * as client from '../../../../src/renderer/api/client';

// The browser-mode server refuses an empty body (it is never read as "no input"): every call the page makes,
// with or without input, must send a JSON object, `{}` when there is nothing to say.

function recordingFetch(): { fetch: typeof fetch; bodies: Array<{ url: string; body: unknown }> } {
  const bodies: Array<{ url: string; body: unknown }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    bodies.push({ url, body: init.body });
    return new Response(JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'test' } }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, bodies };
}

class NoEventSource {
  addEventListener(): void {}
  removeEventListener(): void {}
  close(): void {}
}

afterEach(() => {
  vi.unstubAllGlobals();
  client.resetClientForTests();
});

describe('browser-mode bodies', () => {
  it('the bridge sends `{}` when a call has no input', async () => {
    const { fetch, bodies } = recordingFetch();
    const bridge = createHttpBridge({
      fetch,
      EventSource: NoEventSource as unknown as HttpBridgeDeps['EventSource'],
    });
    await bridge.invoke('app.info', undefined as never);
    await bridge.invoke('setup.reset', null as never);
    expect(bodies.map((b) => b.body)).toEqual(['{}', '{}']);
  });

  it('every no-input call of the client sends exactly `{}`', async () => {
    const { fetch, bodies } = recordingFetch();
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('EventSource', NoEventSource);
    await client.getAppInfo();
    await client.getNetwork();
    await client.getSetup();
    await client.resetSetup();
    await client.listDiscovery();
    await client.startDiscovery();
    await client.listenDiscovery();
    expect(bodies).toEqual(
      [
        'app.info',
        'network.get',
        'setup.get',
        'setup.reset',
        'discovery.list',
        'discovery.start',
        'discovery.listen',
      ].map((channel) => ({ url: `/api/invoke/${channel}`, body: '{}' })),
    );
  });
});
