/**
 * Hover intent timing, as in MediaWiki's Page Previews: a card opens only
 * after the pointer rests on a name for the delay, and closes only after a
 * grace period, so a pointer can travel from the name into the card and quick
 * passes over a paragraph never flash cards.
 */

/** How long the pointer may be away before the card closes. */
export const GRACE_MS = 300;

/** Two cancellable timers: one to show, one to hide. */
export class HoverIntent {
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the pending show is for, so leaving another element does not cancel it. */
  private showTarget: unknown;

  /** Shows `target` after `delayMs`, replacing any pending show. */
  scheduleShow(target: unknown, delayMs: number, show: () => void): void {
    this.cancelShow();
    this.showTarget = target;
    this.showTimer = setTimeout(() => {
      this.showTimer = undefined;
      this.showTarget = undefined;
      show();
    }, delayMs);
  }

  /** Cancels the pending show (of `target` only, when given). */
  cancelShow(target?: unknown): void {
    if (target !== undefined && target !== this.showTarget) return;
    clearTimeout(this.showTimer);
    this.showTimer = undefined;
    this.showTarget = undefined;
  }

  /** Hides after the grace period, unless cancelled first. */
  scheduleHide(hide: () => void, graceMs = GRACE_MS): void {
    if (this.hideTimer !== undefined) return;
    this.hideTimer = setTimeout(() => {
      this.hideTimer = undefined;
      hide();
    }, graceMs);
  }

  /** Keeps the card: the pointer or focus came back. */
  cancelHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }

  /** Clears both timers. */
  clear(): void {
    this.cancelShow();
    this.cancelHide();
  }
}
