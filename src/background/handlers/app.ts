import type { Handlers } from '../router';
import type { Services } from '../services';

/** `app.*`: status, storage figures and whether the browser may evict our data. */
export function appHandlers(s: Services): Pick<Handlers, 'app.status'> {
  return {
    async 'app.status'() {
      await s.ensureCorpus();
      const [corpusHash, entries, highlights, storage] = await Promise.all([s.corpus.loadedHash(), s.db.count('entries'), s.db.count('highlights'), s.storageStatus()]);
      return { version: __VERSION__, corpusHash: corpusHash ?? '', entries, highlights, storage };
    },
  };
}
