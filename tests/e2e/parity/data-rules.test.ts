/**
 * Issue 14, items 3, 4 and 6, in both browsers: every write path keeps to the
 * same rules, and what the reader sees of it.
 *
 * - A restore carrying an impossible record is refused and changes nothing; a
 *   record already stored with dates that are no dates (planted in IndexedDB,
 *   as an older version could have written it) no longer makes every export
 *   fail. The content-script side of the same refusal (a page's restore, with
 *   the per-page limit on records) is the handlers' unit tests': no driver can
 *   send a message from a content script's isolated world.
 * - A highlight imported with a long W3C id can be edited and deleted (and the
 *   delete undone) afterwards.
 * - The Data view says whether the browser may evict Backstory's data.
 *
 * Everything here goes through extension pages and page DOM outside our
 * shadow roots, so it holds whatever the page-side UI becomes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchDriver, type DriverPage, type ExtensionDriver } from '../driver';

const PATH = '/data/article.html';
const QUOTE = 'gave the former president asylum in Moscow within days';
const PARAGRAPH = `Russia, which had intervened in 2015 to save the government, ${QUOTE} of the fall of the capital.`;
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Asylum</title></head><body><main><p>${PARAGRAPH}</p></main></body></html>`;
/** As long as an id may be on every path. */
const LONG_ID = `https://annotations.example/${'a'.repeat(2_048 - 'https://annotations.example/'.length)}`;

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

interface Stored {
  id: string;
  url: string;
  quote: string;
  note: string;
  colour: string;
  createdAt: number;
  updatedAt: number;
}

