import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deviceText,
  deviceTextBlock,
  excerpt,
  hasUnsafeText,
  safeJson,
  sanitizeDeep,
} from '../../../src/shared/text/device-text';

const ESC = '\x1b';

describe('device text is data, never control', () => {
  it.each([
    ['clear screen and retitle the terminal', `${ESC}[2J${ESC}]0;PWNED\x07EvilCorp`, 'EvilCorp'],
    ['OSC ended by ST', `${ESC}]0;title${ESC}\\Name`, 'Name'],
    ['8-bit CSI (C1)', '\x9b31mRed', 'Red'],
    ['colour and cursor moves', `${ESC}[31;1mRed${ESC}[0m ${ESC}[10A`, 'Red'],
    ['two-byte escape (reset)', `${ESC}cReset`, 'Reset'],
    ['bidi override turns a name around', 'Cam\u202eevil.exe', 'Camevil.exe'],
    ['bidi isolates', '\u2066a\u2069\u2067b\u2068c', 'abc'],
    ['zero-width characters', 'Hik\u200bvi\u200dsion\ufeff\u2060', 'Hikvision'],
    ['NUL, BEL, backspace, DEL', 'a\x00b\x07c\x08d\x7f', 'abcd'],
    ['line breaks and tabs become one space', 'line 1\r\n\tline 2', 'line 1 line 2'],
    ['a lone surrogate becomes U+FFFD', 'x\ud800y', 'x\ufffdy'],
    ['plain text is kept', 'Hikvision DS-7608NI-K2 海康威视 😀', 'Hikvision DS-7608NI-K2 海康威视 😀'],
  ])('%s', (_what, input, expected) => {
    expect(deviceText(input)).toBe(expected);
    expect(hasUnsafeText(deviceText(input))).toBe(false);
  });

  it('cuts long text with an ellipsis and bounds its work', () => {
    expect(deviceText('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(deviceText(`${'\x1b[2J'.repeat(100_000)}name`, 20).length).toBeLessThanOrEqual(20);
    expect(deviceText('ab😀😀', 5)).toBe('ab😀…');
    expect(deviceText('abc😀😀', 5)).toBe('abc…');
    expect(deviceText(null)).toBe('');
    expect(deviceText(42)).toBe('42');
  });

  it('keeps line breaks in a block, drops CR and controls', () => {
    expect(deviceTextBlock(`a\r\nb\n\t${ESC}[2Jc`)).toBe('a\nb\n\tc');
  });

  it('an excerpt is quoted, short and clean', () => {
    expect(excerpt(`${'<x>'.repeat(50)}${ESC}`, 12)).toBe(`"${'<x>'.repeat(3)}<x…"`);
  });

  it('sanitises every string inside a value, copying only what changes', () => {
    const clean = { a: 'fine', list: ['ok', 1, null] };
    expect(sanitizeDeep(clean)).toBe(clean);
    const dirty = { device: { name: `${ESC}[2JCam`, ports: [80, 554] }, notes: ['a\u202eb'], keep: clean };
    const out = sanitizeDeep(dirty);
    expect(out).toEqual({ device: { name: 'Cam', ports: [80, 554] }, notes: ['ab'], keep: clean });
    expect(out.keep).toBe(clean);
    expect(dirty.device.name).toBe(`${ESC}[2JCam`);
    expect(sanitizeDeep('multi\nline')).toBe('multi\nline');
  });

  it('JSON for a terminal escapes what a terminal could act on, and reads back the same value', () => {
    const value = { name: `\x9b2J\u202eEvil${ESC}[0m\u200b`, n: 1 };
    const text = safeJson(value, 2);
    expect(hasUnsafeText(text)).toBe(false);
    expect(text).not.toContain(ESC);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('never leaves anything unsafe, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(hasUnsafeText(deviceText(s, 1000))).toBe(false);
        expect(hasUnsafeText(deviceText(s, 7))).toBe(false);
        expect(JSON.parse(safeJson({ s }))).toEqual({ s });
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});
