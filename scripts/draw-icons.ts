/**
 * Renders `assets/icons/icon.svg` to the PNG sizes the manifest names, in
 * Chromium, so the icons are drawn from one source. Run by hand after editing
 * the SVG (`npx tsx scripts/draw-icons.ts`); the PNGs are committed.
 */
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from './find-browser';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');
const svg = await readFile(path.join(DIR, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findBrowser(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: path.join(DIR, `icon-${size}.png`), omitBackground: true });
}
await browser.close();
console.log('icons written to assets/icons');
