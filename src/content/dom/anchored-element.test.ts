// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { followMoves, keepAnchored, placeAnchored } from './anchored-element';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** A DOMRect-like box. */
function rect(left: number, top: number, width: number, height: number): DOMRect {
  return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) };
}

/**
 * A panel whose measured box follows what was written on it, from a containing
 * block at `origin` (the viewport's corner, or a transformed root's), with the
 * CSS cap `cap` on its height when no inline max-height is set.
 */
function panel(width: number, height: number, origin = { x: 0, y: 0 }, cap = Infinity): HTMLElement {
  const el = document.createElement('div');
  document.body.append(el);
  el.getBoundingClientRect = () => {
    const translate = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(el.style.transform);
    const x = (parseFloat(el.style.left) || 0) + (translate ? Number(translate[1]) : 0);
    const y = (parseFloat(el.style.top) || 0) + (translate ? Number(translate[2]) : 0);
    const max = parseFloat(el.style.maxHeight) || cap;
    return rect(origin.x + x, origin.y + y, width, Math.min(height, max));
  };
  return el;
}

describe('placeAnchored', () => {
  it('writes left/top or a transform, in whole pixels, where anchoredPosition says', () => {
    const anchor = { getBoundingClientRect: () => rect(100.4, 100, 60, 20) };
    const card = panel(400, 200);
    expect(placeAnchored(anchor, card, { side: 'bottom', align: 'start', via: 'inset' })).toMatchObject({ side: 'bottom', top: 128, left: 100.4 });
    expect([card.style.left, card.style.top, card.style.transform]).toEqual(['100px', '128px', '']);

    const toolbar = panel(100, 40);
    placeAnchored(anchor, toolbar, { side: 'top', align: 'center', via: 'translate' });
    expect(toolbar.style.transform).toBe('translate(80px, 52px)');
    expect(toolbar.style.left).toBe('');
  });

  it("allows for a containing block that is not the viewport's corner (a page's transformed root)", () => {
    const anchor = { getBoundingClientRect: () => rect(100, 300, 60, 20) };
    const el = panel(400, 200, { x: 0, y: -250 });
    placeAnchored(anchor, el, { side: 'bottom', align: 'start', via: 'inset' });
    expect(el.getBoundingClientRect()).toMatchObject({ left: 100, top: 328 });
    // Again after a scroll moved the block: still beside the anchor.
    placeAnchored(anchor, el, { side: 'bottom', align: 'start', via: 'inset' });
    expect(el.getBoundingClientRect()).toMatchObject({ left: 100, top: 328 });
  });

  it('measures the panel without its last height cap, then caps it to the room', () => {
    const card = panel(400, 500, undefined, 560);
    // Little room below (768 - 8 - 620 - 8 = 132), more above: placed above by its capped height.
    placeAnchored({ getBoundingClientRect: () => rect(100, 600, 60, 20) }, card, { side: 'bottom', align: 'start', via: 'inset', fitHeight: { min: 140, max: 560 } });
    expect(card.style.maxHeight).toBe('560px');
    expect(card.style.top).toBe(`${600 - 8 - 500}px`);
    // Capped at 150 px by an earlier placement, now with 180 px below the name (768 - 8 - 580 - 8) and 552 above:
    // measured by its own 500 px, which fit only above, not by the old cap, which fit below.
    card.style.maxHeight = '150px';
    placeAnchored({ getBoundingClientRect: () => rect(100, 560, 60, 20) }, card, { side: 'bottom', align: 'start', via: 'inset', fitHeight: { min: 140, max: 560 } });
    expect(card.style.maxHeight).toBe(`${560 - 16}px`);
    expect(card.style.top).toBe(`${560 - 8 - 500}px`);
  });
});

describe('followMoves', () => {
  it('hears any scroller, re-places once per frame however many events come, until stopped', async () => {
    document.body.innerHTML = '<div id="scroller"></div>';
    const move = vi.fn();
    const stop = followMoves(document, move);
    // A nested scroller's scroll does not bubble: only a capturing listener hears it.
    document.getElementById('scroller')!.dispatchEvent(new Event('scroll'));
    await frame();
    await frame();
    expect(move).toHaveBeenCalledTimes(1);

    document.dispatchEvent(new Event('scroll'));
    document.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    expect(move).toHaveBeenCalledTimes(1);
    await frame();
    await frame();
    expect(move).toHaveBeenCalledTimes(2);

    stop();
    document.dispatchEvent(new Event('scroll'));
    await frame();
    await frame();
    expect(move).toHaveBeenCalledTimes(2);
  });
});

describe('keepAnchored', () => {
  it('places at once, follows the anchor through scrolls, and stops when told', async () => {
    let anchorTop = 300;
    const anchor = { getBoundingClientRect: () => rect(200, anchorTop, 100, 20) };
    const el = panel(100, 40);
    const stop = keepAnchored(anchor, el, { side: 'top', align: 'center', via: 'translate' });
    expect(el.style.transform).toBe('translate(200px, 252px)');

    anchorTop = 200;
    document.dispatchEvent(new Event('scroll'));
    await frame();
    await frame();
    expect(el.style.transform).toBe('translate(200px, 152px)');

    stop();
    anchorTop = 100;
    document.dispatchEvent(new Event('scroll'));
    await frame();
    await frame();
    expect(el.style.transform).toBe('translate(200px, 152px)');
  });
});
