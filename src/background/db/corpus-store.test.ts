import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { CorpusStore } from './corpus-store';
import type { CorpusBundle, Entry } from '../../shared/corpus';

function entry(id: string, origin: Entry['origin'] = 'bundled'): Entry {
  return { id, name: id, type: 'person', aliases: [{ text: id }], summary: [], roles: [], dates: [], participants: [], origin };
}

function bundle(hash: string, ids: string[]): CorpusBundle {
  return {
    hash,
    asOf: '2025-10-16',
    documents: [{ id: 'doc', title: 'Doc', published: '2025-10-16', publishedInferred: false, publishedBasis: 'stated', seeds: ['x.txt'], paragraphs: ['A b.'], origin: 'bundled' }],
    passages: [{ id: 'doc#p0.s0', documentId: 'doc', paragraph: 0, sentence: 0, text: 'A b.' }],
    entries: ids.map((id) => entry(id)),
    mentions: ids.map((id) => ({ entryId: id, passageId: 'doc#p0.s0', start: 0, end: 1 })),
    relations: [],
    timeline: [],
  };
}

describe('CorpusStore.loadBundle', () => {
  it('loads once per hash, replaces bundled records, keeps the reader\'s own and their highlights', async () => {
    const db = await openDatabase(`corpus-${Math.random()}`);
    const store = new CorpusStore(db);
    expect(await store.loadBundle(bundle('h1', ['a', 'b']))).toBe(true);
    expect(await store.loadBundle(bundle('h1', ['a', 'b']))).toBe(false);
    await db.put('entries', entry('mine', 'user'));
    await db.put('highlights', { id: 'h', url: 'https://x.example/', site: 'x.example', title: '', quote: 'q', selectors: [{ type: 'TextQuoteSelector', exact: 'q', prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: 1 }], colour: 'yellow', note: '', entityIds: ['a'], createdAt: 1, updatedAt: 1 });
    expect(await store.loadBundle(bundle('h2', ['b', 'c']))).toBe(true);
    expect((await store.allEntries()).map((e) => e.id).sort()).toEqual(['b', 'c', 'mine']);
    expect(await store.loadedHash()).toBe('h2');
    expect(await db.count('highlights')).toBe(1);
    expect((await store.mentionsOf('a')).length).toBe(0);
  });
});
