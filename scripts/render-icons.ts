/**
 * Renders the app icons from their SVG sources in manifest/ to the PNGs Teams needs (colour
 * 192x192, outline 32x32 white on transparent), with Debian's Chromium. Run it after changing
 * an icon: `npm run icons`. The PNGs are committed; packaging only checks them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const MANIFEST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../manifest');

async function render(svgFile: string, pngFile: string, size: number): Promise<void> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const svg = readFileSync(path.join(MANIFEST, svgFile), 'utf8');
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    writeFileSync(
      path.join(MANIFEST, pngFile),
      await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }),
    );
  } finally {
    await browser.close();
  }
}

await render('icon-color.svg', 'color.png', 192);
await render('icon-outline.svg', 'outline.png', 32);
console.log('wrote manifest/color.png and manifest/outline.png');
