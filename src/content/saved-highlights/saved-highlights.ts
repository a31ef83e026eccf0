/**
 * Saved highlights on one page: draw the page's highlights where they are now
 * (or list them as orphans), save new ones from the selection toolbar, the
 * context menu or the keyboard command, open one to edit or delete it (with
 * undo), and re-anchor lost ones when the page changes. A highlight with text
 * in a node that holds an end of the reader's selection is drawn once the
 * selection moves off it: drawing it then would move that end (see
 * `selection-guard.ts`).
 *
 * Everything hangs off the content app's AbortSignal: aborting removes every
 * `<bs-highlight>` (restoring the page's text nodes), the UI, the listeners
 * and the observer.
 */
import type { ReferenceElement } from '@floating-ui/dom';
import { describeRange } from '../../shared/anchoring';
import type { Highlight, HighlightColour, HighlightPatch } from '../../shared/highlight';
import { t } from '../../shared/i18n';
import type { CallName, CallResult, ParamsOf, ResultOf } from '../../shared/protocol';
import { UI_ATTRIBUTE } from '../dom/element-kinds';
import { scrollBehavior } from '../dom/mention-navigation';
import { selectionGuard } from '../dom/selection-guard';
import { isTrusted } from '../trusted-input';
import { anchorAll, type Placement } from './anchor-page';
import { HIGHLIGHT_TAG } from '../dom/ownership';
import { collectText, drawPlacements, erasePieces, textNodesIn } from './draw';
import { flashPieces, markNote, paintPiece } from './highlight-style';
import { PageObserver } from '../dom/page-observer';
import { entityIdsIn, rangeToOffsets } from './selection-offsets';
import { createHighlightsUi, type HighlightsUi, type UiState } from './ui/highlights-ui';

/** How the feature reaches the background (injected, so tests need no browser). */
export type BackgroundCaller = <K extends CallName>(call: K, params: ParamsOf<K>) => Promise<CallResult<ResultOf<K>>>;

interface Drawn {
  placement: Placement;
  pieces: HTMLElement[];
}

const TOAST_MS = 8_000;

/** The saved-highlights feature of one page. */
/** A passage as offsets in the page text it was read from (the text, to tell whether they still hold). */
interface PinnedPassage {
  text: string;
  start: number;
  end: number;
}

export class SavedHighlights {
  private readonly drawn = new Map<string, Drawn>();
  private orphanList: Highlight[] = [];
  /** Placed but not drawn: the selection has an end in these text nodes. Drawn when it moves. */
  private waiting: { highlight: Highlight; nodes: Text[] }[] = [];
  private readonly ui: HighlightsUi;
  private state: UiState = { colour: 'yellow', toolbar: null, popover: null, toast: null };
  private toolbarRange: Range | null = null;
  /**
   * The toolbar's passage as offsets in the page text when it opened. While the
   * reader types a note the document selection is gone, so nothing stops a
   * mark being drawn under the toolbar's live range, which moves its end before
   * the marked word. Drawing marks never changes the page's text, so while the
   * text is the same these offsets still say what the reader selected.
   */
  private toolbarPassage: PinnedPassage | null = null;
  /** The page's one observer; every DOM write of ours goes through its `mute`. */
  private readonly observer: PageObserver;
  /** Subscribed to the observer (see {@link watchPage}). */
  private watching = false;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly doc: Document;

  private readonly trusted: (event: Event) => boolean;
  private readonly noteFrameHref: ((highlightId: string, focus: boolean) => string) | undefined;

