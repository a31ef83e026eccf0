/**
 * One background card from the in-memory corpus index: pure, so it is
 * unit-tested with fixture data and a batch of a hundred costs a few ms.
 * It is the seed of the card (`card-seed.ts`) finished for the page, the very
 * path a woken background takes from the stored seeds, so both give the same
 * card.
 */
import type { EntryCard } from '../../shared/card';
import { cardFromSeed, cardSeed, type CardContext } from './card-seed';
import type { CorpusIndex } from './corpus-index';
import { indexWeights } from './excerpts';

/** Assembles the card of `entryId`, or undefined for an unknown id. */
export function assembleCard(index: CorpusIndex, entryId: string, context: CardContext = {}): EntryCard | undefined {
  const seed = cardSeed(index, entryId);
  return seed && cardFromSeed(seed, indexWeights(index), context);
}
