/**
 * The corpus held in memory by the background, indexed for card assembly.
 * Built once per background lifetime (and again when the corpus hash changes),
 * so a batch of a hundred cards is a few map look-ups each, not storage reads.
 */
import type { CorpusDocument, Entry, EntryRelation, Passage, TimelineEvent } from '../../shared/corpus';
import { compareTimelineEvents } from '../../shared/timeline-order';
import { contentWords } from './text-words';

/** The raw records the index is built from (what the CorpusStore returns). */
export interface CorpusRecords {
  hash: string;
  asOf: string;
  entries: Entry[];
  documents: CorpusDocument[];
  passages: Passage[];
  mentions: { entryId: string; passageId: string }[];
  relations: EntryRelation[];
  timeline: TimelineEvent[];
}

/** A passage with what the index knows about it. */
export interface IndexedPassage {
  passage: Passage;
  document: CorpusDocument;
  /** Content words, for overlap with a page's context. */
  words: Set<string>;
  /** Mentions per entry id in this passage. */
  mentionCounts: Map<string, number>;
}

/** The in-memory corpus index. */
export interface CorpusIndex {
  hash: string;
  asOf: string;
  entries: Map<string, Entry>;
  passages: Map<string, IndexedPassage>;
  /** Entry id → passage ids that mention it (each once, corpus order). */
  passagesByEntry: Map<string, string[]>;
  /** Entry id → relations where it is `from` or `to`. */
  relationsByEntry: Map<string, EntryRelation[]>;
  /** The whole timeline, oldest first. */
  timeline: TimelineEvent[];
  /** Entry id → its own timeline events. */
  timelineByEntry: Map<string, TimelineEvent[]>;
  /** Inverse document frequency of each content word over passages. */
  idf: Map<string, number>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the index from the corpus records. Pure; runs in a few ms for the bundled corpus. */
export function buildCorpusIndex(records: CorpusRecords): CorpusIndex {
  const documents = new Map(records.documents.map((d) => [d.id, d]));
  const passages = new Map<string, IndexedPassage>();
  const documentFrequency = new Map<string, number>();
  for (const passage of records.passages) {
    const document = documents.get(passage.documentId);
    if (!document) continue;
    const words = contentWords(passage.text);
    for (const word of words) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    passages.set(passage.id, { passage, document, words, mentionCounts: new Map() });
  }
  const idf = new Map<string, number>();
  for (const [word, df] of documentFrequency) idf.set(word, Math.log(1 + passages.size / df));

  const passagesByEntry = new Map<string, string[]>();
  for (const mention of records.mentions) {
    const indexed = passages.get(mention.passageId);
    if (!indexed) continue;
    const count = indexed.mentionCounts.get(mention.entryId) ?? 0;
    indexed.mentionCounts.set(mention.entryId, count + 1);
    if (count === 0) push(passagesByEntry, mention.entryId, mention.passageId);
  }

  const relationsByEntry = new Map<string, EntryRelation[]>();
  for (const relation of records.relations) {
    push(relationsByEntry, relation.from, relation);
    if (relation.to !== relation.from) push(relationsByEntry, relation.to, relation);
  }

  const timeline = [...records.timeline].sort(compareTimelineEvents);
  const timelineByEntry = new Map<string, TimelineEvent[]>();
  for (const event of timeline) push(timelineByEntry, event.entryId, event);

  return {
    hash: records.hash,
    asOf: records.asOf,
    entries: new Map(records.entries.map((e) => [e.id, e])),
    passages,
    passagesByEntry,
    relationsByEntry,
    timeline,
    timelineByEntry,
    idf,
  };
}
