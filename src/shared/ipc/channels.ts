// Channel and event names only, with no schemas, so the sandboxed preload bundle stays tiny and never loads zod.
// The names come from the contract (src/shared/ipc/contract.ts, merged from every step), handed over at build
// time: electron.config.ts and vitest.config.ts define these two constants from INVOKE_CHANNEL_NAMES and
// EVENT_NAME_LIST, so a new step's channels need no edit here. A unit test checks they equal the contract's keys.
import type { EventName, InvokeChannel } from './contract';

declare const __NVR_INVOKE_CHANNELS__: readonly InvokeChannel[];
declare const __NVR_EVENT_NAMES__: readonly EventName[];

export const INVOKE_CHANNELS: readonly InvokeChannel[] = __NVR_INVOKE_CHANNELS__;
export const EVENT_NAMES: readonly EventName[] = __NVR_EVENT_NAMES__;

/** The IPC channel on which the main process sends every contract event: (name, payload). */
export const EVENT_IPC_CHANNEL = 'contract:event';
