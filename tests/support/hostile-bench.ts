// The workload of `npm run bench -- hostile` (scripts/bench.mjs bundles this file and runs it once per codec, in a
// child process of its own so each codec's peak memory is its own). Every decoder of src/main/protocol meets every
// adversarial shape at 8, 64 and 512 KB, called as the app calls it (with its own caps); the XML parser also runs
// with every cap lifted, beside the maintained `saxes` parser on the same inputs: the anchor for "our parser or
// theirs". Prints one JSON line per codec.
import { SaxesParser } from 'saxes';
import {
  classifyServerHeader,
  classifyTextBanner,
  fingerprintLoginPage,
  htmlTitle,
  parseHeadReply,
  readOnvifReply,
  readRtspReply,
  replyComplete,
} from '../../src/main/protocol/banners';
import { parseDhipReply } from '../../src/main/protocol/dhip';
import { parseProcArp } from '../../src/main/protocol/arp';
import { readDeviceInformation, readSoapReply } from '../../src/main/protocol/onvif-soap';
import { parseBsdNetstat, parseLinuxProcRoute, parseWindowsRoutePrint } from '../../src/main/protocol/routes';
import { parseSadpReply } from '../../src/main/protocol/sadp';
import { parseSsdpMessage, parseUpnpDescription } from '../../src/main/protocol/ssdp';
import { parseWsdMessage } from '../../src/main/protocol/ws-discovery';
import { parseXml } from '../../src/main/protocol/xml';
import { dhipPacket, SHAPES, toBytes } from './hostile-shapes';
import { soapEnvelope, XML_SHAPES } from './hostile-xml';

type Input = string;
interface Codec {
  /** What the app calls, on one input. */
  run: (input: Input) => unknown;
  /** The shapes it meets (name → builder). */
  shapes: Record<string, (bytes: number) => string>;
}

const xmlShapes: Record<string, (bytes: number) => string> = {};
for (const [name, s] of Object.entries(XML_SHAPES)) {
  xmlShapes[name] = s.make;
  xmlShapes[`${name} in a SOAP envelope`] = (b) => soapEnvelope(s.make(b));
}
const textShapes = SHAPES;
const UNCAPPED = {
  maxBytes: 1 << 24,
  maxDepth: 1 << 24,
  maxNodes: 1 << 24,
  maxAttributes: 1 << 24,
  maxNamespaceDeclarations: 1 << 24,
  maxTextLength: 1 << 24,
};

function saxes(text: string): unknown {
  const parser = new SaxesParser({ xmlns: true });
  let failed = false;
  parser.on('error', () => {
    failed = true;
    throw new Error('stop');
  });
  try {
    parser.write(text).close();
  } catch {
    // the first error ends the parse, as ours does
  }
  return failed;
}

export const CODECS: Record<string, Codec> = {
  'xml parser, caps lifted': { run: (t) => parseXml(t, UNCAPPED), shapes: xmlShapes },
  'saxes 6.0.0 (anchor), no caps': {
    run: saxes,
    shapes: Object.fromEntries(Object.entries(XML_SHAPES).map(([name, s]) => [name, s.make])),
  },
  'ws-discovery datagram': { run: (t) => parseWsdMessage(toBytes(t)), shapes: xmlShapes },
  'onvif soap reply': {
    run: (t) => {
      const r = readSoapReply(toBytes(t));
      return r.kind === 'body' ? readDeviceInformation(r.body) : r;
    },
    shapes: xmlShapes,
  },
  'upnp description': { run: (t) => parseUpnpDescription(toBytes(t)), shapes: xmlShapes },
  'sadp reply': { run: (t) => parseSadpReply(toBytes(t)), shapes: xmlShapes },
  'ssdp message': { run: (t) => parseSsdpMessage(toBytes(t)), shapes: textShapes },
  'dhip reply': { run: (t) => parseDhipReply(dhipPacket(t)), shapes: textShapes },
  'http/rtsp head': {
    run: (t) => {
      const bytes = toBytes(t);
      return [parseHeadReply(bytes), replyComplete(bytes), readRtspReply(bytes), readOnvifReply(bytes)];
    },
    shapes: textShapes,
  },
  'login page and title': {
    run: (t) => {
      const title = htmlTitle(t);
      return fingerprintLoginPage(t, { server: t.slice(0, 512) }, title);
    },
    shapes: textShapes,
  },
  'server header': { run: (t) => classifyServerHeader(t), shapes: textShapes },
  'text banner (ssh/ftp/telnet)': { run: (t) => classifyTextBanner(toBytes(t)), shapes: textShapes },
  'routes and arp': {
    run: (t) => [parseLinuxProcRoute(t), parseBsdNetstat(t), parseWindowsRoutePrint(t), parseProcArp(t)],
    shapes: textShapes,
  },
};

