/**
 * The card as the page shows it: the Preact popover rendered into the card's
 * host (made once, by an injectable factory), placed against its name
 * (through `card-placement.ts`) and kept there while the page scrolls, the
 * focus moves into and inside it, and the `backstory:card` paint measure.
 * It knows nothing of marks' entries, of the cache or of input: the
 * controller tells it what to show and when.
 */
import { createRef, render } from 'preact';
import { placeCard } from './card-placement';
import { followMoves } from '../dom/anchored-element';
import { createCardHost, type CardHost } from './card-host';
import { CardPopover, type CardPopoverProps } from './card-popover';
import { readPageDate } from './page-date';
import { isPageDark } from '../dom/page-theme';

/** Name of the User Timing measure from the end of the hover delay to the card painted. */
export const PAINT_MEASURE = 'backstory:card';
const PAINT_START = 'backstory:card-start';
const TITLE_ID = 'backstory-card-title';

/**
 * What a card shows: the popover's props but those the view fills in from
 * the page (theme, date, private frame) and its own (ref, title id).
 */
export interface CardContent extends Omit<CardPopoverProps, 'popoverRef' | 'titleId' | 'pageDate' | 'theme' | 'privateFrameSrc'> {
  /** The entry shown, named in the paint measure's detail. */
  entryId: string;
}

/** What the view needs from the extension and the page. */
export interface CardViewOptions {
  doc: Document;
  /** Makes the card's home on the page, once, before the first card; `createCardHost` by default. */
  createHost?(doc: Document): CardHost;
  /** The private frame's URL showing the reader's highlights of an entry. */
  privateFrameHref?(entryId: string, dark: boolean): string;
}

/** Where Tab took focus: into the card (done), or out of it before or after (the caller moves it). */
export type TabMove = 'inside' | 'before' | 'after';

/** Renders, places and focuses the one card of a document. */
export class CardView {
  private host: CardHost | undefined;
  private readonly popoverRef = createRef<HTMLDivElement>();
  /** What the host holds: nothing, a card drawn ahead (hidden), or the open card. */
  private mode: 'none' | 'ahead' | 'card' = 'none';
  /** The open card's name and content, as last shown. */
  private mark: Element | undefined;
  private content: CardContent | undefined;
  private stopFollowing: (() => void) | undefined;
  /** The popover element placed last, and whether that placement has landed. */
  private placedFloating: HTMLElement | undefined;
  private positioned = false;
  /** Focus goes into the card once its first placement shows it (Enter or Space on a name). */
  private focusOnShow = false;
  private paintPending = false;
  private pageDate: string | null | undefined;
  /** The page's theme, read before a card opens (see `prepare`). */
  private theme: 'dark' | 'auto' = 'auto';

  /** A view of no card yet: nothing is added to the page before `prepare`. */
  constructor(private readonly options: CardViewOptions) {}

  /** The card's host element, once made. */
  get hostElement(): Element | undefined {
    return this.host?.host;
  }

  /** Whether focus is inside the card. */
  get hasFocus(): boolean {
    return !!this.host && this.options.doc.activeElement === this.host.host;
  }

  /**
   * What a card needs from the page, read before it opens: the host (created
   * once), the page's theme and date. A hover calls this when the pointer
   * arrives, so the hover delay pays for the style read instead of the frame
   * that shows the card.
   */
  prepare(): void {
    const doc = this.options.doc;
    this.host ??= (this.options.createHost ?? createCardHost)(doc);
    this.theme = isPageDark(doc) ? 'dark' : 'auto';
    this.pageDate ??= readPageDate(doc) ?? null;
  }

  /**
   * Renders and places, invisibly, the card a hover will open, so that when
   * the delay ends only the placement is checked and the card shown: the
   * Preact render and the layout of a fresh card (3–6 ms, 15–25 ms for the
   * first card of a page, which also resolves the shadow root's styles and
   * fonts) move out of the frame that shows it. The pointer may still leave
   * (then `dropAhead` removes it); hidden, it takes no pointer events, focus
   * or room in the accessibility tree. Does nothing while a card is open.
   */
  drawAhead(mark: Element, content: CardContent): void {
    const host = this.host;
    if (this.mode === 'card' || !host) return;
    render(this.popover(content), host.mount);
    const floating = this.popoverRef.current;
    if (!floating) return;
    this.mode = 'ahead';
    floating.style.visibility = 'hidden';
    placeCard(mark, floating);
  }

