/**
 * Issue 8: a highlight saved in the browser survives a relaunch of that
 * browser on the same profile — in Firefox ESR as in Chromium. The highlight
 * is saved the way the keyboard command and the context menu save it: the
 * background's own command listener (exposed to e2e in development builds)
 * asks the tab's content script for `tab.saveSelection`, which draws the
 * passage and sends `highlights.create` (a content-script-only call) to the
 * background, which writes it to IndexedDB. A second one is saved with the
 * floating selection toolbar, as a reader does with the mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { BROWSERS, launchDriver, type DriverPage, type ExtensionDriver } from '../driver';
import { ROOT } from '../server';

const demoArticle = readdirSync(path.join(ROOT, 'dist', 'demo')).find((f) => f !== 'index.html' && f.endsWith('.html'))!;
const PARAGRAPH = 'article p';
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A page whose highlights UI has an open shadow root (development builds only), so the toolbar can be clicked. */
const TOOLBAR_PATH = '/parity/toolbar.html';
const TOOLBAR_QUOTE = 'talks in Astana were meant to demonstrate the centrality of Moscow';
const TOOLBAR_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Toolbar parity</title><meta name="backstory-test-open-shadow"></head>
<body><main><h1>Talks</h1><p>This week the <span id="quote">${TOOLBAR_QUOTE}</span> to the region.</p></main></body></html>`;
const TOOLBAR = 'backstory-highlights-ui >>> [data-testid="bs-toolbar"]';

interface TabCommands {
  onCommand(command: string, tab?: { id?: number }): Promise<boolean>;
}

describe.each(BROWSERS)('a saved highlight, in %s', (browserName) => {
  let driver: ExtensionDriver;
  let savedId = '';
  let savedQuote = '';
  let toolbarId = '';

  beforeAll(async () => {
    driver = await launchDriver(browserName);
    driver.server.route(TOOLBAR_PATH, TOOLBAR_PAGE);
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

  it('saves the selection from the floating toolbar, in the colour chosen there', async () => {
    const page = await driver.open(driver.server.url(TOOLBAR_PATH));
    await page.waitForSelector('bs-mark', { state: 'attached' });
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('quote')!);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    // The reader's own key press opens the toolbar (a page's synthetic mouseup does not).
    await page.press('Shift');
    await page.waitForSelector(`${TOOLBAR} [data-action="save"]`);
    await page.click(`${TOOLBAR} [data-colour="green"]`);
    await page.click(`${TOOLBAR} [data-action="save"]`);
    toolbarId = await page.waitForFunction(() => {
      const id = document.querySelector('bs-highlight[data-highlight-id]')?.getAttribute('data-highlight-id');
      return id && !id.startsWith('pending-') ? id : '';
    });
    expect(squash(await drawnText(page, toolbarId))).toBe(TOOLBAR_QUOTE);
    expect(await page.evaluate((id) => document.querySelector(`bs-highlight[data-highlight-id="${id}"]`)?.getAttribute('data-colour'), toolbarId)).toBe('green');
    await page.close();
  });

  it('survives a background restart and a relaunch of the browser on the same profile', async () => {
    expect(savedId).not.toBe('');
    await driver.restartBackground();
    await driver.relaunch();

    const list = await driver.call('highlights.list', { sort: 'oldest' });
    expect(list.ok && list.value.items.map((h) => h.id)).toEqual([savedId, toolbarId]);
    expect(list.ok && list.value.items[1]).toMatchObject({ quote: TOOLBAR_QUOTE, colour: 'green', url: driver.server.url(TOOLBAR_PATH) });

    // Drawn again where it was, and listed by the popup for that page.
    const page = await openArticle();
    await page.waitForSelector(`bs-highlight[data-highlight-id="${savedId}"]`, { state: 'attached' });
    expect(squash(await drawnText(page, savedId))).toBe(squash(savedQuote));
    const popup = await driver.openPopupFor(page);
    await popup.waitForSelector(`[data-testid="page-highlights"] [data-highlight-id="${savedId}"]`);
    await popup.close();
    await page.close();

    const toolbarPage = await driver.open(driver.server.url(TOOLBAR_PATH));
    await toolbarPage.waitForSelector(`bs-highlight[data-highlight-id="${toolbarId}"]`, { state: 'attached' });
    expect(squash(await drawnText(toolbarPage, toolbarId))).toBe(TOOLBAR_QUOTE);
    await toolbarPage.close();
  });

  it('raised no page errors', () => {
    expect(driver.pageErrors).toEqual([]);
  });
});
