/**
 * One background card from the in-memory corpus index: pure, so it is
 * unit-tested with fixture data and a batch of a hundred costs a few ms.
 */
import type { EntryCard, EntryRef } from '../../shared/card';
import type { Highlight } from '../../shared/highlight';
import { typeGroupOf } from '../../shared/catalog';
import type { CorpusIndex } from './corpus-index';
import { rankExcerpts } from './excerpts';
import { relatedEntries } from './related';
import { splitRoles } from './roles';
import { keyEvents, refOf, timelineNeighbours } from './timeline';

/** How many of the reader's highlights a card lists (newest first). */
export const HIGHLIGHTS_PER_CARD = 5;

/** What is known about the page the card is shown on. */
export interface CardContext {
  /** The sentence around the entry's first mention on the page. */
  sentence?: string;
  /** The reader's highlights that mention the entry, any order. */
  highlights?: readonly Highlight[];
}

/** Assembles the card of `entryId`, or undefined for an unknown id. */
export function assembleCard(index: CorpusIndex, entryId: string, context: CardContext = {}): EntryCard | undefined {
  const entry = index.entries.get(entryId);
  if (!entry) return undefined;
  const isEvent = typeGroupOf(entry.type) === 'event';
  const { before, after } = isEvent ? timelineNeighbours(index, entryId) : { before: [], after: [] };
  const card: EntryCard = {
    entry,
    asOf: index.asOf,
    ...splitRoles(entry.roles, index.asOf),
    excerpts: rankExcerpts(index, entryId, context.sentence),
    before,
    after,
    keyEvents: isEvent ? [] : keyEvents(index, entryId),
    related: relatedEntries(index, entryId),
    highlights: [...(context.highlights ?? [])].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, HIGHLIGHTS_PER_CARD),
  };
  if (entry.participants.length > 0) {
    card.participants = entry.participants.map((id) => refOf(index, id)).filter((r): r is EntryRef => r !== undefined);
  }
  return card;
}
