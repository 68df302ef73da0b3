// A catalogue entry's source as a user can follow it: the document or address, without the path of our own
// reference file it was researched in (`../shared/reference/ROUTERS.md §1.4 (https://…)` → `https://…`).
const REFERENCE = /\.\.\/shared\/reference\/[A-Z][A-Z-]*\.md(?: §[\d.]+)?/g;

/** The source without our reference file's path and the brackets left around the rest; '' when nothing is left. */
export function readableSource(source: string): string {
  return source
    .replace(REFERENCE, '')
    .trim()
    .replace(/^\((.*)\)$/, '$1');
}
