import { deviceText } from '../../shared/text/device-text';

/**
 * Formats rows as a plain-text table with a header line. Every cell is device text until proven otherwise: one
 * line, sanitised (no escape sequence, control or bidi character reaches the terminal), cut to `maxWidth`.
 */
export function formatTable(headers: string[], rows: string[][], maxWidth = 60): string {
  const cells = [headers, ...rows].map((r) => r.map((c) => deviceText(c, maxWidth)));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
