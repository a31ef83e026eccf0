import type { MatcherEntry } from '../../shared/matcher/types';
import { CallFailure, type Handlers } from '../router';
import type { Services } from '../services';

/** `corpus.matcherEntries` and `corpus.entry`: what the content script needs to recognise names. */
export function corpusHandlers(s: Services): Pick<Handlers, 'corpus.matcherEntries' | 'corpus.entry'> {
  // The matcher's input changes only when the corpus does: keep it for the background's lifetime.
  let cached: { hash: string; asOf: string; entries: MatcherEntry[] } | undefined;
  return {
    async 'corpus.matcherEntries'(_params, sender) {
      await s.ensureCorpus();
      const hash = (await s.corpus.loadedHash()) ?? '';
      if (cached?.hash !== hash) {
        const entries = await s.corpus.allEntries();
        cached = { hash, asOf: await s.corpus.asOf(), entries: entries.map(({ id, type, aliases }) => ({ id, type, aliases })) };
      }
      const excluded = sender.site ? ((await s.db.get('corrections', sender.site))?.excluded ?? []) : [];
      return { ...cached, excluded };
    },
    async 'corpus.entry'({ id }) {
      await s.ensureCorpus();
      const entry = await s.corpus.entry(id);
      if (!entry) throw new CallFailure('not-found', `No entry with id ${id}.`);
      return entry;
    },
  };
}
