/**
 * The entry card's links on the options page: excerpts open the reader at
 * their passage, related entries open the entry's page, and a card listing
 * only the newest highlights links to the manager showing all of them.
 */
import type { CardLinks } from '../components/entry-card/entry-card';
import { entryHighlightsHref, entryHref, readerHref } from './route';

/** Links for cards shown on the options page. */
export const OPTIONS_CARD_LINKS: CardLinks = {
  readerHref: (documentId, passageId) => readerHref(documentId, passageId),
  onOpenEntry: (ref) => {
    location.hash = entryHref(ref.id);
  },
  highlightsHref: entryHighlightsHref,
};
