import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  hopPingArguments,
  parseBsdPingHop,
  parseLinuxPingHop,
  parseWindowsPingHop,
  pingFailure,
  probeHop,
  probePathHops,
  type HopProbeDeps,
} from '../../../../src/main/services/internet/hop-probe';
import type { SpawnedProcess } from '../../../../src/main/services/static-ip/address-probe';

const STUN = '198.51.100.3';

// Recorded in the lab's client namespace (iputils 20221126, `ping -n -c 1 -W 1 -t TTL 198.51.100.3`), profile home.
const LINUX_TTL1 = `PING 198.51.100.3 (198.51.100.3) 56(84) bytes of data.
From 192.168.50.1 icmp_seq=1 Time to live exceeded

--- 198.51.100.3 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

`;
const LINUX_TTL2_REACHED = `PING 198.51.100.3 (198.51.100.3) 56(84) bytes of data.
64 bytes from 198.51.100.3: icmp_seq=1 ttl=63 time=0.046 ms

--- 198.51.100.3 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time 0ms
rtt min/avg/max/mdev = 0.046/0.046/0.046/0.000 ms
`;
const LINUX_SILENT = `PING 198.51.100.99 (198.51.100.99) 56(84) bytes of data.

--- 198.51.100.99 ping statistics ---
1 packets transmitted, 0 received, 100% packet loss, time 0ms

`;
// The same ping without -n names the router by its resolver name first.
const LINUX_NAMED = 'From _gateway (192.168.50.1) icmp_seq=1 Time to live exceeded\n';
// The carrier's NAT at hop 2, in iputils' format above (the lab's cgnat profile's carrier is 100.64.0.1; that profile
// was not up to record it).
const LINUX_CARRIER = `PING 198.51.100.3 (198.51.100.3) 56(84) bytes of data.
From 100.64.0.1 icmp_seq=1 Time to live exceeded

--- 198.51.100.3 ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms
`;
// A copy of ping without cap_net_raw, run as nobody with net.ipv4.ping_group_range = "1 0" (exit 2).
const LINUX_NO_PERMISSION = `ping: socktype: SOCK_RAW
ping: socket: Operation not permitted
ping: => missing cap_net_raw+p capability or setuid?
`;
// macOS (`ping -n -c 1 -W 1000 -m 1 198.51.100.3`), written in the format its ping prints (no Mac here to record
// on): the router's ICMP and a dump of the header sent.
const MAC_TTL1 = `PING 198.51.100.3 (198.51.100.3): 56 data bytes
36 bytes from 192.168.50.1: Time to live exceeded
Vr HL TOS  Len   ID Flg  off TTL  Pro  cks      Src      Dst
 4  5  00 5400 a2f1   0 0000  01  01 2b3c 192.168.50.10  198.51.100.3

--- 198.51.100.3 ping statistics ---
1 packets transmitted, 0 packets received, 100.0% packet loss
`;
const MAC_REACHED = `PING 198.51.100.3 (198.51.100.3): 56 data bytes
64 bytes from 198.51.100.3: icmp_seq=0 ttl=62 time=1.234 ms

--- 198.51.100.3 ping statistics ---
1 packets transmitted, 1 packets received, 0.0% packet loss
round-trip min/avg/max/stddev = 1.234/1.234/1.234/0.000 ms
`;
// Windows (`ping -n 1 -w 1000 -i 2 198.51.100.3`), in the format its English ping prints (not recorded here), CRLF.
const WIN_EXPIRED = [
  '',
  'Pinging 198.51.100.3 with 32 bytes of data:',
  'Reply from 100.64.0.1: TTL expired in transit.',
  '',
  'Ping statistics for 198.51.100.3:',
  '    Packets: Sent = 1, Received = 1, Lost = 0 (0% loss),',
  '',
].join('\r\n');
const WIN_REACHED = [
  '',
  'Pinging 198.51.100.3 with 32 bytes of data:',
  'Reply from 198.51.100.3: bytes=32 time<1ms TTL=62',
  '',
].join('\r\n');
const WIN_TIMEOUT = ['', 'Pinging 198.51.100.3 with 32 bytes of data:', 'Request timed out.', ''].join('\r\n');
// A German Windows: not read (null), never misread.
const WIN_GERMAN =
  'Ping wird ausgeführt für 198.51.100.3 mit 32 Bytes Daten:\r\nAntwort von 192.168.50.1: Gültigkeitsdauer nach Übertragung überschritten.\r\n';

