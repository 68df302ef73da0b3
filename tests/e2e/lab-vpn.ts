import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The user's side of the VPN step in the lab, for the VPN journey (vpn-journey-step.spec.ts): the WireGuard configs
// the page wrote brought up with `wg-quick up <file>` over Debian's wireguard-go (the kernel here has no WireGuard
// module), as tests/integration/vpn-tunnel.test.ts does — the server where the plan says it runs, and the device's
// in a "phone" namespace of this test's own on the internet side: a veth to the lab's `nvrlab-wan` (the internet), in
// a test network of its own (192.0.2.0/24, TEST-NET-1), so the phone reaches the router's public address only through
// the internet host (which then forwards: turned on for the test, put back after).
//
//   hik 192.168.50.64 ── br0 router 203.0.113.2 (wan0) ── 203.0.113.1 wan 192.0.2.1 ── 192.0.2.10 phone
//
// Each interface has its own name (wgs<n>, wgp<n>): wireguard-go's control socket lives in /var/run/wireguard, shared
// by all namespaces. wg-quick's userspace fallback is a script of ours that runs `wireguard-go -f` in the background
// and records its PID (wg-quick's own runs it daemonised, whose PID we could not stop by). Everything is undone by
// `down()`: each tunnel taken down by wg-quick (its PostDown lines), each wireguard-go stopped by its PID, the phone
// namespace deleted by name, the sysctls and the empty nftables tables the configs' iptables lines made put back.

const N = process.pid % 100000;
/** The interface names (and so the config files' names: wg-quick names the interface after the file). */
export const WG_IF = { server: `wgs${N}`, phone: `wgp${N}` } as const;
export const PHONE_NS = `nvrlab-vpnph${N}`;
export const PHONE = { address: '192.0.2.10', wanSide: '192.0.2.1', prefix: 24 };
const WAN_NS = 'nvrlab-wan';
const WAN_LINK = `ph${N}`;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runIn(ns: string | null, cmd: string, args: string[], env: NodeJS.ProcessEnv, timeout = 30_000): Run {
  const [bin, argv] = ns ? ['ip', ['netns', 'exec', ns, cmd, ...args]] : [cmd, args];
  const r = spawnSync(bin as string, argv as string[], { encoding: 'utf8', timeout, env });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
}

