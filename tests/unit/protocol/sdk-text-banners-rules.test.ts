// The rules of the SDK and text-banner codec one by one: the hellos sent to vendor SDK ports, which reply header
// names which vendor's SDK, and how SSH/FTP/SMTP/telnet greetings are told apart. Each test names what a user would
// lose if the rule broke (an open admin port reported as unknown, or the wrong vendor named).
import { describe, expect, it } from 'vitest';
import { buildSdkHello, classifySdkReply, classifyTextBanner } from '../../../src/main/protocol/sdk-text-banners';

const bytes = (...b: number[]) => new Uint8Array(b);
const zeros = (n: number, first: number[] = []) => {
  const out = new Uint8Array(n);
  out.set(first);
  return out;
};
const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('SDK hellos (bare headers: no command that changes anything, no credentials)', () => {
  it('Hikvision: 16 bytes, the first big-endian word 16, the rest zero', () => {
    expect(Array.from(buildSdkHello('hikvision'))).toEqual([0, 0, 0, 16, ...Array(12).fill(0)]);
  });
  it('Dahua: 32 bytes, command 0xa4 (not the 0xa0 login), the rest zero', () => {
    expect(Array.from(buildSdkHello('dahua'))).toEqual([0xa4, ...Array(31).fill(0)]);
  });
  it('Reolink: 20 bytes, little-endian magic 0x0abcdef0 and message 1, the rest zero', () => {
    expect(Array.from(buildSdkHello('reolink'))).toEqual([0xf0, 0xde, 0xbc, 0x0a, 1, 0, 0, 0, ...Array(12).fill(0)]);
  });
});

describe('SDK replies: which vendor a binary header names', () => {
  const reolink = [0xf0, 0xde, 0xbc, 0x0a];
  it.each([
    ['the Reolink magic in 20 bytes', zeros(20, reolink), 'reolink'],
    ['the Reolink magic in 19 bytes', zeros(19, reolink), null],
    ['a Dahua reply header 0xb1 in 32 bytes', zeros(32, [0xb1]), 'dahua'],
    ['a Dahua reply header 0xb0 in 31 bytes', zeros(31, [0xb0]), null],
    ['our own Dahua hello (0xa4) echoed', zeros(32, [0xa4]), null],
    ['a Hikvision frame of length 8 in 8 bytes', zeros(8, [0, 0, 0, 8]), 'hikvision'],
    ['a Hikvision frame of length 0xffff', zeros(8, [0, 0, 0xff, 0xff]), 'hikvision'],
    ['a frame of length 7', zeros(8, [0, 0, 0, 7]), null],
    ['a frame of length 0x10000', zeros(8, [0, 1, 0, 0]), null],
    ['a frame of length 0x100000', zeros(8, [0, 0x10, 0, 0]), null],
    ['7 bytes of a frame', zeros(7, [0, 0, 0, 8]), null],
    ['text', latin1('HTTP/1.1 200 OK\r\n\r\n'), null],
  ])('%s: %s', (_label, reply, want) => {
    expect(classifySdkReply(reply)).toBe(want);
  });
});

