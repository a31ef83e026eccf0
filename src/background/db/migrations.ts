/**
 * Schema migrations, applied in order inside `upgrade`. A migration never
 * drops the reader's data (highlights, settings, corrections); corpus stores
 * may be rebuilt because the bundle reloads them.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { Highlight } from '../../shared/highlight';
import { bucketsOf, type SearchBucket } from './highlight-search-rows';

/** The upgrade transaction, untyped like the database handle. */
export type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** One step from `version - 1` to `version`. */
export interface Migration {
  version: number;
  description: string;
  // The untyped handles are deliberate: a migration sees the schema as it was then
  // (v1 creates indexes that v3 drops, which the current typed schema no longer names).
  run(db: IDBPDatabase, tx: UpgradeTx): void | Promise<void>;
}

/** Every migration, oldest first. The last version is the current schema. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'Initial schema: corpus stores, highlights, settings, corrections, pages.',
    run(db) {
      db.createObjectStore('meta', { keyPath: 'key' });
      const entries = db.createObjectStore('entries', { keyPath: 'id' });
      entries.createIndex('by-type', 'type');
      entries.createIndex('by-origin', 'origin');
      const documents = db.createObjectStore('documents', { keyPath: 'id' });
      documents.createIndex('by-origin', 'origin');
      const passages = db.createObjectStore('passages', { keyPath: 'id' });
      passages.createIndex('by-document', 'documentId');
      const mentions = db.createObjectStore('mentions', { keyPath: ['entryId', 'passageId', 'start'] });
      mentions.createIndex('by-entry', 'entryId');
      mentions.createIndex('by-passage', 'passageId');
      const relations = db.createObjectStore('relations', { keyPath: 'id' });
      relations.createIndex('by-from', 'from');
      relations.createIndex('by-to', 'to');
      const timeline = db.createObjectStore('timeline', { keyPath: 'id' });
      timeline.createIndex('by-entry', 'entryId');
      timeline.createIndex('by-start', 'start');
      const highlights = db.createObjectStore('highlights', { keyPath: 'id' });
      highlights.createIndex('by-url', 'url');
      highlights.createIndex('by-site', 'site');
      highlights.createIndex('by-updated', 'updatedAt');
      highlights.createIndex('by-entity', 'entityIds', { multiEntry: true });
      db.createObjectStore('settings', { keyPath: 'key' });
      db.createObjectStore('corrections', { keyPath: 'site' });
      const pages = db.createObjectStore('pages', { keyPath: 'url' });
      pages.createIndex('by-tab', 'tabId');
    },
  },
  {
    version: 2,
    description: 'Highlights: by-created index, so the manager sorts by the date a passage was saved.',
    run(_db, tx) {
      // Adding an index keeps every record; IndexedDB builds it from the stored highlights.
      const highlights = tx.objectStore('highlights');
      if (!highlights.indexNames.contains('by-created')) highlights.createIndex('by-created', 'createdAt');
    },
  },
  {
    version: 3,
    description: "Highlights: the manager's search rows in their own store (highlight-search), so a woken background searches without reading every highlight; the unused by-site and by-created indexes dropped.",
    async run(db, tx) {
      // Bucket numbers are the keys (out of line): the store holds nothing else.
      db.createObjectStore('highlight-search');
      // Never read: the manager sorts and filters by site in memory. Each index costs every
      // write (about an eighth of a 10,000-highlight import in Chromium for these two).
      const highlights = tx.objectStore('highlights');
      for (const unused of ['by-site', 'by-created']) if (highlights.indexNames.contains(unused)) highlights.deleteIndex(unused);
      // The rows of the highlights already saved, written in this same upgrade transaction.
      const saved = (await highlights.getAll()) as Highlight[];
      const search = tx.objectStore('highlight-search');
      await Promise.all([...bucketsOf(saved)].map(([key, bucket]: [number, SearchBucket]) => search.put(bucket, key)));
    },
  },
  {
    version: 4,
    description: 'Card seeds: each entry\'s card without its page-dependent parts, so a woken background answers corpus.cards without reading the whole corpus.',
    run(db) {
      // Empty until the background builds the seeds from the corpus (see CardSeedStore).
      if (!db.objectStoreNames.contains('cardSeeds')) db.createObjectStore('cardSeeds', { keyPath: 'id' });
    },
  },
  {
    version: 5,
    description: "The reader's library: where each added article came from (its text is a corpus document of origin user).",
    run(db) {
      // Empty: nothing could add to the library before this version.
      if (db.objectStoreNames.contains('library')) return;
      const library = db.createObjectStore('library', { keyPath: 'id' });
      library.createIndex('by-url', 'url', { unique: true });
      library.createIndex('by-text', 'textHash');
    },
  },
];

/** The current schema version. */
export const DB_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
