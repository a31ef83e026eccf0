/**
 * Matching a page's text chunk by chunk: what the background does for a page
 * (`page.match`) and what the page does itself when the background cannot.
 */
import type { Matcher } from './index';
import type { EntityMatch, MatchOptions } from './types';

/**
 * Mentions in `text`, matched chunk by chunk: chunk k is
 * `text[bounds[2k], bounds[2k + 1])`, and ambiguous and weak names are
 * resolved from the context of their chunk; a place used as a character's
 * name is judged over the whole text (a long story names him in every
 * chunk, but twice in none). Offsets are offsets in `text`.
 */
export function matchChunks(matcher: Matcher, text: string, bounds: readonly number[], options?: MatchOptions): EntityMatch[] {
  return matcher.wholeText(text, matchChunksApart(matcher, text, bounds, options));
}

/**
 * {@link matchChunks} without the decisions over the whole text, for a text
 * that is one part of a longer one (see `Matcher.judge`).
 */
export function matchChunksApart(matcher: Matcher, text: string, bounds: readonly number[], options?: MatchOptions): EntityMatch[] {
  const out: EntityMatch[] = [];
  for (let k = 0; k + 1 < bounds.length; k += 2) {
    const start = bounds[k]!;
    for (const m of matcher.matchPart(text.slice(start, bounds[k + 1]!), options)) {
      // Fresh objects from `match`: shifted in place.
      m.start += start;
      m.end += start;
      out.push(m);
    }
  }
  return out;
}

/** True when `bounds` are pairs of offsets into a text of `length`, in order and not overlapping. */
export function validChunkBounds(bounds: readonly number[], length: number): boolean {
  if (bounds.length % 2 !== 0) return false;
  let last = 0;
  for (const b of bounds) {
    if (!Number.isInteger(b) || b < last || b > length) return false;
    last = b;
  }
  return true;
}
