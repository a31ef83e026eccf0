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
}

/** A dated event as the card's timeline lists it. */
export interface TimelineItem extends EntryRef {
  start: string;
  end?: string;
  inferred: boolean;
  source?: Excerpt;
}

/** Everything one card needs. */
export interface EntryCard {
  entry: Entry;
  /** The newest corpus date: the background is "as of" this. */
  asOf: string;
  /** The newest role, if any, and the earlier ones (newest first). */
  currentRole?: Entry['roles'][number];
  earlierRoles: Entry['roles'];
  excerpts: Excerpt[];
  /** For events: who took part, resolved to names (ids in `entry.participants`). */
  participants?: EntryRef[];
  /** For events: what came before and after on the corpus timeline. */
  before: TimelineItem[];
  after: TimelineItem[];
  /** For actors: the dated events they took part in. */
  keyEvents: TimelineItem[];
  related: RelatedEntry[];
  /** The reader's saved highlights that mention this entry, on any site. */
  highlights: Highlight[];
}

/** A summary row of an entry for lists (explorer, search). */
export interface EntrySummary extends EntryRef {
  mentionCount: number;
  summary: string;
}
