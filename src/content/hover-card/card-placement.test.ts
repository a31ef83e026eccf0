// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { cardPlacement, followMoves } from './card-placement';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

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

describe('cardPlacement', () => {
  it("hangs the card from the name's start: its left in left-to-right text, its right in right-to-left text", () => {
    document.body.innerHTML = `<p id="en">Putin</p><p id="ar" style="direction: rtl">بوتين</p>
<div id="ltr-card" style="direction: ltr"></div><div id="rtl-card" style="direction: rtl"></div>`;
    const el = (id: string) => document.getElementById(id) as HTMLElement;
    expect(cardPlacement(el('en'), el('ltr-card'))).toBe('bottom-start');
    expect(cardPlacement(el('ar'), el('ltr-card'))).toBe('bottom-end');
    // floating-ui reads "start" in the card's direction: the same direction on both sides is the start again.
    expect(cardPlacement(el('ar'), el('rtl-card'))).toBe('bottom-start');
    expect(cardPlacement(el('en'), el('rtl-card'))).toBe('bottom-end');
  });
});
