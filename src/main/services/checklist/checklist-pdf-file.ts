import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

// The checklist PDF's fonts (where they are looked for) and the file it is written to (atomically), each failure in
// plain words: what the CLI prints as it is.

/** A plain-words failure (a font missing, a path that cannot be written): the CLI prints its message as it is. */
export class ChecklistPdfError extends Error {
  override name = 'ChecklistPdfError';
}

/**
 * Where a Unicode TrueType font is looked for, in order: the text font (Latin, Greek, Cyrillic, symbols) and then
 * fallbacks for the characters it lacks (Chinese, Japanese, Korean). A character no font has is drawn as "?".
 */
export const TEXT_FONTS = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  '/Library/Fonts/Arial.ttf',
];
export const FALLBACK_FONTS = [
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/usr/share/fonts/truetype/arphic/uming.ttc',
  'C:\\Windows\\Fonts\\simsunb.ttf',
  '/System/Library/Fonts/Supplemental/Arial Unicode.ttf',
  '/Library/Fonts/Arial Unicode.ttf',
];

/** The fonts to use: the ones given (tests), else the first of TEXT_FONTS found and every FALLBACK_FONTS found. */
export function chooseFonts(given: { text: string; fallbacks?: readonly string[] } | undefined): {
  text: string;
  fallbacks: string[];
} {
  if (given) return { text: given.text, fallbacks: [...(given.fallbacks ?? [])] };
  const text = TEXT_FONTS.find((f) => existsSync(f));
  if (!text)
    throw new ChecklistPdfError(
      `No font to write the PDF with was found (looked for ${TEXT_FONTS[0]} and others). On Debian or Ubuntu: ` +
        'apt-get install fonts-dejavu-core. The checklist is also available as JSON (--json).',
    );
  return { text, fallbacks: FALLBACK_FONTS.filter((f) => f.endsWith('.ttf') && existsSync(f)) };
}

function writeError(err: unknown, file: string): ChecklistPdfError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const dir = dirname(file);
  const words: Record<string, string> = {
    ENOENT: existsSync(dir) ? `No file can be made in ${dir}.` : `The folder ${dir} does not exist.`,
    ENOTDIR: `${dir} is not a folder.`,
    EACCES: `No permission to write in ${dir}.`,
    EPERM: `No permission to write in ${dir}.`,
    EROFS: `${dir} is on a read-only disk.`,
    ENOSPC: `The disk of ${dir} is full.`,
    EISDIR: `${file} is a folder.`,
  };
  return new ChecklistPdfError(
    `The checklist could not be written to ${file}: ${(code && words[code]) ?? (err as Error)?.message ?? 'unknown error'}`,
  );
}

/**
 * Writes bytes to `file` through a temporary file in the same folder and a rename: the file is whole or not
 * there (an older file of that name stays as it was). Plain-words ChecklistPdfError on failure.
 */
export async function writeFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const target = resolve(file);
  const isDir = await stat(target).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (isDir) throw writeError(Object.assign(new Error('is a folder'), { code: 'EISDIR' }), target);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(tmp, 'wx', 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw writeError(err, target);
  }
}
