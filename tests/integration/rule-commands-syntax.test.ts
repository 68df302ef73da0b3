// The nftables text `nvr-assist rules --router nftables` writes (src/shared/domain/rule-commands.ts) is accepted by
// nft itself: `nft -c -f` on each golden plan (tests/fixtures/rule-commands/plans.json), and the one-liners for an
// existing forward chain added to such a chain. Each runs in a throwaway network namespace (`unshare -n`): nothing
// touches this machine's or the lab's rulesets, and the namespace goes when nft exits. Needs root (nft -c talks to
// the kernel), not the lab. The iptables text cannot be checked here (iptables is not installed); OpenWrt and
// MikroTik have no tool here either: their lines are held to a grammar in the unit test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forwardPlanSchema, type ForwardPlan } from '../../src/shared/domain/forward-plan';
import { nftablesCommands } from '../../src/shared/domain/rule-commands';

const PLANS = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/rule-commands/plans.json'), 'utf8')) as Record<
  'limited' | 'open',
  unknown
>;
const limited: ForwardPlan = forwardPlanSchema.parse(PLANS.limited);
const open: ForwardPlan = forwardPlanSchema.parse(PLANS.open);

const dir = mkdtempSync(join(tmpdir(), 'rule-commands-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a shell script in a new, empty network namespace (its own nftables ruleset), as root. */
function inThrowawayNs(script: string) {
  const r = spawnSync('unshare', ['-n', 'sh', '-ec', script], { encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: `${r.stderr}${r.error ? String(r.error) : ''}` };
}

/** The file part of the text (up to the first blank line), written where nft can read it. */
function nftFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, `${text.split('\n\n')[0]}\n`);
  return file;
}

describe('the nftables text, checked by nft in a throwaway namespace', () => {
  it('this machine can run nft -c in a namespace of its own (else the checks below prove nothing)', () => {
    const ok = inThrowawayNs(
      `nft -c -f ${nftFile('ok.nft', 'table inet t {\n  chain c { type filter hook forward priority filter; policy accept; }\n}')}`,
    );
    expect(ok.code, ok.stderr).toBe(0);
    // A wrong file is refused: nft -c really checks it (in an inet table a DNAT needs `dnat ip to`, ROUTERS.md §2.3).
    const bad = inThrowawayNs(
      `nft -c -f ${nftFile('bad.nft', 'table inet t {\n  chain c { type nat hook prerouting priority dstnat; tcp dport 80 dnat to 192.0.2.1:443; }\n}')}`,
    );
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/ip or ip6 must be specified/);
    // What nft -c does not catch (measured: a DNAT in a filter chain passes -c, the kernel refuses it on load), a
    // real load in the namespace does: the tests below load the text too.
    const filterDnat =
      'table inet t {\n  chain c { type filter hook forward priority filter; tcp dport 80 dnat ip to 192.0.2.1; }\n}';
    expect(inThrowawayNs(`nft -f ${nftFile('filter-dnat.nft', filterDnat)}`).code).not.toBe(0);
  });

  it.each([
    ['two rules from two allowed sources', limited],
    ['two rules open to anyone', open],
  ])('nft -c accepts the file for %s, and it loads', (_, plan) => {
    const file = nftFile('plan.nft', nftablesCommands(plan, { wan: 'eth1' }));
    const r = inThrowawayNs(`nft -c -f ${file}\nnft -f ${file}\nnft list table inet nvr_assist`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.match(/ dnat ip to /g)).toHaveLength(2);
  });

  it('the file loads, and nft reads back the planned DNATs, the allowed set and the accepts', () => {
    const file = nftFile('load.nft', nftablesCommands(limited));
    const r = inThrowawayNs(`nft -f ${file}; nft list table inet nvr_assist`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/elements = \{ 198\.51\.100\.0\/24, 203\.0\.113\.7 \}/);
    expect(r.stdout).toContain('iifname "wan0" ip saddr @nvr_allowed tcp dport 10443 dnat ip to 192.168.1.64:443');
    expect(r.stdout).toContain('iifname "wan0" ip saddr @nvr_allowed tcp dport 8000 dnat ip to 192.168.1.64:8000');
    expect(r.stdout).toContain('ip daddr 192.168.1.64 tcp dport 443 ct status dnat accept');
  });

  it('the accepts for an existing dropping forward chain are added to it as written (the shell lines, run by sh)', () => {
    const text = nftablesCommands(limited, { forwardChain: 'inet filter forward' });
    const lines = text.split('\n').filter((l) => l.startsWith('nft add rule '));
    expect(lines).toHaveLength(2);
    const script = [
      `nft 'add table inet filter'`,
      `nft 'add chain inet filter forward { type filter hook forward priority filter; policy drop; }'`,
      `nft -f ${nftFile('chain.nft', text)}`,
      ...lines,
      'nft list chain inet filter forward',
    ].join('\n');
    const r = inThrowawayNs(script);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'iifname "wan0" ip daddr 192.168.1.64 tcp dport 443 ct status dnat accept comment "nvr-assist NVR Web page (HTTPS)"',
    );
    expect(r.stdout).toContain(
      'iifname "wan0" ip daddr 192.168.1.64 tcp dport 8000 ct status dnat accept comment "nvr-assist NVR App/SDK port"',
    );
  });

  // checkSource accepts both and main only drops exact duplicates; without auto-merge an interval set refuses
  // overlapping elements ("conflicting intervals specified") and the whole file would fail to load.
  it('a network and an address inside it, both allowed, still load', () => {
    const overlapping = { ...limited, sources: ['198.51.100.0/24', '198.51.100.7'] };
    const r = inThrowawayNs(`nft -c -f ${nftFile('overlap.nft', nftablesCommands(overlapping))}`);
    expect(r.code, r.stderr).toBe(0);
  });

  // `nft -f` adds to an existing table: the text declares, deletes and writes its table whole, so a changed plan
  // replaces the old one (here a source the user removed is no longer allowed).
  it('loading the text for a changed plan leaves no source of the old plan allowed', () => {
    const narrower = { ...limited, sources: ['203.0.113.7'] };
    const r = inThrowawayNs(
      `nft -f ${nftFile('first.nft', nftablesCommands(limited))}; nft -f ${nftFile('second.nft', nftablesCommands(narrower))}; nft list set inet nvr_assist nvr_allowed`,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('198.51.100.0/24');
  });
});
