// usedIndex: the ports in use elsewhere (or on the device) indexed once, so a proposal beside thousands of used ports
// is not quadratic (a known-devices list of 22 757 ports took 0.9 s per proposal, over 30 s under mutation testing).
// It must answer exactly what takenBy answers: the first entry of the list for that port and transport.
import { describe, expect, it } from 'vitest';
import { takenBy, usedIndex, type UsedPort } from '../../../../src/shared/catalog/port-proposal-rules';

const list: UsedPort[] = [
  { port: 15000, transport: 'udp', where: 'cam A' },
  { port: 15000, where: 'recorder B' },
  { port: 15000, transport: 'tcp', where: 'cam C' },
  { port: 20000, transport: 'tcp', where: 'cam D' },
];

describe('usedIndex answers as takenBy does', () => {
  it('the first entry for the port and transport; an entry without a transport takes both; others none', () => {
    const index = usedIndex(list);
    for (const port of [15000, 20000, 20001, 1])
      for (const transport of ['tcp', 'udp'] as const)
        expect(index(port, transport), `${port}/${transport}`).toBe(takenBy(list, port, transport));
    expect(index(15000, 'tcp')).toBe(list[1]);
    expect(index(15000, 'udp')).toBe(list[0]);
    expect(index(20000, 'udp')).toBeUndefined();
    expect(usedIndex([])(15000, 'tcp')).toBeUndefined();
  });
});
