import { compileMatcher, type Matcher } from '../../shared/matcher';
import { matchChunks, validChunkBounds } from '../../shared/matcher/match-chunks';
import type { MatcherEntry } from '../../shared/matcher/types';
import { CallFailure, type Handlers } from '../router';
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

/**
 * `corpus.matcherEntries`, `corpus.entry`, and `page.match`: what the content
 * script needs to recognise names, and the recognition itself.
 */
export function corpusHandlers(s: Services): Pick<Handlers, 'corpus.matcherEntries' | 'corpus.entry' | 'page.match'> {
  // The matcher's input changes only when the corpus does: keep it for the background's lifetime.
  let cached: { hash: string; asOf: string; entries: MatcherEntry[] } | undefined;
  /** Compiled once per input, on the first page that asks. */
  let matcher: { entries: MatcherEntry[]; matcher: Matcher } | undefined;

  const current = async (): Promise<{ hash: string; asOf: string; entries: MatcherEntry[] }> => {
    const hash = await s.corpusModel.hash();
    if (cached?.hash !== hash) {
      const entries = await s.corpus.allEntries();
      cached = { hash, asOf: await s.corpus.asOf(), entries: pageMatcherEntries(entries) };
    }
    return cached;
  };

  return {
    async 'corpus.matcherEntries'(_params, sender) {
      const input = await current();
      const excluded = sender.site ? (await s.corrections.forSite(sender.site)) : [];
      return { ...input, excluded };
    },
    async 'corpus.entry'({ id }) {
      await s.corpusModel.ready();
      const entry = await s.corpus.entry(id);
      if (!entry) throw new CallFailure('not-found', `No entry with id ${id}.`);
      return entry;
    },
    async 'page.match'({ text, bounds, exclude }) {
      if (!validChunkBounds(bounds, text.length)) throw new CallFailure('invalid-message', 'Chunk bounds must be ordered pairs of offsets into the text.');
      // The input the page's own corpus.matcherEntries call checked: no stored-hash read per message
      // (a long page sends several).
      const { entries } = cached ?? (await current());
      if (matcher?.entries !== entries) matcher = { entries, matcher: compileMatcher(entries) };
      return matchChunks(matcher.matcher, text, bounds, exclude.length > 0 ? { exclude: new Set(exclude) } : undefined);
    },
  };
}
