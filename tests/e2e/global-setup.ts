import { startBuiltServer } from '../support/browser-mode';

// Starts the real browser-mode backend once for the browser-mode E2E specs; they open NVR_ASSIST_URL.
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startBuiltServer();
  process.env.NVR_ASSIST_URL = server.url;
  process.env.NVR_ASSIST_ORIGIN = server.origin;
  process.env.NVR_ASSIST_DATA_DIR_E2E = server.dataDir;
  return () => server.stop();
}
