import { describe, expect, it } from 'vitest';
import { child, escapeXml, parseXml, resolveQName } from '../../../src/main/protocol/xml';

describe('XML reader', () => {
  it('resolves namespaces, attributes, text, CDATA and character references', () => {
    const r = parseXml(
      '<?xml version="1.0"?><a:x xmlns:a="urn:a" xmlns="urn:d" k="1 &amp; 2"><y>t&lt;&#x41;&#66;<![CDATA[<raw>]]></y><!-- c --><a:z/></a:x>',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.root).toMatchObject({ name: 'x', ns: 'urn:a', attrs: { k: '1 & 2' } });
    expect(child(r.root, 'y', 'urn:d')?.text).toBe('t<AB<raw>');
    expect(child(r.root, 'z', 'urn:a')).toBeDefined();
    expect(resolveQName('a:Thing', r.root)).toEqual({ ns: 'urn:a', local: 'Thing' });
  });

  it.each([
    ['XXE', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'],
    ['billion laughs', '<!DOCTYPE l [<!ENTITY a "aa"><!ENTITY b "&a;&a;">]><l>&b;</l>'],
    ['undefined entity', '<x>&nbsp;</x>'],
    ['bare ampersand', '<x>a & b</x>'],
    ['unclosed', '<x><y></x>'],
    ['mismatched', '<x></y>'],
    ['two roots', '<x/><y/>'],
    ['text outside root', 'hello<x/>'],
    ['undeclared prefix', '<p:x/>'],
    ['duplicate attribute', '<x a="1" a="2"/>'],
    ['truncated', '<a:'],
    ['empty', ''],
    ['typographic quotes in declaration', '<?xml version=”1.0”?><x/>'],
    ['NUL reference', '<x>&#0;</x>'],
    ['surrogate reference', '<x>&#xD800;</x>'],
  ])('refuses %s with an error, without throwing', (_label, text) => {
    const r = parseXml(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(3);
  });

  it('bounds size, depth and element count', () => {
    expect(parseXml(`<x>${'a'.repeat(300_000)}</x>`).ok).toBe(false);
    expect(parseXml(`${'<x>'.repeat(100)}${'</x>'.repeat(100)}`).ok).toBe(false);
    expect(parseXml(`<x>${'<y/>'.repeat(6000)}</x>`).ok).toBe(false);
    expect(parseXml(`<x>${'<y/>'.repeat(100)}</x>`).ok).toBe(true);
  });

  it('escapes the five special characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('survives random garbage', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = '<>/="\'&;:!?[]-xmlns abc\n';
    for (let n = 0; n < 500; n++) {
      const s = Array.from(
        { length: Math.floor(rnd() * 200) },
        () => alphabet[Math.floor(rnd() * alphabet.length)],
      ).join('');
      expect(() => parseXml(s)).not.toThrow();
    }
  });
});
