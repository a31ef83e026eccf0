import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../db/open';
import { createServices } from '../services';
import { FIXTURE } from '../cards/cards.fixture';
import { CARD_SEED_FORMAT } from '../cards/card-seed';
import { cardHandlers } from './cards';

async function setUp() {
  return setUpOver(await openDatabase(`cards-${Math.random()}`));
}

async function setUpOver(db: Database) {
  let loads = 0;
  const s = await createServices(
    {
      bundledHash: FIXTURE.hash,
      loadBundle: async () => {
        loads++;
        return FIXTURE;
      },
      broadcastSettings: async () => undefined,
      setBadge: async () => undefined,
    },
    db,
  );
  return { s, db, loads: () => loads, handlers: cardHandlers(s) };
}

describe('corpus.cards', () => {
  it('assembles a batch, skips unknown and repeated ids, and reads highlights from the by-entity index for our pages only', async () => {
    const { db, handlers } = await setUp();
    await db.put('highlights', {
      id: 'h1',
      url: 'https://elsewhere.example/a',
      site: 'elsewhere.example',
      title: 'Elsewhere',
      quote: 'Karim and Volkov',
      selectors: [
        { type: 'TextQuoteSelector', exact: 'Karim and Volkov', prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: 16 },
      ],
      colour: 'green',
      note: '',
      entityIds: ['karim', 'volkov'],
      createdAt: 1,
      updatedAt: 1,
    });
    const params = { ids: ['karim', 'nobody', 'volkov', 'karim', 'aleppo'], context: { karim: 'asylum extradition' } };
    // A page-side card is corpus only: a content script never gets the reader's highlights.
    const forPage = await handlers['corpus.cards'](params, { kind: 'content', site: 'news.example', page: 'https://news.example/', tabId: 1 });
    expect(forPage.map((c) => c.highlights)).toEqual([[], [], []]);
    const cards = await handlers['corpus.cards'](params, { kind: 'extension' });
    expect(cards.map((c) => c.entry.id)).toEqual(['karim', 'volkov', 'aleppo']);
    expect(cards[0]!.highlights.map((h) => h.id)).toEqual(['h1']);
    expect(cards[1]!.highlights.map((h) => h.id)).toEqual(['h1']);
    expect(cards[2]!.highlights).toEqual([]);
    expect(cards[0]!.excerpts[0]!.passageId).toBe('b-2025#p0.s1');
  });

  it('answers from the stored card seeds once they are built, with the same cards as the in-memory index', async () => {
    const { s, db, handlers } = await setUp();
    const sender = { kind: 'content', site: 'news.example', page: 'https://news.example/', tabId: 1 } as const;
    const params = { ids: ['karim', 'grain-accord', 'volkov', 'nobody'], context: { karim: 'Moscow signed a grain deal', volkov: 'asylum extradition' } };
    expect(await db.count('cardSeeds')).toBe(0);
    const fromMemory = await handlers['corpus.cards'](params, sender);
    await s.cards.prepare();
    expect(await db.count('cardSeeds')).toBe(FIXTURE.entries.length);

    // A woken background: new services over the same database, nothing in memory.
    const { s: woken, handlers: wokenHandlers } = await setUpOver(db);
    const index = vi.spyOn(woken.corpusModel, 'model');
    const fromSeeds = await wokenHandlers['corpus.cards'](params, sender);
    expect(index).not.toHaveBeenCalled();
    expect(fromSeeds).toEqual(fromMemory);
    expect(fromSeeds[0]!.excerpts[0]!.passageId).toBe('a-2020#p0.s1');
  });

  it.each([
    ['another corpus', { key: 'cardSeeds', value: { hash: 'an-older-corpus', format: CARD_SEED_FORMAT, passageCount: 1, idf: new Map() } }],
    ['another format', { key: 'cardSeeds', value: { hash: FIXTURE.hash, format: CARD_SEED_FORMAT - 1, passageCount: 1, idf: new Map() } }],
  ])('does not use seeds built from %s', async (_, meta) => {
    const { s, db } = await setUp();
    await s.cards.prepare();
    await db.put('meta', meta);
    // A woken background: the in-memory index is built again, and the seeds with it.
    const { s: woken, handlers } = await setUpOver(db);
    const index = vi.spyOn(woken.corpusModel, 'model');
    const cards = await handlers['corpus.cards']({ ids: ['karim'] }, { kind: 'content', site: 'news.example', page: 'https://news.example/', tabId: 1 });
    expect(cards.map((c) => c.entry.id)).toEqual(['karim']);
    expect(index).toHaveBeenCalled();
  });

  it('rebuilds valid seeds only when asked (after an install or update)', async () => {
    const { s, db } = await setUp();
    await s.cards.prepare();
    await db.delete('cardSeeds', 'karim');
    const { s: woken } = await setUpOver(db);
    await woken.cards.prepare();
    expect(await db.get('cardSeeds', 'karim')).toBeUndefined();
    await woken.cards.prepare({ rebuild: true });
    expect((await db.get('cardSeeds', 'karim'))?.card.entry.name).toBe('Omar Karim');
  });

  it('builds the one corpus model once per content hash, for cards and the views alike', async () => {
    const { s, loads } = await setUp();
    const first = await s.corpusModel.model();
    const second = await s.corpusModel.model();
    expect(second).toBe(first);
    expect(first.snapshot.hash).toBe(first.index.hash);
    expect(loads()).toBe(1);
    expect(s.corpusModel.modelReads).toBe(1);
  });
});
