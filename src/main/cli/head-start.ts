// `nvr-assist ports <address> --full`: the scan starts on the CLI's first line, while the rest of the app loads
// (services/ports/head-start.ts; the audit takes it over). Only for a command line that is exactly that, with
// an IPv4 literal on a local network (the audit refuses any other address before it scans, and so does this):
// anything else (a device id, a name, --plan, --set, a login) loads the app first, as every command does.
import { classifyIpv4, formatIpv4, parseIpv4 } from '../protocol/ipv4';
import { startHeadStart } from '../services/ports/head-start';

/** The address to scan ahead, or null when `argv` is not `ports <local IPv4> --full [--json]` (in any order). */
export function headStartTarget(argv: readonly string[]): string | null {
  if (!argv.includes('--full')) return null;
  const words = argv.filter((a) => a !== '--full' && a !== '--json');
  if (words.length !== 2 || words[0] !== 'ports') return null;
  const address = words[1]!;
  const ip = parseIpv4(address);
  if (ip === null || formatIpv4(ip) !== address) return null;
  const kind = classifyIpv4(address);
  return kind === 'private' || kind === 'link-local' ? address : null;
}

/** Starts the scan ahead when the command line asks for it (see headStartTarget). */
export function headStart(argv: readonly string[]): void {
  const address = headStartTarget(argv);
  if (address) startHeadStart(address);
}
