/**
 * `corpus.entries`, `corpus.entryPage`, `corpus.documents`, `corpus.document`,
 * `corpus.timeline`, `corpus.graph`: the read-only views of the options page
 * (explorer, reader, timeline, relations). All are answered from the one
 * corpus model (`corpus/corpus-service.ts`), as cards are.
 */
import type { EntrySummary, Excerpt, RelatedEntry } from '../../shared/card';
import type { CorpusDocument } from '../../shared/corpus';
import { assembleCard } from '../cards/assemble';
import { CallFailure, type Handlers } from '../router';
import type { Services } from '../services';
import { refOf, timelineItemOf, type CorpusSnapshot } from '../search/corpus-snapshot';
import { byNewestThenReadingOrder, excerptOf } from '../search/excerpts';

type ExplorerCalls = 'corpus.entries' | 'corpus.entryPage' | 'corpus.documents' | 'corpus.document' | 'corpus.timeline' | 'corpus.graph';

/** Every passage that mentions an entry, newest document first. */
function passagesOf(snapshot: CorpusSnapshot, entryId: string): Excerpt[] {
  const ids = new Set((snapshot.mentionsByEntry.get(entryId) ?? []).map((m) => m.passageId));
  const excerpts: Excerpt[] = [];
  for (const id of ids) {
    const passage = snapshot.passages.get(id);
    if (passage) excerpts.push(excerptOf(passage, snapshot.documents));
  }
  return excerpts.sort(byNewestThenReadingOrder(snapshot.passages));
}

/** The entry's relations in both directions, authored ones first, then by evidence. */
function relationsOf(snapshot: CorpusSnapshot, entryId: string): RelatedEntry[] {
  const related: (RelatedEntry & { weight: number })[] = [];
  for (const r of snapshot.relations) {
    if (r.from !== entryId && r.to !== entryId) continue;
    const other = r.from === entryId ? r.to : r.from;
    // Authored relations read "<from> <relation> <to>"; seen from the other side, say so.
    const relation = r.from === entryId || r.kind === 'co-mention' ? r.relation : `${r.relation} (by ${refOf(snapshot, r.from).name})`;
    const item: RelatedEntry & { weight: number } = { ...refOf(snapshot, other), relation, kind: r.kind, weight: r.passageIds.length };
    const passage = r.passageIds.map((id) => snapshot.passages.get(id)).find((p) => p !== undefined);
    if (passage) item.evidence = excerptOf(passage, snapshot.documents);
    related.push(item);
  }
  related.sort((a, b) => (a.kind === b.kind ? b.weight - a.weight || a.name.localeCompare(b.name) : a.kind === 'authored' ? -1 : 1));
  return related.map(({ weight: _weight, ...rest }) => rest);
}

/** The explorer's handlers. */
export function explorerHandlers(s: Services): Pick<Handlers, ExplorerCalls> {
  const snapshot = async (): Promise<CorpusSnapshot> => (await s.corpusModel.model()).snapshot;
  return {
    async 'corpus.entries'() {
      const snap = await snapshot();
      const rows: EntrySummary[] = [...snap.entries.values()].map((e) => ({
        id: e.id,
        name: e.name,
        type: e.type,
        mentionCount: snap.mentionsByEntry.get(e.id)?.length ?? 0,
        summary: e.summary.map((f) => f.text).join(' '),
      }));
      return rows.sort((a, b) => a.name.localeCompare(b.name));
    },
    async 'corpus.entryPage'({ id }) {
      const model = await s.corpusModel.model();
      const snap = model.snapshot;
      if (!snap.entries.has(id)) throw new CallFailure('not-found', `No entry with id ${id}.`);
      const passages = passagesOf(snap, id);
      const relations = relationsOf(snap, id);
      // The card is the card helper's assembly, so the entry page shows exactly what the hover card shows.
      const highlights = await s.highlights.forEntity(id);
      const card = assembleCard(model.index, id, { highlights });
      if (!card) throw new CallFailure('not-found', `No entry with id ${id}.`);
      return { card, passages, relations };
    },
    async 'corpus.documents'() {
      const snap = await snapshot();
      // The list carries metadata only: the reader fetches one article's text when it opens it.
      const rows = [...snap.documents.values()].map(({ paragraphs: _paragraphs, ...meta }): Omit<CorpusDocument, 'paragraphs'> => meta);
      return rows.sort((a, b) => b.published.localeCompare(a.published) || a.title.localeCompare(b.title));
    },
    async 'corpus.document'({ id }) {
      await s.corpusModel.ready();
      const document = await s.corpus.document(id);
      if (!document) throw new CallFailure('not-found', `No article with id ${id}.`);
      return { document, passages: await s.corpus.passagesOf(id) };
    },
    async 'corpus.timeline'() {
      const snap = await snapshot();
      return snap.timeline.map((t) => timelineItemOf(snap, t));
    },
    async 'corpus.graph'() {
      const snap = await snapshot();
      const edges = snap.relations.map((r) => ({ from: r.from, to: r.to, weight: r.passageIds.length, relation: r.relation }));
      // Participation is authored on the event, not always as a relation: the timeline filters by it.
      const seen = new Set(snap.relations.map((r) => `${r.from}|${r.to}`));
      for (const entry of snap.entries.values()) {
        for (const actor of entry.participants) {
          if (!seen.has(`${actor}|${entry.id}`) && snap.entries.has(actor)) edges.push({ from: actor, to: entry.id, weight: 1, relation: 'took part in' });
        }
      }
      const ids = new Set(edges.flatMap((e) => [e.from, e.to]));
      return { nodes: [...ids].map((id) => refOf(snap, id)), edges };
    },
  };
}
