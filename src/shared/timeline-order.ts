/**
 * The one order of timeline events, used by the corpus build, the cards, the
 * explorer's timeline and search, so the same two events never swap places
 * between views.
 */
import { compareDates } from './iso-date';

/** The fields the order reads. */
export interface OrderedTimelineEvent {
  id: string;
  entryId: string;
  start: string;
}

/**
 * Oldest first by start (a year sorts before its months: `compareDates`); ties
 * by entry id, so an entry's events keep together, then by event id.
 */
export function compareTimelineEvents(a: OrderedTimelineEvent, b: OrderedTimelineEvent): number {
  return compareDates(a.start, b.start) || a.entryId.localeCompare(b.entryId) || a.id.localeCompare(b.id);
}
