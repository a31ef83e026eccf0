/**
 * The recognition module: finds the catalog's actors and events in a text.
 * Pure (no DOM, no browser API): the corpus build, the content script and the
 * bench all use it.
 *
 * ```ts
 * const matcher = compileMatcher(entries); // once, at start-up
 * for (const m of matcher.match(text)) highlight(m.start, m.end, m.entryId);
 * ```
 */
import { compile } from './compile';
import { CharacterJudge, dropCharacters } from './characters';
import { resolve } from './resolve';
import { scan } from './scan';
import { yearOf } from './years';
import type { EntityMatch, MatchOptions, MatcherEntry } from './types';

export type { EntityMatch, MatchOptions, MatcherEntry } from './types';
export { aliasKey } from './tokenize';
export type { CharacterJudge } from './characters';

/** A compiled catalog, ready to find mentions in any number of texts. */
export interface Matcher {
  /** Every mention in text, in order, non-overlapping, longest first, ambiguity resolved. */
  match(text: string, options?: MatchOptions): EntityMatch[];
  /**
   * {@link match} for one part of a longer text (a chunk of a page): the
   * decisions over the whole text ({@link dropCharacters}) are left to the caller.
   */
  matchPart(text: string, options?: MatchOptions): EntityMatch[];
  /** The whole text's decisions over the marks of its parts, shifted to offsets in `text` (see `match-chunks.ts`). */
  wholeText(text: string, matches: EntityMatch[]): EntityMatch[];
  /** The whole text's decisions for a text that comes in several parts: each part read as it comes, the verdict once all are in. */
  judge(): CharacterJudge;
  /** How many aliases were compiled (aliases without any word are skipped). */
  readonly aliasCount: number;
}

/**
 * Compiles the aliases of `entries` once; matching then costs time linear in
 * the text and independent of the number of aliases. Recognition rules (whole
 * words, folding, articles, possessives, ambiguity, weak aliases) are described
 * in `scan.ts`, `tokenize.ts`, `fold.ts` and `resolve.ts`.
 */
export function compileMatcher(entries: readonly MatcherEntry[]): Matcher {
  const compiled = compile(entries);
  const places = new Set(compiled.entryIds.filter((_, e) => compiled.entryIsPlace[e] === 1));
  const isPlace = (id: string): boolean => places.has(id);
  const matchPart = (text: string, options?: MatchOptions): EntityMatch[] => resolve(scan(compiled, text), text, compiled, options?.exclude, yearOf(options?.pageDate));
  return {
    aliasCount: compiled.aliasCount,
    match: (text, options) => dropCharacters(text, matchPart(text, options), isPlace),
    matchPart,
    wholeText: (text, matches) => dropCharacters(text, matches, isPlace),
    judge: () => new CharacterJudge(isPlace),
  };
}
