#!/usr/bin/env node
// `npm start`: build, then open the Electron window. If Electron's binary is missing, try once to fetch it;
// if that fails (offline), say so plainly and serve the same app in browser mode on 127.0.0.1 with a token.
// `npm start -- --browser` goes straight to browser mode; `-- --port N` picks its port.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const serverArgs = args.filter((a) => a !== '--browser');

function electronBinary() {
  try {
    const pathTxt = join('node_modules', 'electron', 'path.txt');
    if (!existsSync(pathTxt)) return null;
    const bin = join('node_modules', 'electron', 'dist', readFileSync(pathTxt, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

process.stdout.write('Building the app…\n');
const build = spawnSync('npm', ['run', '-s', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  process.stderr.write('The build failed (see above). Run `npm ci` first if you have not.\n');
  process.exit(1);
}

let bin = forceBrowser ? null : electronBinary();
if (!bin && !forceBrowser) {
  process.stdout.write('The Electron runtime is not installed yet; trying to download it once…\n');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  spawnSync(process.execPath, [join('node_modules', 'electron', 'install.js')], {
    stdio: 'ignore',
    env,
    timeout: 120_000,
  });
  bin = electronBinary();
  if (!bin)
    process.stdout.write(
      'Electron could not be downloaded (this computer cannot reach its download server).\n' +
        'Starting the same app in browser mode instead: it runs only on this computer (127.0.0.1) and needs the\n' +
        'address below, which contains a one-time access key.\n\n',
    );
}

const child = bin
  ? spawn(bin, ['.'], { stdio: 'inherit' })
  : spawn(process.execPath, [join('out', 'main', 'server-entry.js'), '--open', ...serverArgs], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
