/**
 * Screenshots the e2e tests take. Every one goes to `test-results/` (ignored
 * by git) for a person to look at. The README's screenshots in
 * `docs/screenshots/` are rewritten only when asked (`UPDATE_SCREENSHOTS=1
 * npm test`), and only from Chromium (the docs show the Chrome build), so a
 * test run never leaves the tree dirty.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserName } from './driver';
import { ROOT } from './server';

/** Saves `png` as `test-results/<name>-<browser>.png`, and as `docs/screenshots/<docsName>` when updating docs. */
export async function saveScreenshot(png: Uint8Array, name: string, browser: BrowserName, docsName?: string): Promise<void> {
  const results = path.join(ROOT, 'test-results');
  await mkdir(results, { recursive: true });
  await writeFile(path.join(results, `${name}-${browser}.png`), png);
  if (docsName && browser === 'chromium' && process.env.UPDATE_SCREENSHOTS === '1') {
    const docs = path.join(ROOT, 'docs', 'screenshots');
    await mkdir(docs, { recursive: true });
    await writeFile(path.join(docs, docsName), png);
  }
}
