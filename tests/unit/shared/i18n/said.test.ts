import { describe, expect, it } from 'vitest';
import { english, saidInEnglish } from '../../../../src/shared/i18n/english';
import { createTranslator } from '../../../../src/shared/i18n';
import { said, saidList, saidSchema, saidWords, sayIn } from '../../../../src/shared/i18n/said';

// Words main says by the catalogue's key: the English sentence it keeps for the JSON is the key's, and each side
// says the same key in its own language, falling back to main's sentence where its catalogue lacks the key.
describe('said', () => {
  const xa = createTranslator('en-XA');
  const en = createTranslator('en');

  it('keeps the key and the values (none when the message has no placeholder)', () => {
    expect(said('staticIp.findings.onDhcp', { address: '192.168.1.9' })).toEqual({
      key: 'staticIp.findings.onDhcp',
      params: { address: '192.168.1.9' },
    });
    expect(said('staticIp.findings.noDns')).toEqual({ key: 'staticIp.findings.noDns' });
  });

  it('main’s English sentence is the English catalogue’s, filled', () => {
    const words = said('staticIp.findings.staticOk', { address: '192.168.1.9', pool: '.100–.199' });
    expect(english(words)).toBe(en.t('staticIp.findings.staticOk', { address: '192.168.1.9', pool: '.100–.199' }));
    expect(english(words)).toContain('fixed address 192.168.1.9 on your network');
    expect(saidInEnglish(words)).toEqual({ said: words, text: english(words) });
  });

  it('said in the translator’s language, values as they came', () => {
    const words = said('staticIp.findings.onDhcp', { address: '192.168.1.9' });
    const shown = sayIn(xa, words, 'fallback');
    expect(shown).toMatch(/^\[.*\]$/s);
    expect(shown).toContain('192.168.1.9');
    expect(shown).not.toContain('gets its address');
  });

  it('main’s sentence when nothing was said by key, or the key is not in the catalogue', () => {
    expect(sayIn(xa, undefined, 'As main said it.')).toBe('As main said it.');
    expect(sayIn(xa, { key: 'staticIp.findings.fromANewerMain' }, 'As main said it.')).toBe('As main said it.');
    expect(sayIn(xa, { key: 'staticIp' }, 'As main said it.')).toBe('As main said it.');
  });

  it('words within words, two levels: a reason with values of its own inside a sentence, a row’s words inside it', () => {
    const reason = said('security.vulns.reason.xm', {
      firmware: 'V4.02.R11',
      fixedIn: { key: 'security.vulns.rows.XM-9530-TELNET.fixedIn' },
    });
    const words = said('security.said.vulnAffected.text', {
      words: { key: 'security.vulns.rows.XM-9530-TELNET.words' },
      reason,
    });
    expect(saidSchema.safeParse(words).success).toBe(true);
    expect(saidSchema.parse(words)).toEqual(words);
    expect(english(words)).toBe(
      `${en.t('security.vulns.rows.XM-9530-TELNET.words')} XM firmware V4.02.R11: No fix expected.`,
    );
    const xaReason = xa.t('security.vulns.reason.xm', {
      firmware: 'V4.02.R11',
      fixedIn: xa.t('security.vulns.rows.XM-9530-TELNET.fixedIn'),
    });
    expect(sayIn(xa, words, 'fallback')).toBe(
      xa.t('security.said.vulnAffected.text', {
        words: xa.t('security.vulns.rows.XM-9530-TELNET.words'),
        reason: xaReason,
      }),
    );
    // A third level does not cross: its values are left out (bounded, as everything that crosses is).
    const deeper = { key: 'a.b', params: { v: { key: 'c.d', params: { w: { key: 'e.f', params: { x: '1' } } } } } };
    expect(saidSchema.parse(deeper)).toEqual({
      key: 'a.b',
      params: { v: { key: 'c.d', params: { w: { key: 'e.f' } } } },
    });
    expect(
      saidSchema.safeParse({ key: 'a.b', params: { v: { key: 'c.d', params: { w: 'x'.repeat(301) } } } }).success,
    ).toBe(false);
  });

  it('crosses a boundary bounded', () => {
    expect(saidSchema.safeParse(said('staticIp.findings.noGateway', { router: '192.168.1.1' })).success).toBe(true);
    expect(saidSchema.safeParse({ key: 'x'.repeat(121) }).success).toBe(false);
    expect(saidSchema.safeParse({ key: 'a.b', params: { v: 'x'.repeat(301) } }).success).toBe(false);
    expect(saidSchema.safeParse({ key: 'a.b', params: { v: { nested: 1 } } }).success).toBe(false);
  });

  it('words said by key inside another, with values of their own (two levels)', () => {
    const inner = saidWords('components.loginDialog.locked', { user: 'admin' });
    const words = said('staticIp.findings.noGateway', { router: inner });
    expect(english(words)).toBe(
      en.t('staticIp.findings.noGateway', { router: en.t('components.loginDialog.locked', { user: 'admin' }) }),
    );
    expect(english(words)).toContain('Logging in is paused for admin');
    const shown = sayIn(xa, words, 'fallback');
    expect(shown).toContain('admin');
    expect(shown).not.toContain('Logging in is paused');
    // The inner values cross the boundary (zod would strip what the shape does not name), bounded.
    expect(saidSchema.parse(words)).toEqual(words);
    expect(
      saidSchema.safeParse({ key: 'a.b', params: { v: { key: 'c.d', params: { u: 'x'.repeat(301) } } } }).success,
    ).toBe(false);
  });

  it('a list of words by key: joined the language’s way (Intl.ListFormat), or by the catalogue’s own join', () => {
    const titles = saidList([{ key: 'verify.said.title.ports' }, { key: 'verify.said.title.ddns' }, 'a value', 1234]);
    const words = said('wizard.reasons.verify.changed', { title: titles });
    const [ports, ddns] = [en.t('verify.said.title.ports'), en.t('verify.said.title.ddns')];
    // English: ", " between the items (type "unit"), as main joined them before.
    expect(english(words)).toBe(`Changed since it was set up: ${ports}, ${ddns}, a value, 1,234.`);
    const xaPorts = xa.t('verify.said.title.ports');
    const shown = sayIn(xa, words, 'fallback');
    expect(shown).toContain(`${xaPorts}, ${xa.t('verify.said.title.ddns')}, a value, 1,234`);
    expect(shown).not.toContain(ports);
    const and = said('wizard.reasons.verify.changed', { title: saidList(['a', 'b', 'c'], { type: 'conjunction' }) });
    expect(english(and)).toBe('Changed since it was set up: a, b, and c.');
    // The sentence's own join ("a; b; c"), folded from the left; one item is itself, none is nothing.
    const join = 'security.said.defaults.triedNext' as const;
    const folded = (list: string[]) =>
      english(said('security.said.defaults.refusedOne', { tried: saidList(list, { join }) }));
    expect(folded(['a', 'b', 'c'])).toBe('The NVR refused the factory default tried: a; b; c.');
    expect(folded(['a'])).toBe('The NVR refused the factory default tried: a.');
    expect(folded([])).toBe('The NVR refused the factory default tried: .');
    expect(saidSchema.parse(words)).toEqual(words);
  });

  it('a list crosses bounded: 16 items at most, each bounded as a value or words by key are', () => {
    const list = (items: unknown[]) => saidSchema.safeParse({ key: 'a.b', params: { v: { list: items } } }).success;
    expect(list(Array.from({ length: 16 }, (_, i) => `item ${i}`))).toBe(true);
    expect(list(Array.from({ length: 17 }, (_, i) => `item ${i}`))).toBe(false);
    expect(list(['x'.repeat(301)])).toBe(false);
    expect(list([{ key: 'c.d', params: { u: 'x'.repeat(301) } }])).toBe(false);
    expect(list([{ nested: 1 }])).toBe(false);
    expect(saidSchema.safeParse({ key: 'a.b', params: { v: { list: [], type: 'sentence' } } }).success).toBe(false);
    expect(saidSchema.safeParse({ key: 'a.b', params: { v: { list: [], join: 'x'.repeat(121) } } }).success).toBe(
      false,
    );
  });
});
