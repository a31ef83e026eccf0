/**
 * What the saved-highlights UI shows (toolbar, popover, toast) as one state,
 * and the UI it is shown through. The placing, saving and editing parts
 * change it only here, so the toolbar, the popover and the toast never
 * disagree about what is open.
 */
import type { HighlightsUi, UiState } from './ui/highlights-ui';

const TOAST_MS = 8_000;

/** The shown state of one page's saved-highlights UI. */
export class Screen {
  private current: UiState = { colour: 'yellow', toolbar: null, popover: null, toast: null };
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  /** `ui`: where the state is shown; nothing is shown once `signal` aborted. */
  constructor(
    private readonly ui: HighlightsUi,
    private readonly signal: AbortSignal,
  ) {}

  /** What is shown now. */
  get state(): UiState {
    return this.current;
  }

  /** Changes part of what is shown. */
  set(patch: Partial<UiState>): void {
    this.current = { ...this.current, ...patch };
    if (!this.signal.aborted) this.ui.show(this.current);
  }

  /** Shows a message for a while; `undo` adds an Undo button. */
  toast(message: string, undo?: () => void): void {
    clearTimeout(this.toastTimer);
    this.set({ toast: { message, undo } });
    this.toastTimer = setTimeout(() => this.set({ toast: null }), TOAST_MS);
  }

  /** Shows a problem where the reader is looking: in the toolbar when it is open, else in a toast. */
  report(message: string): void {
    if (this.current.toolbar) this.set({ toolbar: { ...this.current.toolbar, error: message } });
    else this.toast(message);
  }

  /** Removes the UI and stops the toast's timer. */
  destroy(): void {
    clearTimeout(this.toastTimer);
    this.ui.destroy();
  }
}
