import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { createServices } from '../services';
import { FIXTURE } from '../cards/cards.fixture';
import { dispatch, type Handlers } from '../router';
import { createHandlers } from '.';
import { LIBRARY_EXCERPTS_FOR_ENTRY } from '../../shared/protocol';

const paragraphs = [
  'Omar Karim returned to Moscow on Wednesday for talks on the future of the bases, his second visit this year.',
  'Officials said the talks with Ivan Volkov covered grain, debts and the status of the airfield near the coast, which both sides want settled before spring.',
  'Neither side published a statement after the meeting, and the ministry declined to comment on the timetable.',
];

async function setUp(extracted: unknown, extractArticle: () => Promise<unknown> = async () => extracted) {
  const s = await createServices(
    { bundledHash: FIXTURE.hash, loadBundle: async () => FIXTURE, broadcastSettings: async () => undefined, setBadge: async () => undefined, extractArticle },
    await openDatabase(`library-handlers-${Math.random()}`),
  );
  const handlers = createHandlers(s) as Handlers;
  return (call: string, params: unknown, kind: 'extension' | 'content' = 'extension') =>
    dispatch({ backstory: 1, call, params }, kind === 'extension' ? { kind } : { kind, tabId: 1, page: 'https://news.example/a', site: 'news.example' }, handlers);
}

