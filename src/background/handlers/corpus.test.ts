import { describe, expect, it } from 'vitest';
import { corpusHandlers, pageMatcherEntries, pageMatchesOf } from './corpus';
import type { Sender } from '../sender';
import type { Services } from '../services';

describe('pageMatcherEntries', () => {
  it('never sends corpus-only phrases to pages', () => {
    const entries = pageMatcherEntries([
      { id: 'delegation-visit-2020', type: 'meeting', aliases: [{ text: 'Russian delegation’s visit', corpusOnly: true }] },
      { id: 'caesar-act', type: 'law', aliases: [{ text: 'Caesar Act' }, { text: 'sanctions law', corpusOnly: true }] },
    ]);
    expect(entries).toEqual([{ id: 'caesar-act', type: 'law', aliases: [{ text: 'Caesar Act' }] }]);
  });
});

describe('page.match', () => {
  const bundled = [
    { id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person' as const, aliases: [{ text: 'Putin' }] },
    { id: 'hama', name: 'Hama', type: 'place' as const, aliases: [{ text: 'Hama' }, { text: 'the city', corpusOnly: true }] },
    { id: 'russia', name: 'Russia', type: 'state' as const, aliases: [{ text: 'Russia' }] },
  ];
  /** A fake corpus: its entries and content hash change when the reader adds one; counts reads. */
  function setUp(corrections: Record<string, string[]> = {}) {
    const state = { entries: [...bundled] as { id: string; name: string; type: 'person' | 'place' | 'state' | 'organisation'; aliases: { text: string; corpusOnly?: boolean }[] }[], hash: 'h1', reads: 0, hashReads: 0, correctionReads: 0 };
    const services = {
      corpusModel: {
        hash: async () => {
          state.hashReads++;
          return state.hash;
        },
      },
      corpus: {
        asOf: async () => '2025-10-15',
        allEntries: async () => {
          state.reads++;
          return state.entries;
        },
      },
      corrections: {
        forSite: async (site: string) => {
          state.correctionReads++;
          return corrections[site] ?? [];
        },
      },
    } as unknown as Services;
    return { state, handlers: corpusHandlers(services) };
  }
  const sender = { kind: 'content', tabId: 1, page: 'https://example.com/a', site: 'example.com' } as unknown as Sender;

  it('matches each chunk with one matcher compiled for all pages, offsets in the whole text', async () => {
    const { state, handlers } = setUp();
    const text = 'Putin in Hama.\u0000the city of Hama';
    const found = await handlers['page.match']({ text, bounds: [0, 14, 15, text.length], exclude: [] }, sender);
    expect(found.matches.map((m) => `${text.slice(m.start, m.end)}=${m.entryId}`)).toEqual(['Putin=vladimir-putin', 'Hama=hama', 'Hama=hama']);
    const again = await handlers['page.match']({ text: 'Putin', bounds: [0, 5], exclude: ['vladimir-putin'] }, sender);
    expect(again).toEqual({ matches: [], entries: {} });
    expect(state.reads).toBe(1);
  });

  it('answers the type and name of exactly the entries found: the page needs no catalog', async () => {
    const { handlers } = setUp();
    const text = 'Putin and Putin again.';
    const found = await handlers['page.match']({ text, bounds: [0, text.length], exclude: [] }, sender);
    expect(found.entries).toEqual({ 'vladimir-putin': { type: 'person', name: 'Vladimir Putin' } });
    expect(found.matches).toHaveLength(2);
  });

  it('applies the sender site\'s "not this one" corrections, with the page\'s own exclusions', async () => {
    const { handlers } = setUp({ 'example.com': ['hama'] });
    const text = 'Putin in Hama and Russia.';
    const here = await handlers['page.match']({ text, bounds: [0, text.length], exclude: ['russia'] }, sender);
    expect(here.matches.map((m) => m.entryId)).toEqual(['vladimir-putin']);
    expect(Object.keys(here.entries)).toEqual(['vladimir-putin']);
    const elsewhere = { ...sender, page: 'https://other.org/b', site: 'other.org' } as Sender;
    const there = await handlers['page.match']({ text, bounds: [0, text.length], exclude: [] }, elsewhere);
    expect(there.matches.map((m) => m.entryId)).toEqual(['vladimir-putin', 'hama', 'russia']);
  });

  it('marks a reader\'s entry from the next message after it is added (the content hash changed)', async () => {
    const { state, handlers } = setUp();
    const text = 'The Kurdish Bloc met in Hama.';
    const before = await handlers['page.match']({ text, bounds: [0, text.length], exclude: [] }, sender);
    expect(before.matches.map((m) => m.entryId)).toEqual(['hama']);
    state.entries = [...state.entries, { id: 'own-kurdish-bloc', name: 'Kurdish Bloc', type: 'organisation', aliases: [{ text: 'Kurdish Bloc' }] }];
    state.hash = 'h1+r1';
    const after = await handlers['page.match']({ text, bounds: [0, text.length], exclude: [] }, sender);
    expect(after.matches.map((m) => m.entryId)).toEqual(['own-kurdish-bloc', 'hama']);
    expect(after.entries['own-kurdish-bloc']).toEqual({ type: 'organisation', name: 'Kurdish Bloc' });
    expect(state.reads).toBe(2);
  });

  it('answers a page sent in parts once its last part is in, as it answers the whole text', async () => {
    const { handlers } = setUp();
    const first = '“Go,” said Hama. Putin in Russia.';
    const second = '“No,” said Hama.';
    const whole = `${first}\u0000${second}`;
    const at = first.length + 1;
    const asWhole = await handlers['page.match']({ text: whole, bounds: [0, first.length, at, whole.length], exclude: [] }, sender);
    const held = await handlers['page.match']({ text: first, bounds: [0, first.length], exclude: [], part: { pass: 'p1', index: 0, count: 2, at: 0 } }, sender);
    expect(held).toEqual({ matches: [], entries: {}, held: true });
    const done = await handlers['page.match']({ text: second, bounds: [0, second.length], exclude: [], part: { pass: 'p1', index: 1, count: 2, at } }, sender);
    expect(done).toEqual(asWhole);
    // Hama, "said" by a character in each part, is no place on this page.
    expect(done.matches.map((m) => `${whole.slice(m.start, m.end)}=${m.entryId}`)).toEqual(['Putin=vladimir-putin', 'Russia=russia']);
  });

  it('reads the content hash and the site\'s corrections once for a page sent in parts, and matches its later parts as its first', async () => {
    const corrections: Record<string, string[]> = {};
    const { state, handlers } = setUp(corrections);
    const text = 'Putin in Hama.';
    const part = (index: number) => ({ text, bounds: [0, text.length], exclude: [], part: { pass: 'p', index, count: 3, at: index * (text.length + 1) } });
    expect((await handlers['page.match'](part(0), sender)).held).toBe(true);
    // The reader says "not this one" on this site meanwhile: the page's next pass applies it; this one keeps to one set.
    corrections['example.com'] = ['hama'];
    expect((await handlers['page.match'](part(1), sender)).held).toBe(true);
    const done = await handlers['page.match'](part(2), sender);
    expect(done.matches.map((m) => m.entryId)).toEqual(['vladimir-putin', 'hama', 'vladimir-putin', 'hama', 'vladimir-putin', 'hama']);
    expect([state.hashReads, state.correctionReads]).toEqual([1, 1]);
    const next = await handlers['page.match']({ text, bounds: [0, text.length], exclude: [] }, sender);
    expect(next.matches.map((m) => m.entryId)).toEqual(['vladimir-putin']);
  });

  it('keeps the passes of different tabs apart, and refuses a part that does not fit its pass', async () => {
    const { handlers } = setUp();
    const part = (index: number, count: number) => ({ text: 'Putin', bounds: [0, 5], exclude: [], part: { pass: 'same', index, count, at: index * 6 } });
    const otherTab = { ...sender, tabId: 2 } as Sender;
    expect((await handlers['page.match'](part(0, 2), sender)).held).toBe(true);
    expect((await handlers['page.match'](part(0, 2), otherTab)).held).toBe(true);
    expect((await handlers['page.match'](part(1, 2), otherTab)).matches.map((m) => m.start)).toEqual([0, 6]);
    await expect(handlers['page.match'](part(0, 2), sender)).rejects.toMatchObject({ code: 'invalid-message' });
    expect((await handlers['page.match'](part(0, 3), sender)).held).toBe(true);
    await expect(handlers['page.match'](part(1, 2), sender)).rejects.toMatchObject({ code: 'invalid-message' });
    // A later part of a pass the background does not hold (a restart lost its first part): the page is to ask again.
    await expect(handlers['page.match'](part(1, 2), { ...sender, tabId: 3 } as Sender)).rejects.toMatchObject({ code: 'unavailable' });
    const noTab = { kind: 'content' } as Sender;
    await expect(handlers['page.match'](part(0, 2), noTab)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses chunk bounds outside the text or out of order', async () => {
    const { handlers } = setUp();
    await expect(handlers['page.match']({ text: 'Putin', bounds: [0, 6], exclude: [] }, sender)).rejects.toMatchObject({ code: 'invalid-message' });
    await expect(handlers['page.match']({ text: 'Putin', bounds: [3, 1], exclude: [] }, sender)).rejects.toMatchObject({ code: 'invalid-message' });
  });
});

describe('pageMatchesOf', () => {
  it('names each chosen entry once and no candidate it did not choose', () => {
    const facts = new Map([
      ['a', { type: 'person' as const, name: 'A' }],
      ['b', { type: 'place' as const, name: 'B' }],
    ]);
    const m = (entryId: string, candidates: string[]) => ({ start: 0, end: 1, entryId, candidates, weak: false });
    expect(pageMatchesOf([m('a', ['a', 'b']), m('a', ['a'])], facts).entries).toEqual({ a: { type: 'person', name: 'A' } });
  });
});
