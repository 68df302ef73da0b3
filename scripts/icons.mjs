#!/usr/bin/env node
// Makes the installer icons from resources/icon.svg with Debian's Chromium (Playwright): resources/icons/<n>x<n>.png
// for Linux (AppImage, deb) and resources/icon.png (1024 px) from which electron-builder makes the Windows .ico and
// the macOS .icns. Writes resources/icons/SOURCE.sha256, the SVG's hash, so a test can tell the PNGs are current.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const svg = readFileSync('resources/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  mkdirSync('resources/icons', { recursive: true });
  for (const n of SIZES) {
    const page = await browser.newPage({ viewport: { width: n, height: n } });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${n}" height="${n}" `)}</body></html>`,
    );
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: n, height: n } });
    writeFileSync(`resources/icons/${n}x${n}.png`, png);
    if (n === 1024) writeFileSync('resources/icon.png', png);
    await page.close();
  }
} finally {
  await browser.close();
}
writeFileSync('resources/icons/SOURCE.sha256', `${createHash('sha256').update(svg).digest('hex')}  icon.svg\n`);
process.stdout.write(`icons: ${SIZES.join(', ')} px from resources/icon.svg\n`);
