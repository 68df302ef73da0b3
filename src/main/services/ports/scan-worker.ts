// The scan worker thread (built as out/main/scan-worker.js, started by scan-threads.ts): runs the scanner on the
// chunks of the port list it claims (parallel-scan.ts), with the fast connector, posting progress and each open
// port as it is found, then its report. An `abort` message cancels it (the report then says cancelled).
import { parentPort } from 'node:worker_threads';
import { createFastTcpConnector } from '../../transport/tcp';
import {
  READY_WAIT_MS,
  scanClaimed,
  settledWithin,
  type ScanWorkerMessage,
  type ScanWorkerRequest,
} from './parallel-scan';

const port = parentPort;
if (port) {
  // The connector's loopback check starts as the thread starts; the scan waits for it (see settledWithin).
  const connector = createFastTcpConnector();
  const controller = new AbortController();
  const post = (m: ScanWorkerMessage) => port.postMessage(m);
  port.on('message', (m: ScanWorkerRequest) => {
    if (m.type === 'abort') return controller.abort();
    void settledWithin(connector.ready, READY_WAIT_MS)
      .then(() =>
        scanClaimed(m.address, m.ports, m.claims, m.id, {
          ...m.options,
          connector,
          signal: controller.signal,
          onProgress: (progress) => post({ type: 'progress', progress }),
          onOpen: (address, port) => post({ type: 'open', address, port }),
        }),
      )
      .then(
        (report) => {
          post({ type: 'report', report });
          port.close();
        },
        () => process.exit(1),
      );
  });
}
