/**
 * The page-side background card: opens on hover intent, on keyboard focus of
 * a name (the next-mention command), on Enter or Space on a focused name
 * (focus then goes into the card) and on tap; follows the name while the page scrolls; navigates to
 * related entries with a way back; closes on Esc, on leaving, on a click
 * elsewhere. Everything is event delegation on the document, registered with
 * the content script's AbortSignal. Browser calls come in as `deps`, so the
 * controller runs in unit tests without an extension.
 */
import { render } from 'preact';
import { createRef } from 'preact';
import type { EntryCard, EntryRef } from '../../shared/card';
import { CardCache, type FetchCards } from './card-cache';
import { followMoves, placeCard } from './card-placement';
import { createCardHost, type CardHost } from './card-host';
import { CardPopover } from './card-popover';
import { CardSession, type OpenedVia } from './card-session';
import { HoverIntent } from './hover-intent';
import { sentenceAround } from './mention-context';
import { readPageDate } from './page-date';
import { markAt, MARK_SELECTOR, readMark, sameMention } from '../dom/entity-marks';
import { isPageDark } from '../dom/page-theme';
import { isOwnFocus, isTrusted } from '../trusted-input';

/** Name of the User Timing measure from the end of the hover delay to the card painted. */
export const PAINT_MEASURE = 'backstory:card';
const PAINT_START = 'backstory:card-start';
const TITLE_ID = 'backstory-card-title';
/** Below this hover delay, drawing the card ahead (see `drawAhead`) gains nothing. */
const AHEAD_MIN_DELAY_MS = 100;

/** What the controller needs from the extension. */
export interface HoverCardDeps {
  fetchCards: FetchCards;
  /** `options.html#reader/<documentId>/<passageId>` as an extension URL. */
  readerHref(documentId: string, passageId: string): string;
  /** "Not this one" for the page's site (`corrections.add`). */
  addCorrection(entryId: string): Promise<unknown>;
  /** Tells the highlighter an entry was rejected here, so it can redraw the page's marks. */
  onExcluded?(entryId: string): void;
  /** The private frame's URL showing the reader's highlights of an entry (`private.html#entry=…`). */
  privateFrameHref?(entryId: string, dark: boolean): string;
  /** settings.hoverDelayMs, read at each hover. */
  hoverDelayMs(): number;
  signal: AbortSignal;
  doc?: Document;
  /**
   * Whether the reader (not a page script) raised an event; `event.isTrusted`
   * by default. Unit tests, whose dispatched events are never trusted, pass
   * their own.
   */
  isTrusted?(event: Event): boolean;
  /**
   * Makes the card's home on the page, once, before the first card; a closed
   * shadow host (`createCardHost`) by default. Unit tests pass one that keeps
   * the host, so they can read the card a closed root hides from the page.
   */
  createHost?(doc: Document): CardHost;
}

/** Runs the hover card on a document until the signal aborts or `destroy()`. */
export class HoverCardController {
  private readonly doc: Document;
  private readonly cache: CardCache;
  private readonly intent = new HoverIntent();
  private readonly popoverRef = createRef<HTMLDivElement>();
  private host: CardHost | undefined;
  private state: CardSession | undefined;
  private stopFollowing: (() => void) | undefined;
  /** The popover element placed last, and whether that placement has landed. */
  private placedFloating: HTMLElement | undefined;
  private positioned = false;
  /** Focus goes into the card once its first placement shows it (Enter or Space on a name). */
  private focusOnShow = false;
  private paintPending = false;
  private lastPointerType = '';
  private suppressFocusOpen: Element | undefined;
  private pageDate: string | null | undefined;
  /** The page's theme, read before a card opens (see `prepare`). */
  private theme: 'dark' | 'auto' = 'auto';
  /** The hovered name whose card is drawn ahead, hidden, while the hover delay runs. */
  private ahead: { mark: Element; timer: ReturnType<typeof setTimeout> | undefined; drawn: boolean } | undefined;
  private destroyed = false;

  constructor(private readonly deps: HoverCardDeps) {
    this.doc = deps.doc ?? document;
    this.cache = new CardCache(deps.fetchCards);
    const unsubscribe = this.cache.subscribe(() => this.state && this.renderCard());
    const options = { capture: true, signal: deps.signal };
    // Only the reader's input opens, moves or closes a card: a page script's
    // synthetic events (and its `focus()` of a mark, see `onFocusIn`) do nothing.
    const trusted = deps.isTrusted ?? isTrusted;
    const on = <K extends keyof DocumentEventMap>(type: K, handle: (e: DocumentEventMap[K]) => void) =>
      this.doc.addEventListener(type, (e) => trusted(e) && this.guard(() => handle(e)), options);
    on('pointerover', (e) => this.onPointerOver(e));
    on('pointerout', (e) => this.onPointerOut(e));
    on('pointerdown', (e) => (this.lastPointerType = e.pointerType));
    on('focusin', (e) => this.onFocusIn(e));
    on('focusout', (e) => this.onFocusOut(e));
    on('keydown', (e) => this.onKeyDown(e));
    on('click', (e) => this.onClick(e));
    deps.signal.addEventListener('abort', () => {
      unsubscribe();
      this.destroy();
    });
  }

