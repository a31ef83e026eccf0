import type { Handlers } from '../router';
import type { Services } from '../services';

/**
 * `corpus.cards`: the background cards of many entries in one batch (unknown
 * ids are left out), from the stored card seeds (see `cards/card-source.ts`).
 * A content script gets corpus content only, never the reader's highlights:
 * what a page-side card shows, the page may learn (see ARCHITECTURE, Privacy).
 */
export function cardHandlers(s: Services): Pick<Handlers, 'corpus.cards'> {
  return {
    'corpus.cards': ({ ids, context }, sender) => s.cards.cards(ids, context, { highlights: sender.kind === 'extension' }),
  };
}
