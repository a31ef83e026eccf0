/**
 * The page-side background card: opens on hover intent, on keyboard focus of
 * a name (the next-mention command), on Enter or Space on a focused name
 * (focus then goes into the card) and on tap; follows the name while the page
 * scrolls; navigates to related entries with a way back; closes on Esc, on
 * leaving, on a click elsewhere.
 *
 * A coordinator of three parts: the reader's input on names (`card-input.ts`)
 * says what the card should do, the open card's session (`card-session.ts`)
 * holds what it shows, and the view (`card-view.tsx`) renders, places and
 * focuses it. The cards themselves come from the cache. Browser calls come in
 * as `deps`, so the controller runs in unit tests without an extension.
 */
import type { EntryRef } from '../../shared/card';
import { CardCache, type FetchCards } from './card-cache';
import { CardInput, type CardInputOptions } from './card-input';
import { CardSession, type OpenedVia } from './card-session';
import { CardView, type CardContent, type CardViewOptions } from './card-view';
import { sentenceAround } from './mention-context';
import { MARK_SELECTOR, readMark, sameMention } from '../dom/entity-marks';
import { neverThrow } from '../dom/never-throw';


/**
 * What the controller needs from the extension: its own calls, and what it
 * passes on to the input (the hover delay, the trust check) and to the view
 * (the host factory, the private frame's URL).
 */
export interface HoverCardDeps extends CardInputOptions, Pick<CardViewOptions, 'createHost' | 'privateFrameHref'> {
  fetchCards: FetchCards;
  /** `options.html#reader/<documentId>/<passageId>` as an extension URL. */
  readerHref(documentId: string, passageId: string): string;
  /** "Not this one" for the page's site (`corrections.add`). */
  addCorrection(entryId: string): Promise<unknown>;
  /** Tells the highlighter an entry was rejected here, so it can redraw the page's marks. */
  onExcluded?(entryId: string): void;
  signal: AbortSignal;
  doc?: Document;
}

/** Runs the hover card on a document until the signal aborts or `destroy()`. */
export class HoverCardController {
  private readonly doc: Document;
  private readonly cache: CardCache;
  private readonly view: CardView;
  private readonly input: CardInput;
  /** The open card; none while no card is open. */
  private session: CardSession | undefined;
  private destroyed = false;

  /** Starts listening on the document (`deps.doc`, or the global one). */
  constructor(private readonly deps: HoverCardDeps) {
    this.doc = deps.doc ?? document;
    this.cache = new CardCache(deps.fetchCards);
    this.view = new CardView({ doc: this.doc, createHost: deps.createHost, privateFrameHref: deps.privateFrameHref });
    const unsubscribe = this.cache.subscribe(() => this.session && this.showSession());
    this.input = new CardInput(
      this.doc,
      deps.signal,
      {
        current: () => this.session,
        host: () => this.view.hostElement,
        approach: (mark) => this.approach(mark),
        drawAhead: (mark) => this.drawAhead(mark),
        dropAhead: () => this.view.dropAhead(),
        open: (mark, via, focusInside) => this.open(mark, via, focusInside),
        close: (returnFocus) => this.close(returnFocus),
        tab: (from, backwards) => this.tab(from, backwards),
      },
      { hoverDelayMs: deps.hoverDelayMs, isTrusted: deps.isTrusted },
    );
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
    if (!this.session) return false;
    this.close(true);
    return true;
  }

  /** Removes the card and its host; listeners go with the signal. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.input.stop();
    this.close(false);
    this.view.destroy();
  }

  /** The card's own buttons run in the page's event dispatch too. */
  private guard(run: () => void): void {
    if (!this.destroyed) neverThrow('card', run);
  }

  /**
   * The pointer arrived on a name: the view reads the page now, and a name
   * whose card is not here yet (a batch in flight or failed, a name marked
   * since) is asked for now: the background, maybe asleep, wakes during the
   * delay instead of after it.
   */
  private approach(mark: Element): void {
    this.view.prepare();
    const id = readMark(mark)?.entryId;
    if (id) this.load(id, mark);
  }

  private drawAhead(mark: Element): void {
    const id = readMark(mark)?.entryId;
    if (this.session || !id || !mark.isConnected) return;
    this.view.drawAhead(mark, this.content(new CardSession(mark, 'pointer', id)));
  }

