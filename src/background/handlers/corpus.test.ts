import { describe, expect, it } from 'vitest';
import { corpusHandlers, pageMatcherEntries } from './corpus';
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
  const entries = [
    { id: 'vladimir-putin', type: 'person' as const, aliases: [{ text: 'Putin' }] },
    { id: 'hama', type: 'place' as const, aliases: [{ text: 'Hama' }, { text: 'the city', corpusOnly: true }] },
  ];
  let reads = 0;
  let hashReads = 0;
  const services = {
    corpusModel: {
      hash: async () => {
        hashReads++;
        return 'h1';
      },
    },
    corpus: {
      asOf: async () => '2025-10-15',
      allEntries: async () => {
        reads++;
        return entries;
      },
    },
  } as unknown as Services;
  const handlers = corpusHandlers(services);
  const sender = { kind: 'content', tabId: 1, page: 'https://example.com/a', site: 'example.com' } as unknown as Sender;

  it('matches each chunk with one matcher compiled for all pages, offsets in the whole text', async () => {
    const text = 'Putin in Hama.\u0000the city of Hama';
    const found = await handlers['page.match']({ text, bounds: [0, 14, 15, text.length], exclude: [] }, sender);
    expect(found.map((m) => `${text.slice(m.start, m.end)}=${m.entryId}`)).toEqual(['Putin=vladimir-putin', 'Hama=hama', 'Hama=hama']);
    const again = await handlers['page.match']({ text: 'Putin', bounds: [0, 5], exclude: ['vladimir-putin'] }, sender);
    expect(again).toEqual([]);
    expect(reads).toBe(1);
    // Later messages of a page use the input already checked: no stored-hash read per message.
    expect(hashReads).toBe(1);
  });

  it('refuses chunk bounds outside the text or out of order', async () => {
    await expect(handlers['page.match']({ text: 'Putin', bounds: [0, 6], exclude: [] }, sender)).rejects.toMatchObject({ code: 'invalid-message' });
    await expect(handlers['page.match']({ text: 'Putin', bounds: [3, 1], exclude: [] }, sender)).rejects.toMatchObject({ code: 'invalid-message' });
  });
});