function must(r: Run, what: string): string {
  if (r.code !== 0) throw new Error(`${what}: ${r.stderr}`);
  return r.stdout;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sysctlForward = (ns: string): string =>
  runIn(ns, 'sysctl', ['-n', 'net.ipv4.ip_forward'], process.env).stdout.trim();
const nftTables = (ns: string): string[] =>
  runIn(ns, 'nft', ['list', 'tables'], process.env).stdout.trim().split('\n').filter(Boolean);

/** The tunnels of one test: `dir` holds the helper script, wireguard-go's logs and PIDs. */
export function labTunnels(dir: string, serverNs: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WG_I_PREFER_BUGGY_USERSPACE_TO_POLISHED_KMOD: '1',
    WG_QUICK_USERSPACE_IMPLEMENTATION: join(dir, 'wireguard-go-fg.sh'),
  };
  // wg-quick's userspace fallback, ours: wireguard-go in the foreground (-f), backgrounded, its PID kept; returns once
  // the control socket is there (5 s at most).
  writeFileSync(
    env.WG_QUICK_USERSPACE_IMPLEMENTATION!,
    [
      '#!/bin/sh',
      `wireguard-go -f "$1" > "${dir}/$1.log" 2>&1 &`,
      `echo $! > "${dir}/$1.pid"`,
      'i=0; while [ ! -S "/var/run/wireguard/$1.sock" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done',
      '[ -S "/var/run/wireguard/$1.sock" ]',
      '',
    ].join('\n'),
    { mode: 0o700 },
  );
  /** What was there before this test touched it, to put back: ip_forward of the two namespaces, the server's tables. */
  const before = {
    serverForward: sysctlForward(serverNs),
    wanForward: sysctlForward(WAN_NS),
    serverTables: nftTables(serverNs),
  };
  const up: Array<{ ns: string; file: string; iface: string }> = [];
  let phoneMade = false;
  let wanForwardSet = false;

  const pidOf = (iface: string): number | null => {
    const f = join(dir, `${iface}.pid`);
    return existsSync(f) ? Number(readFileSync(f, 'utf8').trim()) || null : null;
  };

  return {
    run: (ns: string | null, cmd: string, args: string[], timeout?: number) => runIn(ns, cmd, args, env, timeout),
    pidOf,

    /** The phone: its own namespace, linked to the internet host, its default route through it. */
    makePhone(): void {
      must(runIn(null, 'ip', ['netns', 'add', PHONE_NS], env), 'ip netns add');
      phoneMade = true;
      must(
        runIn(
          null,
          'ip',
          ['link', 'add', WAN_LINK, 'netns', WAN_NS, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', PHONE_NS],
          env,
        ),
        'veth',
      );
      must(runIn(WAN_NS, 'ip', ['addr', 'add', `${PHONE.wanSide}/${PHONE.prefix}`, 'dev', WAN_LINK], env), 'wan addr');
      must(runIn(WAN_NS, 'ip', ['link', 'set', WAN_LINK, 'up'], env), 'wan link');
      must(runIn(PHONE_NS, 'ip', ['addr', 'add', `${PHONE.address}/${PHONE.prefix}`, 'dev', 'eth0'], env), 'addr');
      for (const dev of ['lo', 'eth0']) must(runIn(PHONE_NS, 'ip', ['link', 'set', dev, 'up'], env), 'link');
      must(runIn(PHONE_NS, 'ip', ['route', 'add', 'default', 'via', PHONE.wanSide], env), 'route');
      if (before.wanForward !== '1') {
        wanForwardSet = true;
        must(runIn(WAN_NS, 'sysctl', ['-q', '-w', 'net.ipv4.ip_forward=1'], env), 'wan forwarding');
      }
    },

    /** `wg-quick up <file>` in `ns`, exactly as written; remembered for down(). */
    wgUp(ns: string, file: string, iface: string): Run {
      up.push({ ns, file, iface });
      return runIn(ns, 'wg-quick', ['up', file], env);
    },

    /** `wg-quick down <file>`. */
    wgDown(ns: string, file: string): Run {
      const i = up.findIndex((u) => u.file === file);
      if (i >= 0) up.splice(i, 1);
      return runIn(ns, 'wg-quick', ['down', file], env);
    },

    /** Everything undone, whatever failed before (each part on its own). */
    async down(): Promise<string[]> {
      const failed: string[] = [];
      const attempt = (what: string, work: () => void) => {
        try {
          work();
        } catch (e) {
          failed.push(`${what}: ${(e as Error).message}`);
        }
      };
      for (const u of up.splice(0).reverse())
        attempt(`wg-quick down ${u.iface}`, () => runIn(u.ns, 'wg-quick', ['down', u.file], env));
      for (const iface of Object.values(WG_IF)) {
        const pid = pidOf(iface);
        if (pid && alive(pid)) process.kill(pid, 'SIGTERM');
        for (let i = 0; pid && alive(pid) && i < 50; i++) await new Promise((r) => setTimeout(r, 100));
        if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
        rmSync(join('/var/run/wireguard', `${iface}.sock`), { force: true });
        rmSync(join('/var/run/wireguard', `${iface}.name`), { force: true });
      }
      // The server's interface, if wg-quick down could not delete it (its process gone, the link stays).
      attempt('server link', () => runIn(serverNs, 'ip', ['link', 'del', WG_IF.server], env));
      if (phoneMade) {
        // Deleting the namespace deletes the veth, its other end in the internet host with it.
        attempt('phone namespace', () => must(runIn(null, 'ip', ['netns', 'del', PHONE_NS], env), 'ip netns del'));
        phoneMade = false;
      }
      if (wanForwardSet)
        attempt('wan forwarding', () =>
          must(runIn(WAN_NS, 'sysctl', ['-q', '-w', `net.ipv4.ip_forward=${before.wanForward}`], env), 'sysctl'),
        );
      wanForwardSet = false;
      // The server config's PostUp turned forwarding on, and its iptables lines made tables the server had not.
      attempt('server forwarding', () =>
        must(runIn(serverNs, 'sysctl', ['-q', '-w', `net.ipv4.ip_forward=${before.serverForward}`], env), 'sysctl'),
      );
      for (const t of nftTables(serverNs).filter((x) => !before.serverTables.includes(x)))
        attempt(t, () => must(runIn(serverNs, 'nft', ['delete', ...t.split(' ')], env), 'nft delete'));
      return failed;
    },

    /** What the namespaces look like now against before (for the afterAll's own check). */
    leftOver(): string[] {
      const out: string[] = [];
      if (sysctlForward(serverNs) !== before.serverForward) out.push(`${serverNs} ip_forward`);
      if (sysctlForward(WAN_NS) !== before.wanForward) out.push(`${WAN_NS} ip_forward`);
      const tables = nftTables(serverNs);
      if (JSON.stringify(tables) !== JSON.stringify(before.serverTables)) out.push(`${serverNs} tables ${tables}`);
      if (runIn(null, 'ip', ['netns', 'list'], env).stdout.includes(PHONE_NS)) out.push(PHONE_NS);
      if (runIn(WAN_NS, 'ip', ['link', 'show', WAN_LINK], env).code === 0) out.push(`${WAN_NS} ${WAN_LINK}`);
      if (runIn(serverNs, 'ip', ['link', 'show', WG_IF.server], env).code === 0) out.push(WG_IF.server);
      return out;
    },
  };
}
