// `node --import ./register.mjs out/main/index.js`: the built Electron entry runs with `electron` replaced by
// fake-electron.mjs (the real package cannot load without its binary).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
