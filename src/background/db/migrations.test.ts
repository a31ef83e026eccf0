import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { IDBPDatabase } from 'idb';
import { openDatabase } from './open';
import { DB_VERSION } from './migrations';
import { HighlightStore } from './highlight-store';
import { bucketsOf } from './highlight-search-rows';
import { sampleHighlight, sampleHighlights } from '../highlights-io/sample-highlights';
import type { Highlight } from '../../shared/highlight';

/** An older database's handle: its schema is not the current typed one. */
type OldDatabase = IDBPDatabase;

/** Saves highlights, settings, a correction and a page report into an old database, as a reader's would be. */
async function saveReaderData(db: OldDatabase, highlights: readonly Highlight[]): Promise<void> {
  const tx = db.transaction(['highlights', 'settings', 'corrections', 'pages'], 'readwrite');
  await Promise.all([
    ...highlights.map((h) => tx.objectStore('highlights').put(h)),
    tx.objectStore('settings').put({ key: 'settings', value: { hoverDelayMs: 250 } }),
    tx.objectStore('corrections').put({ site: 'news.example', excluded: ['iran'] }),
    tx.objectStore('pages').put({ url: 'https://news.example/a', title: 'A', counts: { iran: 2 }, marks: 2, capped: false, updatedAt: 1 }),
    tx.done,
  ]);
  db.close();
}

