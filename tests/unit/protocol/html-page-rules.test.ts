// The rules of the web-page reader one by one: the title (entities, bounds), the products named by Server headers,
// and what makes a page a login page (the fields, the words, the title, a redirect), each within its bound. Each test
// names what the user would be told wrongly if the rule broke (an open web UI called protected, or the reverse).
import { describe, expect, it } from 'vitest';
import { classifyServerHeader, fingerprintLoginPage, htmlTitle } from '../../../src/main/protocol/html-page';

describe('the page title (what the device list and the details show)', () => {
  it('decodes hex character references in either case, and drops a NUL reference', () => {
    expect(htmlTitle('<title>&#x41;&#X42;&#67;</title>')).toBe('ABC');
    expect(htmlTitle('<title>a&#0;b</title>')).toBe('ab');
  });

  it('a title over 600 characters, then a `<title` never closed, is no title (and the scan ends)', () => {
    expect(htmlTitle(`<title>${'x'.repeat(700)}</title><title`)).toBeNull();
    expect(htmlTitle(`<title>${'x'.repeat(700)}</title><title>short</title>`)).toBe('short');
  });

  it('a page without a `<title` tag has no title, even with a `</title>` and a `<` at its very end', () => {
    expect(htmlTitle('0123456789>xx</title>zz<')).toBeNull();
  });

  it('a title after the first 64 KiB of the page is not read', () => {
    expect(htmlTitle(`${' '.repeat(64 * 1024)}<title>late</title>`)).toBeNull();
  });
});

describe('Server headers that name a product with its version', () => {
  it.each([
    ['AvigilonOnvifNvt/1.2', 'Avigilon', 'ONVIF NVT 1.2'],
    ['PDR-M4/1.0', 'Merit LILIN', 'PDR M4'],
    ['Linux UPnP/1.1 miniupnpd/2.1', null, 'MiniUPnPd 2.1'],
  ])('"%s": %s, %s', (value, vendor, product) => {
    expect(classifyServerHeader(value)).toMatchObject({ vendor, product });
  });

  it('a plain thttpd, mini_httpd or uhttpd value is its own product, cut to 80 characters (the details line)', () => {
    const value = `thttpd/2.25b ${'x'.repeat(100)}`;
    expect(classifyServerHeader(value)).toEqual({ vendor: null, product: value.slice(0, 80), device: 'web-server' });
    expect(classifyServerHeader('uhttpd')).toEqual({ vendor: null, product: 'uhttpd', device: 'web-server' });
  });

  it('only the first 512 characters of a Server value are read', () => {
    expect(classifyServerHeader(`${' '.repeat(512)}nginx`)).toEqual({ vendor: null, product: null, device: null });
  });
});

describe('login pages (whether the web UI asks for a login)', () => {
  const PASSWORD = '<input type="password">';

  it.each(['Please log in', 'Login', 'Sign in', 'SignIn', 'Anmelden', 'Connexion'])(
    'a password field with the words "%s" on the page is a login form',
    (words) => {
      expect(fingerprintLoginPage(`<p>${words}</p>${PASSWORD}`).loginForm).toBe(true);
    },
  );

  it('the login words may be in the title instead of the page', () => {
    expect(fingerprintLoginPage(PASSWORD, {}, 'Sign in').loginForm).toBe(true);
  });

  it('a page cut inside its password field (no closing `>`) still has that field: a login form', () => {
    expect(fingerprintLoginPage('<p>Login</p><input name="user"><input type="password"').loginForm).toBe(true);
    expect(fingerprintLoginPage('<p>Login</p><input name="user"><input type="text"').loginForm).toBe(false);
  });

  it('a password attribute outside every input tag is no password field', () => {
    expect(fingerprintLoginPage('<p>Login</p><input name="user"> type="password" <input type="text">').loginForm).toBe(
      false,
    );
  });

  it('login words after the first 8 KiB of the page do not count', () => {
    expect(fingerprintLoginPage(`${PASSWORD}${' '.repeat(8192)}log in`).loginForm).toBe(false);
  });

  it('a password field after the first 128 KiB of the page is not seen', () => {
    expect(fingerprintLoginPage(`Login ${' '.repeat(128 * 1024)}<input name="user">${PASSWORD}`).loginForm).toBe(false);
  });

  it('a title with the word "login" makes it a login page; no title, or "login" after 1024 characters, does not', () => {
    expect(fingerprintLoginPage('', {}, 'NVR Login').loginForm).toBe(true);
    expect(fingerprintLoginPage('', {}, null).loginForm).toBe(false);
    expect(fingerprintLoginPage('', {}, `${'x'.repeat(1024)} login`).loginForm).toBe(false);
  });

  it.each([
    ['Network Video Recorder', true],
    ['IPCamera', true],
    ['IP Camera', true],
    ['DVR', true],
    ['Router', false],
  ])('a camera title "%s" with login words on the page is noted: %s', (title, noted) => {
    expect(fingerprintLoginPage('<p>Please log in</p>', {}, title).evidence).toEqual(
      noted ? [`camera login title "${title}"`] : [],
    );
  });

  it('a camera title without login words is not noted', () => {
    expect(fingerprintLoginPage('<p>Live view</p>', {}, 'NVR').evidence).toEqual([]);
  });

  it('a redirect to the Hikvision login page names Hikvision; one past the first 16 KiB of Location does not', () => {
    expect(fingerprintLoginPage('', { location: '/doc/page/login.asp?_1' })).toEqual({
      vendor: 'Hikvision',
      loginForm: false,
      evidence: ['redirect to /doc/page/login.asp'],
    });
    expect(fingerprintLoginPage('', { location: `${'x'.repeat(16 * 1024)}/doc/page/login.asp` }).vendor).toBeNull();
  });
});
