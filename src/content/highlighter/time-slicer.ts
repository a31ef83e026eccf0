/**
 * Cuts long work into slices so no main-thread task runs long enough to make
 * the page janky (the brief's limit is 50 ms; a slice stops after
 * {@link SLICE_MS}, leaving room for the step that overshoots). Between
 * slices it yields to the browser: `scheduler.yield()` where available (the
 * continuation keeps its priority), otherwise a `MessageChannel` message
 * (unlike nested `setTimeout(0)`, not clamped to 4 ms).
 */

/** Work time per slice before yielding. */
export const SLICE_MS = 12;

interface SchedulerWithYield {
  yield(): Promise<void>;
}

/** Resolves in a later task. */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Thrown (and caught by the annotator) when the signal aborted during a yield. */
export class SliceAborted extends Error {
  constructor() {
    super('aborted');
  }
}

/** Tracks one job's slices: how long the current one ran, the total work time and the longest slice. */
export class TimeSlicer {
  private sliceStart = performance.now();
  /** Work time of finished slices, in ms (yields excluded). */
  private workMs = 0;
  /** Longest slice so far, in ms. */
  longestSliceMs = 0;
  /**
   * Each finished slice's start (on the page's performance timeline) and
   * length, ms, in pairs: the bench finds the browser's tasks that ran them in
   * a trace, to read their CPU time.
   */
  readonly slices: number[] = [];
  /** How many times the job yielded. */
  yields = 0;

  constructor(
    private readonly signal: AbortSignal,
    private sliceMs = SLICE_MS,
  ) {}

  /** True when the current slice has used its time. */
  readonly overBudget = (): boolean => performance.now() - this.sliceStart >= this.sliceMs;

  /** Ends the current slice, yields, and starts the next; throws {@link SliceAborted} on abort. */
  async yield(): Promise<void> {
    this.endSlice();
    this.yields++;
    await yieldToBrowser();
    if (this.signal.aborted) throw new SliceAborted();
    this.sliceStart = performance.now();
  }

  /**
   * Ends the current slice, waits for `pending` (another context's work, not
   * ours), and starts the next; throws {@link SliceAborted} on abort.
   */
  async wait<T>(pending: Promise<T>): Promise<T> {
    this.endSlice();
    this.yields++;
    const value = await pending;
    if (this.signal.aborted) throw new SliceAborted();
    this.sliceStart = performance.now();
    return value;
  }

  /**
   * From now on the slice is never over budget: for the rest of a job that
   * must not yield (a yield would let the page paint a half-done state) and
   * whose work the caller has bounded.
   */
  setBudgetAside(): void {
    this.sliceMs = Infinity;
  }

  /** Yields only when the slice is over budget. */
  async checkpoint(): Promise<void> {
    if (this.overBudget()) await this.yield();
  }

  /** Total work time including the current slice so far. */
  totalMs(): number {
    return this.workMs + (performance.now() - this.sliceStart);
  }

  private endSlice(): void {
    const ms = performance.now() - this.sliceStart;
    this.slices.push(this.sliceStart, ms);
    this.workMs += ms;
    if (ms > this.longestSliceMs) this.longestSliceMs = ms;
  }

  /** Closes the last slice (call once at the end). */
  finish(): void {
    this.endSlice();
    this.sliceStart = performance.now();
  }
}