describe('library handlers', () => {
  it('adds a tab\'s article, says the page is in the library, lists its excerpts for an entry, removes it', async () => {
    const call = await setUp({ url: 'https://news.example/a#top', title: 'Karim in Moscow', site: 'The Moscow Times', published: '2026-01-28', paragraphs });
    const added = await call('library.add', { tabId: 3 });
    expect(added).toMatchObject({ ok: true, value: { updated: false, passages: 3, passagesWithMentions: 2, article: { url: 'https://news.example/a', site: 'The Moscow Times' } } });
    expect(await call('library.add', { tabId: 3 })).toMatchObject({ ok: true, value: { updated: true } });
    const status = await call('library.forUrl', { url: 'https://news.example/a' });
    expect(status).toMatchObject({ ok: true, value: { title: 'Karim in Moscow' } });
    const excerpts = await call('library.forEntry', { entryId: 'karim' });
    expect(excerpts).toMatchObject({ ok: true, value: { items: [{ origin: 'user', outlet: 'The Moscow Times', published: '2026-01-28' }], total: 1 } });
    const id = (status as { value: { id: string } }).value.id;
    expect(await call('library.remove', { ids: [id] })).toEqual({ ok: true, value: { removed: 1 } });
    expect(await call('library.forUrl', { url: 'https://news.example/a' })).toEqual({ ok: true, value: null });
  });

  it('answers the newest library passages of an entry, capped, with how many there are', async () => {
    const count = LIBRARY_EXCERPTS_FOR_ENTRY + 3;
    let n = 0;
    // Each article on its own day of 2025–26, one passage naming Karim.
    const call = await setUp(undefined, async () => {
      const day = new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      n++;
      return { url: `https://news.example/${n}`, title: `Karim, day ${n}`, site: 'The Moscow Times', published: day, paragraphs: [`${paragraphs[0]} This is report number ${n} of the series.`, ...paragraphs.slice(1)] };
    });
    for (let i = 0; i < count; i++) expect(await call('library.add', { tabId: 3 })).toMatchObject({ ok: true, value: { updated: false } });
    const answer = (await call('library.forEntry', { entryId: 'karim' })) as { ok: true; value: { items: { published: string }[]; total: number } };
    expect(answer.value.total).toBe(count);
    expect(answer.value.items).toHaveLength(LIBRARY_EXCERPTS_FOR_ENTRY);
    const dates = answer.value.items.map((e) => e.published);
    expect(dates[0]).toBe(new Date(Date.UTC(2025, 0, count)).toISOString().slice(0, 10));
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('puts library excerpts in cards for our pages, never in a page-side card', async () => {
    const call = await setUp({ url: 'https://news.example/a', title: 'Karim in Moscow', site: 'The Moscow Times', published: '2026-01-28', paragraphs });
    const before = await call('corpus.cards', { ids: ['karim'] });
    await call('library.add', { tabId: 3 });
    const ours = (await call('corpus.cards', { ids: ['karim'] })) as { ok: true; value: { excerpts: { origin?: string }[] }[] };
    expect(ours.value[0]!.excerpts.some((e) => e.origin === 'user')).toBe(true);
    expect(ours).not.toEqual(before);
    const page = (await call('corpus.cards', { ids: ['karim'] }, 'content')) as { ok: true; value: { excerpts: { origin?: string }[] }[] };
    expect(page.value[0]!.excerpts.some((e) => e.origin === 'user')).toBe(false);
  });

  it('says there is nothing to add on a page without an article or with a malformed answer', async () => {
    for (const extracted of [{ url: 'https://x.example/', title: 'Search', site: 'x', paragraphs: ['Results'] }, { paragraphs: 'not a list' }, undefined]) {
      const call = await setUp(extracted);
      expect(await call('library.add', { tabId: 1 })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/Nothing to add here/) } });
    }
    // A tab the extension may not script (the browser's own pages, its PDF viewer): the extraction throws.
    const call = await setUp(undefined, () => Promise.reject(new Error('Cannot access contents of the page.')));
    expect(await call('library.add', { tabId: 1 })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/Nothing to add here/) } });
  });

  it('exports, clears, imports: identical; a bad file changes nothing', async () => {
    const call = await setUp({ url: 'https://news.example/a', title: 'Karim in Moscow', site: 'The Moscow Times', author: 'A. Reporter', published: '2026-01-28', paragraphs });
    await call('library.add', { tabId: 3 });
    const before = (await call('library.list', {})) as { ok: true; value: { id: string }[] };
    const exported = (await call('library.export', {})) as { ok: true; value: { text: string; count: number } };
    expect(exported.value.count).toBe(1);
    const excerptsBefore = await call('library.forEntry', { entryId: 'karim' });
    await call('library.remove', { ids: before.value.map((a) => a.id) });
    expect(await call('library.list', {})).toEqual({ ok: true, value: [] });
    // A file with one bad article among good ones is refused whole.
    const file = JSON.parse(exported.value.text) as { articles: Record<string, unknown>[] };
    const bad = JSON.stringify({ ...file, articles: [...file.articles, { ...file.articles[0], id: 'lib-x', url: 'https://other.example/' }] });
    expect(await call('library.import', { text: bad })).toMatchObject({ ok: false, error: { code: 'invalid-import', message: expect.stringContaining('articles.1.id') } });
    expect(await call('library.list', {})).toEqual({ ok: true, value: [] });
    expect(await call('library.import', { text: exported.value.text })).toEqual({ ok: true, value: { imported: 1, entries: 0 } });
    expect(await call('library.list', {})).toEqual(before);
    expect(await call('library.forEntry', { entryId: 'karim' })).toEqual(excerptsBefore);
    expect(((await call('library.export', {})) as { value: { text: string } }).value.text).toBe(exported.value.text);
  });

  it('exports and imports the reader\'s own entries with the library, atomically: identical', async () => {
    const call = await setUp({ url: 'https://news.example/a', title: 'Karim in Moscow', site: 'The Moscow Times', published: '2026-01-28', paragraphs: [...paragraphs, 'The Coastal Airfield near Latakia was the main subject of the talks, officials said later on Wednesday evening.'] });
    await call('library.add', { tabId: 3 });
    await call('entries.add', { entry: { name: 'Coastal Airfield', type: 'place', aliases: ['Latakia Airfield'], description: 'The airbase the talks were about.', start: '2015', end: '2024-12' } });
    const articles = (await call('library.list', {})) as { ok: true; value: { id: string }[] };
    const entries = await call('entries.list', {});
    const excerpts = await call('library.forEntry', { entryId: 'own-coastal-airfield' });
    expect(excerpts).toMatchObject({ ok: true, value: { items: [{ origin: 'user' }], total: 1 } });
    const exported = (await call('library.export', {})) as { ok: true; value: { text: string; count: number; entries: number } };
    expect(exported.value).toMatchObject({ count: 1, entries: 1 });
    expect(JSON.parse(exported.value.text)).toMatchObject({
      version: 2,
      entries: [{ id: 'own-coastal-airfield', name: 'Coastal Airfield', type: 'place', aliases: ['Latakia Airfield'], description: 'The airbase the talks were about.', start: '2015', end: '2024-12' }],
    });

    await call('library.remove', { ids: articles.value.map((a) => a.id) });
    await call('entries.remove', { id: 'own-coastal-airfield' });
    expect(await call('entries.list', {})).toEqual({ ok: true, value: [] });

    // One own entry that would mark a common word refuses the whole file: no article, no entry.
    const file = JSON.parse(exported.value.text) as { entries: Record<string, unknown>[] };
    const bad = JSON.stringify({ ...file, entries: [...file.entries, { id: 'own-bases', name: 'Bases', type: 'place', aliases: ['bases'], description: '' }] });
    expect(await call('library.import', { text: bad })).toMatchObject({ ok: false, error: { code: 'invalid-import', message: expect.stringContaining('lowercase word') } });
    const malformed = JSON.stringify({ ...file, entries: [{ ...file.entries[0], type: 'planet' }] });
    expect(await call('library.import', { text: malformed })).toMatchObject({ ok: false, error: { code: 'invalid-import', message: expect.stringContaining('entries.0.type') } });
    expect(await call('library.list', {})).toEqual({ ok: true, value: [] });
    expect(await call('entries.list', {})).toEqual({ ok: true, value: [] });

    expect(await call('library.import', { text: exported.value.text })).toEqual({ ok: true, value: { imported: 1, entries: 1 } });
    expect(await call('library.list', {})).toEqual(articles);
    expect(await call('entries.list', {})).toEqual(entries);
    expect(await call('library.forEntry', { entryId: 'own-coastal-airfield' })).toEqual(excerpts);
    expect(((await call('library.export', {})) as { value: { text: string } }).value.text).toBe(exported.value.text);
    // Pages mark it again at once.
    const text = 'Flights left the Coastal Airfield at dawn.';
    const found = (await call('page.match', { text, bounds: [0, text.length], exclude: [] }, 'content')) as { ok: true; value: { matches: { entryId: string }[] } };
    expect(found.value.matches.map((m) => m.entryId)).toEqual(['own-coastal-airfield']);
  });

  it('finds an imported own entry in the library articles already there, and still imports a version 1 file', async () => {
    const call = await setUp({ url: 'https://news.example/a', title: 'Karim in Moscow', site: 'The Moscow Times', published: '2026-01-28', paragraphs: [...paragraphs, 'The Coastal Airfield near Latakia was the main subject of the talks, officials said later on Wednesday evening.'] });
    await call('library.add', { tabId: 3 });
    const onlyEntry = JSON.stringify({ format: 'backstory-library', version: 2, articles: [], entries: [{ id: 'own-coastal-airfield', name: 'Coastal Airfield', type: 'place', aliases: [], description: '' }] });
    expect(await call('library.import', { text: onlyEntry })).toEqual({ ok: true, value: { imported: 0, entries: 1 } });
    expect(await call('library.forEntry', { entryId: 'own-coastal-airfield' })).toMatchObject({ ok: true, value: { items: [{ origin: 'user', outlet: 'The Moscow Times' }], total: 1 } });
    const v1 = JSON.parse(((await call('library.export', {})) as { value: { text: string } }).value.text) as { articles: unknown[] };
    expect(await call('library.import', { text: JSON.stringify({ format: 'backstory-library', version: 1, articles: v1.articles }) })).toEqual({ ok: true, value: { imported: 1, entries: 0 } });
  });

  it('is for our pages only: a content script cannot read the library', async () => {
    const call = await setUp(undefined);
    expect(await call('library.list', {}, 'content')).toMatchObject({ ok: false });
    expect(await call('library.forEntry', { entryId: 'karim' }, 'content')).toMatchObject({ ok: false });
  });
});

