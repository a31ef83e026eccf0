import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { createServices } from '../services';
import { FIXTURE } from '../cards/cards.fixture';
import { cardHandlers } from './cards';

async function setUp() {
  const db = await openDatabase(`cards-${Math.random()}`);
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
  it('assembles a batch, skips unknown and repeated ids, and reads highlights from the by-entity index', async () => {
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
    const cards = await handlers['corpus.cards']({ ids: ['karim', 'nobody', 'volkov', 'karim', 'aleppo'], context: { karim: 'asylum extradition' } }, { kind: 'content', site: 'news.example', page: 'https://news.example/', tabId: 1 });
    expect(cards.map((c) => c.entry.id)).toEqual(['karim', 'volkov', 'aleppo']);
    expect(cards[0]!.highlights.map((h) => h.id)).toEqual(['h1']);
    expect(cards[1]!.highlights.map((h) => h.id)).toEqual(['h1']);
    expect(cards[2]!.highlights).toEqual([]);
    expect(cards[0]!.excerpts[0]!.passageId).toBe('b-2025#p0.s1');
  });

  it('loads the corpus index once per background lifetime', async () => {
    const { s, loads } = await setUp();
    const first = await s.corpusIndex();
    const second = await s.corpusIndex();
    expect(second).toBe(first);
    expect(loads()).toBe(1);
  });
});
