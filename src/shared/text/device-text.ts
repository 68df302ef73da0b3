// Device text is data, never control. Everything a device says (names, maker, model, firmware, headers, page
// titles, error excerpts) passes through these functions before it reaches a terminal, a log, the UI or an export.
// One rule set, linear in the input, no throw:
//   - ANSI escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ST`, two-byte `ESC x`, 8-bit CSI/OSC) go whole;
//   - the remaining C0 controls, DEL and C1 controls go (tab and line breaks become a space, or stay in multi-line text);
//   - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) go: they make a
//     name read differently from what it is;
//   - zero-width characters (U+200B–U+200D, U+2060, U+FEFF) go: they make two names look the same;
//   - unpaired surrogates become U+FFFD.
// Pure: no Node, no DOM.

/* eslint-disable no-control-regex -- finding control characters is this file's job */
/** Whole escape sequences: CSI (7- and 8-bit), OSC/DCS/PM/APC/SOS strings up to BEL or ST, and two-byte escapes. */
const ESCAPES =
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -~]?/g;
/** Controls other than tab and line breaks, DEL, C1; bidi controls; zero-width characters; lone surrogates. */
const INVISIBLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const HAS_LONE_SURROGATE = new RegExp(LONE_SURROGATE.source);
const UNSAFE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;
/* eslint-enable no-control-regex */
/** What JSON.stringify writes raw that a terminal could act on or that hides text. */
const JSON_UNSAFE = /[\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** Whether `value` holds anything the sanitiser would change (besides line breaks and tabs). */
export function hasUnsafeText(value: string): boolean {
  return UNSAFE.test(value) || HAS_LONE_SURROGATE.test(value);
}

function strip(value: string): string {
  return value.replace(ESCAPES, '').replace(INVISIBLE, '').replace(LONE_SURROGATE, '\ufffd');
}

/**
 * Device text for one line (a name, a table cell, a log line): sanitised, whitespace collapsed, trimmed, at most
 * `max` characters (an ellipsis marks a cut).
 */
export function deviceText(value: unknown, max = 200): string {
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
  // Bound the work before the regexes run: nothing longer than this is ever shown.
  const bounded = text.length > max * 4 + 64 ? text.slice(0, max * 4 + 64) : text;
  const clean = strip(bounded).replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, Math.max(0, max - 1));
  // Never end on half of a surrogate pair.
  return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** Device text that may span lines (a multi-line message): sanitised; tabs and line breaks kept, CR dropped. */
export function deviceTextBlock(value: string): string {
  return strip(value.replace(/\r\n?/g, '\n'));
}

/** A short, quoted excerpt of device bytes for an error message: never more than `max` characters of it. */
export function excerpt(value: string, max = 40): string {
  return `"${deviceText(value, max)}"`;
}

/**
 * Every string inside a value (objects, arrays) sanitised as a block; other values kept. Used where data leaves
 * the main process (the dispatcher's outputs and events), so no transport carries control characters a device
 * sent. Objects are copied, never changed in place.
 */
export function sanitizeDeep<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return (hasUnsafeText(value) ? deviceTextBlock(value) : value) as T;
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const next = sanitizeDeep(value[i] as unknown, depth + 1);
      if (next !== value[i]) (copy ??= value.slice())[i] = next;
    }
    return (copy ?? value) as T;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  let copy: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const next = sanitizeDeep(item, depth + 1);
    if (next !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = next;
  }
  return (copy ?? value) as T;
}

/**
 * JSON for a terminal or a file: the same value, with every character a terminal could act on written as a
 * `\uXXXX` escape (JSON.stringify escapes C0 itself but writes C1, bidi and zero-width characters raw).
 */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(
    JSON_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
