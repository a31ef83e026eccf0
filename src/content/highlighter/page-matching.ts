/**
 * Where the annotator's matching runs, and what the page knows of the entries.
 *
 * Only in the background (`page.match`): its matcher is compiled once and
 * stays warm across pages, while a content script starts in a fresh world on
 * every page load, where compiling the catalog and the first scans would run
 * as cold, unoptimized code on the page's main thread, and the matcher's code
 * would be parsed on every page. The page sends its text and draws what comes
 * back; the answer carries the type of each entry found and has the site's
 * "not this one" corrections applied, so a page never needs the catalog
 * (hundreds of entries with every alias) to mark a handful of names.
 *
 * When the background cannot answer (a refusal, a failed message), the
 * answer is null: that pass marks nothing, the marks already drawn stay, and
 * the annotator asks the background again on a later pass (see
 * `Annotator.match`). A content script orphaned by an update of the extension
 * stops altogether instead (`ContentApp`).
 */
import type { EntryType } from '../../shared/catalog';
import type { EntityMatch } from '../../shared/matcher';
import type { PageMatches, PagePart } from '../../shared/protocol';

/** The background's answer to one message: the matches, or `'held'` for a part it keeps until the pass's other parts arrive. */
export type RemoteAnswer = EntityMatch[] | 'held';

/** How the annotator matches (see the module comment). */
export interface PageMatching {
  /**
   * Mentions in `text`, chunk k being `text[bounds[2k], bounds[2k + 1])`, with
   * offsets in `text`; null when the background could not answer. With
   * `part`, `text` is one part of the page's text (see `page.match`): the
   * answer is `'held'`, or every part's mentions with offsets in the page's text.
   */
  remote(text: string, bounds: number[], exclude: string[], part?: PagePart): Promise<RemoteAnswer | null>;
}

/** Where a page's recognition gets its answers (browser messaging in the content script, stubs in tests). */
export interface RecognitionSources {
  /** `page.match`: null when the background could not answer. */
  matchRemote(text: string, bounds: number[], exclude: string[], part?: PagePart): Promise<PageMatches | null>;
}

/** How one page recognises names: where it matches, the types of the entries it met, the entries it excludes. */
export interface PageRecognition {
  matching: PageMatching;
  /** Filled by each answer: the annotator reads a mark's type here. */
  types: Map<string, EntryType>;
  /** The reader's exclusions on this page, sent with every `page.match` (the background adds the site's stored ones). */
  exclude: Set<string>;
}

/** A page's recognition over its sources (see the module comment). */
export function pageRecognition(sources: RecognitionSources): PageRecognition {
  const types = new Map<string, EntryType>();
  const exclude = new Set<string>();
  const { matchRemote } = sources;
  return {
    types,
    exclude,
    matching: {
      remote: async (text, bounds, excluded, part) => {
        // A thrown error is a background that cannot answer, like a refusal.
        const got = await matchRemote(text, bounds, excluded, part).catch(() => null);
        if (!got) return null;
        if (got.held) return 'held';
        for (const [id, facts] of Object.entries(got.entries)) types.set(id, facts.type);
        return got.matches;
      },
    },
  };
}
