import type { Handlers } from '../router';
import type { Services } from '../services';

/**
 * `corpus.cards`: the background cards of many entries in one batch (unknown
 * ids are left out), from the stored card seeds (see `cards/card-source.ts`).
 */
export function cardHandlers(s: Services): Pick<Handlers, 'corpus.cards'> {
  return {
    'corpus.cards': ({ ids, context }) => s.cards.cards(ids, context),
  };
}
