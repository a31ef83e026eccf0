/**
 * The prefetch cache of background cards. The content script asks for every
 * entry on the page in one batch right after annotation, so a card opens
 * without a visible wait; an entry not yet loaded is fetched on demand and its
 * card fills in when it arrives.
 */
import type { EntryCard } from '../../shared/card';
import { t } from '../../shared/i18n';
import type { CallResult } from '../../shared/protocol';

/** Fetches cards from the background (`corpus.cards`). */
export type FetchCards = (ids: string[], context: Record<string, string>) => Promise<CallResult<EntryCard[]>>;

/** Cards by entry id, with the batches still in flight. */
export class CardCache {
  private readonly cards = new Map<string, EntryCard>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly errors = new Map<string, string>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly fetchCards: FetchCards) {}

  /** The card of `id`, if loaded. */
  get(id: string): EntryCard | undefined {
    return this.cards.get(id);
  }

  /** True when the card of `id` is loaded or on its way. */
  knows(id: string): boolean {
    return this.cards.has(id) || this.pending.has(id);
  }

  /** Why the card of `id` could not be loaded, if it failed. */
  error(id: string): string | undefined {
    return this.errors.get(id);
  }

  /** Calls `listener` whenever cards arrive or fail; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads, in one batch, every id not loaded or in flight. Resolves when that batch has settled. */
  prefetch(ids: Iterable<string>, context: Record<string, string> = {}): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.cards.has(id) && !this.pending.has(id));
    if (missing.length === 0) return Promise.all([...new Set(ids)].map((id) => this.pending.get(id))).then(() => undefined);
    const batchContext: Record<string, string> = {};
    for (const id of missing) if (context[id]) batchContext[id] = context[id];
    const batch = this.fetchCards(missing, batchContext)
      .then((result) => {
        if (result.ok) {
          for (const card of result.value) this.cards.set(card.entry.id, card);
          for (const id of missing) {
            if (!this.cards.has(id)) this.errors.set(id, t('card_no_background'));
            else this.errors.delete(id);
          }
        } else {
          for (const id of missing) this.errors.set(id, t('card_load_failed', result.error.message));
        }
      })
      .catch((error: unknown) => {
        for (const id of missing) this.errors.set(id, t('card_load_failed', String(error)));
      })
      .finally(() => {
        for (const id of missing) this.pending.delete(id);
        for (const listener of this.listeners) listener();
      });
    for (const id of missing) this.pending.set(id, batch);
    return batch;
  }

  /** Forgets a failed load so the next open tries again. */
  retry(id: string): void {
    this.errors.delete(id);
  }
}
