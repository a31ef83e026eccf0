// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AHEAD_MIN_DELAY_MS, CardInput, type CardIntents, type OpenCard } from './card-input';
import { GRACE_MS } from './hover-intent';
import type { OpenedVia } from './card-session';
import { focusAsOurs } from '../trusted-input';
import { pointer } from '../../../tests/unit/dom-events';

const DELAY_MS = 400;

let lifetime: AbortController;
let input: CardInput;
/** What the input told the card, in order. */
let told: string[];
/** The card the fake says is open (the input asks; it keeps none of its own). */
let open: OpenCard | undefined;
/** The fake card's host element, which the input must treat as the card's own. */
let host: HTMLElement;
/** What the fake card answers to Tab. */
let tabTaken: boolean;

/** A card that records what the input tells it and opens whatever it is asked to. */
function fakeCard(): CardIntents {
  return {
    current: () => open,
    host: () => host,
    approach: (mark) => told.push(`approach ${mark.id}`),
    drawAhead: (mark) => told.push(`drawAhead ${mark.id}`),
    dropAhead: () => told.push('dropAhead'),
    open: (mark: Element, via: OpenedVia, focusInside?: boolean) => {
      told.push(`open ${mark.id} ${via}${focusInside ? ' focusInside' : ''}`);
      open = { mark, via };
      return true;
    },
    close: (returnFocus) => {
      told.push(`close${returnFocus ? ' returnFocus' : ''}`);
      open = undefined;
    },
    tab: (from, backwards) => {
      told.push(`tab ${from}${backwards ? ' backwards' : ''}`);
      return tabTaken;
    },
  };
}

/** `trust`: whether the input takes the test's dispatched (never trusted) events as the reader's. */
function setUp(body: string, { trust = true, delayMs = DELAY_MS }: { trust?: boolean; delayMs?: number } = {}): void {
  document.body.innerHTML = `${body}<backstory-card-host></backstory-card-host>`;
  host = document.querySelector('backstory-card-host')!;
  lifetime = new AbortController();
  told = [];
  open = undefined;
  tabTaken = false;
  input = new CardInput(document, lifetime.signal, fakeCard(), { hoverDelayMs: () => delayMs, ...(trust ? { isTrusted: () => true } : {}) });
}

function el(id: string): HTMLElement {
  return document.getElementById(id)!;
}

function key(target: Element, init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

const NAMES = '<p><bs-mark id="karim" tabindex="-1" data-entry-id="karim">Karim</bs-mark> and <bs-mark id="volkov" data-entry-id="volkov">Volkov</bs-mark> and <span id="away">away</span></p>';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  lifetime.abort();
  vi.useRealTimers();
});

