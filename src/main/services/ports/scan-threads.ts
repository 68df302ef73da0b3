// Starts scan workers (node:worker_threads) on the built worker script, out/main/scan-worker.js (an entry in
// electron.config.ts). The scanner's code may sit in out/main/chunks/, so the script is looked for next to this
// module and one folder up; where it is not found (tests run from the sources) no worker starts and the scan
// stays on one thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ScanWorkerHandle, ScanWorkerMessage, SpawnScanWorker } from './parallel-scan';

let script: URL | null | undefined;

function workerScript(): URL | null {
  if (script !== undefined) return script;
  script = null;
  for (const rel of ['./scan-worker.js', '../scan-worker.js']) {
    try {
      const url = new URL(rel, import.meta.url);
      if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) {
        script = url;
        break;
      }
    } catch {
      // not a file URL: no workers
    }
  }
  return script;
}

export const spawnScanWorker: SpawnScanWorker = () => {
  const url = workerScript();
  if (!url) return null;
  const worker = new Worker(url);
  const handle: ScanWorkerHandle = {
    post: (m) => worker.postMessage(m),
    listen: (onMessage) => {
      let ended = false;
      worker.on('message', (m: ScanWorkerMessage) => {
        if (m.type === 'report') ended = true;
        onMessage(m);
      });
      const failed = () => {
        if (ended) return;
        ended = true;
        onMessage(null);
      };
      worker.once('error', failed);
      worker.once('exit', failed);
    },
    terminate: () => void worker.terminate(),
  };
  return handle;
};
