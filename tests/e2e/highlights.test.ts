/**
 * Issue 6: saved highlights, end to end in Chromium. Save by the selection
 * toolbar, by the context menu and by the keyboard command; reload and see
 * them restored; serve changed versions of the page (paragraph inserted
 * before, a word edited inside the quote, the paragraph removed) and see
 * restored / restored-as-changed / orphan; restart the service worker and
 * relaunch the browser; export, clear, import; refuse bad imports.
 *
 * Playwright cannot click a native context menu or press an extension
 * shortcut (both are browser UI outside the page). The background registers
 * `onMenuClicked` / `onCommand` as the listeners of `contextMenus.onClicked` and
 * `commands.onCommand`, and development builds expose those same functions on
 * the service worker's global scope, so the test calls exactly what the
 * browser would call, with the tab the browser would pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './harness';

let session: ExtensionSession;

const P1 = 'The offensive began in the north-west in late November, and rebel columns reached the outskirts of Aleppo within days.';
const P2 = 'Russia, which had intervened in 2015 to save the government, gave the former president asylum in Moscow within days of the fall of the capital.';
const P3 = 'Turkey moved quickly to reopen its embassy in Damascus, while Iran evacuated its diplomats and advisers from the country.';
const QUOTE = 'gave the former president asylum in Moscow within days';

function article(paragraphs: string[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="backstory-test-open-shadow"><title>Fall of Damascus</title></head>
<body><main><h1>After the fall</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</main></body></html>`;
}

const PATH = '/hl/article.html';

beforeAll(async () => {
  session = await launchExtension();
  session.server.route(PATH, article([P1, P2, P3]));
});
afterAll(async () => {
  await session?.close();
});

/** Selects `text` in the page (the first occurrence), across the marks that may split it. */
async function select(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const whole = nodes.map((n) => n.data).join('');
    const at = whole.indexOf(needle);
    if (at < 0) throw new Error(`no text ${needle}`);
    const locate = (offset: number, end: boolean): [Text, number] => {
      let base = 0;
      for (const n of nodes) {
        if (offset < base + n.length || (end && offset === base + n.length)) return [n, offset - base];
        base += n.length;
      }
      throw new Error('offset out of range');
    };
    const range = document.createRange();
    range.setStart(...locate(at, false));
    range.setEnd(...locate(at + needle.length, true));
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, text);
}

/** Calls the background from one of our pages, as the manager does. */
async function callBackground<T>(call: string, params: object): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }> {
  const page = await session.openExtensionPage('popup.html');
  try {
    return await page.evaluate(([c, p]) => chrome.runtime.sendMessage({ backstory: 1, call: c, params: p }), [call, params] as const);
  } finally {
    await page.close();
  }
}

interface TabState {
  highlights: { id: string; quote: string }[];
  orphans: { id: string; quote: string }[];
}

async function tabState(page: Page): Promise<TabState> {
  const tabId = await session.tabIdOf(page);
  const worker = await session.worker();
  const reply = await worker.evaluate((id) => chrome.tabs.sendMessage(id, { backstory: 1, call: 'tab.state', params: {} }), tabId);
  const result = reply as { ok: boolean; value: TabState };
  if (!result.ok) throw new Error('tab.state failed');
  return result.value;
}

/** The saved highlights drawn on the page: id → text (pieces joined), with the changed flag. */
async function drawn(page: Page): Promise<{ id: string; text: string; changed: boolean }[]> {
  return page.evaluate(() => {
    const byId = new Map<string, { id: string; text: string; changed: boolean }>();
    for (const el of document.querySelectorAll('bs-highlight[data-highlight-id]')) {
      const id = el.getAttribute('data-highlight-id')!;
      const item = byId.get(id) ?? { id, text: '', changed: el.hasAttribute('data-changed') };
      item.text += el.textContent;
      byId.set(id, item);
    }
    return [...byId.values()];
  });
}

async function allHighlights(): Promise<{ id: string; quote: string; note: string }[]> {
  const reply = await callBackground<{ items: { id: string; quote: string; note: string }[] }>('highlights.list', { sort: 'oldest', limit: 1000 });
  if (!reply.ok) throw new Error(reply.error?.message);
  return reply.value!.items;
}

