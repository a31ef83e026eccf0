/**
 * `npm start`: builds, serves the demo site on 127.0.0.1, and opens Chromium
 * (or Chrome for Testing) with the extension loaded on the demo page.
 *
 * With a display, the browser window is visible and stays until it is closed
 * or Ctrl+C. Without one (Linux with neither DISPLAY nor WAYLAND_DISPLAY), no
 * window can be seen, so it says so, tells how to load `dist/chrome` by hand,
 * and writes a screenshot of a demo article with a card open (headless
 * Chromium, the card opened by a real mouse hover), then stops. Either way it
 * removes the temporary profile and stops the server when it ends.
 *
 * Environment: `BACKSTORY_SCREENSHOT` (where the screenshot goes, default
 * `dist/start-screenshot.png`), `BACKSTORY_SKIP_BUILD=1` (use the existing
 * build), `BACKSTORY_PROFILE` (a profile directory to keep instead of a
 * temporary one).
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildAll } from './build';
import { findBrowser } from './find-browser';
import { startFixtureServer } from '../tests/e2e/server';

const ROOT = path.resolve(import.meta.dirname, '..');
const extensionDir = path.join(ROOT, 'dist', 'chrome');
/** The demo article the screenshot shows. */
const DEMO_ARTICLE = '/demo/2025-10-sharaa-overture-to-putin.html';

let executablePath: string;
try {
  executablePath = findBrowser();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

if (process.env.BACKSTORY_SKIP_BUILD !== '1') await buildAll({ production: false });
const server = await startFixtureServer();
const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const ownProfile = !process.env.BACKSTORY_PROFILE;
const profile = process.env.BACKSTORY_PROFILE ?? (await mkdtemp(path.join(os.tmpdir(), 'backstory-start-')));
let context: BrowserContext | undefined;

let stopping: Promise<void> | undefined;
/** Closes the browser and the server and removes the temporary profile, once. */
function stop(code: number): Promise<void> {
  stopping ??= (async () => {
    await context?.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    if (ownProfile) await rm(profile, { recursive: true, force: true });
    process.exit(code);
  })();
  return stopping;
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

/** Hovers the first highlighted name with the mouse, as a reader does, and waits for its card. */
async function openCard(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('bs-mark').length > 10, undefined, { timeout: 30_000 });
  const mark = page.locator('bs-mark').first();
  await mark.scrollIntoViewIfNeeded();
  await mark.hover();
  // The card lives in a closed shadow root (its host is a 0×0 box): hit testing
  // beside the name reaches the host once the card is drawn there.
  await page.waitForFunction(
    () => {
      const r = document.querySelector('bs-mark')!.getBoundingClientRect();
      const points = [r.bottom + 40, r.top - 40].map((y) => document.elementFromPoint(r.left + 20, y));
      return points.some((el) => el?.tagName.toLowerCase() === 'backstory-card-host');
    },
    undefined,
    { timeout: 30_000 },
  );
}

try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: headless ? { width: 1280, height: 900 } : null,
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

  if (headless) {
    const screenshot = path.resolve(process.env.BACKSTORY_SCREENSHOT ?? path.join(ROOT, 'dist', 'start-screenshot.png'));
    console.log('No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window can open.');
    console.log('To see Backstory, on a machine with a desktop:');
    console.log('  npm start                      (opens Chromium with Backstory on the demo site), or by hand:');
    console.log(`  Chrome/Chromium: chrome://extensions → Developer mode → Load unpacked → ${extensionDir}`);
    console.log(`  Firefox: about:debugging#/runtime/this-firefox → Load Temporary Add-on… → ${path.join(ROOT, 'dist', 'firefox', 'manifest.json')}`);
    await page.goto(server.url(DEMO_ARTICLE));
    await openCard(page);
    await page.screenshot({ path: screenshot });
    console.log(`Meanwhile, here is what it does: a demo article with a card open, in headless Chromium → ${screenshot}`);
    await stop(0);
  } else {
    await page.goto(server.url('/demo/index.html'));
    console.log(`Backstory is running in Chromium (${executablePath}), on the demo site: ${server.url('/demo/index.html')}`);
    console.log('Hover a highlighted name to see its card. Close the window or press Ctrl+C to stop.');
    context.on('close', () => void stop(0));
  }
} catch (error) {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}
