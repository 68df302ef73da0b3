// The renderer's static module graph, read from the sources as the bundler reads them: `import … from` and
// `export … from` (type-only ones left out: they cost nothing at run time), never `import()` or `import.meta.glob`
// (those are chunks loaded later). With it, the tests of the pages' words check what a screen carries up front and
// which message keys a page's files name.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = join(import.meta.dirname, '../../../..');

const IMPORT = /(?:^|[;\n])\s*(?:import|export)\s+(?!type\b)([^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g;
/** `import { type A, type B } from` (only types): elided. */
const ONLY_TYPES = /^\s*\{\s*(?:type\s+\w+(?:\s+as\s+\w+)?\s*,?\s*)+\}\s*from\s+$/;

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null; // a package (vue, zod …): not ours
  const base = resolve(dirname(from), spec);
  for (const file of [base, `${base}.ts`, join(base, 'index.ts')])
    if (/\.(ts|vue)$/.test(file) && existsSync(file)) return file;
  return null; // a stylesheet
}

/** The files `entry` (relative to the project) reaches by static imports, as project-relative paths. */
export function staticGraph(...entries: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = entries.map((e) => resolve(ROOT, e));
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (m[1] && ONLY_TYPES.test(m[1])) continue;
      const next = resolveImport(file, m[2]!);
      if (next) stack.push(next);
    }
  }
  return new Set([...seen].map((f) => relative(ROOT, f)));
}

/** A file's code without its comments (a key named in a comment is not a key used). */
export function codeOf(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\w])\/\/.*$/gm, '$1');
}

/**
 * The catalogue's groups a file names keys of: a string that is a message key (`'ports.audit.heading'`), or a
 * template string whose fixed start begins some keys (`` `ports.role.${role}` ``).
 */
export function groupsNamed(file: string, keys: readonly string[]): Set<string> {
  const exact = new Set(keys);
  const groups = new Set<string>();
  for (const m of codeOf(file).matchAll(/(['"`])([a-zA-Z]+\.[\w.]*)(\$\{)?/g)) {
    const text = m[2]!;
    if (m[1] === '`' && m[3] ? keys.some((k) => k.startsWith(text)) : exact.has(text)) groups.add(text.split('.')[0]!);
  }
  return groups;
}

/** Every message key of a catalogue, as `group.sub.key` (a plural message is one key). */
export function keysOf(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === 'string' || 'other' in (v as object) ? [`${prefix}${k}`] : keysOf(v as object, `${prefix}${k}.`),
  );
}