describe('reading ping’s output (Linux recorded in the lab; macOS and Windows in their printed format)', () => {
  it('Linux: the router that says "Time to live exceeded" is the hop; an echo reply from the target is the target', () => {
    expect(parseLinuxPingHop(LINUX_TTL1, STUN)).toEqual({ address: '192.168.50.1', reached: false });
    expect(parseLinuxPingHop(LINUX_CARRIER, STUN)).toEqual({ address: '100.64.0.1', reached: false });
    expect(parseLinuxPingHop(LINUX_NAMED, STUN)).toEqual({ address: '192.168.50.1', reached: false });
    expect(parseLinuxPingHop(LINUX_TTL2_REACHED, STUN)).toEqual({ address: STUN, reached: true });
  });

  it('Linux: silence, a permission error, and an echo reply from another address name no hop', () => {
    expect(parseLinuxPingHop(LINUX_SILENT, '198.51.100.99')).toBeNull();
    expect(parseLinuxPingHop(LINUX_NO_PERMISSION, STUN)).toBeNull();
    expect(parseLinuxPingHop(LINUX_TTL2_REACHED, '198.51.100.4')).toBeNull();
    expect(parseLinuxPingHop('From 999.1.1.1 icmp_seq=1 Time to live exceeded', STUN)).toBeNull();
    expect(parseLinuxPingHop('From 192.168.50.1 icmp_seq=1 Destination Host Unreachable', STUN)).toBeNull();
  });

  it('macOS/FreeBSD: "N bytes from IP: Time to live exceeded" (the header dump after it is not a hop)', () => {
    expect(parseBsdPingHop(MAC_TTL1, STUN)).toEqual({ address: '192.168.50.1', reached: false });
    expect(parseBsdPingHop(MAC_REACHED, STUN)).toEqual({ address: STUN, reached: true });
    expect(parseBsdPingHop(LINUX_TTL1, STUN)).toBeNull();
  });

  it('Windows: "Reply from IP: TTL expired in transit."; a timeout or a translated output is not known', () => {
    expect(parseWindowsPingHop(WIN_EXPIRED, STUN)).toEqual({ address: '100.64.0.1', reached: false });
    expect(parseWindowsPingHop(WIN_REACHED, STUN)).toEqual({ address: STUN, reached: true });
    expect(parseWindowsPingHop(WIN_TIMEOUT, STUN)).toBeNull();
    expect(parseWindowsPingHop(WIN_GERMAN, STUN)).toBeNull();
  });

  it('a ping that could not run is said in plain words; one that ran and heard nothing is not an error', () => {
    expect(pingFailure(2, '', LINUX_NO_PERMISSION)).toMatch(/no permission/);
    expect(pingFailure(2, '', 'ping: connect: Network is unreachable\n')).toBe('no route toward the server');
    expect(pingFailure(2, '', 'ping: weird\u0007 failure\n')).toBe('ping could not run (ping: weird failure)');
    expect(pingFailure(1, LINUX_SILENT, '')).toBeNull();
    expect(pingFailure(null, '', '')).toBeNull();
  });
});

describe('ping’s arguments', () => {
  it('one echo, numeric, 1 s wait, with the TTL option of each platform; none elsewhere', () => {
    expect(hopPingArguments('linux', STUN, 2)).toEqual(['-n', '-c', '1', '-W', '1', '-t', '2', STUN]);
    expect(hopPingArguments('darwin', STUN, 1)).toEqual(['-n', '-c', '1', '-W', '1000', '-m', '1', STUN]);
    expect(hopPingArguments('win32', STUN, 2)).toEqual(['-n', '1', '-w', '1000', '-i', '2', STUN]);
    expect(hopPingArguments('aix', STUN, 2)).toBeNull();
  });
});

/** A fake ping: `script(args)` says what it prints and how it ends (or `hang` to never end). */
function fakeSpawn(
  script: (args: string[]) => { out?: string; err?: string; code?: number; hang?: true; error?: string },
) {
  const calls: string[][] = [];
  const killed: string[][] = [];
  const spawn = (command: string, args: string[]): SpawnedProcess => {
    expect(command).toBe('ping');
    calls.push(args);
    const s = script(args);
    if (s.error && s.error.startsWith('throw:'))
      throw Object.assign(new Error('spawn'), { code: s.error.slice('throw:'.length) });
    const proc = new EventEmitter();
    const stdout = new EventEmitter();
    const stderr = new EventEmitter();
    setTimeout(() => {
      if (s.error) return void proc.emit('error', Object.assign(new Error('spawn'), { code: s.error }));
      if (s.out) stdout.emit('data', Buffer.from(s.out));
      if (s.err) stderr.emit('data', Buffer.from(s.err));
      if (!s.hang) proc.emit('close', s.code ?? 0, null);
    }, 5);
    return {
      stdout,
      stderr,
      on: (event: string, listener: (...a: unknown[]) => void) => proc.on(event, listener),
      kill: () => (killed.push(args), true),
    } as unknown as SpawnedProcess;
  };
  return { spawn, calls, killed };
}

