import { optionName } from './cli/option-name';

/** Arguments of the browser-mode entry; pure so it can be tested without starting a server. */
export function parseServerArgs(argv: string[]): { port: number; open: boolean } | string {
  let port = 0;
  let open = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--open') open = true;
    else if (arg === '--port') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0 || value > 65535) return 'The port must be a number from 0 to 65535.';
      port = value;
    } else return `Unknown option ${optionName(String(arg))}. Usage: server-entry [--port N] [--open]`;
  }
  return { port, open };
}
