// Logging to stderr (stdout carries only the READY line) and optionally to a file in the state dir.
import fs from 'node:fs';

let file = null;
let tag = 'sim';
export function setLog({ path, name }) {
  if (name) tag = name;
  if (path) file = fs.createWriteStream(path, { flags: 'a' });
}
export function log(...args) {
  const line = `${new Date().toISOString()} [${tag}] ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`;
  process.stderr.write(line + '\n');
  file?.write(line + '\n');
}
