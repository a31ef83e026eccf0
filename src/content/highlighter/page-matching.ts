/**
 * Where the annotator's matching runs, and what the page knows of the entries.
 *
 * In the background first (`page.match`): its matcher is compiled once and
 * stays warm across pages, while a content script starts in a fresh world on
 * every page load, where compiling the catalog and the first scans run as
 * cold, unoptimized code on the page's main thread. The page then only sends
 * its text and draws what comes back; the answer carries the type of each
 * entry found and has the site's "not this one" corrections applied, so a
 * page never fetches the whole catalog (hundreds of entries with every alias)
 * to mark a handful of names.
 *
 * On the page itself when the background cannot match for it (a message too
 * big to send, a refusal): only then is the catalog fetched
 * (`corpus.matcherEntries`, with the site's corrections) and a matcher
 * compiled from it, used for the rest of the page's life. A content script the
 * extension's update left orphaned can fetch nothing: its marks stay, and new
 * content goes unmarked until the page is reloaded.
 */
import type { EntryType } from '../../shared/catalog';
import type { EntityMatch, Matcher, MatcherEntry } from '../../shared/matcher';
import type { PageMatches } from '../../shared/protocol';

/** The annotator's two ways to match (see the module comment). */
export interface PageMatching {
  /**
   * Mentions in `text`, chunk k being `text[bounds[2k], bounds[2k + 1])`, with
   * offsets in `text`; null when the background could not answer.
   */
  remote?(text: string, bounds: number[], exclude: string[]): Promise<EntityMatch[] | null>;
  /** The page's own matcher, compiled on the first call. */
  local(): Matcher;
}

/** The whole catalog as `corpus.matcherEntries` gives it, with the site's corrections. */
export interface MatcherInput {
  entries: readonly MatcherEntry[];
  excluded: readonly string[];
}

/** Where a page's recognition gets its answers (browser messaging in the content script, stubs in tests). */
export interface RecognitionSources {
  /** `page.match`: null when the background could not answer. */
  matchRemote?(text: string, bounds: number[], exclude: string[]): Promise<PageMatches | null>;
  /** The whole catalog, for matching on the page; null when unavailable. */
  loadCatalog(): Promise<MatcherInput | null>;
  /** Compiles the page's own matcher. */
  compile(entries: readonly MatcherEntry[]): Matcher;
}

/** How one page recognises names: where it matches, the types of the entries it met, the entries it excludes. */
export interface PageRecognition {
  matching: PageMatching;
  /** Filled by each answer (and by the catalog, once fetched): the annotator reads a mark's type here. */
  types: Map<string, EntryType>;
  /** The reader's exclusions on this page; the site's stored ones join them when the catalog is fetched. */
  exclude: Set<string>;
  /** Fetches the catalog now (a page with no background matching); false when it could not. */
  loadCatalog(): Promise<boolean>;
}

/** A page's recognition over its sources (see the module comment). */
export function pageRecognition(sources: RecognitionSources): PageRecognition {
  const types = new Map<string, EntryType>();
  const exclude = new Set<string>();
  let catalog: Promise<MatcherInput | null> | undefined;
  let local: Matcher | undefined;
  let entries: readonly MatcherEntry[] = [];

  const loadCatalog = async (): Promise<boolean> => {
    catalog ??= sources.loadCatalog().then(
      (input) => {
        if (input) {
          entries = input.entries;
          for (const e of input.entries) types.set(e.id, e.type);
          for (const id of input.excluded) exclude.add(id);
        }
        return input;
      },
      () => null,
    );
    return (await catalog) !== null;
  };

  const { matchRemote } = sources;
  const remote = matchRemote
    ? async (text: string, bounds: number[], excluded: string[]): Promise<EntityMatch[] | null> => {
        const got = await matchRemote(text, bounds, excluded).catch(() => null);
        if (got) {
          for (const [id, facts] of Object.entries(got.entries)) types.set(id, facts.type);
          return got.matches;
        }
        // The annotator matches here from now on: have the catalog ready before it asks.
        await loadCatalog();
        return null;
      }
    : undefined;

  return {
    types,
    exclude,
    loadCatalog,
    matching: {
      remote,
      local: () => {
        if (local) return local;
        const started = performance.now();
        local = sources.compile(entries);
        try {
          performance.measure('backstory:prepare', { start: started, duration: performance.now() - started });
        } catch {
          // A page that replaced `performance` must not stop annotation.
        }
        return local;
      },
    },
  };
}
