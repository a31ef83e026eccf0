/**
 * Where the card sits: below the name (above when there is no room), inside
 * the viewport, with a height that fits. One floating-ui `computePosition` per
 * placement; the controller places the card once per open and again only
 * when something moved it (a scroll, a resize, new content).
 *
 * Why not floating-ui's `autoUpdate`: it walks every overflow ancestor of the
 * name with `getComputedStyle` when it starts, places the card at once and
 * then again from its ResizeObserver's and IntersectionObserver's first
 * callbacks, so the frame that first shows a card paid for two or three
 * layouts and placements (3–10 ms of a 16 ms budget on the bench pages). Here
 * one capturing `scroll` listener on the document hears every scroller, and
 * moves are coalesced to one placement per animation frame.
 */
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';

/** Room kept between the card and the viewport's edges. */
const PADDING = 8;

const MIDDLEWARE = [
  offset(8),
  flip({ padding: PADDING }),
  shift({ padding: PADDING }),
  size({
    padding: PADDING,
    apply({ availableHeight, elements }) {
      elements.floating.style.maxHeight = `${Math.max(140, Math.min(availableHeight, 560))}px`;
    },
  }),
];

/**
 * Below the name, aligned with the name's start: its left edge in left-to-right
 * text, its right edge in right-to-left text (an Arabic page, or an Arabic
 * quote inside an English one), so the card hangs where the reader's eye
 * comes from. floating-ui reads `-start` in the card's own direction, which
 * is our UI's (see shadow-host.ts), not the name's: when the two differ the
 * name's start is the card's end.
 */
export function cardPlacement(reference: Element, floating: HTMLElement): 'bottom-start' | 'bottom-end' {
  const view = reference.ownerDocument.defaultView;
  if (!view) return 'bottom-start';
  const rtl = (el: Element) => view.getComputedStyle(el).direction === 'rtl';
  return rtl(reference) === rtl(floating) ? 'bottom-start' : 'bottom-end';
}

/**
 * Places `floating` (position: fixed) against `reference`. floating-ui's DOM
 * platform is synchronous, so this settles within the current task's
 * microtasks: the card is placed before the frame that paints it.
 */
export async function placeCard(reference: Element, floating: HTMLElement): Promise<void> {
  const { x, y } = await computePosition(reference, floating, { strategy: 'fixed', placement: cardPlacement(reference, floating), middleware: MIDDLEWARE });
  floating.style.left = `${x}px`;
  floating.style.top = `${y}px`;
}

/**
 * Calls `move` at most once per animation frame while the page (or any
 * scroller in it) scrolls or the window resizes, until the returned function
 * is called.
 */
export function followMoves(doc: Document, move: () => void): () => void {
  const win = doc.defaultView;
  if (!win) return () => undefined;
  let frame = 0;
  const schedule = () => {
    if (frame === 0) {
      frame = win.requestAnimationFrame(() => {
        frame = 0;
        move();
      });
    }
  };
  const options: AddEventListenerOptions = { capture: true, passive: true };
  doc.addEventListener('scroll', schedule, options);
  win.addEventListener('resize', schedule, options);
  return () => {
    doc.removeEventListener('scroll', schedule, options);
    win.removeEventListener('resize', schedule, options);
    if (frame !== 0) win.cancelAnimationFrame(frame);
    frame = 0;
  };
}
