import { describe, expect, it } from 'vitest';
import { inNs, lab, SIMULATORS } from '../lab/lib/testkit.mjs';

// The README's promise: `npm run lab -- rogue quiet` then `npm run lab -- exec client onvif-util -a` lists the
// simulators (onvif-util cannot cope with the rogue host's hostile answers, which is the rogue's purpose).
describe('lab tools by hand', () => {
  it('rogue quiet lets onvif-util -a list every simulator, and rogue loud brings the rogue back', () => {
    expect(lab(['rogue', 'quiet']).code).toBe(0);
    try {
      const r = inNs('client', 'onvif-util', ['-a'], { timeoutMs: 40_000 });
      for (const s of SIMULATORS) expect(r.stdout).toContain(s.name);
      expect(r.stdout).toMatch(new RegExp(`Found ${SIMULATORS.length} cameras`));
    } finally {
      expect(lab(['rogue', 'loud']).code).toBe(0);
    }
  });

  it('refuses an unknown rogue mode', () => {
    expect(lab(['rogue', 'sideways']).code).not.toBe(0);
  });
});
