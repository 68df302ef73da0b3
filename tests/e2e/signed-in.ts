import { fileURLToPath } from 'node:url';

// Browser mode's printed address works once (src/main/server.ts): the sign-in setup (sign-in.setup.ts) opens it
// in the project's own Chromium, as a user does, and keeps the signed-in state (the HttpOnly session cookie) in
// these files; the specs start from that state and open the server's origin, never the used address again.

const cache = (name: string) => fileURLToPath(new URL(`../../.cache/e2e/${name}`, import.meta.url));

/** The storage state of each project's signed-in browser, by the global-setup variable holding its address. */
export const SIGNED_IN_STATE = {
  NVR_ASSIST_URL: cache('signed-in-host.json'),
  NVR_ASSIST_LAB_URL: cache('signed-in-lab.json'),
} as const;

export type ServerVariable = keyof typeof SIGNED_IN_STATE;

/** The app's start page on the server whose one-time address is in `address` (the origin, no token). */
export function appHome(address: string): string {
  return new URL('/', address).href;
}
