import { MAX_CORRECTIONS_PER_SITE } from '../../shared/settings';
import type { Database } from './open';

/** Why `CorrectionStore.add` refused: the site holds the most corrections kept. */
export class TooManyCorrections extends Error {
  constructor() {
    super(`This site already holds ${MAX_CORRECTIONS_PER_SITE.toLocaleString('en')} corrections, the most Backstory keeps.`);
  }
}

/** "Not this one" corrections, per site: the entries the reader said a site's marks got wrong. */
export class CorrectionStore {
  constructor(private readonly db: Database) {}

  /** The entry ids excluded on `site` (none for an unknown site). */
  async forSite(site: string): Promise<string[]> {
    return (await this.db.get('corrections', site))?.excluded ?? [];
  }

  /**
   * Adds `entryId` to the site's exclusions in one transaction and returns
   * them all; throws `TooManyCorrections`, writing nothing, when the site is full.
   */
  async add(site: string, entryId: string): Promise<string[]> {
    const tx = this.db.transaction('corrections', 'readwrite');
    const record = (await tx.store.get(site)) ?? { site, excluded: [] };
    if (!record.excluded.includes(entryId)) {
      if (record.excluded.length >= MAX_CORRECTIONS_PER_SITE) {
        // The transaction ends unused: nothing is written.
        await tx.done;
        throw new TooManyCorrections();
      }
      record.excluded.push(entryId);
    }
    await tx.store.put(record);
    await tx.done;
    return record.excluded;
  }
}
