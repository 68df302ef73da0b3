import { describe, it, expect, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { EVENT_IPC_CHANNEL, INVOKE_CHANNELS } from '../../../src/shared/ipc/channels';
import { ERROR_MESSAGES } from '../../../src/shared/ipc/errors';
import type { Dispatcher } from '../../../src/main/core/dispatch';
import { createEventHub } from '../../../src/main/core/events';
import {
  forwardEvents,
  handleInvoke,
  registerContract,
  senderInfoFromEvent,
  type EventTarget,
  type IpcMainLike,
} from '../../../src/main/electron/ipc';

const APP_PAGE = 'app://nvr-assist/index.html';
const trusted = { url: APP_PAGE, isMainFrame: true };

function fakeDispatcher(result: unknown = { ok: true, data: { fine: true } }) {
  return vi.fn<Dispatcher>(async () => result as Awaited<ReturnType<Dispatcher>>);
}

describe('handleInvoke', () => {
  it('passes a trusted call to the dispatcher with the electron transport', async () => {
    const dispatch = fakeDispatcher();
    const result = await handleInvoke(dispatch, 'app.info', trusted, {});
    expect(result).toEqual({ ok: true, data: { fine: true } });
    expect(dispatch).toHaveBeenCalledWith('app.info', {}, { transport: 'electron' });
  });

  it.each([
    ['a subframe of our page', { url: APP_PAGE, isMainFrame: false }],
    ['another origin', { url: 'https://evil.example/', isMainFrame: true }],
    ['a file:// page', { url: 'file:///tmp/index.html', isMainFrame: true }],
    ['about:blank', { url: 'about:blank', isMainFrame: true }],
    ['a lookalike host', { url: 'app://nvr-assist.evil/index.html', isMainFrame: true }],
    ['the dev server when not in dev mode', { url: 'http://localhost:5173/', isMainFrame: true }],
    ['a destroyed frame', null],
  ])('refuses %s with FORBIDDEN and never dispatches', async (_why, sender) => {
    const dispatch = fakeDispatcher();
    const log = vi.fn();
    const result = await handleInvoke(dispatch, 'setup.reset', sender, {}, { log });
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('logs only the origin of a refused sender, never its path or query', async () => {
    const log = vi.fn();
    await handleInvoke(
      fakeDispatcher(),
      'app.info',
      { url: 'https://evil.example/p?token=s3cret', isMainFrame: true },
      {},
      { log },
    );
    expect(log.mock.calls[0]?.[0]).toContain('https://evil.example');
    expect(log.mock.calls[0]?.[0]).not.toContain('s3cret');
  });

  it('trusts the dev server origin only when told to', async () => {
    const dispatch = fakeDispatcher();
    const dev = { url: 'http://localhost:5173/', isMainFrame: true };
    expect((await handleInvoke(dispatch, 'app.info', dev, {})).ok).toBe(false);
    expect((await handleInvoke(dispatch, 'app.info', dev, {}, { devOrigin: 'http://localhost:5173' })).ok).toBe(true);
  });

  it('turns a throwing dispatcher into INTERNAL without its text', async () => {
    const dispatch = vi.fn<Dispatcher>(async () => {
      throw new Error('EACCES: /home/alice/.config/nvr-assist/setup.json password=hunter2');
    });
    const result = await handleInvoke(dispatch, 'setup.get', trusted, {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } });
    expect(JSON.stringify(result)).not.toMatch(/EACCES|alice|hunter2/);
  });

  it('hands the dispatcher unknown channels so it answers UNKNOWN_CHANNEL', async () => {
    const dispatch = fakeDispatcher({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'x' } });
    const result = await handleInvoke(dispatch, 'fs.readFile', trusted, {});
    expect(result.ok).toBe(false);
    expect(dispatch).toHaveBeenCalledWith('fs.readFile', {}, { transport: 'electron' });
  });
});

// A fake frame/webContents pair that looks like Electron's to senderInfoFromEvent.
function fakeEvent(url: string, { subframe = false, destroyed = false } = {}) {
  const mainFrame = { url, parent: null };
  const frame = subframe ? { url, parent: mainFrame } : mainFrame;
  return {
    senderFrame: destroyed ? null : frame,
    sender: { mainFrame },
  } as unknown as IpcMainInvokeEvent;
}

describe('senderInfoFromEvent', () => {
  it('reads the sending frame URL and whether it is the main frame', () => {
    expect(senderInfoFromEvent(fakeEvent(APP_PAGE))).toEqual({ url: APP_PAGE, isMainFrame: true });
    expect(senderInfoFromEvent(fakeEvent(APP_PAGE, { subframe: true }))).toEqual({ url: APP_PAGE, isMainFrame: false });
  });

  it('gives null for a frame Electron no longer knows, or one whose accessor throws', () => {
    expect(senderInfoFromEvent(fakeEvent(APP_PAGE, { destroyed: true }))).toBeNull();
    const throwing = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      sender: {},
    } as unknown as IpcMainInvokeEvent;
    expect(senderInfoFromEvent(throwing)).toBeNull();
  });
});

