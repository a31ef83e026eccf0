/**
 * The reader's input on names, turned into what the card should do: open a
 * name's card (after the hover delay, at once on our own focus move, on Enter
 * or Space, on a tap), keep it open, close it, or move focus through it. One
 * set of capturing listeners on the document (event delegation), registered
 * with the content script's AbortSignal.
 *
 * Only the reader's input counts: every listener first checks `isTrusted`,
 * so a page script's synthetic events never open, keep or close a card, and
 * focus opens one only when Backstory itself moved it (`isOwnFocus`): a
 * page's `mark.focus()` raises trusted focus events too. This is a privacy
 * defence (see `../trusted-input.ts`), not a convenience.
 *
 * The input keeps no card state of its own: it asks the card (`CardIntents`)
 * which name is open and tells it what the reader did.
 */
import type { OpenedVia } from './card-session';
import { HoverIntent } from './hover-intent';
import { markAt, MARK_SELECTOR, sameMention } from '../dom/entity-marks';
import { isOwnFocus, isTrusted } from '../trusted-input';
import { neverThrow } from '../dom/never-throw';

/** Below this hover delay, drawing the card ahead (see `CardIntents.drawAhead`) gains nothing. */
export const AHEAD_MIN_DELAY_MS = 100;

/** The open card, as the input needs to know it. */
export interface OpenCard {
  /** The name the card points at. */
  readonly mark: Element;
  /** How it was opened: a keyboard card stays while the pointer wanders. */
  readonly via: OpenedVia;
}

/** What the input asks of the card and tells it; the controller implements it. */
export interface CardIntents {
  /** The card open now, if any. */
  current(): OpenCard | undefined;
  /** The card's host element: events from it (or from inside its shadow root) are the card's own. None before the first card. */
  host(): Element | undefined;
  /** The pointer arrived on `mark`, whose card opens after the hover delay: get ready (read the page, fetch the card). */
  approach(mark: Element): void;
  /** Halfway through the hover delay on `mark`, no card open: draw its card ahead, hidden. */
  drawAhead(mark: Element): void;
  /** The pointer left the name whose card was (maybe) drawn ahead: remove that card. */
  dropAhead(): void;
  /**
   * Opens `mark`'s card. `focusInside`: Enter or Space on the name, focus goes
   * into the card once it shows (on the open card's own name, only that).
   * False when the mark has no card to open.
   */
  open(mark: Element, via: OpenedVia, focusInside?: boolean): boolean;
  /** Closes the card; `returnFocus`: focus goes back to its name. */
  close(returnFocus: boolean): void;
  /**
   * Tab (`backwards`: Shift+Tab) with focus on the open card's name
   * (`from: 'mark'`) or inside the card: true when the card moved focus
   * itself, so the browser's own move must not happen.
   */
  tab(from: 'mark' | 'card', backwards: boolean): boolean;
}

/** How {@link CardInput} reads settings and trust. */
export interface CardInputOptions {
  /** settings.hoverDelayMs, read at each hover. */
  hoverDelayMs(): number;
  /** Whether the reader (not a page script) raised an event; `event.isTrusted` by default. Unit tests pass their own. */
  isTrusted?(event: Event): boolean;
}

/** Listens to the reader's pointer, focus and keys on a document until the signal aborts or `stop()`. */
export class CardInput {
  private readonly intent = new HoverIntent();
  private lastPointerType = '';
  /** A name we are returning focus to: that focus must not reopen its card. */
  private suppressFocusOpen: Element | undefined;
  /** The hovered name whose card is to be drawn ahead halfway through the delay. */
  private ahead: { mark: Element; timer: ReturnType<typeof setTimeout> | undefined } | undefined;
  private stopped = false;

