/**
 * The DOM side of `anchored-position.ts`: measures an anchor and one of our
 * floating panels (position: fixed inside a shadow host, see
 * `shadow-host.ts`), places the panel, and follows the page's scrolls and
 * resizes while the panel is open.
 *
 * Why not floating-ui's `autoUpdate`: it walks every overflow ancestor of the
 * anchor with `getComputedStyle` when it starts, places the panel at once and
 * then again from its ResizeObserver's and IntersectionObserver's first
 * callbacks, so the frame that first shows a hover card paid for two or three
 * layouts and placements (3–10 ms of a 16 ms budget on the bench pages). Here
 * one capturing `scroll` listener on the document hears every scroller, and
 * moves are coalesced to one placement per animation frame.
 */
import { anchoredPosition, type AnchoredPosition, type AnchoredRequest, type Box } from '../../shared/anchored-position';

/** What a panel can be anchored to: an element (a name's mark, a highlight) or a `Range` (the reader's selection). */
export interface Anchor {
  getBoundingClientRect(): Box;
}

/** How to place a panel: the rules of {@link anchoredPosition}, and how to move the panel. */
export interface PlaceOptions extends Pick<AnchoredRequest, 'side' | 'align' | 'rtl' | 'gap' | 'margin' | 'fitHeight'> {
  /**
   * `inset`: write `left` and `top`; `translate`: write a `transform`, which
   * leaves the panel's shrink-to-fit width alone wherever it goes (a
   * `position: fixed` box with `left` near the viewport's right edge is
   * squeezed into the room left of it).
   */
  via: 'inset' | 'translate';
}

/** What we last wrote on each panel, to tell our offset from its containing block's. */
const written = new WeakMap<HTMLElement, { x: number; y: number }>();

/**
 * The viewport's size without its scrollbars. In standards mode that is the
 * root's client size; in quirks mode the root's client size is its own box
 * (as tall as the page), so the window's is used.
 */
function viewportSize(doc: Document): { width: number; height: number } {
  const html = doc.documentElement;
  const win = doc.defaultView;
  const standards = doc.compatMode === 'CSS1Compat';
  return {
    width: (standards && html.clientWidth) || win?.innerWidth || 0,
    height: (standards && html.clientHeight) || win?.innerHeight || 0,
  };
}

/**
 * Places `floating` beside `anchor` now (one layout read, then writes) and
 * returns where it went.
 *
 * The panel is `position: fixed`, so its coordinates are the viewport's,
 * unless the page gave the root a `transform`, `filter` or the like: then its
 * containing block is the root's box. Its measured box minus what we wrote
 * last is that block's origin, which the written position allows for.
 */
export function placeAnchored(anchor: Anchor, floating: HTMLElement, options: PlaceOptions): AnchoredPosition {
  const { via, ...rules } = options;
  // Measure the panel's own height, not the cap of its last placement.
  if (rules.fitHeight) floating.style.maxHeight = '';
  const box = floating.getBoundingClientRect();
  const last = written.get(floating) ?? { x: 0, y: 0 };
  // A panel not laid out (display: none) has no box to take an origin from.
  const laidOut = box.width > 0 || box.height > 0;
  const originX = laidOut ? box.left - last.x : 0;
  const originY = laidOut ? box.top - last.y : 0;
  const position = anchoredPosition({
    ...rules,
    anchor: anchor.getBoundingClientRect(),
    floating: { width: box.width, height: box.height },
    viewport: viewportSize(floating.ownerDocument),
  });
  // Whole pixels: a panel on a fractional offset draws its text blurred.
  const x = Math.round(position.left - originX);
  const y = Math.round(position.top - originY);
  if (via === 'inset') {
    floating.style.left = `${x}px`;
    floating.style.top = `${y}px`;
  } else {
    floating.style.transform = `translate(${x}px, ${y}px)`;
  }
  if (position.maxHeight !== undefined) floating.style.maxHeight = `${position.maxHeight}px`;
  written.set(floating, { x, y });
  return position;
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
  // Capturing: a nested scroller's `scroll` does not bubble.
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

/**
 * Places `floating` beside `anchor` now and keeps it there while it is open:
 * after the page scrolls or resizes, and when the panel's own size changes
 * (an error shown, a section opened: above the anchor, a taller panel placed
 * by its old height would grow down over it). Call the returned function when
 * the panel closes.
 */
export function keepAnchored(anchor: Anchor, floating: HTMLElement, options: PlaceOptions): () => void {
  const place = () => {
    if (floating.isConnected) placeAnchored(anchor, floating, options);
  };
  place();
  const stopMoves = followMoves(floating.ownerDocument, place);
  const Observer = floating.ownerDocument.defaultView?.ResizeObserver;
  // Its callbacks run after layout and before paint: the panel is never drawn where its old size put it.
  const resizes = Observer ? new Observer(place) : undefined;
  resizes?.observe(floating);
  return () => {
    stopMoves();
    resizes?.disconnect();
  };
}
