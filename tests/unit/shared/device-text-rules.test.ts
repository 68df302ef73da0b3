import { describe, expect, it } from 'vitest';
import { brandFromText } from '../../../src/shared/catalog/oui';
import { deviceText, deviceTextBlock, sanitizeDeep } from '../../../src/shared/text/device-text';

// The sanitiser that stands between a device's text and the user's screen and terminal, edge by edge (issue 17,
// from mutation testing).

const ESC = 'a\x1b[2Jb';
/** `levels` arrays around a string that clears the screen. */
const nested = (levels: number): unknown => {
  let v: unknown = ESC;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
};
const innermost = (v: unknown): unknown => (Array.isArray(v) ? innermost(v[0]) : v);

describe('deviceText', () => {
  it('turns what is not text into text: nothing for null and undefined, the value otherwise', () => {
    expect(deviceText(null)).toBe('');
    expect(deviceText(undefined)).toBe('');
    expect(deviceText(42)).toBe('42');
    expect(deviceText(false)).toBe('false');
  });

  it('keeps text of exactly the limit whole, and cuts one more with an ellipsis', () => {
    expect(deviceText('abcde', 5)).toBe('abcde');
    expect(deviceText('abcdef', 5)).toBe('abcd…');
  });

  it('looks only at the first max × 4 + 64 characters, before collapsing whitespace', () => {
    // max 10: the first 104 characters are read. Text at 81 is read; text past 104 never is.
    expect(deviceText(`${' '.repeat(80)}x`, 10)).toBe('x');
    expect(deviceText(`${' '.repeat(104)}x`, 10)).toBe('');
    expect(deviceText(`${' '.repeat(90)}x${' '.repeat(20)}`, 10)).toBe('x');
  });
});

describe('deviceTextBlock', () => {
  it('keeps line breaks: CRLF and a lone CR both become LF', () => {
    expect(deviceTextBlock('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
  });
});

describe('sanitizeDeep', () => {
  it('cleans strings down to 64 levels of nesting and leaves deeper values as they are (a bound, not a hole in practice)', () => {
    expect(innermost(sanitizeDeep(nested(65)))).toBe('ab');
    expect(innermost(sanitizeDeep(nested(66)))).toBe(ESC);
    // The same bound for objects.
    const deepObject = (levels: number): unknown => {
      let v: unknown = ESC;
      for (let i = 0; i < levels; i++) v = { v };
      return v;
    };
    const inner = (v: unknown): unknown => (typeof v === 'object' && v !== null ? inner((v as { v: unknown }).v) : v);
    expect(inner(sanitizeDeep(deepObject(65)))).toBe('ab');
    expect(inner(sanitizeDeep(deepObject(66)))).toBe(ESC);
  });

  it('never changes the value it was given: arrays and objects are copied', () => {
    const list = ['ok', ESC];
    const obj = { name: ESC, ok: 'fine' };
    const cleanList = sanitizeDeep(list);
    const cleanObj = sanitizeDeep(obj);
    expect(list).toEqual(['ok', ESC]);
    expect(obj).toEqual({ name: ESC, ok: 'fine' });
    expect(cleanList).toEqual(['ok', 'ab']);
    expect(cleanObj).toEqual({ name: 'ab', ok: 'fine' });
    // Nothing to clean: the same value back, not a copy.
    const safe = { a: ['x'] };
    expect(sanitizeDeep(safe)).toBe(safe);
  });

  it('null, numbers and class instances pass as they are; a null-prototype object is cleaned', () => {
    expect(sanitizeDeep(null)).toBeNull();
    expect(sanitizeDeep(undefined)).toBeUndefined();
    expect(sanitizeDeep({ a: undefined, b: [undefined, 2, true] })).toEqual({ a: undefined, b: [undefined, 2, true] });
    expect(sanitizeDeep({ a: null, b: 1 })).toEqual({ a: null, b: 1 });
    class Holder {
      text = ESC;
    }
    const held = new Holder();
    expect(sanitizeDeep(held)).toBe(held);
    const bare = Object.assign(Object.create(null) as Record<string, string>, { text: ESC });
    expect(sanitizeDeep(bare).text).toBe('ab');
  });
});

describe('brandFromText', () => {
  it('names a brand only when the text names one', () => {
    expect(brandFromText('Acme NVR 3000')).toBeNull();
    expect(brandFromText('')).toBeNull();
    expect(brandFromText('App-webs/ Hikvision')).toBe('Hikvision');
  });
});
