/**
 * The reader's saved highlights in IndexedDB. Pages load their own highlights
 * through the `by-url` index; the manager's search, sorting and export work on
 * an in-memory copy that this store keeps in step with every write (the
 * background is the only writer), so searching 10,000 highlights is a scan of
 * an array rather than 10,000 record reads per keystroke.
 */
import type { Highlight, HighlightPatch } from '../../shared/highlight';
import type { HighlightQuery } from '../../shared/protocol';
import type { Database } from './open';

/** Default page size of {@link HighlightStore.list}. */
export const DEFAULT_PAGE_SIZE = 50;

/** What an import wrote. */
export interface ImportOutcome {
  added: number;
  skipped: number;
}

/** Lower case without diacritics, so "erdogan" finds "Erdoğan". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The key that makes two highlights "the same passage" on import: page, quote and place. */
export function passageKey(h: Pick<Highlight, 'url' | 'quote' | 'selectors'>): string {
  return `${h.url}\u0000${h.quote}\u0000${h.selectors[1].start}\u0000${h.selectors[1].end}`;
}

interface Cached {
  highlight: Highlight;
  /** Folded quote, note, title and URL. */
  haystack: string;
}

function cacheEntry(highlight: Highlight): Cached {
  return { highlight, haystack: foldForSearch(`${highlight.quote}\n${highlight.note}\n${highlight.title}\n${highlight.url}`) };
}

/** Newest first, then by id so paging is stable. */
function byNewest(a: Highlight, b: Highlight): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Saved highlights. */
export class HighlightStore {
  private cache: Promise<Map<string, Cached>> | undefined;

  constructor(private readonly db: Database) {}

  private all(): Promise<Map<string, Cached>> {
    this.cache ??= this.db.getAll('highlights').then(
      (records) => new Map(records.map((h) => [h.id, cacheEntry(h)])),
      (error: unknown) => {
        this.cache = undefined;
        throw error;
      },
    );
    return this.cache;
  }

  /** Updates the in-memory copy after a committed write, if it has been loaded. */
  private async remember(put: readonly Highlight[], removed: readonly string[] = []): Promise<void> {
    if (!this.cache) return;
    const map = await this.cache;
    for (const id of removed) map.delete(id);
    for (const h of put) map.set(h.id, cacheEntry(h));
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

  /** How many highlights are stored. */
  count(): Promise<number> {
    return this.db.count('highlights');
  }

  /** Stores a new highlight (fails if the id exists). */
  async add(highlight: Highlight): Promise<Highlight> {
    await this.db.add('highlights', highlight);
    await this.remember([highlight]);
    return highlight;
  }

  /** Applies a note/colour change; undefined when the highlight does not exist. */
  async update(id: string, patch: HighlightPatch, now = Date.now()): Promise<Highlight | undefined> {
    const tx = this.db.transaction('highlights', 'readwrite');
    const current = await tx.store.get(id);
    if (!current) {
      await tx.done;
      return undefined;
    }
    const next: Highlight = { ...current, updatedAt: now };
    if (patch.colour !== undefined) next.colour = patch.colour;
    if (patch.note !== undefined) next.note = patch.note;
    await tx.store.put(next);
    await tx.done;
    await this.remember([next]);
    return next;
  }

  /** Deletes highlights in one transaction and returns those that existed (for undo). */
  async deleteMany(ids: readonly string[]): Promise<Highlight[]> {
    const tx = this.db.transaction('highlights', 'readwrite');
    const deleted: Highlight[] = [];
    for (const id of new Set(ids)) {
      const current = await tx.store.get(id);
      if (!current) continue;
      deleted.push(current);
      await tx.store.delete(id);
    }
    await tx.done;
    await this.remember([], deleted.map((h) => h.id));
    return deleted;
  }

  /** Puts highlights back exactly as they were (undo of a delete), in one transaction. */
  async restore(highlights: readonly Highlight[]): Promise<void> {
    const tx = this.db.transaction('highlights', 'readwrite');
    await Promise.all([...highlights.map((h) => tx.store.put(h)), tx.done]);
    await this.remember(highlights);
  }

  /** Deletes every highlight; returns how many there were. */
  async clear(): Promise<number> {
    const tx = this.db.transaction('highlights', 'readwrite');
    const count = await tx.store.count();
    await tx.store.clear();
    await tx.done;
    if (this.cache) (await this.cache).clear();
    return count;
  }

  /** Every highlight, newest first. */
  async everything(): Promise<Highlight[]> {
    return [...(await this.all()).values()].map((c) => c.highlight).sort(byNewest);
  }

  /** The manager's query: filter by text (quote, note, title, URL), site and entity; sort; page. */
  async list(query: HighlightQuery): Promise<{ items: Highlight[]; total: number }> {
    const needle = query.text ? foldForSearch(query.text.trim()) : '';
    const site = query.site?.trim().toLowerCase();
    const matches: Highlight[] = [];
    for (const { highlight, haystack } of (await this.all()).values()) {
      if (needle && !haystack.includes(needle)) continue;
      if (site && highlight.site !== site) continue;
      if (query.entityId && !highlight.entityIds.includes(query.entityId)) continue;
      matches.push(highlight);
    }
    const sort = query.sort ?? 'newest';
    if (sort === 'newest') matches.sort(byNewest);
    else if (sort === 'oldest') matches.sort((a, b) => -byNewest(a, b));
    else matches.sort((a, b) => (a.site < b.site ? -1 : a.site > b.site ? 1 : byNewest(a, b)));
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    return { items: matches.slice(offset, offset + limit), total: matches.length };
  }

  /**
   * Writes imported highlights in one transaction, skipping any whose id is
   * already stored or whose page, quote and position match a stored one (so
   * importing the same file twice adds nothing).
   */
  async importMany(highlights: readonly Highlight[]): Promise<ImportOutcome> {
    const existing = await this.all();
    const ids = new Set(existing.keys());
    const passages = new Set([...existing.values()].map((c) => passageKey(c.highlight)));
    const fresh: Highlight[] = [];
    for (const h of highlights) {
      const key = passageKey(h);
      if (ids.has(h.id) || passages.has(key)) continue;
      ids.add(h.id);
      passages.add(key);
      fresh.push(h);
    }
    if (fresh.length) {
      const tx = this.db.transaction('highlights', 'readwrite');
      await Promise.all([...fresh.map((h) => tx.store.add(h)), tx.done]);
      await this.remember(fresh);
    }
    return { added: fresh.length, skipped: highlights.length - fresh.length };
  }
}
