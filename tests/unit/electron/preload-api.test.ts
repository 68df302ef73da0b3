import { describe, it, expect, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { EVENT_IPC_CHANNEL, EVENT_NAMES, INVOKE_CHANNELS } from '../../../src/shared/ipc/channels';
import { ERROR_MESSAGES } from '../../../src/shared/ipc/errors';
import type { AppApi } from '../../../src/shared/ipc/api';
import { createPreloadApi, type IpcRendererLike } from '../../../src/preload/api';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer(
  reply: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => ({ ok: true, data: {} }),
) {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn(reply),
    on: vi.fn((channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
    }),
  } satisfies IpcRendererLike;
  // What main's webContents.send(EVENT_IPC_CHANNEL, name, payload) looks like on this side.
  const emit = (name: unknown, payload: unknown) => {
    const ipcEvent = { sender: ipc, senderId: 0, ports: [] };
    for (const l of listeners.get(EVENT_IPC_CHANNEL) ?? []) l(ipcEvent, name, payload);
  };
  const count = () => listeners.get(EVENT_IPC_CHANNEL)?.size ?? 0;
  return { ipc, emit, count };
}

// The page may call with anything; the types are for our own callers.
const loose = (api: AppApi) =>
  api as unknown as { invoke: (c: unknown, i?: unknown) => Promise<unknown>; on: (e: unknown, l: unknown) => unknown };

describe('createPreloadApi', () => {
  it('exposes exactly invoke and on, frozen', () => {
    const api = createPreloadApi(fakeIpcRenderer().ipc);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
  });

  it('forwards every contract channel with exactly one argument and returns the reply', async () => {
    const { ipc } = fakeIpcRenderer(async (channel) => ({ ok: true, data: { channel } }));
    const api = createPreloadApi(ipc);
    for (const channel of INVOKE_CHANNELS) {
      expect(await loose(api).invoke(channel, { some: 'input' })).toEqual({ ok: true, data: { channel } });
      expect(ipc.invoke).toHaveBeenLastCalledWith(channel, { some: 'input' });
      expect(ipc.invoke.mock.lastCall).toHaveLength(2);
    }
  });

  it.each([
    'fs.readFile',
    'contract:event',
    '__proto__',
    'constructor',
    'toString',
    'app.info ',
    'APP.INFO',
    '',
    42,
    null,
    undefined,
    {},
  ])('refuses channel %j without touching IPC', async (channel) => {
    const { ipc } = fakeIpcRenderer();
    const result = await loose(createPreloadApi(ipc)).invoke(channel, {});
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: ERROR_MESSAGES.UNKNOWN_CHANNEL } });
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('turns a rejected invoke into INTERNAL without the error text', async () => {
    const { ipc } = fakeIpcRenderer(async () => {
      throw new Error("Error invoking remote method 'app.info': /home/alice/secret");
    });
    const result = await createPreloadApi(ipc).invoke('app.info', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } });
  });

  it.each([undefined, null, 'ok', { ok: 'yes' }, { ok: false }, { ok: false, error: 'x' }, { ok: true }])(
    'turns a malformed reply %j into INTERNAL',
    async (reply) => {
      const { ipc } = fakeIpcRenderer(async () => reply);
      expect(await createPreloadApi(ipc).invoke('app.info', {})).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL' },
      });
    },
  );

  it('passes a failure reply from main through unchanged', async () => {
    const reply = { ok: false, error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN } };
    const { ipc } = fakeIpcRenderer(async () => reply);
    expect(await createPreloadApi(ipc).invoke('setup.reset', {})).toEqual(reply);
  });
});

describe('createPreloadApi on()', () => {
  const payload = { jobId: 'job-1', kind: 'discovery', done: 1, total: null, message: 'm' };

  it('delivers the payload only, never the IPC event object', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    const listener = vi.fn();
    api.on('job.onProgress', listener);
    emit('job.onProgress', payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payload]);
  });

  it('delivers each event only to its own listeners', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    const progress = vi.fn();
    const done = vi.fn();
    api.on('job.onProgress', progress);
    api.on('job.onDone', done);
    emit('job.onDone', { x: 1 });
    expect(progress).not.toHaveBeenCalled();
    expect(done).toHaveBeenCalledWith({ x: 1 });
  });

  it('ignores event names main should never send', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    const listener = vi.fn();
    api.on('job.onProgress', listener);
    emit('something.else', payload);
    emit(undefined, payload);
    expect(listener).not.toHaveBeenCalled();
  });

  it.each(['fs.watch', 'contract:event', '__proto__', 42, null])('refuses to subscribe to %j', (event) => {
    const { ipc, count } = fakeIpcRenderer();
    const unsubscribe = loose(createPreloadApi(ipc)).on(event, vi.fn());
    expect(typeof unsubscribe).toBe('function');
    expect(count()).toBe(0);
    expect(ipc.on).not.toHaveBeenCalled();
  });

  it('refuses a listener that is not a function', () => {
    const { ipc } = fakeIpcRenderer();
    loose(createPreloadApi(ipc)).on('job.onDone', 'alert(1)');
    expect(ipc.on).not.toHaveBeenCalled();
  });

  it('unsubscribes, idempotently, and detaches from IPC when nobody listens', () => {
    const { ipc, emit, count } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    const a = vi.fn();
    const b = vi.fn();
    const offA = api.on('job.onProgress', a);
    const offB = api.on('setup.onChanged', b);
    expect(count()).toBe(1);
    offA();
    offA();
    emit('job.onProgress', payload);
    expect(a).not.toHaveBeenCalled();
    expect(count()).toBe(1);
    offB();
    expect(count()).toBe(0);
    api.on('job.onDone', vi.fn());
    expect(count()).toBe(1);
  });

  it('subscribes the same function twice as two subscriptions', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    const listener = vi.fn();
    const off1 = api.on('job.onDone', listener);
    api.on('job.onDone', listener);
    off1();
    emit('job.onDone', {});
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering when one listener throws', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const errors: unknown[] = [];
    const api = createPreloadApi(ipc, (e) => errors.push(e));
    const after = vi.fn();
    api.on('job.onDone', () => {
      throw new Error('page bug');
    });
    api.on('job.onDone', after);
    emit('job.onDone', {});
    expect(after).toHaveBeenCalledTimes(1);
    expect(errors).toHaveLength(1);
  });

  it('accepts every contract event name', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    for (const name of EVENT_NAMES) {
      const listener = vi.fn();
      api.on(name, listener);
      emit(name, { n: name });
      expect(listener).toHaveBeenCalledWith({ n: name });
    }
  });
});

describe('preload sources', () => {
  const read = (p: string) => readFileSync(new URL(`../../../src/preload/${p}`, import.meta.url), 'utf8');

  it('expose only the built api under one name, never ipcRenderer', () => {
    const index = read('index.ts');
    expect(index.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(index).toMatch(/exposeInMainWorld\(\s*'api',\s*createPreloadApi\(ipcRenderer/);
    expect(index).not.toMatch(/exposeInMainWorld\([^)]*,\s*ipcRenderer\s*\)/);
  });

  it('import nothing but the channel names and the error catalogue at runtime (no zod)', () => {
    for (const file of ['index.ts', 'api.ts']) {
      const runtimeImports = [...read(file).matchAll(/^import (?!type )[^;]*? from '([^']+)'/gms)].map((m) => m[1]);
      for (const spec of runtimeImports)
        expect(['electron', './api', '../shared/ipc/channels', '../shared/ipc/errors']).toContain(spec);
    }
  });
});