  /**
   * Loads the cards of every entry marked on the page in one batch (with the
   * candidates of ambiguous marks and the sentence around each first mention).
   * Called by the content app right after annotation.
   */
  prefetchFromPage(): Promise<void> {
    const ids = new Set<string>();
    const context: Record<string, string> = {};
    for (const el of this.doc.querySelectorAll(MARK_SELECTOR)) {
      const mark = readMark(el);
      if (!mark) continue;
      const id = mark.entryId;
      // Marks change often (scrolling, live pages): only new names cost anything.
      if (!ids.has(id) && !this.cache.knows(id)) {
        context[id] = sentenceAround(el);
        ids.add(id);
      }
      for (const candidate of mark.candidates) if (!this.cache.knows(candidate)) ids.add(candidate);
    }
    return this.cache.prefetch(ids, context);
  }

  /**
   * Closes the open card as its Escape does, focus back on its name (the
   * private frame's Escape, which the frame's focus keeps from our listeners).
   * False when no card is open.
   */
  closeCard(): boolean {
    if (!this.state) return false;
    this.close(true);
    return true;
  }

  /** Removes the card and its host; listeners go with the signal. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.intent.clear();
    this.dropAhead();
    this.close(false);
    this.host?.remove();
    this.host = undefined;
  }

  // A content script must never throw into the page's event dispatch.
  private guard(run: () => void): void {
    if (this.destroyed) return;
    try {
      run();
    } catch (error) {
      if (typeof __DEV__ !== 'undefined' && __DEV__) console.warn('Backstory card:', error);
    }
  }

  private markOf(target: EventTarget | null): Element | null {
    return target !== this.host?.host ? markAt(target) : null;
  }

  private inHost(target: EventTarget | null): boolean {
    return !!this.host && target === this.host.host;
  }

  /** True for an event from inside the card (its path crosses our host, closed root or not). */
  private fromHost(e: Event): boolean {
    return !!this.host && (e.target === this.host.host || e.composedPath().includes(this.host.host));
  }

