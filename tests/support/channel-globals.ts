// The contract's channel and event names for src/shared/ipc/channels.ts, as the build's `define` gives them to the
// preload (electron.config.ts). Vitest loads this before each test file instead of defining them in its config, so
// the config itself imports nothing of the app.
import { EVENT_NAME_LIST, INVOKE_CHANNEL_NAMES } from '../../src/shared/ipc/contract';

Object.assign(globalThis, { __NVR_INVOKE_CHANNELS__: INVOKE_CHANNEL_NAMES, __NVR_EVENT_NAMES__: EVENT_NAME_LIST });
