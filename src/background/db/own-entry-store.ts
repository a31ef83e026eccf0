import type { Entry, Mention } from '../../shared/corpus';
import { READER_REVISION_KEY } from './corpus-store';
import type { Database } from './open';

/**
 * The reader's own entries (origin `user` in the `entries` store) with their
 * mentions in the library, written in one transaction that bumps
 * `meta.readerRevision`, so pages, cards and the model see them at once.
 */
export class OwnEntryStore {
  constructor(private readonly db: Database) {}

  /** Every own entry. */
  list(): Promise<Entry[]> {
    return this.db.getAllFromIndex('entries', 'by-origin', 'user');
  }

  /** Writes an entry (replacing one of the same id and its mentions). */
  async save(entry: Entry, mentions: readonly Mention[]): Promise<void> {
    const tx = this.db.transaction(['entries', 'mentions', 'meta'], 'readwrite');
    const old = await tx.objectStore('mentions').index('by-entry').getAllKeys(entry.id);
    await Promise.all(old.map((key) => tx.objectStore('mentions').delete(key)));
    const revision = (await tx.objectStore('meta').get(READER_REVISION_KEY))?.value;
    await Promise.all([
      tx.objectStore('entries').put(entry),
      ...mentions.map((m) => tx.objectStore('mentions').put(m)),
      tx.objectStore('meta').put({ key: READER_REVISION_KEY, value: (typeof revision === 'number' ? revision : 0) + 1 }),
      tx.done,
    ]);
  }

  /** Removes an own entry and its mentions; false when there was none (or it is bundled). */
  async remove(id: string): Promise<boolean> {
    const tx = this.db.transaction(['entries', 'mentions', 'meta'], 'readwrite');
    const entry = await tx.objectStore('entries').get(id);
    if (entry?.origin !== 'user') {
      await tx.done;
      return false;
    }
    const keys = await tx.objectStore('mentions').index('by-entry').getAllKeys(id);
    const revision = (await tx.objectStore('meta').get(READER_REVISION_KEY))?.value;
    await Promise.all([
      ...keys.map((key) => tx.objectStore('mentions').delete(key)),
      tx.objectStore('entries').delete(id),
      tx.objectStore('meta').put({ key: READER_REVISION_KEY, value: (typeof revision === 'number' ? revision : 0) + 1 }),
      tx.done,
    ]);
    return true;
  }
}