  /** Starts listening on `doc`; listeners go when `signal` aborts. */
  constructor(
    private readonly doc: Document,
    signal: AbortSignal,
    private readonly card: CardIntents,
    private readonly options: CardInputOptions,
  ) {
    const listen = { capture: true, signal };
    // Only the reader's input opens, moves or closes a card: a page script's
    // synthetic events (and its `focus()` of a mark, see `onFocusIn`) do nothing.
    const trusted = options.isTrusted ?? isTrusted;
    const on = <K extends keyof DocumentEventMap>(type: K, handle: (e: DocumentEventMap[K]) => void) =>
      doc.addEventListener(type, (e) => trusted(e) && this.guard(() => handle(e)), listen);
    on('pointerover', (e) => this.onPointerOver(e));
    on('pointerout', (e) => this.onPointerOut(e));
    on('pointerdown', (e) => (this.lastPointerType = e.pointerType));
    on('focusin', (e) => this.onFocusIn(e));
    on('focusout', (e) => this.onFocusOut(e));
    on('keydown', (e) => this.onKeyDown(e));
    on('click', (e) => this.onClick(e));
  }

  /**
   * Moves focus back to `mark` (the card closed, or Shift+Tab left it) without
   * that focus opening its card again. A name outside the Tab order gets
   * `tabindex="-1"`, or it could not take focus.
   */
  returnFocus(mark: Element): void {
    if (!(mark instanceof HTMLElement)) return;
    this.suppressFocusOpen = mark;
    if (!mark.hasAttribute('tabindex')) mark.setAttribute('tabindex', '-1');
    mark.focus();
    if (this.doc.activeElement !== mark) this.suppressFocusOpen = undefined;
  }

  /** Cancels a pending close: the card just opened, or closed some other way. */
  cancelPendingClose(): void {
    this.intent.cancelHide();
  }

  /** Cancels every pending open, close and drawing ahead, and ignores all input from now on. */
  stop(): void {
    this.stopped = true;
    this.intent.clear();
    this.forgetAhead();
  }

  private guard(run: () => void): void {
    if (!this.stopped) neverThrow('card', run);
  }

  private markOf(target: EventTarget | null): Element | null {
    return target !== this.card.host() ? markAt(target) : null;
  }

  private inHost(target: EventTarget | null): boolean {
    const host = this.card.host();
    return !!host && target === host;
  }

  /** True for an event from inside the card (its path crosses our host, closed root or not). */
  private fromHost(e: Event): boolean {
    const host = this.card.host();
    return !!host && (e.target === host || e.composedPath().includes(host));
  }

  /** Opens through the card, forgetting a drawing ahead that is still to come (a card drawn already stays: the open card renders over it). */
  private open(mark: Element, via: OpenedVia, focusInside = false): void {
    if (this.card.open(mark, via, focusInside)) this.forgetAhead();
  }

  /** Forgets the name to draw ahead, and removes its card if it was drawn. */
  private dropAhead(): void {
    this.forgetAhead();
    this.card.dropAhead();
  }

  private forgetAhead(): void {
    clearTimeout(this.ahead?.timer);
    this.ahead = undefined;
  }

  private onPointerOver(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    if (this.fromHost(e)) {
      this.intent.cancelHide();
      return;
    }
    const mark = this.markOf(e.target);
    if (!mark) return;
    const open = this.card.current();
    if (open && sameMention(mark, open.mark)) {
      this.intent.cancelHide();
      return;
    }
    this.card.approach(mark);
    const delayMs = this.options.hoverDelayMs();
    this.scheduleAhead(mark, delayMs);
    this.intent.scheduleShow(mark, delayMs, () => this.open(mark, 'pointer'));
  }

  /** Draws the card of `mark` ahead halfway through the hover delay, unless a card is open. */
  private scheduleAhead(mark: Element, delayMs: number): void {
    this.dropAhead();
    if (this.card.current() || delayMs < AHEAD_MIN_DELAY_MS) return;
    // Halfway: a quick pass over a paragraph leaves each name sooner and costs nothing.
    const ahead: { mark: Element; timer: ReturnType<typeof setTimeout> | undefined } = { mark, timer: undefined };
    ahead.timer = setTimeout(
      () =>
        this.guard(() => {
          if (this.ahead !== ahead) return;
          ahead.timer = undefined;
          this.card.drawAhead(mark);
        }),
      delayMs / 2,
    );
    this.ahead = ahead;
  }

