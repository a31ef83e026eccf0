/**
 * What a background card shows, assembled by the background in one batch for
 * all entries found on a page, so opening a card never waits on storage.
 */
import type { Entry } from './corpus';
import type { Highlight } from './highlight';
import type { EntryType } from './catalog';

/** A corpus sentence with its source, ready to quote. */
export interface Excerpt {
  passageId: string;
  text: string;
  documentId: string;
  documentTitle: string;
  outlet?: string;
  published: string;
  publishedInferred: boolean;
  /** `user` for a passage of an article the reader added to the library (labelled "From your library"). */
  origin?: 'user';
}

/** A short reference to another entry. */
export interface EntryRef {
  id: string;
  name: string;
  type: EntryType;
}

/** A related entry with why it is related. */
export interface RelatedEntry extends EntryRef {
  relation: string;
  kind: 'authored' | 'co-mention';
  evidence?: Excerpt;
  /** Kept from outside the corpus: the card says so. */
  outsideCorpus?: boolean;
}

/** A dated event as the card's timeline lists it. */
export interface TimelineItem extends EntryRef {
  start: string;
  end?: string;
  inferred: boolean;
  /** What happened, for a dated fact (the entry's name says it otherwise). */
  label?: string;
  source?: Excerpt;
}

/** A summary sentence with the corpus sentences that back it, newest first. */
export interface CardFact {
  text: string;
  evidence: Excerpt[];
  /** Kept from outside the corpus: the card says so. */
  outsideCorpus?: boolean;
}

/**
 * A role with what the corpus says of it and when. Nothing here says the role
 * is held today: the corpus only shows it held when its evidence was written
 * (`attested`), or over (`over`).
 */
export interface CardRole {
  title: string;
  from?: string;
  until?: string;
  ended?: 'death' | 'former';
  /**
   * When the corpus last shows the role held: the date its quote states
   * (`at`), else the publication date of its newest evidence.
   */
  attested?: string;
  /** True when `attested` is an inferred publication date. */
  attestedInferred: boolean;
  /** The corpus says the role is over (an end date, a death, "former"). */
  over: boolean;
  /** The corpus sentences that show it, newest first. */
  evidence: Excerpt[];
  outsideCorpus?: boolean;
}

/** Everything one card needs. */
export interface EntryCard {
  entry: Entry;
  /** The newest corpus date: the background is "as of" this. */
  asOf: string;
  /** The newest publication date of any corpus sentence about this entry: the corpus' latest word on it. */
  latest: string;
  /** The summary, each sentence with its evidence. */
  facts: CardFact[];
  /** Roles, ongoing by the corpus' latest word first, then those it says are over; newest first in each. */
  roles: CardRole[];
  excerpts: Excerpt[];
  /** For events: who took part, resolved to names (ids in `entry.participants`). */
  participants?: EntryRef[];
  /** For events: what came before and after on the corpus timeline. */
  before: TimelineItem[];
  after: TimelineItem[];
  /** For actors: the dated events they took part in. */
  keyEvents: TimelineItem[];
  /** Dated facts the corpus states about this entry (its labelled timeline items), oldest first. */
  datedFacts: TimelineItem[];
  related: RelatedEntry[];
  /** The reader's saved highlights that mention this entry, on any site: the newest few. */
  highlights: Highlight[];
  /** How many highlights mention this entry (absent: as many as {@link highlights} holds). */
  highlightTotal?: number;
}

/** A summary row of an entry for lists (explorer, search). */
export interface EntrySummary extends EntryRef {
  mentionCount: number;
  summary: string;
}
