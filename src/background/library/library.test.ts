import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../shared/matcher';
import { openDatabase } from '../db/open';
import { CorpusStore } from '../db/corpus-store';
import { LibraryStore } from '../db/library-store';
import { FIXTURE } from '../cards/cards.fixture';
import { CorpusService } from '../corpus/corpus-service';
import { articleTextHash, libraryRecords, NothingToAdd } from './ingest';
import { MAX_LIBRARY_TEXT_CHARS, type ExtractedArticle } from '../../shared/library';

const body = [
  'Omar Karim returned to Moscow on Wednesday for talks on the future of the bases, his second visit this year.',
  'Officials said the talks with Ivan Volkov covered grain, debts and the status of the airfield near the coast, which both sides want settled before spring.',
  'Neither side published a statement after the meeting, and the ministry declined to comment on the timetable.',
];
const article: ExtractedArticle = { url: 'https://news.example/karim-moscow', title: 'Karim in Moscow', site: 'The Moscow Times', published: '2026-01-28', paragraphs: body };

async function setUp() {
  const db = await openDatabase(`library-${Math.random()}`);
  const corpus = new CorpusStore(db);
  const model = new CorpusService(corpus, { bundledHash: FIXTURE.hash, loadBundle: async () => FIXTURE });
  await model.ready();
  const matcher = compileMatcher(await corpus.allEntries());
  const library = new LibraryStore(db);
  const add = async (a: ExtractedArticle, now = 1_000) => {
    const records = libraryRecords(a, matcher, await library.existing(a.url, articleTextHash(a)), now);
    await library.save([records]);
    return records;
  };
  return { db, corpus, model, library, add };
}

describe('the library', () => {
  it('adds an article whose passages the corpus model serves to cards and views at once', async () => {
    const { model, add } = await setUp();
    const before = await model.model();
    const { article: saved } = await add(article);
    const after = await model.model();
    expect(after.hash).not.toBe(before.hash);
    expect(after.snapshot.documents.get(saved.id)?.origin).toBe('user');
    const karim = after.index.passagesByEntry.get('karim') ?? [];
    expect(karim.filter((id) => id.startsWith(saved.id))).toHaveLength(1);
    expect(after.index.passagesByEntry.get('volkov')?.some((id) => id.startsWith(saved.id))).toBe(true);
  });

  it('updates, never duplicates: the same URL again, or the same text from another URL', async () => {
    const { library, add } = await setUp();
    const first = await add(article, 1_000);
    await add({ ...article, title: 'Karim in Moscow (updated)' }, 2_000);
    await add({ ...article, url: 'https://mirror.example/copy' }, 3_000);
    const all = await library.list();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: first.article.id, url: 'https://mirror.example/copy', addedAt: 1_000, updatedAt: 3_000 });
  });

  it('refuses a page with no article and caps a huge one', async () => {
    const { add } = await setUp();
    await expect(add({ ...article, paragraphs: ['Search results', 'Video'] })).rejects.toBeInstanceOf(NothingToAdd);
    const huge = await add({ ...article, url: 'https://news.example/huge', paragraphs: Array.from({ length: 5_000 }, (_, i) => `Paragraph ${i} about Omar Karim and the long talks in the capital city.`) });
    expect(huge.article.capped).toBe(true);
    expect(huge.article.chars).toBeLessThanOrEqual(MAX_LIBRARY_TEXT_CHARS);
  });

  it('removes an article with its passages and mentions, and the model forgets it', async () => {
    const { db, model, library, add } = await setUp();
    const { article: saved } = await add(article);
    expect(await library.remove([saved.id])).toBe(1);
    expect(await library.count()).toBe(0);
    expect(await db.getAllKeysFromIndex('passages', 'by-document', saved.id)).toEqual([]);
    expect((await db.getAll('mentions')).some((m) => m.passageId.startsWith(saved.id))).toBe(false);
    const after = await model.model();
    expect(after.snapshot.documents.has(saved.id)).toBe(false);
  });

  it('survives a new bundle: reader records are kept when the bundled ones are replaced', async () => {
    const { corpus, model, add } = await setUp();
    const { article: saved } = await add(article);
    await corpus.loadBundle({ ...FIXTURE, hash: 'next-build' });
    const after = await model.model();
    expect(after.hash.startsWith('next-build')).toBe(true);
    expect(after.snapshot.documents.has(saved.id)).toBe(true);
  });
});
