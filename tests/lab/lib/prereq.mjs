// Debian packages the lab, its simulators and the tests need. Checks them and, as root with apt-get,
// installs what is missing (saying so on stderr); otherwise fails with the exact apt-get command.
import { existsSync, unlinkSync, writeFileSync } from 'node:fs';
import { run, haveCommand } from './exec.mjs';

/** Package groups: `core` builds the lab, `tools` are the third-party clients the tests drive,
 * `sim` runs the simulators' RTSP servers, `browser` is for the browser-mode E2E. */
export const LAB_PACKAGES = {
  core: ['iproute2', 'nftables', 'miniupnpd-nftables', 'dnsmasq'],
  tools: ['miniupnpc', 'dnsutils', 'curl', 'netcat-openbsd', 'busybox', 'nmap', 'onvif-tools', 'iputils-ping', 'iptables', 'nginx-light', 'caddy', 'wireguard-go', 'wireguard-tools', 'poppler-utils', 'fonts-droid-fallback'],
  sim: ['python3-gi', 'gir1.2-gst-rtsp-server-1.0', 'gstreamer1.0-plugins-base', 'gstreamer1.0-plugins-good', 'gstreamer1.0-plugins-ugly'],
  browser: ['chromium'],
};

/** Commands that must work after installation (package → command). */
const COMMANDS = { iproute2: 'ip', nftables: 'nft', 'miniupnpd-nftables': 'miniupnpd', dnsmasq: 'dnsmasq', miniupnpc: 'upnpc', dnsutils: 'dig', curl: 'curl', 'netcat-openbsd': 'nc', busybox: 'busybox', nmap: 'nmap', 'onvif-tools': 'onvif-util', iptables: 'iptables', 'nginx-light': 'nginx', caddy: 'caddy', 'wireguard-go': 'wireguard-go', 'wireguard-tools': 'wg', 'poppler-utils': 'pdftotext', chromium: 'chromium' };

const POLICY_RC_D = '/usr/sbin/policy-rc.d';

/**
 * Installing a server (nginx, caddy, dnsmasq, miniupnpd) must not start it on this machine: the tests run their own
 * copies in throwaway namespaces. Debian's maintainer scripts ask /usr/sbin/policy-rc.d, and exit 101 means "do not
 * start". Writes it when there is none (returns true: the caller removes it after apt-get); keeps one that is there.
 */
function noServiceStarts() {
  if (existsSync(POLICY_RC_D)) return false;
  writeFileSync(POLICY_RC_D, '#!/bin/sh\n# nvr-assist lab: apt-get starts no service while the lab installs its packages.\nexit 101\n', { mode: 0o755 });
  return true;
}

export const aptCommand = (pkgs) => `apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=600 ${pkgs.join(' ')}`;

/** Which of `pkgs` are not installed (dpkg's view; falls back to looking for the command). */
export function missingPackages(pkgs) {
  if (haveCommand('dpkg-query')) {
    const r = run('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...pkgs], { allowFail: true });
    const installed = new Set(r.stdout.split('\n').filter((l) => l.endsWith(' installed')).map((l) => l.split(' ')[0].split(':')[0]));
    return pkgs.filter((p) => !installed.has(p));
  }
  return pkgs.filter((p) => COMMANDS[p] && !haveCommand(COMMANDS[p]));
}

/**
 * Make sure the lab's packages are present. Returns true when they are (installing them if it may);
 * otherwise logs what is missing with the exact apt-get command and returns false.
 * @param {{ log?: (msg: string) => void, groups?: (keyof typeof LAB_PACKAGES)[] }} [opts]
 * @returns {boolean}
 */
export function ensureLabPackages({ log = (m) => process.stderr.write(m + '\n'), groups = ['core', 'tools', 'sim', 'browser'] } = {}) {
  try {
    checkAndInstall(log, groups);
    return true;
  } catch (e) {
    log(e.message);
    return false;
  }
}

function checkAndInstall(log, groups) {
  const pkgs = groups.flatMap((g) => LAB_PACKAGES[g] ?? []);
  const missing = missingPackages(pkgs);
  if (missing.length > 0) {
    const isRoot = process.getuid?.() === 0;
    if (!isRoot || !haveCommand('apt-get')) {
      throw new Error(`lab: missing packages: ${missing.join(' ')}\n  install them with: ${aptCommand(missing)}`);
    }
    log(`lab: installing missing packages: ${missing.join(' ')} (apt-get, this can take a few minutes)`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let r;
    const ours = noServiceStarts();
    try {
      r = run('apt-get', aptCommand(missing).split(' ').slice(1), { allowFail: true, timeoutMs: 900_000, env });
      if (r.code !== 0) {
        log('lab: apt-get install failed; running apt-get update and retrying');
        run('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'update'], { allowFail: true, timeoutMs: 600_000, env });
        r = run('apt-get', aptCommand(missing).split(' ').slice(1), { allowFail: true, timeoutMs: 900_000, env });
      }
    } finally {
      if (ours) unlinkSync(POLICY_RC_D);
    }
    const still = missingPackages(missing);
    if (r.code !== 0 || still.length) {
      throw new Error(`lab: could not install ${still.join(' ') || missing.join(' ')}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}\n  run: ${aptCommand(still.length ? still : missing)}`);
    }
  }
  if (pkgs.includes('miniupnpd-nftables')) {
    const v = run('miniupnpd', ['--version'], { allowFail: true });
    if (!/nftables/.test(v.stdout + v.stderr)) {
      throw new Error('lab: /usr/sbin/miniupnpd is not the nftables build; install it with: ' + aptCommand(['miniupnpd-nftables']));
    }
  }
}
