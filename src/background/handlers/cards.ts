import type { Highlight } from '../../shared/highlight';
import type { EntryCard } from '../../shared/card';
import { assembleCard } from '../cards/assemble';
import type { Handlers } from '../router';
import type { Services } from '../services';

/**
 * The reader's highlights per entry id, read from the `by-entity` index in one
 * transaction. Read from the store directly (not through the highlights
 * capability) so cards show highlights as soon as any exist.
 */
async function highlightsByEntity(s: Services, ids: readonly string[]): Promise<Map<string, Highlight[]>> {
  const index = s.db.transaction('highlights').store.index('by-entity');
  const lists = await Promise.all(ids.map((id) => index.getAll(id)));
  return new Map(ids.map((id, i) => [id, lists[i]!]));
}

/** `corpus.cards`: the background cards of many entries in one batch (unknown ids are left out). */
export function cardHandlers(s: Services): Pick<Handlers, 'corpus.cards'> {
  return {
    async 'corpus.cards'({ ids, context }) {
      const index = await s.corpusIndex();
      const known = [...new Set(ids)].filter((id) => index.entries.has(id));
      const highlights = await highlightsByEntity(s, known);
      return known
        .map((id) => assembleCard(index, id, { sentence: context?.[id], highlights: highlights.get(id) }))
        .filter((card): card is EntryCard => card !== undefined);
    },
  };
}
