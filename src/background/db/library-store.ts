import type { CorpusDocument, Entry, Mention, Passage } from '../../shared/corpus';
import type { LibraryArticle } from '../../shared/library';
import { READER_REVISION_KEY } from './corpus-store';
import type { IDBPTransaction } from 'idb';
import type { Database } from './open';
import type { BackstoryDB } from './schema';

/** One library article with its corpus records, as it is written and exported. */
export interface LibraryRecords {
  article: LibraryArticle;
  document: CorpusDocument;
  passages: Passage[];
  mentions: Mention[];
}

/** The reader's own entries written with a library import, and where they are named in the library's other articles. */
export interface OwnEntryRecords {
  entries: readonly Entry[];
  mentions: readonly Mention[];
}

const LIBRARY_STORES: LibraryStoreName[] = ['library', 'documents', 'passages', 'mentions', 'meta'];
const IMPORT_STORES: LibraryStoreName[] = [...LIBRARY_STORES, 'entries'];
type LibraryStoreName = 'library' | 'documents' | 'passages' | 'mentions' | 'meta' | 'entries';
type LibraryWriteTx = IDBPTransaction<BackstoryDB, LibraryStoreName[], 'readwrite'>;

/**
 * The reader's library: each article's record (store `library`) and its text
 * as a corpus document of origin `user`, with passages and mentions, written
 * together in one transaction. Every write bumps `meta.readerRevision`, so the
 * corpus model and the card seeds see it (`contentHashOf`).
 */
export class LibraryStore {
  constructor(private readonly db: Database) {}

  /** Every article, newest added first. */
  async list(): Promise<LibraryArticle[]> {
    const all = await this.db.getAll('library');
    return all.sort((a, b) => b.addedAt - a.addedAt || a.id.localeCompare(b.id));
  }

  /** How many articles the library holds. */
  count(): Promise<number> {
    return this.db.count('library');
  }

  /** The article saved from `url`, if any. */
  async forUrl(url: string): Promise<LibraryArticle | undefined> {
    return this.db.getFromIndex('library', 'by-url', url);
  }

  /** The article already holding this page or this text (the URL first), so adding again updates it. */
  async existing(url: string, textHash: string): Promise<LibraryArticle | undefined> {
    const tx = this.db.transaction('library');
    const [byUrl, byText] = await Promise.all([tx.store.index('by-url').get(url), tx.store.index('by-text').get(textHash), tx.done]);
    return byUrl ?? byText;
  }

  /**
   * Writes articles in one transaction, each replacing whatever that id and
   * that URL held before (its old passages and mentions are deleted first).
   * With `own` (a backup's import), the reader's own entries are written in
   * the same transaction, each replacing the entry of its id and that
   * entry's mentions: the whole file is stored, or nothing.
   */
  async save(items: readonly LibraryRecords[], own?: OwnEntryRecords): Promise<void> {
    const tx = this.db.transaction(own ? IMPORT_STORES : LIBRARY_STORES, 'readwrite');
    for (const entry of own?.entries ?? []) {
      const old = await tx.objectStore('mentions').index('by-entry').getAllKeys(entry.id);
      await Promise.all(old.map((key) => tx.objectStore('mentions').delete(key)));
    }
    for (const { article } of items) {
      const sameUrl = await tx.objectStore('library').index('by-url').getKey(article.url);
      if (sameUrl !== undefined && sameUrl !== article.id) await removeIn(tx, sameUrl);
      await removeIn(tx, article.id);
    }
    const writes: Promise<unknown>[] = [];
    for (const { article, document, passages, mentions } of items) {
      writes.push(tx.objectStore('library').put(article), tx.objectStore('documents').put(document));
      for (const p of passages) writes.push(tx.objectStore('passages').put(p));
      for (const m of mentions) writes.push(tx.objectStore('mentions').put(m));
    }
    for (const entry of own?.entries ?? []) writes.push(tx.objectStore('entries').put(entry));
    for (const m of own?.mentions ?? []) writes.push(tx.objectStore('mentions').put(m));
    writes.push(bumpRevision(tx));
    await Promise.all([...writes, tx.done]);
  }

  /** Removes articles and their corpus records; returns how many there were. */
  async remove(ids: readonly string[]): Promise<number> {
    const tx = this.db.transaction(LIBRARY_STORES, 'readwrite');
    let removed = 0;
    for (const id of ids) if (await removeIn(tx, id)) removed++;
    if (removed > 0) await bumpRevision(tx);
    await tx.done;
    return removed;
  }

  /** Every article with its records, for export. */
  async everything(): Promise<LibraryRecords[]> {
    const tx = this.db.transaction(['library', 'documents', 'passages', 'mentions']);
    const articles = await tx.objectStore('library').getAll();
    const out: LibraryRecords[] = [];
    for (const article of articles) {
      const [document, passages] = await Promise.all([tx.objectStore('documents').get(article.id), tx.objectStore('passages').index('by-document').getAll(article.id)]);
      if (!document) continue;
      const mentions = (await Promise.all(passages.map((p) => tx.objectStore('mentions').index('by-passage').getAll(p.id)))).flat();
      out.push({ article, document, passages, mentions });
    }
    await tx.done;
    return out.sort((a, b) => b.article.addedAt - a.article.addedAt || a.article.id.localeCompare(b.article.id));
  }
}

async function removeIn(t: LibraryWriteTx, id: string): Promise<boolean> {
  const existed = (await t.objectStore('library').getKey(id)) !== undefined;
  const passageIds = await t.objectStore('passages').index('by-document').getAllKeys(id);
  for (const passageId of passageIds) {
    const mentionKeys = await t.objectStore('mentions').index('by-passage').getAllKeys(passageId);
    await Promise.all(mentionKeys.map((key) => t.objectStore('mentions').delete(key)));
    await t.objectStore('passages').delete(passageId);
  }
  await Promise.all([t.objectStore('documents').delete(id), t.objectStore('library').delete(id)]);
  return existed;
}

async function bumpRevision(t: LibraryWriteTx): Promise<void> {
  const current = (await t.objectStore('meta').get(READER_REVISION_KEY))?.value;
  await t.objectStore('meta').put({ key: READER_REVISION_KEY, value: (typeof current === 'number' ? current : 0) + 1 });
}
