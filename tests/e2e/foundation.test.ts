/**
 * Issue 2: the loaded extension works as a whole. The content script runs on a
 * served page, the background answers it through the typed protocol and writes
 * to IndexedDB, the popup reads it back, and the data survives a service
 * worker restart and a browser relaunch on the same profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { launchExtension, type ExtensionSession } from './harness';
import { ROOT } from './server';

let session: ExtensionSession;
const demoArticle = readdirSync(path.join(ROOT, 'dist', 'demo')).find((f) => f !== 'index.html' && f.endsWith('.html'))!;

beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

/** Reads the stored page summary straight from the background's IndexedDB, as the popup would. */
async function storedSummaryCount(url: string): Promise<number> {
  const page = await session.openExtensionPage('options.html');
  const count = await page.evaluate(async (pageUrl) => {
    const reply = await chrome.runtime.sendMessage({ backstory: 1, call: 'page.summary', params: { url: pageUrl } });
    return reply.ok && reply.value ? Object.keys(reply.value.counts).length : -1;
  }, url);
  await page.close();
  return count;
}

describe('the extension, end to end', () => {
  it('loads a service worker with a stable id', () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('content script → background → IndexedDB → popup', async () => {
    const page = await session.open(session.server.url(`/demo/${demoArticle}`));
    const popup = await session.openPopupFor(page);
    const entries = popup.getByTestId('page-entries').locator('[data-entry-id]');
    await expect.poll(() => entries.count(), { timeout: 15_000 }).toBeGreaterThan(3);
    const ids = await entries.evaluateAll((items) => items.map((item) => item.getAttribute('data-entry-id')));
    expect(ids).toContain('russia');
    await popup.close();
    await page.close();
  });

  it('keeps the data across a service worker restart and a browser relaunch', async () => {
    const url = session.server.url(`/demo/${demoArticle}`);
    const before = await storedSummaryCount(url);
    expect(before).toBeGreaterThan(3);

    await session.stopServiceWorker();
    expect(await storedSummaryCount(url)).toBe(before);

    await session.relaunch();
    expect(await storedSummaryCount(url)).toBe(before);
  });

  it('rejects a message whose params do not match the protocol, as a value', async () => {
    const page = await session.openExtensionPage('options.html');
    const reply = await page.evaluate(() => chrome.runtime.sendMessage({ backstory: 1, call: 'settings.update', params: { patch: { markCap: -5 } } }));
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    await page.close();
  });

  it('raised no page errors', () => {
    expect(session.pageErrors).toEqual([]);
  });
});

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: { counts: Record<string, number> } | null; error?: unknown }> } };
