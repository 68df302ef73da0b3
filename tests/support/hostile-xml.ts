// Adversarial XML shapes for the hostile suite and `npm run bench -- hostile`: each builds a message of about
// `bytes` characters (ASCII, so characters = bytes) shaped to hurt a parser. Dependency-free, deterministic.

function fill(open: string, unit: string, close: string, bytes: number): string {
  const count = Math.max(1, Math.floor((bytes - open.length - close.length) / unit.length));
  return open + unit.repeat(count) + close;
}

export const XML_SHAPES: Record<string, { what: string; make: (bytes: number) => string }> = {
  'namespace-explosion': {
    what: 'a root declaring thousands of xmlns:pN="" and then thousands of <a/> (every element copied the table)',
    make: (bytes) => {
      const half = Math.floor(bytes / 2);
      let decls = '';
      for (let k = 0; decls.length < half - 16; k++) decls += ` xmlns:p${k}=""`;
      return fill(`<r${decls}>`, '<a/>', '</r>', bytes);
    },
  },
  'attribute-flood': {
    what: 'one element with tens of thousands of distinct attributes (duplicate check was quadratic)',
    make: (bytes) => {
      let attrs = '';
      for (let k = 0; attrs.length < bytes - 16; k++) attrs += ` a${k}=""`;
      return `<r${attrs}/>`;
    },
  },
  'deep-nesting': {
    what: 'elements nested as deep as the size allows',
    make: (bytes) => {
      const count = Math.max(1, Math.floor(bytes / 7));
      return '<a>'.repeat(count) + '</a>'.repeat(count);
    },
  },
  'element-flood': {
    what: 'tens of thousands of sibling elements',
    make: (bytes) => fill('<r>', '<a/>', '</r>', bytes),
  },
  'long-end-tag': {
    what: 'an end tag of the whole size, with control bytes (was copied into the error message)',
    make: (bytes) => fill('<a></', 'x\x1b[2J', '>', bytes),
  },
  'long-text': { what: 'one text node of the whole size', make: (bytes) => fill('<r>', 'x', '</r>', bytes) },
  'entity-flood': {
    what: 'character references back to back',
    make: (bytes) => fill('<r>', '&amp;&#x41;', '</r>', bytes),
  },
  'comment-flood': { what: 'comments back to back', make: (bytes) => fill('<r>', '<!--c-->', '</r>', bytes) },
  'unterminated-start-tag': {
    what: 'a start tag that never closes, full of attributes',
    make: (bytes) => fill('<r', ' a="1"', '', bytes),
  },
  'open-angle-flood': { what: 'nothing but "<"', make: (bytes) => '<'.repeat(bytes) },
  'attribute-no-equals': {
    what: 'a start tag of names without "=" (backtracking in the attribute scanner)',
    make: (bytes) => fill('<r', ' a', '/>', bytes),
  },
  'declaration-backtrack': {
    what: 'an XML declaration of pseudo-attributes that fails at the end',
    make: (bytes) => fill('<?xml', ' a=""', ' !?><r/>', bytes),
  },
  'prefix-like-object-members': {
    what: 'undeclared prefixes named like Object members, repeated',
    make: (bytes) => fill('<r>', '<constructor:a/><__proto__:b/>', '</r>', bytes),
  },
  'control-text': {
    what: 'terminal escapes, bidi overrides and zero-width characters in text',
    make: (bytes) => fill('<r>', '&#x1b;[2J&#x1b;]0;PWNED&#x7;&#x202e;&#x200b;', '</r>', bytes),
  },
};

/** Wraps a body in a SOAP 1.2 envelope (for decoders that look inside one). */
export function soapEnvelope(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>${body}</s:Body></s:Envelope>`;
}
