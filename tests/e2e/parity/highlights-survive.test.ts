/**
 * Issue 8: a highlight saved in the browser survives a relaunch of that
 * browser on the same profile — in Firefox ESR as in Chromium. The highlight
 * is saved the way the keyboard command and the context menu save it: the
 * background's own command listener (exposed to e2e in development builds)
 * asks the tab's content script for `tab.saveSelection`, which draws the
 * passage and sends `highlights.create` (a content-script-only call) to the
 * background, which writes it to IndexedDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { BROWSERS, launchDriver, type DriverPage, type ExtensionDriver } from '../driver';
import { ROOT } from '../server';

const demoArticle = readdirSync(path.join(ROOT, 'dist', 'demo')).find((f) => f !== 'index.html' && f.endsWith('.html'))!;
const PARAGRAPH = 'article p';
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

interface TabCommands {
  onCommand(command: string, tab?: { id?: number }): Promise<boolean>;
}

describe.each(BROWSERS)('a saved highlight, in %s', (browserName) => {
  let driver: ExtensionDriver;
  let savedId = '';
  let savedQuote = '';

  beforeAll(async () => {
    driver = await launchDriver(browserName);
  });
  afterAll(async () => {
    await driver?.close();
  });

  /** Opens the demo article and waits until the content app has marked it. */
  async function openArticle(): Promise<DriverPage> {
    const page = await driver.open(driver.server.url(`/demo/${demoArticle}`));
    await page.waitForSelector('bs-mark', { state: 'attached' });
    return page;
  }

  /** The text of the drawn pieces of one highlight. */
  function drawnText(page: DriverPage, id: string): Promise<string> {
    return page.evaluate((hid) => [...document.querySelectorAll(`bs-highlight[data-highlight-id="${hid}"]`)].map((el) => el.textContent).join(''), id);
  }

  it('saves the selection with the save-highlight command', async () => {
    const page = await openArticle();
    const tabId = await driver.tabIdOf(page);
    const selected = await page.evaluate((selector) => {
      const paragraph = document.querySelector(selector)!;
      const range = document.createRange();
      range.selectNodeContents(paragraph);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    }, PARAGRAPH);
    expect(selected.length).toBeGreaterThan(20);

    const saved = await driver.evaluateInBackground(
      (bg, id) => (bg.backstoryTabCommands as TabCommands).onCommand('save-highlight', { id }),
      tabId,
    );
    expect(saved).toBe(true);

    savedId = await page.waitForFunction(() => {
      const piece = document.querySelector('bs-highlight[data-highlight-id]');
      const id = piece?.getAttribute('data-highlight-id');
      return id && !id.startsWith('pending-') ? id : '';
    });
    savedQuote = await drawnText(page, savedId);
    expect(squash(savedQuote)).toBe(squash(selected));

    const list = await driver.call('highlights.list', {});
    expect(list.ok).toBe(true);
    const stored = list.ok ? list.value.items.find((h) => h.id === savedId) : undefined;
    expect(stored).toMatchObject({ url: driver.server.url(`/demo/${demoArticle}`), colour: 'yellow' });
    expect(squash(stored!.quote)).toBe(squash(selected));
    expect(stored!.entityIds).toContain('astana-process');
    await page.close();
  });

  it('survives a background restart and a relaunch of the browser on the same profile', async () => {
    expect(savedId).not.toBe('');
    await driver.restartBackground();
    await driver.relaunch();

    const list = await driver.call('highlights.list', {});
    expect(list.ok && list.value.items.map((h) => h.id)).toEqual([savedId]);

    // Drawn again where it was, and listed by the popup for that page.
    const page = await openArticle();
    await page.waitForSelector(`bs-highlight[data-highlight-id="${savedId}"]`, { state: 'attached' });
    expect(squash(await drawnText(page, savedId))).toBe(squash(savedQuote));
    const popup = await driver.openPopupFor(page);
    await popup.waitForSelector(`[data-testid="page-highlights"] [data-highlight-id="${savedId}"]`);
    await popup.close();
    await page.close();
  });

  it('raised no page errors', () => {
    expect(driver.pageErrors).toEqual([]);
  });
});
