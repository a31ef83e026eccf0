/**
 * Excerpts: corpus passages with their source attached, as cards, the
 * explorer and search results quote them. Shared by the explorer handlers and
 * the search index so a passage reads the same everywhere.
 */
import type { Excerpt } from '../../shared/card';
import type { CorpusDocument, Passage } from '../../shared/corpus';

/** Documents by id. */
export type DocumentIndex = ReadonlyMap<string, CorpusDocument>;

/** Indexes documents by id. */
export function indexDocuments(documents: readonly CorpusDocument[]): DocumentIndex {
  return new Map(documents.map((d) => [d.id, d]));
}

/** A passage as an excerpt; a passage whose document is gone still reads, untitled. */
export function excerptOf(passage: Passage, documents: DocumentIndex): Excerpt {
  const doc = documents.get(passage.documentId);
  const excerpt: Excerpt = {
    passageId: passage.id,
    text: passage.text,
    documentId: passage.documentId,
    documentTitle: doc?.title ?? passage.documentId,
    published: doc?.published ?? '',
    publishedInferred: doc?.publishedInferred ?? false,
  };
  if (doc?.outlet) excerpt.outlet = doc.outlet;
  if (doc?.origin === 'user') excerpt.origin = 'user';
  return excerpt;
}

/** Orders excerpts newest document first, then in reading order inside a document. */
export function byNewestThenReadingOrder(passages: Map<string, Passage>): (a: Excerpt, b: Excerpt) => number {
  return (a, b) => {
    if (a.published !== b.published) return a.published < b.published ? 1 : -1;
    if (a.documentId !== b.documentId) return a.documentId < b.documentId ? -1 : 1;
    const pa = passages.get(a.passageId);
    const pb = passages.get(b.passageId);
    return (pa?.paragraph ?? 0) - (pb?.paragraph ?? 0) || (pa?.sentence ?? 0) - (pb?.sentence ?? 0);
  };
}
