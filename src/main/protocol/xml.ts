// A small, strict, namespace-aware XML reader for device messages (WS-Discovery, SOAP, UPnP descriptions).
// Hostile input is the normal case: it never throws, refuses DOCTYPE/ENTITY outright (no XXE, no billion
// laughs), and bounds size, depth and node count. Returns a tree or an error; does no I/O.

export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI ('' when none). */
  ns: string;
  /** The prefix as written (for diagnostics only). */
  prefix: string;
  /** Attributes by local name (namespaced attributes also under `{ns}local`). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element. */
  text: string;
  /** Prefix → namespace URI in scope at this element (to resolve QNames in text, e.g. WS-Discovery Types). */
  scope: Readonly<Record<string, string>>;
}

export type XmlResult = { ok: true; root: XmlElement } | { ok: false; error: string };

export interface XmlLimits {
  maxBytes: number;
  maxDepth: number;
  maxNodes: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 256 * 1024, maxDepth: 32, maxNodes: 5000 };

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

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
  if (bad || /&(?![a-zA-Z#])/.test(raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, ''))) return null;
  return out;
}

export function parseXml(input: string | Uint8Array, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlResult {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > limits.maxBytes) return { ok: false, error: `message too large (${size} bytes)` };
  let text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let nodes = 0;
  let i = 0;
  const n = text.length;

  while (i < n) {
    const lt = text.indexOf('<', i);
    const chunk = lt === -1 ? text.slice(i) : text.slice(i, lt);
    if (chunk.length) {
      const top = stack[stack.length - 1];
      if (!top) {
        if (chunk.trim()) return { ok: false, error: 'text outside the root element' };
      } else {
        const decoded = decodeEntities(chunk);
        if (decoded === null) return { ok: false, error: 'undefined or malformed entity reference' };
        top.text += decoded;
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
      const top = stack[stack.length - 1];
      if (!top) return { ok: false, error: 'CDATA outside the root element' };
      top.text += text.slice(i + 9, end);
      i = end + 3;
      continue;
    }
    if (text.startsWith('<!', i)) return { ok: false, error: 'DOCTYPE and entity declarations are refused' };
    if (text.startsWith('</', i)) {
      const end = text.indexOf('>', i);
      if (end === -1) return { ok: false, error: 'unterminated end tag' };
      const qname = text.slice(i + 2, end).trim();
      const top = stack.pop();
      if (!top) return { ok: false, error: `unexpected end tag </${qname}>` };
      const written = top.prefix ? `${top.prefix}:${top.name}` : top.name;
      if (qname !== written) return { ok: false, error: `mismatched end tag </${qname}> for <${written}>` };
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
    const selfClosing = text[j - 1] === '/';
    const inner = text.slice(i + 1, selfClosing ? j - 1 : j);
    const nameMatch = /^([^\s/>]+)/.exec(inner);
    if (!nameMatch || !NAME.test(nameMatch[1]!)) return { ok: false, error: 'malformed element name' };
    const qname = nameMatch[1]!;
    const rawAttrs: Array<[string, string]> = [];
    const attrText = inner.slice(qname.length);
    const attrRe = /\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/gy;
    let consumed = 0;
    let m: RegExpExecArray | null;
    attrRe.lastIndex = 0;
    while ((m = attrRe.exec(attrText))) {
      const value = decodeEntities(m[3] ?? m[4] ?? '');
      if (value === null || !NAME.test(m[1]!) || value.includes('<'))
        return { ok: false, error: 'malformed attribute' };
      if (rawAttrs.some(([k]) => k === m![1])) return { ok: false, error: 'duplicate attribute' };
      rawAttrs.push([m[1]!, value]);
      consumed = attrRe.lastIndex;
    }
    if (attrText.slice(consumed).trim()) return { ok: false, error: 'malformed attributes' };

    if (++nodes > limits.maxNodes) return { ok: false, error: 'too many elements' };
    if (stack.length + 1 > limits.maxDepth) return { ok: false, error: 'nesting too deep' };
    const parent = stack[stack.length - 1];
    if (!parent && root) return { ok: false, error: 'more than one root element' };
    const scope: Record<string, string> = { ...(parent?.scope ?? { xml: XML_NS, '': '' }) };
    for (const [k, v] of rawAttrs) {
      if (k === 'xmlns') scope[''] = v;
      else if (k.startsWith('xmlns:')) scope[k.slice(6)] = v;
    }
    const [prefix, local] = qname.includes(':') ? (qname.split(':') as [string, string]) : ['', qname];
    const ns = scope[prefix];
    if (ns === undefined) return { ok: false, error: `undeclared namespace prefix "${prefix}"` };
    const attrs: Record<string, string> = {};
    for (const [k, v] of rawAttrs) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      if (k.includes(':')) {
        const [p, l] = k.split(':') as [string, string];
        const ans = scope[p];
        if (ans === undefined) return { ok: false, error: `undeclared namespace prefix "${p}"` };
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
  if (stack.length) return { ok: false, error: `unclosed element <${stack[stack.length - 1]!.name}>` };
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

export function textOf(el: XmlElement | undefined): string {
  return el?.text.trim() ?? '';
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