  private onPointerOver(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    if (this.fromHost(e)) {
      this.intent.cancelHide();
      return;
    }
    const mark = this.markOf(e.target);
    if (!mark) return;
    if (this.state && sameMention(mark, this.state.mark)) {
      this.intent.cancelHide();
      return;
    }
    this.prepare();
    // A name whose card is not here yet (a batch in flight or failed, a name
    // marked since) is asked for now: the background, maybe asleep, wakes
    // during the delay instead of after it.
    const id = readMark(mark)?.entryId;
    if (id) this.load(id, mark);
    const delayMs = this.deps.hoverDelayMs();
    this.scheduleAhead(mark, delayMs);
    this.intent.scheduleShow(mark, delayMs, () => this.open(mark, 'pointer', true));
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
    if (this.state && this.state.via !== 'focus' && !(toMark && sameMention(toMark, this.state.mark))) {
      this.intent.scheduleHide(() => this.close(false));
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
    if (!this.state || this.state.via !== 'focus') return;
    const to = e.relatedTarget;
    if (this.inHost(to) || (to instanceof Element && sameMention(to, this.state.mark))) return;
    this.intent.scheduleHide(() => this.close(false));
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (this.onActivateKey(e)) return;
    const state = this.state;
    if (!state) return;
    const active = this.doc.activeElement;
    const focusInCard = this.inHost(active);
    const focusOnMark = active instanceof Element && sameMention(active, state.mark);
    if (e.key === 'Escape') {
      this.close(focusInCard || focusOnMark);
      e.preventDefault();
      return;
    }
    if (e.key !== 'Tab') return;
    const popover = this.popoverRef.current;
    if (!popover) return;
    if (focusOnMark && !e.shiftKey) {
      e.preventDefault();
      popover.focus();
      return;
    }
    if (!focusInCard) return;
    const inner = this.host!.shadow.activeElement;
    const focusables = [...popover.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')];
    if (e.shiftKey && (inner === popover || inner === focusables[0])) {
      e.preventDefault();
      this.focusMark(state.mark);
    } else if (!e.shiftKey && (focusables.length === 0 || inner === focusables[focusables.length - 1])) {
      // Past the card's last control: back to the name, and on through the page from there.
      e.preventDefault();
      this.close(true);
    }
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
    if (this.state && sameMention(active, this.state.mark)) this.state.via = 'focus';
    else {
      this.intent.clear();
      this.open(active, 'focus');
    }
    this.focusCardWhenShown();
    return true;
  }

  /** Focuses the card now if it is shown, or once its first placement shows it (a hidden element takes no focus). */
  private focusCardWhenShown(): void {
    const popover = this.popoverRef.current;
    if (popover && this.positioned) popover.focus();
    else this.focusOnShow = true;
  }

  private onClick(e: MouseEvent): void {
    if (this.fromHost(e)) return;
    const mark = this.markOf(e.target);
    if (mark && this.lastPointerType === 'touch') {
      // A second tap on the same name does what the page does (follows its link).
      if (this.state && sameMention(mark, this.state.mark)) return;
      if (mark.closest('a[href]')) e.preventDefault();
      this.open(mark, 'touch');
      return;
    }
    if (this.state && !(mark && sameMention(mark, this.state.mark))) this.close(false);
  }

  private focusMark(mark: Element): void {
    if (!(mark instanceof HTMLElement)) return;
    this.suppressFocusOpen = mark;
    if (!mark.hasAttribute('tabindex')) mark.setAttribute('tabindex', '-1');
    mark.focus();
    if (this.doc.activeElement !== mark) this.suppressFocusOpen = undefined;
  }

  /**
   * What a card needs from the page, read before it opens: the host (created
   * once), the page's theme and date. A hover calls this when the pointer
   * arrives, so the hover delay pays for the style read instead of the frame
   * that shows the card.
   */
  private prepare(): void {
    this.host ??= (this.deps.createHost ?? createCardHost)(this.doc);
    this.theme = isPageDark(this.doc) ? 'dark' : 'auto';
    this.pageDate ??= readPageDate(this.doc) ?? null;
  }

  /** Draws the card of `mark` ahead halfway through the hover delay, unless a card is open. */
  private scheduleAhead(mark: Element, delayMs: number): void {
    this.dropAhead();
    if (this.state || delayMs < AHEAD_MIN_DELAY_MS) return;
    // Halfway: a quick pass over a paragraph leaves each name sooner and costs nothing.
    const timer = setTimeout(() => this.guard(() => this.drawAhead(mark)), delayMs / 2);
    this.ahead = { mark, timer, drawn: false };
  }

  /**
   * Renders and places, invisibly, the card the hover will open, so that when
   * the delay ends only the placement is checked and the card shown: the
   * Preact render and the layout of a fresh card (3–6 ms, 15–25 ms for the
   * first card of a page, which also resolves the shadow root's styles and
   * fonts) move out of the frame that shows it. The pointer may still leave
   * (then `dropAhead` removes it); hidden, it takes no pointer events, focus
   * or room in the accessibility tree.
   */
  private drawAhead(mark: Element): void {
    const ahead = this.ahead;
    const host = this.host;
    const id = readMark(mark)?.entryId;
    if (!ahead || ahead.mark !== mark || this.state || !host || !id || !mark.isConnected) return;
    ahead.timer = undefined;
    render(this.view(new CardSession(mark, 'pointer', id)), host.mount);
    const floating = this.popoverRef.current;
    if (!floating) return;
    ahead.drawn = true;
    floating.style.visibility = 'hidden';
    void placeCard(mark, floating);
  }

  /** Forgets the card drawn ahead, removing it unless a card opened over it. */
  private dropAhead(): void {
    const ahead = this.ahead;
    this.ahead = undefined;
    if (!ahead) return;
    clearTimeout(ahead.timer);
    if (ahead.drawn && !this.state && this.host) render(null, this.host.mount);
  }

  private open(mark: Element, via: OpenedVia, prepared = false): void {
    const id = readMark(mark)?.entryId;
    if (!id || !mark.isConnected) return;
    performance.mark(PAINT_START);
    if (!prepared || !this.host) this.prepare();
    // A card drawn ahead stays in the DOM: rendering the same card over it changes next to nothing.
    clearTimeout(this.ahead?.timer);
    this.ahead = undefined;
    this.intent.cancelHide();
    this.stopPositioning();
    this.state = new CardSession(mark, via, id);
    this.paintPending = true;
    this.focusOnShow = false;
    this.load(id, mark);
    this.renderCard();
  }

  private load(id: string, mark?: Element): void {
    const candidates = (mark ? (readMark(mark)?.candidates ?? []) : []).filter((c) => c !== id && !this.cache.knows(c));
    if (this.cache.get(id) && candidates.length === 0) return;
    this.cache.retry(id);
    void this.cache.prefetch([id, ...candidates], mark && !this.cache.knows(id) ? { [id]: sentenceAround(mark) } : {});
  }

  private close(returnFocus: boolean): void {
    const state = this.state;
    this.intent.cancelHide();
    this.stopPositioning();
    this.state = undefined;
    this.paintPending = false;
    this.focusOnShow = false;
    if (this.host) render(null, this.host.mount);
    if (state && returnFocus) this.focusMark(state.mark);
  }

  private navigate(ref: EntryRef): void {
    const state = this.state;
    if (!state) return;
    const hadFocus = this.inHost(this.doc.activeElement);
    if (!state.navigate(ref.id)) return;
    this.load(ref.id);
    this.renderCard();
    this.popoverRef.current?.scrollTo?.(0, 0);
    if (hadFocus) this.popoverRef.current?.focus();
  }

  private back(): void {
    const state = this.state;
    if (!state) return;
    const hadFocus = this.inHost(this.doc.activeElement);
    if (!state.back()) return;
    this.renderCard();
    if (hadFocus) this.popoverRef.current?.focus();
  }

  private notThis(): void {
    const state = this.state;
    if (!state) return;
    const { rejected, next } = state.reject();
    void this.deps.addCorrection(rejected).catch(() => undefined);
    this.deps.onExcluded?.(rejected);
    if (next === undefined) {
      this.close(false);
      return;
    }
    this.load(next);
    this.renderCard();
  }

  private refOf(id: string, state: CardSession): EntryRef {
    const card = this.cache.get(id);
    if (card) return { id, name: card.entry.name, type: card.entry.type };
    return { id, name: id.replace(/-/g, ' '), type: readMark(state.mark)?.type ?? 'event' };
  }

  private renderCard(): void {
    const state = this.state;
    const host = this.host;
    if (!state || !host) return;
    render(this.view(state), host.mount);
    this.position(state.mark);
    this.measurePaint(this.cache.get(state.currentId) !== undefined);
  }

  /** The card as `state` shows it. */
  private view(state: CardSession) {
    const card: EntryCard | undefined = this.cache.get(state.currentId);
    const previous = state.previous;
    const others = state.others();
    return (
      <CardPopover
        popoverRef={this.popoverRef}
        card={card}
        error={this.cache.error(state.currentId)}
        titleId={TITLE_ID}
        loadingName={state.history.length === 0 ? (state.mark.textContent ?? '').trim() : this.refOf(state.currentId, state).name}
        links={{ readerHref: this.deps.readerHref, onOpenEntry: (ref) => this.guard(() => this.navigate(ref)) }}
        back={previous === undefined ? undefined : { name: this.refOf(previous, state).name, onBack: () => this.guard(() => this.back()) }}
        ambiguity={others.length > 0 ? { candidates: others.map((c) => this.refOf(c, state)), onNotThis: () => this.guard(() => this.notThis()) } : undefined}
        pageDate={this.pageDate ?? undefined}
        theme={this.theme}
        privateFrameSrc={card ? this.deps.privateFrameHref?.(card.entry.id, this.theme === 'dark') : undefined}
        onClose={() => this.guard(() => this.close(true))}
      />
    );
  }

  /**
   * Places the card against the name after each render (its size may have
   * changed), and follows the name while the page scrolls or resizes. The
   * card stays invisible until its first placement has landed, which happens
   * within this task (see `card-placement.ts`), so it never flashes at 0,0.
   */
  private position(reference: Element): void {
    const floating = this.popoverRef.current;
    if (!floating) return;
    if (this.placedFloating !== floating) {
      this.stopPositioning();
      this.placedFloating = floating;
      floating.style.visibility = 'hidden';
      this.stopFollowing = followMoves(this.doc, () => this.state && this.position(this.state.mark));
    }
    void placeCard(reference, floating).then(() => {
      if (this.placedFloating !== floating) return;
      if (!this.positioned) {
        floating.style.visibility = 'visible';
        this.positioned = true;
      }
      if (this.focusOnShow) {
        this.focusOnShow = false;
        floating.focus();
      }
      this.measurePaint(this.state ? this.cache.get(this.state.currentId) !== undefined : false);
    });
  }

  private stopPositioning(): void {
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    this.placedFloating = undefined;
    this.positioned = false;
  }

  /**
   * Records `backstory:card` (hover delay end → full card painted) once per
   * open, after the frame that shows it: a rAF, then a task after that frame.
   */
  private measurePaint(loaded: boolean): void {
    if (!this.paintPending || !loaded || !this.positioned) return;
    this.paintPending = false;
    const entryId = this.state?.currentId;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        try {
          performance.measure(PAINT_MEASURE, { start: PAINT_START, detail: { entryId } });
        } catch {
          // The start mark was cleared by the page: nothing to measure.
        }
      };
      channel.port2.postMessage(null);
    });
  }
}
