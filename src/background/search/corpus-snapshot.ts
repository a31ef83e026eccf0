/**
 * The whole corpus read once into memory, keyed by its hash. The explorer,
 * timeline, relations and search all need most of it at once; reading it from
 * IndexedDB per call would repeat the same scans. It is small (hundreds of
 * passages), and a new hash (a new build) or a restarted background reads it
 * again.
 */
import type { EntryRef, TimelineItem } from '../../shared/card';
import type { Entry, EntryRelation, Mention, Passage, TimelineEvent } from '../../shared/corpus';
import type { CorpusStore } from '../db/corpus-store';
import { excerptOf, indexDocuments, type DocumentIndex } from './excerpts';

/** The corpus in memory, with the lookups the read-only views need. */
export interface CorpusSnapshot {
  hash: string;
  asOf: string;
  entries: Map<string, Entry>;
  documents: DocumentIndex;
  passages: Map<string, Passage>;
  /** Mentions grouped by entry id. */
  mentionsByEntry: Map<string, Mention[]>;
  relations: EntryRelation[];
  /** Dated events, oldest first. */
  timeline: TimelineEvent[];
}

/** Reads the corpus from the store. */
export async function readSnapshot(store: CorpusStore): Promise<CorpusSnapshot> {
  const { hash, asOf, entries, documents, passages, mentions, relations, timeline } = await store.readAll();
  const mentionsByEntry = new Map<string, Mention[]>();
  for (const m of mentions) {
    const list = mentionsByEntry.get(m.entryId);
    if (list) list.push(m);
    else mentionsByEntry.set(m.entryId, [m]);
  }
  return {
    hash,
    asOf,
    entries: new Map(entries.map((e) => [e.id, e])),
    documents: indexDocuments(documents),
    passages: new Map(passages.map((p) => [p.id, p])),
    mentionsByEntry,
    relations,
    // The store's index orders by start; ties keep a stable, readable order by name.
    timeline: [...timeline].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.entryId.localeCompare(b.entryId))),
  };
}

const caches = new WeakMap<CorpusStore, () => Promise<CorpusSnapshot>>();

/**
 * The snapshot of `store`, shared by every handler over that store: kept in
 * memory and re-read when the loaded corpus hash changes. `ensure` loads the
 * bundle first, so the first call after install works.
 */
export function snapshotCache(store: CorpusStore, ensure: () => Promise<void>): () => Promise<CorpusSnapshot> {
  const existing = caches.get(store);
  if (existing) return existing;
  let cached: Promise<CorpusSnapshot> | undefined;
  let cachedHash: string | undefined;
  const get = async () => {
    await ensure();
    const hash = (await store.loadedHash()) ?? '';
    if (!cached || cachedHash !== hash) {
      cachedHash = hash;
      cached = readSnapshot(store).catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
    }
    return cached;
  };
  caches.set(store, get);
  return get;
}

/** An entry as a short reference; unknown ids keep their id as name. */
export function refOf(snapshot: CorpusSnapshot, id: string): EntryRef {
  const entry = snapshot.entries.get(id);
  return entry ? { id, name: entry.name, type: entry.type } : { id, name: id, type: 'event' };
}

/** A timeline event as the views list it, with its first source passage. */
export function timelineItemOf(snapshot: CorpusSnapshot, event: TimelineEvent): TimelineItem {
  const item: TimelineItem = { ...refOf(snapshot, event.entryId), start: event.start, inferred: event.inferred };
  if (event.end) item.end = event.end;
  const passage = event.passageIds.map((id) => snapshot.passages.get(id)).find((p) => p !== undefined);
  if (passage) item.source = excerptOf(passage, snapshot.documents);
  return item;
}
