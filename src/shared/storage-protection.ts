/**
 * Whether the browser may delete Backstory's data to free disk space, from
 * what the browser reports. Pure, so both browsers' answers are unit-tested.
 *
 * Checked in the real browsers (Chromium 156, Firefox ESR 153):
 * - Firefox grants `navigator.storage.persist()` without a prompt to an
 *   extension holding `unlimitedStorage`: `persisted()` is true.
 * - Chromium's service worker has no `persist()`, and from an extension page
 *   `persist()` answers false, so `persisted()` stays false; but Chromium's
 *   quota manager never evicts an origin with unlimited storage (an extension
 *   with the `unlimitedStorage` permission): its eviction selector
 *   (`storage/browser/quota/quota_database.cc`) skips the default bucket of any
 *   origin whose special storage policy is durable or unlimited. The data is
 *   kept all the same.
 */

/**
 * - `persistent`: the browser has marked our storage persistent;
 * - `unlimited`: not marked, but exempt from eviction (Chromium, `unlimitedStorage`);
 * - `best-effort`: the browser may clear it when disk space runs low.
 */
export type StorageProtection = 'persistent' | 'unlimited' | 'best-effort';

/** What the browser reports about our storage. */
export interface StorageFacts {
  /** `navigator.storage.persisted()`. */
  persisted: boolean;
  /** Whether we hold the `unlimitedStorage` permission. */
  unlimitedStorage: boolean;
  browser: 'chrome' | 'firefox';
}

/** How safe the data is from eviction. */
export function storageProtection(facts: StorageFacts): StorageProtection {
  if (facts.persisted) return 'persistent';
  // Firefox evicts best-effort storage whatever the quota; only Chromium exempts unlimited origins.
  if (facts.browser === 'chrome' && facts.unlimitedStorage) return 'unlimited';
  return 'best-effort';
}
