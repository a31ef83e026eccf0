/**
 * Where the annotator's matching runs.
 *
 * In the background first (`page.match`): its matcher is compiled once and
 * stays warm across pages, while a content script starts in a fresh world on
 * every page load, where compiling the catalog and the first scans run as
 * cold, unoptimized code on the page's main thread. The page then only sends
 * its text and draws what comes back.
 *
 * On the page itself when the background cannot answer (an extension update
 * left this content script orphaned, a message too big to send): a matcher
 * compiled from the catalog on first need, used for the rest of the page's life.
 */
import type { EntityMatch, Matcher } from '../../shared/matcher';

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
