/**
 * Issue 2's end-to-end test, written once against the driver and run in every
 * browser (issue 8): the content script runs on a served page, the background
 * answers it through the typed protocol and writes to IndexedDB, the popup
 * reads it back, and the data survives a background restart (Chromium's
 * service worker, Firefox's event page) and a browser relaunch on the same
 * profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { BROWSERS, launchDriver, type ExtensionDriver } from '../driver';
import { ROOT } from '../server';

const demoArticle = readdirSync(path.join(ROOT, 'dist', 'demo')).find((f) => f !== 'index.html' && f.endsWith('.html'))!;

const ORIGIN: Record<(typeof BROWSERS)[number], RegExp> = {
  chromium: /^chrome-extension:\/\/[a-p]{32}\/$/,
  firefox: /^moz-extension:\/\/[0-9a-f-]{36}\/$/,
};

describe.each(BROWSERS)('the extension, end to end, in %s', (browserName) => {
  let driver: ExtensionDriver;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
  });
  afterAll(async () => {
    await driver?.close();
  });

  /** The number of entries in the stored summary of `url`, read as the popup would. */
  async function storedSummaryCount(url: string): Promise<number> {
    const reply = await driver.call('page.summary', { url });
    return reply.ok && reply.value ? Object.keys(reply.value.counts).length : -1;
  }

  it('starts the background at a stable extension origin', async () => {
    expect(driver.extensionOrigin).toMatch(ORIGIN[browserName]);
    expect(driver.version).toMatch(/^(Chromium|Firefox) \d+/);
    const status = await driver.call('app.status', {});
    expect(status).toMatchObject({ ok: true, value: { entries: expect.any(Number) } });
  });

  it('content script → background → IndexedDB → popup', async () => {
    const page = await driver.open(driver.server.url(`/demo/${demoArticle}`));
    await page.waitForSelector('bs-mark', { state: 'attached' });
    const popup = await driver.openPopupFor(page);
    const entries = '[data-testid="page-entries"] [data-entry-id]';
    await expect.poll(() => popup.count(entries), { timeout: 15_000 }).toBeGreaterThan(3);
    const ids = await popup.evaluate((selector) => [...document.querySelectorAll(selector)].map((row) => row.getAttribute('data-entry-id')), entries);
    expect(ids).toContain('russia');
    await popup.close();
    await page.close();
  });

  it('keeps the data across a background restart and a browser relaunch', async () => {
    const url = driver.server.url(`/demo/${demoArticle}`);
    // The page sends its report a moment after its last pass, or when it closes.
    await expect.poll(() => storedSummaryCount(url), { timeout: 10_000 }).toBeGreaterThan(3);
    const before = await storedSummaryCount(url);

    // A marker on the background's global shows that it really started afresh.
    await driver.evaluateInBackground((bg) => {
      bg.backstoryE2eMarker = 'before restart';
    });
    await driver.restartBackground();
    expect(await storedSummaryCount(url)).toBe(before);
    expect(await driver.evaluateInBackground((bg) => bg.backstoryE2eMarker ?? 'fresh')).toBe('fresh');

    await driver.relaunch();
    expect(await storedSummaryCount(url)).toBe(before);
  });

  it('rejects a message whose params do not match the protocol, as a value', async () => {
    const reply = await driver.call('settings.update', { patch: { markCap: -5 } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('raised no page errors', () => {
    expect(driver.pageErrors).toEqual([]);
  });
});
