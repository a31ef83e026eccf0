import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { DB_VERSION } from './migrations';
import { HighlightStore } from './highlight-store';
import { sampleHighlights } from '../highlights-io/sample-highlights';

describe('migrations', () => {
  it('upgrades a saved v1 database to the current schema without losing anything', async () => {
    const name = `migrate-${Math.random()}`;
    const v1 = await openDatabase(name, 1);
    expect(v1.version).toBe(1);
    expect(v1.transaction('highlights').store.indexNames.contains('by-created')).toBe(false);
    const saved = sampleHighlights(25);
    const tx = v1.transaction(['highlights', 'settings', 'corrections', 'pages'], 'readwrite');
    await Promise.all([
      ...saved.map((h) => tx.objectStore('highlights').put(h)),
      tx.objectStore('settings').put({ key: 'settings', value: { hoverDelayMs: 250 } }),
      tx.objectStore('corrections').put({ site: 'news.example', excluded: ['iran'] }),
      tx.objectStore('pages').put({ url: 'https://news.example/a', title: 'A', counts: { iran: 2 }, marks: 2, capped: false, updatedAt: 1 }),
      tx.done,
    ]);
    v1.close();

    const current = await openDatabase(name);
    expect(current.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
    // Sample ids sort in creation order, so the key order equals the saved order.
    expect(await current.getAll('highlights')).toEqual(saved);
    expect(await current.get('settings', 'settings')).toEqual({ key: 'settings', value: { hoverDelayMs: 250 } });
    expect(await current.get('corrections', 'news.example')).toEqual({ site: 'news.example', excluded: ['iran'] });
    expect(await current.count('pages')).toBe(1);
    // The new index is built from the records that were already there.
    const oldest = await current.getAllFromIndex('highlights', 'by-created');
    expect(oldest.map((h) => h.id)).toEqual(saved.map((h) => h.id));
    // And the old indexes still work.
    const store = new HighlightStore(current);
    expect((await store.forUrl(saved[0]!.url)).map((h) => h.id)).toContain(saved[0]!.id);
    expect((await store.forEntity('russia')).length).toBeGreaterThan(0);
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

  it('creates the current schema from nothing', async () => {
    const db = await openDatabase(`fresh-${Math.random()}`);
    expect(db.transaction('highlights').store.indexNames.contains('by-created')).toBe(true);
    expect(db.objectStoreNames.contains('cardSeeds')).toBe(true);
    db.close();
  });
});
