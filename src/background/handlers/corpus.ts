import { compileMatcher, type Matcher } from '../../shared/matcher';
import { matchChunks, matchChunksApart, validChunkBounds } from '../../shared/matcher/match-chunks';
import type { EntityMatch, MatchOptions, MatcherEntry } from '../../shared/matcher/types';
import type { Entry } from '../../shared/corpus';
import type { PageMatches } from '../../shared/protocol';
import { PagePartPasses } from '../page-parts';
import { CallFailure, type Handlers } from '../router';
import type { Sender } from '../sender';
import type { Services } from '../services';

/**
 * The matcher's input for web pages: corpus-only aliases (descriptive phrases
 * for unnamed events) are left out, and so are entries left with no alias.
 */
export function pageMatcherEntries(entries: readonly Pick<MatcherEntry, 'id' | 'type' | 'aliases'>[]): MatcherEntry[] {
  const result: MatcherEntry[] = [];
  for (const { id, type, aliases } of entries) {
    const onPages = aliases.filter((alias) => !alias.corpusOnly);
    if (onPages.length > 0) result.push({ id, type, aliases: onPages });
  }
  return result;
}

/** What a page learns of an entry it names: type and display name. */
type EntryFacts = PageMatches['entries'][string];

/** The matches with the facts of exactly the entries they chose (a page learns no other entry). */
export function pageMatchesOf(matches: EntityMatch[], facts: ReadonlyMap<string, EntryFacts>): PageMatches {
  const entries: PageMatches['entries'] = {};
  for (const m of matches) {
    if (Object.hasOwn(entries, m.entryId)) continue;
    const known = facts.get(m.entryId);
    if (known) entries[m.entryId] = known;
  }
  return { matches, entries };
}

/** What one page's text is matched and answered with (see `readContext` in {@link corpusHandlers}). */
interface PageMatchContext {
  compiled: Matcher;
  /** The site's corrections with the page's own exclusions; undefined when there are none. */
  options: MatchOptions | undefined;
  facts: ReadonlyMap<string, EntryFacts>;
}

/** The matcher's input for one corpus content hash, with each entry's facts for `page.match`. */
interface MatcherInputCache {
  hash: string;
  asOf: string;
  entries: MatcherEntry[];
  facts: Map<string, EntryFacts>;
}

/** Builds the cache of one content hash from the stored entries. */
function inputOf(hash: string, asOf: string, stored: readonly Entry[]): MatcherInputCache {
  return { hash, asOf, entries: pageMatcherEntries(stored), facts: new Map(stored.map((e) => [e.id, { type: e.type, name: e.name }])) };
}

/**
 * `page.match`, the recognition of names on every page (the content script
 * holds no matcher), `corpus.matcherEntries`, the matcher's input for the
 * reader view, and `corpus.entry`.
 */
export function corpusHandlers(s: Services): Pick<Handlers, 'corpus.matcherEntries' | 'corpus.entry' | 'page.match'> {
  // The matcher's input changes only when the corpus does: keep it for the background's lifetime.
  let cached: MatcherInputCache | undefined;
  /** Compiled once per input, on the first page that asks. */
  let matcher: { entries: MatcherEntry[]; matcher: Matcher } | undefined;
  /** Long pages' passes waiting for their other parts. */
  const parted = new PagePartPasses<PageMatchContext>();

  const current = async (): Promise<MatcherInputCache> => {
    const hash = await s.corpusModel.hash();
    if (cached?.hash !== hash) cached = inputOf(hash, await s.corpus.asOf(), await s.corpus.allEntries());
    return cached;
  };

  /**
   * What a page's text is matched and answered with. Pages never fetch the
   * catalog, so each pass checks the content hash (one small read, beside the
   * site's corrections): an own entry added meanwhile is marked from the next
   * pass on.
   */
  const readContext = async (exclude: readonly string[], sender: Sender): Promise<PageMatchContext> => {
    const [input, corrections] = await Promise.all([current(), sender.site ? s.corrections.forSite(sender.site) : []]);
    if (matcher?.entries !== input.entries) matcher = { entries: input.entries, matcher: compileMatcher(input.entries) };
    const excluded = new Set([...corrections, ...exclude]);
    return { compiled: matcher.matcher, options: excluded.size > 0 ? { exclude: excluded } : undefined, facts: input.facts };
  };

  return {
    async 'corpus.matcherEntries'() {
      const { hash, asOf, entries } = await current();
      return { hash, asOf, entries };
    },
    async 'corpus.entry'({ id }) {
      await s.corpusModel.ready();
      const entry = await s.corpus.entry(id);
      if (!entry) throw new CallFailure('not-found', `No entry with id ${id}.`);
      return entry;
    },
    async 'page.match'({ text, bounds, exclude, part }, sender) {
      if (!validChunkBounds(bounds, text.length)) throw new CallFailure('invalid-message', 'Chunk bounds must be ordered pairs of offsets into the text.');
      if (refusedForTest()) throw new CallFailure('unavailable', 'The recognition is not available yet.');
      if (part && sender.tabId === undefined) throw new CallFailure('forbidden', 'Only a page in a tab sends its text in parts.');
      // A later part of a page goes on with what its first part read: one matcher, one set of
      // exclusions and one set of facts for the whole page, and no reads per part.
      const context = (part && parted.contextOf(sender.tabId!, part)) || (await readContext(exclude, sender));
      const { compiled, options, facts } = context;
      if (!part) return pageMatchesOf(matchChunks(compiled, text, bounds, options), facts);
      const all = parted.add(sender.tabId!, part, text, matchChunksApart(compiled, text, bounds, options), () => ({ context, judge: compiled.judge() }));
      return all ? pageMatchesOf(all, facts) : { matches: [], entries: {}, held: true };
    },
  };
}

/**
 * Test builds only: `globalThis.backstoryRefusePageMatch = n` makes the next
 * `n` calls of `page.match` fail as a background that cannot answer yet
 * would. A real browser gives an e2e test no other way to see what a page
 * does then (the content script asks again later).
 */
function refusedForTest(): boolean {
  if (typeof __TEST_HOOKS__ !== 'undefined' && __TEST_HOOKS__) {
    const hooks = globalThis as { backstoryRefusePageMatch?: number };
    if ((hooks.backstoryRefusePageMatch ?? 0) > 0) {
      hooks.backstoryRefusePageMatch!--;
      return true;
    }
  }
  return false;
}
