// The lab router's UPnP mappings as miniupnpc's upnpc lists them, and hik's own UPnP syncs: shared by the UPnP lab
// suites (app-upnp, app-upnp-watch). Needs the lab up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { inNs, lab, pollUntil, ROUTER, RUN_DIR } from '../lab/lib/testkit.mjs';

const ROOT_DESC = `http://${ROUTER.lan}:${ROUTER.upnpHttpPort}/rootDesc.xml`;

/** The router's mappings as upnpc lists them: "TCP 8000 192.168.50.64 8000", sorted. */
export function upnpcMappings(): string[] {
  const r = inNs('client', 'upnpc', ['-i', '-u', ROOT_DESC, '-L'], { timeoutMs: 30_000 });
  expect(r.code, r.stderr).toBe(0);
  return [...r.stdout.matchAll(/^\s*\d+\s+(TCP|UDP)\s+(\d+)->([\d.]+):(\d+)\s/gm)]
    .map((m) => `${m[1]} ${m[2]} ${m[3]} ${m[4]}`)
    .sort();
}

/** hik's count of UPnP syncs (it adds its mappings at start and at each renewal). */
export function hikSyncs(): number {
  try {
    return (JSON.parse(readFileSync(join(RUN_DIR, 'sim-hik', 'upnp-sync.json'), 'utf8')) as { count: number }).count;
  } catch {
    return 0;
  }
}

/** hik adds its mappings again (once), then stops renewing: the lab's mappings are back as they were. */
export async function hikMapsAgain(): Promise<void> {
  const before = hikSyncs();
  expect(lab(['sim', 'hik', 'upnp-renew', '1']).code).toBe(0);
  try {
    await pollUntil(() => hikSyncs() > before, { timeoutMs: 20_000, what: 'hik to add its UPnP mappings again' });
  } finally {
    expect(lab(['sim', 'hik', 'upnp-renew', 'off']).code).toBe(0);
  }
}
