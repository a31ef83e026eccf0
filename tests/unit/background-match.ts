/**
 * Unit tests' stand-in for the background's `page.match`: the real matcher,
 * compiled here in Node over the test's entries, answering as the handler
 * does (`handlers/corpus.ts`): the matches per chunk, the type and name of
 * each entry they chose, the site's "not this one" corrections applied with
 * the page's own exclusions. The content script never compiles a matcher.
 */
import { compileMatcher, type MatcherEntry } from '../../src/shared/matcher';
import { matchChunks } from '../../src/shared/matcher/match-chunks';
import type { PageMatches } from '../../src/shared/protocol';

/** `matchRemote` for `EntityHighlighting`, over `entries`, with `siteExcluded` as the site's stored corrections. */
export function backgroundMatch(entries: readonly MatcherEntry[], siteExcluded: readonly string[] = []): (text: string, bounds: number[], exclude: string[]) => Promise<PageMatches> {
  const matcher = compileMatcher(entries);
  const types = new Map(entries.map((e) => [e.id, e.type]));
  return async (text, bounds, exclude) => {
    const excluded = new Set([...siteExcluded, ...exclude]);
    const matches = matchChunks(matcher, text, bounds, excluded.size > 0 ? { exclude: excluded } : undefined);
    const found: PageMatches['entries'] = {};
    for (const m of matches) found[m.entryId] ??= { type: types.get(m.entryId)!, name: m.entryId };
    return { matches, entries: found };
  };
}
