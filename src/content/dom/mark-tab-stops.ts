/**
 * "Tab reaches marks" (Settings → Cards): the first piece of each mention
 * joins the page's Tab order (`tabindex="0"`), so a keyboard reader moves from
 * name to name and opens a card with Enter or Space (the hover card's
 * controller). One stop per mention, not per piece: a name split across inline
 * elements is one name. Turning the setting off takes the stops out again
 * without a reload. Marks focused by script only (the next-mention command,
 * focus returned after a card closes) keep their `tabindex="-1"`, which is no
 * Tab stop.
 */
import { MARK_SELECTOR, mentionHeads } from './entity-marks';

/** The value that puts a mark in the Tab order. */
const TAB_STOP = '0';

/**
 * Keeps a document's marks in or out of the Tab order, as the reader's
 * setting says. Call {@link MarkTabStops.apply} after every annotation pass
 * (new marks) and every settings change.
 */
export class MarkTabStops {
  /** Whether any stop may be in the page: a page never given one costs nothing while the setting is off. */
  private placed = false;

  constructor(private readonly doc: Document) {}

  /** Puts every mention's first piece in the Tab order (`on`), or takes every mark out of it. */
  apply(on: boolean): void {
    if (on) {
      for (const head of mentionHeads(this.doc)) if (head.getAttribute('tabindex') !== TAB_STOP) head.setAttribute('tabindex', TAB_STOP);
      this.placed = true;
    } else if (this.placed) {
      for (const mark of this.doc.querySelectorAll(`${MARK_SELECTOR}[tabindex="${TAB_STOP}"]`)) mark.removeAttribute('tabindex');
      this.placed = false;
    }
  }
}
