/**
 * The reader's saved highlights in IndexedDB. Pages load their own highlights
 * through the `by-url` index. The manager's search filters and sorts the
 * compact search rows (`highlight-search-rows.ts`), which every write here
 * updates in the same transaction as the highlight (the background is the only
 * writer), held in memory once read; only the page of results it returns is
 * read as whole highlights.
 *
 * Every write checks its records against the shared rules
 * (`shared/highlight-rules.ts`) before it opens a transaction: whichever call
 * reaches it, a record that breaks one is refused and nothing is written.
 */
import type { Highlight, HighlightPatch } from '../../shared/highlight';
import { assertValidHighlights, assertValidIds } from '../../shared/highlight-rules';
import type { HighlightQuery } from '../../shared/protocol';
import type { IDBPTransaction } from 'idb';
import { appendRow, bucketOf, emptyBucket, putRow, removeRow, searchRowOf, type SearchBucket, type SearchRow } from './highlight-search-rows';
import { foldForSearch } from '../../shared/search-fold';
import type { Database } from './open';
import type { BackstoryDB } from './schema';

/** Default page size of {@link HighlightStore.list}. */
export const DEFAULT_PAGE_SIZE = 50;

/** What an import wrote: new highlights, stored ones replaced by a newer version, and those skipped as already saved. */
export interface ImportOutcome {
  added: number;
  updated: number;
  skipped: number;
}

/** The key that makes two highlights "the same passage" on import: page, quote and place. */
export function passageKey(h: Pick<Highlight, 'url' | 'quote' | 'selectors'>): string {
  return `${h.url}\u0000${h.quote}\u0000${h.selectors[1].start}\u0000${h.selectors[1].end}`;
}

/**
 * Records an import queues at once: each is cloned on the background's thread
 * as it is queued, so a file of 100,000 goes in batches with a turn of the
 * event loop between them.
 */
const IMPORT_WRITE_BATCH = 2_000;

/** The stores every highlight write touches, in one transaction. */
const WRITE_STORES = ['highlights', 'highlight-search'] as const;

type WriteTx = IDBPTransaction<BackstoryDB, (typeof WRITE_STORES)[number][], 'readwrite'>;

/** Newest first, then by id so paging is stable. */
function byNewest(a: Pick<Highlight, 'id' | 'createdAt'>, b: Pick<Highlight, 'id' | 'createdAt'>): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Updates the search rows of the highlights written (`put`) and deleted
 * (`removed`) in `tx`, one read and one write per touched bucket. `fresh`
 * says the put ids are known to be new (an import), so rows are appended
 * without looking for an existing one.
 */
async function writeSearchRows(tx: WriteTx, put: readonly Highlight[], removed: readonly string[] = [], fresh = false, rowOf: (h: Highlight) => SearchRow = searchRowOf): Promise<void> {
  const changes = new Map<number, { put: SearchRow[]; removed: string[] }>();
  const changesOf = (id: string) => {
    const key = bucketOf(id);
    let change = changes.get(key);
    if (!change) changes.set(key, (change = { put: [], removed: [] }));
    return change;
  };
  for (const id of removed) changesOf(id).removed.push(id);
  for (const h of put) changesOf(h.id).put.push(rowOf(h));
  const store = tx.objectStore('highlight-search');
  await Promise.all(
    [...changes].map(async ([key, change]) => {
      const bucket = (await store.get(key)) ?? emptyBucket();
      for (const id of change.removed) removeRow(bucket, id);
      for (const row of change.put) (fresh ? appendRow : putRow)(bucket, row);
      await store.put(bucket, key);
    }),
  );
}

/** Saved highlights. */
export class HighlightStore {
  /**
   * The search rows, as the stored buckets (parallel arrays, no object per
   * row): read once, then kept in step with every write.
   */
  private buckets: Promise<Map<number, SearchBucket>> | undefined;

  constructor(private readonly db: Database) {}

  private searchBuckets(): Promise<Map<number, SearchBucket>> {
    if (!this.buckets) {
      // Keys and values from one transaction, so they line up.
      const tx = this.db.transaction('highlight-search');
      this.buckets = Promise.all([tx.store.getAllKeys(), tx.store.getAll()]).then(
        ([keys, buckets]) => new Map(keys.map((key, i) => [key, buckets[i]!])),
        (error: unknown) => {
          this.buckets = undefined;
          throw error;
        },
      );
    }
    return this.buckets;
  }

  /** Updates the in-memory rows after a committed write, if they have been read. */
  private async remember(put: readonly Highlight[], removed: readonly string[] = []): Promise<void> {
    if (!this.buckets) return;
    const buckets = await this.buckets;
    for (const id of removed) {
      const bucket = buckets.get(bucketOf(id));
      if (bucket) removeRow(bucket, id);
    }
    for (const h of put) {
      const key = bucketOf(h.id);
      let bucket = buckets.get(key);
      if (!bucket) buckets.set(key, (bucket = emptyBucket()));
      putRow(bucket, searchRowOf(h));
    }
  }

