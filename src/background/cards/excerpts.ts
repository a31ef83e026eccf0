/**
 * Choosing the two or three corpus sentences a card quotes: the ones most
 * about the entry and most about what the reader is reading now.
 */
import type { Excerpt } from '../../shared/card';
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
  return excerpt;
}

/** The excerpt of a passage id, if the passage exists. */
export function excerptOf(index: CorpusIndex, passageId: string | undefined): Excerpt | undefined {
  const indexed = passageId === undefined ? undefined : index.passages.get(passageId);
  return indexed ? toExcerpt(indexed) : undefined;
}

/**
 * How much of the page's context a passage shares, from 0 to 1: the summed
 * rarity (idf) of shared words over that of all context words, so sharing
 * "Idlib" counts for more than sharing "government".
 */
function contextOverlap(index: CorpusIndex, context: Set<string>, words: Set<string>): number {
  let shared = 0;
  let total = 0;
  for (const word of context) {
    const weight = index.idf.get(word) ?? Math.log(1 + index.passages.size);
    total += weight;
    if (words.has(word)) shared += weight;
  }
  return total === 0 ? 0 : shared / total;
}

/**
 * Ranks an entry's passages and picks up to {@link EXCERPTS_PER_CARD}:
 * scored by overlap with the page's sentence around the mention, by how often
 * the passage names the entry, and by being the catalog's evidence; then
 * chosen greedily so that different documents are preferred.
 */
export function rankExcerpts(index: CorpusIndex, entryId: string, context = '', count = EXCERPTS_PER_CARD): Excerpt[] {
  const entry = index.entries.get(entryId);
  const evidence = new Set(entry?.summary.flatMap((fact) => fact.passageIds) ?? []);
  const ids = new Set([...(index.passagesByEntry.get(entryId) ?? []), ...evidence]);
  const contextWords = contentWords(context);
  const scored: { indexed: IndexedPassage; score: number }[] = [];
  for (const id of ids) {
    const indexed = index.passages.get(id);
    if (!indexed) continue;
    const density = Math.min(indexed.mentionCounts.get(entryId) ?? 0, 3) / 3;
    // A sentence of a few words rarely explains anything on its own.
    const tooShort = indexed.passage.text.length < 50 ? 0.6 : 0;
    const score = 2 * contextOverlap(index, contextWords, indexed.words) + density + (evidence.has(id) ? 0.5 : 0) - tooShort;
    scored.push({ indexed, score });
  }
  scored.sort((a, b) => b.score - a.score || a.indexed.passage.id.localeCompare(b.indexed.passage.id));

  const chosen: IndexedPassage[] = [];
  const documents = new Set<string>();
  while (chosen.length < count && scored.length > 0) {
    let best = 0;
    let bestScore = -Infinity;
    for (let i = 0; i < scored.length; i++) {
      const candidate = scored[i]!;
      // A second sentence from the same article must be clearly better to win.
      const score = candidate.score - (documents.has(candidate.indexed.document.id) ? 1 : 0);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    const [pick] = scored.splice(best, 1);
    if (chosen.some((c) => c.passage.text === pick!.indexed.passage.text)) continue;
    chosen.push(pick!.indexed);
    documents.add(pick!.indexed.document.id);
  }
  return chosen.map(toExcerpt);
}
