/**
 * `npm start`: builds, serves the demo site on 127.0.0.1, and opens Chromium
 * (or Chrome for Testing) with the extension loaded on the demo page. The
 * browser window is visible when a display is available, headless otherwise
 * (then it prints where the demo is and keeps serving until Ctrl+C).
 */
import { chromium } from 'playwright-core';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildAll } from './build';
import { findBrowser } from './find-browser';
import { startFixtureServer } from '../tests/e2e/server';

const ROOT = path.resolve(import.meta.dirname, '..');
const extensionDir = path.join(ROOT, 'dist', 'chrome');

let executablePath: string;
try {
  executablePath = findBrowser();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

await buildAll({ production: false });
const server = await startFixtureServer();
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const profile = process.env.BACKSTORY_PROFILE ?? (await mkdtemp(path.join(os.tmpdir(), 'backstory-start-')));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless,
  viewport: null,
  args: [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ],
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(server.url('/demo/index.html'));
console.log(`Backstory is running in ${headless ? 'headless ' : ''}Chromium (${executablePath}).`);
console.log(`Demo site: ${server.url('/demo/index.html')}   profile: ${profile}`);
console.log('Press Ctrl+C to stop.');

const stop = async () => {
  await context.close().catch(() => undefined);
  await server.close();
  process.exit(0);
};
context.on('close', () => void stop());
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
