// Browser mode entry: `node out/main/server-entry.js [--port N] [--open]`. Serves the built UI and the contract
// on 127.0.0.1 with a per-run token, and prints the address to open.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppCore } from './app';
import { defaultDataDir } from './core/paths';
import { parseServerArgs } from './server-args';
import { startBrowserServer } from './server';
import { APP_VERSION } from './version';

function openBrowser(url: string): void {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer.exe' : 'xdg-open';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  execFile(opener, [url], { timeout: 5000 }, () => undefined);
}

async function main(): Promise<void> {
  const args = parseServerArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    process.exit(2);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const staticDir = join(here, '..', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    process.stderr.write('The user interface has not been built yet. Run `npm run build` first.\n');
    process.exit(1);
  }
  const core = createAppCore({ dataDir: defaultDataDir(), mode: 'browser', version: APP_VERSION });
  const server = await startBrowserServer({
    core,
    staticDir,
    port: args.port,
    log: (line) => process.stderr.write(`[browser-mode] ${line}\n`),
  });
  process.stdout.write(`NVR Remote-Access Assistant is running in browser mode.\nOpen: ${server.url}\n`);
  if (args.open) openBrowser(server.url);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const code = (err as NodeJS.ErrnoException)?.code;
  process.stderr.write(
    code === 'EADDRINUSE'
      ? 'That port is already in use. Choose another with --port, or leave it out to pick a free one.\n'
      : 'Browser mode could not start.\n',
  );
  process.exit(1);
});
