import type { Handlers } from '../router';
import type { Services } from '../services';

/** `app.*`: status and storage figures. */
export function appHandlers(s: Services): Pick<Handlers, 'app.status'> {
  return {
    async 'app.status'() {
      await s.ensureCorpus();
      const [corpusHash, entries, highlights] = await Promise.all([s.corpus.loadedHash(), s.db.count('entries'), s.db.count('highlights')]);
      let storage: { usage?: number; quota?: number; persisted: boolean } = { persisted: false };
      try {
        const estimate = await navigator.storage.estimate();
        storage = { usage: estimate.usage, quota: estimate.quota, persisted: await navigator.storage.persisted() };
      } catch {
        // Storage figures are informative only.
      }
      return { version: __VERSION__, corpusHash: corpusHash ?? '', entries, highlights, storage };
    },
  };
}