  private writeTx(): WriteTx {
    return this.db.transaction([...WRITE_STORES], 'readwrite');
  }

  /** One highlight. */
  async get(id: string): Promise<Highlight | undefined> {
    return this.db.get('highlights', id);
  }

  /** A page's highlights, in the order they appear on it. */
  async forUrl(url: string): Promise<Highlight[]> {
    const found = await this.db.getAllFromIndex('highlights', 'by-url', url);
    return found.sort((a, b) => a.selectors[1].start - b.selectors[1].start);
  }

  /** Highlights that mention a catalog entry (the multi-entry `by-entity` index), newest first. */
  async forEntity(entityId: string): Promise<Highlight[]> {
    const found = await this.db.getAllFromIndex('highlights', 'by-entity', entityId);
    return found.sort(byNewest);
  }

  /**
   * Count and newest update time of the highlights, read in one transaction:
   * every create, edit, delete, restore, import and clear changes it, so search
   * knows when to re-index them.
   */
  async fingerprint(): Promise<string> {
    const tx = this.db.transaction('highlights');
    const [count, newest] = await Promise.all([tx.store.count(), tx.store.index('by-updated').openCursor(null, 'prev')]);
    return `${count}:${newest?.key ?? 0}:${newest?.primaryKey ?? ''}`;
  }

  /** How many highlights are stored. */
  count(): Promise<number> {
    return this.db.count('highlights');
  }

  /** Stores a new highlight (fails if the id exists, or if it breaks a rule). */
  async add(highlight: Highlight, now = Date.now()): Promise<Highlight> {
    assertValidHighlights([highlight], now);
    const tx = this.writeTx();
    await Promise.all([tx.objectStore('highlights').add(highlight), writeSearchRows(tx, [highlight]), tx.done]);
    await this.remember([highlight]);
    return highlight;
  }

  /**
   * Applies a note/colour change; undefined when the highlight does not exist.
   * `updatedAt` never goes before `createdAt`, even after the clock was set back.
   */
  async update(id: string, patch: HighlightPatch, now = Date.now()): Promise<Highlight | undefined> {
    const tx = this.writeTx();
    const highlights = tx.objectStore('highlights');
    const current = await highlights.get(id);
    if (!current) {
      await tx.done;
      return undefined;
    }
    const next: Highlight = { ...current, updatedAt: Math.max(now, current.createdAt) };
    if (patch.colour !== undefined) next.colour = patch.colour;
    if (patch.note !== undefined) next.note = patch.note;
    try {
      assertValidHighlights([next], now);
    } catch (error) {
      // Nothing was written: end the transaction before refusing.
      await tx.done;
      throw error;
    }
    await Promise.all([highlights.put(next), writeSearchRows(tx, [next]), tx.done]);
    await this.remember([next]);
    return next;
  }

  /** Deletes highlights in one transaction and returns those that existed (for undo). */
  async deleteMany(ids: readonly string[]): Promise<Highlight[]> {
    assertValidIds(ids);
    const tx = this.writeTx();
    const highlights = tx.objectStore('highlights');
    const deleted: Highlight[] = [];
    for (const id of new Set(ids)) {
      const current = await highlights.get(id);
      if (!current) continue;
      deleted.push(current);
      await highlights.delete(id);
    }
    const removed = deleted.map((h) => h.id);
    await Promise.all([writeSearchRows(tx, [], removed), tx.done]);
    await this.remember([], removed);
    return deleted;
  }

  /** Puts highlights back exactly as they were (undo of a delete), in one transaction; all or none. */
  async restore(highlights: readonly Highlight[], now = Date.now()): Promise<void> {
    assertValidHighlights(highlights, now);
    const tx = this.writeTx();
    const store = tx.objectStore('highlights');
    await Promise.all([...highlights.map((h) => store.put(h)), writeSearchRows(tx, highlights), tx.done]);
    await this.remember(highlights);
  }

  /** Deletes every highlight; returns how many there were. */
  async clear(): Promise<number> {
    const tx = this.writeTx();
    const count = await tx.objectStore('highlights').count();
    await Promise.all([tx.objectStore('highlights').clear(), tx.objectStore('highlight-search').clear(), tx.done]);
    if (this.buckets) (await this.buckets).clear();
    return count;
  }

  /** Every highlight, newest first (read from the store: exports are rare, and holding every record in memory would cost more). */
  async everything(): Promise<Highlight[]> {
    return (await this.db.getAll('highlights')).sort(byNewest);
  }

