import { describe, expect, it } from 'vitest';
import { entryHighlightsHref, parseRoute, readerHref, routeHash, entryHref } from './route';

describe('parseRoute', () => {
  it('parses every route and falls back to the explorer', () => {
    expect(parseRoute('')).toEqual({ view: 'explorer' });
    expect(parseRoute('#nonsense')).toEqual({ view: 'explorer' });
    expect(parseRoute('#entry/vladimir-putin')).toEqual({ view: 'entry', id: 'vladimir-putin' });
    expect(parseRoute('#reader')).toEqual({ view: 'reader', documentId: undefined, passageId: undefined });
    expect(parseRoute('#timeline')).toEqual({ view: 'timeline' });
    expect(parseRoute('#search?q=Putin%20Sochi')).toEqual({ view: 'search', q: 'Putin Sochi' });
  });

  it('round-trips reader links whose passage ids contain #', () => {
    const href = readerHref('2025-10-doc', '2025-10-doc#p3.s1');
    expect(href).toBe('#reader/2025-10-doc/2025-10-doc%23p3.s1');
    expect(parseRoute(href)).toEqual({ view: 'reader', documentId: '2025-10-doc', passageId: '2025-10-doc#p3.s1' });
    expect(parseRoute(entryHref('a/b'))).toEqual({ view: 'entry', id: 'a/b' });
    expect(routeHash({ view: 'search', q: '' })).toBe('search');
  });

  it('opens the highlights manager filtered by an entry, and round-trips the filter', () => {
    expect(parseRoute('#highlights')).toEqual({ view: 'highlights' });
    expect(entryHighlightsHref('user:a&b')).toBe('#highlights?entity=user%3Aa%26b');
    expect(parseRoute(entryHighlightsHref('user:a&b'))).toEqual({ view: 'highlights', entity: 'user:a&b' });
    expect(parseRoute('#highlights?entity=')).toEqual({ view: 'highlights' });
  });
});
