/**
 * `entries.*`: the reader's own entries. An entry is checked (no alias that
 * would mark common words), found in the library's articles with the same
 * matcher pages use, and stored with those mentions; its card is built from
 * them and from the reader's description, which the card marks as not from
 * the corpus.
 */
import type { Entry } from '../../shared/corpus';
import { findMentions } from '../../shared/corpus-text';
import { compileMatcher } from '../../shared/matcher';
import { aliasProblem, ownEntryId } from '../../shared/own-entry';
import { CallFailure, type Handlers } from '../router';
import type { Services } from '../services';

type OwnEntryCalls = 'entries.add' | 'entries.list' | 'entries.remove';

/** The own entries' handlers. */
export function ownEntryHandlers(s: Services): Pick<Handlers, OwnEntryCalls> {
  return {
    async 'entries.add'({ entry: input }) {
      const names = [...new Set([input.name, ...input.aliases].map((a) => a.trim()).filter(Boolean))];
      for (const name of names) {
        const problem = aliasProblem(name);
        if (problem) throw new CallFailure('invalid-message', problem);
      }
      const id = ownEntryId(input.name);
      const entry: Entry = {
        id,
        name: input.name.trim(),
        type: input.type,
        aliases: names.map((text) => ({ text })),
        // The reader's words, with no corpus sentence behind them: the card says so.
        summary: input.description.trim() ? [{ text: input.description.trim(), passageIds: [], outsideCorpus: true }] : [],
        roles: [],
        dates: input.start ? [{ start: input.start, ...(input.end ? { end: input.end } : {}), passageIds: [] }] : [],
        participants: [],
        origin: 'user',
      };
      const { snapshot } = await s.corpusModel.model();
      const documents = [...snapshot.documents.values()].filter((d) => d.origin === 'user');
      const ids = new Set(documents.map((d) => d.id));
      const passages = [...snapshot.passages.values()].filter((p) => ids.has(p.documentId));
      const mentions = findMentions(documents, passages, compileMatcher([{ id, type: entry.type, aliases: entry.aliases }]));
      await s.ownEntries.save(entry, mentions);
      return entry;
    },
    'entries.list': () => s.ownEntries.list(),
    async 'entries.remove'({ id }) {
      return { removed: await s.ownEntries.remove(id) };
    },
  };
}
