// A small, strict, namespace-aware XML reader for device messages (WS-Discovery, SOAP, UPnP descriptions).
// Hostile input is the normal case: it never throws, refuses DOCTYPE/ENTITY outright (no XXE, no billion
// laughs), works in time and memory linear in the input (namespace scopes shared, not copied; attributes checked
// with a set), and bounds size, depth, elements, attributes, namespace declarations and text (XmlLimits). Error
// messages carry at most a short, sanitised excerpt of the device's bytes. Returns a tree or an error; no I/O.
import { deviceTextBlock, excerpt, hasUnsafeText } from '../../shared/text/device-text';

export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI ('' when none). */
  ns: string;
  /** The prefix as written (for diagnostics only). */
  prefix: string;
  /** Attributes by local name (namespaced attributes also under `{ns}local`); a null-prototype object. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element. */
  text: string;
  /**
   * Prefix → namespace URI in scope at this element (to resolve QNames in text, e.g. WS-Discovery Types). Shared
   * with the parent unless this element declares a namespace; inherited entries come through the prototype chain,
   * so read it by key (`scope[prefix]`), do not enumerate it.
   */
  scope: Readonly<Record<string, string>>;
}

export type XmlResult = { ok: true; root: XmlElement } | { ok: false; error: string };

/**
 * Caps per message. Every one is checked while parsing, so the work done on any input is linear in its size and
 * bounded by these numbers. What real devices send (the corpus in ../shared/fixtures, 45 messages from ONVIF
 * cameras and NVRs, UPnP routers, WS-Discovery and SADP): at most 6 KB, depth 9, 112 elements, 36 attributes on one
 * element (an ONVIF envelope declaring 36 namespaces), 36 namespace declarations in a message, 263 characters of
 * text in one element. Each codec passes its own size, depth and element caps (see the callers); the rest default.
 */
export interface XmlLimits {
  /** Message size in bytes (UTF-8) or UTF-16 units (string input). */
  maxBytes: number;
  maxDepth: number;
  /** Elements in the message. */
  maxNodes: number;
  /** Attributes on one element, namespace declarations included (real: ≤ 36). */
  maxAttributes?: number;
  /** Namespace declarations in the whole message (real: ≤ 36). */
  maxNamespaceDeclarations?: number;
  /** Characters of text directly inside one element (real: ≤ 263; certificates in base64 reach a few KB). */
  maxTextLength?: number;
}

export const DEFAULT_XML_LIMITS: Required<XmlLimits> = {
  maxBytes: 256 * 1024,
  maxDepth: 32,
  maxNodes: 5000,
  maxAttributes: 128,
  maxNamespaceDeclarations: 256,
  maxTextLength: 64 * 1024,
};

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

/**
 * The namespace scope every document starts from. Scopes are null-prototype objects chained by prototype: an element
 * that declares no namespace shares its parent's scope (no copy), one that does gets a new object whose prototype is
 * the parent's. A lookup walks at most `maxDepth` links, and no prefix (`constructor`, `__proto__`) can reach
 * Object.prototype.
 */
function rootScope(): Record<string, string> {
  const scope = Object.create(null) as Record<string, string>;
  scope.xml = XML_NS;
  scope[''] = '';
  return scope;
}

/** The attributes of every element that has none but namespace declarations: one frozen, shared object. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

function emptyRecord(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

function decodeEntities(raw: string): string | null {
  if (!raw.includes('&')) return raw;
  let bad = false;
  const out = raw.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);?/g, (match, body: string) => {
    if (!match.endsWith(';')) {
      bad = true;
      return '';
    }
    switch (body) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
    }
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        bad = true;
        return '';
      }
      return String.fromCodePoint(code);
    }
    bad = true; // an entity we do not define: no DTD, so it cannot be declared
    return '';
  });
  if (bad || /&(?![a-zA-Z#])/.test(raw)) return null; // every reference's '&' is followed by a letter or '#'
  return out;
}

/** A name the device wrote, for an error message: short and free of control characters. */
function shown(name: string): string {
  return excerpt(name, 40);
}