describe('CardInput', () => {
  it('takes no event a page script dispatches: no hover, tap, key or click opens, prepares or closes a card', async () => {
    setUp(NAMES, { trust: false });
    const mark = el('karim');
    pointer('pointerover', mark);
    pointer('pointerdown', mark, null, 'touch');
    mark.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    mark.focus();
    key(mark, { key: 'Enter' });
    await vi.advanceTimersByTimeAsync(DELAY_MS * 3);
    expect(told).toEqual([]);

    open = { mark, via: 'pointer' };
    pointer('pointerout', mark, el('away'));
    key(mark, { key: 'Escape' });
    el('away').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(GRACE_MS * 3);
    expect(told).toEqual([]);
  });

  it('on hover, gets ready at once, draws the card ahead halfway through the delay, and opens when it ends', async () => {
    setUp(NAMES);
    pointer('pointerover', el('karim'));
    expect(told).toEqual(['approach karim', 'dropAhead']);
    await vi.advanceTimersByTimeAsync(DELAY_MS / 2);
    expect(told.slice(2)).toEqual(['drawAhead karim']);
    await vi.advanceTimersByTimeAsync(DELAY_MS / 2);
    expect(told.slice(3)).toEqual(['open karim pointer']);
  });

  it('opens nothing on a quick pass, and drops the card drawn ahead', async () => {
    setUp(NAMES);
    pointer('pointerover', el('karim'));
    await vi.advanceTimersByTimeAsync(DELAY_MS / 2);
    pointer('pointerout', el('karim'), el('away'));
    await vi.advanceTimersByTimeAsync(DELAY_MS * 3);
    expect(told).toEqual(['approach karim', 'dropAhead', 'drawAhead karim', 'dropAhead']);
  });

  it('draws nothing ahead under a short delay', async () => {
    setUp(NAMES, { delayMs: AHEAD_MIN_DELAY_MS - 1 });
    pointer('pointerover', el('karim'));
    await vi.advanceTimersByTimeAsync(AHEAD_MIN_DELAY_MS);
    expect(told.filter((t) => t.startsWith('drawAhead'))).toEqual([]);
    expect(told).toContain('open karim pointer');
  });

  it('closes a hovered card after the grace period, unless the pointer comes back to the name or goes into the card', async () => {
    setUp(NAMES);
    const mark = el('karim');
    open = { mark, via: 'pointer' };
    pointer('pointerout', mark, el('away'));
    await vi.advanceTimersByTimeAsync(GRACE_MS / 2);
    pointer('pointerover', mark);
    await vi.advanceTimersByTimeAsync(GRACE_MS * 2);
    expect(told).not.toContain('close');

    pointer('pointerout', mark, el('away'));
    pointer('pointerover', host);
    await vi.advanceTimersByTimeAsync(GRACE_MS * 2);
    expect(told).not.toContain('close');
    // Leaving the name for the card schedules nothing at all.
    pointer('pointerout', mark, host);
    await vi.advanceTimersByTimeAsync(GRACE_MS * 2);
    expect(told).not.toContain('close');

    pointer('pointerout', mark, el('away'));
    await vi.advanceTimersByTimeAsync(GRACE_MS);
    expect(told).toContain('close');
  });

  it('leaves a keyboard card open while the pointer wanders', async () => {
    setUp(NAMES);
    open = { mark: el('karim'), via: 'focus' };
    pointer('pointerout', el('karim'), el('away'));
    await vi.advanceTimersByTimeAsync(GRACE_MS * 2);
    expect(told).toEqual([]);
  });

  it("opens at once on Backstory's own focus move, never on a page's focus()", () => {
    setUp(NAMES);
    el('karim').focus();
    expect(told).toEqual([]);
    focusAsOurs(el('volkov'));
    expect(told).toEqual(['open volkov focus']);
  });

  it('opens on Enter or Space on a focused name, with focus going inside; not with a modifier', () => {
    setUp(NAMES);
    const mark = el('karim');
    mark.focus();
    const enter = key(mark, { key: 'Enter' });
    expect(enter.defaultPrevented).toBe(true);
    expect(told).toEqual(['open karim focus focusInside']);
    const chord = key(mark, { key: ' ', ctrlKey: true });
    expect(chord.defaultPrevented).toBe(false);
    expect(told.length).toBe(1);
  });

  it('closes on Escape, focus back on the name when it was on the name or in the card', () => {
    setUp(NAMES);
    const mark = el('karim');
    open = { mark, via: 'focus' };
    el('away').focus();
    expect(key(el('away'), { key: 'Escape' }).defaultPrevented).toBe(true);
    open = { mark, via: 'focus' };
    mark.focus();
    key(mark, { key: 'Escape' });
    expect(told).toEqual(['close', 'close returnFocus']);
  });

  it("hands Tab on the card's name to the card, and lets the browser move when the card does not", () => {
    setUp(NAMES);
    const mark = el('karim');
    open = { mark, via: 'focus' };
    mark.focus();
    tabTaken = true;
    expect(key(mark, { key: 'Tab' }).defaultPrevented).toBe(true);
    tabTaken = false;
    expect(key(mark, { key: 'Tab', shiftKey: true }).defaultPrevented).toBe(false);
    expect(told).toEqual(['tab mark', 'tab mark backwards']);
    // Focus elsewhere on the page: Tab is the page's.
    el('away').setAttribute('tabindex', '0');
    el('away').focus();
    key(el('away'), { key: 'Tab' });
    expect(told.length).toBe(2);
  });

  it('opens on a tap without following the link around the name; a second tap is the page\'s', () => {
    setUp('<p><a id="link" href="#x"><bs-mark id="karim" data-entry-id="karim">Karim</bs-mark></a> <span id="away">away</span></p>');
    const mark = el('karim');
    pointer('pointerdown', mark, null, 'touch');
    const tap = new MouseEvent('click', { bubbles: true, cancelable: true });
    mark.dispatchEvent(tap);
    expect(tap.defaultPrevented).toBe(true);
    expect(told).toEqual(['open karim touch']);
    const again = new MouseEvent('click', { bubbles: true, cancelable: true });
    mark.dispatchEvent(again);
    expect(again.defaultPrevented).toBe(false);
    el('away').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(told).toEqual(['open karim touch', 'close']);
  });

  it('returns focus to a name outside the Tab order without opening its card', () => {
    setUp('<p><bs-mark id="karim" data-entry-id="karim">Karim</bs-mark></p>');
    const mark = el('karim');
    input.returnFocus(mark);
    expect(document.activeElement).toBe(mark);
    expect(mark.getAttribute('tabindex')).toBe('-1');
    expect(told).toEqual([]);
  });

  it('hears nothing once stopped, and drops what was pending', async () => {
    setUp(NAMES);
    pointer('pointerover', el('karim'));
    input.stop();
    await vi.advanceTimersByTimeAsync(DELAY_MS * 2);
    focusAsOurs(el('volkov'));
    expect(told).toEqual(['approach karim', 'dropAhead']);
  });
});
