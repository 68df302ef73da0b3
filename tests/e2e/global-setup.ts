import { spawnSync } from 'node:child_process';
import { startBuiltServer, type RunningServer } from '../support/browser-mode';

export const LAB_CLIENT_NS = 'nvrlab-client';

function labIsUp(): boolean {
  const r = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.split('\n').some((l) => l.split(' ')[0] === LAB_CLIENT_NS);
}

// Starts the real browser-mode backend for the E2E specs: one on this machine's loopback (NVR_ASSIST_URL) for
// the specs that never search the network, and — when the lab is up — one inside the lab's client namespace
// (NVR_ASSIST_LAB_URL), where the `lab` project's Chromium runs too, so searches only ever see the lab.
export default async function globalSetup(): Promise<() => Promise<void>> {
  const servers: RunningServer[] = [];
  const host = await startBuiltServer();
  servers.push(host);
  process.env.NVR_ASSIST_URL = host.url;
  process.env.NVR_ASSIST_ORIGIN = host.origin;
  process.env.NVR_ASSIST_DATA_DIR_E2E = host.dataDir;
  if (labIsUp()) {
    const lab = await startBuiltServer({ netns: LAB_CLIENT_NS });
    servers.push(lab);
    process.env.NVR_ASSIST_LAB_URL = lab.url;
  } else {
    process.stdout.write('The lab is not up: the lab E2E specs will skip (npm test brings the lab up).\n');
  }
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
}
