// The rules of the app's own XML reader one by one (issue 17: mutation testing found them tested only through
// "refused somehow" and whole messages). Every camera reply, discovery answer and UPnP description goes through it;
// hostile input is the normal case. A rule that breaks either lets a malformed or hostile message through as data,
// refuses a message a real device sends, or refuses for the wrong reason (the error a user reads in the log).
// Each test names what a user would suffer if its rule broke.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_XML_LIMITS,
  child,
  children,
  parseXml,
  resolveQName,
  textOf,
  type XmlElement,
} from '../../../src/main/protocol/xml';

/** The root of a message that must parse. */
function rootOf(text: string | Uint8Array, limits = DEFAULT_XML_LIMITS): XmlElement {
  const r = parseXml(text, limits);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${r.error}`);
  return r.root;
}

/** The element's attributes as plain entries (they live on a null-prototype object). */
const attrsOf = (el: XmlElement) => Object.entries(el.attrs);

describe('character and entity references', () => {
  it('a device cannot pass a reference without its ";" as text: the message is refused', () => {
    for (const text of ['<r>a &amp b</r>', '<r>&lt</r>', '<r>&#65</r>', '<r>&#x41 </r>']) {
      expect(parseXml(text)).toEqual({ ok: false, error: 'undefined or malformed entity reference' });
    }
  });

  it('a made-up entity name that happens to read as a hex number ("&Oxbeef;") is refused, not decoded', () => {
    expect(parseXml('<r>&Oxbeef;</r>')).toEqual({ ok: false, error: 'undefined or malformed entity reference' });
    expect(parseXml('<r>&axe;</r>')).toEqual({ ok: false, error: 'undefined or malformed entity reference' });
    expect(parseXml('<r>&nbsp;</r>')).toEqual({ ok: false, error: 'undefined or malformed entity reference' });
  });

  it('a reference beyond Unicode is refused with an error, not thrown out of the parser', () => {
    for (const text of ['<r>&#x110000;</r>', '<r>&#1114112;</r>', '<r>&#xFFFFFF;</r>']) {
      expect(parseXml(text)).toEqual({ ok: false, error: 'undefined or malformed entity reference' });
    }
  });

  it('the highest code point and the characters just past the surrogates are read, not refused', () => {
    expect(rootOf('<r>&#x10FFFF;</r>').text).toBe('\u{10FFFF}');
    expect(rootOf('<r>&#xE000;&#x1F4F7;&#xD7FF;</r>').text).toBe('\u{E000}\u{1F4F7}\u{D7FF}');
  });

  it('a lone surrogate anywhere in the surrogate range is refused (no broken text reaches the app)', () => {
    for (const text of [
      '<r>&#xD800;</r>',
      '<r>&#xDBFF;</r>',
      '<r>&#xDC00;</r>',
      '<r>&#xDFFF;</r>',
      '<r>&#57343;</r>',
    ]) {
      expect(parseXml(text)).toEqual({ ok: false, error: 'undefined or malformed entity reference' });
    }
  });

  it('a bare "&" right before a reference is still a bare ampersand: refused', () => {
    for (const text of ['<r>a&&lt;b</r>', '<r>&&amp; </r>', '<r>a&&#65;b</r>', '<r>a&&#x41;b</r>', '<r>a&&lt; b</r>']) {
      expect(parseXml(text)).toEqual({ ok: false, error: 'undefined or malformed entity reference' });
    }
  });
});

describe('the XML declaration and processing instructions', () => {
  it('a declaration written with extra spaces, spaces around "=" or single quotes is read (real devices do)', () => {
    expect(rootOf(`<?xml  version = '1.0'\n\tencoding= 'UTF-8'?><r/>`).name).toBe('r');
  });

  it('a declaration with junk after its attributes is refused, even when the junk ends in "xml"', () => {
    expect(parseXml('<?xml version="1.0" junk xml?><r/>')).toEqual({ ok: false, error: 'malformed XML declaration' });
  });

  it('a stylesheet instruction that mentions "xml " is not taken for a malformed declaration', () => {
    expect(rootOf('<?xml-stylesheet href="a.xsl" title="xml view"?><r/>').name).toBe('r');
  });

  it('two instructions back to back are both skipped (the reader does not hang on the second)', () => {
    expect(rootOf('<?xml version="1.0"?><?pi a?><r>x</r>').text).toBe('x');
  });

  it('an instruction that never ends is refused as such', () => {
    expect(parseXml('<r/><?pi x')).toEqual({ ok: false, error: 'unterminated processing instruction' });
  });
});

describe('comments and CDATA', () => {
  it('a comment is not text: what a device writes in one never reaches the element text', () => {
    expect(rootOf('<r>a<!-- hidden -->b<!---->c</r>').text).toBe('abc');
  });

  it('a comment that never ends is refused as such', () => {
    expect(parseXml('<r><!-- x</r>')).toEqual({ ok: false, error: 'unterminated comment' });
  });

  it('two CDATA sections back to back are both read (the reader does not hang on the second)', () => {
    expect(rootOf('<r><![CDATA[a]]><![CDATA[<b>]]></r>').text).toBe('a<b>');
  });

  it('a CDATA section that never ends is refused as such', () => {
    expect(parseXml('<r><![CDATA[x</r>')).toEqual({ ok: false, error: 'unterminated CDATA' });
  });

  it('CDATA before the root element is refused with an error, not thrown out of the parser', () => {
    expect(parseXml('<![CDATA[x]]><r/>')).toEqual({ ok: false, error: 'CDATA outside the root element' });
  });

  it('a DOCTYPE is refused for what it is (the log says why, not "malformed element name")', () => {
    expect(parseXml('<!DOCTYPE r><r/>')).toEqual({ ok: false, error: 'DOCTYPE and entity declarations are refused' });
    expect(parseXml('<r><!ENTITY e "x"></r>')).toEqual({
      ok: false,
      error: 'DOCTYPE and entity declarations are refused',
    });
  });
});

describe('tags', () => {
  it('text after the root element is refused, even a single character', () => {
    expect(parseXml('<r/>x')).toEqual({ ok: false, error: 'text outside the root element' });
    expect(parseXml('<r/>\n  ')).toMatchObject({ ok: true });
  });

  it('an end tag written with spaces before ">" closes its element (real devices do)', () => {
    expect(rootOf('<a:r xmlns:a="urn:a"><c></c\n></a:r >').children).toHaveLength(1);
  });

  it('an end tag that never ends is refused as such', () => {
    expect(parseXml('<r></r')).toEqual({ ok: false, error: 'unterminated end tag' });
  });

  it('an end tag with nothing open is refused with an error, not thrown out of the parser', () => {
    expect(parseXml('</r>')).toEqual({ ok: false, error: 'unexpected end tag </"r">' });
    expect(parseXml('<r/></x>')).toEqual({ ok: false, error: 'unexpected end tag </"x">' });
  });

  it('an element left open is refused, naming the innermost one', () => {
    expect(parseXml('<r><c>')).toEqual({ ok: false, error: 'unclosed element <"c">' });
  });

  it('a start tag that never ends is refused as such', () => {
    expect(parseXml('<r')).toEqual({ ok: false, error: 'unterminated start tag' });
    expect(parseXml('<r a="1>')).toEqual({ ok: false, error: 'unterminated start tag' });
  });

  it('a "<" inside a start tag is refused as a malformed start tag', () => {
    expect(parseXml('<r <c/>')).toEqual({ ok: false, error: 'malformed start tag' });
  });

  it('a ">" inside a quoted attribute value does not end the tag (either quote)', () => {
    expect(attrsOf(rootOf(`<r a="x>y" b='p>q'/>`))).toEqual([
      ['a', 'x>y'],
      ['b', 'p>q'],
    ]);
  });

  it('an element name that is not a name is refused as such', () => {
    for (const text of ['< r/>', '<1r/>', '<r:/>', '<-r/>']) {
      expect(parseXml(text)).toEqual({ ok: false, error: 'malformed element name' });
    }
  });
});

describe('attributes', () => {
  it('an escaped "<" in a value is valid XML and read as "<" (a device sending it is not refused); a literal one is refused', () => {
    expect(attrsOf(rootOf(`<r a="x &lt; y" b='&lt;&gt;'/>`))).toEqual([
      ['a', 'x < y'],
      ['b', '<>'],
    ]);
    const literal = parseXml('<r a="x < y"/>');
    expect(literal.ok ? 'read' : literal.error).toBe('malformed attribute');
  });

  it('attributes separated by several spaces or line breaks, with spaces around "=", are all read', () => {
    expect(attrsOf(rootOf(`<r  a = '12'\n\tb="3"  />`))).toEqual([
      ['a', '12'],
      ['b', '3'],
    ]);
  });

  it('an element without attributes has none (no stray entry)', () => {
    const r = rootOf('<r xmlns="urn:d"><c a="1"/><d/></r>');
    expect(attrsOf(r)).toEqual([]);
    expect(attrsOf(r.children[0]!)).toEqual([['a', '1']]);
    expect(attrsOf(r.children[1]!)).toEqual([]);
  });

  it('junk after the attributes is refused, not ignored', () => {
    expect(parseXml('<r a="1" junk/>')).toEqual({ ok: false, error: 'malformed attributes' });
    expect(parseXml('<r a="1"b="2"/>')).toEqual({ ok: false, error: 'malformed attributes' });
  });

  it('an attribute with a bad name, a bad reference or a raw "<" in its value is refused', () => {
    expect(parseXml('<r 1a="x"/>')).toEqual({ ok: false, error: 'malformed attribute' });
    expect(parseXml('<r a="&bogus;"/>')).toEqual({ ok: false, error: 'malformed attribute' });
    expect(parseXml('<r a="x<y"/>')).toEqual({ ok: false, error: 'malformed attribute' });
  });

  it('namespace declarations are not attributes; a prefixed attribute is read by its namespace and its local name', () => {
    const r = rootOf('<r xmlns="urn:d" xmlns:pp="urn:p" a="1" pp:b="2"/>');
    expect(attrsOf(r)).toEqual([
      ['a', '1'],
      ['{urn:p}b', '2'],
      ['b', '2'],
    ]);
  });

  it('a plain attribute keeps its value beside a namespaced one of the same local name', () => {
    expect(rootOf('<r xmlns:p="urn:p" b="plain" p:b="ns"/>').attrs.b).toBe('plain');
  });
});

describe('namespaces', () => {
  it('an element that only declares a default namespace is in it (ONVIF replies rely on this)', () => {
    const r = rootOf('<Envelope xmlns="urn:env"><Body/></Envelope>');
    expect(r.ns).toBe('urn:env');
    expect(r.children[0]!.ns).toBe('urn:env');
    expect(attrsOf(r)).toEqual([]);
  });

  it('a default namespace declaration counts against the cap on declarations', () => {
    const spread = Array.from({ length: 3 }, (_, k) => `<a xmlns="urn:${k}"/>`).join('');
    expect(parseXml(`<r>${spread}</r>`, { ...DEFAULT_XML_LIMITS, maxNamespaceDeclarations: 2 })).toEqual({
      ok: false,
      error: 'too many namespace declarations (at most 2)',
    });
  });

  it('a QName without a prefix resolves against the default namespace in scope', () => {
    const r = rootOf('<r xmlns="urn:d" xmlns:t="urn:t"><c>x</c></r>');
    expect(resolveQName('Device', r.children[0]!)).toEqual({ ns: 'urn:d', local: 'Device' });
    expect(resolveQName('t:Device', r)).toEqual({ ns: 'urn:t', local: 'Device' });
    expect(resolveQName('Device', rootOf('<r/>'))).toEqual({ ns: '', local: 'Device' });
  });
});

describe('caps: a message exactly at a cap is read, one over it is refused', () => {
  const at = (over: Partial<typeof DEFAULT_XML_LIMITS>) => ({ ...DEFAULT_XML_LIMITS, ...over });

  it('size', () => {
    const text = '<r>abc</r>';
    expect(rootOf(text, at({ maxBytes: text.length })).text).toBe('abc');
    expect(parseXml(text, at({ maxBytes: text.length - 1 }))).toEqual({
      ok: false,
      error: `message too large (${text.length} bytes, at most ${text.length - 1})`,
    });
    const bytes = new TextEncoder().encode('<r>海</r>');
    expect(rootOf(bytes, at({ maxBytes: bytes.byteLength })).text).toBe('海');
  });

  it('text in one element', () => {
    expect(rootOf('<r>abcd</r>', at({ maxTextLength: 4 })).text).toBe('abcd');
    expect(parseXml('<r>abcde</r>', at({ maxTextLength: 4 }))).toEqual({ ok: false, error: 'text too long' });
  });

  it('elements', () => {
    expect(rootOf('<r><a/><b/></r>', at({ maxNodes: 3 })).children).toHaveLength(2);
    expect(parseXml('<r><a/><b/><c/></r>', at({ maxNodes: 3 }))).toEqual({
      ok: false,
      error: 'too many elements (at most 3)',
    });
  });

  it('depth', () => {
    expect(rootOf('<a><b><c/></b></a>', at({ maxDepth: 3 })).name).toBe('a');
    expect(parseXml('<a><b><c><d/></c></b></a>', at({ maxDepth: 3 }))).toEqual({
      ok: false,
      error: 'nesting too deep (at most 3)',
    });
  });

  it('attributes on one element', () => {
    expect(attrsOf(rootOf('<r a="1" b="2"/>', at({ maxAttributes: 2 })))).toHaveLength(2);
    expect(parseXml('<r a="1" b="2" c="3"/>', at({ maxAttributes: 2 }))).toEqual({
      ok: false,
      error: 'too many attributes on one element (at most 2)',
    });
  });

  it('namespace declarations in the message', () => {
    const two = '<r xmlns:a="urn:a"><c xmlns:b="urn:b"/></r>';
    expect(rootOf(two, at({ maxNamespaceDeclarations: 2 })).children[0]!.scope.b).toBe('urn:b');
    expect(
      parseXml('<r xmlns:a="urn:a"><c xmlns:b="urn:b" xmlns:x="urn:x"/></r>', at({ maxNamespaceDeclarations: 2 })),
    ).toEqual({
      ok: false,
      error: 'too many namespace declarations (at most 2)',
    });
  });
});

describe('reading the tree', () => {
  const doc = rootOf(
    '<r xmlns:a="urn:a" xmlns:ab="urn:ab"><x>none</x><a:x>in a</a:x><ab:x>in ab</ab:x><a:y/><ab:y/></r>',
  );

  it('a child is found only in the namespace asked for, never in a longer or an empty one', () => {
    expect(child(doc, 'x')?.text).toBe('none');
    expect(child(doc, 'x', 'urn:a')?.text).toBe('in a');
    expect(child(doc, 'x', 'urn:ab')?.text).toBe('in ab');
    expect(child(doc, 'x', 'urn:other')).toBeUndefined();
    expect(child(doc, 'x', 'urn:a:b')).toBeUndefined();
    expect(child(doc, 'y', 'urn:')).toBeUndefined();
  });

  it('a list of namespaces matches any of them, and only them', () => {
    expect(children(doc, 'x', ['urn:ab', 'urn:other']).map((c) => c.text)).toEqual(['in ab']);
    expect(children(doc, 'y', ['urn:a', 'urn:ab'])).toHaveLength(2);
    expect(children(doc, 'x', [])).toEqual([]);
  });

  it('device text has invisible characters removed and is trimmed again after that', () => {
    expect(textOf(rootOf('<r>&#x200b; Axis &#x202e;</r>'))).toBe('Axis');
  });
});