  private onPointerOut(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    const fromHost = this.fromHost(e);
    const mark = fromHost ? null : this.markOf(e.target);
    if (!fromHost && !mark) return;
    const to = e.relatedTarget;
    if (this.inHost(to)) return;
    const toMark = this.markOf(to);
    if (mark && toMark && sameMention(mark, toMark)) return;
    if (mark) {
      this.intent.cancelShow(mark);
      if (this.ahead?.mark === mark) this.dropAhead();
    }
    const open = this.card.current();
    if (open && open.via !== 'focus' && !(toMark && sameMention(toMark, open.mark))) {
      this.intent.scheduleHide(() => this.card.close(false));
    }
  }

  private onFocusIn(e: FocusEvent): void {
    if (this.fromHost(e)) {
      this.intent.cancelHide();
      return;
    }
    const mark = this.markOf(e.target);
    if (!mark) return;
    if (this.suppressFocusOpen === mark) {
      this.suppressFocusOpen = undefined;
      return;
    }
    // Only Backstory's own focus moves (the next-mention command) open a card;
    // a page script's `mark.focus()` raises a trusted focusin too, and must
    // not. A name reached with Tab (when the reader put names in the Tab
    // order) opens on Enter or Space instead (`onActivateKey`), so tabbing
    // through a paragraph does not throw a card up at every name.
    if (!isOwnFocus(mark)) return;
    this.intent.clear();
    this.open(mark, 'focus');
  }

  private onFocusOut(e: FocusEvent): void {
    const open = this.card.current();
    if (!open || open.via !== 'focus') return;
    const to = e.relatedTarget;
    if (this.inHost(to) || (to instanceof Element && sameMention(to, open.mark))) return;
    this.intent.scheduleHide(() => this.card.close(false));
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.onActivateKey(e)) return;
    const open = this.card.current();
    if (!open) return;
    const active = this.doc.activeElement;
    const focusInCard = this.inHost(active);
    const focusOnMark = active instanceof Element && sameMention(active, open.mark);
    if (e.key === 'Escape') {
      this.card.close(focusInCard || focusOnMark);
      e.preventDefault();
      return;
    }
    if (e.key !== 'Tab' || !(focusOnMark || focusInCard)) return;
    if (this.card.tab(focusOnMark ? 'mark' : 'card', e.shiftKey)) e.preventDefault();
  }

  /**
   * Enter or Space on a focused name (Tab reaches names when the reader turns
   * that on: `mark-tab-stops.ts`) opens its card, or moves into the card a
   * focus move already opened, with focus inside the card; Escape there
   * brings focus back to the name. True when the key was ours. Only the
   * reader's keys get here (`isTrusted`), and the card shows corpus content
   * only: the reader's own data stays in the private frame.
   */
  private onActivateKey(e: KeyboardEvent): boolean {
    if ((e.key !== 'Enter' && e.key !== ' ') || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false;
    const active = this.doc.activeElement;
    // The name itself, not a link or field around or inside it.
    if (!(active instanceof Element) || !active.matches(MARK_SELECTOR) || this.markOf(active) !== active) return false;
    // A name inside a link would follow it; Space would scroll the page.
    e.preventDefault();
    const open = this.card.current();
    if (!(open && sameMention(active, open.mark))) this.intent.clear();
    this.open(active, 'focus', true);
    return true;
  }

  private onClick(e: MouseEvent): void {
    if (this.fromHost(e)) return;
    const mark = this.markOf(e.target);
    const open = this.card.current();
    if (mark && this.lastPointerType === 'touch') {
      // A second tap on the same name does what the page does (follows its link).
      if (open && sameMention(mark, open.mark)) return;
      if (mark.closest('a[href]')) e.preventDefault();
      this.open(mark, 'touch');
      return;
    }
    if (open && !(mark && sameMention(mark, open.mark))) this.card.close(false);
  }
}
