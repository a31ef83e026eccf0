import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { HighlightStore } from './highlight-store';
import { sampleHighlight, sampleHighlights } from '../highlights-io/sample-highlights';
import { InvalidHighlightError } from '../../shared/highlight-rules';
import type { Highlight } from '../../shared/highlight';

async function freshStore(): Promise<HighlightStore> {
  return new HighlightStore(await openDatabase(`highlights-${Math.random()}`));
}

describe('HighlightStore', () => {
  it('returns a page’s highlights in page order through the by-url index', async () => {
    const store = await freshStore();
    const a = sampleHighlight(7, { id: 'a', url: 'https://x.example/p', selectors: [sampleHighlight(7).selectors[0], { type: 'TextPositionSelector', start: 500, end: 520 }] });
    const b = sampleHighlight(8, { id: 'b', url: 'https://x.example/p', selectors: [sampleHighlight(8).selectors[0], { type: 'TextPositionSelector', start: 10, end: 30 }] });
    await store.add(a);
    await store.add(b);
    await store.add(sampleHighlight(9, { id: 'c', url: 'https://x.example/other' }));
    expect((await store.forUrl('https://x.example/p')).map((h) => h.id)).toEqual(['b', 'a']);
  });

  it('updates note and colour, and the manager’s search sees the change', async () => {
    const store = await freshStore();
    await store.add(sampleHighlight(1, { id: 'one', note: '' }));
    expect((await store.list({ text: 'ceasefire' })).total).toBe(0);
    const updated = await store.update('one', { note: 'Ceasefire talks', colour: 'pink' }, 1_800_000_000_000);
    expect(updated).toMatchObject({ note: 'Ceasefire talks', colour: 'pink', updatedAt: 1_800_000_000_000 });
    expect((await store.list({ text: 'ceasefire' })).items.map((h) => h.id)).toEqual(['one']);
    expect(await store.update('missing', { note: 'x' })).toBeUndefined();
  });

  it('deletes in bulk, returns what it deleted, and restores it exactly', async () => {
    const store = await freshStore();
    const all = sampleHighlights(5);
    for (const h of all) await store.add(h);
    const deleted = await store.deleteMany([all[1]!.id, all[3]!.id, 'nope']);
    expect(deleted).toEqual([all[1], all[3]]);
    expect(await store.count()).toBe(3);
    await store.restore(deleted);
    expect(await store.get(all[3]!.id)).toEqual(all[3]);
    expect((await store.list({})).total).toBe(5);
  });

  it('searches text folded for case and diacritics, by site and by entity, sorts and pages', async () => {
    const store = await freshStore();
    for (const h of sampleHighlights(40, 10)) await store.add(h);
    const erdogan = sampleHighlight(99, { id: 'erdogan', quote: 'Erdoğan met Putin in Sochi', createdAt: 1 });
    erdogan.selectors[0].exact = erdogan.quote;
    await store.add(erdogan);
    expect((await store.list({ text: 'ERDOGAN' })).items.map((h) => h.id)).toEqual(['erdogan']);
    const bySite = await store.list({ site: 'news3.example' });
    expect(bySite.total).toBeGreaterThan(0);
    expect(bySite.items.every((h) => h.site === 'news3.example')).toBe(true);
    const byEntity = await store.list({ entityId: 'iran' });
    expect(byEntity.items.every((h) => h.entityIds.includes('iran'))).toBe(true);
    const newest = await store.list({ limit: 5 });
    expect(newest.total).toBe(41);
    expect(newest.items).toHaveLength(5);
    expect(newest.items[0]!.createdAt).toBeGreaterThan(newest.items[4]!.createdAt);
    expect((await store.list({ sort: 'oldest', limit: 1 })).items[0]!.id).toBe('erdogan');
    const page2 = await store.list({ limit: 5, offset: 5 });
    expect(page2.items[0]!.createdAt).toBeLessThan(newest.items[4]!.createdAt);
    const sites = (await store.list({ sort: 'site', limit: 100 })).items.map((h) => h.site);
    expect(sites).toEqual([...sites].sort());
  });

  it('finds highlights of an entity through the multi-entry index', async () => {
    const store = await freshStore();
    for (const h of sampleHighlights(16)) await store.add(h);
    const found = await store.forEntity('russia');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((h) => h.entityIds.includes('russia'))).toBe(true);
  });

  it('imports once: same id or same page+quote+position is skipped', async () => {
    const store = await freshStore();
    const batch = sampleHighlights(10);
    expect(await store.importMany(batch)).toEqual({ added: 10, updated: 0, skipped: 0 });
    expect(await store.importMany(batch)).toEqual({ added: 0, updated: 0, skipped: 10 });
    const sameText = { ...batch[0]!, id: 'other-id' };
    expect(await store.importMany([sameText, sampleHighlight(500)])).toEqual({ added: 1, updated: 0, skipped: 1 });
    expect(await store.count()).toBe(11);
  });

  it('replaces a stored highlight with a later version from a file, keeping an older one as it is', async () => {
    const store = await freshStore();
    const [a, b] = sampleHighlights(2);
    await store.importMany([a!, b!]);
    const newer = { ...a!, note: 'Edited in another tool', updatedAt: a!.updatedAt + 1 };
    const older = { ...b!, note: 'An older copy', createdAt: b!.createdAt - 1, updatedAt: b!.updatedAt - 1 };
    expect(await store.importMany([newer, older])).toEqual({ added: 0, updated: 1, skipped: 1 });
    expect(await store.get(a!.id)).toEqual(newer);
    expect(await store.get(b!.id)).toEqual(b);
    expect((await store.list({ text: 'another tool' })).items).toEqual([newer]);
  });

  it('reads pages in address order, each page whole, after a given page', async () => {
    const store = await freshStore();
    const all = sampleHighlights(60, 7);
    await store.importMany(all);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const step: Highlight[] = await store.pagesAfter(after, 10);
      if (step.length === 0) break;
      // Every page in a step is there whole, in address order, after the last step's.
      for (const url of new Set(step.map((h) => h.url))) expect(step.filter((h) => h.url === url).length).toBe(all.filter((h) => h.url === url).length);
      expect(step.every((h) => after === null || h.url > after)).toBe(true);
      expect(step.map((h) => h.url)).toEqual([...step.map((h) => h.url)].sort());
      for (const h of step) seen.push(h.id);
      after = step.at(-1)!.url;
    }
    expect(seen.sort()).toEqual(all.map((h) => h.id).sort());
  });

  it('clears everything and reports how many', async () => {
    const store = await freshStore();
    for (const h of sampleHighlights(3)) await store.add(h);
    await store.list({});
    expect(await store.clear()).toBe(3);
    expect((await store.list({})).total).toBe(0);
  });

  it('keeps the stored search rows in step with every write, so a woken background searches the same', async () => {
    const db = await openDatabase(`highlights-rows-${Math.random()}`);
    const store = new HighlightStore(db);
    // A fresh store over the same database reads the rows from IndexedDB, as after a restart.
    const woken = () => new HighlightStore(db);
    const all = sampleHighlights(120, 12);
    await store.importMany(all.slice(0, 100));
    for (const h of all.slice(100)) await store.add(h);
    await store.update(all[5]!.id, { note: 'Ceasefire talks in Ankara' });
    const deleted = await store.deleteMany([all[7]!.id, all[110]!.id]);
    await store.restore(deleted.slice(0, 1));
    for (const query of [{ text: 'ceasefire' }, { text: 'EMBASSY', sort: 'oldest' as const }, { site: 'news3.example' }, { entityId: 'iran', sort: 'site' as const }, { limit: 200 }]) {
      const warm = await store.list(query);
      const cold = await woken().list(query);
      expect(cold).toEqual(warm);
    }
    expect((await woken().list({ text: 'ceasefire' })).items.map((h) => h.id)).toEqual([all[5]!.id]);
    expect((await woken().list({ limit: 200 })).total).toBe(119);
    await store.clear();
    expect((await woken().list({})).total).toBe(0);
    expect(await db.count('highlight-search')).toBe(0);
  });

  it('writes no row when the highlight is refused (an id already stored)', async () => {
    const db = await openDatabase(`highlights-refused-${Math.random()}`);
    const store = new HighlightStore(db);
    await store.add(sampleHighlight(1, { id: 'same' }));
    const other = sampleHighlight(2, { id: 'same', quote: 'A different passage, never stored' });
    other.selectors[0].exact = other.quote;
    await expect(store.add(other)).rejects.toHaveProperty('name', 'ConstraintError');
    expect((await new HighlightStore(db).list({ text: 'never stored' })).total).toBe(0);
    expect((await store.list({ text: 'never stored' })).total).toBe(0);
  });

  describe('refuses a record that breaks the shared rules, and writes nothing', () => {
    const NOW = 1_800_000_000_000;
    const bad: [string, Partial<Highlight>, RegExp][] = [
      ['a time that is no date', { createdAt: 1e300, updatedAt: 1e300 }, /createdAt: expected a whole number of milliseconds/],
      ['a creation time a year ahead', { createdAt: NOW + 365 * 86_400_000, updatedAt: NOW + 365 * 86_400_000 }, /createdAt: is in the future/],
      ['an update before 1970', { updatedAt: -5 }, /updatedAt: is before 1970/],
      ['an update before its creation', { createdAt: NOW - 10, updatedAt: NOW - 20 }, /updatedAt: is before createdAt/],
      ['a passage that ends before it starts', { selectors: [sampleHighlight(2).selectors[0], { type: 'TextPositionSelector', start: 50, end: 10 }] }, /selectors\[1\]\.end: is before start/],
      ['a quote that differs from its selector', { quote: 'Not what the selector says' }, /selectors\[0\]\.exact: differs from the quote/],
      ['an id over 2,048 characters', { id: 'x'.repeat(2_049) }, /id: is longer than 2,048/],
    ];
    it.each(bad)('%s: add, restore and import refuse it', async (_name, overrides, message) => {
      const store = await freshStore();
      const good = sampleHighlight(1);
      await store.add(good, NOW);
      const record = sampleHighlight(2, overrides);
      await expect(store.add(record, NOW)).rejects.toThrow(InvalidHighlightError);
      await expect(store.add(record, NOW)).rejects.toThrow(message);
      // All or nothing: the good record beside it, changed, is not written either.
      await expect(store.restore([{ ...good, note: 'changed' }, record], NOW)).rejects.toThrow(message);
      await expect(store.importMany([sampleHighlight(3), record], NOW)).rejects.toThrow(message);
      expect(await store.count()).toBe(1);
      expect(await store.get(good.id)).toEqual(good);
      expect((await store.list({})).total).toBe(1);
    });

    it('refuses more ids than one call may delete, and ids over the bound', async () => {
      const store = await freshStore();
      await store.add(sampleHighlight(1));
      await expect(store.deleteMany(Array.from({ length: 100_001 }, (_, i) => `id-${i}`))).rejects.toThrow(/at most 100,000/);
      await expect(store.deleteMany([sampleHighlight(1).id, 'x'.repeat(2_049)])).rejects.toThrow(/longer than 2,048/);
      expect(await store.count()).toBe(1);
    });

    it('keeps an id of 2,048 characters addressable: update and delete', async () => {
      const store = await freshStore();
      const long = sampleHighlight(1, { id: 'i'.repeat(2_048) });
      await store.importMany([long], NOW);
      expect((await store.update(long.id, { note: 'edited' }, NOW))?.note).toBe('edited');
      expect((await store.deleteMany([long.id])).map((h) => h.id)).toEqual([long.id]);
    });

    it('never sets updatedAt before createdAt, even with the clock set back', async () => {
      const store = await freshStore();
      const h = sampleHighlight(1);
      await store.add(h, NOW);
      expect((await store.update(h.id, { note: 'x' }, h.createdAt - 60_000))?.updatedAt).toBe(h.createdAt);
    });
  });
});
