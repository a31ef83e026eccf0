/**
 * Choosing the two or three corpus sentences a card quotes: the ones most
 * about the entry and most about what the reader is reading now.
 */
import type { Excerpt } from '../../shared/card';
import type { ExcerptCandidate } from '../db/card-seed-record';
import type { CorpusIndex, IndexedPassage } from './corpus-index';
import { contentWords } from './text-words';

/** How many excerpts a card shows at most. */
export const EXCERPTS_PER_CARD = 3;

/** A passage as a quotable excerpt with its source. */
export function toExcerpt({ passage, document }: IndexedPassage): Excerpt {
  const excerpt: Excerpt = {
    passageId: passage.id,
    text: passage.text,
    documentId: document.id,
    documentTitle: document.title,
    published: document.published,
    publishedInferred: document.publishedInferred,
  };
  if (document.outlet) excerpt.outlet = document.outlet;
  if (document.origin === 'user') excerpt.origin = 'user';
  return excerpt;
}

/** The excerpt of a passage id, if the passage exists. */
export function excerptOf(index: CorpusIndex, passageId: string | undefined): Excerpt | undefined {
  const indexed = passageId === undefined ? undefined : index.passages.get(passageId);
  return indexed ? toExcerpt(indexed) : undefined;
}

/** How rare each word is across the corpus' passages, for weighing shared words. */
export interface WordWeights {
  /** Inverse document frequency of a word, undefined for a word no passage has. */
  idf(word: string): number | undefined;
  /** How many passages the weights were computed over. */
  passageCount: number;
}

/** The word weights of an in-memory index. */
export function indexWeights(index: CorpusIndex): WordWeights {
  return { idf: (word) => index.idf.get(word), passageCount: index.passages.size };
}

/**
 * The most library passages kept as one entry's candidates. A card is ranked
 * and its seed read on every hover, both in time linear in the candidates: a
 * library of 1,000 articles gave a busy entry about 10,000 (the library bench),
 * far past the 16 ms a card may take. The newest are kept, those naming the
 * entry most first among the same day; every bundled passage stays.
 */
export const MAX_LIBRARY_CANDIDATES = 120;

/**
 * Every passage that could be quoted on the card of `entryId` (of the
 * library's, the newest {@link MAX_LIBRARY_CANDIDATES}), unscored, in no
 * particular order.
 */
export function excerptCandidates(index: CorpusIndex, entryId: string): ExcerptCandidate[] {
  const entry = index.entries.get(entryId);
  const evidence = new Set(entry?.summary.flatMap((fact) => fact.passageIds) ?? []);
  const ids = new Set([...(index.passagesByEntry.get(entryId) ?? []), ...evidence]);
  const candidates: ExcerptCandidate[] = [];
  for (const id of ids) {
    const indexed = index.passages.get(id);
    if (!indexed) continue;
    candidates.push({
      excerpt: toExcerpt(indexed),
      words: [...indexed.words],
      density: Math.min(indexed.mentionCounts.get(entryId) ?? 0, 3) / 3,
      evidence: evidence.has(id) ? 0.5 : 0,
      tooShort: indexed.passage.text.length < 50 ? 0.6 : 0,
    });
  }
  return capLibrary(candidates);
}

/** Keeps every bundled candidate and the newest {@link MAX_LIBRARY_CANDIDATES} of the library's. */
function capLibrary(candidates: ExcerptCandidate[]): ExcerptCandidate[] {
  const library = candidates.filter((c) => c.excerpt.origin === 'user');
  if (library.length <= MAX_LIBRARY_CANDIDATES) return candidates;
  const kept = new Set(
    library
      .sort((a, b) => b.excerpt.published.localeCompare(a.excerpt.published) || b.density - a.density || a.excerpt.passageId.localeCompare(b.excerpt.passageId))
      .slice(0, MAX_LIBRARY_CANDIDATES),
  );
  return candidates.filter((c) => c.excerpt.origin !== 'user' || kept.has(c));
}

/**
 * How much of the page's context a passage shares, from 0 to 1: the summed
 * rarity (idf) of shared words over that of all context words, so sharing
 * "Idlib" counts for more than sharing "government".
 */
function contextOverlap(weights: WordWeights, context: Set<string>, words: ReadonlySet<string>): number {
  let shared = 0;
  let total = 0;
  for (const word of context) {
    const weight = weights.idf(word) ?? Math.log(1 + weights.passageCount);
    total += weight;
    if (words.has(word)) shared += weight;
  }
  return total === 0 ? 0 : shared / total;
}

/**
 * Picks up to `count` excerpts from an entry's candidates: scored by overlap
 * with the page's sentence around the mention, by how often the passage names
 * the entry, and by being the catalog's evidence; then chosen greedily so
 * that different documents are preferred.
 */
export function pickExcerpts(candidates: readonly ExcerptCandidate[], weights: WordWeights, context = '', count = EXCERPTS_PER_CARD): Excerpt[] {
  const contextWords = contentWords(context);
  const scored = candidates.map((candidate) => ({
    excerpt: candidate.excerpt,
    // No context, no overlap: skip building the passage's word set.
    score: 2 * (contextWords.size === 0 ? 0 : contextOverlap(weights, contextWords, new Set(candidate.words))) + candidate.density + candidate.evidence - candidate.tooShort,
  }));
  scored.sort((a, b) => b.score - a.score || a.excerpt.passageId.localeCompare(b.excerpt.passageId));

  const chosen: Excerpt[] = [];
  const documents = new Set<string>();
  while (chosen.length < count && scored.length > 0) {
    let best = 0;
    let bestScore = -Infinity;
    for (let i = 0; i < scored.length; i++) {
      const candidate = scored[i]!;
      // A second sentence from the same article must be clearly better to win.
      const score = candidate.score - (documents.has(candidate.excerpt.documentId) ? 1 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    const [pick] = scored.splice(best, 1);
    if (chosen.some((c) => c.text === pick!.excerpt.text)) continue;
    chosen.push(pick!.excerpt);
    documents.add(pick!.excerpt.documentId);
  }
  return chosen;
}
