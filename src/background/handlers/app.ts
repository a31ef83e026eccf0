import type { Handlers } from '../router';
import type { Services } from '../services';

/** `app.*`: status, storage figures and whether the browser may evict our data. */
export function appHandlers(s: Services): Pick<Handlers, 'app.status'> {
  return {
    async 'app.status'() {
      const [corpusHash, entries, highlights, storage] = await Promise.all([s.corpusModel.hash(), s.corpus.entryCount(), s.highlights.count(), s.storageStatus()]);
      return { version: __VERSION__, corpusHash, entries, highlights, storage };
    },
  };
}
