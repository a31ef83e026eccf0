import type { Highlight } from '../../shared/highlight';
import type { CardSeed } from './card-seed-record';
import type { Database } from './open';
import { contentHashOf, READER_REVISION_KEY } from './corpus-store';

/** What the seeds were built from, stored beside them (`meta` key `cardSeeds`), written last. */
export interface CardSeedsInfo {
  /** The corpus hash the seeds were built from. */
  hash: string;
  /** The seeds' shape and assembly rules (`CARD_SEED_FORMAT` when they were built). */
  format: number;
  /** How many passages the word weights were computed over. */
  passageCount: number;
  /** Inverse document frequency of each content word of the corpus. */
  idf: Map<string, number>;
}

/** Everything one batch of cards needs, read in one transaction. */
export interface CardSeedBatch {
  /** The seeds' info, only when they were built from the corpus loaded now (else stale or never built). */
  info: CardSeedsInfo | undefined;
  /** The seed of each requested id, in order (undefined: unknown id, or no seeds yet). */
  seeds: (CardSeed | undefined)[];
  /** The reader's highlights that mention each requested id, in order. */
  highlights: Highlight[][];
}

const INFO_KEY = 'cardSeeds';

/**
 * The stored card seeds (see `cards/card-seed.ts`): derived from the corpus,
 * replaced as a whole. They are valid while their info's hash is the corpus'
 * content hash (`contentHashOf`: the bundle's hash and the reader's records'
 * revision), so loading a new bundle or adding to the library makes them
 * stale without touching them.
 */
export class CardSeedStore {
  constructor(private readonly db: Database) {}

  /**
   * Reads, in one transaction, the loaded corpus hash, the seeds' info, the
   * seeds of `ids` and, with `highlights`, the reader's highlights of each
   * (`by-entity` index; without, empty lists and the store is not opened).
   */
  async readBatch(ids: readonly string[], { highlights: withHighlights = true }: { highlights?: boolean } = {}): Promise<CardSeedBatch> {
    const tx = this.db.transaction(withHighlights ? ['meta', 'cardSeeds', 'highlights'] : ['meta', 'cardSeeds']);
    const byEntity = withHighlights ? tx.objectStore('highlights').index('by-entity') : undefined;
    const [corpusHash, revision, info, seeds, highlights] = await Promise.all([
      tx.objectStore('meta').get('corpusHash'),
      tx.objectStore('meta').get(READER_REVISION_KEY),
      tx.objectStore('meta').get(INFO_KEY),
      Promise.all(ids.map((id) => tx.objectStore('cardSeeds').get(id))),
      Promise.all(ids.map((id) => (byEntity ? byEntity.getAll(id) : []))),
    ]);
    const current = info?.value as CardSeedsInfo | undefined;
    const valid = current !== undefined && corpusHash?.value !== undefined && current.hash === contentHashOf(corpusHash.value as string, revision?.value as number | undefined);
    return { info: valid ? current : undefined, seeds, highlights };
  }

  /** Replaces every seed and then the info, in one transaction. */
  async replace(info: CardSeedsInfo, seeds: readonly CardSeed[]): Promise<void> {
    const tx = this.db.transaction(['meta', 'cardSeeds'], 'readwrite');
    const store = tx.objectStore('cardSeeds');
    await store.clear();
    await Promise.all([...seeds.map((seed) => store.put(seed)), tx.objectStore('meta').put({ key: INFO_KEY, value: info })]);
    await tx.done;
  }
}
