// A tiny, safe, namespace-aware XML reader for the simulators.
// No DTDs, no entities beyond the five predefined ones and character references, bounded size/depth/nodes.
// Returns { ok: true, root } or { ok: false, error } and never throws.

export const LIMITS = { maxBytes: 64 * 1024, maxDepth: 48, maxNodes: 4000 };

const PREDEF = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeText(s) {
  if (!s.includes('&')) return s;
  let bad = null;
  const out = s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?/g, (m, ref) => {
    if (!m.endsWith(';')) { bad = m; return ''; }
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(cp) || cp > 0x10ffff) { bad = m; return ''; }
      return String.fromCodePoint(cp);
    }
    if (!(ref in PREDEF)) { bad = m; return ''; }
    return PREDEF[ref];
  });
  if (bad !== null) throw new Error(`unsupported entity ${bad.slice(0, 20)}`);
  return out;
}

export const esc = (v) =>
  String(v ?? '').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);

/** Parse XML text. Rejects DOCTYPE/ENTITY declarations outright. */
export function parseXml(input, limits = LIMITS) {
  try {
    const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
    if (Buffer.byteLength(text) > limits.maxBytes) return { ok: false, error: 'too-large' };
    if (/<!DOCTYPE|<!ENTITY/i.test(text)) return { ok: false, error: 'dtd-forbidden' };
    let i = 0;
    let nodes = 0;
    const stack = [];
    let root = null;
    const nsStack = [{ xml: 'http://www.w3.org/XML/1998/namespace' }];
    while (i < text.length) {
      const lt = text.indexOf('<', i);
      const chunk = lt === -1 ? text.slice(i) : text.slice(i, lt);
      if (chunk.length) {
        if (stack.length) stack[stack.length - 1].textParts.push(decodeText(chunk));
        else if (chunk.trim()) return { ok: false, error: 'text-outside-root' };
      }
      if (lt === -1) break;
      if (text.startsWith('<?', lt)) {
        const end = text.indexOf('?>', lt + 2);
        if (end === -1) return { ok: false, error: 'unterminated-pi' };
        i = end + 2;
        continue;
      }
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end === -1) return { ok: false, error: 'unterminated-comment' };
        i = end + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end === -1) return { ok: false, error: 'unterminated-cdata' };
        if (stack.length) stack[stack.length - 1].textParts.push(text.slice(lt + 9, end));
        i = end + 3;
        continue;
      }
      if (text.startsWith('<!', lt)) return { ok: false, error: 'declaration-forbidden' };
      const gt = findTagEnd(text, lt + 1);
      if (gt === -1) return { ok: false, error: 'unterminated-tag' };
      const raw = text.slice(lt + 1, gt);
      i = gt + 1;
      if (raw.startsWith('/')) {
        const name = raw.slice(1).trim();
        const top = stack.pop();
        nsStack.pop();
        if (!top || top.name !== name) return { ok: false, error: 'tag-mismatch' };
        top.text = top.textParts.join('');
        delete top.textParts;
        if (!stack.length) { root = top; break; }
        continue;
      }
      const selfClose = raw.endsWith('/');
      const body = selfClose ? raw.slice(0, -1) : raw;
      const m = /^([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)/.exec(body);
      if (!m) return { ok: false, error: 'bad-tag' };
      const name = m[1];
      const attrs = {};
      const attrRe = /\s+([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*=\s*("([^"]*)"|'([^']*)')/gy;
      let pos = name.length;
      attrRe.lastIndex = pos;
      let am;
      while ((am = attrRe.exec(body))) {
        if (Object.prototype.hasOwnProperty.call(attrs, am[1])) return { ok: false, error: 'duplicate-attr' };
        attrs[am[1]] = decodeText(am[3] ?? am[4] ?? '');
        pos = attrRe.lastIndex;
      }
      if (body.slice(pos).trim()) return { ok: false, error: 'bad-attr' };
      if (++nodes > limits.maxNodes) return { ok: false, error: 'too-many-nodes' };
      if (stack.length >= limits.maxDepth) return { ok: false, error: 'too-deep' };
      const scope = { ...nsStack[nsStack.length - 1] };
      for (const [k, v] of Object.entries(attrs)) {
        if (k === 'xmlns') scope[''] = v;
        else if (k.startsWith('xmlns:')) scope[k.slice(6)] = v;
      }
      const [prefix, local] = name.includes(':') ? name.split(':') : ['', name];
      const ns = scope[prefix];
      if (prefix && ns === undefined) return { ok: false, error: `unbound-prefix ${prefix}` };
      const node = { name, prefix, local, ns: ns ?? '', attrs, children: [], textParts: [], scope, parent: stack[stack.length - 1] ?? null };
      if (stack.length) stack[stack.length - 1].children.push(node);
      else if (root) return { ok: false, error: 'multiple-roots' };
      if (selfClose) {
        node.text = '';
        delete node.textParts;
        if (!stack.length) { root = node; break; }
      } else {
        stack.push(node);
        nsStack.push(scope);
      }
    }
    if (stack.length || !root) return { ok: false, error: 'unexpected-eof' };
    if (text.slice(i).replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, '').trim()) return { ok: false, error: 'trailing-content' };
    return { ok: true, root };
  } catch (e) {
    return { ok: false, error: String(e?.message ?? e).slice(0, 80) };
  }
}

function findTagEnd(text, from) {
  let q = null;
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (q) { if (c === q) q = null; }
    else if (c === '"' || c === "'") q = c;
    else if (c === '>') return j;
    else if (c === '<') return -1;
  }
  return -1;
}

/** First direct child with this namespace (null = any) and local name. */
export function child(node, ns, local) {
  if (!node) return null;
  return node.children.find((c) => c.local === local && (ns == null || c.ns === ns)) ?? null;
}
export function children(node, ns, local) {
  if (!node) return [];
  return node.children.filter((c) => c.local === local && (ns == null || c.ns === ns));
}
/** First descendant (depth-first) matching. */
export function find(node, ns, local) {
  if (!node) return null;
  for (const c of node.children) {
    if (c.local === local && (ns == null || c.ns === ns)) return c;
    const d = find(c, ns, local);
    if (d) return d;
  }
  return null;
}
export function findAll(node, ns, local, out = []) {
  if (!node) return out;
  for (const c of node.children) {
    if (c.local === local && (ns == null || c.ns === ns)) out.push(c);
    findAll(c, ns, local, out);
  }
  return out;
}
export const text = (node) => (node ? node.text.trim() : '');
/** Resolve a QName like "dn:NetworkVideoTransmitter" in the scope of node. */
export function resolveQName(node, qname) {
  const [p, l] = qname.includes(':') ? qname.split(':', 2) : ['', qname];
  const ns = node.scope[p];
  return ns === undefined ? null : { ns, local: l };
}
