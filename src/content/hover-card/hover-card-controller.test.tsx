// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntryCard } from '../../shared/card';
import type { CallResult } from '../../shared/protocol';
import { KARIM_CARD } from '../../components/entry-card/card.fixture';
import { HoverCardController } from './hover-card-controller';
import { createCardHost, type CardHost } from './card-host';
import { readPageDate } from './page-date';
import { sentenceAround } from './mention-context';
import { focusAsOurs } from '../trusted-input';
import { pointer } from '../../../tests/unit/dom-events';

function cardFor(id: string, name: string): EntryCard {
  return { ...KARIM_CARD, entry: { ...KARIM_CARD.entry, id, name } };
}

const NAMES: Record<string, string> = { karim: 'Omar Karim', volkov: 'Ivan Volkov', 'grain-accord': 'Grain Accord' };

let controller: HoverCardController;
let lifetime: AbortController;
let fetches: string[][];
let corrections: string[];
/** The card's host, as the controller's injected factory made it (none before the first card). */
let cardHost: CardHost | undefined;

/** `trust`: whether the controller takes the test's dispatched (untrusted) events as the reader's. */
function setUp(body: string, { trust = true }: { trust?: boolean } = {}): void {
  document.body.innerHTML = body;
  lifetime = new AbortController();
  fetches = [];
  corrections = [];
  cardHost = undefined;
  controller = new HoverCardController({
    signal: lifetime.signal,
    fetchCards: async (ids): Promise<CallResult<EntryCard[]>> => {
      fetches.push(ids);
      return { ok: true, value: ids.filter((id) => NAMES[id]).map((id) => cardFor(id, NAMES[id]!)) };
    },
    readerHref: (d, p) => `ext:${d}/${p}`,
    addCorrection: async (id) => corrections.push(id),
    hoverDelayMs: () => 400,
    createHost: (doc) => (cardHost = createCardHost(doc)),
    ...(trust ? { isTrusted: () => true } : {}),
  });
}

/** What the card shows (the shadow root is closed: read it through the host the factory made). */
function shown(): string | undefined {
  return cardHost?.shadow.querySelector('.bs-card__title')?.textContent ?? undefined;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  lifetime.abort();
  vi.useRealTimers();
});

