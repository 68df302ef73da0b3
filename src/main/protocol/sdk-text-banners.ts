// Ports that speak their own protocol: the vendor SDK ports and the server-first text services (SSH, FTP, SMTP,
// telnet). Pure: the hellos are built from their parameters, replies are bytes in, facts out.
//
// Vendor SDK hellos (what we send to a port that waits for the client to speak). Each is a bare protocol header
// with no credentials and no command that changes anything; a device answers with its own header (which names the
// protocol by its shape) or closes. They are designed from public protocol notes and checked against the lab
// simulators (tests/lab/sim/sdk.mjs) only — not yet against real devices:
//   - Hikvision 8000 (private "server/command" protocol, big-endian length-prefixed frames): a 16-byte frame whose
//     first word is its own length (16) and the rest zero — no command, no user name.
//   - Dahua 37777 (DVRIP, 32-byte header, first byte = command): command 0xa4 with an empty body. Not 0xa0: that
//     is the login request, and an empty login could count as a failed attempt on the device.
//   - Reolink 9000 (Baichuan, little-endian header, magic 0x0abcdef0): message 1 ("legacy login", the step that
//     asks for a nonce) as a 20-byte header with a zero-length body, i.e. without the user/password hashes.

export type SdkVendor = 'hikvision' | 'dahua' | 'reolink';

/** The vendor SDK hellos described at the top of this file. */
export function buildSdkHello(vendor: SdkVendor): Uint8Array {
  switch (vendor) {
    case 'hikvision': {
      const b = Buffer.alloc(16);
      b.writeUInt32BE(16, 0);
      return b;
    }
    case 'dahua': {
      const b = Buffer.alloc(32);
      b[0] = 0xa4;
      return b;
    }
    case 'reolink': {
      const b = Buffer.alloc(20);
      b.writeUInt32LE(0x0abcdef0, 0);
      b.writeUInt32LE(1, 4);
      return b;
    }
  }
}

/** Which SDK protocol a binary reply belongs to, by the shape of its header (see the hellos above). */
export function classifySdkReply(bytes: Uint8Array): SdkVendor | null {
  const b = Buffer.from(bytes.subarray(0, 64));
  if (b.length >= 20 && b.readUInt32LE(0) === 0x0abcdef0) return 'reolink';
  if (b.length >= 32 && (b[0]! & 0xf0) === 0xb0) return 'dahua';
  if (b.length >= 8 && b.readUInt32BE(0) >= 8 && b.readUInt32BE(0) <= 0x100000 && b[0] === 0 && b[1] === 0)
    return 'hikvision';
  return null;
}

export interface TextBanner {
  service: 'ssh' | 'ftp' | 'telnet' | 'smtp';
  product: string | null;
  vendor: string | null;
  line: string;
}

/**
 * Server-first banners: SSH identification string, FTP/SMTP greetings, telnet option negotiation. A greeting is
 * one line (SSH: at most 255 bytes by RFC 4253), so the first 4 KiB are plenty.
 */
export function classifyTextBanner(bytes: Uint8Array): TextBanner | null {
  const b = Buffer.from(bytes.subarray(0, 4096));
  if (b.length === 0) return null;
  if (b[0] === 0xff && b.length >= 3 && b[1]! >= 0xfb && b[1]! <= 0xfe) {
    const text = b
      .toString('latin1')
      .replace(/\xff[\xfb-\xfe][\s\S]|\xff[\s\S]/g, '')
      .replace(/[^\x20-\x7e\n]/g, '')
      .trim();
    return { service: 'telnet', product: null, vendor: null, line: text.split('\n', 1)[0]?.slice(0, 120) ?? '' };
  }
  const text = b.toString('latin1');
  const first = (text.split(/\r?\n/, 1)[0] ?? '').replace(/[^\x20-\x7e]/g, '').slice(0, 200);
  const ssh = /^SSH-(\d\.\d+)-(\S+)/.exec(first);
  if (ssh) {
    const sw = ssh[2]!;
    return { service: 'ssh', product: sw.replace(/_/g, ' '), vendor: null, line: first };
  }
  if (/^220[ -]/.test(first)) {
    const smtp = /E?SMTP|Postfix|Exim|Sendmail/i.test(first);
    const product = /vsFTPd|ProFTPD|Pure-FTPd|FileZilla|BusyBox|Microsoft FTP/i.exec(first)?.[0] ?? null;
    return { service: smtp ? 'smtp' : 'ftp', product, vendor: null, line: first };
  }
  if (/(login|username|user name|password)\s*:\s*$/i.test(text.trim().slice(-40)))
    return { service: 'telnet', product: null, vendor: null, line: first };
  return null;
}
