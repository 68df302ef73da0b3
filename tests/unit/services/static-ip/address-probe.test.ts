import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  KNOCK_PORTS,
  pingArguments,
  proveAddressFree,
  type AddressProbeDeps,
  type FreeProof,
  type ProbeClock,
  type SpawnedProcess,
} from '../../../../src/main/services/static-ip/address-probe';
import type { ConnectOutcome, TcpConnector } from '../../../../src/main/transport/tcp';

// Every dependency of the proof is a small fake with a log: a virtual clock, a `ping` child process, the TCP
// connector and the neighbour table. Nothing here sends a packet.

const TARGET = '192.168.50.230';
const ARP_HEADER = 'IP address       HW type     Flags       HW address            Mask     Device\n';
const arpLine = (ip: string, flags: string, mac: string) =>
  `${ip}    0x1         ${flags}         ${mac}     *        eth0\n`;

class ManualClock implements ProbeClock {
  now = 0;
  private timers: Array<{ at: number; fn: () => void; live: boolean }> = [];
  set(fn: () => void, ms: number) {
    const timer = { at: this.now + ms, fn, live: true };
    this.timers.push(timer);
    return () => {
      timer.live = false;
    };
  }
  pending() {
    return this.timers.filter((t) => t.live).length;
  }
  async advance(ms: number) {
    const end = this.now + ms;
    await flush(); // what is already under way (a child's exit, a connection's outcome) happens before time moves
    for (;;) {
      const due = this.timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.now = due.at;
      due.live = false;
      due.fn();
      await flush();
    }
    this.now = end;
    await flush();
  }
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

class FakeChild extends EventEmitter implements SpawnedProcess {
  stdout = new EventEmitter();
  stderr = new EventEmitter();
  killed: string[] = [];
  kill(signal?: NodeJS.Signals) {
    this.killed.push(signal ?? 'SIGTERM');
    return true;
  }
  /** Ends like a real ping: some output, then close with an exit code. */
  end(code: number | null, stdout = '', stderr = '') {
    if (stdout) this.stdout.emit('data', Buffer.from(stdout));
    if (stderr) this.stderr.emit('data', Buffer.from(stderr));
    this.emit('close', code, null);
  }
}

type PingPlan =
  | { kind: 'exit'; code: number; stdout?: string; stderr?: string }
  | { kind: 'hang' }
  | { kind: 'error'; code: string }
  | { kind: 'throw'; code: string };

type PortPlan = ConnectOutcome | 'hang';

function harness(
  opts: {
    ping?: PingPlan;
    ports?: Partial<Record<number, PortPlan>>;
    arp?: string | null;
    platform?: NodeJS.Platform;
  } = {},
) {
  const log: string[] = [];
  const clock = new ManualClock();
  const children: FakeChild[] = [];
  const spawns: Array<{ command: string; args: string[] }> = [];
  const cancelled: number[] = [];
  const ping = opts.ping ?? { kind: 'exit', code: 1 };
  const deps: AddressProbeDeps = {
    platform: opts.platform ?? 'linux',
    clock,
    spawn(command, args) {
      spawns.push({ command, args });
      log.push('spawn');
      if (ping.kind === 'throw') throw Object.assign(new Error('spawn failed'), { code: ping.code });
      const child = new FakeChild();
      children.push(child);
      queueMicrotask(() => {
        if (ping.kind === 'exit') {
          log.push('ping-end');
          child.end(ping.code, ping.stdout, ping.stderr);
        } else if (ping.kind === 'error') child.emit('error', Object.assign(new Error('x'), { code: ping.code }));
      });
      return child;
    },
    connector: {
      attempt(address, port, done) {
        log.push(`knock:${port}`);
        const plan = opts.ports?.[port] ?? 'hang';
        let live = true;
        if (plan !== 'hang')
          queueMicrotask(() => {
            if (live) done(plan);
          });
        return () => {
          if (live) cancelled.push(port);
          live = false;
        };
      },
    } satisfies TcpConnector,
    async readText(path) {
      log.push(`read:${path}`);
      return opts.arp === undefined ? ARP_HEADER : opts.arp;
    },
  };
  return { deps, clock, children, spawns, cancelled, log };
}

/** Runs the proof, advancing the virtual clock past its bound. */
async function prove(h: ReturnType<typeof harness>, address = TARGET, signal?: AbortSignal): Promise<FreeProof> {
  const proof = proveAddressFree(address, { deps: h.deps, signal });
  await h.clock.advance(5000);
  return proof;
}

const byMethod = (proof: FreeProof) => Object.fromEntries(proof.evidence.map((e) => [e.method, e]));

const ALL_REFUSED = Object.fromEntries(KNOCK_PORTS.map((p) => [p, 'closed' as const]));

describe('proveAddressFree: an address somebody uses', () => {
  it('is not free when it answers ping, TCP and ARP, and names the MAC from the neighbour table', async () => {
    const h = harness({
      ping: { kind: 'exit', code: 0, stdout: '64 bytes from 192.168.50.64: icmp_seq=1 ttl=64 time=0.1 ms\n' },
      ports: { ...ALL_REFUSED, 80: 'open', 443: 'open' },
      arp: ARP_HEADER + arpLine('192.168.50.64', '0x2', '02:00:C0:A8:32:40'),
    });
    const proof = await prove(h, '192.168.50.64');
    expect(proof.free).toBe(false);
    expect(proof.mac).toBe('02:00:c0:a8:32:40');
    expect(proof.evidence.map((e) => [e.method, e.result])).toEqual([
      ['icmp', 'answered'],
      ['tcp', 'answered'],
      ['arp', 'answered'],
    ]);
    const ev = byMethod(proof);
    expect(ev.icmp!.detail).toBe('192.168.50.64 answered an ICMP echo request (ping).');
    expect(ev.tcp!.detail).toBe(
      '192.168.50.64 answered on TCP 80, 443 (connection accepted) and 554, 22, 8000, 8080, 37777, 8899 ' +
        '(connection refused counts: a host is there).',
    );
    expect(ev.arp!.detail).toContain('02:00:c0:a8:32:40');
  });

  it('counts a refusal alone as an answer (a host is there)', async () => {
    const h = harness({ ports: { 22: 'closed' } });
    const proof = await prove(h);
    expect(proof.free).toBe(false);
    expect(byMethod(proof).tcp).toEqual({
      method: 'tcp',
      result: 'answered',
      detail: `${TARGET} answered on TCP 22 (connection refused counts: a host is there).`,
    });
  });

  it('is not free when only the neighbour table names an owner (a host that drops ping and TCP)', async () => {
    const h = harness({ arp: ARP_HEADER + arpLine(TARGET, '0x2', '02:00:c0:a8:32:99') });
    const proof = await prove(h);
    expect(proof.free).toBe(false);
    expect(proof.mac).toBe('02:00:c0:a8:32:99');
    expect(proof.evidence.map((e) => e.result)).toEqual(['silent', 'silent', 'answered']);
  });

  it('is not free when only ping is answered', async () => {
    const proof = await prove(harness({ ping: { kind: 'exit', code: 0 } }));
    expect(proof.free).toBe(false);
    expect(proof.evidence.map((e) => e.result)).toEqual(['answered', 'silent', 'silent']);
  });
});

describe('proveAddressFree: a free address', () => {
  it('is free when nobody answers; the neighbour table is read only after ping and the knocks', async () => {
    const h = harness({ arp: ARP_HEADER + arpLine('192.168.50.64', '0x2', '02:00:c0:a8:32:40') });
    const proof = await prove(h);
    expect(proof).toMatchObject({ free: true, mac: null });
    expect(proof.evidence.map((e) => [e.method, e.result])).toEqual([
      ['icmp', 'silent'],
      ['tcp', 'silent'],
      ['arp', 'silent'],
    ]);
    expect(byMethod(proof).tcp!.detail).toBe(`No answer on TCP ${KNOCK_PORTS.join(', ')} within 1400 ms.`);
    const read = h.log.indexOf('read:/proc/net/arp');
    expect(read).toBe(h.log.length - 1);
    expect(h.log.slice(0, read)).toEqual(
      expect.arrayContaining(['spawn', 'ping-end', ...KNOCK_PORTS.map((p) => `knock:${p}`)]),
    );
    expect(h.log.filter((l) => l.startsWith('knock:'))).toHaveLength(KNOCK_PORTS.length);
  });

  it('does not take an incomplete neighbour entry (flags 0x0) for an owner, with or without a MAC', async () => {
    for (const mac of ['00:00:00:00:00:00', '02:00:c0:a8:32:77']) {
      const proof = await prove(harness({ arp: ARP_HEADER + arpLine(TARGET, '0x0', mac) }));
      expect(proof).toMatchObject({ free: true, mac: null });
      expect(byMethod(proof).arp!.result).toBe('silent');
    }
  });

  it('says nobody answered the ARP request when ping reports the host unreachable', async () => {
    const stdout = `From 192.168.50.10 icmp_seq=1 Destination Host Unreachable\n`;
    const proof = await prove(harness({ ping: { kind: 'exit', code: 1, stdout } }));
    expect(proof.free).toBe(true);
    expect(byMethod(proof).icmp!.detail).toContain("nobody answered this computer's ARP request");
  });

  it('is free when the TCP connector reports the host unreachable, and says so', async () => {
    const ports = Object.fromEntries(KNOCK_PORTS.map((p) => [p, 'unreachable' as const]));
    const proof = await prove(harness({ ports }));
    expect(proof.free).toBe(true);
    expect(byMethod(proof).tcp!.detail).toContain("nobody answered this computer's ARP request");
  });
});

describe('proveAddressFree: methods this computer cannot use', () => {
  it('reports a missing ping as unavailable, not as a failure, and still proves with the others', async () => {
    const h = harness({ ping: { kind: 'error', code: 'ENOENT' } });
    const proof = await prove(h);
    expect(proof.free).toBe(true);
    expect(byMethod(proof).icmp).toEqual({
      method: 'icmp',
      result: 'unavailable',
      detail: 'The ping program is not installed on this computer, so no ICMP echo was sent.',
    });
  });

  it('reports a ping that may not open its socket as unavailable', async () => {
    const stderr = 'ping: socket: Operation not permitted\n';
    const proof = await prove(harness({ ping: { kind: 'exit', code: 2, stderr } }));
    expect(proof.free).toBe(true);
    expect(byMethod(proof).icmp!.result).toBe('unavailable');
    expect(byMethod(proof).icmp!.detail).toContain('no permission');
  });

  it('reports a spawn that throws, and any other ping error, as unavailable', async () => {
    const thrown = await prove(harness({ ping: { kind: 'throw', code: 'EACCES' } }));
    expect(byMethod(thrown).icmp).toMatchObject({ result: 'unavailable', detail: expect.stringContaining('allow') });
    const other = await prove(harness({ ping: { kind: 'exit', code: 2, stderr: 'ping: bad\x07 thing\n' } }));
    expect(byMethod(other).icmp).toMatchObject({
      result: 'unavailable',
      detail: 'ping could not run (ping: bad thing), so that check was skipped.',
    });
  });

  it('reports an unreadable neighbour table as unavailable', async () => {
    const proof = await prove(harness({ arp: null }));
    expect(proof.free).toBe(true);
    expect(byMethod(proof).arp!.result).toBe('unavailable');
  });

  it('is never free when nothing could be sent (no ping, no route for TCP), even with an empty table', async () => {
    const ports = Object.fromEntries(KNOCK_PORTS.map((p) => [p, 'no-route' as const]));
    const proof = await prove(harness({ ping: { kind: 'error', code: 'ENOENT' }, ports }));
    expect(proof.free).toBe(false);
    expect(proof.evidence.map((e) => e.result)).toEqual(['unavailable', 'unavailable', 'silent']);
    expect(byMethod(proof).tcp!.detail).toBe(`This computer has no route to ${TARGET}, so no TCP knock could be sent.`);
  });

  it('says when it ran out of connections for TCP', async () => {
    const ports = Object.fromEntries(KNOCK_PORTS.map((p) => [p, 'no-resources' as const]));
    const proof = await prove(harness({ ports }));
    expect(byMethod(proof).tcp!.result).toBe('unavailable');
    expect(proof.free).toBe(true); // ping was silent
  });
});

describe('proveAddressFree: bounded, cancellable, safe with its input', () => {
  it('runs one ping with a fixed argv and stops everything at the bound', async () => {
    const h = harness({ ping: { kind: 'hang' } });
    let settled = false;
    const proof = proveAddressFree(TARGET, { deps: h.deps }).then((p) => {
      settled = true;
      return p;
    });
    await h.clock.advance(1399);
    expect(settled).toBe(false);
    expect(h.children[0]!.killed).toEqual([]);
    await h.clock.advance(1);
    expect(settled).toBe(true);
    expect(h.spawns).toEqual([{ command: 'ping', args: ['-n', '-c', '1', '-W', '1', TARGET] }]);
    expect(h.children[0]!.killed).toEqual(['SIGKILL']);
    expect(h.cancelled.sort((a, b) => a - b)).toEqual([...KNOCK_PORTS].sort((a, b) => a - b));
    expect(h.clock.pending()).toBe(0);
    expect((await proof).free).toBe(true);
  });

  it('scales the bound with timeoutMs', async () => {
    const h = harness({ ping: { kind: 'hang' } });
    let settled = false;
    void proveAddressFree(TARGET, { deps: h.deps, timeoutMs: 3100 }).then(() => (settled = true));
    await h.clock.advance(2999);
    expect(settled).toBe(false);
    await h.clock.advance(1);
    expect(settled).toBe(true);
    expect(h.spawns[0]!.args).toEqual(['-n', '-c', '1', '-W', '3', TARGET]);
  });

  it('ends without waiting for the bound when every method has answered', async () => {
    const h = harness({ ping: { kind: 'exit', code: 0 }, ports: ALL_REFUSED });
    let settled = false;
    const proof = proveAddressFree(TARGET, { deps: h.deps }).then((p) => ((settled = true), p));
    await flush();
    await flush();
    expect(settled).toBe(true);
    expect(h.clock.now).toBe(0);
    expect((await proof).free).toBe(false);
    expect(h.clock.pending()).toBe(0);
  });

  it('knocks only on the ports it is given', async () => {
    const h = harness({ ports: { 81: 'open' } });
    const proof = proveAddressFree(TARGET, { deps: h.deps, ports: [80, 81] });
    await h.clock.advance(5000);
    expect(h.log.filter((l) => l.startsWith('knock:'))).toEqual(['knock:80', 'knock:81']);
    expect(byMethod(await proof).tcp!.detail).toBe(`${TARGET} answered on TCP 81 (connection accepted).`);
  });

  it('stops ping and every connection when cancelled, reads nothing, and rejects as cancelled', async () => {
    const h = harness({ ping: { kind: 'hang' } });
    const controller = new AbortController();
    const proof = proveAddressFree(TARGET, { deps: h.deps, signal: controller.signal });
    const outcome = proof.catch((e: unknown) => e);
    await h.clock.advance(300);
    controller.abort();
    expect(await outcome).toMatchObject({ code: 'CANCELLED' });
    expect(h.children[0]!.killed).toEqual(['SIGKILL']);
    expect(h.cancelled).toHaveLength(KNOCK_PORTS.length);
    expect(h.log).not.toContain('read:/proc/net/arp');
    expect(h.clock.pending()).toBe(0);
  });

  it('sends nothing when already cancelled', async () => {
    const h = harness();
    const controller = new AbortController();
    controller.abort();
    await expect(proveAddressFree(TARGET, { deps: h.deps, signal: controller.signal })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    expect(h.log).toEqual([]);
  });

  it('sends nothing for a malformed address, and never calls it free', async () => {
    for (const bad of ['-f', '192.168.50.1 -f', '192.168.050.1', '192.168.50', '300.1.1.1', '', ' 192.168.50.9']) {
      const h = harness();
      const proof = await prove(h, bad);
      expect(proof.free).toBe(false);
      expect(proof.evidence.map((e) => e.result)).toEqual(['unavailable', 'unavailable', 'unavailable']);
      expect(h.log).toEqual([]);
    }
  });
});

describe('pingArguments', () => {
  it('asks for one echo with a wait in the unit each system uses', () => {
    expect(pingArguments('linux', TARGET, 1400)).toEqual(['-n', '-c', '1', '-W', '1', TARGET]);
    expect(pingArguments('linux', TARGET, 500)).toEqual(['-n', '-c', '1', '-W', '1', TARGET]);
    expect(pingArguments('darwin', TARGET, 1400)).toEqual(['-n', '-c', '1', '-W', '1400', TARGET]);
    expect(pingArguments('win32', TARGET, 1400)).toEqual(['-n', '1', '-w', '1400', TARGET]);
  });

  it('on Windows, counts only a reply with a TTL (a router\'s "unreachable" also exits 0)', async () => {
    const unreachable = await prove(
      harness({
        platform: 'win32',
        ping: { kind: 'exit', code: 0, stdout: 'Reply from 192.168.50.10: Destination host unreachable.' },
      }),
    );
    expect(byMethod(unreachable).icmp!.result).toBe('silent');
    const reply = await prove(
      harness({
        platform: 'win32',
        ping: { kind: 'exit', code: 0, stdout: `Reply from ${TARGET}: bytes=32 time<1ms TTL=64` },
      }),
    );
    expect(byMethod(reply).icmp!.result).toBe('answered');
  });
});
