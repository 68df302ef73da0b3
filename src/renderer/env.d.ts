/// <reference types="vite/client" />
import type { AppApi } from '../shared/ipc/api';

declare global {
  interface Window {
    /** Set by the preload in Electron; missing in browser mode (then api/client.ts uses the HTTP bridge). */
    api?: AppApi;
  }
}

export {};
