import { describe, expect, it } from 'vitest';
import { anchoredPosition, type AnchoredPosition, type AnchoredRequest, type Box } from './anchored-position';

const VIEWPORT = { width: 1000, height: 800 };
const CARD = { width: 400, height: 300 };

/** A box from its left, top, width and height. */
function box(left: number, top: number, width: number, height: number): Box {
  return { left, top, right: left + width, bottom: top + height };
}

function place(request: Partial<AnchoredRequest> & Pick<AnchoredRequest, 'anchor'>): AnchoredPosition {
  return anchoredPosition({ floating: CARD, viewport: VIEWPORT, side: 'bottom', align: 'start', ...request });
}

/** The panel's box for a position. */
function panel(position: AnchoredPosition, size = CARD): Box {
  return box(position.left, position.top, size.width, Math.min(size.height, position.maxHeight ?? Infinity));
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function inside(a: Box, margin: number, viewport = VIEWPORT): boolean {
  return a.left >= margin && a.top >= margin && a.right <= viewport.width - margin && a.bottom <= viewport.height - margin;
}

describe('anchoredPosition', () => {
  it('puts the panel on the preferred side, a gap away, aligned with the anchor’s start', () => {
    const name = box(100, 100, 60, 20);
    expect(place({ anchor: name })).toEqual({ top: 128, left: 100, side: 'bottom' });
    expect(place({ anchor: box(100, 500, 60, 20), side: 'top' })).toEqual({ top: 500 - 8 - 300, left: 100, side: 'top' });
    expect(place({ anchor: name, gap: 4 }).top).toBe(124);
  });

  it('flips to the other side when the panel does not fit, and stays when neither side is better', () => {
    // Near the bottom: no room below, room above.
    const low = box(100, 700, 60, 20);
    const flipped = place({ anchor: low });
    expect(flipped.side).toBe('top');
    expect(flipped.top).toBe(700 - 8 - 300);
    expect(overlaps(panel(flipped), low)).toBe(false);
    // Near the top with the toolbar's preference (above): it goes below.
    const high = box(100, 20, 60, 20);
    expect(place({ anchor: high, side: 'top', floating: { width: 200, height: 40 } })).toMatchObject({ side: 'bottom', top: 48 });
    // Exactly fits below (bottom edge on the margin): no flip.
    const exact = box(100, 800 - 8 - 300 - 8 - 20, 60, 20);
    expect(place({ anchor: exact }).side).toBe('bottom');
    // One pixel lower it no longer fits, and above has more room.
    expect(place({ anchor: box(100, exact.top + 1, 60, 20) }).side).toBe('top');
  });

  it('shifts along the line to stay inside the viewport with its margin', () => {
    // Starting near the right edge: moved left until its right edge is 8 px in.
    expect(place({ anchor: box(900, 100, 60, 20) }).left).toBe(1000 - 8 - 400);
    // Centred over a name at the left edge: moved right to the margin.
    expect(place({ anchor: box(0, 300, 40, 20), align: 'center', side: 'top', floating: { width: 200, height: 40 } }).left).toBe(8);
    // A custom margin.
    expect(place({ anchor: box(900, 100, 60, 20), margin: 20 }).left).toBe(1000 - 20 - 400);
  });

  it('centres the panel on the anchor when asked', () => {
    const passage = box(300, 400, 200, 40);
    const position = place({ anchor: passage, align: 'center', side: 'top', floating: { width: 100, height: 40 } });
    expect(position.left).toBe(350);
    expect(position.top).toBe(400 - 8 - 40);
  });

  it('in right-to-left text aligns the panel’s right edge with the anchor’s right, its start', () => {
    const name = box(700, 100, 80, 20);
    const position = place({ anchor: name, rtl: true });
    expect(position.left + CARD.width).toBe(name.right);
    // At the right end of a right-to-left line: the card hangs from the right and stays inside.
    const atLineStart = place({ anchor: box(900, 100, 92, 20), rtl: true });
    expect(atLineStart.left + CARD.width).toBe(992);
    expect(inside(panel(atLineStart), 8)).toBe(true);
    // Near the left edge the shift keeps it inside.
    expect(place({ anchor: box(10, 100, 80, 20), rtl: true }).left).toBe(8);
    // Centred panels do not care about direction.
    const centred = { anchor: box(300, 400, 200, 40), align: 'center' as const, floating: { width: 100, height: 40 } };
    expect(place({ ...centred, rtl: true })).toEqual(place(centred));
  });

  it('never covers the anchor, wherever it is in the viewport', () => {
    for (let top = -40; top <= 840; top += 20) {
      for (let left = -20; left <= 1000; left += 130) {
        for (const side of ['top', 'bottom'] as const) {
          for (const rtl of [false, true]) {
            const anchor = box(left, top, 60, 20);
            const position = place({ anchor, side, rtl, fitHeight: { min: 140, max: 560 } });
            expect(overlaps(panel(position), anchor), JSON.stringify({ anchor, side, rtl, position })).toBe(false);
          }
        }
      }
    }
  });

  it('fits the height to the room on the chosen side, within its bounds', () => {
    const fit = { min: 140, max: 560 };
    // Plenty of room below: capped at the maximum, the panel keeps its own height.
    expect(place({ anchor: box(100, 20, 60, 20), fitHeight: fit })).toMatchObject({ side: 'bottom', top: 48, maxHeight: 560 });
    // A tall panel with too little room on both sides, more below: stays below, capped to the room.
    const tall = { width: 400, height: 600 };
    expect(place({ anchor: box(100, 300, 60, 20), floating: tall, fitHeight: fit })).toMatchObject({ side: 'bottom', top: 328, maxHeight: 800 - 8 - 320 - 8 });
    // Flipped above: placed by its capped height, so its bottom is a gap above the anchor.
    const low = box(100, 500, 60, 20);
    const above = place({ anchor: low, floating: tall, fitHeight: fit });
    expect(above).toMatchObject({ side: 'top', maxHeight: 500 - 8 - 8, top: 8 });
    expect(above.top + above.maxHeight!).toBe(low.top - 8);
  });

  it('in a viewport smaller than the panel: the left edge stays visible, and the panel takes the side with more room', () => {
    const small = { width: 320, height: 240 };
    const position = place({ anchor: box(200, 150, 60, 20), viewport: small });
    expect(position.left).toBe(8);
    expect(position.side).toBe('top');
    expect(position.top).toBe(150 - 8 - 300);
    // With a fitted height it shrinks to the room (not below its minimum) and still does not cover the name.
    const fitted = place({ anchor: box(200, 150, 60, 20), viewport: small, fitHeight: { min: 100, max: 560 } });
    expect(fitted).toMatchObject({ side: 'top', maxHeight: 150 - 16, top: 8 });
    // Less room than the minimum on both sides: the minimum, running off the viewport rather than over the name.
    const tiny = place({ anchor: box(200, 100, 60, 20), viewport: small, fitHeight: { min: 140, max: 560 } });
    expect(tiny).toMatchObject({ side: 'bottom', top: 128, maxHeight: 140 });
    expect(overlaps(panel(tiny), box(200, 100, 60, 20))).toBe(false);
  });
});
