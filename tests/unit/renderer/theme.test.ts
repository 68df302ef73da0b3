import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The light and the dark theme (src/renderer/styles/base.css): the palette is CSS variables on :root, the dark one
// in `@media (prefers-color-scheme: dark)`. A colour defined only for light would show light-on-dark (or
// dark-on-dark) text to a user whose system is dark; a colour written into a component would not follow at all.

const RENDERER = join(import.meta.dirname, '../../../src/renderer');
const BASE_CSS = readFileSync(join(RENDERER, 'styles/base.css'), 'utf8');

/** The `--name: value` declarations of a CSS block's text (its nested blocks left out). */
function variables(block: string): Map<string, string> {
  return new Map([...block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** The text between the `{` at `open` and its matching `}`. */
function blockAt(css: string, open: number): string {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '{') depth++;
    if (css[i] === '}' && --depth === 0) return css.slice(open + 1, i);
  }
  throw new Error('unbalanced braces in base.css');
}

/** Every top-level `:root { … }` block and the `:root` inside the dark media query. */
function palettes(css: string): { light: Map<string, string>; dark: Map<string, string>; lightBlock: string } {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const media = text.indexOf('@media (prefers-color-scheme: dark)');
  expect(media, 'base.css has a dark block').toBeGreaterThan(-1);
  const darkMedia = blockAt(text, text.indexOf('{', media));
  const darkRoot = darkMedia.indexOf(':root');
  expect(darkRoot, 'the dark block sets :root').toBeGreaterThan(-1);
  const dark = variables(blockAt(darkMedia, darkMedia.indexOf('{', darkRoot)));
  // The light palette: the top-level :root block that declares the colour scheme (another holds sizes and fonts).
  const before = text.slice(0, media);
  const roots = [...before.matchAll(/:root\s*\{/g)].map((m) => blockAt(before, m.index + m[0].length - 1));
  const lightBlock = roots.find((b) => /color-scheme\s*:/.test(b));
  expect(lightBlock, 'a :root block before the dark one declares color-scheme').toBeDefined();
  return { light: variables(lightBlock!), dark, lightBlock: lightBlock! };
}

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  expect(hex, 'a text or background colour is #rrggbb').toMatch(/^#[0-9a-f]{6}$/i);
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const { light, dark, lightBlock } = palettes(BASE_CSS);

/** Text colours, each drawn on any of the backgrounds (a badge, a problem, a link in a box). */
const TEXT = ['text', 'muted', 'accent', 'accent-strong', 'ok', 'warn', 'danger', 'warn-ink', 'danger-ink'];
const BACKGROUNDS = [
  'bg',
  'surface',
  'surface-muted',
  'neutral-soft',
  'accent-soft',
  'accent-tint',
  'ok-soft',
  'warn-soft',
  'danger-soft',
];
/** A filled button's text on its fill, at rest and hovered. */
const FILLED = [
  ['on-accent', 'accent'],
  ['on-accent', 'accent-strong'],
  ['on-danger', 'danger'],
  ['on-danger', 'danger-strong'],
] as const;

/** Every pair under 4.5:1 in a palette, as `text on background: ratio`. */
function faintPairs(palette: Map<string, string>): string[] {
  const get = (name: string) => palette.get(`--color-${name}`) ?? `missing --color-${name}`;
  const pairs = [...TEXT.flatMap((t) => BACKGROUNDS.map((b) => [t, b] as const)), ...FILLED];
  return pairs
    .map(([t, b]) => [t, b, contrast(get(t), get(b))] as const)
    .filter(([, , ratio]) => ratio < 4.5)
    .map(([t, b, ratio]) => `${t} on ${b}: ${ratio.toFixed(2)}`);
}

describe('the dark theme (base.css)', () => {
  it('defines every colour of the light palette, and nothing the light one lacks: no colour stays light-only', () => {
    expect(light.size).toBeGreaterThan(20);
    expect([...dark.keys()].sort()).toEqual([...light.keys()].sort());
  });

  it('changes each colour it defines (a copy of the light value would be light text or light boxes on dark)', () => {
    const same = [...dark].filter(([name, value]) => light.get(name) === value).map(([name]) => name);
    expect(same).toEqual([]);
  });

  it('lets the browser draw its own parts (fields, scroll bars, dialogs) in either scheme: color-scheme light dark', () => {
    expect(lightBlock).toMatch(/color-scheme\s*:\s*light dark\s*;/);
  });

  it('keeps every text colour at 4.5:1 or more on every background, and on filled buttons, in the light theme', () => {
    expect(faintPairs(light)).toEqual([]);
  });

  it('keeps every text colour at 4.5:1 or more on every background, and on filled buttons, in the dark theme', () => {
    expect(faintPairs(dark)).toEqual([]);
  });

  it('keeps the focus ring a 3:1 contrast with the page in the dark theme (where the keyboard is stays visible)', () => {
    const ring = dark.get('--focus-ring') ?? '';
    const outer = [...ring.matchAll(/#[0-9a-f]{6}/gi)].map((m) => m[0]).at(-1) ?? 'none';
    expect(contrast(outer, dark.get('--color-bg')!)).toBeGreaterThanOrEqual(3);
    expect(contrast(outer, dark.get('--color-surface')!)).toBeGreaterThanOrEqual(3);
  });
});

/** Every .css under src/renderer and the <style> blocks of every .vue, by path. */
function rendererStyles(): [string, string][] {
  const files = readdirSync(RENDERER, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(vue|css)$/.test(f));
  return files.map((f) => {
    const text = readFileSync(join(RENDERER, f), 'utf8');
    const css = f.endsWith('.vue')
      ? [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n')
      : text;
    return [relative(RENDERER, join(RENDERER, f)), css];
  });
}

describe('colours outside the palette', () => {
  it('no style block or stylesheet but base.css writes a colour itself (it would not follow the dark theme)', () => {
    const styles = rendererStyles();
    expect(styles.length).toBeGreaterThan(20);
    const written = styles
      .filter(([path]) => path !== join('styles', 'base.css'))
      .flatMap(([path, css]) =>
        css
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .split('\n')
          .filter((line) => /#[0-9a-f]{3,8}\b|\b(rgba?|hsla?)\(|(?<![\w-])(white|black)(?![\w-])/i.test(line))
          .map((line) => `${path}: ${line.trim()}`),
      );
    expect(written).toEqual([]);
  });
});
