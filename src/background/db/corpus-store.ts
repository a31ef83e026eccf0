import type { CorpusBundle, CorpusDocument, Entry, EntryRelation, Mention, Passage, TimelineEvent } from '../../shared/corpus';
import type { Database } from './open';

/** Every corpus record, as one read gives them. */
export interface StoredCorpus {
  hash: string;
  asOf: string;
  entries: Entry[];
  documents: CorpusDocument[];
  passages: Passage[];
  mentions: Mention[];
  relations: EntryRelation[];
  timeline: TimelineEvent[];
}

/** The meta key of the reader's records' revision, bumped by every write that changes them. */
export const READER_REVISION_KEY = 'readerRevision';

/**
 * The content hash of the corpus: the bundle's hash alone while the reader has
 * added nothing, else with the revision of the reader's records, so a model or
 * card seeds built before a reader's write are stale after it.
 */
export function contentHashOf(bundledHash: string | undefined, readerRevision: number | undefined): string {
  const base = bundledHash ?? '';
  return readerRevision ? `${base}+r${readerRevision}` : base;
}

const CORPUS_STORES = ['meta', 'entries', 'documents', 'passages', 'mentions', 'relations', 'timeline'] as const;

/**
 * The corpus in IndexedDB: the bundled one, reloaded when its hash changes,
 * plus whatever the reader adds (origin `user`), which a reload keeps.
 */
export class CorpusStore {
  constructor(private readonly db: Database) {}

  /** The hash of the bundle currently loaded, if any. */
  async loadedHash(): Promise<string | undefined> {
    return (await this.db.get('meta', 'corpusHash'))?.value as string | undefined;
  }

  /** The content hash: the loaded bundle's, with the reader's records' revision (see `contentHashOf`). */
  async contentHash(): Promise<string> {
    const tx = this.db.transaction('meta');
    const [bundled, revision] = await Promise.all([tx.store.get('corpusHash'), tx.store.get(READER_REVISION_KEY)]);
    return contentHashOf(bundled?.value as string | undefined, revision?.value as number | undefined);
  }

  /** The newest corpus date. */
  async asOf(): Promise<string> {
    return ((await this.db.get('meta', 'corpusAsOf'))?.value as string | undefined) ?? '';
  }

  /**
   * Replaces the bundled records with `bundle` in one transaction, unless the
   * same hash is already loaded. Reader-added records are kept. Returns true
   * when it loaded.
   */
  async loadBundle(bundle: CorpusBundle): Promise<boolean> {
    if ((await this.loadedHash()) === bundle.hash) return false;
    const tx = this.db.transaction(CORPUS_STORES, 'readwrite');
    const bundledEntries = await tx.objectStore('entries').index('by-origin').getAllKeys('bundled');
    const bundledDocs = await tx.objectStore('documents').index('by-origin').getAllKeys('bundled');
    await Promise.all(bundledEntries.map((id) => tx.objectStore('entries').delete(id)));
    for (const docId of bundledDocs) {
      const passageIds = await tx.objectStore('passages').index('by-document').getAllKeys(docId);
      for (const passageId of passageIds) {
        const mentionKeys = await tx.objectStore('mentions').index('by-passage').getAllKeys(passageId);
        await Promise.all(mentionKeys.map((key) => tx.objectStore('mentions').delete(key)));
        await tx.objectStore('passages').delete(passageId);
      }
      await tx.objectStore('documents').delete(docId);
    }
    // Relations and the timeline are derived from the bundle as a whole.
    await tx.objectStore('relations').clear();
    await tx.objectStore('timeline').clear();
    const puts: Promise<unknown>[] = [];
    for (const d of bundle.documents) puts.push(tx.objectStore('documents').put(d));
    for (const p of bundle.passages) puts.push(tx.objectStore('passages').put(p));
    for (const e of bundle.entries) puts.push(tx.objectStore('entries').put(e));
    for (const m of bundle.mentions) puts.push(tx.objectStore('mentions').put(m));
    for (const r of bundle.relations) puts.push(tx.objectStore('relations').put(r));
    for (const t of bundle.timeline) puts.push(tx.objectStore('timeline').put(t));
    puts.push(tx.objectStore('meta').put({ key: 'corpusHash', value: bundle.hash }));
    puts.push(tx.objectStore('meta').put({ key: 'corpusAsOf', value: bundle.asOf }));
    await Promise.all(puts);
    await tx.done;
    return true;
  }

  /** The whole corpus at once (for the in-memory indexes of cards and search). */
  async readAll(): Promise<StoredCorpus> {
    const [hash, asOf, entries, documents, passages, mentions, relations, timeline] = await Promise.all([
      this.contentHash(),
      this.asOf(),
      this.allEntries(),
      this.documents(),
      this.allPassages(),
      this.allMentions(),
      this.allRelations(),
      this.timeline(),
    ]);
    return { hash, asOf, entries, documents, passages, mentions, relations, timeline };
  }

  /** All entries, bundled and user. */
  allEntries(): Promise<Entry[]> {
    return this.db.getAll('entries');
  }

  /** How many entries there are, bundled and user. */
  entryCount(): Promise<number> {
    return this.db.count('entries');
  }

  /** One entry. */
  entry(id: string): Promise<Entry | undefined> {
    return this.db.get('entries', id);
  }

  /** All documents. */
  documents(): Promise<CorpusDocument[]> {
    return this.db.getAll('documents');
  }

  /** One document. */
  document(id: string): Promise<CorpusDocument | undefined> {
    return this.db.get('documents', id);
  }

  /** A document's passages, in reading order. */
  async passagesOf(documentId: string): Promise<Passage[]> {
    const passages = await this.db.getAllFromIndex('passages', 'by-document', documentId);
    return passages.sort((a, b) => a.paragraph - b.paragraph || a.sentence - b.sentence);
  }

  /** All passages. */
  allPassages(): Promise<Passage[]> {
    return this.db.getAll('passages');
  }

  /** Where an entry is mentioned. */
  mentionsOf(entryId: string): Promise<Mention[]> {
    return this.db.getAllFromIndex('mentions', 'by-entry', entryId);
  }

  /** All mentions. */
  allMentions(): Promise<Mention[]> {
    return this.db.getAll('mentions');
  }

  /** All relations. */
  allRelations(): Promise<EntryRelation[]> {
    return this.db.getAll('relations');
  }

  /** The timeline, oldest first. */
  timeline(): Promise<TimelineEvent[]> {
    return this.db.getAllFromIndex('timeline', 'by-start');
  }
}
