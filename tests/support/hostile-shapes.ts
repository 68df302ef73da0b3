// Adversarial input shapes for the decoders of src/main/protocol (what a hostile device on the LAN can send us).
// Each shape is a function `(bytes) => string` that returns exactly `bytes` characters of one worst-case pattern,
// so the same shape at 8 KB, 64 KB and 512 KB shows how a decoder's time grows with its input. Dependency-free
// (no fast-check, nothing of src/) so the hostile property tests and the benchmark share them.
//
// Strings are "binary strings" where that matters: one char per byte, every char < 0x100. `toBytes` turns one into
// the bytes a socket would deliver (latin1, byte for byte); wrap a body with `httpReply` or `dhipPacket`
// (`headerFlood` takes the start line of an SSDP or RTSP message).

export type Shape = (bytes: number) => string;

/** `unit` repeated and cut to exactly `bytes` characters. */
export function repeatTo(unit: string, bytes: number): string {
  const n = Math.max(0, Math.floor(bytes));
  if (n === 0 || unit.length === 0) return '';
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** `head` then `unit` repeated, exactly `bytes` characters in all (`head` cut when it is longer). */
export function headThen(head: string, unit: string, bytes: number): string {
  const n = Math.max(0, Math.floor(bytes));
  return (head + repeatTo(unit, n - head.length)).slice(0, n);
}

// --- HTML (login pages, <title>) ------------------------------------------------------------------------------

/** `<input<input<input…` with no `>`: every tag start opens a scan to the end of the page. */
export const inputFlood: Shape = (b) => repeatTo('<input', b);
/** `<input type <input type …`: tag starts and attribute names, never an `=` nor a `>`. */
export const inputAttrFlood: Shape = (b) => repeatTo('<input type name ', b);
/** One `<input type` followed by whitespace up to the end: the `\s*=` after an attribute name never comes. */
export const attrWhitespaceFlood: Shape = (b) => headThen('<input type', ' \t\r\n', b);
/** `<title<title<title…` with no `>`. */
export const titleFlood: Shape = (b) => repeatTo('<title', b);
/** `<title>` openings (each with its `>`) and no `</title>` anywhere. */
export const openTitleFlood: Shape = (b) => repeatTo('<title>x', b);
/** `<<<<…`: a tag start at every position. */
export const ltFlood: Shape = (b) => repeatTo('<', b);
/** `class="` openings and no closing quote nor vendor word. */
export const classAttrFlood: Shape = (b) => repeatTo('class="a ', b);
/** Quotes of both kinds, alternating: strings that open and close at every position. */
export const quoteFlood: Shape = (b) => repeatTo(`"'`, b);

// --- Text and line structure ---------------------------------------------------------------------------------

/** Spaces, tabs, CR and LF, mixed: blank lines and runs that `\s*`, `\s+` and `trim` walk through. */
export const whitespaceFlood: Shape = (b) => repeatTo(' \t \r\n', b);
/** One line with no line break at all. */
export const longLine: Shape = (b) => repeatTo('abcdefghij', b);
/** `\n\n\n…`: the most lines per byte. */
export const newlineFlood: Shape = (b) => repeatTo('\n', b);
/** `\r\r\r…`: CR without LF (a `\r?\n` split finds no line end). */
export const crFlood: Shape = (b) => repeatTo('\r', b);
/** One line of single-character columns: `a a a a …`, the most whitespace-split columns per byte. */
export const columnFlood: Shape = (b) => repeatTo('a ', b);
/** C0 controls, DEL and NUL, cycling (0x00–0x1f, 0x7f). */
export const controlChars: Shape = (b) => {
  let unit = '';
  for (let c = 0; c < 0x20; c++) unit += String.fromCharCode(c);
  return repeatTo(`${unit}\x7f`, b);
};
/** Lead bytes of 3- and 4-byte UTF-8 sequences that never complete (a binary string: decode with `toBytes`). */
export const truncatedUtf8: Shape = (b) => repeatTo('\xe2\x82\xf0\x9f\x98', b);
/** `::::…`: a header separator at every position and no header name. */
export const colonFlood: Shape = (b) => repeatTo(':', b);
/** `999…`: one number with as many digits as there are bytes. */
export const hugeNumber: Shape = (b) => repeatTo('9', b);

// --- Protocol heads --------------------------------------------------------------------------------------------

/**
 * A reply head with as many `X-N: v` headers as fit (about 100 000 in 1 MB), no blank line at the end. The start
 * line defaults to an HTTP reply; pass `NOTIFY * HTTP/1.1` or `RTSP/1.0 200 OK` for the others.
 */
export function headerFlood(bytes: number, startLine = 'HTTP/1.1 200 OK'): string {
  return headThen(`${startLine}\r\n`, 'X-a: b\r\n', bytes);
}
/** An HTTP head whose one header line never ends (`Server: aaaa…`). */
export const longHeaderLine: Shape = (b) => headThen('HTTP/1.1 200 OK\r\nServer: ', 'a', b);
/** An HTTP status line whose reason phrase never ends (no line break at all). */
export const longStatusLine: Shape = (b) => headThen('HTTP/1.1 200 ', 'x', b);

// --- Operating-system tables (routes, ARP) --------------------------------------------------------------------

/** /proc/net/route with a default route on every line (as many routes as fit). */
export const procRouteFlood: Shape = (b) =>
  headThen(
    'Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n',
    'eth0\t00000000\t0101A8C0\t0003\t0\t0\t7\t00000000\n',
    b,
  );
/** `netstat -rn` with a default route on every line. */
export const netstatDefaultFlood: Shape = (b) => repeatTo('default  192.168.1.1  UGScg  en0\n', b);
/** `route print -4` with a default route on every line. */
export const routePrintFlood: Shape = (b) => repeatTo('0.0.0.0  0.0.0.0  192.168.1.1  192.168.1.20  25\r\n', b);
/** /proc/net/arp with a complete entry on every line (always the same address). */
export const procArpFlood: Shape = (b) =>
  headThen(
    'IP address       HW type     Flags       HW address            Mask     Device\n',
    '192.168.1.7      0x1         0x2         02:00:c0:a8:01:07     *        eth0\n',
    b,
  );

// --- JSON (DHIP) -----------------------------------------------------------------------------------------------

/** Nested arrays `[[[…]]]` as deep as `bytes` allows. */
export const deepJson: Shape = (b) => {
  const n = Math.max(0, Math.floor(b));
  const depth = Math.floor(n / 2);
  return '['.repeat(depth) + ']'.repeat(depth) + ' '.repeat(n % 2);
};
/** Nested objects `{"a":{"a":…}}` that never close (truncated JSON). */
export const deepJsonUnclosed: Shape = (b) => repeatTo('{"a":', b);
/** The salvage path's keys (`"mac" :` …) without values: each key opens a bounded value scan that fails. */
export const jsonKeyFlood: Shape = (b) =>
  headThen('{"method":"client.notifyDevInfo" ', '"mac" :  "IPAddress"\t: "Port":', b);
/** A DHIP announcement whose `"mac"` string is backslash escapes that never close (not JSON: salvage path). */
export const escapeFlood: Shape = (b) => headThen('{"method":"client.notifyDevInfo","mac":"', '\\"', b);

// --- Wrappers --------------------------------------------------------------------------------------------------

/** The bytes of a binary string (one byte per char, latin1). */
export function toBytes(binary: string): Uint8Array {
  return new Uint8Array(Buffer.from(binary, 'latin1'));
}

/** An HTTP 200 reply with `body` after a small head, as bytes. */
export function httpReply(body: string, status = '200 OK'): Uint8Array {
  return toBytes(`HTTP/1.1 ${status}\r\nServer: test\r\nContent-Type: text/html\r\n\r\n${body}`);
}

/**
 * A DHIP frame (32-byte header, both length fields = the body's byte length) around `body`: a string is encoded as
 * UTF-8, bytes (e.g. `toBytes(truncatedUtf8(n))`) go in as they are.
 */
export function dhipPacket(body: string | Uint8Array): Uint8Array {
  const json = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const out = new Uint8Array(32 + json.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x20, true);
  out.set([0x44, 0x48, 0x49, 0x50], 4);
  view.setUint32(16, json.length, true);
  view.setUint32(24, json.length, true);
  out.set(json, 32);
  return out;
}

/** The worst-case shapes by name, for loops over all of them. */
export const SHAPES: Record<string, Shape> = {
  inputFlood,
  inputAttrFlood,
  attrWhitespaceFlood,
  titleFlood,
  openTitleFlood,
  ltFlood,
  classAttrFlood,
  quoteFlood,
  whitespaceFlood,
  longLine,
  newlineFlood,
  crFlood,
  columnFlood,
  controlChars,
  truncatedUtf8,
  colonFlood,
  hugeNumber,
  headerFlood: (b) => headerFlood(b),
  longHeaderLine,
  longStatusLine,
  procRouteFlood,
  netstatDefaultFlood,
  routePrintFlood,
  procArpFlood,
  deepJson,
  deepJsonUnclosed,
  jsonKeyFlood,
  escapeFlood,
};

// --- Growth measurement ----------------------------------------------------------------------------------------

export interface Growth {
  /** Best of a few runs, in milliseconds of CPU time, at 64 KiB and 512 KiB of the same shape. */
  ms64: number;
  ms512: number;
}

/**
 * Milliseconds of CPU this process has used (user + system), or of wall-clock time where there is no `process`.
 * CPU time, because a busy machine stretches the wall-clock time of a long run (preempted many times) far more
 * than that of a short one (done within one time slice), which skews a 64 KiB/512 KiB ratio; CPU time does not.
 */
export function cpuMs(): number {
  if (typeof process !== 'undefined' && typeof process.cpuUsage === 'function') {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
  return performance.now();
}

/**
 * Times `run(prepare(shape(n)))` at 64 KiB and 512 KiB, in CPU time (`cpuMs`); inputs are built and warmed up at
 * 8 KiB before the clock starts; best of three runs each, so a GC pause does not count. When the 64 KiB run alone
 * already takes over `giveUpMs` the 512 KiB one is not tried (a quadratic decoder would take minutes): `ms512` is
 * then Infinity.
 */
export function timeGrowth<T>(
  shape: Shape,
  run: (input: T) => unknown,
  prepare: (s: string) => T = (s) => s as unknown as T,
  giveUpMs = 1000,
): Growth {
  const small = prepare(shape(8 * 1024));
  run(small);
  run(small);
  const best = (input: T, runs: number) => {
    let min = Infinity;
    for (let i = 0; i < runs; i++) {
      const t0 = cpuMs();
      run(input);
      min = Math.min(min, cpuMs() - t0);
      if (min > giveUpMs) break;
    }
    return min;
  };
  const ms64 = best(prepare(shape(64 * 1024)), 3);
  const ms512 = ms64 > giveUpMs ? Infinity : best(prepare(shape(512 * 1024)), 3);
  return { ms64, ms512 };
}

/**
 * The hostile suites' bounds: 64 KiB under `ms64`, and 512 KiB (8× the input) under `ratio` times the 64 KiB time,
 * or times `floorMs` when the 64 KiB run was quicker than that (below a few ms, timer resolution, JIT tiers and GC
 * pauses dominate). Generous on purpose, for a loaded 2-core machine: a quadratic decoder misses them by far.
 * Under `npm run mutation` (stryker.config.mjs sets NVR_MUTATION_RUN) every file is instrumented, each statement
 * counted for per-test coverage: the same growth, several times slower (an HTML flood measured 286 ms at 64 KiB,
 * 585 ms at 512 KiB), so the 64 KiB bound is `timeGrowth`'s give-up time there; the ratio, what a quadratic decoder
 * misses, is the same.
 */
export const GROWTH_BOUNDS = {
  ms64: process.env.NVR_MUTATION_RUN === '1' ? 1000 : 200,
  ratio: 20,
  floorMs: 5,
} as const;

/** What is wrong with a growth measurement under `bounds`, in words; null when it is within them. */
export function growthProblem(g: Growth, bounds: typeof GROWTH_BOUNDS = GROWTH_BOUNDS): string | null {
  const at = `64 KiB took ${g.ms64.toFixed(1)} ms, 512 KiB ${g.ms512.toFixed(1)} ms`;
  if (!(g.ms64 < bounds.ms64)) return `${at}: 64 KiB should take under ${bounds.ms64} ms`;
  const limit = bounds.ratio * Math.max(g.ms64, bounds.floorMs);
  if (!(g.ms512 < limit)) return `${at}: 512 KiB should take under ${limit.toFixed(1)} ms`;
  return null;
}