describe.each(BROWSERS)('data rules, in %s', (browserName) => {
  let driver: ExtensionDriver;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
    driver.server.route(PATH, PAGE);
  }, 120_000);
  afterAll(async () => {
    await driver?.close();
  });

  async function call<T>(name: string, params: object): Promise<Reply<T>> {
    return (await driver.call(name as never, params as never)) as Reply<T>;
  }

  async function allHighlights(): Promise<Stored[]> {
    const reply = await call<{ items: Stored[] }>('highlights.list', { sort: 'oldest', limit: 1000 });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value.items;
  }

  /** A W3C annotation of the fixture's passage, with our id prefix before `id`. */
  function annotationFile(id: string, note: string): string {
    const at = PARAGRAPH.indexOf(QUOTE);
    return JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      id: `urn:backstory:highlight:${id}`,
      bodyValue: note,
      target: {
        source: driver.server.url(PATH),
        selector: [
          { type: 'TextQuoteSelector', exact: QUOTE, prefix: PARAGRAPH.slice(0, at).slice(-32), suffix: PARAGRAPH.slice(at + QUOTE.length).slice(0, 32) },
          { type: 'TextPositionSelector', start: at, end: at + QUOTE.length },
        ],
      },
    });
  }

  async function openData(): Promise<DriverPage> {
    const options = await driver.openExtensionPage('options.html', '#data');
    await options.bringToFront();
    await options.waitForSelector('[data-testid=data-status]');
    return options;
  }

  it('refuses a restore of an impossible record, and exports every format despite a planted one', async () => {
    expect((await call('highlights.import', { text: annotationFile('good', 'kept') })).ok).toBe(true);
    const [good] = await allHighlights();
    expect(good).toBeDefined();

    for (const bad of [
      { ...good, note: 'planted', createdAt: 1e300 },
      { ...good, note: 'planted', updatedAt: -5 },
      { ...good, note: 'planted', quote: 'not the passage the selector names' },
    ]) {
      const reply = await call('highlights.restore', { highlights: [bad] });
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
    expect(await allHighlights()).toEqual([good]);

    // A record stored before these checks existed: written straight into IndexedDB.
    await driver.evaluateInBackground(
      async (bg, record) => {
        const idb = bg.indexedDB as IDBFactory;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = idb.open('backstory');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('highlights', 'readwrite');
          tx.objectStore('highlights').put(record);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { ...good, id: 'planted', quote: QUOTE, note: 'planted', createdAt: 1e300, updatedAt: -5 },
    );

    for (const format of ['jsonld', 'markdown', 'json'] as const) {
      const reply = await call<{ text: string }>('highlights.export', { format });
      expect(reply.ok, `${format}: ${reply.ok ? '' : reply.error.message}`).toBe(true);
      if (reply.ok) expect(reply.value.text).toContain('kept');
    }
    // What the reader sees: the Data view's export buttons answer with a file, not an error.
    const options = await openData();
    // The export buttons in order: JSON, Markdown, JSON-LD.
    for (const [nth, extension] of [[3, 'jsonld'], [2, 'md']] as const) {
      await options.click(`fieldset:first-of-type button:nth-of-type(${nth})`);
      await expect.poll(() => options.textContent('.data-message')).toMatch(new RegExp(`^Exported to backstory-highlights-\\d{4}-\\d\\d-\\d\\d\\.${extension}\\.$`));
    }
    await options.close();
    expect((await call('highlights.clear', {})).ok).toBe(true);
  }, 90_000);

  // (More records than a call may write is the handlers' unit test: 100,001 records exceed Chromium's 64 MiB message.)
  it('refuses a restore of a backwards passage, and an update or delete past the id and count bounds', async () => {
    expect((await call('highlights.clear', {})).ok).toBe(true);
    expect((await call('highlights.import', { text: annotationFile('bounds', 'kept') })).ok).toBe(true);
    const [stored] = (await allHighlights()) as (Stored & { selectors: [unknown, unknown] })[];
    if (!stored) throw new Error('the import stored nothing');
    const refused: [string, string, object][] = [
      ['a passage that ends before it starts', 'highlights.restore', { highlights: [{ ...stored, note: 'planted', selectors: [stored.selectors[0], { type: 'TextPositionSelector', start: 40, end: 3 }] }] }],
      ['an update of an id over 2,048 characters', 'highlights.update', { id: `${LONG_ID}x`, patch: { note: 'planted' } }],
      ['a delete naming an id over 2,048 characters', 'highlights.delete', { ids: [stored.id, `${LONG_ID}x`] }],
      ['a delete of more ids than one call may name', 'highlights.delete', { ids: [stored.id, ...Array.from({ length: 100_000 }, (_, i) => `gone-${i}`)] }],
    ];
    for (const [name, callName, params] of refused) {
      expect(await call(callName, params), name).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
    expect(await allHighlights()).toEqual([stored]);
    expect((await call('highlights.clear', {})).ok).toBe(true);
  }, 90_000);

  it('edits and deletes a highlight imported with a 2,048-character id, and undoes the delete', async () => {
    expect((await call('highlights.clear', {})).ok).toBe(true);
    expect(await call('highlights.import', { text: annotationFile(LONG_ID, 'imported') })).toEqual({ ok: true, value: { added: 1, updated: 0, skipped: 0, skippedBy: [] } });
    expect((await allHighlights()).map((h) => h.id)).toEqual([LONG_ID]);

    // The page draws it under its id.
    const page = await driver.open(driver.server.url(PATH));
    await expect.poll(() => page.evaluate((id) => [...document.querySelectorAll('bs-highlight')].some((el) => el.getAttribute('data-highlight-id') === id), LONG_ID), { timeout: 20_000 }).toBe(true);
    await page.close();

    const edited = await call<Stored>('highlights.update', { id: LONG_ID, patch: { note: 'edited', colour: 'green' } });
    expect(edited).toMatchObject({ ok: true, value: { id: LONG_ID, note: 'edited', colour: 'green' } });

    // Deleted and restored from the highlights manager, as a reader does.
    const manager = await driver.openExtensionPage('options.html', '#highlights');
    await manager.bringToFront();
    await manager.check('.hl-row input[type=checkbox]', true);
    await manager.click('.bulk button');
    await expect.poll(async () => (await allHighlights()).length).toBe(0);
    await manager.click('.bulk button.primary');
    await expect.poll(async () => (await allHighlights()).map((h) => [h.id, h.note])).toEqual([[LONG_ID, 'edited']]);
    await manager.close();

    expect(await call<Stored[]>('highlights.delete', { ids: [LONG_ID] })).toMatchObject({ ok: true, value: [{ id: LONG_ID }] });
    expect(await allHighlights()).toEqual([]);
  }, 90_000);

  it('says in the Data view whether the browser may evict Backstory’s data', async () => {
    const status = await call<{ storage: { persisted: boolean; protection: string } }>('app.status', {});
    if (!status.ok) throw new Error(status.error.message);
    // Firefox grants persistence to an extension with unlimitedStorage; Chromium answers
    // persisted() false but never evicts an extension with unlimited storage.
    const expected = browserName === 'firefox' ? { persisted: true, protection: 'persistent' } : { persisted: false, protection: 'unlimited' };
    expect(status.value.storage).toMatchObject(expected);

    const options = await openData();
    await options.waitForSelector('[data-testid=storage-protection]');
    expect(await options.getAttribute('[data-testid=storage-protection]', 'data-state')).toBe(expected.protection);
    const text = await options.textContent('[data-testid=storage-protection]');
    expect(text).toContain('Kept when disk space runs low.');
    expect(text).toMatch(browserName === 'firefox' ? /marked Backstory’s storage persistent/ : /never clears an extension with unlimited storage/);
    expect(text).toMatch(/export them first/);
    await options.close();
  }, 60_000);
});