describe('text banners (SSH, FTP, SMTP, telnet: admin services a user should know are open)', () => {
  it('an SSH identification names its software with spaces for underscores; the line is kept', () => {
    expect(classifyTextBanner(latin1('SSH-2.0-OpenSSH_8.4p1 Debian\r\n'))).toEqual({
      service: 'ssh',
      product: 'OpenSSH 8.4p1',
      vendor: null,
      line: 'SSH-2.0-OpenSSH_8.4p1 Debian',
    });
  });

  it('only the first line counts, cut to 200 printable characters', () => {
    expect(classifyTextBanner(latin1(`SSH-2.0-x\x01${'y'.repeat(300)}\nSSH-1.0-z`))?.line).toBe(
      `SSH-2.0-x${'y'.repeat(191)}`,
    );
    expect(classifyTextBanner(latin1('hello\nSSH-2.0-x'))).toBeNull();
  });

  it.each([
    ['220 (vsFTPd 3.0.3)', 'ftp', 'vsFTPd'],
    ['220-ProFTPD Server ready', 'ftp', 'ProFTPD'],
    ['220 mail.example ESMTP Postfix', 'smtp', null],
    ['220 mail.example Exim 4.94', 'smtp', null],
    ['220 BusyBox FTP', 'ftp', 'BusyBox'],
  ])('"%s" is %s (product %s)', (line, service, product) => {
    expect(classifyTextBanner(latin1(`${line}\r\n`))).toEqual({ service, product, vendor: null, line });
  });

  it('SSH protocol versions with two digits (SSH-1.99) are read; text before "SSH-" is not SSH', () => {
    expect(classifyTextBanner(latin1('SSH-1.99-Cisco-1.25\r\n'))?.product).toBe('Cisco-1.25');
    expect(classifyTextBanner(latin1('xSSH-2.0-OpenSSH\r\n'))).toBeNull();
  });

  it('a greeting ending in a bare LF is one line', () => {
    expect(classifyTextBanner(latin1('220 ready\nsecond line'))?.line).toBe('220 ready');
  });

  it('a plain "SMTP" greeting is SMTP; a "220" not at the start is no greeting', () => {
    expect(classifyTextBanner(latin1('220 mail.example SMTP ready\r\n'))?.service).toBe('smtp');
    expect(classifyTextBanner(latin1('x220 ready\r\n'))).toBeNull();
  });

  it('"2200 ready" and "220x" are not greetings', () => {
    expect(classifyTextBanner(latin1('2200 ready\r\n'))).toBeNull();
    expect(classifyTextBanner(latin1('220x\r\n'))).toBeNull();
  });

  it('a telnet option negotiation (IAC WILL/DO/WONT/DONT) is telnet; its first readable line is kept, cut to 120', () => {
    const iac = [0xff, 0xfb, 0x01, 0xff, 0xfd, 0x03, 0xff, 0xf0];
    expect(classifyTextBanner(new Uint8Array([...iac, ...latin1(`\r\nDVR ${'x'.repeat(200)}\r\nlogin: `)]))).toEqual({
      service: 'telnet',
      product: null,
      vendor: null,
      line: `DVR ${'x'.repeat(116)}`,
    });
    expect(classifyTextBanner(bytes(0xff, 0xfe, 0x01))?.service).toBe('telnet');
  });

  it('telnet: the option byte of every negotiation is dropped, printable or white space, and an IAC swallows the byte after it', () => {
    // IAC WILL ECHO, IAC DO NEW-ENVIRON (0x27, "'"), "D", IAC DO TERMINAL-SPEED (0x20, " "), "V", IAC "x", IAC "\n", "R"
    const reply = [0xff, 0xfb, 0x01, 0xff, 0xfd, 0x27, 0x44, 0xff, 0xfd, 0x20, 0x56, 0xff, 0x78, 0xff, 0x0a, 0x52];
    expect(classifyTextBanner(new Uint8Array(reply))?.line).toBe('DVR');
  });

  it('a byte in the WILL–DONT range after a first byte that is not IAC is no negotiation', () => {
    expect(classifyTextBanner(bytes(0x41, 0xfb, 0x41))).toBeNull();
  });

  it('0xff followed by a byte that is not WILL/DO/WONT/DONT, or only two bytes, is not a negotiation', () => {
    expect(classifyTextBanner(bytes(0xff, 0xfa, 0x01))).toBeNull();
    expect(classifyTextBanner(bytes(0xff, 0xff, 0x01))).toBeNull();
    expect(classifyTextBanner(bytes(0xff, 0xfb))).toBeNull();
  });

  it.each(['login: ', 'Username :', 'User Name:', 'Password:  '])(
    'a plain-text prompt ending in "%s" is telnet',
    (prompt) => {
      expect(classifyTextBanner(latin1(`Welcome\r\n${prompt}`))).toEqual({
        service: 'telnet',
        product: null,
        vendor: null,
        line: 'Welcome',
      });
    },
  );

  it('a prompt followed by 50 blank characters is still a prompt (trailing white space is not counted)', () => {
    expect(classifyTextBanner(latin1(`login:${' \r\n'.repeat(17)}`))?.service).toBe('telnet');
  });

  it('text after the colon, or a prompt word more than 40 characters before its colon, is not a prompt', () => {
    expect(classifyTextBanner(latin1('Password:secret'))).toBeNull();
    expect(classifyTextBanner(latin1(`login${' '.repeat(40)}:`))).toBeNull();
  });

  it('a prompt word that is not at the end, or more than 40 characters before it, is not telnet', () => {
    expect(classifyTextBanner(latin1('login: then more text'))).toBeNull();
    expect(classifyTextBanner(latin1(`login:${' '.repeat(10)}${'x'.repeat(40)}`))).toBeNull();
  });
});