describe('migrations', () => {
  it('upgrades a saved v1 database to the current schema without losing anything', async () => {
    const name = `migrate-${Math.random()}`;
    const v1 = (await openDatabase(name, 1)) as unknown as OldDatabase;
    expect(v1.version).toBe(1);
    expect(v1.transaction('highlights').store.indexNames.contains('by-created')).toBe(false);
    const saved = sampleHighlights(25);
    await saveReaderData(v1, saved);

    const current = await openDatabase(name);
    expect(current.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(3);
    // Sample ids sort in creation order, so the key order equals the saved order.
    expect(await current.getAll('highlights')).toEqual(saved);
    expect(await current.get('settings', 'settings')).toEqual({ key: 'settings', value: { hoverDelayMs: 250 } });
    expect(await current.get('corrections', 'news.example')).toEqual({ site: 'news.example', excluded: ['iran'] });
    expect(await current.count('pages')).toBe(1);
    // The indexes still in use work on the records that were already there.
    const store = new HighlightStore(current);
    expect((await store.forUrl(saved[0]!.url)).map((h) => h.id)).toContain(saved[0]!.id);
    expect((await store.forEntity('russia')).length).toBeGreaterThan(0);
    expect((await store.list({ limit: 100 })).total).toBe(25);
    current.close();
  });

  it('upgrades a saved v2 database: search rows for every highlight, the unused indexes dropped', async () => {
    const name = `migrate-v2-${Math.random()}`;
    const v2 = (await openDatabase(name, 2)) as unknown as OldDatabase;
    expect(v2.objectStoreNames.contains('highlight-search')).toBe(false);
    expect(v2.transaction('highlights').store.indexNames.contains('by-created')).toBe(true);
    const saved = [...sampleHighlights(300, 40), sampleHighlight(300, { id: 'erdogan', quote: 'Erdoğan met Putin in Sochi', note: 'Ask about the buffer zone' })];
    await saveReaderData(v2, saved);

    const current = await openDatabase(name);
    expect(current.version).toBe(DB_VERSION);
    const indexes = [...current.transaction('highlights').store.indexNames].sort();
    expect(indexes).toEqual(['by-entity', 'by-updated', 'by-url']);
    // Records come back in key order ('erdogan' before the sample ids), as the upgrade read them.
    const inKeyOrder = [...saved].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(await current.getAll('highlights')).toEqual(inKeyOrder);
    // The rows the upgrade wrote are those of the saved highlights, bucket by bucket.
    const expected = bucketsOf(inKeyOrder);
    const keys = await current.getAllKeys('highlight-search');
    expect(keys.sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
    for (const key of keys) expect(await current.get('highlight-search', key)).toEqual(expected.get(key));
    // A fresh store (a woken background) searches them: text folded, site, entity.
    const store = new HighlightStore(current);
    expect((await store.list({ text: 'ERDOGAN' })).items.map((h) => h.id)).toEqual(['erdogan']);
    expect((await store.list({ text: 'buffer zone' })).items.map((h) => h.id)).toEqual(['erdogan']);
    expect((await store.list({ site: 'news3.example', limit: 1000 })).total).toBe(saved.filter((h) => h.site === 'news3.example').length);
    expect((await store.list({ entityId: 'iran', limit: 1000 })).total).toBe(saved.filter((h) => h.entityIds.includes('iran')).length);
    expect(await current.get('settings', 'settings')).toEqual({ key: 'settings', value: { hoverDelayMs: 250 } });
    current.close();
  });

  it('adds the empty card seeds store to a v2 database, keeping the corpus and the reader\'s data', async () => {
    const name = `migrate-v2-${Math.random()}`;
    const v2 = await openDatabase(name, 2);
    expect(v2.objectStoreNames.contains('cardSeeds')).toBe(false);
    const saved = sampleHighlights(3);
    const tx = v2.transaction(['meta', 'highlights'], 'readwrite');
    await Promise.all([...saved.map((h) => tx.objectStore('highlights').put(h)), tx.objectStore('meta').put({ key: 'corpusHash', value: 'h1' }), tx.done]);
    v2.close();

    const current = await openDatabase(name);
    expect(current.objectStoreNames.contains('cardSeeds')).toBe(true);
    // Empty: the background builds the seeds from the corpus when it first needs them.
    expect(await current.count('cardSeeds')).toBe(0);
    expect(await current.getAll('highlights')).toEqual(saved);
    expect(await current.get('meta', 'corpusHash')).toEqual({ key: 'corpusHash', value: 'h1' });
    current.close();
  });

  it('adds the empty library store to a saved v4 database, keeping the corpus, seeds and the reader\'s data', async () => {
    const name = `migrate-v4-${Math.random()}`;
    const v4 = (await openDatabase(name, 4)) as unknown as OldDatabase;
    expect(v4.objectStoreNames.contains('library')).toBe(false);
    const saved = sampleHighlights(5);
    const tx = v4.transaction(['meta', 'cardSeeds', 'documents'], 'readwrite');
    await Promise.all([
      tx.objectStore('meta').put({ key: 'corpusHash', value: 'h4' }),
      tx.objectStore('cardSeeds').put({ id: 'karim', card: {} }),
      tx.objectStore('documents').put({ id: 'a-2020', title: 'A', published: '2020', publishedInferred: false, publishedBasis: '', seeds: [], paragraphs: ['x'], origin: 'bundled' }),
      tx.done,
    ]);
    await saveReaderData(v4, saved);

    const current = await openDatabase(name);
    expect(current.version).toBe(DB_VERSION);
    expect(current.objectStoreNames.contains('library')).toBe(true);
    expect(await current.count('library')).toBe(0);
    expect(current.transaction('library').store.indexNames.contains('by-url')).toBe(true);
    expect(await current.getAll('highlights')).toEqual(saved);
    expect(await current.get('corrections', 'news.example')).toEqual({ site: 'news.example', excluded: ['iran'] });
    expect(await current.get('meta', 'corpusHash')).toEqual({ key: 'corpusHash', value: 'h4' });
    expect(await current.count('cardSeeds')).toBe(1);
    expect(await current.count('documents')).toBe(1);
    current.close();
  });

  it('creates the current schema from nothing', async () => {
    const db = await openDatabase(`fresh-${Math.random()}`);
    expect(db.objectStoreNames.contains('highlight-search')).toBe(true);
    expect(db.transaction('highlights').store.indexNames.contains('by-url')).toBe(true);
    expect(await db.count('highlight-search')).toBe(0);
    expect(db.objectStoreNames.contains('cardSeeds')).toBe(true);
    db.close();
  });
});