export interface CodecReport {
  codec: string;
  /** Worst time (ms, mean of several runs) over the shapes at each size, and which shape it was. */
  worst: Record<string, { ms: number; shape: string }>;
  /**
   * The steepest growth from 64 KB to 512 KB of one shape (its 512 KB time over its 64 KB time; 8× the input, so
   * 8× is linear and 64× quadratic), among shapes that take at least 0.5 ms at 64 KB and 2 ms at 512 KB (below that
   * the ratio is timer noise); and that shape's growth from 512 KB to 1 MB (linear 2×, quadratic 4×).
   */
  steepest: { ratio: number; shape: string; doubling: number } | null;
  /** Peak resident memory of the process that ran this codec alone (MB). */
  peakRssMb: number;
}

/**
 * The mean of several runs (at least `reps`, and until 200 ms were spent, at most 500 runs): collector pauses are
 * spread over the runs at every size, so a large input is not charged with all of them and a small one with none.
 */
function meanTime(run: () => unknown, reps: number): number {
  const w0 = performance.now();
  run(); // warm-up
  const warm = performance.now() - w0;
  // An input that takes over half a second is timed once (its warm-up): a quadratic anchor must not stall the run.
  if (warm > 500) return warm;
  let runs = 0;
  const t0 = performance.now();
  while (runs < reps || (performance.now() - t0 < 200 && runs < 500)) {
    run();
    runs++;
  }
  return (performance.now() - t0) / runs;
}

/** Runs one codec over every shape at 8/64/512 KB and reports the worst shape per size and the steepest growth. */
export function measure(name: string, reps = 5): CodecReport {
  const codec = CODECS[name];
  if (!codec) throw new Error(`unknown codec ${name}`);
  const worst: CodecReport['worst'] = {};
  const byShape = new Map<string, Record<number, number>>();
  for (const kb of [8, 64, 512]) {
    worst[`${kb}`] = { ms: 0, shape: '' };
    for (const [shape, make] of Object.entries(codec.shapes)) {
      const input = make(kb * 1024);
      const ms = meanTime(() => codec.run(input), reps);
      byShape.set(shape, { ...byShape.get(shape), [kb]: ms });
      if (ms > worst[`${kb}`]!.ms) worst[`${kb}`] = { ms, shape };
    }
  }
  let steepest: CodecReport['steepest'] = null;
  for (const [shape, t] of byShape) {
    if (!(t[512]! > 2) || !(t[64]! >= 0.5)) continue;
    const ratio = t[512]! / t[64]!;
    if (!steepest || ratio > steepest.ratio) steepest = { ratio, shape, doubling: 0 };
  }
  // Not for an input that already takes seconds (the anchor's quadratic shapes): it would only take longer.
  if (steepest && byShape.get(steepest.shape)![512]! < 500) {
    // The same shape at 1 MB: past the caches and the young generation, linear doubles and quadratic quadruples.
    const make = codec.shapes[steepest.shape]!;
    const big = make(1024 * 1024);
    const half = make(512 * 1024);
    steepest.doubling = meanTime(() => codec.run(big), reps) / meanTime(() => codec.run(half), reps);
  }
  return { codec: name, worst, steepest, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}
