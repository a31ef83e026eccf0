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
import { resolve } from './resolve';
import { scan } from './scan';
import { yearOf } from './years';
import type { EntityMatch, MatchOptions, MatcherEntry } from './types';

export type { EntityMatch, MatchOptions, MatcherEntry } from './types';
export { aliasKey } from './tokenize';

/** A compiled catalog, ready to find mentions in any number of texts. */
export interface Matcher {
  /** Every mention in text, in order, non-overlapping, longest first, ambiguity resolved. */
  match(text: string, options?: MatchOptions): EntityMatch[];
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
  return {
    aliasCount: compiled.aliasCount,
    match(text: string, options?: MatchOptions): EntityMatch[] {
      return resolve(scan(compiled, text), text, compiled, options?.exclude, yearOf(options?.pageDate));
    },
  };
}