  /** Removes the card drawn ahead, if any (an open card stays). */
  dropAhead(): void {
    if (this.mode !== 'ahead') return;
    this.mode = 'none';
    if (this.host) render(null, this.host.mount);
  }

  /**
   * A card opens: starts its paint measure, and reads the page unless a hover
   * already did (`prepared`). A card drawn ahead stays in the DOM: rendering
   * the same card over it changes next to nothing.
   */
  open(prepared: boolean): void {
    performance.mark(PAINT_START);
    if (!prepared || !this.host) this.prepare();
    this.stopPositioning();
    this.mode = 'card';
    this.paintPending = true;
    this.focusOnShow = false;
  }

  /** Shows `content` in the open card, against `mark`. */
  show(mark: Element, content: CardContent): void {
    const host = this.host;
    if (this.mode !== 'card' || !host) return;
    this.mark = mark;
    this.content = content;
    render(this.popover(content), host.mount);
    this.position(mark);
    this.measurePaint();
  }

  /** Removes the open card. */
  close(): void {
    this.stopPositioning();
    this.mode = 'none';
    this.mark = undefined;
    this.content = undefined;
    this.paintPending = false;
    this.focusOnShow = false;
    if (this.host) render(null, this.host.mount);
  }

  /** Focuses the card now if it is shown, or once its first placement shows it (a hidden element takes no focus). */
  focusWhenShown(): void {
    const popover = this.popoverRef.current;
    if (popover && this.positioned) popover.focus();
    else this.focusOnShow = true;
  }

  /** Focuses the card (after the reader moved inside it, so focus stays with it). */
  focus(): void {
    this.popoverRef.current?.focus();
  }

  /** Scrolls the card back to its top (another entry is shown). */
  scrollToTop(): void {
    this.popoverRef.current?.scrollTo?.(0, 0);
  }

  /**
   * Tab (`backwards`: Shift+Tab) from the card's name (`from: 'mark'`) or from
   * inside the card. Tab on the name moves focus into the card here
   * (`'inside'`); Shift+Tab from the card's top goes back to the name
   * (`'before'`), Tab past its last control goes on through the page from
   * the name (`'after'`): the caller moves focus. Undefined: the browser's
   * own Tab is right.
   */
  tab(from: 'mark' | 'card', backwards: boolean): TabMove | undefined {
    const popover = this.popoverRef.current;
    if (this.mode !== 'card' || !popover || !this.host) return undefined;
    if (from === 'mark') {
      if (backwards) return undefined;
      popover.focus();
      return 'inside';
    }
    const inner = this.host.shadow.activeElement;
    const focusables = [...popover.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')];
    if (backwards && (inner === popover || inner === focusables[0])) return 'before';
    if (!backwards && (focusables.length === 0 || inner === focusables[focusables.length - 1])) return 'after';
    return undefined;
  }

  /** Removes the card and its host. */
  destroy(): void {
    this.close();
    this.host?.remove();
    this.host = undefined;
  }

  private popover(content: CardContent) {
    const { entryId: _entryId, ...props } = content;
    const dark = this.theme === 'dark';
    return (
      <CardPopover
        {...props}
        popoverRef={this.popoverRef}
        titleId={TITLE_ID}
        pageDate={this.pageDate ?? undefined}
        theme={this.theme}
        privateFrameSrc={props.card ? this.options.privateFrameHref?.(props.card.entry.id, dark) : undefined}
      />
    );
  }

  /**
   * Places the card against the name after each render (its size may have
   * changed), and follows the name while the page scrolls or resizes. The
   * placement is synchronous (see `card-placement.ts`): a card drawn ahead
   * hidden is shown once placed, in the same task, so it never flashes at 0,0.
   */
  private position(reference: Element): void {
    const floating = this.popoverRef.current;
    if (!floating) return;
    if (this.placedFloating !== floating) {
      this.stopPositioning();
      this.placedFloating = floating;
      this.stopFollowing = followMoves(this.options.doc, () => this.mark && this.position(this.mark));
    }
    placeCard(reference, floating);
    if (!this.positioned) {
      floating.style.visibility = 'visible';
      this.positioned = true;
    }
    if (this.focusOnShow) {
      this.focusOnShow = false;
      floating.focus();
    }
    this.measurePaint();
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
  private measurePaint(): void {
    const content = this.content;
    if (!this.paintPending || !content?.card || !this.positioned) return;
    this.paintPending = false;
    const entryId = content.entryId;
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
