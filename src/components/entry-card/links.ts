/**
 * What the card needs from its host to link and navigate. The card never
 * touches the browser API itself: the page-side container and the options
 * page each supply these, so the card renders the same in both and in tests.
 */
import type { EntryRef } from '../../shared/card';

/** Link builders and navigation callbacks of a card. */
export interface CardLinks {
  /** The URL of the extension's reader at a passage (`options.html#reader/<doc>/<passage>`). */
  readerHref(documentId: string, passageId: string): string;
  /** Opens another entry's card in place (related entries, timeline, participants). */
  onOpenEntry(ref: EntryRef): void;
  /** The URL of the highlights manager showing the highlights that mention an entry; absent where the card lists none. */
  highlightsHref?(entryId: string): string;
}
