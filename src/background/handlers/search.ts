/**
 * `search.query`: ranked search over entries, passages and highlights. The
 * index lives in the background's memory (see `search/search-index.ts` for
 * why) and is refreshed before each query.
 */
import type { Handlers } from '../router';
import type { Services } from '../services';
import { snapshotCache } from '../search/corpus-snapshot';
import { SearchIndex } from '../search/search-index';

/**
 * Count and newest update time of the highlights: every create, edit, delete,
 * restore, import and clear changes one of them.
 */
async function highlightsFingerprint(s: Services): Promise<string> {
  const tx = s.db.transaction('highlights');
  const [count, newest] = await Promise.all([tx.store.count(), tx.store.index('by-updated').openCursor(null, 'prev')]);
  return `${count}:${newest?.key ?? 0}:${newest?.primaryKey ?? ''}`;
}

/** The search handler. */
export function searchHandlers(s: Services): Pick<Handlers, 'search.query' | 'search.prepare'> {
  const snapshot = snapshotCache(s.corpus, () => s.ensureCorpus());
  const index = new SearchIndex();
  // Queries arrive one per keystroke: refresh one at a time so two never rebuild together.
  let refreshing: Promise<void> = Promise.resolve();
  const refresh = async (): Promise<void> => {
    const [snap, fingerprint] = await Promise.all([snapshot(), highlightsFingerprint(s)]);
    refreshing = refreshing
      .catch(() => undefined)
      .then(() => index.refresh({ snapshot: snap, highlightsFingerprint: fingerprint, highlights: () => s.db.getAll('highlights') }));
    await refreshing;
  };
  return {
    async 'search.query'({ q, limit }) {
      await refresh();
      return index.query(q, limit);
    },
    async 'search.prepare'() {
      await refresh();
      return null;
    },
  };
}
