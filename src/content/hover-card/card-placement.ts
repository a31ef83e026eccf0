/**
 * Where the card sits: below the name (above when there is no room), inside
 * the viewport, with a height that fits, never over the name it explains.
 * One placement (`placeAnchored`, one layout read) per call; the view
 * places the card once per render and again only when something moved it (a
 * scroll, a resize, new content), following moves with `followMoves`.
 */
import { placeAnchored, type PlaceOptions } from '../dom/anchored-element';

/** The card's height follows the room below (or above) the name, within these bounds, px. */
const FIT_HEIGHT = { min: 140, max: 560 };

/**
 * Whether the name reads right to left (an Arabic page, or an Arabic quote
 * inside an English one). The card then hangs from the name's right edge, its
 * start, where the reader's eye comes from; the card's own direction is our
 * UI's (see shadow-host.ts) and does not matter.
 */
export function nameReadsRightToLeft(reference: Element): boolean {
  const view = reference.ownerDocument.defaultView;
  return view !== null && view.getComputedStyle(reference).direction === 'rtl';
}

/**
 * Places `floating` (position: fixed) below `reference`, aligned with the
 * name's start: its left edge in left-to-right text, its right edge in
 * right-to-left text. Synchronous, so the card is placed before the frame
 * that paints it.
 */
export function placeCard(reference: Element, floating: HTMLElement): void {
  const options: PlaceOptions = { side: 'bottom', align: 'start', rtl: nameReadsRightToLeft(reference), fitHeight: FIT_HEIGHT, via: 'inset' };
  placeAnchored(reference, floating, options);
}
