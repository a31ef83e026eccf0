/**
 * Saved highlights on one page, composed of its parts: placing
 * (`placed-highlights.ts`: draw the page's highlights where they are now, or
 * list them as orphans, and re-anchor lost ones when the page changes), saving
 * (`saving.ts`: the selection toolbar, the context menu and the keyboard
 * command) and editing (`editing.ts`: the popover, delete with undo). This
 * class routes the reader's input to them.
 *
 * Everything hangs off the content app's AbortSignal: aborting removes every
 * `<bs-highlight>` (restoring the page's text nodes), the UI, the listeners
 * and the observer.
 */
import type { Highlight } from '../../shared/highlight';
import { UI_ATTRIBUTE } from '../dom/element-kinds';
import { HIGHLIGHT_TAG } from '../dom/ownership';
import { isTrusted } from '../trusted-input';
import type { BackgroundCaller } from './background-caller';
import { HighlightEditing } from './editing';
import { PlacedHighlights } from './placed-highlights';
import { isInOurUi } from '../dom/ownership';
import { SelectionSaving } from './saving';
import { Screen } from './screen';
import { createHighlightsUi, type HighlightsUi, type UiActions } from './ui/highlights-ui';

export type { BackgroundCaller } from './background-caller';

/** What a page's saved highlights can be given besides the signal and the background. */
export interface SavedHighlightsOptions {
  /** Whether the reader (not a page script) raised an event; `event.isTrusted` by default (unit tests, whose events are never trusted, pass their own). */
  trusted?(event: Event): boolean;
  /** The private frame's URL showing a highlight's note (none in unit tests). */
  noteFrameHref?(highlightId: string, focus: boolean): string;
  /** Mounts the UI that shows the toolbar, popover and toast and reports the reader's actions; the Preact UI by default. */
  ui?(doc: Document, actions: UiActions): HighlightsUi;
}

/** The saved-highlights feature of one page. */
export class SavedHighlights {
  private readonly placed: PlacedHighlights;
  private readonly screen: Screen;
  private readonly saving: SelectionSaving;
  private readonly editing: HighlightEditing;
  private readonly trusted: (event: Event) => boolean;

  /** Works in `doc` until `signal` aborts, reaching the background through `call`. */
  constructor(
    private readonly signal: AbortSignal,
    private readonly call: BackgroundCaller,
    private readonly doc: Document = document,
    options: SavedHighlightsOptions = {},
  ) {
    this.trusted = options.trusted ?? isTrusted;
    this.placed = new PlacedHighlights(doc, signal);
    const ui = (options.ui ?? createHighlightsUi)(doc, {
      chooseColour: (colour) => this.screen.set({ colour }),
      save: (withNote) => void this.saveFromToolbar(withNote),
      closeToolbar: () => this.saving.closeToolbar(),
      updateHighlight: (id, patch) => void this.editing.update(id, patch),
      deleteHighlight: (id) => void this.editing.remove(id),
      closePopover: () => this.editing.close(true),
      dismissToast: () => this.screen.set({ toast: null }),
    });
    this.screen = new Screen(ui, signal);
    this.saving = new SelectionSaving(doc, call, this.placed, this.screen);
    this.editing = new HighlightEditing(call, this.placed, this.screen, () => this.saving.closeToolbar(), options.noteFrameHref);
  }

  /** Listens, watches and draws the page's saved highlights. Never throws. */
  async start(known?: readonly Highlight[]): Promise<void> {
    const { signal, doc } = this;
    if (signal.aborted || !doc.body) return;
    const opts = { signal, capture: true } as const;
    // Only the reader's input opens the toolbar or a highlight: a page script's
    // synthetic mouseup, keyup, click or keydown does nothing.
    const trusted = <E extends Event>(handle: (e: E) => void) => (e: E) => this.trusted(e) && handle(e);
    doc.addEventListener('mouseup', trusted((e) => this.onPointerUp(e)), opts);
    doc.addEventListener('keyup', trusted((e) => this.onKeyUp(e)), opts);
    doc.addEventListener('mousedown', trusted((e) => this.onPointerDown(e)), opts);
    // It only closes the toolbar and draws what waited: nothing a page could learn from.
    doc.addEventListener('selectionchange', () => this.onSelectionChange(), { signal });
    doc.addEventListener('click', trusted((e: MouseEvent) => this.onClick(e)), { signal });
    doc.addEventListener('keydown', trusted((e: KeyboardEvent) => this.onKeyDown(e)), { signal });
    signal.addEventListener('abort', () => this.screen.destroy(), { once: true });
    try {
      // The first stage read them a moment ago: not asked again.
      const result = known ? { ok: true as const, value: known } : await this.call('highlights.forPage', {});
      if (!result.ok || signal.aborted) return;
      this.placed.place(result.value);
    } catch {
      // A failure to load must never become the page's error; the popup shows what is drawn.
    }
  }

