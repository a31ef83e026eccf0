// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { nameReadsRightToLeft, placeCard } from './card-placement';

/** A DOMRect-like box. */
function rect(left: number, top: number, width: number, height: number): DOMRect {
  return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) };
}

describe('placeCard', () => {
  it("hangs the card from the name's start: its left in left-to-right text, its right in right-to-left text, whatever the card's direction", async () => {
    document.body.innerHTML = `<p id="en">Putin</p><p id="ar" style="direction: rtl">بوتين</p>
<div id="ltr-card" style="direction: ltr"></div><div id="rtl-card" style="direction: rtl"></div>`;
    const el = (id: string) => document.getElementById(id) as HTMLElement;
    el('en').getBoundingClientRect = () => rect(100, 100, 50, 20);
    el('ar').getBoundingClientRect = () => rect(600, 100, 50, 20);
    for (const id of ['ltr-card', 'rtl-card']) {
      const card = el(id);
      // The card's box where its style put it (the viewport is its containing block).
      card.getBoundingClientRect = () => rect(parseFloat(card.style.left) || 0, parseFloat(card.style.top) || 0, 400, 300);
      placeCard(el('en'), card);
      expect(card.getBoundingClientRect().left, id).toBe(100);
      placeCard(el('ar'), card);
      expect(card.getBoundingClientRect().right, id).toBe(650);
      // Below the name, never over it.
      expect(card.getBoundingClientRect().top, id).toBe(128);
    }
    expect(nameReadsRightToLeft(el('en'))).toBe(false);
    expect(nameReadsRightToLeft(el('ar'))).toBe(true);
  });

  it('puts the card above the name when there is no room below, with a height that fits', async () => {
    document.body.innerHTML = '<p id="name">Assad</p><div id="card"></div>';
    const name = document.getElementById('name')!;
    const card = document.getElementById('card')!;
    name.getBoundingClientRect = () => rect(100, 700, 50, 20);
    card.getBoundingClientRect = () => rect(parseFloat(card.style.left) || 0, parseFloat(card.style.top) || 0, 400, 300);
    placeCard(name, card);
    // 768 px viewport: 40 px below the name, 684 above.
    expect(card.style.top).toBe(`${700 - 8 - 300}px`);
    expect(card.style.maxHeight).toBe('560px');
  });
});
