import { describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveStaticPath } from '../../../src/main/core/static-files';

describe('static file resolution', () => {
  it.each([
    ['/', '/srv/ui/index.html'],
    ['/index.html', '/srv/ui/index.html'],
    ['/assets/app-1.js', '/srv/ui/assets/app-1.js'],
    ['/assets/a%20b.css', '/srv/ui/assets/a b.css'],
    ['/assets/x.js?v=1', '/srv/ui/assets/x.js'],
  ])('%s → %s', (url, file) => expect(resolveStaticPath('/srv/ui', url)).toBe(file));

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/..%2fetc',
    '/a%5cb',
    '/%00',
    '/a\\b',
    'relative',
    '/%E0%A4%A',
  ])('refuses %s', (url) => expect(resolveStaticPath('/srv/ui', url)).toBeNull());

  it('knows the types it serves', () => {
    expect(mimeTypeOf('/a/index.html')).toMatch(/text\/html/);
    expect(mimeTypeOf('/a/x.JS')).toMatch(/javascript/);
    expect(mimeTypeOf('/a/x.bin')).toBe('application/octet-stream');
  });
});