describe('saved highlights', () => {
  it('saves a selection from the floating toolbar, drawn at once', async () => {
    const page = await session.open(session.server.url(PATH));
    await select(page, QUOTE);
    await page.evaluate(() => document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true })));
    const save = page.locator('[data-testid="bs-toolbar"] [data-action="save"]');
    await save.waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="bs-toolbar"] [data-colour="green"]').click();
    await save.click();
    await expect.poll(async () => (await drawn(page)).filter((d) => !d.id.startsWith('pending-')).map((d) => d.text), { timeout: 10_000 }).toEqual([QUOTE]);
    const stored = await allHighlights();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ quote: QUOTE });
    expect(await page.locator('bs-highlight').first().getAttribute('data-colour')).toBe('green');
    // The toolbar host is ours and marked as such.
    expect(await page.locator('backstory-highlights-ui[data-backstory-ui]').count()).toBe(1);
    await page.close();
  });

  it('saves from the context menu and from the keyboard command', async () => {
    const page = await session.open(session.server.url(PATH));
    await expect.poll(async () => (await drawn(page)).length, { timeout: 10_000 }).toBe(1);
    const tabId = await session.tabIdOf(page);
    const worker = await session.worker();

    await select(page, 'rebel columns reached the outskirts of Aleppo');
    const byMenu = await worker.evaluate(
      (id) => (globalThis as unknown as { backstoryTabCommands: { onMenuClicked(i: object, t: object): Promise<boolean> } }).backstoryTabCommands.onMenuClicked({ menuItemId: 'backstory-save-highlight' }, { id }),
      tabId,
    );
    expect(byMenu).toBe(true);

    await select(page, 'reopen its embassy in Damascus');
    const byKey = await worker.evaluate(
      (id) => (globalThis as unknown as { backstoryTabCommands: { onCommand(c: string, t: object): Promise<boolean> } }).backstoryTabCommands.onCommand('save-highlight', { id }),
      tabId,
    );
    expect(byKey).toBe(true);
    await expect.poll(async () => (await drawn(page)).map((d) => d.text).sort(), { timeout: 10_000 }).toEqual(
      [QUOTE, 'rebel columns reached the outskirts of Aleppo', 'reopen its embassy in Damascus'].sort(),
    );
    expect(await allHighlights()).toHaveLength(3);
    await page.close();
  });

  it('restores them on reload', async () => {
    const page = await session.open(session.server.url(PATH));
    await expect.poll(async () => (await drawn(page)).length, { timeout: 10_000 }).toBe(3);
    expect((await drawn(page)).every((d) => !d.changed)).toBe(true);
    expect((await tabState(page)).orphans).toEqual([]);
    await page.close();
  });

  it('re-anchors on a changed page: moved, edited (changed), removed (orphan)', async () => {
    // A paragraph inserted before: everything restored, nothing changed.
    session.server.route(PATH, article(['Update: this story was revised with new reporting from the region.', P1, P2, P3]));
    let page = await session.open(session.server.url(PATH));
    await expect.poll(async () => (await drawn(page)).length, { timeout: 10_000 }).toBe(3);
    expect((await drawn(page)).some((d) => d.changed)).toBe(false);
    await page.close();

    // A word edited inside the quote: restored and marked changed, old quote in its popover.
    session.server.route(PATH, article([P1, P2.replace('asylum', 'refuge'), P3]));
    page = await session.open(session.server.url(PATH));
    await expect.poll(async () => (await drawn(page)).length, { timeout: 10_000 }).toBe(3);
    const changed = (await drawn(page)).find((d) => d.changed)!;
    expect(changed.text).toBe(QUOTE.replace('asylum', 'refuge'));
    await page.locator(`bs-highlight[data-highlight-id="${changed.id}"]`).first().click();
    await expect.poll(() => page.locator('[data-testid="bs-old-quote"]').textContent(), { timeout: 5_000 }).toBe(QUOTE);
    await page.close();

    // The paragraph removed: an orphan, listed in tab.state, not deleted.
    session.server.route(PATH, article([P1, P3]));
    page = await session.open(session.server.url(PATH));
    await expect.poll(async () => (await tabState(page)).orphans.map((o) => o.quote), { timeout: 10_000 }).toEqual([QUOTE]);
    expect(await drawn(page)).toHaveLength(2);
    expect(await allHighlights()).toHaveLength(3);

    // Late content: the paragraph comes back without a reload, and the orphan is placed.
    await page.evaluate((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      document.querySelector('main')!.append(p);
    }, P2);
    await expect.poll(async () => (await tabState(page)).orphans.length, { timeout: 10_000 }).toBe(0);
    expect(await drawn(page)).toHaveLength(3);
    await page.close();
    session.server.route(PATH, article([P1, P2, P3]));
  });

  it('edits a note and deletes with undo', async () => {
    const page = await session.open(session.server.url(PATH));
    await expect.poll(async () => (await drawn(page)).length, { timeout: 10_000 }).toBe(3);
    const target = (await drawn(page)).find((d) => d.text === QUOTE)!;
    await page.locator(`bs-highlight[data-highlight-id="${target.id}"]`).first().click();
    const popover = page.locator('[data-testid="bs-popover"]');
    await popover.locator('textarea').fill('Asylum, not exile');
    await popover.locator('[data-action="save-note"]').click();
    await expect.poll(async () => (await allHighlights()).find((h) => h.id === target.id)?.note, { timeout: 5_000 }).toBe('Asylum, not exile');

    await page.locator(`bs-highlight[data-highlight-id="${target.id}"]`).first().click();
    await popover.locator('[data-action="delete"]').click();
    await expect.poll(async () => (await drawn(page)).length, { timeout: 5_000 }).toBe(2);
    expect(await allHighlights()).toHaveLength(2);
    await page.locator('[data-testid="bs-toast"] [data-action="undo"]').click();
    await expect.poll(async () => (await drawn(page)).length, { timeout: 5_000 }).toBe(3);
    expect((await allHighlights()).find((h) => h.id === target.id)?.note).toBe('Asylum, not exile');
    await page.close();
  });

  it('loses nothing across a service worker restart and a browser relaunch', async () => {
    const before = await allHighlights();
    expect(before).toHaveLength(3);
    await session.stopServiceWorker();
    expect(await allHighlights()).toEqual(before);
    await session.relaunch();
    expect(await allHighlights()).toEqual(before);
    const page = await session.open(session.server.url(PATH));
    await expect.poll(async () => (await drawn(page)).length, { timeout: 10_000 }).toBe(3);
    await page.close();
  });

  it('exports, clears and imports back identically; bad files change nothing', async () => {
    const before = await allHighlights();
    const exported = await callBackground<{ text: string; filename: string }>('highlights.export', { format: 'json' });
    expect(exported.ok).toBe(true);
    const text = exported.value!.text;

    const corrupt = await callBackground('highlights.import', { text: text.slice(0, text.length / 2) });
    expect(corrupt.error).toMatchObject({ code: 'invalid-import', message: expect.stringMatching(/not valid JSON/) });
    const file = JSON.parse(text);
    const otherVersion = await callBackground('highlights.import', { text: JSON.stringify({ ...file, version: 2 }) });
    expect(otherVersion.error?.message).toMatch(/version 2 .*version 1 only/);
    const wrongField = structuredClone(file);
    wrongField.highlights[1].selectors[0].exact = 5;
    expect((await callBackground('highlights.import', { text: JSON.stringify(wrongField) })).error?.message).toBe('highlights[1].selectors[0].exact: expected a string');
    const huge = await callBackground('highlights.import', { text: ' '.repeat(51 * 1024 * 1024) });
    expect(huge.error?.message).toMatch(/too large/);
    expect(await allHighlights()).toEqual(before);

    expect((await callBackground<{ deleted: number }>('highlights.clear', {})).value).toEqual({ deleted: 3 });
    expect(await allHighlights()).toEqual([]);
    expect((await callBackground('highlights.import', { text })).value).toEqual({ added: 3, skipped: 0 });
    expect(await allHighlights()).toEqual(before);
    expect((await callBackground('highlights.import', { text })).value).toEqual({ added: 0, skipped: 3 });
    // Sending a 51 MB file through extension messaging is slow on a small machine.
  }, 180_000);

  it('keeps script in an imported note as text, never running it', async () => {
    const exported = await callBackground<{ text: string }>('highlights.export', { format: 'json' });
    const file = JSON.parse(exported.value!.text);
    await callBackground('highlights.clear', {});
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    file.highlights[0].note = evil;
    expect((await callBackground('highlights.import', { text: JSON.stringify(file) })).ok).toBe(true);
    const page = await session.open(session.server.url(PATH));
    await expect.poll(async () => (await drawn(page)).length, { timeout: 10_000 }).toBe(3);
    await page.locator(`bs-highlight[data-highlight-id="${file.highlights[0].id}"]`).first().click();
    await expect.poll(() => page.locator('[data-testid="bs-popover"] textarea').inputValue(), { timeout: 5_000 }).toBe(evil);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('[data-testid="bs-popover"] img, [data-testid="bs-popover"] script').count()).toBe(0);
    expect(session.pageErrors).toEqual([]);
    await page.close();
  });
});

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<never> };
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
};
