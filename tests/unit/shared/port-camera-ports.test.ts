import { describe, expect, it } from 'vitest';
import { CAMERA_PORT_ALTERNATES, CAMERA_PORTS } from '../../../src/shared/catalog/camera-ports';
import { BRAND_PORTS, RISKY_SERVICES } from '../../../src/shared/catalog/ports';

// The quick list of camera ports rests on the catalogue: every port on it is a catalogue fact (TCP), or one of the
// named alternates with the reason it is there.

const catalogueTcp = new Set<number>();
for (const f of [...BRAND_PORTS.flatMap((b) => b.ports), ...RISKY_SERVICES])
  if (f.transport === 'tcp') for (let p = f.port; p <= (f.portEnd ?? f.port); p++) catalogueTcp.add(p);

describe('CAMERA_PORTS', () => {
  it('is ascending, without repeats, all valid TCP ports', () => {
    expect([...CAMERA_PORTS]).toEqual([...new Set(CAMERA_PORTS)].sort((a, b) => a - b));
    for (const p of CAMERA_PORTS) expect(Number.isInteger(p) && p >= 1 && p <= 65535).toBe(true);
  });

  it('holds only catalogue ports and the named alternates', () => {
    const unexplained = CAMERA_PORTS.filter((p) => !catalogueTcp.has(p) && CAMERA_PORT_ALTERNATES[p] === undefined);
    expect(unexplained).toEqual([]);
  });

  it('names as alternates only ports the catalogue does not hold, each on the list', () => {
    for (const p of Object.keys(CAMERA_PORT_ALTERNATES).map(Number)) {
      expect(catalogueTcp.has(p), `${p} is a catalogue fact`).toBe(false);
      expect(CAMERA_PORTS).toContain(p);
    }
  });
});