export function parseXml(input: string | Uint8Array, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlResult {
  const caps = { ...DEFAULT_XML_LIMITS, ...limits };
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > caps.maxBytes) return { ok: false, error: `message too large (${size} bytes, at most ${caps.maxBytes})` };
  let text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let nodes = 0;
  let declarations = 0;
  let i = 0;
  const n = text.length;
  const top = (): XmlElement | undefined => stack[stack.length - 1];
  const addText = (el: XmlElement, more: string): boolean => {
    if (el.text.length + more.length > caps.maxTextLength) return false;
    el.text += more;
    return true;
  };

  while (i < n) {
    const lt = text.indexOf('<', i);
    const chunk = lt === -1 ? text.slice(i) : text.slice(i, lt);
    if (chunk.length) {
      const current = top();
      if (!current) {
        if (chunk.trim()) return { ok: false, error: 'text outside the root element' };
      } else {
        const decoded = decodeEntities(chunk);
        if (decoded === null) return { ok: false, error: 'undefined or malformed entity reference' };
        if (!addText(current, decoded)) return { ok: false, error: 'text too long' };
      }
    }
    if (lt === -1) break;
    i = lt;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end === -1) return { ok: false, error: 'unterminated processing instruction' };
      const body = text.slice(i + 2, end);
      if (/^xml\s/i.test(body) && !/^xml(\s+[a-zA-Z]+\s*=\s*("[^"]*"|'[^']*'))*\s*$/.test(body))
        return { ok: false, error: 'malformed XML declaration' };
      i = end + 2;
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return { ok: false, error: 'unterminated comment' };
      i = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end === -1) return { ok: false, error: 'unterminated CDATA' };
      const current = top();
      if (!current) return { ok: false, error: 'CDATA outside the root element' };
      if (!addText(current, text.slice(i + 9, end))) return { ok: false, error: 'text too long' };
      i = end + 3;
      continue;
    }
    if (text.startsWith('<!', i)) return { ok: false, error: 'DOCTYPE and entity declarations are refused' };
    if (text.startsWith('</', i)) {
      const end = text.indexOf('>', i);
      if (end === -1) return { ok: false, error: 'unterminated end tag' };
      const qname = text.slice(i + 2, end).trim();
      const closed = stack.pop();
      if (!closed) return { ok: false, error: `unexpected end tag </${shown(qname)}>` };
      const written = closed.prefix ? `${closed.prefix}:${closed.name}` : closed.name;
      if (qname !== written)
        return { ok: false, error: `mismatched end tag </${shown(qname)}> for <${shown(written)}>` };
      i = end + 1;
      continue;
    }
    // Start tag: scan to the closing '>' outside quotes.
    let j = i + 1;
    let quote = '';
    while (j < n) {
      const c = text[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
      else if (c === '<') return { ok: false, error: 'malformed start tag' };
      j++;
    }
    if (j >= n) return { ok: false, error: 'unterminated start tag' };
    if (++nodes > caps.maxNodes) return { ok: false, error: `too many elements (at most ${caps.maxNodes})` };
    if (stack.length + 1 > caps.maxDepth) return { ok: false, error: `nesting too deep (at most ${caps.maxDepth})` };
    const parent = top();
    if (!parent && root) return { ok: false, error: 'more than one root element' };
    const selfClosing = text[j - 1] === '/';
    const inner = text.slice(i + 1, selfClosing ? j - 1 : j);
    const nameMatch = /^([^\s/>]+)/.exec(inner);
    if (!nameMatch || !NAME.test(nameMatch[1]!)) return { ok: false, error: 'malformed element name' };
    const qname = nameMatch[1]!;
    const rawAttrs: Array<[string, string]> = [];
    const seen = new Set<string>();
    let declaredCount = 0;
    const attrText = inner.slice(qname.length);
    const attrRe = /\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/gy;
    let consumed = 0;
    let m: RegExpExecArray | null;
    while ((m = attrRe.exec(attrText))) {
      const key = m[1]!;
      const raw = m[3] ?? m[4] ?? '';
      // A literal '<' is not allowed in a value; an escaped one (&lt;) is, and decodes to '<'.
      const value = raw.includes('<') ? null : decodeEntities(raw);
      if (value === null || !NAME.test(key)) return { ok: false, error: 'malformed attribute' };
      if (seen.has(key)) return { ok: false, error: 'duplicate attribute' };
      if (seen.size >= caps.maxAttributes)
        return { ok: false, error: `too many attributes on one element (at most ${caps.maxAttributes})` };
      seen.add(key);
      if (key === 'xmlns' || key.startsWith('xmlns:')) {
        declaredCount++;
        if (++declarations > caps.maxNamespaceDeclarations)
          return { ok: false, error: `too many namespace declarations (at most ${caps.maxNamespaceDeclarations})` };
      }
      rawAttrs.push([key, value]);
      consumed = attrRe.lastIndex;
    }
    if (attrText.slice(consumed).trim()) return { ok: false, error: 'malformed attributes' };

    const parentScope = parent?.scope ?? rootScope();
    let scope = parentScope as Record<string, string>;
    if (declaredCount > 0) {
      scope = Object.create(parentScope) as Record<string, string>;
      for (const [k, v] of rawAttrs) {
        if (k === 'xmlns') scope[''] = v;
        else if (k.startsWith('xmlns:')) scope[k.slice(6)] = v;
      }
    }
    const colon = qname.indexOf(':');
    const prefix = colon === -1 ? '' : qname.slice(0, colon);
    const local = colon === -1 ? qname : qname.slice(colon + 1);
    const ns = scope[prefix];
    if (ns === undefined) return { ok: false, error: `undeclared namespace prefix ${shown(prefix)}` };
    const attrs = rawAttrs.length === declaredCount ? NO_ATTRIBUTES : emptyRecord();
    if (attrs !== NO_ATTRIBUTES)
      for (const [k, v] of rawAttrs) {
        if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
        const at = k.indexOf(':');
        if (at !== -1) {
          const p = k.slice(0, at);
          const l = k.slice(at + 1);
          const ans = scope[p];
          if (ans === undefined) return { ok: false, error: `undeclared namespace prefix ${shown(p)}` };
          attrs[`{${ans}}${l}`] = v;
          attrs[l] ??= v;
        } else attrs[k] = v;
      }
    const element: XmlElement = { name: local, ns, prefix, attrs, children: [], text: '', scope };
    if (parent) parent.children.push(element);
    else root = element;
    if (!selfClosing) stack.push(element);
    i = j + 1;
  }
  if (stack.length) return { ok: false, error: `unclosed element <${shown(stack[stack.length - 1]!.name)}>` };
  if (!root) return { ok: false, error: 'no root element' };
  return { ok: true, root };
}

