import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// What loads before `nvr-assist ports <address> --full` starts its scan: the CLI entry's static imports (the app and
// the catalogue of words come later, by dynamic import), and what a scan worker loads before its first connect.
// Every module here is loaded before the first port is tried, so the whole catalogue (~130 KB of words, ~25 ms)
// and the app must not be among them.
const ROOT = resolve(__dirname, '../../..');

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null; // node: built-ins and packages
  const base = resolve(dirname(from), spec);
  if (base.endsWith('.json')) return null; // data (package.json's version)
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base])
    if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
  throw new Error(`cannot resolve ${spec} from ${relative(ROOT, from)}`);
}

/** Every module the file loads by static imports, itself included (type-only imports load nothing). */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length > 0 && seen.size < 2000) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\bfrom\s+'([^']+)'/gms)) {
      if (m[2]) continue;
      const next = resolveImport(file, m[3]!);
      if (next) queue.push(next);
    }
    for (const m of source.matchAll(/^\s*import\s+'([^']+)'/gm)) {
      const next = resolveImport(file, m[1]!);
      if (next) queue.push(next);
    }
  }
  return new Set([...seen].map((f) => relative(ROOT, f)));
}

describe('the CLI head start loads little before its scan', () => {
  it.each(['src/main/cli.ts', 'src/main/services/ports/scan-worker.ts'])(
    '%s: no catalogue of words, no app',
    (entry) => {
      const loaded = staticClosure(entry);
      expect(loaded.has(entry)).toBe(true);
      // The walker follows the chain to the scanner (the test would pass vacuously otherwise).
      expect(loaded).toContain('src/main/services/ports/parallel-scan.ts');
      expect(
        [...loaded].filter((f) => f.startsWith('src/shared/i18n/') && f !== 'src/shared/i18n/en/errors.ts'),
      ).toEqual([]);
      expect(loaded).not.toContain('src/main/app.ts');
      expect(loaded).not.toContain('src/main/cli/run.ts');
    },
  );

  it('the walker sees what a static import loads (the whole catalogue behind translate.ts)', () => {
    expect(staticClosure('src/shared/i18n/translate.ts')).toContain('src/shared/i18n/en/index.ts');
  });
});
