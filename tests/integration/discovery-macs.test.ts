// Every device the built CLI's `discover` lists in the lab carries its MAC — also a device that did not send one
// (the rogue host answers WS-Discovery and SSDP without a MAC scope): the app reads it from the client's neighbour
// table after the search. The table is emptied first, so every entry it reads was learned during the search.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { discoveredDeviceSchema, type DiscoveredDevice } from '../../src/shared/domain/device';
import { NEIGHBOUR_NOTE } from '../../src/main/services/discovery/neighbours';
import { inNs, ROGUE, SIMULATORS } from '../lab/lib/testkit.mjs';

let devices: DiscoveredDevice[];

beforeAll(() => {
  const flush = inNs('client', 'ip', ['neigh', 'flush', 'dev', 'eth0']);
  expect(flush.code, flush.stderr).toBe(0);
  const dataDir = mkdtempSync(join(tmpdir(), 'lab-macs-'));
  const r = inNs(
    'client',
    'env',
    [`NVR_ASSIST_DATA_DIR=${dataDir}`, process.execPath, 'bin/nvr-assist.js', 'discover', '--json'],
    {
      timeoutMs: 30_000,
    },
  );
  expect(r.code, r.stderr).toBe(0);
  devices = (JSON.parse(r.stdout) as { devices: unknown[] }).devices.map((d) => discoveredDeviceSchema.parse(d));
});

describe('MACs of discovered devices in the lab', () => {
  it('every simulator has the MAC the lab gave it', () => {
    for (const sim of SIMULATORS) {
      const found = devices.filter((d) => d.mac === sim.mac);
      expect(found, sim.host).toHaveLength(1);
      if (sim.ip !== 'dhcp') expect(found[0]!.addresses, sim.host).toContain(sim.ip);
    }
  });

  it('a device that sent no MAC gets it from the neighbour table, and says where it came from', () => {
    const rogue = devices.find((d) => d.addresses.includes(ROGUE.ip));
    expect(rogue, 'the rogue host answers every search and should be listed').toBeDefined();
    expect(rogue!.mac).toBe(ROGUE.mac);
    expect(rogue!.notes).toContain(NEIGHBOUR_NOTE);
  });

  it('no device is left without a MAC, and no MAC is given twice', () => {
    expect(devices.filter((d) => d.mac === null).map((d) => d.addresses)).toEqual([]);
    const macs = devices.map((d) => d.mac);
    expect(new Set(macs).size).toBe(macs.length);
  });
});
