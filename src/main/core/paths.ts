import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the setup record lives. The Electron app, browser mode and the CLI share it, so a setup started in one
 * continues in the others. NVR_ASSIST_DATA_DIR overrides it (tests, portable use).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.NVR_ASSIST_DATA_DIR) return env.NVR_ASSIST_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'nvr-assist');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'nvr-assist');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'nvr-assist');
}