  /**
   * `options.trusted`: whether the reader (not a page script) raised an event;
   * `event.isTrusted` by default (unit tests, whose events are never trusted,
   * pass their own). `options.noteFrameHref`: the private frame's URL showing
   * a highlight's note (none in unit tests).
   */
  constructor(
    private readonly signal: AbortSignal,
    private readonly call: BackgroundCaller,
    doc: Document = document,
    options: { trusted?(event: Event): boolean; noteFrameHref?(highlightId: string, focus: boolean): string } = {},
  ) {
    this.doc = doc;
    this.observer = PageObserver.of(doc);
    this.trusted = options.trusted ?? isTrusted;
    this.noteFrameHref = options.noteFrameHref;
    this.ui = createHighlightsUi(doc, {
      chooseColour: (colour) => this.setState({ colour }),
      save: (withNote) => void this.saveFromToolbar(withNote),
      closeToolbar: () => this.closeToolbar(),
      updateHighlight: (id, patch) => void this.update(id, patch),
      deleteHighlight: (id) => void this.remove(id),
      closePopover: () => this.closePopover(true),
      dismissToast: () => this.setState({ toast: null }),
    });
  }

  /** Listens, watches and draws the page's saved highlights. Never throws. */
  async start(): Promise<void> {
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
    signal.addEventListener('abort', () => this.teardown(), { once: true });
    try {
      const result = await this.call('highlights.forPage', {});
      if (!result.ok || signal.aborted) return;
      this.place(result.value);
    } catch {
      // A failure to load must never become the page's error; the popup shows what is drawn.
    }
  }

  /** Closes the highlight popover as its Escape does (the private frame's Escape); false when none is open. */
  closeNote(): boolean {
    if (!this.state.popover) return false;
    this.closePopover(true);
    return true;
  }

  /**
   * Takes a newer copy of one of this page's highlights (its note, saved in the
   * private frame), so `tab.state` lists it as saved; false when it is not here.
   */
  highlightChanged(highlight: Highlight): boolean {
    const drawn = this.drawn.get(highlight.id);
    if (drawn && drawn.placement.highlight.url === highlight.url) {
      drawn.placement = { ...drawn.placement, highlight };
      return true;
    }
    const waiting = this.waiting.find((w) => w.highlight.id === highlight.id && w.highlight.url === highlight.url);
    if (waiting) waiting.highlight = highlight;
    return waiting !== undefined;
  }

  /** Highlights drawn on the page, and those waiting for the selection to move off their text. */
  highlights(): Highlight[] {
    const drawn = [...this.drawn.values()].filter((d) => !d.placement.highlight.id.startsWith('pending-')).map((d) => d.placement.highlight);
    return [...drawn, ...this.waiting.map((w) => w.highlight)];
  }

  /** Ids of the drawn highlights whose text on the page differs from the text saved (re-anchored approximately). */
  changed(): string[] {
    return [...this.drawn.values()].filter((d) => d.placement.changed).map((d) => d.placement.highlight.id);
  }

  /** Highlights of this page that could not be placed. */
  orphans(): Highlight[] {
    return [...this.orphanList];
  }

  /** Saves the current selection (context menu, keyboard command) in the last colour used. */
  async saveSelection(): Promise<boolean> {
    const selection = this.doc.getSelection();
    const range = selection && selection.rangeCount && !selection.isCollapsed ? selection.getRangeAt(0) : this.toolbarRange;
    if (!range) {
      this.toast(t('hl_select_first'));
      return false;
    }
    return (await this.save(range, this.state.colour)) !== null;
  }

  /** Scrolls to a drawn highlight, outlines it briefly and focuses it. */
  reveal(id: string): boolean {
    const drawn = this.drawn.get(id);
    const first = drawn?.pieces.find((p) => p.isConnected);
    if (!drawn || !first) return false;
    first.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
    flashPieces(drawn.pieces);
    first.focus({ preventScroll: true });
    return true;
  }

  // ------------------------------------------------------------- placing ---

  /**
   * Starts following the page's changes, which may lose or bring back a
   * highlight, once the page has one. Not before: on the many pages without
   * saved highlights there is nothing to re-anchor, and where entity
   * highlighting is off the page then has no observer at all.
   */
  private watchPage(): void {
    if (this.watching || this.signal.aborted) return;
    this.watching = true;
    // The flush runs in an idle callback after the page settled, never inside its mutations.
    this.observer.subscribe({ root: () => this.doc.body, onFlush: () => this.retry(), signal: this.signal });
  }

