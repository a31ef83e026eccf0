/**
 * Ranked search across catalog entries, corpus passages and the reader's
 * highlights, in one MiniSearch index so scores compare across kinds.
 *
 * Why in memory rather than persisted: the corpus part is built from a
 * snapshot the background already holds, in a few milliseconds for this
 * corpus; a persisted index would need its own store, a migration and
 * invalidation for every highlight write, to save those milliseconds once per
 * background start. The index is rebuilt when the corpus hash changes, and its
 * highlight documents are swapped when the highlights' fingerprint (count and
 * newest update) changes, so it never serves stale highlights.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { EntryRef } from '../../shared/card';
import type { Highlight } from '../../shared/highlight';
import type { SearchHit } from '../../shared/protocol';
import type { CorpusSnapshot } from './corpus-snapshot';
import { excerptOf } from './excerpts';
import { foldForSearch } from '../../shared/search-fold';

/** One indexed document, whatever its kind. */
interface SearchDoc {
  id: string;
  name?: string;
  aliases?: string;
  text?: string;
  title?: string;
  note?: string;
  entities?: string;
}

/** Words too common to narrow a search (they would make AND queries miss). */
const STOP_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'is', 'of', 'on', 'or', 'the', 'to', 'with']);

function processTerm(term: string): string | null {
  const folded = foldForSearch(term);
  return STOP_WORDS.has(folded) ? null : folded;
}

function newMiniSearch(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    fields: ['name', 'aliases', 'text', 'title', 'note', 'entities'],
    processTerm,
    searchOptions: {
      boost: { name: 5, aliases: 3, note: 2, entities: 1.5, text: 1, title: 0.5 },
      prefix: true,
      // Names are misspelt in many ways (Erdogan, Erdoan); short words are not fuzzed, or everything matches.
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
}

/** What {@link SearchIndex.query} needs besides the query. */
export interface SearchSources {
  snapshot: CorpusSnapshot;
  /** A cheap fingerprint of the highlights; when it changes, `highlights()` is read again. */
  highlightsFingerprint: string;
  highlights: () => Promise<Highlight[]>;
}

/** The search index and the sources it was built from. */
export class SearchIndex {
  private index = newMiniSearch();
  private corpusHash: string | undefined;
  private highlightsFingerprint: string | undefined;
  private highlightIds: string[] = [];
  private highlightsById = new Map<string, Highlight>();
  private snapshot: CorpusSnapshot | undefined;

  /** Brings the index up to date with `sources` (cheap when nothing changed). */
  async refresh(sources: SearchSources): Promise<void> {
    if (this.corpusHash !== sources.snapshot.hash || this.snapshot !== sources.snapshot) {
      this.index = newMiniSearch();
      this.index.addAll(corpusDocs(sources.snapshot));
      this.snapshot = sources.snapshot;
      this.corpusHash = sources.snapshot.hash;
      this.highlightsFingerprint = undefined;
      this.highlightIds = [];
    }
    if (this.highlightsFingerprint !== sources.highlightsFingerprint) {
      const highlights = await sources.highlights();
      if (this.highlightIds.length) this.index.discardAll(this.highlightIds);
      this.highlightsById = new Map(highlights.map((h) => [h.id, h]));
      const docs = highlights.map((h) => highlightDoc(h, sources.snapshot));
      this.index.addAll(docs);
      this.highlightIds = docs.map((d) => d.id);
      this.highlightsFingerprint = sources.highlightsFingerprint;
    }
  }

  /** Ranked hits for `q`; an empty or stop-word-only query finds nothing. */
  query(q: string, limit = 30): SearchHit[] {
    const snapshot = this.snapshot;
    if (!snapshot || !q.trim()) return [];
    let results = this.index.search(q);
    // Every word must match first; when that finds nothing, any word may.
    if (!results.length) results = this.index.search(q, { combineWith: 'OR' });
    const hits: SearchHit[] = [];
    for (const result of results) {
      const hit = this.toHit(result, snapshot);
      if (hit) hits.push(hit);
      if (hits.length >= limit) break;
    }
    return hits;
  }

  private toHit(result: SearchResult, snapshot: CorpusSnapshot): SearchHit | undefined {
    const id = String(result.id);
    const key = id.slice(2);
    const score = Math.round(result.score * 1000) / 1000;
    if (id.startsWith('e:')) {
      const entry = snapshot.entries.get(key);
      if (!entry) return undefined;
      const ref: EntryRef = { id: entry.id, name: entry.name, type: entry.type };
      return { kind: 'entry', score, entry: ref, snippet: entry.summary[0]?.text ?? entry.aliases.map((a) => a.text).join(', ') };
    }
    if (id.startsWith('p:')) {
      const passage = snapshot.passages.get(key);
      return passage && { kind: 'passage', score, excerpt: excerptOf(passage, snapshot.documents) };
    }
    const highlight = this.highlightsById.get(key);
    return highlight && { kind: 'highlight', score, highlight };
  }
}

function corpusDocs(snapshot: CorpusSnapshot): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const e of snapshot.entries.values()) {
    docs.push({
      id: `e:${e.id}`,
      name: e.name,
      aliases: e.aliases.map((a) => a.text).join(' · '),
      text: e.summary.map((f) => f.text).join(' '),
    });
  }
  for (const p of snapshot.passages.values()) {
    docs.push({ id: `p:${p.id}`, text: p.text, title: snapshot.documents.get(p.documentId)?.title ?? '' });
  }
  return docs;
}

function highlightDoc(h: Highlight, snapshot: CorpusSnapshot): SearchDoc {
  return {
    id: `h:${h.id}`,
    text: h.quote,
    note: h.note,
    title: `${h.title} ${h.site}`,
    entities: h.entityIds.map((id) => snapshot.entries.get(id)?.name ?? id).join(' · '),
  };
}