const signal = () => new AbortController().signal;
/** The TTL a ping was asked for (-t on Linux, -m on macOS, -i on Windows). */
const ttlOf = (args: string[]) => Number(args[args.findIndex((a) => ['-t', '-m', '-i'].includes(a)) + 1]);

describe('tracing hop 1 and hop 2', () => {
  it('pings with TTL 1 and 2 at once toward the STUN server and names both routers', async () => {
    const f = fakeSpawn((args) => (ttlOf(args) === 1 ? { out: LINUX_TTL1, code: 1 } : { out: LINUX_CARRIER, code: 1 }));
    const deps: HopProbeDeps = { spawn: f.spawn, platform: 'linux' };
    expect(await probePathHops(deps, STUN, signal())).toEqual({
      target: STUN,
      first: '192.168.50.1',
      second: '100.64.0.1',
      error: null,
    });
    expect(f.calls.map((a) => a.slice(-3))).toEqual([
      ['-t', '1', STUN],
      ['-t', '2', STUN],
    ]);
  });

  it('the target answering at TTL 2 is hop 2 (nothing between the router and it)', async () => {
    const f = fakeSpawn((args) => (ttlOf(args) === 2 ? { out: MAC_REACHED } : { out: MAC_TTL1, code: 2 }));
    expect(await probePathHops({ spawn: f.spawn, platform: 'darwin' }, STUN, signal())).toMatchObject({
      first: '192.168.50.1',
      second: STUN,
      error: null,
    });
  });

  it('no permission for ICMP: no hop, the reason in plain words, no throw', async () => {
    const f = fakeSpawn(() => ({ err: LINUX_NO_PERMISSION, code: 2 }));
    expect(await probePathHops({ spawn: f.spawn, platform: 'linux' }, STUN, signal())).toEqual({
      target: STUN,
      first: null,
      second: null,
      error: 'this computer does not let ping send ICMP here (no permission)',
    });
  });

  it('ping not installed (spawn fails, thrown or as an event): no hop, said; a platform without ping: null', async () => {
    const thrown = fakeSpawn(() => ({ error: 'throw:ENOENT' }));
    expect(await probePathHops({ spawn: thrown.spawn, platform: 'linux' }, STUN, signal())).toMatchObject({
      first: null,
      second: null,
      error: 'the ping program is not installed on this computer',
    });
    const event = fakeSpawn(() => ({ error: 'EACCES' }));
    expect((await probePathHops({ spawn: event.spawn, platform: 'win32' }, STUN, signal()))?.error).toBe(
      'this computer does not allow running ping',
    );
    const none = fakeSpawn(() => ({ out: LINUX_TTL1 }));
    expect(await probePathHops({ spawn: none.spawn, platform: 'aix' }, STUN, signal())).toBeNull();
    expect(await probePathHops({ spawn: none.spawn, platform: 'linux' }, 'stun.example.net', signal())).toBeNull();
    expect(none.calls).toEqual([]);
  });

  it('a ping that hangs is killed at its bound; what it printed before still counts', async () => {
    const f = fakeSpawn((args) => (ttlOf(args) === 1 ? { out: LINUX_TTL1, hang: true } : { hang: true }));
    const r = await probePathHops({ spawn: f.spawn, platform: 'linux', boundMs: 100 }, STUN, signal());
    expect(r).toEqual({ target: STUN, first: '192.168.50.1', second: null, error: null });
    expect(f.killed).toHaveLength(2);
  });

  it('a cancel ends both at once and kills them', async () => {
    const f = fakeSpawn(() => ({ hang: true }));
    const c = new AbortController();
    setTimeout(() => c.abort(), 20);
    // A bound longer than the test's time-out: only the cancel can end it.
    const r = await probePathHops({ spawn: f.spawn, platform: 'linux', boundMs: 600_000 }, STUN, c.signal);
    expect(r).toMatchObject({ first: null, second: null, error: 'cancelled' });
    expect(f.killed).toHaveLength(2);
    expect(await probeHop({ spawn: f.spawn, platform: 'linux' }, STUN, 1, c.signal)).toEqual({
      reply: null,
      error: 'cancelled',
    });
  });
});
