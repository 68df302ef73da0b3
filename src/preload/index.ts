// The sandboxed preload: exposes exactly `window.api` = { invoke, on } (see src/shared/ipc/api.ts).
// ipcRenderer itself, the IPC event object and Node never reach the page.

import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadApi } from './api';

contextBridge.exposeInMainWorld(
  'api',
  createPreloadApi(ipcRenderer, () => console.error('[nvr-assist] an event listener in the page threw')),
);
