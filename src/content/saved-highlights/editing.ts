/**
 * Editing: a saved highlight opened in its popover, its colour changed, its
 * note written in the private frame (never in the page's DOM), and its
 * deletion with an Undo toast.
 */
import type { Highlight, HighlightPatch } from '../../shared/highlight';
import { t } from '../../shared/i18n';
import type { BackgroundCaller } from './background-caller';
import type { PlacedHighlights } from './placed-highlights';
import type { Screen } from './screen';

/** The popover of one page's saved highlights. */
export class HighlightEditing {
  /**
   * `closeToolbar`: closes the selection toolbar (and forgets its passage) as a
   * popover opens. `noteFrameHref`: the private frame's URL showing a
   * highlight's note; without it (unit tests) the popover has no note frame and
   * the note mark is not re-read.
   */
  constructor(
    private readonly call: BackgroundCaller,
    private readonly placed: PlacedHighlights,
    private readonly screen: Screen,
    private readonly closeToolbar: () => void,
    private readonly noteFrameHref: ((highlightId: string, focus: boolean) => string) | undefined,
  ) {}

  /** Opens the popover of a saved highlight; `writeNote`: the reader asked to write its note, so its note box takes the focus. */
  open(id: string, reference: Element, writeNote = false): boolean {
    const placement = this.placed.find(id);
    if (!placement) return false;
    this.closeToolbar();
    this.screen.set({ popover: { highlight: placement.highlight, reference, current: placement.changed ? placement.current : undefined, noteFrameSrc: this.noteFrameHref?.(id, writeNote), focusNote: writeNote } });
    return true;
  }

  /** Closes the popover; `refocus` puts the focus back on its highlight. */
  close(refocus: boolean): void {
    const id = this.screen.state.popover?.highlight.id;
    this.screen.set({ popover: null });
    if (refocus && id) this.placed.focus(id);
    if (id) void this.refreshNoteMark(id);
  }

  /** Stores a change of a highlight (its colour) and repaints it; a failure shows in the popover. */
  async update(id: string, patch: HighlightPatch): Promise<void> {
    const result = await this.call('highlights.update', { id, patch });
    if (!result.ok) {
      this.popoverError(t('private_not_saved', result.error.message));
      return;
    }
    this.placed.repaint(result.value);
    this.close(true);
  }

  /** Deletes a highlight, erases it and offers to undo that in a toast. */
  async remove(id: string): Promise<void> {
    const result = await this.call('highlights.delete', { ids: [id] });
    if (!result.ok) {
      this.popoverError(t('hl_not_deleted', result.error.message));
      return;
    }
    this.placed.erase(id);
    this.screen.set({ popover: null });
    const deleted = result.value;
    this.screen.toast(t('hl_deleted'), deleted.length ? () => void this.undoDelete(deleted) : undefined);
  }

  private async undoDelete(deleted: Highlight[]): Promise<void> {
    const result = await this.call('highlights.restore', { highlights: deleted });
    if (!result.ok) {
      this.screen.toast(t('hl_undo_failed', result.error.message));
      return;
    }
    this.placed.place(deleted);
    this.screen.toast(t('hl_restored'));
  }

  private popoverError(error: string): void {
    const popover = this.screen.state.popover;
    if (popover) this.screen.set({ popover: { ...popover, error } });
  }

  /** The note is written in the private frame, out of our sight: after the popover closes, read whether it has one now. */
  private async refreshNoteMark(id: string): Promise<void> {
    if (!this.noteFrameHref) return;
    const result = await this.call('highlights.forPage', {});
    const saved = result.ok ? result.value.find((h) => h.id === id) : undefined;
    if (saved) this.placed.remark(saved);
  }
}
