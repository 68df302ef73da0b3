// Vendor SDK / media ports: accept TCP, answer a client's first bytes with a small vendor-shaped binary reply,
// close idle connections. Real devices send nothing before the client speaks; neither do we.
import net from 'node:net';
import { log } from './log.mjs';

const REPLIES = {
  // Hikvision port 8000: 16-byte big-endian header (length, error status "not supported" style) as seen on
  // the private SDK protocol; enough for a scanner to tell "something binary answers here".
  hikvision: () => Buffer.from([0, 0, 0, 0x10, 0, 0, 0, 0x02, 0, 0, 0, 0, 0, 0, 0, 0]),
  // Dahua 37777: a 32-byte binary header starting 0xb0 (login reply) with an error code.
  dahua: () => { const b = Buffer.alloc(32); b[0] = 0xb0; b[8] = 0x01; b[9] = 0x01; return b; },
  // Reolink 9000 (Baichuan): 20-byte header, magic 0x0abcdef0 little-endian, message id 1 (login), status 400.
  reolink: () => { const b = Buffer.alloc(20); b.writeUInt32LE(0x0abcdef0, 0); b.writeUInt32LE(1, 4); b.writeUInt16LE(400, 16); return b; },
};

export function startSdk({ port, flavour, idleMs = 15_000 }) {
  const server = net.createServer((s) => {
    s.setTimeout(idleMs, () => s.destroy());
    s.on('error', () => {});
    let answered = false;
    s.on('data', () => {
      if (answered) return;
      answered = true;
      s.end((REPLIES[flavour] ?? REPLIES.hikvision)());
    });
  });
  server.maxConnections = 64;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => {
      server.off('error', reject);
      server.on('error', (e) => log('sdk error', e.message));
      resolve({ close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
