// The build-time constants channels.ts reads (see there): used by electron.config.ts and vitest.config.ts.
import { EVENT_NAME_LIST, INVOKE_CHANNEL_NAMES } from './contract';

export const CHANNEL_DEFINES = {
  __NVR_INVOKE_CHANNELS__: JSON.stringify(INVOKE_CHANNEL_NAMES),
  __NVR_EVENT_NAMES__: JSON.stringify(EVENT_NAME_LIST),
};