describe('HoverCardController', () => {
  it('prefetches every marked entry and candidate in one batch, with the sentence around the first mention', async () => {
    setUp('<p>Intro. Then <bs-mark data-entry-id="karim" data-candidates="karim volkov">Karim</bs-mark> spoke. Later.</p><p><bs-mark data-entry-id="karim">Karim</bs-mark></p>');
    await controller.prefetchFromPage();
    expect(fetches).toEqual([['karim', 'volkov']]);
    await controller.prefetchFromPage();
    expect(fetches.length).toBe(1);
    expect(sentenceAround(document.querySelector('bs-mark')!)).toBe('Then Karim spoke.');
  });

  it('opens only after the hover delay, not on a quick pass, and closes after the grace period', async () => {
    setUp('<p><bs-mark data-entry-id="karim">Karim</bs-mark> and <span id="away">away</span></p>');
    await controller.prefetchFromPage();
    const mark = document.querySelector('bs-mark')!;
    const away = document.getElementById('away')!;
    pointer('pointerover', mark);
    await vi.advanceTimersByTimeAsync(200);
    pointer('pointerout', mark, away);
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown()).toBeUndefined();

    pointer('pointerover', mark);
    await vi.advanceTimersByTimeAsync(400);
    expect(shown()).toBe('Omar Karim');
    pointer('pointerout', mark, away);
    await vi.advanceTimersByTimeAsync(100);
    expect(shown()).toBe('Omar Karim');
    await vi.advanceTimersByTimeAsync(300);
    expect(shown()).toBeUndefined();
  });

  it('draws the card ahead, hidden, halfway through the delay, and shows that very card when the delay ends', async () => {
    setUp('<p><bs-mark data-entry-id="karim">Karim</bs-mark> and <span id="away">away</span></p>');
    await controller.prefetchFromPage();
    const mark = document.querySelector('bs-mark')!;
    const popover = () => cardHost?.shadow.querySelector<HTMLElement>('.bs-popover') ?? null;
    pointer('pointerover', mark);
    await vi.advanceTimersByTimeAsync(199);
    expect(popover()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    const ahead = popover()!;
    expect(ahead.style.visibility).toBe('hidden');
    // Leaving before the delay ends removes it.
    pointer('pointerout', mark, document.getElementById('away'));
    expect(popover()).toBeNull();

    pointer('pointerover', mark);
    await vi.advanceTimersByTimeAsync(200);
    const drawn = popover()!;
    await vi.advanceTimersByTimeAsync(200);
    expect(popover()).toBe(drawn);
    expect(drawn.style.visibility).toBe('visible');
    expect(shown()).toBe('Omar Karim');
  });

  it('asks for a card not loaded yet when the pointer arrives, not when the delay ends', async () => {
    setUp('<p><bs-mark data-entry-id="volkov">Volkov</bs-mark></p>');
    pointer('pointerover', document.querySelector('bs-mark')!);
    expect(fetches).toEqual([['volkov']]);
    await vi.advanceTimersByTimeAsync(400);
    expect(fetches.length).toBe(1);
    expect(shown()).toBe('Ivan Volkov');
  });

  it('opens at once on keyboard focus and closes on Esc, returning focus to the name', async () => {
    setUp('<p><bs-mark tabindex="-1" data-entry-id="karim">Karim</bs-mark></p>');
    await controller.prefetchFromPage();
    const mark = document.querySelector<HTMLElement>('bs-mark')!;
    focusAsOurs(mark);
    expect(shown()).toBe('Omar Karim');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(shown()).toBeUndefined();
    expect(document.activeElement).toBe(mark);
  });

  it('opens on Enter or Space on a name reached with Tab, focus inside the card; Esc returns focus to the name', async () => {
    setUp('<p><a href="#x"><bs-mark tabindex="0" data-entry-id="karim">Karim</bs-mark></a></p>');
    await controller.prefetchFromPage();
    const mark = document.querySelector<HTMLElement>('bs-mark')!;
    // Reaching the name does not open its card.
    mark.focus();
    expect(shown()).toBeUndefined();
    for (const key of ['Enter', ' ']) {
      const press = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      mark.dispatchEvent(press);
      // Not the link around the name, nor a page scroll.
      expect(press.defaultPrevented).toBe(true);
      expect(shown()).toBe('Omar Karim');
      await vi.advanceTimersByTimeAsync(0);
      const host = cardHost!;
      expect(document.activeElement).toBe(host.host);
      expect(host.shadow.activeElement?.classList.contains('bs-popover')).toBe(true);
      host.shadow.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      expect(shown()).toBeUndefined();
      expect(document.activeElement).toBe(mark);
    }
    // With a modifier, or on something else than a name, the key is the page's.
    const chord = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true });
    mark.dispatchEvent(chord);
    expect(chord.defaultPrevented).toBe(false);
    expect(shown()).toBeUndefined();
  });

  it('takes Tab from the name into the card, and past its last control closes it, focus back on the name', async () => {
    setUp('<p><bs-mark tabindex="-1" data-entry-id="karim">Karim</bs-mark></p>');
    await controller.prefetchFromPage();
    const mark = document.querySelector<HTMLElement>('bs-mark')!;
    focusAsOurs(mark);
    await vi.advanceTimersByTimeAsync(0);
    const host = cardHost!;
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    mark.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(true);
    expect(host.shadow.activeElement?.classList.contains('bs-popover')).toBe(true);
    const controls = [...host.shadow.querySelectorAll<HTMLElement>('.bs-popover a[href], .bs-popover button:not([disabled])')];
    controls[controls.length - 1]!.focus();
    controls[controls.length - 1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true, cancelable: true }));
    expect(shown()).toBeUndefined();
    expect(document.activeElement).toBe(mark);
  });

  it('opens on no Enter a page script dispatches', async () => {
    setUp('<p><bs-mark tabindex="0" data-entry-id="karim">Karim</bs-mark></p>', { trust: false });
    await controller.prefetchFromPage();
    const mark = document.querySelector<HTMLElement>('bs-mark')!;
    mark.focus();
    mark.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await vi.advanceTimersByTimeAsync(0);
    expect(shown()).toBeUndefined();
  });

  it('shows a skeleton for an entry not loaded yet, then fills in', async () => {
    setUp('<p><bs-mark tabindex="-1" data-entry-id="volkov">Volkov</bs-mark></p>');
    focusAsOurs(document.querySelector<HTMLElement>('bs-mark')!);
    expect(shown()).toBe('Volkov');
    await vi.advanceTimersByTimeAsync(0);
    expect(shown()).toBe('Ivan Volkov');
  });

  it('"not this one" records a correction and switches to the next candidate', async () => {
    setUp('<p><bs-mark tabindex="-1" data-entry-id="karim" data-candidates="karim volkov">Karim</bs-mark></p>');
    await controller.prefetchFromPage();
    focusAsOurs(document.querySelector<HTMLElement>('bs-mark')!);
    const host = cardHost!;
    host.shadow.querySelector<HTMLButtonElement>('.bs-card__not-this')!.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(corrections).toEqual(['karim']);
    expect(shown()).toBe('Ivan Volkov');
  });

  it('opens on nothing a page script can do: synthetic events, or its own focus() of a name', async () => {
    setUp('<p><bs-mark tabindex="-1" data-entry-id="karim">Karim</bs-mark></p>', { trust: false });
    await controller.prefetchFromPage();
    const mark = document.querySelector<HTMLElement>('bs-mark')!;
    pointer('pointerover', mark);
    mark.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(shown()).toBeUndefined();
    // A page's focus() raises trusted focus events: only our own focus moves open a card.
    setUp('<p><bs-mark tabindex="-1" data-entry-id="karim">Karim</bs-mark></p>');
    document.querySelector<HTMLElement>('bs-mark')!.focus();
    expect(shown()).toBeUndefined();
    expect(document.querySelector('backstory-card-host')).toBeNull();
  });

  it('removes its host when the signal aborts', async () => {
    setUp('<p><bs-mark tabindex="-1" data-entry-id="karim">Karim</bs-mark></p>');
    focusAsOurs(document.querySelector<HTMLElement>('bs-mark')!);
    expect(document.querySelector('backstory-card-host')).not.toBeNull();
    lifetime.abort();
    expect(document.querySelector('backstory-card-host')).toBeNull();
  });
});

describe('page date', () => {
  it('reads Open Graph, <time> and JSON-LD dates', () => {
    document.head.innerHTML = '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2026-01-05T10:00:00Z"}]}</script>';
    document.body.innerHTML = '';
    expect(readPageDate(document)).toBe('2026-01-05');
    document.body.innerHTML = '<time datetime="2025-11-01">1 Nov</time>';
    expect(readPageDate(document)).toBe('2025-11-01');
    document.head.innerHTML = '';
  });
});
