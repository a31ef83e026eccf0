/**
 * The read-only views' shape of the corpus model (explorer, timeline,
 * relations, search). Built by `corpus/corpus-service.ts` from the same read
 * as the card index, once per content hash.
 */
import type { EntryRef, TimelineItem } from '../../shared/card';
import type { Entry, EntryRelation, Mention, Passage, TimelineEvent } from '../../shared/corpus';
import type { StoredCorpus } from '../db/corpus-store';
import { compareTimelineEvents } from '../../shared/timeline-order';
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

/** The views' lookups over the corpus records. Pure. */
export function snapshotOf(records: StoredCorpus): CorpusSnapshot {
  const { hash, asOf, entries, documents, passages, mentions, relations, timeline } = records;
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
    timeline: [...timeline].sort(compareTimelineEvents),
  };
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
