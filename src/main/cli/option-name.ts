/**
 * The name of an option as typed, without its value: `--password=S3cr3t` → `--password`. What follows `=` is
 * never kept (it may be a secret), nor is the next word; the name is cut to printable ASCII and 40 characters.
 * Shared by every entry that reads argv (the CLI, the browser-mode server).
 */
export function optionName(word: string): string {
  const name = word.split('=', 1)[0]!.replace(/[^\x21-\x7e]/g, '?');
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}
