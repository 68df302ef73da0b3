// The echoip readers' rules, each as the harm a user would meet if it broke: a real public address refused (or a
// garbage one taken), a checker's answer crashing the reader, an unreadable error, a checker URL wrongly refused.
import { describe, expect, it } from 'vitest';
import {
  ECHOIP_MAX_BYTES,
  parseCheckerUrl,
  readAddressText,
  readEchoipJson,
  readEchoipText,
} from '../../../src/main/protocol/echoip';

const b = (s: string) => new TextEncoder().encode(s);

describe('an IPv6 address the checker gives is taken as written, and only a real one', () => {
  it.each([
    ['2001:db8::1', '2001:db8::1'],
    ['2001::1', '2001::1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8:0:0:0:0:0:1'],
  ])('%s is an address', (text, address) => {
    expect(readAddressText(text)).toEqual({ address, family: 'IPv6' });
  });
  it.each(['1:2:3:4:5:6:7:8:9', '2001:db8::12345', '2001:db8::1:abcde', 'x2001:db8::1'])('%s is not', (text) => {
    expect(readAddressText(text)).toBeNull();
  });
});

describe('the checker’s answer', () => {
  it('an answer of exactly 16 KiB is still read; bad UTF-8 in it is not a crash', () => {
    const body = b('203.0.113.2'.padEnd(ECHOIP_MAX_BYTES, ' '));
    expect(body).toHaveLength(ECHOIP_MAX_BYTES);
    expect(readEchoipText(body)).toEqual({ ok: true, address: '203.0.113.2', family: 'IPv4' });
    expect(readEchoipText(Uint8Array.from([0xff, 0xfe, 0x41]))).toEqual({
      ok: false,
      error: 'the checker\'s /ip answer is not an address ("??A")',
    });
  });
  it('too large an /ip answer says so in words', () => {
    expect(readEchoipText(new Uint8Array(ECHOIP_MAX_BYTES + 1))).toEqual({
      ok: false,
      error: `the checker's answer is larger than ${ECHOIP_MAX_BYTES} bytes`,
    });
  });
  it('garbage is shown trimmed, its control characters as "?", at most 40 characters', () => {
    expect(readEchoipText(b('  not\tan address  '))).toEqual({
      ok: false,
      error: 'the checker\'s /ip answer is not an address ("not?an address")',
    });
    expect(readEchoipText(b('x'.repeat(60)))).toEqual({
      ok: false,
      error: `the checker's /ip answer is not an address ("${'x'.repeat(40)}")`,
    });
  });
  it('a /json answer that is a JSON string (not an object) is named as such', () => {
    expect(readEchoipJson(b('"203.0.113.2"'))).toEqual({
      ok: false,
      error: "the checker's /json answer is not an object",
    });
  });
});

describe('the checker URL the user typed', () => {
  it('one of exactly 300 characters is taken; 301 or a value that is not text is refused', () => {
    const base = 'https://checker.example.net/';
    const url300 = base + 'p'.repeat(300 - base.length);
    expect(parseCheckerUrl(url300)?.href).toBe(`${url300}/`);
    expect(parseCheckerUrl(`${url300}p`)).toBeNull();
    expect(parseCheckerUrl(42 as unknown as string)).toBeNull();
  });
});
