/**
 * The one corpus model of the background. Cards, the explorer, the timeline
 * and search read the corpus through it: one read of the corpus stores per
 * content hash, turned into the card index and the views' snapshot together,
 * so every view sees the same records in the same order. Bundled records enter
 * it through `ready()` (the bundle is loaded when its hash differs from the
 * stored one); the reader's records enter it through the stores, and a write
 * that changes them calls `invalidate()`.
 */
import type { CorpusBundle } from '../../shared/corpus';
import { buildCorpusIndex, type CorpusIndex } from '../cards/corpus-index';
import type { CorpusStore } from '../db/corpus-store';
import { snapshotOf, type CorpusSnapshot } from '../search/corpus-snapshot';

/** The corpus in memory, in the two shapes its readers need, for one content hash. */
export interface CorpusModel {
  /** The content hash: the bundled corpus' hash, plus the reader's records' revision when there are any. */
  hash: string;
  /** For card assembly: passages with their words, mentions per entry, idf. */
  index: CorpusIndex;
  /** For the read-only views and search: maps by id, mentions grouped by entry. */
  snapshot: CorpusSnapshot;
}

/** What the service needs from the browser: the bundle, and its hash known without reading it. */
export interface CorpusSource {
  bundledHash: string;
  loadBundle(): Promise<CorpusBundle>;
}

/** Owns loading the bundle and building the in-memory model, once per content hash. */
export class CorpusService {
  private loaded: Promise<void> | undefined;
  private building: Promise<CorpusModel> | undefined;
  private reads = 0;

  constructor(
    /** The corpus stores. */
    readonly store: CorpusStore,
    private readonly source: CorpusSource,
  ) {}

  /**
   * Makes sure the bundled corpus is in the database. One check per background
   * lifetime: a woken worker compares one stored key with the build's hash and
   * only fetches and parses the bundle when they differ; a failed load is
   * retried by the next caller.
   */
  ready(): Promise<void> {
    this.loaded ??= this.store
      .loadedHash()
      .then(async (hash) => {
        if (hash !== this.source.bundledHash) await this.store.loadBundle(await this.source.loadBundle());
      })
      .catch((error: unknown) => {
        this.loaded = undefined;
        throw error;
      });
    return this.loaded;
  }

  /** The stored content hash (after `ready()`). */
  async hash(): Promise<string> {
    await this.ready();
    return this.store.contentHash();
  }

  /** The model for the current content hash, read and built on first use after a change. */
  async model(): Promise<CorpusModel> {
    const hash = await this.hash();
    if (this.building) {
      const model = await this.building.catch(() => undefined);
      if (model?.hash === hash) return model;
    }
    this.reads++;
    this.building = this.store.readAll().then((records) => {
      const stored = { ...records, hash };
      return { hash, index: buildCorpusIndex(stored), snapshot: snapshotOf(stored) };
    });
    return this.building;
  }

  /** How many times the stores were read into a model (for tests of the once-per-hash rule). */
  get modelReads(): number {
    return this.reads;
  }
}