  /** Anchors and draws `highlights`; the ones that do not fit join the orphans. */
  private place(highlights: readonly Highlight[]): void {
    if (!highlights.length) return;
    this.watchPage();
    const body = this.doc.body;
    const page = collectText(body);
    const { placed, orphans } = anchorAll(page.text, highlights);
    const ids = new Set(highlights.map((h) => h.id));
    this.orphanList = [...this.orphanList.filter((h) => !ids.has(h.id)), ...orphans];
    const holds = selectionGuard(this.doc);
    const now: Placement[] = [];
    for (const placement of placed) {
      const nodes = textNodesIn(page, placement.start, placement.end);
      if (holds(nodes)) this.waiting.push({ highlight: placement.highlight, nodes });
      else now.push(placement);
    }
    if (!now.length) return;
    let pieces = new Map<string, HTMLElement[]>();
    this.observer.mute(() => (pieces = drawPlacements(body, page, now)));
    for (const placement of now) {
      const list = pieces.get(placement.highlight.id);
      if (list?.length) this.drawn.set(placement.highlight.id, { placement, pieces: list });
      else this.orphanList.push(placement.highlight);
    }
  }

  /** After the page changed: re-place highlights whose pieces were removed, and retry orphans. */
  private retry(): void {
    if (this.signal.aborted) return;
    const lost: Highlight[] = [];
    for (const [id, d] of this.drawn) {
      if (d.pieces.every((p) => p.isConnected) || id.startsWith('pending-')) continue;
      this.observer.mute(() => erasePieces(d.pieces.filter((p) => p.isConnected)));
      this.drawn.delete(id);
      lost.push(d.placement.highlight);
    }
    const again = [...lost, ...this.orphanList, ...this.waiting.map((w) => w.highlight)];
    if (!again.length) return;
    this.orphanList = [];
    this.waiting = [];
    try {
      this.place(again);
    } catch {
      this.orphanList = again;
    }
  }

  // -------------------------------------------------------------- saving ---

  /**
   * Saves the toolbar's passage; `withNote` then opens the saved highlight,
   * whose note is written in the popover's private frame: a note typed in the
   * toolbar would sit in the page's DOM (see `ui/highlight-popover.tsx`).
   */
  private async saveFromToolbar(withNote: boolean): Promise<void> {
    const range = this.toolbarRange;
    const id = range && (await this.save(range, this.state.colour, this.toolbarPassage));
    if (!id) return;
    this.closeToolbar();
    const first = this.drawn.get(id)?.pieces.find((p) => p.isConnected);
    if (withNote && first) this.open(id, first, true);
  }

  /**
   * Draws the passage at once, then asks the background to store it; undoes
   * the drawing if that fails. `passage`: the offsets taken when the toolbar
   * opened, used while the page's text is unchanged (see {@link toolbarPassage}).
   * Returns the saved highlight's id, or null when it was not saved.
   */
  private async save(range: Range, colour: HighlightColour, passage?: PinnedPassage | null): Promise<string | null> {
    // Saved without a note: the reader writes one in the private frame afterwards.
    const note = '';
    const body = this.doc.body;
    const page = collectText(body);
    const offsets = passage && passage.text === page.text ? { start: passage.start, end: passage.end } : rangeToOffsets(page, range);
    if (!offsets) {
      this.report(t('hl_no_page_text'));
      return null;
    }
    const selectors = describeRange(page.text, offsets.start, offsets.end);
    const quote = selectors[0].exact;
    const entityIds = entityIdsIn(page.toRange(offsets.start, offsets.end) ?? range);
    const pendingId = `pending-${Math.random().toString(36).slice(2)}`;
    const draft: Highlight = {
      id: pendingId,
      url: location.href,
      site: location.hostname,
      title: this.doc.title,
      quote,
      selectors,
      colour,
      note,
      entityIds,
      createdAt: Date.now(),
      updatedAt: Date.now(),
    };
    const placement: Placement = { highlight: draft, start: offsets.start, end: offsets.end, changed: false, current: quote };
    this.watchPage();
    let pieces: HTMLElement[] = [];
    this.observer.mute(() => (pieces = drawPlacements(body, page, [placement]).get(pendingId) ?? []));
    this.drawn.set(pendingId, { placement, pieces });
    this.doc.getSelection()?.removeAllRanges();
    const result = await this.call('highlights.create', { title: draft.title.slice(0, 2_000), quote, selectors, colour, note, entityIds });
    this.drawn.delete(pendingId);
    if (!result.ok) {
      this.observer.mute(() => erasePieces(pieces));
      this.report(t('private_not_saved', result.error.message));
      return null;
    }
    const saved = result.value;
    for (const piece of pieces) piece.setAttribute('data-highlight-id', saved.id);
    this.drawn.set(saved.id, { placement: { ...placement, highlight: saved }, pieces });
    return saved.id;
  }

