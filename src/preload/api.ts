// The page's whole view of the main process: two fixed functions built from the contract's name lists.
// Pure (the IPC object is a parameter) so it is unit-tested with a fake ipcRenderer. Imports only the name
// lists and the error catalogue, never zod, so the sandboxed preload bundle stays tiny.

import type { AppApi } from '../shared/ipc/api';
import type { Result } from '../shared/ipc/result';
import { EVENT_IPC_CHANNEL, EVENT_NAMES, INVOKE_CHANNELS } from '../shared/ipc/channels';
import { ERROR_MESSAGES, type ErrorCode } from '../shared/ipc/errors';

/** The part of ipcRenderer the preload uses. It never reaches the page. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function failure(code: ErrorCode): Result<never> {
  return { ok: false, error: { code, message: ERROR_MESSAGES[code] } };
}

const invokeChannels: ReadonlySet<string> = new Set(INVOKE_CHANNELS);
const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

/** A Result-shaped reply from main; anything else is treated as an internal failure. */
function isResultEnvelope(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: unknown };
  if (v.ok === true) return 'data' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' && typeof e.message === 'string';
}

export function createPreloadApi(ipc: IpcRendererLike, onListenerError: (err: unknown) => void = () => {}): AppApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  // One IPC listener for all events, attached while anyone listens. The page's callbacks get the payload
  // only — never the IPC event object, which would hand them `sender` (ipcRenderer).
  const onEvent = (_event: unknown, name: unknown, payload: unknown): void => {
    if (typeof name !== 'string' || !eventNames.has(name)) return;
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (err) {
        onListenerError(err);
      }
    }
  };
  let attached = false;
  const listenerCount = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);

  const api: AppApi = {
    invoke(channel, input) {
      if (typeof channel !== 'string' || !invokeChannels.has(channel)) {
        return Promise.resolve(failure('UNKNOWN_CHANNEL'));
      }
      // Exactly one argument crosses; main parses it.
      return ipc.invoke(channel, input).then(
        (reply) => (isResultEnvelope(reply) ? reply : failure('INTERNAL')) as never,
        // No handler, main crashed, or the reply could not be cloned: the error text stays here.
        () => failure('INTERNAL'),
      );
    },
    on(event, listener) {
      if (typeof event !== 'string' || !eventNames.has(event) || typeof listener !== 'function') return () => {};
      const wrapped = (payload: unknown) => (listener as (payload: unknown) => void)(payload);
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(wrapped);
      if (!attached) {
        ipc.on(EVENT_IPC_CHANNEL, onEvent as (event: unknown, ...args: unknown[]) => void);
        attached = true;
      }
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        set.delete(wrapped);
        if (set.size === 0) listeners.delete(event);
        if (attached && listenerCount() === 0) {
          ipc.removeListener(EVENT_IPC_CHANNEL, onEvent as (event: unknown, ...args: unknown[]) => void);
          attached = false;
        }
      };
    },
  };
  return Object.freeze(api);
}