  /** The manager's query: filter by text (quote, note, title, URL), site and entity; sort; page. */
  async list(query: HighlightQuery): Promise<{ items: Highlight[]; total: number }> {
    const needle = query.text ? foldForSearch(query.text.trim()) : '';
    const site = query.site?.trim().toLowerCase();
    const matches: Pick<SearchRow, 'id' | 'site' | 'createdAt'>[] = [];
    for (const bucket of (await this.searchBuckets()).values()) {
      const { ids, texts, sites, entityIds, createdAt } = bucket;
      for (let i = 0; i < ids.length; i++) {
        if (needle && !texts[i]!.includes(needle)) continue;
        if (site && sites[i] !== site) continue;
        if (query.entityId && !entityIds[i]!.includes(query.entityId)) continue;
        matches.push({ id: ids[i]!, site: sites[i]!, createdAt: createdAt[i]! });
      }
    }
    const sort = query.sort ?? 'newest';
    if (sort === 'newest') matches.sort(byNewest);
    else if (sort === 'oldest') matches.sort((a, b) => -byNewest(a, b));
    else matches.sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : byNewest(a, b)));
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    // Only the page shown is read whole, in one transaction.
    const tx = this.db.transaction('highlights');
    const items = await Promise.all(matches.slice(offset, offset + limit).map((row) => tx.store.get(row.id)));
    return { items: items.filter((h) => h !== undefined), total: matches.length };
  }

  /**
   * The highlights of the pages after `afterUrl` in address order, at least
   * `limit` of them unless fewer are left, and always every highlight of the
   * last page read: an export reads the store in pieces this way, each page's
   * highlights together.
   */
  async pagesAfter(afterUrl: string | null, limit: number): Promise<Highlight[]> {
    const tx = this.db.transaction('highlights');
    const index = tx.store.index('by-url');
    const batch = await index.getAll(afterUrl === null ? undefined : IDBKeyRange.lowerBound(afterUrl, true), limit);
    const last = batch.at(-1);
    if (batch.length < limit || !last) return batch;
    // The last page may go on past the limit: read it whole.
    const lastPage = await index.getAll(last.url);
    return [...batch.filter((h) => h.url !== last.url), ...lastPage];
  }

  /**
   * Writes imported highlights in one transaction. A highlight whose id is
   * stored replaces it when the file's version was modified later, and is
   * skipped otherwise; one whose page, quote and position match another
   * stored highlight is skipped (so importing the same file twice changes
   * nothing). The stored highlights are read inside that transaction, so a
   * save arriving meanwhile cannot slip between the check and the write.
   */
  async importMany(highlights: readonly Highlight[], now = Date.now()): Promise<ImportOutcome> {
    // Checked and turned into search rows part by part, with a turn of the event loop between parts, before the
    // transaction opens (a transaction would commit at such a turn): 100,000 records take seconds.
    const rows = new Map<Highlight, SearchRow>();
    for (let from = 0; from < highlights.length || from === 0; from += IMPORT_WRITE_BATCH) {
      assertValidHighlights(highlights, now, undefined, from, from + IMPORT_WRITE_BATCH);
      for (const h of highlights.slice(from, from + IMPORT_WRITE_BATCH)) rows.set(h, searchRowOf(h));
      if (from + IMPORT_WRITE_BATCH < highlights.length) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const tx = this.writeTx();
    const store = tx.objectStore('highlights');
    const existing = await store.getAll();
    const stored = new Map(existing.map((h) => [h.id, h]));
    const passages = new Set(existing.map(passageKey));
    const seen = new Set<string>();
    const fresh: Highlight[] = [];
    const newer: Highlight[] = [];
    for (const h of highlights) {
      if (seen.has(h.id)) continue;
      seen.add(h.id);
      const current = stored.get(h.id);
      if (current) {
        if (h.updatedAt > current.updatedAt) newer.push(h);
        continue;
      }
      const key = passageKey(h);
      if (passages.has(key)) continue;
      passages.add(key);
      fresh.push(h);
    }
    const writes = async () => {
      const requests: Promise<unknown>[] = [];
      const all = [...fresh, ...newer];
      for (let i = 0; i < all.length; i += IMPORT_WRITE_BATCH) {
        const batch = all.slice(i, i + IMPORT_WRITE_BATCH).map((h, j) => (i + j < fresh.length ? store.add(h) : store.put(h)));
        // Settled below, with every other request; marked handled so an early failure is not reported twice.
        for (const request of batch) request.catch(() => undefined);
        requests.push(...batch);
        // Waiting for a batch's last request lets the background answer other calls between batches, and the
        // transaction stays active (the next batch is queued in that request's success): one commit, all or nothing.
        if (i + IMPORT_WRITE_BATCH < all.length) await batch.at(-1);
      }
      return Promise.all(requests);
    };
    await Promise.all([writes(), writeSearchRows(tx, [...fresh, ...newer], [], newer.length === 0, (h) => rows.get(h)!), tx.done]);
    await this.remember([...fresh, ...newer]);
    return { added: fresh.length, updated: newer.length, skipped: highlights.length - fresh.length - newer.length };
  }
}
