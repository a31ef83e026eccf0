/**
 * An entry's related actors and events, each with the corpus sentence that
 * shows the relation: curated (authored) relations first, then the entries the
 * corpus names most often in the same sentence.
 */
import type { RelatedEntry } from '../../shared/card';
import type { EntryRelation } from '../../shared/corpus';
import type { CorpusIndex } from './corpus-index';
import { excerptOf } from './excerpts';
import { refOf } from './timeline';

/** How many related entries a card lists at most. */
export const RELATED_PER_CARD = 8;

/** Related entries of `entryId`, strongest evidence first. */
export function relatedEntries(index: CorpusIndex, entryId: string, max = RELATED_PER_CARD): RelatedEntry[] {
  const self = index.entries.get(entryId);
  if (!self) return [];
  const relations = index.relationsByEntry.get(entryId) ?? [];
  const rank = (r: EntryRelation): number => (r.kind === 'authored' ? (r.from === entryId ? 0 : 1) : 2);
  const ordered = [...relations].sort(
    (a, b) => rank(a) - rank(b) || b.passageIds.length - a.passageIds.length || a.id.localeCompare(b.id),
  );
  const result: RelatedEntry[] = [];
  const seen = new Set<string>([entryId]);
  for (const relation of ordered) {
    if (result.length >= max) break;
    const otherId = relation.from === entryId ? relation.to : relation.from;
    if (seen.has(otherId)) continue;
    const other = refOf(index, otherId);
    if (!other) continue;
    seen.add(otherId);
    const fromName = relation.from === entryId ? self.name : other.name;
    const toName = relation.from === entryId ? other.name : self.name;
    const n = relation.passageIds.length;
    const related: RelatedEntry = {
      ...other,
      kind: relation.kind,
      // Read as a sentence so the direction is never in doubt.
      relation: relation.kind === 'authored' ? `${fromName} ${relation.relation} ${toName}` : `Named together in ${n} ${n === 1 ? 'sentence' : 'sentences'}`,
    };
    const evidence = excerptOf(index, relation.passageIds[0]);
    if (evidence) related.evidence = evidence;
    if (relation.outsideCorpus) related.outsideCorpus = true;
    result.push(related);
  }
  return result;
}
