// The scan worker thread (built as out/main/scan-worker.js, started by scan-threads.ts): runs the scanner on the
// slice of ports it is sent, with the fast connector, posting progress and each open port as it is found, then
// its report. An `abort` message cancels it (the report then says cancelled).
import { parentPort } from 'node:worker_threads';
import { createFastTcpConnector } from '../../transport/tcp';
import type { ScanWorkerMessage, ScanWorkerRequest } from './parallel-scan';
import { scanTcp } from './scanner';

const port = parentPort;
if (port) {
  const controller = new AbortController();
  const post = (m: ScanWorkerMessage) => port.postMessage(m);
  port.on('message', (m: ScanWorkerRequest) => {
    if (m.type === 'abort') return controller.abort();
    void scanTcp([m.address], m.ports, {
      ...m.options,
      connector: createFastTcpConnector(),
      signal: controller.signal,
      onProgress: (progress) => post({ type: 'progress', progress }),
      onOpen: (address, port) => post({ type: 'open', address, port }),
    }).then(
      (report) => {
        post({ type: 'report', report });
        port.close();
      },
      () => process.exit(1),
    );
  });
}
