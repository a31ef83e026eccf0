/**
 * The shape of a stored card seed (store `cardSeeds`). It lives with the
 * database so the stores describe what they hold without importing the code
 * that computes it (`cards/card-seed.ts` builds seeds, `cards/excerpts.ts`
 * scores their candidates).
 */
import type { EntryCard, Excerpt } from '../../shared/card';

/** The page-independent part of one entry's card. */
export interface CardSeed {
  /** The entry's id (the store's key). */
  id: string;
  /** The card without its excerpts and highlights. */
  card: Omit<EntryCard, 'excerpts' | 'highlights'>;
  /** The passages its excerpts are picked from, for the page's sentence. */
  candidates: ExcerptCandidate[];
}

/**
 * An entry's passage as a candidate excerpt, with everything its ranking
 * needs except the page's context: computed once per corpus (it is part of a
 * stored card seed, see `cards/card-seed.ts`), scored per page.
 */
export interface ExcerptCandidate {
  excerpt: Excerpt;
  /** The passage's content words, for overlap with the page's sentence. */
  words: string[];
  /** How often the passage names the entry, from 0 to 1. */
  density: number;
  /** 0.5 when the catalog cites the passage as evidence for the entry, else 0. */
  evidence: number;
  /** 0.6 for a sentence of a few words (it rarely explains anything on its own), else 0. */
  tooShort: number;
}
