/**
 * `search.query`: ranked search over entries, passages and highlights. The
 * index lives in the background's memory (see `search/search-index.ts` for
 * why) and is refreshed before each query.
 */
import type { Handlers } from '../router';
import type { Services } from '../services';
import { SearchIndex } from '../search/search-index';

/** The search handler. */
export function searchHandlers(s: Services): Pick<Handlers, 'search.query' | 'search.prepare'> {
  const index = new SearchIndex();
  // Queries arrive one per keystroke: refresh one at a time so two never rebuild together.
  let refreshing: Promise<void> = Promise.resolve();
  const refresh = async (): Promise<void> => {
    const [snap, fingerprint] = await Promise.all([s.corpusModel.model().then((m) => m.snapshot), s.highlights.fingerprint()]);
    refreshing = refreshing
      .catch(() => undefined)
      .then(() => index.refresh({ snapshot: snap, highlightsFingerprint: fingerprint, highlights: () => s.highlights.everything() }));
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
