/**
 * Where `corpus.cards` gets its cards: from the stored card seeds when they
 * match the loaded corpus (one transaction: a few records per entry), else
 * from the in-memory index, which reads the whole corpus (seven stores) and
 * indexes it, and then stores the seeds for the next wake.
 *
 * Why: the service worker is stopped after ~30 s idle, and a reader's hover
 * often wakes it. Reading and indexing the corpus took 30–40 ms of a 50 ms
 * budget from hover to painted card; one transaction over the seeds takes a
 * few ms.
 */
import type { EntryCard } from '../../shared/card';
import type { CardSeedStore } from '../db/card-seed-store';
import { assembleCard } from './assemble';
import { CARD_SEED_FORMAT, cardFromSeed, cardSeed } from './card-seed';
import type { CardSeed } from '../db/card-seed-record';
import type { CorpusIndex } from './corpus-index';
import type { WordWeights } from './excerpts';

/** What the card source needs from the services. */
export interface CardSourceDeps {
  store: CardSeedStore;
  ensureCorpus(): Promise<void>;
  corpusIndex(): Promise<CorpusIndex>;
}

/** Cards in batches, and the seeds kept in step with the corpus. */
export interface CardSource {
  /**
   * The cards of `ids` (unknown and repeated ids left out), excerpts chosen
   * for each id's `context` sentence. `highlights: false` leaves the reader's
   * highlights out (empty lists, never read) and the library's excerpts: a
   * content script's cards are corpus only, as a page could learn what they show.
   */
  cards(ids: readonly string[], context?: Record<string, string>, options?: { highlights?: boolean }): Promise<EntryCard[]>;
  /**
   * Builds and stores the seeds unless the stored ones match the loaded
   * corpus and this code's format; `rebuild` builds them in any case (after
   * an install or update, the code that made the stored ones may differ).
   */
  prepare(options?: { rebuild?: boolean }): Promise<void>;
}

/** Creates the card source over the seed store and the in-memory index. */
export function createCardSource(deps: CardSourceDeps): CardSource {
  // One build of the seeds per corpus hash and background lifetime.
  let seeding: { hash: string; done: Promise<void> } | undefined;

  function storeSeeds(index: CorpusIndex): Promise<void> {
    if (seeding?.hash === index.hash) return seeding.done;
    const seeds = [...index.entries.keys()].map((id) => cardSeed(index, id)).filter((seed): seed is CardSeed => seed !== undefined);
    const done = deps.store.replace({ hash: index.hash, format: CARD_SEED_FORMAT, passageCount: index.passages.size, idf: index.idf }, seeds).catch((error: unknown) => {
      // The next fallback tries again; cards were answered from memory meanwhile.
      seeding = undefined;
      if (typeof __DEV__ !== 'undefined' && __DEV__) console.warn('Backstory: could not store the card seeds', error);
    });
    seeding = { hash: index.hash, done };
    return done;
  }

  // A content script's card is drawn in the page, which may read it: the reader's library stays out.
  // So do the reader's own words about their own entries (the summary of an entry of origin `user`).
  const forPage = (cards: EntryCard[], options?: { highlights?: boolean }): EntryCard[] =>
    options?.highlights === false
      ? cards.map((card) =>
          card.excerpts.some((e) => e.origin === 'user') || card.entry.origin === 'user'
            ? { ...card, excerpts: card.excerpts.filter((e) => e.origin !== 'user'), facts: card.entry.origin === 'user' ? [] : card.facts }
            : card,
        )
      : cards;

  return {
    async cards(ids, context, options) {
      await deps.ensureCorpus();
      const unique = [...new Set(ids)];
      const batch = await deps.store.readBatch(unique, options);
      const info = batch.info?.format === CARD_SEED_FORMAT ? batch.info : undefined;
      if (info) {
        const weights: WordWeights = { idf: (word) => info.idf.get(word), passageCount: info.passageCount };
        return forPage(
          unique.flatMap((id, i) => {
            const seed = batch.seeds[i];
            return seed ? [cardFromSeed(seed, weights, { sentence: context?.[id], highlights: batch.highlights[i] })] : [];
          }),
          options,
        );
      }
      const index = await deps.corpusIndex();
      void storeSeeds(index);
      return forPage(
        unique.flatMap((id, i) => {
          const card = assembleCard(index, id, { sentence: context?.[id], highlights: batch.highlights[i] });
          return card ? [card] : [];
        }),
        options,
      );
    },
    async prepare({ rebuild = false } = {}) {
      await deps.ensureCorpus();
      if (!rebuild && (await deps.store.readBatch([])).info?.format === CARD_SEED_FORMAT) return;
      await storeSeeds(await deps.corpusIndex());
    },
  };
}
