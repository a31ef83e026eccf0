/**
 * Unit tests' stand-in for the background's `page.match`: the real matcher,
 * compiled here in Node over the test's entries, answering as the handler
 * does (`handlers/corpus.ts`): the matches per chunk, the type and name of
 * each entry they chose, the site's "not this one" corrections applied with
 * the page's own exclusions, a long page's parts held until the last (the
 * background's own `PagePartPasses`). The content script never compiles a matcher.
 */
import { compileMatcher, type MatcherEntry } from '../../src/shared/matcher';
import { matchChunks, matchChunksApart } from '../../src/shared/matcher/match-chunks';
import type { EntityMatch } from '../../src/shared/matcher/types';
import type { PageMatches, PagePart } from '../../src/shared/protocol';
import { PagePartPasses } from '../../src/background/page-parts';

/** `matchRemote` for `EntityHighlighting`, over `entries`, with `siteExcluded` as the site's stored corrections. */
export function backgroundMatch(
  entries: readonly MatcherEntry[],
  siteExcluded: readonly string[] = [],
): (text: string, bounds: number[], exclude: string[], part?: PagePart) => Promise<PageMatches> {
  const matcher = compileMatcher(entries);
  const types = new Map(entries.map((e) => [e.id, e.type]));
  const parted = new PagePartPasses<undefined>();
  return async (text, bounds, exclude, part) => {
    const excluded = new Set([...siteExcluded, ...exclude]);
    const options = excluded.size > 0 ? { exclude: excluded } : undefined;
    let matches: EntityMatch[];
    if (part) {
      const all = parted.add(1, part, text, matchChunksApart(matcher, text, bounds, options), () => ({ context: undefined, judge: matcher.judge() }));
      if (!all) return { matches: [], entries: {}, held: true };
      matches = all;
    } else matches = matchChunks(matcher, text, bounds, options);
    const found: PageMatches['entries'] = {};
    for (const m of matches) found[m.entryId] ??= { type: types.get(m.entryId)!, name: m.entryId };
    return { matches, entries: found };
  };
}
