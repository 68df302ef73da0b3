// Runs rtsp-server.py as a child and waits for it to listen.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { log } from './log.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PYTHON = '/usr/bin/python3';

export function startRtsp({ port, mounts, users, auth = 'digest', realm, codec = 'h264', timeoutMs = 15_000 }) {
  const args = [path.join(HERE, 'rtsp-server.py'), '--port', String(port), '--auth', auth, '--codec', codec];
  if (realm) args.push('--realm', realm);
  for (const m of mounts) args.push('--mount', m);
  for (const u of users) args.push('--user', `${u.user}:${u.password}`);
  const child = spawn(PYTHON, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.on('data', (d) => log('rtsp:', d.toString().trim().slice(0, 500)));
  return new Promise((resolve, reject) => {
    let done = false;
    const t = setTimeout(() => finish(new Error('rtsp server did not start in time')), timeoutMs);
    function finish(err) {
      if (done) return;
      done = true;
      clearTimeout(t);
      if (err) { try { child.kill('SIGKILL'); } catch { /* gone */ } reject(err); return; }
      resolve({
        pid: child.pid,
        close: () => new Promise((r) => {
          if (child.exitCode !== null || child.signalCode) return r();
          const k = setTimeout(() => { try { child.kill('SIGKILL'); } catch { /* gone */ } }, 3000);
          child.once('exit', () => { clearTimeout(k); r(); });
          child.kill('SIGTERM');
        }),
      });
    }
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d.toString();
      if (/RTSP READY/.test(buf)) finish();
      else if (/RTSP FAILED/.test(buf)) finish(new Error(`rtsp server could not bind port ${port}`));
    });
    child.on('exit', (code) => { finish(new Error(`rtsp server exited ${code}`)); if (done) log('rtsp server exited', code); });
  });
}
