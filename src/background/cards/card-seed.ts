/**
 * A card seed: everything on an entry's card that does not depend on the page
 * or the reader, computed once per corpus from the in-memory index and stored
 * (store `cardSeeds`), so a woken background answers `corpus.cards` with one
 * read per entry instead of reading the whole corpus and indexing it first.
 * What does depend on the page (which excerpts fit the sentence around the
 * mention) is kept as unscored candidates; the reader's highlights are read
 * per request.
 */
import type { EntryCard, EntryRef, TimelineItem } from '../../shared/card';
import type { Highlight } from '../../shared/highlight';
import { typeGroupOf } from '../../shared/catalog';
import type { CorpusIndex } from './corpus-index';
import { excerptCandidates, pickExcerpts, type WordWeights } from './excerpts';
import type { CardSeed } from '../db/card-seed-record';
import { relatedEntries } from './related';
import { datedRoles, factsOf, latestWordOn } from './roles';
import { keyEvents, refOf, timelineNeighbours, toTimelineItem } from './timeline';

/** How many of the reader's highlights a card lists (newest first). */
export const HIGHLIGHTS_PER_CARD = 5;

/**
 * The version of what a seed holds and how it was assembled. Bump it with any
 * change to `cardSeed` or to what it calls (ranking, related entries, the
 * timeline): stored seeds of another format are rebuilt. Seeds are also
 * rebuilt on every install and update, so a forgotten bump is caught there.
 */
export const CARD_SEED_FORMAT = 4;

/** What is known about the page the card is shown on. */
export interface CardContext {
  /** The sentence around the entry's first mention on the page. */
  sentence?: string;
  /** The reader's highlights that mention the entry, any order. */
  highlights?: readonly Highlight[];
}

/** The seed of `entryId`'s card, or undefined for an unknown id. */
export function cardSeed(index: CorpusIndex, entryId: string): CardSeed | undefined {
  const entry = index.entries.get(entryId);
  if (!entry) return undefined;
  const isEvent = typeGroupOf(entry.type) === 'event';
  const { before, after } = isEvent ? timelineNeighbours(index, entryId) : { before: [], after: [] };
  const card: CardSeed['card'] = {
    entry,
    asOf: index.asOf,
    latest: latestWordOn(index, entry),
    facts: factsOf(index, entry),
    roles: datedRoles(index, entry),
    before,
    after,
    keyEvents: isEvent ? [] : keyEvents(index, entryId),
    datedFacts: (index.timelineByEntry.get(entryId) ?? [])
      .filter((event) => event.label !== undefined)
      .map((event) => toTimelineItem(index, event))
      .filter((item): item is TimelineItem => item !== undefined),
    related: relatedEntries(index, entryId),
  };
  if (entry.participants.length > 0) {
    card.participants = entry.participants.map((id) => refOf(index, id)).filter((r): r is EntryRef => r !== undefined);
  }
  return { id: entryId, card, candidates: excerptCandidates(index, entryId) };
}

/** The card of a seed on a page: excerpts picked for the page's sentence, the newest highlights. */
export function cardFromSeed(seed: CardSeed, weights: WordWeights, context: CardContext = {}): EntryCard {
  return {
    ...seed.card,
    excerpts: pickExcerpts(seed.candidates, weights, context.sentence),
    highlights: [...(context.highlights ?? [])].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, HIGHLIGHTS_PER_CARD),
    highlightTotal: context.highlights?.length ?? 0,
  };
}
