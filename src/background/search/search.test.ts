import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CorpusBundle, Entry } from '../../shared/corpus';
import type { Highlight } from '../../shared/highlight';
import type { Sender } from '../sender';
import { openDatabase } from '../db/open';
import { createServices } from '../services';
import { explorerHandlers } from '../handlers/explorer';
import { searchHandlers } from '../handlers/search';

const extension: Sender = { kind: 'extension' };

function entry(id: string, name: string, type: Entry['type'], extra: Partial<Entry> = {}): Entry {
  return { id, name, type, aliases: [{ text: name }], summary: [], roles: [], dates: [], participants: [], origin: 'bundled', ...extra };
}

const BUNDLE: CorpusBundle = {
  hash: 'h1',
  asOf: '2025-10-16',
  documents: [
    { id: 'old', title: 'Old story', published: '2016-01-01', publishedInferred: false, publishedBasis: '', seeds: [], paragraphs: [], origin: 'bundled' },
    { id: 'new', title: 'New story', outlet: 'Outlet', published: '2025-10-16', publishedInferred: false, publishedBasis: '', seeds: [], paragraphs: [], origin: 'bundled' },
  ],
  passages: [
    { id: 'old#p0.s0', documentId: 'old', paragraph: 0, sentence: 0, text: 'Erdoğan met Putin in Sochi.' },
    { id: 'new#p0.s0', documentId: 'new', paragraph: 0, sentence: 0, text: 'Sharaa flew to Moscow to see Putin.' },
    { id: 'new#p1.s0', documentId: 'new', paragraph: 1, sentence: 0, text: 'The Sochi agreement set a buffer zone.' },
  ],
  entries: [
    entry('putin', 'Vladimir Putin', 'person', { summary: [{ text: 'President of Russia.', passageIds: ['new#p0.s0'] }], roles: [{ title: 'President of Russia', from: '2012', passageIds: ['new#p0.s0'] }] }),
    entry('erdogan', 'Recep Tayyip Erdoğan', 'person'),
    entry('sochi-agreement', 'Sochi agreement', 'agreement', { participants: ['putin', 'erdogan'], dates: [{ start: '2018-09-17', passageIds: ['new#p1.s0'] }] }),
    entry('fall-of-assad', 'Fall of the Assad regime', 'event', { dates: [{ start: '2024-12-08', passageIds: ['new#p0.s0'] }] }),
  ],
  mentions: [
    { entryId: 'putin', passageId: 'old#p0.s0', start: 12, end: 17 },
    { entryId: 'putin', passageId: 'new#p0.s0', start: 29, end: 34 },
    { entryId: 'erdogan', passageId: 'old#p0.s0', start: 0, end: 7 },
    { entryId: 'sochi-agreement', passageId: 'new#p1.s0', start: 0, end: 18 },
  ],
  relations: [{ id: 'erdogan→putin:mentioned together', from: 'erdogan', to: 'putin', relation: 'mentioned together', kind: 'co-mention', passageIds: ['old#p0.s0'] }],
  timeline: [
    { id: 'fall-of-assad@2024-12-08', entryId: 'fall-of-assad', start: '2024-12-08', inferred: false, passageIds: ['new#p0.s0'] },
    { id: 'sochi-agreement@2018-09-17', entryId: 'sochi-agreement', start: '2018-09-17', inferred: false, passageIds: ['new#p1.s0'] },
  ],
};

function highlight(id: string, quote: string, note = '', updatedAt = 1): Highlight {
  return {
    id,
    url: 'https://news.example/a',
    site: 'news.example',
    title: 'A page',
    quote,
    selectors: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: 0, end: quote.length }],
    colour: 'yellow',
    note,
    entityIds: ['putin'],
    createdAt: updatedAt,
    updatedAt,
  };
}