  /** Shows the toolbar for the selection there is now, as the end of a selection by mouse or Shift does. */
  selectionMade(): void {
    if (!this.signal.aborted) this.saving.showToolbar();
  }

  /** Closes the highlight popover as its Escape does (the private frame's Escape); false when none is open. */
  closeNote(): boolean {
    if (!this.screen.state.popover) return false;
    this.editing.close(true);
    return true;
  }

  /**
   * Takes a newer copy of one of this page's highlights (its note, saved in the
   * private frame), so `tab.state` lists it as saved; false when it is not here.
   */
  highlightChanged(highlight: Highlight): boolean {
    return this.placed.highlightChanged(highlight);
  }

  /** Highlights drawn on the page, and those waiting for the selection to move off their text. */
  highlights(): Highlight[] {
    return this.placed.highlights();
  }

  /** Ids of the drawn highlights whose text on the page differs from the text saved (re-anchored approximately). */
  changed(): string[] {
    return this.placed.changed();
  }

  /** Highlights of this page that could not be placed. */
  orphans(): Highlight[] {
    return this.placed.orphans();
  }

  /** Saves the current selection (context menu, keyboard command) in the last colour used. */
  saveSelection(): Promise<boolean> {
    return this.saving.saveSelection();
  }

  /** Scrolls to a drawn highlight, outlines it briefly and focuses it. */
  reveal(id: string): boolean {
    return this.placed.reveal(id);
  }

  /**
   * Saves the toolbar's passage; `withNote` then opens the saved highlight,
   * whose note is written in the popover's private frame: a note typed in the
   * toolbar would sit in the page's DOM (see `ui/highlight-popover.tsx`).
   */
  private async saveFromToolbar(withNote: boolean): Promise<void> {
    const id = await this.saving.saveFromToolbar();
    const first = id && this.placed.firstPiece(id);
    if (withNote && id && first) this.editing.open(id, first, true);
  }

  private onPointerUp(event: MouseEvent): void {
    if (isInOurUi(event.target)) return;
    // The selection is final only after the browser handled the mouseup.
    setTimeout(() => this.saving.showToolbar(), 0);
  }

  private onKeyUp(event: KeyboardEvent): void {
    if (isInOurUi(event.target)) return;
    if (event.shiftKey || event.key === 'Shift') this.saving.showToolbar();
  }

  private onPointerDown(event: MouseEvent): void {
    if (isInOurUi(event.target)) return;
    if (this.screen.state.toolbar) this.saving.closeToolbar();
    if (this.screen.state.popover && !(event.target instanceof Element && event.target.closest(HIGHLIGHT_TAG))) this.editing.close(false);
  }

  private onSelectionChange(): void {
    this.placed.drawWaiting();
    if (!this.screen.state.toolbar) return;
    const active = this.doc.activeElement;
    if (active && active.hasAttribute(UI_ATTRIBUTE)) return;
    const selection = this.doc.getSelection();
    if (!selection || selection.isCollapsed) this.saving.closeToolbar();
  }

  private highlightOf(target: EventTarget | null): HTMLElement | null {
    if (!(target instanceof Element)) return null;
    return target.closest(`${HIGHLIGHT_TAG}[data-highlight-id]`);
  }

  private onClick(event: MouseEvent): void {
    const piece = this.highlightOf(event.target);
    if (!piece) return;
    // Inside a link, the click is the link's; the highlight opens with Enter on its tab stop.
    if (piece.closest('a[href]')) return;
    const selection = this.doc.getSelection();
    if (selection && !selection.isCollapsed) return;
    this.editing.open(piece.getAttribute('data-highlight-id')!, piece);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const piece = this.highlightOf(event.target);
    if (!piece || this.doc.activeElement !== piece) return;
    event.preventDefault();
    this.editing.open(piece.getAttribute('data-highlight-id')!, piece);
  }
}