  /** Shows a problem where the reader is looking: in the toolbar when it is open, else in a toast. */
  private report(message: string): void {
    if (this.state.toolbar) this.setState({ toolbar: { ...this.state.toolbar, error: message } });
    else this.toast(message);
  }

  // ------------------------------------------------------ editing, delete ---

  /** Opens the popover of a saved highlight; `writeNote`: the reader asked to write its note, so its note box takes the focus. */
  private open(id: string, reference: Element, writeNote = false): void {
    const drawn = this.drawn.get(id);
    if (!drawn || id.startsWith('pending-')) return;
    const { placement } = drawn;
    this.closeToolbar();
    this.setState({ popover: { highlight: placement.highlight, reference, current: placement.changed ? placement.current : undefined, noteFrameSrc: this.noteFrameHref?.(id, writeNote), focusNote: writeNote } });
  }

  private async update(id: string, patch: HighlightPatch): Promise<void> {
    const result = await this.call('highlights.update', { id, patch });
    if (!result.ok) {
      if (this.state.popover) this.setState({ popover: { ...this.state.popover, error: t('private_not_saved', result.error.message) } });
      return;
    }
    const drawn = this.drawn.get(id);
    if (drawn) {
      drawn.placement = { ...drawn.placement, highlight: result.value };
      for (const piece of drawn.pieces) paintPiece(piece, result.value.colour, drawn.placement.changed);
    }
    this.closePopover(true);
  }

  private async remove(id: string): Promise<void> {
    const result = await this.call('highlights.delete', { ids: [id] });
    if (!result.ok) {
      if (this.state.popover) this.setState({ popover: { ...this.state.popover, error: t('hl_not_deleted', result.error.message) } });
      return;
    }
    const drawn = this.drawn.get(id);
    if (drawn) {
      this.observer.mute(() => erasePieces(drawn.pieces));
      this.drawn.delete(id);
    }
    this.orphanList = this.orphanList.filter((h) => h.id !== id);
    this.setState({ popover: null });
    const deleted = result.value;
    this.toast(t('hl_deleted'), deleted.length ? () => void this.undoDelete(deleted) : undefined);
  }

  private async undoDelete(deleted: Highlight[]): Promise<void> {
    const result = await this.call('highlights.restore', { highlights: deleted });
    if (!result.ok) {
      this.toast(t('hl_undo_failed', result.error.message));
      return;
    }
    this.place(deleted);
    this.toast(t('hl_restored'));
  }

  // ------------------------------------------------------------------ UI ---

  private setState(patch: Partial<UiState>): void {
    this.state = { ...this.state, ...patch };
    if (!this.signal.aborted) this.ui.show(this.state);
  }

  private toast(message: string, undo?: () => void): void {
    clearTimeout(this.toastTimer);
    this.setState({ toast: { message, undo } });
    this.toastTimer = setTimeout(() => this.setState({ toast: null }), TOAST_MS);
  }

  private closeToolbar(): void {
    this.toolbarRange = null;
    this.toolbarPassage = null;
    if (this.state.toolbar) this.setState({ toolbar: null });
  }

  private closePopover(refocus: boolean): void {
    const id = this.state.popover?.highlight.id;
    this.setState({ popover: null });
    if (refocus && id) this.drawn.get(id)?.pieces[0]?.focus({ preventScroll: true });
    if (id) void this.refreshNoteMark(id);
  }

