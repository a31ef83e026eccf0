/**
 * Saving: the reader's selection → the selection toolbar → a stored
 * highlight. The passage is drawn at once as a draft and stored through the
 * background; the draft is erased if that fails.
 */
import { describeRange } from '../../shared/anchoring';
import type { Highlight, HighlightColour } from '../../shared/highlight';
import { t } from '../../shared/i18n';
import { isInOurUi } from '../dom/ownership';
import type { Placement } from './anchor-page';
import { collectText } from './draw';
import type { PlacedHighlights } from './placed-highlights';
import type { BackgroundCaller } from './background-caller';
import type { Screen } from './screen';
import { entityIdsIn, rangeToOffsets } from './selection-offsets';

/** A passage as offsets in the page text it was read from (the text, to tell whether they still hold). */
interface PinnedPassage {
  text: string;
  start: number;
  end: number;
}

/** The selection's range when it holds page text worth offering to save. */
export function selectedRange(doc: Document): Range | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = range.startContainer.nodeType === Node.ELEMENT_NODE ? (range.startContainer as Element) : range.startContainer.parentElement;
  if (!start || isInOurUi(start) || start.closest('input, textarea, [contenteditable]:not([contenteditable="false"])')) return null;
  if (!range.toString().trim()) return null;
  return range;
}

/** The toolbar and the saving of a passage on one page. */
export class SelectionSaving {
  private toolbarRange: Range | null = null;
  /**
   * The toolbar's passage as offsets in the page text when it opened. While the
   * reader types a note the document selection is gone, so nothing stops a
   * mark being drawn under the toolbar's live range, which moves its end before
   * the marked word. Drawing marks never changes the page's text, so while the
   * text is the same these offsets still say what the reader selected.
   */
  private toolbarPassage: PinnedPassage | null = null;

  /** Saves into `placed` through `call`, showing the toolbar and problems on `screen`. */
  constructor(
    private readonly doc: Document,
    private readonly call: BackgroundCaller,
    private readonly placed: PlacedHighlights,
    private readonly screen: Screen,
  ) {}

  /** Opens the toolbar over the selection when it holds page text (closing any popover). */
  showToolbar(): void {
    const range = selectedRange(this.doc);
    if (!range) return;
    this.toolbarRange = range.cloneRange();
    const page = collectText(this.doc.body);
    const offsets = rangeToOffsets(page, range);
    this.toolbarPassage = offsets && { text: page.text, ...offsets };
    // The live copy: the toolbar follows the passage's box as the page moves it.
    this.screen.set({ toolbar: { reference: this.toolbarRange }, popover: null });
  }

  /** Closes the toolbar and forgets its passage. */
  closeToolbar(): void {
    this.toolbarRange = null;
    this.toolbarPassage = null;
    if (this.screen.state.toolbar) this.screen.set({ toolbar: null });
  }

  /**
   * Saves the toolbar's passage and closes the toolbar; returns the saved
   * highlight's id, or null when nothing was saved.
   */
  async saveFromToolbar(): Promise<string | null> {
    const range = this.toolbarRange;
    const id = range && (await this.save(range, this.screen.state.colour, this.toolbarPassage));
    if (!id) return null;
    this.closeToolbar();
    return id;
  }

  /** Saves the current selection (or else the toolbar's) in the last colour used; false when there is none or it failed. */
  async saveSelection(): Promise<boolean> {
    const selection = this.doc.getSelection();
    const range = selection && selection.rangeCount && !selection.isCollapsed ? selection.getRangeAt(0) : this.toolbarRange;
    if (!range) {
      this.screen.toast(t('hl_select_first'));
      return false;
    }
    return (await this.save(range, this.screen.state.colour)) !== null;
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
    const page = collectText(this.doc.body);
    const offsets = passage && passage.text === page.text ? { start: passage.start, end: passage.end } : rangeToOffsets(page, range);
    if (!offsets) {
      this.screen.report(t('hl_no_page_text'));
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
    this.placed.drawDraft(page, placement);
    this.doc.getSelection()?.removeAllRanges();
    const result = await this.call('highlights.create', { title: draft.title.slice(0, 2_000), quote, selectors, colour, note, entityIds });
    this.placed.settleDraft(pendingId, result.ok ? result.value : null);
    if (!result.ok) {
      this.screen.report(t('private_not_saved', result.error.message));
      return null;
    }
    return result.value.id;
  }
}
