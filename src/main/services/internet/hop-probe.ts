// The Internet step's second view of the router's WAN side: which router answers at hop 1 and hop 2 toward the STUN
// server the check uses, the way CGNAT guides read a traceroute (the hop after your router in 100.64.0.0/10 is the
// carrier's NAT). One ICMP echo per hop with a small TTL through the system's `ping` (never a shell), the reply read
// from its output: "Time to live exceeded" names the router at that hop, an echo reply from the target means the
// target itself is that close. Bounded: 2 s per hop (the process is killed), both hops at once; run only when the
// user starts a check, only toward that check's STUN server address. A platform without a known `ping` gives null;
// a ping that cannot run (not installed, no permission for ICMP — Debian's iputils ping works as root, with
// cap_net_raw, or for a group in net.ipv4.ping_group_range) is an error in plain words, never a throw.
import { isIP } from 'node:net';
import type { PathHops } from '../../../shared/domain/public-address';
import { nodeSpawnProgram, runBounded, type SpawnProgram } from '../../transport/bounded-program';

/** Each hop's bound: the ping waits 1 s for its answer, the process is killed at 2 s. */
export const HOP_BOUND_MS = 2000;
const MAX_OUTPUT = 8192;

/** What one ping at one TTL said: the address that answered, and whether it was the target itself. */
export interface HopReply {
  address: string;
  reached: boolean;
}

const IPV4 = String.raw`(\d{1,3}(?:\.\d{1,3}){3})`;
const lines = (out: string) => out.split(/\r?\n/).map((l) => l.trim());
const ipv4 = (text: string | undefined): string | null => (text !== undefined && isIP(text) === 4 ? text : null);

function firstMatch(out: string, target: string, exceeded: RegExp, echo: RegExp): HopReply | null {
  for (const line of lines(out)) {
    const e = exceeded.exec(line);
    const hop = ipv4(e?.[1]);
    if (hop) return { address: hop, reached: hop === target };
    const r = echo.exec(line);
    // An echo reply counts only from the target asked (the hop is then the target itself).
    if (ipv4(r?.[1]) === target) return { address: target, reached: true };
  }
  return null;
}

/**
 * Linux (iputils) `ping -n -c 1 -W 1 -t TTL IP`:
 * "From 192.168.50.1 icmp_seq=1 Time to live exceeded" (without -n: "From _gateway (192.168.50.1) icmp_seq=1 …"),
 * or "64 bytes from 198.51.100.3: icmp_seq=1 ttl=63 time=0.046 ms" when the target answered.
 */
export function parseLinuxPingHop(out: string, target: string): HopReply | null {
  return firstMatch(
    out,
    target,
    new RegExp(String.raw`^From (?:\S+ \()?${IPV4}\)?:? icmp_seq=\d+ Time to live exceeded`, 'i'),
    new RegExp(String.raw`^\d+ bytes from (?:\S+ \()?${IPV4}\)?: icmp_seq=\d+ ttl=\d+`, 'i'),
  );
}

/**
 * macOS / FreeBSD `ping -n -c 1 -W 1000 -m TTL IP`: "36 bytes from 192.168.50.1: Time to live exceeded" (followed
 * by a dump of the sent header), or "64 bytes from 198.51.100.3: icmp_seq=0 ttl=62 time=1.234 ms".
 */
export function parseBsdPingHop(out: string, target: string): HopReply | null {
  return firstMatch(
    out,
    target,
    new RegExp(String.raw`^\d+ bytes from ${IPV4}: Time to live exceeded`, 'i'),
    new RegExp(String.raw`^\d+ bytes from ${IPV4}: icmp_seq=\d+ ttl=\d+`, 'i'),
  );
}

/**
 * Windows `ping -n 1 -w 1000 -i TTL IP`: "Reply from 192.168.50.1: TTL expired in transit.", or "Reply from
 * 198.51.100.3: bytes=32 time=1ms TTL=62". English output only: a translated Windows gives null (not known).
 */
export function parseWindowsPingHop(out: string, target: string): HopReply | null {
  return firstMatch(
    out,
    target,
    new RegExp(String.raw`^Reply from ${IPV4}: TTL expired in transit`, 'i'),
    new RegExp(String.raw`^Reply from ${IPV4}: bytes=\d+ time[<=]\d+ms TTL=\d+`, 'i'),
  );
}

