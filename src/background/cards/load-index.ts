/**
 * Loads the corpus index from the database once per background lifetime, and
 * again only when the loaded corpus changes (a new bundle hash).
 */
import type { CorpusStore } from '../db/corpus-store';
import { buildCorpusIndex, type CorpusIndex } from './corpus-index';

/** Returns a loader that reads the store on first use and reuses the index while the hash holds. */
export function corpusIndexLoader(store: CorpusStore, ensureCorpus: () => Promise<void>): () => Promise<CorpusIndex> {
  let loading: Promise<CorpusIndex> | undefined;
  return async () => {
    await ensureCorpus();
    const hash = (await store.loadedHash()) ?? '';
    if (loading) {
      const index = await loading.catch(() => undefined);
      if (index?.hash === hash) return index;
    }
    loading = store.readAll().then((records) => buildCorpusIndex({ ...records, hash }));
    return loading;
  };
}