async function setUp() {
  const db = await openDatabase(`search-${Math.random()}`);
  const s = await createServices({ bundledHash: BUNDLE.hash, loadBundle: async () => BUNDLE, broadcastSettings: async () => undefined, setBadge: async () => undefined }, db);
  return { s, db, explorer: explorerHandlers(s), search: searchHandlers(s) };
}

describe('explorer handlers', () => {
  it('lists entries with mention counts, documents newest first, the timeline oldest first', async () => {
    const { explorer } = await setUp();
    const entries = await explorer['corpus.entries']({}, extension);
    expect(entries.find((e) => e.id === 'putin')).toMatchObject({ name: 'Vladimir Putin', mentionCount: 2, summary: 'President of Russia.' });
    const docs = await explorer['corpus.documents']({}, extension);
    expect(docs.map((d) => d.id)).toEqual(['new', 'old']);
    expect(docs[0]).not.toHaveProperty('paragraphs');
    const timeline = await explorer['corpus.timeline']({}, extension);
    expect(timeline.map((t) => t.id)).toEqual(['sochi-agreement', 'fall-of-assad']);
    expect(timeline[0]!.source?.passageId).toBe('new#p1.s0');
  });

  it('builds an entry page with every passage, its relations and key events', async () => {
    const { explorer } = await setUp();
    const page = await explorer['corpus.entryPage']({ id: 'putin' }, extension);
    expect(page.passages.map((p) => p.passageId)).toEqual(['new#p0.s0', 'old#p0.s0']);
    expect(page.relations.map((r) => r.id)).toEqual(['erdogan']);
    expect(page.card.roles[0]?.title).toBe('President of Russia');
    expect(page.card.keyEvents.map((k) => k.id)).toContain('sochi-agreement');
    await expect(explorer['corpus.entryPage']({ id: 'nobody' }, extension)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('graphs authored relations and event participation', async () => {
    const { explorer } = await setUp();
    const graph = await explorer['corpus.graph']({}, extension);
    expect(graph.edges).toContainEqual({ from: 'putin', to: 'sochi-agreement', weight: 1, relation: 'took part in' });
    expect(graph.nodes.map((n) => n.id).sort()).toEqual(['erdogan', 'putin', 'sochi-agreement']);
  });
});

describe('search.query', () => {
  it('finds entries by prefix and misspelling, passages, and folds diacritics', async () => {
    const { search } = await setUp();
    const byPrefix = await search['search.query']({ q: 'Puti' }, extension);
    expect(byPrefix[0]).toMatchObject({ kind: 'entry', entry: { id: 'putin' } });
    const fuzzy = await search['search.query']({ q: 'Erdogn' }, extension);
    expect(fuzzy.some((h) => h.kind === 'entry' && h.entry.id === 'erdogan')).toBe(true);
    const passage = await search['search.query']({ q: 'buffer zone' }, extension);
    expect(passage[0]).toMatchObject({ kind: 'passage', excerpt: { passageId: 'new#p1.s0', documentTitle: 'New story', outlet: 'Outlet' } });
    expect(await search['search.query']({ q: '   ' }, extension)).toEqual([]);
  });

  it('sees highlights as they are added, edited and deleted', async () => {
    const { db, search } = await setUp();
    expect(await search['search.query']({ q: 'carefully' }, extension)).toEqual([]);
    await db.put('highlights', highlight('h1', 'A quote', 'read this carefully', 5));
    const found = await search['search.query']({ q: 'carefully' }, extension);
    expect(found).toMatchObject([{ kind: 'highlight', highlight: { id: 'h1' } }]);
    await db.put('highlights', highlight('h1', 'A quote', 'skim it', 6));
    expect(await search['search.query']({ q: 'carefully' }, extension)).toEqual([]);
    expect((await search['search.query']({ q: 'skim' }, extension)).length).toBe(1);
    await db.delete('highlights', 'h1');
    expect(await search['search.query']({ q: 'skim' }, extension)).toEqual([]);
  });
});
