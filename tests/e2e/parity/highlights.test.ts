/**
 * Issue 6, in both browsers (issue 8): saved highlights end to end. Save by
 * the selection toolbar, by the context menu and by the keyboard command;
 * reload and see them restored; serve changed versions of the page (paragraph
 * inserted before, a word edited inside the quote, a word inserted at its start,
 * the paragraph removed) and see restored / restored-as-changed (whole words,
 * flagged in the popup) / orphan; edit a note, delete and undo;
 * restart the background; export, clear, import; refuse bad imports.
 *
 * No driver can click a native context menu or press an extension shortcut
 * (both are browser UI outside the page). The background registers
 * `onMenuClicked` / `onCommand` as the listeners of `contextMenus.onClicked` and
 * `commands.onCommand`, and development builds expose those same functions on
 * the background's global scope, so the test calls exactly what the browser
 * would call, with the tab the browser would pass.
 *
 * Survival across a relaunch of the browser is `highlights-survive.test.ts`'s;
 * here the full records (notes included) are compared after a relaunch only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchDriver, type DriverPage, type ExtensionDriver } from '../driver';
import { expectFrameSource, noteFrame } from '../private-frames';
import { selectText } from '../select-text';

const P1 = 'The offensive began in the north-west in late November, and rebel columns reached the outskirts of Aleppo within days.';
const P2 = 'Russia, which had intervened in 2015 to save the government, gave the former president asylum in Moscow within days of the fall of the capital.';
const P3 = 'Turkey moved quickly to reopen its embassy in Damascus, while Iran evacuated its diplomats and advisers from the country.';
const QUOTE = 'gave the former president asylum in Moscow within days';

/** The meta opens the highlights UI's shadow root (development builds only), so ` >>> ` reaches it. */
function article(paragraphs: string[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="backstory-test-open-shadow"><title>Fall of Damascus</title></head>
<body><main><h1>After the fall</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</main></body></html>`;
}

const PATH = '/hl/article.html';
/**
 * The passage of the context-menu test, selected by the page while it parses:
 * the first annotation pass (the content script starts at document_idle) lands
 * under a selection that ends right after a name, the race that test can lose.
 */
const SELECTED_PATH = '/hl/selected.html';
const SELECTED = 'rebel columns reached the outskirts of Aleppo';
const SELECTED_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Selected early</title></head>
<body><main><p id="p1">${P1}</p></main><script>
  const text = document.getElementById('p1').firstChild;
  const at = text.data.indexOf(${JSON.stringify(SELECTED)});
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + ${SELECTED.length});
  getSelection().addRange(range);
</script></body></html>`;
const UI = 'backstory-highlights-ui >>> ';
const TOOLBAR = `${UI}[data-testid="bs-toolbar"]`;
const POPOVER = `${UI}[data-testid="bs-popover"]`;

interface Stored {
  id: string;
  quote: string;
  note: string;
}

interface TabState {
  highlights: { id: string; quote: string }[];
  orphans: { id: string; quote: string }[];
  changed: string[];
}

interface TabCommands {
  onMenuClicked(info: object, tab: object): Promise<boolean>;
  onCommand(command: string, tab: object): Promise<boolean>;
}

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

describe.each(BROWSERS)('saved highlights, in %s', (browserName) => {
  let driver: ExtensionDriver;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
    // Written for every mention marked; the default density is tested in density.test.ts.
    expect((await driver.call('settings.update', { patch: { density: 'all' } })).ok).toBe(true);
    driver.server.route(PATH, article([P1, P2, P3]));
    driver.server.route(SELECTED_PATH, SELECTED_PAGE);
  }, 120_000);
  afterAll(async () => {
    await driver?.close();
  });

  /** Selects `text` in the page (the first occurrence), across the marks that may split it. */
  function select(page: DriverPage, text: string): Promise<void> {
    return selectText(page, 'main', text);
  }

  /** Sends one call as the manager does, and throws on an unexpected error. */
  async function call<T>(name: string, params: object): Promise<Reply<T>> {
    return (await driver.call(name as never, params as never)) as Reply<T>;
  }

  /** The content script's own account of the tab (`tab.state`). */
  async function tabState(page: DriverPage): Promise<TabState> {
    const result = (await driver.callTab(page, 'tab.state', {})) as Reply<TabState>;
    if (!result.ok) throw new Error(`tab.state failed: ${result.error.message}`);
    return result.value;
  }

  /** The saved highlights drawn on the page: id → text (pieces joined), with the changed flag. */
  function drawn(page: DriverPage): Promise<{ id: string; text: string; changed: boolean }[]> {
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

  async function allHighlights(): Promise<Stored[]> {
    const reply = await call<{ items: Stored[] }>('highlights.list', { sort: 'oldest', limit: 1000 });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value.items;
  }

  function openPage(): Promise<DriverPage> {
    return driver.open(driver.server.url(PATH));
  }

  it('saves a selection from the floating toolbar, drawn at once', async () => {
    const page = await openPage();
    await page.waitForSelector('bs-mark', { state: 'attached' });
    await select(page, QUOTE);
    // The reader's own key press (Shift, as when extending a selection): a page's synthetic mouseup opens nothing.
    await page.press('Shift');
    await page.waitForSelector(`${TOOLBAR} [data-action="save"]`, { timeout: 20_000 });
    await page.click(`${TOOLBAR} [data-colour="green"]`);
    await page.click(`${TOOLBAR} [data-action="save"]`);
    await expect.poll(async () => (await drawn(page)).filter((d) => !d.id.startsWith('pending-')).map((d) => d.text), { timeout: 20_000 }).toEqual([QUOTE]);
    const stored = await allHighlights();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ quote: QUOTE });
    expect(await page.getAttribute('bs-highlight', 'data-colour')).toBe('green');
    // The toolbar host is ours and marked as such.
    expect(await page.count('backstory-highlights-ui[data-backstory-ui]')).toBe(1);
    await page.close();
  }, 90_000);

  it('saves from the context menu and from the keyboard command', async () => {
    const page = await openPage();
    await expect.poll(async () => (await drawn(page)).length, { timeout: 20_000 }).toBe(1);
    const tabId = await driver.tabIdOf(page);

    await select(page, 'rebel columns reached the outskirts of Aleppo');
    const byMenu = await driver.evaluateInBackground(
      (bg, id) => (bg.backstoryTabCommands as TabCommands).onMenuClicked({ menuItemId: 'backstory-save-highlight' }, { id }),
      tabId,
    );
    expect(byMenu).toBe(true);

    await select(page, 'reopen its embassy in Damascus');
    const byKey = await driver.evaluateInBackground((bg, id) => (bg.backstoryTabCommands as TabCommands).onCommand('save-highlight', { id }), tabId);
    expect(byKey).toBe(true);
    await expect
      .poll(async () => (await drawn(page)).map((d) => d.text).sort(), { timeout: 20_000 })
      .toEqual([QUOTE, 'rebel columns reached the outskirts of Aleppo', 'reopen its embassy in Damascus'].sort());
    expect(await allHighlights()).toHaveLength(3);
    await page.close();
  }, 90_000);

  it('restores them on reload', async () => {
    const page = await openPage();
    await expect.poll(async () => (await drawn(page)).length, { timeout: 20_000 }).toBe(3);
    expect((await drawn(page)).every((d) => !d.changed)).toBe(true);
    expect((await tabState(page)).orphans).toEqual([]);
    await page.close();
  }, 90_000);

  it('re-anchors on a changed page: moved, edited (changed), removed (orphan)', async () => {
    // A paragraph inserted before: everything restored, nothing changed.
    driver.server.route(PATH, article(['Update: this story was revised with new reporting from the region.', P1, P2, P3]));
    let page = await openPage();
    await expect.poll(async () => (await drawn(page)).length, { timeout: 20_000 }).toBe(3);
    expect((await drawn(page)).some((d) => d.changed)).toBe(false);
    await page.close();

    // A word edited inside the quote: restored and marked changed, old quote in its popover.
    driver.server.route(PATH, article([P1, P2.replace('asylum', 'refuge'), P3]));
    page = await openPage();
    await expect.poll(async () => (await drawn(page)).length, { timeout: 20_000 }).toBe(3);
    const changed = (await drawn(page)).find((d) => d.changed)!;
    expect(changed.text).toBe(QUOTE.replace('asylum', 'refuge'));
    await page.click(`bs-highlight[data-highlight-id="${changed.id}"]`);
    await expect.poll(() => page.textContent(`${UI}[data-testid="bs-old-quote"]`), { timeout: 10_000 }).toBe(QUOTE);
    await page.close();

    // A word inserted at the quote's start: the re-anchored highlight holds whole
    // words ("deposed former …", not "e deposed former …"), and the popup's list
    // says the text changed since it was saved.
    driver.server.route(PATH, article([P1, P2.replace('gave the former', 'gave the deposed former'), P3]));
    page = await openPage();
    await expect.poll(async () => (await drawn(page)).filter((d) => d.changed).length, { timeout: 20_000 }).toBe(1);
    const reanchored = (await drawn(page)).find((d) => d.changed)!;
    expect(reanchored.text).toBe('deposed former president asylum in Moscow within days');
    expect((await tabState(page)).changed).toEqual([reanchored.id]);
    const popup = await driver.openPopupFor(page);
    await popup.waitForSelector(`[data-testid=page-highlights] [data-highlight-id="${reanchored.id}"] [data-testid=changed-since-saved]`);
    expect(await popup.count('[data-testid=changed-since-saved]')).toBe(1);
    expect(await popup.textContent('[data-testid=changed-since-saved]')).toBe('Text changed since saved');
    await popup.close();
    await page.close();

    // The paragraph removed: an orphan, listed in tab.state, not deleted.
    driver.server.route(PATH, article([P1, P3]));
    page = await openPage();
    await expect.poll(async () => (await tabState(page)).orphans.map((o) => o.quote), { timeout: 20_000 }).toEqual([QUOTE]);
    expect(await drawn(page)).toHaveLength(2);
    expect(await allHighlights()).toHaveLength(3);

    // Late content: the paragraph comes back without a reload, and the orphan is placed.
    await page.evaluate((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      document.querySelector('main')!.append(p);
    }, P2);
    await expect.poll(async () => (await tabState(page)).orphans.length, { timeout: 20_000 }).toBe(0);
    expect(await drawn(page)).toHaveLength(3);
    await page.close();
    driver.server.route(PATH, article([P1, P2, P3]));
  }, 150_000);

  it('edits a note and deletes with undo', async () => {
    const page = await openPage();
    await expect.poll(async () => (await drawn(page)).length, { timeout: 20_000 }).toBe(3);
    const target = (await drawn(page)).find((d) => d.text === QUOTE)!;
    await page.click(`bs-highlight[data-highlight-id="${target.id}"]`);
    // The note is edited in the popover's private frame (an extension page), never in the page's DOM.
    expectFrameSource(await page.getAttribute(`${POPOVER} iframe.note-frame`, 'src'), driver, `private.html#note=${encodeURIComponent(target.id)}`);
    await page.frameFill(noteFrame(driver, target.id), 'textarea', 'Asylum, not exile');
    // The frame's address (in Chromium drawn for the session, the same on every site) is nowhere in the page's timeline.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => !name.startsWith('http')))).toEqual([]);
    await page.frameClick(noteFrame(driver, target.id), '[data-action="save-note"]:not([disabled])');
    await expect.poll(async () => (await allHighlights()).find((h) => h.id === target.id)?.note, { timeout: 10_000 }).toBe('Asylum, not exile');
    expect(await page.frameText(noteFrame(driver, target.id))).toContain('Note saved.');

    await page.click(`bs-highlight[data-highlight-id="${target.id}"]`);
    await page.waitForSelector(`${POPOVER} [data-action="delete"]`);
    await page.click(`${POPOVER} [data-action="delete"]`);
    await expect.poll(async () => (await drawn(page)).length, { timeout: 10_000 }).toBe(2);
    expect(await allHighlights()).toHaveLength(2);
    await page.waitForSelector(`${UI}[data-testid="bs-toast"] [data-action="undo"]`);
    await page.click(`${UI}[data-testid="bs-toast"] [data-action="undo"]`);
    await expect.poll(async () => (await drawn(page)).length, { timeout: 10_000 }).toBe(3);
    expect((await allHighlights()).find((h) => h.id === target.id)?.note).toBe('Asylum, not exile');
    await page.close();
  }, 90_000);

  it('loses nothing across a background restart and a browser relaunch', async () => {
    const before = await allHighlights();
    expect(before).toHaveLength(3);
    await driver.restartBackground();
    expect(await allHighlights()).toEqual(before);
    // Drawn again after a relaunch is highlights-survive's; the whole records (the note too) are checked here.
    await driver.relaunch();
    expect(await allHighlights()).toEqual(before);
  }, 120_000);

  it('exports, clears and imports back identically; bad files change nothing', async () => {
    const before = await allHighlights();
    const exported = await call<{ text: string; filename: string }>('highlights.export', { format: 'json' });
    expect(exported.ok).toBe(true);
    const text = exported.ok ? exported.value.text : '';

    const corrupt = await call('highlights.import', { text: text.slice(0, text.length / 2) });
    expect(!corrupt.ok && corrupt.error).toMatchObject({ code: 'invalid-import', message: expect.stringMatching(/not valid JSON/) });
    const file = JSON.parse(text) as { highlights: { selectors: { exact: unknown }[] }[] };
    const otherVersion = await call('highlights.import', { text: JSON.stringify({ ...file, version: 2 }) });
    expect(!otherVersion.ok && otherVersion.error.message).toMatch(/version 2 .*version 1 only/);
    const wrongField = structuredClone(file);
    wrongField.highlights[1]!.selectors[0]!.exact = 5;
    const wrong = await call('highlights.import', { text: JSON.stringify(wrongField) });
    expect(!wrong.ok && wrong.error.message).toBe('highlights[1].selectors[0].exact: expected a string');

    // A 51 MB file, made inside an extension page and sent from there as the
    // options page sends a file: nothing that large crosses the test protocol.
    const sender = await driver.openExtensionPage('popup.html');
    const huge = (await sender.evaluate(async () => {
      const g = globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      const reply = await (g.browser ?? g.chrome).runtime.sendMessage({ backstory: 1, call: 'highlights.import', params: { text: ' '.repeat(51 * 1024 * 1024) } });
      return JSON.parse(JSON.stringify(reply)) as unknown;
    })) as Reply<unknown>;
    await sender.close();
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid-import', message: expect.stringMatching(/too large/) } });
    expect(await allHighlights()).toEqual(before);

    // The options page refuses a file over the limit by its size, before reading
    // it: 26 Mi "é" are 52 MB of file but fewer characters than the background's
    // limit, so only the page's own check can call this file too large.
    const options = await driver.openExtensionPage('options.html', '#data');
    await options.waitForSelector('input[type="file"]', { state: 'attached' });
    await options.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File(['é'.repeat(26 * 1024 * 1024)], 'big.json', { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await options.waitForFunction(() => /too large \(52 MB\)/.test(document.querySelector('.data-message')?.textContent ?? ''));
    await options.close();
    expect(await allHighlights()).toEqual(before);

    const cleared = await call<{ deleted: number }>('highlights.clear', {});
    expect(cleared.ok && cleared.value).toEqual({ deleted: 3 });
    expect(await allHighlights()).toEqual([]);
    const first = await call('highlights.import', { text });
    expect(first.ok && first.value).toEqual({ added: 3, updated: 0, skipped: 0, skippedBy: [] });
    expect(await allHighlights()).toEqual(before);
    const again = await call('highlights.import', { text });
    expect(again.ok && again.value).toEqual({ added: 0, updated: 0, skipped: 3, skippedBy: [{ reason: 'duplicate', count: 3 }] });
  }, 120_000);

  it('keeps script in an imported note as text, never running it', async () => {
    const exported = await call<{ text: string }>('highlights.export', { format: 'json' });
    expect(exported.ok).toBe(true);
    const file = JSON.parse(exported.ok ? exported.value.text : '') as { highlights: { id: string; note: string }[] };
    expect((await call('highlights.clear', {})).ok).toBe(true);
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    file.highlights[0]!.note = evil;
    expect((await call('highlights.import', { text: JSON.stringify(file) })).ok).toBe(true);
    const page = await openPage();
    await expect.poll(async () => (await drawn(page)).length, { timeout: 20_000 }).toBe(3);
    await page.click(`bs-highlight[data-highlight-id="${file.highlights[0]!.id}"]`);
    await expect.poll(() => page.frameText(noteFrame(driver, file.highlights[0]!.id)), { timeout: 10_000 }).toContain(evil);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
    expect(await page.count(`${POPOVER} img`)).toBe(0);
    expect(await page.count(`${POPOVER} script`)).toBe(0);
    expect(driver.pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it('saves the whole selection when the first annotation pass lands under it', async () => {
    const page = await driver.open(driver.server.url(SELECTED_PATH));
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('backstory:annotate').length), { timeout: 20_000 }).toBeGreaterThan(0);
    // The pass left the selection's text node alone, so its end did not move before "Aleppo".
    expect(await page.evaluate(() => getSelection()!.toString())).toBe(SELECTED);
    expect(await page.count('bs-mark')).toBe(0);

    const tabId = await driver.tabIdOf(page);
    const byMenu = await driver.evaluateInBackground(
      (bg, id) => (bg.backstoryTabCommands as TabCommands).onMenuClicked({ menuItemId: 'backstory-save-highlight' }, { id }),
      tabId,
    );
    expect(byMenu).toBe(true);
    expect((await allHighlights()).map((h) => h.quote)).toContain(SELECTED);
    await expect.poll(async () => (await drawn(page)).map((d) => d.text), { timeout: 20_000 }).toEqual([SELECTED]);
    // Saving cleared the selection: the name held back under it is marked, inside the highlight.
    await expect.poll(() => page.textContents('bs-highlight bs-mark'), { timeout: 20_000 }).toEqual(['Aleppo']);
    await page.close();
  }, 90_000);

  // Last: the 520 highlights it adds would be in the others' counts.
  it('the manager shows every highlight past its first page of 500, a page at a time', async () => {
    const count = 520;
    const older = Date.now() - 120_000;
    const highlight = (id: string, i: number, createdAt: number) => ({
      id,
      url: `https://more.example/story-${i}`,
      title: `More ${i}`,
      quote: `Damascus, page take ${i}`,
      selectors: [
        { type: 'TextQuoteSelector', exact: `Damascus, page take ${i}`, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: `Damascus, page take ${i}`.length },
      ],
      colour: 'green',
      note: '',
      createdAt,
      updatedAt: createdAt,
    });
    const importing = (highlights: unknown[]) => driver.call('highlights.import', { text: JSON.stringify({ format: 'backstory-highlights', version: 1, highlights }) });
    expect((await importing(Array.from({ length: count }, (_, i) => highlight(`page-more-${i}`, i, older + i)))).ok).toBe(true);
    const manager = await driver.openExtensionPage('options.html', '#highlights');
    await manager.fill('input[placeholder="example.com"]', 'more.example');
    // The site filter applies after a pause in typing.
    await expect.poll(() => manager.textContent('main p.muted.small'), { timeout: 15_000 }).toContain('520 highlights, showing 500.');
    expect(await manager.count('.hl-quote')).toBe(500);
    expect(await manager.textContent('.hl-list + .hl-more')).toBe('Show 20 more');
    // Newest first: the oldest twenty are on the next page.
    expect(await manager.count('[data-highlight-id="page-more-19"]')).toBe(0);
    // Saved elsewhere meanwhile, the newest of all moves every row down by one: the next page begins with this one's last row.
    expect((await importing([highlight('page-more-new', count, Date.now())])).ok).toBe(true);
    await manager.click('.hl-more');
    await expect.poll(() => manager.count('[data-highlight-id="page-more-0"]'), { timeout: 15_000 }).toBe(1);
    const ids = await manager.evaluate(() => [...document.querySelectorAll('.hl-list > li')].map((li) => li.getAttribute('data-highlight-id')));
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    expect(await manager.textContent('main p.muted.small')).toContain('521 highlights, showing 520.');
    // The keyboard goes on from the first row the page added, not from the top of the document.
    await expect.poll(() => manager.evaluate(() => document.activeElement?.closest('[data-highlight-id]')?.getAttribute('data-highlight-id') ?? null)).toBe('page-more-19');
    // Another order starts again from a first page, and so does the first order when it comes back.
    await manager.selectOption('select:has(option[value="oldest"])', 'oldest');
    await expect.poll(() => manager.count('.hl-list > li:first-child[data-highlight-id="page-more-0"]'), { timeout: 15_000 }).toBe(1);
    expect(await manager.count('.hl-quote')).toBe(500);
    await manager.selectOption('select:has(option[value="oldest"])', 'newest');
    await expect.poll(() => manager.count('.hl-list > li:first-child[data-highlight-id="page-more-new"]'), { timeout: 15_000 }).toBe(1);
    expect(await manager.count('.hl-quote')).toBe(500);
    expect(await manager.textContent('.hl-list + .hl-more')).toBe('Show 21 more');
    await manager.close();
  });
});
