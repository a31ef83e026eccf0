/**
 * One open card's place in its story: the mark it points at, how it was
 * opened, the entry shown now, the way back, and the candidates the reader
 * rejected here. No DOM writes and no fetching: the controller asks it what
 * to show and tells it what the reader did.
 */
import { readMark } from '../dom/entity-marks';

/** How a card was opened: a keyboard card stays while the pointer wanders. */
export type OpenedVia = 'pointer' | 'focus' | 'touch';

/** The state of one open card, from its opening to its closing. */
export class CardSession {
  /** The entry shown now. */
  currentId: string;
  /** The entries shown before the current one, oldest first (the way back). */
  readonly history: string[] = [];
  /** Candidates the reader rejected here ("not this one"). */
  readonly rejected = new Set<string>();

  /** A card for `mark`, showing `entryId` (the mark's own entry). */
  constructor(
    /** The mark the card points at. */
    readonly mark: Element,
    /** How it was opened; Enter on a name a hover opened turns it into a keyboard card. */
    public via: OpenedVia,
    entryId: string,
  ) {
    this.currentId = entryId;
  }

  /** The entry shown before the current one, if the reader navigated. */
  get previous(): string | undefined {
    return this.history[this.history.length - 1];
  }

  /** Every candidate of the mark, the mark's own entry first. */
  candidates(): string[] {
    return [...(readMark(this.mark)?.candidates ?? [])];
  }

  /** The candidates offered as "or one of these": only on the mark's own card, never a rejected one or the one shown. */
  others(): string[] {
    return this.history.length === 0 ? this.candidates().filter((c) => c !== this.currentId && !this.rejected.has(c)) : [];
  }

  /** Shows `entryId`, remembering the current entry for the way back; false when it is shown already. */
  navigate(entryId: string): boolean {
    if (entryId === this.currentId) return false;
    this.history.push(this.currentId);
    this.currentId = entryId;
    return true;
  }

  /** Shows the entry before the current one; false when there is none. */
  back(): boolean {
    const previous = this.history.pop();
    if (previous === undefined) return false;
    this.currentId = previous;
    return true;
  }

  /**
   * Rejects the entry shown ("not this one") and shows the next candidate not
   * rejected. Returns the rejected entry and the one shown next (none: the card
   * has nothing left to show and should close).
   */
  reject(): { rejected: string; next: string | undefined } {
    const rejected = this.currentId;
    this.rejected.add(rejected);
    const next = this.candidates().find((c) => !this.rejected.has(c));
    if (next !== undefined) this.currentId = next;
    return { rejected, next };
  }
}
