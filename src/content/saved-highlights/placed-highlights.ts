/**
 * Placing: the page's saved highlights anchored in its text and drawn as
 * `<bs-highlight>` pieces, the ones that could not be placed (orphans), and
 * the ones waiting for the selection to move off their text (drawing them
 * would move an end of it: see `selection-guard.ts`). Once the page has a
 * highlight it follows the page's changes and re-places what it lost.
 */
import type { Highlight } from '../../shared/highlight';
import { scrollBehavior } from '../dom/mention-navigation';
import { PageObserver } from '../dom/page-observer';
import type { PageText } from '../dom/page-text';
import { selectionGuard } from '../dom/selection-guard';
import { anchorAll, type Placement } from './anchor-page';
import { collectText, drawPlacements, erasePieces, textNodesIn } from './draw';
import { flashPieces, markNote, paintPiece } from './highlight-style';

interface Drawn {
  placement: Placement;
  pieces: HTMLElement[];
}

/** A highlight drawn before the background stored it has an id with this prefix. */
const PENDING = 'pending-';

/** The saved highlights placed on one page. Aborting `signal` erases every piece, restoring the page's text nodes. */
export class PlacedHighlights {
  private readonly drawn = new Map<string, Drawn>();
  private orphanList: Highlight[] = [];
  /** Placed but not drawn: the selection has an end in these text nodes. Drawn when it moves. */
  private waiting: { highlight: Highlight; nodes: Text[] }[] = [];
  /** The page's one observer; every DOM write of ours goes through its `mute`. */
  private readonly observer: PageObserver;
  /** Subscribed to the observer (see {@link watchPage}). */
  private watching = false;

  /** Places highlights in `doc`'s body until `signal` aborts. */
  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
  ) {
    this.observer = PageObserver.of(doc);
    signal.addEventListener('abort', () => this.clear(), { once: true });
  }

  /** Anchors and draws `highlights`; the ones that do not fit join the orphans. */
  place(highlights: readonly Highlight[]): void {
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

  /** Draws the highlights that waited for the selection, once no end of it is in their text. */
  drawWaiting(): void {
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

  /**
   * Draws a passage the background has not stored yet (its highlight's id
   * starts with `pending-`; listed nowhere) so the reader sees it at once.
   */
  drawDraft(page: PageText, placement: Placement): void {
    this.watchPage();
    let pieces: HTMLElement[] = [];
    this.observer.mute(() => (pieces = drawPlacements(this.doc.body, page, [placement]).get(placement.highlight.id) ?? []));
    this.drawn.set(placement.highlight.id, { placement, pieces });
  }

  /** Ends a draft: `saved` (the stored highlight) takes its pieces, or, when null, they are erased. */
  settleDraft(draftId: string, saved: Highlight | null): void {
    const draft = this.drawn.get(draftId);
    this.drawn.delete(draftId);
    if (!draft) return;
    if (!saved) {
      this.observer.mute(() => erasePieces(draft.pieces));
      return;
    }
    for (const piece of draft.pieces) piece.setAttribute('data-highlight-id', saved.id);
    this.drawn.set(saved.id, { placement: { ...draft.placement, highlight: saved }, pieces: draft.pieces });
  }

  /** A stored (not draft) highlight drawn on the page, with whether its text changed and the text there now. */
  find(id: string): Placement | undefined {
    return id.startsWith(PENDING) ? undefined : this.drawn.get(id)?.placement;
  }

  /** The first piece of a drawn highlight still in the page. */
  firstPiece(id: string): HTMLElement | undefined {
    return this.drawn.get(id)?.pieces.find((p) => p.isConnected);
  }

  /** Focuses a drawn highlight's tab stop. */
  focus(id: string): void {
    this.drawn.get(id)?.pieces[0]?.focus({ preventScroll: true });
  }

  /** Takes a newer copy of a drawn highlight and repaints it for its colour. */
  repaint(highlight: Highlight): void {
    const drawn = this.drawn.get(highlight.id);
    if (!drawn) return;
    drawn.placement = { ...drawn.placement, highlight };
    for (const piece of drawn.pieces) paintPiece(piece, highlight.colour, drawn.placement.changed);
  }

  /** Takes a newer copy of a drawn highlight and shows whether it has a note; false when it is not drawn. */
  remark(highlight: Highlight): boolean {
    const drawn = this.drawn.get(highlight.id);
    if (!drawn) return false;
    drawn.placement = { ...drawn.placement, highlight };
    markNote(drawn.pieces, highlight.note.trim() !== '');
    return true;
  }

  /** Erases a highlight from the page and from the orphans. */
  erase(id: string): void {
    const drawn = this.drawn.get(id);
    if (drawn) {
      this.observer.mute(() => erasePieces(drawn.pieces));
      this.drawn.delete(id);
    }
    this.orphanList = this.orphanList.filter((h) => h.id !== id);
  }

  /**
   * Takes a newer copy of one of this page's highlights (its note, saved in the
   * private frame), so it is listed as saved; false when it is not here.
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
    const drawn = [...this.drawn.values()].filter((d) => !d.placement.highlight.id.startsWith(PENDING)).map((d) => d.placement.highlight);
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

  /** After the page changed: re-place highlights whose pieces were removed, and retry orphans. */
  private retry(): void {
    if (this.signal.aborted) return;
    const lost: Highlight[] = [];
    for (const [id, d] of this.drawn) {
      if (d.pieces.every((p) => p.isConnected) || id.startsWith(PENDING)) continue;
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

  private clear(): void {
    this.observer.mute(() => {
      for (const d of this.drawn.values()) erasePieces(d.pieces);
    });
    this.drawn.clear();
    this.waiting = [];
  }
}
