/**
 * The matcher's contract. The matcher is a pure module (no DOM, no browser API):
 * the build uses it to find mentions in the corpus, the content script on pages,
 * and the bench in Node.
 */
import type { AliasSpec, EntryType } from '../catalog';

/** What the matcher needs to know of an entry. Bundled and user entries alike. */
export interface MatcherEntry {
  id: string;
  type: EntryType;
  /** Every surface form, including the display name. */
  aliases: AliasSpec[];
}

/** One mention found in a text. */
export interface EntityMatch {
  /** UTF-16 offsets into the text given to `match`; `end` exclusive. */
  start: number;
  end: number;
  /** The chosen entry. */
  entryId: string;
  /** All entries the surface form could mean (length > 1 when ambiguous). */
  candidates: string[];
  /** True when the surface form is a weak alias (bare surname, risky acronym). */
  weak: boolean;
}

/** Options for one `match` call. */
export interface MatchOptions {
  /**
   * Entry ids removed from consideration (the reader said "not this one"): they
   * are never chosen, never listed as candidates and never count as context.
   * A mention whose every candidate is excluded is not reported.
   */
  exclude?: ReadonlySet<string>;
  /**
   * The page's publication day (`YYYY-MM-DD`) or year, when it says: a dated
   * alias claim (`years`) is chosen by it when the text near a mention gives no year.
   */
  pageDate?: string;
}