describe('own entries', () => {
  it('refuses an alias that would mark common words, with the reason', async () => {
    const call = await setUp(undefined);
    for (const alias of ['bases', 'SD']) {
      const result = await call('entries.add', { entry: { name: 'Hmeimim Air Base', type: 'place', aliases: [alias], description: '' } });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    }
  });

  it('adds an entry that pages match at once, found in the library, its card with the reader\'s words for our pages only', async () => {
    const call = await setUp({ url: 'https://news.example/a', title: 'Karim in Moscow', site: 'The Moscow Times', published: '2026-01-28', paragraphs: [...paragraphs, 'The Coastal Airfield near Latakia was the main subject of the talks, officials said later on Wednesday evening.'] });
    await call('library.add', { tabId: 3 });
    const added = await call('entries.add', { entry: { name: 'Coastal Airfield', type: 'place', aliases: [], description: 'The airbase the talks were about.', start: '2015' } });
    expect(added).toMatchObject({ ok: true, value: { id: 'own-coastal-airfield', origin: 'user' } });
    // The reader view's matcher input holds it; a page never gets the catalog, it asks page.match.
    const forReader = (await call('corpus.matcherEntries', {})) as { ok: true; value: { entries: { id: string }[] } };
    expect(forReader.value.entries.some((e) => e.id === 'own-coastal-airfield')).toBe(true);
    expect(await call('corpus.matcherEntries', {}, 'content')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const text = 'Planes at the Coastal Airfield.';
    const onPage = (await call('page.match', { text, bounds: [0, text.length], exclude: [] }, 'content')) as { ok: true; value: { matches: { entryId: string }[]; entries: Record<string, unknown> } };
    expect(onPage.value.matches.map((m) => m.entryId)).toEqual(['own-coastal-airfield']);
    expect(onPage.value.entries).toEqual({ 'own-coastal-airfield': { type: 'place', name: 'Coastal Airfield' } });
    const ours = (await call('corpus.cards', { ids: ['own-coastal-airfield'] })) as { ok: true; value: { facts: { text: string }[]; excerpts: { origin?: string }[] }[] };
    expect(ours.value[0]!.facts[0]!.text).toBe('The airbase the talks were about.');
    expect(ours.value[0]!.excerpts[0]?.origin).toBe('user');
    const page = (await call('corpus.cards', { ids: ['own-coastal-airfield'] }, 'content')) as { ok: true; value: { facts: unknown[]; excerpts: unknown[] }[] };
    expect(page.value[0]).toMatchObject({ facts: [], excerpts: [] });
    expect(await call('entries.remove', { id: 'own-coastal-airfield' })).toEqual({ ok: true, value: { removed: true } });
  });
});