/** The first child with this local name (and namespace, when given). */
export function child(
  el: XmlElement | undefined,
  name: string,
  ns?: string | readonly string[],
): XmlElement | undefined {
  return el?.children.find((c) => c.name === name && nsMatches(c.ns, ns));
}

export function children(el: XmlElement | undefined, name: string, ns?: string | readonly string[]): XmlElement[] {
  return el?.children.filter((c) => c.name === name && nsMatches(c.ns, ns)) ?? [];
}

/** Follows a path of local names from `el`. */
export function path(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el;
  for (const name of names) cur = child(cur, name);
  return cur;
}

/** The element's text, trimmed, with control, bidi and zero-width characters removed (device text is data). */
export function textOf(el: XmlElement | undefined): string {
  const text = el?.text.trim() ?? '';
  return hasUnsafeText(text) ? deviceTextBlock(text).trim() : text;
}

function nsMatches(actual: string, wanted?: string | readonly string[]): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === 'string' ? actual === wanted : wanted.includes(actual);
}

/** Resolves a QName written in text (e.g. "tds:Device") against the element's namespace scope. */
export function resolveQName(qname: string, el: XmlElement): { ns: string | null; local: string } {
  const idx = qname.indexOf(':');
  if (idx === -1) return { ns: el.scope[''] ?? null, local: qname };
  return { ns: el.scope[qname.slice(0, idx)] ?? null, local: qname.slice(idx + 1) };
}

/** Escapes text for element content and attribute values. */
export function escapeXml(value: string): string {
  return value.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}
