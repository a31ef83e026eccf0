/**
 * `entries.*`: the reader's own entries. An entry is checked (no alias that
 * would mark common words), found in the library's articles with the same
 * matcher pages use, and stored with those mentions; its card is built from
 * them and from the reader's description, which the card marks as not from
 * the corpus.
 */
import { ownEntryId } from '../../shared/own-entry';
import { ownEntryMentions, ownEntryProblem, ownEntryRecord } from '../library/own-entries';
import { CallFailure, type Handlers } from '../router';
import type { Services } from '../services';

type OwnEntryCalls = 'entries.add' | 'entries.list' | 'entries.remove';

/** The own entries' handlers. */
export function ownEntryHandlers(s: Services): Pick<Handlers, OwnEntryCalls> {
  return {
    async 'entries.add'({ entry: input }) {
      const problem = ownEntryProblem(input);
      if (problem) throw new CallFailure('invalid-message', problem);
      const entry = ownEntryRecord(input, ownEntryId(input.name));
      const { snapshot } = await s.corpusModel.model();
      const mentions = ownEntryMentions([entry], snapshot.documents.values(), snapshot.passages.values());
      await s.ownEntries.save(entry, mentions);
      return entry;
    },
    'entries.list': () => s.ownEntries.list(),
    async 'entries.remove'({ id }) {
      return { removed: await s.ownEntries.remove(id) };
    },
  };
}
