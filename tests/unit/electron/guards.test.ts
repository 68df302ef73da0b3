import { EventEmitter } from 'node:events';
import { describe, it, expect, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { hardenSession, hardenWebContents } from '../../../src/main/electron/guards';

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const devTools = { closed: 0 };
  const contents = Object.assign(emitter, {
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler;
    },
    closeDevTools() {
      devTools.closed++;
    },
  });
  const navigate = (kind: string, url: string) => {
    const event = {
      url,
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    emitter.emit(kind, event, url);
    return event.defaultPrevented;
  };
  return {
    contents: contents as unknown as WebContents,
    navigate,
    open: (url: string) => openHandler!({ url }),
    devTools,
    emit: (event: string) => emitter.emit(event),
  };
}

function harden(devOrigin: string | null = null) {
  const fake = fakeContents();
  const openExternal = vi.fn(async (_url: string) => {});
  hardenWebContents(fake.contents, { devOrigin, openExternal });
  return { ...fake, openExternal };
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: stays within app://nvr-assist', (kind) => {
    const { navigate } = harden();
    expect(navigate(kind, 'app://nvr-assist/index.html#/ports')).toBe(false);
    expect(navigate(kind, 'https://evil.example/')).toBe(true);
    expect(navigate(kind, 'file:///etc/passwd')).toBe(true);
    expect(navigate(kind, 'app://other/index.html')).toBe(true);
    expect(navigate(kind, 'javascript:alert(1)')).toBe(true);
  });

  it('sends a plain link to an allowlisted page to the browser instead of navigating', async () => {
    const { navigate, openExternal } = harden();
    expect(navigate('will-navigate', 'https://tailscale.com/download')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://tailscale.com/download');
    navigate('will-navigate', 'https://evil.example/');
    navigate('will-redirect', 'https://github.com/');
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('closes DevTools at once if anything opens them outside dev, and leaves them alone in dev', () => {
    const prod = harden(null);
    prod.emit('devtools-opened');
    expect(prod.devTools.closed).toBe(1);
    const dev = harden('http://localhost:5173');
    dev.emit('devtools-opened');
    expect(dev.devTools.closed).toBe(0);
  });

  it('allows the dev server only in dev', () => {
    expect(harden('http://localhost:5173').navigate('will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(harden(null).navigate('will-navigate', 'http://localhost:5173/')).toBe(true);
  });

  it('denies every window.open, opening only allowlisted https URLs externally', () => {
    const { open, openExternal } = harden();
    for (const url of [
      'https://tailscale.com/kb',
      'https://evil.example/',
      'app://nvr-assist/index.html',
      'about:blank',
      'http://github.com/',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://tailscale.com/kb']]);
  });

  it('survives openExternal failing', async () => {
    const fake = fakeContents();
    const log = vi.fn();
    hardenWebContents(fake.contents, {
      devOrigin: null,
      openExternal: async () => Promise.reject(new Error('no browser')),
      log,
    });
    expect(fake.open('https://github.com/')).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toHaveBeenCalledWith('openExternal failed');
  });

  it('blocks every <webview>', () => {
    const { contents } = harden();
    const event = { preventDefault: vi.fn() };
    (contents as unknown as EventEmitter).emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

function fakeSession() {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const ses = {
    setPermissionRequestHandler: (h: never) => void (handlers.request = h),
    setPermissionCheckHandler: (h: never) => void (handlers.check = h),
    setDevicePermissionHandler: (h: never) => void (handlers.device = h),
    webRequest: {
      onBeforeRequest: (filter: unknown, h: never) =>
        void ((handlers.beforeRequest = h), (handlers.filter = (() => filter) as never)),
    },
  };
  return { ses: ses as unknown as Session, handlers: handlers as Record<string, (...args: unknown[]) => unknown> };
}

describe('hardenSession', () => {
  it('refuses every permission request and check', () => {
    const { ses, handlers } = fakeSession();
    hardenSession(ses, { devOrigin: null });
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      handlers.request!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check!({}, permission, 'app://nvr-assist', {})).toBe(false);
    }
    expect(handlers.device!({ deviceType: 'usb' })).toBe(false);
  });

  it('lets the page reach only app:// — no network, no files', () => {
    const { ses, handlers } = fakeSession();
    hardenSession(ses, { devOrigin: null });
    expect(handlers.filter!()).toEqual({ urls: ['<all_urls>'] });
    const decide = (url: string) => {
      const callback = vi.fn();
      handlers.beforeRequest!({ url, resourceType: 'xhr' }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('app://nvr-assist/assets/index.js')).toEqual({ cancel: false });
    expect(decide('http://192.168.1.64/')).toEqual({ cancel: true });
    expect(decide('https://tailscale.com/')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
  });
});
