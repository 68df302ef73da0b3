// `nvr-assist approach` without a choice: the three ways to reach the NVR in English (the catalogue's words, as the
// Network page shows them) and in the pseudo locale (every sentence said by key, none left in English).
import { describe, expect, it } from 'vitest';
import { renderApproaches } from '../../../../src/main/features/network';
import { approachWords } from '../../../../src/shared/guidance/approaches';
import { createTranslator } from '../../../../src/shared/i18n';

describe('renderApproaches', () => {
  it('lists each way with what to type, its words, what is good and what to watch, the VPN recommended', () => {
    const text = renderApproaches();
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'vpn: VPN (recommended)',
      '  Your phone or laptop joins your home network through an encrypted tunnel (WireGuard, Tailscale or ZeroTier). The NVR stays invisible to the internet: nobody can even try its password.',
      '  Good:',
      '  - Nothing on the NVR is exposed to the internet, so its security holes cannot be reached from outside.',
    ]);
    expect(lines).toContain('port-forwarding: Port forwarding, with care');
    expect(lines).toContain('vendor-cloud: Vendor cloud (P2P)');
    expect(lines).toContain(
      '  - Never forward web port 80 or 443 straight through: bots scan those ports all day and try default passwords and known exploits.',
    );
    expect(text.match(/\(recommended\)/g)).toHaveLength(1);
    expect(lines.filter((l) => l === '  Watch out:')).toHaveLength(3);
    expect(lines.at(-1)).toBe('Choose one with `nvr-assist approach <choice>`.');
  });

  it('says every way in the pseudo locale: no English sentence of the ways is left', () => {
    const pseudo = createTranslator('en-XA').t;
    const text = renderApproaches(pseudo);
    for (const way of approachWords(pseudo)) {
      expect(text).toContain(`${way.id}: `);
      expect(text).toContain(`  ${way.summary}\n`);
      for (const words of [...way.pros, ...way.cons]) expect(text).toContain(`  - ${words}\n`);
    }
    for (const way of approachWords(createTranslator('en').t))
      for (const words of [way.title, way.summary, ...way.pros, ...way.cons]) expect(text).not.toContain(words);
  });
});
