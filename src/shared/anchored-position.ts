/**
 * Where a floating panel of ours goes beside the thing it is about: the hover
 * card below a name, the save toolbar and the highlight popover above a
 * passage, the options reader's card popover below a name. Pure arithmetic on
 * viewport coordinates (client rects), so it is tested without a browser; the
 * page side measures and writes in `content/dom/anchored-element.ts`, the
 * options page in `options/views/card-popover.tsx`.
 *
 * The rules, in order:
 * 1. The panel goes on the preferred side (above or below the anchor), a gap
 *    away from it; when it does not fit there (inside the viewport less a
 *    margin) and fits better on the other side, it goes there instead.
 * 2. Along the line it is aligned with the anchor's inline start (its left in
 *    left-to-right text, its right in right-to-left text) or centred on it,
 *    then shifted to stay inside the viewport with the margin.
 * 3. It is never moved up or down onto the anchor: a panel with no room on
 *    either side runs off the viewport rather than cover the name or the
 *    passage it explains. Only the horizontal position is clamped.
 *
 * Our own rather than floating-ui's `flip`/`shift`/`offset`/`size`: the
 * content script is parsed on every page, and these rules need a few lines,
 * not a positioning library. The options page uses the same rules, so the
 * two places a card opens agree.
 */

/** A box in viewport (client) coordinates; a `DOMRect` is one. */
export interface Box {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Which side of the anchor the panel goes on. */
export type Side = 'top' | 'bottom';

/** What {@link anchoredPosition} needs. */
export interface AnchoredRequest {
  /** The anchor's bounding box (a name's mark, a selection's range). */
  anchor: Box;
  /** The panel's size as laid out now. */
  floating: { readonly width: number; readonly height: number };
  /** The viewport's size (without scrollbars). */
  viewport: { readonly width: number; readonly height: number };
  /** The side to use when it fits. */
  side: Side;
  /**
   * `start`: the panel's edge on the anchor's inline start (see `rtl`);
   * `center`: centred on the anchor.
   */
  align: 'start' | 'center';
  /** The anchor's text runs right to left: its start is its right edge. */
  rtl?: boolean;
  /** Room between the anchor and the panel, px. */
  gap?: number;
  /** Room kept between the panel and the viewport's edges, px. */
  margin?: number;
  /**
   * Let the panel's height follow the room on its side: the answer's
   * `maxHeight` is that room, kept within `min`…`max`, and the panel is placed
   * with its height capped at it.
   */
  fitHeight?: { readonly min: number; readonly max: number };
}

/** Where the panel goes: its top-left corner in viewport coordinates. */
export interface AnchoredPosition {
  top: number;
  left: number;
  /** The side used: the preferred one, or the other when only that one fits. */
  side: Side;
  /** With `fitHeight`: the height to cap the panel at. */
  maxHeight?: number;
}

/** Room between the anchor and the panel, and between the panel and the viewport's edges, by default. */
const DEFAULT_GAP = 8;
const DEFAULT_MARGIN = 8;

/** Places a panel beside an anchor: see the module's comment for the rules. */
export function anchoredPosition(request: AnchoredRequest): AnchoredPosition {
  const { anchor, floating, viewport, fitHeight } = request;
  const gap = request.gap ?? DEFAULT_GAP;
  const margin = request.margin ?? DEFAULT_MARGIN;
  // Room for the panel on each side, between the gap and the viewport's margin.
  const room = (side: Side): number => (side === 'top' ? anchor.top - gap - margin : viewport.height - margin - anchor.bottom - gap);
  const other: Side = request.side === 'top' ? 'bottom' : 'top';
  // The height the side is chosen by is the panel's own: a panel that could be
  // shortened to fit is still better off where it fits whole.
  let side = request.side;
  if (floating.height > room(side) && room(other) > room(side)) side = other;

  let height = floating.height;
  let maxHeight: number | undefined;
  if (fitHeight) {
    maxHeight = Math.max(fitHeight.min, Math.min(room(side), fitHeight.max));
    height = Math.min(height, maxHeight);
  }
  // Never onto the anchor: above ends a gap before its top, below starts a gap after its bottom.
  const top = side === 'top' ? anchor.top - gap - height : anchor.bottom + gap;

  const wanted =
    request.align === 'center' ? (anchor.left + anchor.right - floating.width) / 2 : request.rtl ? anchor.right - floating.width : anchor.left;
  // Shift inside the viewport; a panel wider than the room keeps its left edge visible.
  const left = Math.max(margin, Math.min(wanted, viewport.width - margin - floating.width));
  return maxHeight === undefined ? { top, left, side } : { top, left, side, maxHeight };
}