function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const ipc: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  return { ipc, handlers };
}

describe('registerContract', () => {
  it('registers exactly one handler per contract channel, and removes them all', () => {
    const { ipc, handlers } = fakeIpcMain();
    const unregister = registerContract(ipc, fakeDispatcher());
    expect([...handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('dispatches a trusted call with its single argument', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const dispatch = fakeDispatcher();
    registerContract(ipc, dispatch);
    const result = await handlers.get('setup.chooseApproach')!(fakeEvent(APP_PAGE), { approach: 'vpn' });
    expect(result).toEqual({ ok: true, data: { fine: true } });
    expect(dispatch).toHaveBeenCalledWith('setup.chooseApproach', { approach: 'vpn' }, { transport: 'electron' });
  });

  it('refuses subframes, other origins and vanished frames on every channel', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const dispatch = fakeDispatcher();
    registerContract(ipc, dispatch);
    for (const channel of INVOKE_CHANNELS) {
      const handler = handlers.get(channel)!;
      for (const event of [
        fakeEvent(APP_PAGE, { subframe: true }),
        fakeEvent('https://evil.example/'),
        fakeEvent(APP_PAGE, { destroyed: true }),
      ]) {
        expect(await handler(event, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('hands more than one argument to the dispatcher as input no schema accepts', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const dispatch = fakeDispatcher();
    registerContract(ipc, dispatch);
    await handlers.get('app.info')!(fakeEvent(APP_PAGE), {}, 'extra');
    const input = dispatch.mock.calls[0]?.[1];
    expect(typeof input).toBe('symbol');
  });
});

function fakeWindow(url = APP_PAGE) {
  const sent: unknown[][] = [];
  const state = { url, destroyed: false };
  const win: EventTarget = {
    isDestroyed: () => state.destroyed,
    webContents: {
      isDestroyed: () => state.destroyed,
      getURL: () => state.url,
      send: (...args: unknown[]) => void sent.push(args),
    },
  };
  return { win, sent, state };
}

describe('forwardEvents', () => {
  const progress = { jobId: 'job-abc', kind: 'discovery' as const, done: 1, total: 3, message: 'Looking' };

  it('sends (name, payload) on the event channel to our page', () => {
    const hub = createEventHub();
    const { win, sent } = fakeWindow();
    forwardEvents(hub, () => win);
    hub.emit('job.onProgress', progress);
    expect(sent).toEqual([[EVENT_IPC_CHANNEL, 'job.onProgress', progress]]);
  });

  it('sends nothing to a page that is not ours, to a destroyed window, or to no window', () => {
    const hub = createEventHub();
    const other = fakeWindow('https://evil.example/');
    const gone = fakeWindow();
    gone.state.destroyed = true;
    forwardEvents(hub, () => other.win);
    forwardEvents(hub, () => gone.win);
    forwardEvents(hub, () => null);
    hub.emit('job.onProgress', progress);
    expect(other.sent).toEqual([]);
    expect(gone.sent).toEqual([]);
  });

  it('stops after unsubscribe', () => {
    const hub = createEventHub();
    const { win, sent } = fakeWindow();
    const stop = forwardEvents(hub, () => win);
    stop();
    hub.emit('job.onProgress', progress);
    expect(sent).toEqual([]);
  });
});
