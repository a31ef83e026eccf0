// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KARIM_CARD } from '../../components/entry-card/card.fixture';
import { createCardHost, HOST_TAG, type CardHost } from './card-host';
import { CardView, type CardContent } from './card-view';

let view: CardView;
/** Every host the view's factory made (the shadow root is closed: read the card through it). */
let hosts: CardHost[];
let closes: number;
let frames: [string, boolean][];

function setUp(): HTMLElement {
  document.body.innerHTML = '<p><bs-mark id="karim" data-entry-id="karim">Karim</bs-mark></p>';
  hosts = [];
  closes = 0;
  frames = [];
  view = new CardView({
    doc: document,
    createHost: (doc) => {
      const host = createCardHost(doc);
      hosts.push(host);
      return host;
    },
    // No URL, so no iframe: happy-dom does not load frames.
    privateFrameHref: (id, dark) => {
      frames.push([id, dark]);
      return '';
    },
  });
  return document.getElementById('karim')!;
}

/** Karim's card, loaded (`loaded: false`: its skeleton). */
function content({ loaded = true } = {}): CardContent {
  return {
    entryId: 'karim',
    card: loaded ? KARIM_CARD : undefined,
    loadingName: 'Karim',
    links: { readerHref: (d, p) => `ext:${d}/${p}`, onOpenEntry: () => undefined },
    onClose: () => closes++,
  };
}

function popover(): HTMLElement | null {
  return hosts[0]?.shadow.querySelector<HTMLElement>('.bs-popover') ?? null;
}

function title(): string | undefined {
  return hosts[0]?.shadow.querySelector('.bs-card__title')?.textContent ?? undefined;
}

beforeEach(() => setUp());
afterEach(() => view.destroy());

describe('CardView', () => {
  it('adds nothing to the page until a card gets ready, then makes its host once', () => {
    expect(document.querySelector(HOST_TAG)).toBeNull();
    view.prepare();
    view.prepare();
    expect(hosts.length).toBe(1);
    expect(view.hostElement).toBe(hosts[0]!.host);
  });

  it("shows a card placed and visible at once (placement is synchronous), asking for the entry's private frame in the page's theme", () => {
    const mark = document.getElementById('karim')!;
    view.open(false);
    view.show(mark, content());
    expect(title()).toBe('Omar Karim');
    expect(popover()!.style.visibility).toBe('visible');
    expect(frames).toEqual([['karim', false]]);
    // The card's close button is the controller's to handle.
    hosts[0]!.shadow.querySelector<HTMLButtonElement>('.bs-card__close')!.click();
    expect(closes).toBe(1);
    expect(popover()).not.toBeNull();
    view.close();
    expect(popover()).toBeNull();
  });

  it('draws a card ahead hidden, removes it when dropped, and opens over the very element it drew', async () => {
    const mark = document.getElementById('karim')!;
    view.prepare();
    view.drawAhead(mark, content());
    expect(popover()!.style.visibility).toBe('hidden');
    view.dropAhead();
    expect(popover()).toBeNull();

    view.drawAhead(mark, content());
    const drawn = popover();
    view.open(true);
    view.show(mark, content());
    expect(popover()).toBe(drawn);
    expect(drawn!.style.visibility).toBe('visible');
    // An open card is not a card drawn ahead: neither drops nor redraws touch it.
    view.dropAhead();
    view.drawAhead(mark, content({ loaded: false }));
    expect(title()).toBe('Omar Karim');
  });

  it('moves focus into the card once it shows', () => {
    const mark = document.getElementById('karim')!;
    view.open(false);
    view.focusWhenShown();
    expect(view.hasFocus).toBe(false);
    view.show(mark, content());
    expect(view.hasFocus).toBe(true);
    expect(hosts[0]!.shadow.activeElement).toBe(popover());
  });

  it('takes Tab from its name into the card, and sends Tab out of the card before or after it', async () => {
    const mark = document.getElementById('karim')!;
    view.open(false);
    view.show(mark, content());
    expect(view.tab('mark', true)).toBeUndefined();
    expect(view.tab('mark', false)).toBe('inside');
    expect(hosts[0]!.shadow.activeElement).toBe(popover());
    // From the card's top, Shift+Tab goes back before it.
    expect(view.tab('card', true)).toBe('before');
    const controls = [...popover()!.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')];
    expect(controls.length).toBeGreaterThan(1);
    controls[0]!.focus();
    expect(view.tab('card', false)).toBeUndefined();
    controls[controls.length - 1]!.focus();
    expect(view.tab('card', false)).toBe('after');
    expect(view.tab('card', true)).toBeUndefined();
  });

  it('takes no Tab with no card open', () => {
    view.prepare();
    expect(view.tab('mark', false)).toBeUndefined();
  });

  it('shows a skeleton, then the card when it comes', async () => {
    const mark = document.getElementById('karim')!;
    view.open(false);
    view.show(mark, content({ loaded: false }));
    expect(title()).toBe('Karim');
    view.show(mark, content());
    expect(title()).toBe('Omar Karim');
  });

  it('removes its host when destroyed', () => {
    const mark = document.getElementById('karim')!;
    view.open(false);
    view.show(mark, content());
    expect(document.querySelector(HOST_TAG)).not.toBeNull();
    view.destroy();
    expect(document.querySelector(HOST_TAG)).toBeNull();
    expect(view.hostElement).toBeUndefined();
  });
});