type Flavour = 'linux' | 'bsd' | 'windows';

function flavourOf(platform: NodeJS.Platform): Flavour | null {
  if (platform === 'linux' || platform === 'android') return 'linux';
  if (platform === 'darwin' || platform === 'freebsd') return 'bsd';
  if (platform === 'win32') return 'windows';
  return null;
}

/** ping's arguments for one echo request with TTL `ttl`, numeric output, waiting 1 s; null where unknown. */
export function hopPingArguments(platform: NodeJS.Platform, target: string, ttl: number): string[] | null {
  const flavour = flavourOf(platform);
  if (flavour === 'linux') return ['-n', '-c', '1', '-W', '1', '-t', String(ttl), target];
  if (flavour === 'bsd') return ['-n', '-c', '1', '-W', '1000', '-m', String(ttl), target];
  if (flavour === 'windows') return ['-n', '1', '-w', '1000', '-i', String(ttl), target];
  return null;
}

const PARSERS: Record<Flavour, (out: string, target: string) => HopReply | null> = {
  linux: parseLinuxPingHop,
  bsd: parseBsdPingHop,
  windows: parseWindowsPingHop,
};

/** Why a ping that printed no hop could not run, in plain words; null when it ran and nobody answered. */
export function pingFailure(code: number | null, out: string, err: string): string | null {
  const text = `${err}\n${out}`;
  if (/not permitted|permission denied|missing cap_net_raw|access denied|requires administrative/i.test(text))
    return 'this computer does not let ping send ICMP here (no permission)';
  if (/network is unreachable|general failure|transmit failed/i.test(text)) return 'no route toward the server';
  if (code !== null && code > 1) {
    const line =
      lines(err)
        .map((l) => l.replace(/[^\x20-\x7e]/g, ''))
        .find(Boolean)
        ?.slice(0, 120) ?? '';
    return `ping could not run${line ? ` (${line})` : ''}`;
  }
  return null;
}

export interface HopProbeDeps {
  spawn: SpawnProgram;
  platform: NodeJS.Platform;
  /** Each hop's bound in ms (default HOP_BOUND_MS). */
  boundMs?: number;
}

type HopOutcome = { reply: HopReply | null; error: string | null };

/** One bounded ping at one TTL. Settles at the bound at the latest (the process is killed); never rejects. */
export function probeHop(
  deps: HopProbeDeps,
  target: string,
  ttl: number,
  signal: AbortSignal,
): Promise<HopOutcome | null> {
  const flavour = flavourOf(deps.platform);
  const args = hopPingArguments(deps.platform, target, ttl);
  if (!flavour || !args || isIP(target) !== 4) return Promise.resolve(null);
  const boundMs = deps.boundMs ?? HOP_BOUND_MS;
  return runBounded(deps.spawn, 'ping', args, { boundMs, signal, maxOutput: MAX_OUTPUT }).then((run) => {
    if (run.kind === 'cancelled') return { reply: null, error: 'cancelled' };
    if (run.kind === 'not-started') return { reply: null, error: spawnFailure(run.error) };
    const reply = PARSERS[flavour](run.out, target);
    // At the bound, what it printed before still counts.
    if (run.kind === 'bound') return { reply, error: null };
    return { reply, error: reply ? null : pingFailure(run.code, run.out, run.err) };
  });
}

function spawnFailure(e: NodeJS.ErrnoException | undefined): string {
  if (e?.code === 'ENOENT') return 'the ping program is not installed on this computer';
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'this computer does not allow running ping';
  return 'ping could not be started';
}

/**
 * Hop 1 and hop 2 toward `target` (an IPv4 address), both at once; null on a platform without a known ping or for a
 * target that is not an IPv4 address. A hop nobody named is null; `error` says why when ping could not run.
 */
export async function probePathHops(deps: HopProbeDeps, target: string, signal: AbortSignal): Promise<PathHops | null> {
  const [first, second] = await Promise.all([1, 2].map((ttl) => probeHop(deps, target, ttl, signal)));
  if (!first || !second) return null;
  return {
    target,
    first: first.reply?.address ?? null,
    second: second.reply?.address ?? null,
    error: (first.error ?? second.error)?.slice(0, 300) ?? null,
  };
}

/** The system's ping on this computer. */
export const systemHopDeps: HopProbeDeps = { spawn: nodeSpawnProgram, platform: process.platform };
