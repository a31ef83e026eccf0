import { describe, expect, it } from 'vitest';
import { pageMatcherEntries } from './corpus';

describe('pageMatcherEntries', () => {
  it('never sends corpus-only phrases to pages', () => {
    const entries = pageMatcherEntries([
      { id: 'delegation-visit-2020', type: 'meeting', aliases: [{ text: 'Russian delegation’s visit', corpusOnly: true }] },
      { id: 'caesar-act', type: 'law', aliases: [{ text: 'Caesar Act' }, { text: 'sanctions law', corpusOnly: true }] },
    ]);
    expect(entries).toEqual([{ id: 'caesar-act', type: 'law', aliases: [{ text: 'Caesar Act' }] }]);
  });
});
