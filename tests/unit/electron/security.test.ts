import path from 'node:path';
import { describe, it, expect } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  EXTERNAL_HOSTS,
  MIME_TYPES,
  devServerOrigin,
  externalUrlToOpen,
  isAllowedExternal,
  isAllowedNavigation,
  isAllowedRendererRequest,
  isTrustedSender,
  mimeTypeFor,
  permissionDecision,
  resolveAppPath,
  responseSecurityHeaders,
  secureWebPreferences,
  windowOpenDecision,
} from '../../../src/main/electron/security';

describe('secureWebPreferences', () => {
  it('is exactly the hardened set, nothing more and nothing less', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toStrictEqual({
      devTools: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('has DevTools off unless under electron-vite dev, and nothing else changes in dev', () => {
    expect(secureWebPreferences('x').devTools).toBe(false);
    expect(secureWebPreferences('x', {}).devTools).toBe(false);
    expect(secureWebPreferences('x', { dev: false }).devTools).toBe(false);
    const dev = secureWebPreferences('x', { dev: true });
    expect(dev.devTools).toBe(true);
    expect({ ...dev, devTools: false }).toStrictEqual(secureWebPreferences('x'));
  });

  it('enables no Blink features and turns on nothing risky', () => {
    const prefs: Record<string, unknown> = secureWebPreferences('x');
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.additionalArguments).toBeUndefined();
    expect(prefs.partition).toBeUndefined();
  });
});

describe('APP_ORIGIN', () => {
  it('is the app:// origin and the entry page is on it', () => {
    expect(APP_ORIGIN).toBe('app://nvr-assist');
    expect(APP_ENTRY_URL).toBe('app://nvr-assist/index.html');
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );

  it.each([
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self' data:"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
    ['frame-src', "'none'"],
  ])('%s is %s', (name, value) => {
    expect(directives.get(name)).toBe(value);
  });

  it('allows no inline code, eval or remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|https?:|\*/);
  });

  it('goes out with every response, with nosniff', () => {
    expect(responseSecurityHeaders()).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    });
  });
});

describe('isAllowedNavigation', () => {
  it.each([
    ['app://nvr-assist/index.html', true],
    ['app://nvr-assist/', true],
    ['app://nvr-assist/index.html#/ports', true],
    ['app://nvr-assist/index.html?step=ports', true],
    ['app://other/index.html', false],
    ['app://nvr-assist.evil.com/index.html', false],
    ['app://user:pw@nvr-assist/index.html', false],
    ['app://nvr-assist:8080/index.html', false],
    ['file:///etc/passwd', false],
    ['https://tailscale.com/', false],
    ['http://localhost:5173/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['about:blank', false],
    ['chrome://gpu', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['', false],
    ['not a url', false],
    [undefined, false],
    [42, false],
    [`app://nvr-assist/${'a'.repeat(5000)}`, false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed);
  });

  it('trusts the dev server origin only when one is given', () => {
    expect(isAllowedNavigation('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAllowedNavigation('http://u:p@localhost:5173/', 'http://localhost:5173')).toBe(false);
  });
});

describe('devServerOrigin', () => {
  it.each([
    ['http://localhost:5173', false, 'http://localhost:5173'],
    ['http://localhost:5173/', false, 'http://localhost:5173'],
    ['http://127.0.0.1:5173/index.html', false, 'http://127.0.0.1:5173'],
    ['http://localhost:5173', true, null],
    [undefined, false, null],
    ['', false, null],
    ['https://localhost:5173', false, null],
    ['http://192.168.1.5:5173', false, null],
    ['http://localhost.evil.com:5173', false, null],
    ['http://user:pw@localhost:5173', false, null],
    ['file:///tmp/index.html', false, null],
  ])('%s (packaged %s) → %s', (url, isPackaged, origin) => {
    expect(devServerOrigin(url, isPackaged)).toBe(origin);
  });
});

describe('isTrustedSender', () => {
  it.each([
    [{ url: 'app://nvr-assist/index.html', isMainFrame: true }, true],
    [{ url: 'app://nvr-assist/index.html#/network', isMainFrame: true }, true],
    [{ url: 'app://nvr-assist/index.html', isMainFrame: false }, false],
    [{ url: 'app://evil/index.html', isMainFrame: true }, false],
    [{ url: 'https://tailscale.com/', isMainFrame: true }, false],
    [{ url: 'file:///app/out/renderer/index.html', isMainFrame: true }, false],
    [{ url: 'about:blank', isMainFrame: true }, false],
    [{ url: '', isMainFrame: true }, false],
    [{ url: 'http://localhost:5173/', isMainFrame: true }, false],
    [null, false],
    [undefined, false],
  ])('%j → %s', (sender, trusted) => {
    expect(isTrustedSender(sender)).toBe(trusted);
  });

  it('requires isMainFrame to be exactly true', () => {
    const sender = { url: APP_ENTRY_URL, isMainFrame: 'yes' } as unknown as { url: string; isMainFrame: boolean };
    expect(isTrustedSender(sender)).toBe(false);
  });

  it('accepts the dev server origin only when given', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/', isMainFrame: true }, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5173/', isMainFrame: false }, 'http://localhost:5173')).toBe(false);
  });
});

