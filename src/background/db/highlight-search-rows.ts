/**
 * The manager's search rows: for every highlight, the few fields the
 * `highlights.list` filter and sort read (folded text, site, entities, time),
 * stored beside the highlights in the `highlight-search` store and written in
 * the same transaction as every highlight write.
 *
 * Why a second store: a woken background must answer its first search without
 * reading 10,000 whole highlights (quote, selectors with their context, …);
 * in Chromium that read alone took 150-290 ms. The rows are packed into a
 * fixed number of buckets, one record each, as parallel arrays, because
 * IndexedDB's cost is per record: reading 64 bucket records of 10,000 rows
 * took 25-30 ms where 10,000 one-row records took about 100 ms. A save
 * rewrites one bucket (about 1/64 of the rows).
 */
import type { Highlight } from '../../shared/highlight';
import { foldForSearch } from '../../shared/search-fold';

/**
 * How many buckets the rows are spread over. Changing it moves rows between
 * buckets, so it needs a migration that rebuilds the store.
 */
export const SEARCH_BUCKETS = 64;

/** One highlight as the manager's search reads it. */
export interface SearchRow {
  id: string;
  /** Folded quote, note, title and URL, one per line. */
  text: string;
  site: string;
  entityIds: string[];
  createdAt: number;
}

/** One stored bucket: its rows as parallel arrays (row `i` is `ids[i]`, `texts[i]`, …). */
export interface SearchBucket {
  ids: string[];
  texts: string[];
  sites: string[];
  entityIds: string[][];
  createdAt: number[];
}

export function searchRowOf(h: Highlight): SearchRow {
  return { id: h.id, text: foldForSearch(`${h.quote}\n${h.note}\n${h.title}\n${h.url}`), site: h.site, entityIds: h.entityIds, createdAt: h.createdAt };
}

/** The bucket a highlight's row lives in: a hash of its id (FNV-1a), so it never moves. */
export function bucketOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SEARCH_BUCKETS;
}

/** An empty bucket. */
export function emptyBucket(): SearchBucket {
  return { ids: [], texts: [], sites: [], entityIds: [], createdAt: [] };
}

/** Adds or replaces a row in its bucket (in place). */
export function putRow(bucket: SearchBucket, row: SearchRow): void {
  const i = bucket.ids.indexOf(row.id);
  setRow(bucket, i < 0 ? bucket.ids.length : i, row);
}

/** Appends a row whose id the bucket is known not to hold (an import's fresh rows), without looking for it first. */
export function appendRow(bucket: SearchBucket, row: SearchRow): void {
  setRow(bucket, bucket.ids.length, row);
}

function setRow(bucket: SearchBucket, i: number, row: SearchRow): void {
  bucket.ids[i] = row.id;
  bucket.texts[i] = row.text;
  bucket.sites[i] = row.site;
  bucket.entityIds[i] = row.entityIds;
  bucket.createdAt[i] = row.createdAt;
}

/** Removes a row from its bucket (in place); false when it was not there. */
export function removeRow(bucket: SearchBucket, id: string): boolean {
  const i = bucket.ids.indexOf(id);
  if (i < 0) return false;
  // Order inside a bucket means nothing: the last row fills the hole.
  const last = bucket.ids.length - 1;
  for (const column of [bucket.ids, bucket.texts, bucket.sites, bucket.entityIds, bucket.createdAt] as unknown[][]) {
    column[i] = column[last];
    column.length = last;
  }
  return true;
}

/** Every highlight's row packed into buckets, keyed by bucket number (what the migration and a rebuild write). */
export function bucketsOf(highlights: Iterable<Highlight>): Map<number, SearchBucket> {
  const buckets = new Map<number, SearchBucket>();
  for (const h of highlights) {
    const key = bucketOf(h.id);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = emptyBucket()));
    // Highlight ids are the store's keys, so each is new to its bucket.
    appendRow(bucket, searchRowOf(h));
  }
  return buckets;
}
