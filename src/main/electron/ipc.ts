// Electron IPC over THE contract. Only types come from electron here, so all of this runs in unit tests with
// fakes. One ipcMain.handle per contract channel; each checks the sender before the dispatcher (which parses
// input and output and catalogues every failure) sees anything.

import type { IpcMainInvokeEvent } from 'electron';
import { EVENT_IPC_CHANNEL, EVENT_NAMES, INVOKE_CHANNELS } from '../../shared/ipc/channels';
import { fail, type Result } from '../../shared/ipc/result';
import type { Dispatcher } from '../core/dispatch';
import type { EventHub } from '../core/events';
import { isTrustedSender, type SenderInfo } from './security';

/** The part of ipcMain we use. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The part of a BrowserWindow we send events to. */
export interface EventTarget {
  isDestroyed(): boolean;
  webContents: {
    isDestroyed(): boolean;
    getURL(): string;
    send(channel: string, ...args: unknown[]): void;
  };
}

export interface ContractOptions {
  /** The dev server origin when running unpackaged under electron-vite dev; null otherwise. */
  devOrigin?: string | null;
  log?: (line: string) => void;
}

/**
 * Who sent an invoke: the sending frame's URL and whether it is its page's top frame. Null when Electron no
 * longer knows the frame (it navigated away or was destroyed), which the sender check refuses.
 */
export function senderInfoFromEvent(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): SenderInfo | null {
  let frame: IpcMainInvokeEvent['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    return null;
  }
  if (!frame) return null;
  let mainFrame: unknown;
  try {
    mainFrame = event.sender.mainFrame;
  } catch {
    return null;
  }
  return { url: frame.url, isMainFrame: frame === mainFrame };
}

/** Stands in for the input when a caller sent more than one argument; no schema accepts it. */
const TOO_MANY_ARGUMENTS = Symbol('too many arguments');

/**
 * The glue of one invoke: refuse an untrusted sender with FORBIDDEN, otherwise let the dispatcher check the
 * channel, parse input and output, and catalogue errors. Never rejects; never lets exception text through.
 */
export async function handleInvoke(
  dispatch: Dispatcher,
  channel: unknown,
  sender: SenderInfo | null,
  input: unknown,
  options: ContractOptions = {},
): Promise<Result<unknown>> {
  if (!isTrustedSender(sender, options.devOrigin ?? null)) {
    // The refused URL's origin only: a path or query could carry something private.
    options.log?.(`refused ${String(channel).slice(0, 64)} from an untrusted sender (${describeOrigin(sender)})`);
    return fail('FORBIDDEN');
  }
  try {
    return await dispatch(channel, input, { transport: 'electron' });
  } catch {
    return fail('INTERNAL');
  }
}

/**
 * Registers one handler per contract channel and returns a function that removes them again. A call carries
 * exactly one argument (the input); more is a malformed request.
 */
export function registerContract(
  ipcMain: IpcMainLike,
  dispatch: Dispatcher,
  options: ContractOptions = {},
): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, ...args) =>
      handleInvoke(
        dispatch,
        channel,
        senderInfoFromEvent(event),
        args.length <= 1 ? args[0] : TOO_MANY_ARGUMENTS,
        options,
      ),
    );
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}

function describeOrigin(sender: SenderInfo | null): string {
  if (!sender) return 'no frame';
  if (!sender.isMainFrame) return 'a subframe';
  try {
    const parsed = new URL(sender.url);
    return `${parsed.protocol}//${parsed.host}`.slice(0, 100);
  } catch {
    return 'unparsable URL';
  }
}

/**
 * Forwards every contract event from the hub to the window as (name, payload) on EVENT_IPC_CHANNEL — only
 * while the window still shows our own page. Returns the unsubscribe function.
 */
export function forwardEvents(
  hub: Pick<EventHub, 'subscribe'>,
  getWindow: () => EventTarget | null | undefined,
  options: ContractOptions = {},
): () => void {
  const devOrigin = options.devOrigin ?? null;
  const names: readonly string[] = EVENT_NAMES;
  return hub.subscribe((name, payload) => {
    if (!names.includes(name)) return;
    const win = getWindow();
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
    if (!isTrustedSender({ url: win.webContents.getURL(), isMainFrame: true }, devOrigin)) return;
    win.webContents.send(EVENT_IPC_CHANNEL, name, payload);
  });
}