  /** The note is written in the private frame, out of our sight: after the popover closes, read whether it has one now. */
  private async refreshNoteMark(id: string): Promise<void> {
    if (!this.noteFrameHref) return;
    const result = await this.call('highlights.forPage', {});
    const saved = result.ok ? result.value.find((h) => h.id === id) : undefined;
    const drawn = this.drawn.get(id);
    if (!saved || !drawn) return;
    drawn.placement = { ...drawn.placement, highlight: saved };
    markNote(drawn.pieces, saved.note.trim() !== '');
  }

  private isInOurUi(target: EventTarget | null): boolean {
    return target instanceof Element && target.closest(`[${UI_ATTRIBUTE}]`) !== null;
  }

  /** The selection's range when it holds page text worth offering to save. */
  private selectedRange(): Range | null {
    const selection = this.doc.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const start = range.startContainer.nodeType === Node.ELEMENT_NODE ? (range.startContainer as Element) : range.startContainer.parentElement;
    if (!start || this.isInOurUi(start) || start.closest('input, textarea, [contenteditable]:not([contenteditable="false"])')) return null;
    if (!range.toString().trim()) return null;
    return range;
  }

  private showToolbarForSelection(): void {
    const range = this.selectedRange();
    if (!range) return;
    this.toolbarRange = range.cloneRange();
    const page = collectText(this.doc.body);
    const offsets = rangeToOffsets(page, range);
    this.toolbarPassage = offsets && { text: page.text, ...offsets };
    const live = this.toolbarRange;
    const container = live.commonAncestorContainer;
    const reference: ReferenceElement = {
      getBoundingClientRect: () => live.getBoundingClientRect(),
      getClientRects: () => live.getClientRects(),
      contextElement: container.nodeType === Node.ELEMENT_NODE ? (container as Element) : (container.parentElement ?? undefined),
    };
    this.setState({ toolbar: { reference }, popover: null });
  }

  private onPointerUp(event: MouseEvent): void {
    if (this.isInOurUi(event.target)) return;
    // The selection is final only after the browser handled the mouseup.
    setTimeout(() => this.showToolbarForSelection(), 0);
  }

  private onKeyUp(event: KeyboardEvent): void {
    if (this.isInOurUi(event.target)) return;
    if (event.shiftKey || event.key === 'Shift') this.showToolbarForSelection();
  }

  private onPointerDown(event: MouseEvent): void {
    if (this.isInOurUi(event.target)) return;
    if (this.state.toolbar) this.closeToolbar();
    if (this.state.popover && !(event.target instanceof Element && event.target.closest(HIGHLIGHT_TAG))) this.closePopover(false);
  }

  /** Draws the highlights that waited for the selection, once no end of it is in their text. */
  private drawWaiting(): void {
    if (!this.waiting.length || this.signal.aborted) return;
    const holds = selectionGuard(this.doc);
    if (this.waiting.every((w) => holds(w.nodes))) return;
    const again = this.waiting.map((w) => w.highlight);
    this.waiting = [];
    try {
      this.place(again);
    } catch {
      this.orphanList = [...this.orphanList, ...again];
    }
  }

  private onSelectionChange(): void {
    this.drawWaiting();
    if (!this.state.toolbar) return;
    const active = this.doc.activeElement;
    if (active && active.hasAttribute(UI_ATTRIBUTE)) return;
    const selection = this.doc.getSelection();
    if (!selection || selection.isCollapsed) this.closeToolbar();
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
    this.open(piece.getAttribute('data-highlight-id')!, piece);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const piece = this.highlightOf(event.target);
    if (!piece || this.doc.activeElement !== piece) return;
    event.preventDefault();
    this.open(piece.getAttribute('data-highlight-id')!, piece);
  }

  private teardown(): void {
    clearTimeout(this.toastTimer);
    this.observer.mute(() => {
      for (const d of this.drawn.values()) erasePieces(d.pieces);
    });
    this.drawn.clear();
    this.waiting = [];
    this.ui.destroy();
  }
}
