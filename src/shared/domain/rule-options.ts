// The router commands' options (rule-commands.ts: the WAN interface, nftables' forward chain) checked, the reason in
// main's English sentence. Main side only (english.ts loads the whole catalogue): the page says the same reason by
// key itself (commandOptionsSaid).
import { english } from '../i18n/english';
import { commandOptionsSaid, type CommandOptions } from './rule-commands';

/** null when the options are fine, else why not in English (said by key: commandOptionsSaid). */
export function checkCommandOptions(o: CommandOptions): string | null {
  const bad = commandOptionsSaid(o);
  return bad ? english(bad) : null;
}
