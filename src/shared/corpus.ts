/**
 * The bundled corpus as the build writes it (`dist/<browser>/corpus.json`) and as
 * the background stores it in IndexedDB. Readers' own documents and entries use
 * the same shapes with `origin: 'user'`, so they extend the bundled ones
 * without a rebuild.
 */
import type { EntryType, AliasSpec, Role, EntryDate } from './catalog';

/** Where a record came from: the bundled build or the reader. */
export type Origin = 'bundled' | 'user';

/** One article of the corpus. */
export interface CorpusDocument {
  /** Stable id, the article file's name without extension. */
  id: string;
  title: string;
  /** The outlet, where the text names it. */
  outlet?: string;
  /** ISO date (`YYYY-MM-DD`, or coarser). */
  published: string;
  /** True when the date was inferred from dated events in the text. */
  publishedInferred: boolean;
  /** Why that date: the words that state or imply it. */
  publishedBasis: string;
  /** The seed file(s) in `shared/corpus` the article came from. */
  seeds: string[];
  /** Paragraph texts, in order. */
  paragraphs: string[];
  origin: Origin;
}

/** One sentence of a document, keeping its paragraph. */
export interface Passage {
  /** `<documentId>#p<paragraph>.s<sentence>`, both zero-based. */
  id: string;
  documentId: string;
  paragraph: number;
  sentence: number;
  text: string;
}

/** A catalog entry resolved for runtime use (evidence as passage ids). */
export interface Entry {
  id: string;
  name: string;
  type: EntryType;
  aliases: AliasSpec[];
  summary: { text: string; passageIds: string[]; outsideCorpus?: boolean }[];
  roles: (Omit<Role, 'quote'> & { passageIds: string[] })[];
  dates: (Omit<EntryDate, 'quote'> & { passageIds: string[] })[];
  participants: string[];
  origin: Origin;
}

/** Entry → passage where the matcher found the entry. */
export interface Mention {
  entryId: string;
  passageId: string;
  /** UTF-16 offsets of the mention inside the passage text. */
  start: number;
  end: number;
}

/** A relation between two entries with its evidence. */
export interface EntryRelation {
  /** `<from>→<to>:<relation>` */
  id: string;
  from: string;
  to: string;
  relation: string;
  /** Authored in the catalog, or derived from passages naming both. */
  kind: 'authored' | 'co-mention';
  passageIds: string[];
  /** Kept from outside the corpus (see `OutsideMark`). */
  outsideCorpus?: boolean;
}

/** A dated event on the corpus timeline. */
export interface TimelineEvent {
  /** `<entryId>@<start>` */
  id: string;
  entryId: string;
  start: string;
  end?: string;
  inferred: boolean;
  /** What happened, for a dated fact of an actor (an event's name says it otherwise). */
  label?: string;
  /** Passages that state the date. Never empty. */
  passageIds: string[];
}

/** Everything the build writes for the extension. */
export interface CorpusBundle {
  /** Content hash of everything below; the background reloads when it changes. */
  hash: string;
  /** The newest publication date in the corpus ("background as of"). */
  asOf: string;
  documents: CorpusDocument[];
  passages: Passage[];
  entries: Entry[];
  mentions: Mention[];
  relations: EntryRelation[];
  timeline: TimelineEvent[];
}
