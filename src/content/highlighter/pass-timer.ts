/**
 * The clock of one annotation pass: how long it matched, waited for the
 * background and wrapped, and the User Timing measures it leaves when it
 * ends (`backstory:annotate`, `backstory:match`, `backstory:wrap`). The bench
 * and the tests read the measures; the pass itself only says which step each
 * piece of work belongs to.
 */
import type { TimeSlicer } from './time-slicer';

/** The measure names, for tests and the bench. */
export const MEASURES = { annotate: 'backstory:annotate', match: 'backstory:match', wrap: 'backstory:wrap' } as const;

/** What a pass tells its timer when it ends (absent: the step did not run). */
export interface PassSummary {
  roots: number;
  stale: boolean;
  /** Mentions marked by the pass. */
  added?: number;
  textLength?: number;
  /** Wrap groups queued as off-screen. */
  deferred?: number;
  /** The page's marks and whether the cap stopped annotation, after the pass. */
  marks: number;
  capped: boolean;
}

/** The outcome of one pass. */
export interface PassResult {
  /** Mentions marked by this pass. */
  added: number;
  /** The DOM changed under the walk; the caller should run the pass again. */
  stale: boolean;
  /** Work time of the pass (yields excluded), ms. */
  workMs: number;
  /** Longest slice, ms. */
  longestSliceMs: number;
}

/** Times one pass, started when constructed. */
export class PassTimer {
  private readonly started = performance.now();
  private matchStart = 0;
  private matchMs = 0;
  /** The wait for the background's matches: not work on this thread. */
  private remoteMs = 0;
  private wrapStart = 0;
  private wrapMs = 0;

  constructor(private readonly slicer: TimeSlicer) {}

  /** Runs `work` as part of matching (sending the text included: it is serialised on this thread). */
  matching<T>(work: () => T): T {
    return this.time(work, (start, ms) => {
      this.matchStart ||= start;
      this.matchMs += ms;
    });
  }

  /** Waits for the background's answer, in the slicer (not counted as work). */
  async remote<T>(answer: Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await this.slicer.wait(answer);
    } finally {
      this.remoteMs += performance.now() - start;
    }
  }

  /** Runs `work` as part of wrapping. */
  wrapping<T>(work: () => T): T {
    return this.time(work, (start, ms) => {
      this.wrapStart ||= start;
      this.wrapMs += ms;
    });
  }

  /** Adds wrapping time measured in slices (see `Annotator.wrapInSlices`). */
  addWrapping(ms: number): void {
    this.wrapMs += ms;
  }

  /** Ends the pass: leaves its measures and returns its result. */
  finish(summary: PassSummary): PassResult {
    const { slicer } = this;
    const { roots, stale, added = 0, textLength = 0, deferred = 0, marks, capped } = summary;
    slicer.finish();
    const workMs = slicer.totalMs();
    try {
      if (this.matchStart > 0) performance.measure(MEASURES.match, { start: this.matchStart, duration: this.matchMs });
      if (this.wrapStart > 0) performance.measure(MEASURES.wrap, { start: this.wrapStart, duration: this.wrapMs });
      performance.measure(MEASURES.annotate, {
        start: this.started,
        duration: workMs,
        detail: { roots, added, deferred, marks, capped, textLength, remoteMs: this.remoteMs, longestSliceMs: slicer.longestSliceMs, slices: slicer.slices, yields: slicer.yields, wallMs: performance.now() - this.started, stale },
      });
    } catch {
      // A page that replaced `performance` must not stop annotation.
    }
    return { added, stale, workMs, longestSliceMs: slicer.longestSliceMs };
  }

  private time<T>(work: () => T, add: (start: number, ms: number) => void): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      add(start, performance.now() - start);
    }
  }
}