  /**
   * Opens `mark`'s card; with `focusInside`, focus goes into it once shown
   * (Enter on the open card's own name only does that, and makes it a
   * keyboard card).
   */
  private open(mark: Element, via: OpenedVia, focusInside = false): boolean {
    let opened: boolean;
    if (focusInside && this.session && sameMention(mark, this.session.mark)) {
      this.session.via = 'focus';
      opened = true;
    } else opened = this.openSession(mark, via);
    if (focusInside) this.view.focusWhenShown();
    return opened;
  }

  private openSession(mark: Element, via: OpenedVia): boolean {
    const id = readMark(mark)?.entryId;
    if (!id || !mark.isConnected) return false;
    // A pointer opens only at the end of a hover, whose arrival read the page (`approach`).
    this.view.open(via === 'pointer');
    this.input.cancelPendingClose();
    this.session = new CardSession(mark, via, id);
    this.load(id, mark);
    this.showSession();
    return true;
  }

  private load(id: string, mark?: Element): void {
    const candidates = (mark ? (readMark(mark)?.candidates ?? []) : []).filter((c) => c !== id && !this.cache.knows(c));
    if (this.cache.get(id) && candidates.length === 0) return;
    this.cache.retry(id);
    void this.cache.prefetch([id, ...candidates], mark && !this.cache.knows(id) ? { [id]: sentenceAround(mark) } : {});
  }

  private close(returnFocus: boolean): void {
    const session = this.session;
    this.input.cancelPendingClose();
    this.session = undefined;
    this.view.close();
    if (session && returnFocus) this.input.returnFocus(session.mark);
  }

  /** Tab on the card's name or inside the card; true when the card moved focus itself. */
  private tab(from: 'mark' | 'card', backwards: boolean): boolean {
    const session = this.session;
    if (!session) return false;
    const move = this.view.tab(from, backwards);
    // Shift+Tab from the card's top: back to the name.
    if (move === 'before') this.input.returnFocus(session.mark);
    // Past the card's last control: back to the name, and on through the page from there.
    else if (move === 'after') this.close(true);
    return move !== undefined;
  }

  private navigate(ref: EntryRef): void {
    const session = this.session;
    if (!session) return;
    const hadFocus = this.view.hasFocus;
    if (!session.navigate(ref.id)) return;
    this.load(ref.id);
    this.showSession();
    this.view.scrollToTop();
    if (hadFocus) this.view.focus();
  }

  private back(): void {
    const session = this.session;
    if (!session) return;
    const hadFocus = this.view.hasFocus;
    if (!session.back()) return;
    this.showSession();
    if (hadFocus) this.view.focus();
  }

  private notThis(): void {
    const session = this.session;
    if (!session) return;
    const { rejected, next } = session.reject();
    void this.deps.addCorrection(rejected).catch(() => undefined);
    this.deps.onExcluded?.(rejected);
    if (next === undefined) {
      this.close(false);
      return;
    }
    this.load(next);
    this.showSession();
  }

  private refOf(id: string, session: CardSession): EntryRef {
    const card = this.cache.get(id);
    if (card) return { id, name: card.entry.name, type: card.entry.type };
    return { id, name: id.replace(/-/g, ' '), type: readMark(session.mark)?.type ?? 'event' };
  }

  private showSession(): void {
    const session = this.session;
    if (session) this.view.show(session.mark, this.content(session));
  }

  /** The card as `session` shows it. */
  private content(session: CardSession): CardContent {
    const previous = session.previous;
    const others = session.others();
    return {
      entryId: session.currentId,
      card: this.cache.get(session.currentId),
      error: this.cache.error(session.currentId),
      loadingName: session.history.length === 0 ? (session.mark.textContent ?? '').trim() : this.refOf(session.currentId, session).name,
      links: { readerHref: this.deps.readerHref, onOpenEntry: (ref) => this.guard(() => this.navigate(ref)) },
      back: previous === undefined ? undefined : { name: this.refOf(previous, session).name, onBack: () => this.guard(() => this.back()) },
      ambiguity: others.length > 0 ? { candidates: others.map((c) => this.refOf(c, session)), onNotThis: () => this.guard(() => this.notThis()) } : undefined,
      onClose: () => this.guard(() => this.close(true)),
    };
  }
}