describe('isAllowedExternal / externalUrlToOpen', () => {
  it.each([
    ['https://tailscale.com/download', 'https://tailscale.com/download'],
    ['https://tailscale.com', 'https://tailscale.com/'],
    ['https://TAILSCALE.com/kb', 'https://tailscale.com/kb'],
    ['https://www.wireguard.com/install/', 'https://www.wireguard.com/install/'],
    ['https://zerotier.com/download/', 'https://zerotier.com/download/'],
    ['https://www.duckdns.org/', 'https://www.duckdns.org/'],
    ['https://www.noip.com/sign-up', 'https://www.noip.com/sign-up'],
    ['https://github.com/owner/repo/issues?q=a#x', 'https://github.com/owner/repo/issues?q=a#x'],
    ['https://tailscale.com:443/', 'https://tailscale.com/'],
    // WHATWG (and so Chromium) reads a backslash as a slash: this is github.com's /@evil.com/ page.
    ['https://github.com\\@evil.com/', 'https://github.com/@evil.com/'],
  ])('opens %s as %s', (url, opened) => {
    expect(externalUrlToOpen(url)).toBe(opened);
    expect(isAllowedExternal(url)).toBe(true);
  });

  it.each([
    ['http://tailscale.com/', 'plain http'],
    ['ftp://github.com/', 'other scheme'],
    ['file:///etc/passwd', 'file'],
    ['javascript:alert(1)//https://github.com/', 'javascript'],
    ['app://nvr-assist/index.html', 'our own scheme'],
    ['smb://github.com/share', 'smb'],
    ['https://user:pass@github.com/', 'credentials'],
    ['https://github.com@evil.com/', 'userinfo look-alike'],
    ['https://github.com:8443/', 'non-default port'],
    ['https://github.com.evil.com/', 'suffix look-alike'],
    ['https://evilgithub.com/', 'prefix look-alike'],
    ['https://gist.github.com/', 'subdomain not on the list'],
    ['https://github.com./', 'trailing dot'],
    ['https://wireguard.com/', 'apex where www is listed'],
    ['https://xn--gthub-n4a.com/', 'punycode look-alike'],
    ['https://gіthub.com/', 'cyrillic i'],
    ['https://192.0.2.1/', 'IP address'],
    ['//github.com/', 'scheme-relative'],
    ['github.com', 'no scheme'],
    ['', 'empty'],
    [null, 'null'],
    [{ href: 'https://github.com/' }, 'object'],
    [`https://github.com/${'a'.repeat(5000)}`, 'too long'],
  ])('refuses %s (%s)', (url, _why) => {
    expect(externalUrlToOpen(url)).toBeNull();
    expect(isAllowedExternal(url)).toBe(false);
  });

  it('has only plain lower-case host names on the list', () => {
    for (const host of EXTERNAL_HOSTS) expect(host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });
});

describe('windowOpenDecision', () => {
  it('always denies, and opens only allowlisted https URLs externally', () => {
    expect(windowOpenDecision('https://tailscale.com/download')).toEqual({
      action: 'deny',
      openExternal: 'https://tailscale.com/download',
    });
    expect(windowOpenDecision('https://evil.com/')).toEqual({ action: 'deny', openExternal: null });
    expect(windowOpenDecision('app://nvr-assist/index.html')).toEqual({ action: 'deny', openExternal: null });
    expect(windowOpenDecision('about:blank')).toEqual({ action: 'deny', openExternal: null });
  });
});

describe('isAllowedRendererRequest', () => {
  it.each([
    ['app://nvr-assist/assets/index.js', true],
    ['data:image/png;base64,AAAA', true],
    ['blob:app://nvr-assist/6f1c', true],
    ['data:text/html,<b>x</b>', true],
    ['app://nvr-assist/index.html', true],
    ['devtools://devtools/bundled/inspector.html', false],
    ['chrome://gpu', false],
    ['chrome://settings/', false],
    ['chrome-extension://abcdefghijklmnop/x.js', false],
    ['view-source:app://nvr-assist/index.html', false],
    ['javascript:alert(1)', false],
    ['filesystem:app://nvr-assist/temporary/x', false],
    ['about:blank', false],
    ['blob:https://evil.example/6f1c', false],
    ['blob:app://other/6f1c', false],
    ['blob:app://u:p@nvr-assist/6f1c', false],
    ['blob:null/6f1c', false],
    ['blob:http://localhost:5173/6f1c', false],
    ['mailto:a@example.org', false],
    ['smb://server/share', false],
    ['app://nvr-assist:8080/x.js', false],
    ['app://u:p@nvr-assist/x.js', false],
    ['app://other/x.js', false],
    ['https://tailscale.com/', false],
    ['http://192.168.1.64/ISAPI/System/deviceInfo', false],
    ['http://127.0.0.1:8080/', false],
    ['ws://127.0.0.1:5173/', false],
    ['wss://evil.example/', false],
    ['ftp://example.org/', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedRendererRequest(url)).toBe(allowed);
  });

  it('lets the dev server and its HMR socket through in dev only', () => {
    const dev = 'http://localhost:5173';
    expect(isAllowedRendererRequest('http://localhost:5173/src/main.ts', dev)).toBe(true);
    expect(isAllowedRendererRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRendererRequest('https://localhost:5173/', dev)).toBe(false);
    expect(isAllowedRendererRequest('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRendererRequest('http://example.com/', dev)).toBe(false);
    expect(isAllowedRendererRequest('blob:http://localhost:5173/6f1c', dev)).toBe(true);
    expect(isAllowedRendererRequest('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
    expect(isAllowedRendererRequest('chrome://gpu', dev)).toBe(false);
    expect(isAllowedRendererRequest('chrome-extension://abcdefghijklmnop/x.js', dev)).toBe(false);
    expect(isAllowedRendererRequest('view-source:http://localhost:5173/', dev)).toBe(false);
    expect(isAllowedRendererRequest('file:///etc/passwd', dev)).toBe(false);
    expect(isAllowedRendererRequest('wss://localhost:5173/', dev)).toBe(false);
  });

  it('allows every scheme the built renderer uses and no other', () => {
    // The built page: app:// (page, scripts, styles, favicon), data: (images, as the CSP allows) and blob: of
    // our own origin (object URLs). Any other scheme, known or not, is refused.
    for (const scheme of ['ftp', 'gopher', 'ssh', 'intent', 'x-unknown', 'isolated-app', 'chrome-untrusted'])
      expect(isAllowedRendererRequest(`${scheme}://nvr-assist/x`), scheme).toBe(false);
  });
});

describe('permissionDecision', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'hid',
    'serial',
    'usb',
    undefined,
  ])('denies %s', (permission) => {
    expect(permissionDecision(permission)).toBe(false);
  });
});

describe('resolveAppPath', () => {
  const root = '/srv/app/out/renderer';

  it.each([
    ['app://nvr-assist/', 'index.html'],
    ['app://nvr-assist', 'index.html'],
    ['app://nvr-assist/index.html', 'index.html'],
    ['app://nvr-assist/index.html?x=1#/ports', 'index.html'],
    ['app://nvr-assist/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://nvr-assist/assets/', 'assets/index.html'],
    ['app://nvr-assist/assets/font%20name.woff2', 'assets/font name.woff2'],
    ['app://nvr-assist/a/../index.html', 'index.html'],
    ['app://nvr-assist/%2e%2e/index.html', 'index.html'],
  ])('%s → <root>/%s', (url, rel) => {
    expect(resolveAppPath(root, url)).toBe(path.posix.join(root, rel));
  });

  it.each([
    ['app://nvr-assist/..%2f..%2fetc/passwd', 'encoded slash'],
    ['app://nvr-assist/..%2F..%2Fetc/passwd', 'encoded slash, upper case'],
    ['app://nvr-assist/..%5c..%5cwindows', 'encoded backslash'],
    ['app://nvr-assist/index.html%00.png', 'encoded NUL'],
    ['app://nvr-assist/%252e%252e/x', 'double-encoded dots decode to a literal %2e, still inside'],
    ['app://nvr-assist/%E0%A4%A', 'malformed escape'],
    ['app://nvr-assist/C:/Windows/win.ini', 'drive letter'],
    ['app://nvr-assist//etc/passwd', 'empty segment (absolute-looking)'],
    ['app://nvr-assist/a//b.js', 'empty inner segment'],
    ['app://other/index.html', 'other host'],
    ['app://nvr-assist:1234/index.html', 'port'],
    ['app://u:p@nvr-assist/index.html', 'credentials'],
    ['file:///etc/passwd', 'file scheme'],
    ['https://nvr-assist/index.html', 'https scheme'],
    ['not a url', 'garbage'],
    [undefined, 'undefined'],
  ])('%s → null (%s)', (url, why) => {
    const result = resolveAppPath(root, url);
    if (why.startsWith('double-encoded')) {
      // Decoded once only: stays a harmless literal name under the root.
      expect(result).toBe(path.posix.join(root, '%2e%2e', 'x'));
    } else {
      expect(result).toBeNull();
    }
  });

  it('never leaves the root, whatever the input', () => {
    const samples = ['..', '%2e%2e', '.%2e', '%2e.', '..%00', '..\\..', '%2e%2e%5c', '..;', '...', './', '%2f', '%5c'];
    for (const a of samples)
      for (const b of samples) {
        const result = resolveAppPath(root, `app://nvr-assist/${a}/${b}/etc/passwd`);
        if (result !== null) expect(result.startsWith(root + '/')).toBe(true);
      }
  });

  it('applies the same rules with Windows paths', () => {
    const winRoot = 'C:\\Program Files\\NVR\\resources\\renderer';
    expect(resolveAppPath(winRoot, 'app://nvr-assist/', path.win32)).toBe(`${winRoot}\\index.html`);
    expect(resolveAppPath(winRoot, 'app://nvr-assist/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    expect(resolveAppPath(winRoot, 'app://nvr-assist/..%5c..%5cwin.ini', path.win32)).toBeNull();
    expect(resolveAppPath(winRoot, 'app://nvr-assist/D:/x', path.win32)).toBeNull();
    expect(resolveAppPath(winRoot, 'app://nvr-assist/%5c%5cserver%5cshare', path.win32)).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['/r/index.html', 'text/html; charset=utf-8'],
    ['/r/assets/index-1.js', 'text/javascript; charset=utf-8'],
    ['/r/assets/index-1.css', 'text/css; charset=utf-8'],
    ['/r/assets/logo.SVG', 'image/svg+xml'],
    ['/r/assets/x.png', 'image/png'],
    ['/r/assets/f.woff2', 'font/woff2'],
    ['/r/assets/x.json', 'application/json; charset=utf-8'],
    ['/r/assets/unknown.bin', 'application/octet-stream'],
    ['/r/assets.d/noext', 'application/octet-stream'],
    ['C:\\r\\assets.d\\noext', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });

  it('serves scripts with a JavaScript type (module scripts refuse anything else)', () => {
    expect(MIME_TYPES['.js']).toMatch(/^text\/javascript/);
    expect(MIME_TYPES['.mjs']).toMatch(/^text\/javascript/);
  });
});
