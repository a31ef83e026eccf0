/**
 * Entity highlighting on one page, start to stop: the stylesheet, the first
 * pass over the body, the observer that annotates content added later, the
 * reaction to settings changes without reload, and the report to the
 * background.
 *
 * Passes run one at a time through a queue. When the page removes content,
 * the mentions that went stop counting (see `mention-ledger.ts`) and the
 * report is sent again; if that left room under the cap, the body is
 * annotated again, so a page that never stops changing keeps being marked.
 * Mentions under an end of the reader's selection wait until it moves (see
 * `selection-guard.ts`), and are then marked by a job of the same queue. A settings change that alters
 * what is marked (types, density, cap) annotates again, the old marks replaced
 * once the new ones are ready (`Annotator.reannotate`);
 * turning off clears, removes the stylesheet and stops observing, leaving the
 * page's text nodes exactly as they were.
 *
 * Browser APIs stay at the edges: `page.match` and the report travel
 * through the functions passed in, so this module runs in unit tests.
 */
import type { PageReport } from '../../shared/protocol';
import type { Settings } from '../../shared/settings';
import { Annotator, type AnnotationState } from './annotator';
import { PendingWraps } from './pending-wraps';
import { isEditableDocument, isInsideSkipped } from '../dom/element-kinds';
import type { MentionMark } from '../dom/entity-marks';
import { injectMarkStyle } from '../dom/mark-style';
import { isPageDark } from '../dom/page-theme';
import { focusNextMention, revealEntry } from '../dom/mention-navigation';
import { pageRecognition, type PageRecognition, type RecognitionSources } from './page-matching';
import { SliceAborted } from './time-slicer';
import { PageObserver } from '../dom/page-observer';

/** What entity highlighting needs from the content script. */
export interface EntityHighlightingDeps {
  document: Document;
  /** Matches page text in the background (`page.match`, the site's corrections applied); null when it could not (see `page-matching.ts`). */
  matchRemote: RecognitionSources['matchRemote'];
  /** Sends the page report (counts, marks, capped) to the background. */
  report(report: PageReport): void;
  /** Told after every pass and every clear (the hover card re-reads marks). */
  onChange?(state: AnnotationState & { active: boolean }): void;
  /** The IntersectionObserver for marks queued until near the viewport; the global one when absent. None in the environment: every mark is wrapped at once. */
  IntersectionObserver?: typeof IntersectionObserver;
  /** How long to wait before asking the background again after each failed pass in a row (default {@link RETRY_DELAYS_MS}). */
  retryDelaysMs?: readonly number[];
}

/**
 * When the background could not match a pass (it was starting, or busy past
 * the message's life), the body is due to be annotated again: the next change
 * of the page asks again, and a page that never changes asks again after
 * these delays, one per failure in a row, then waits for a change.
 */
const RETRY_DELAYS_MS = [2_000, 10_000, 60_000];

/** How long reports wait, so a burst of passes sends one. */
const REPORT_DELAY_MS = 250;

/** Settings fields that change which marks are drawn. */
function marksDiffer(a: Settings, b: Settings): boolean {
  return a.density !== b.density || a.markCap !== b.markCap || JSON.stringify(a.types) !== JSON.stringify(b.types);
}

/** Runs entity highlighting on a page. */
export class EntityHighlighting {
  private settings: Settings | undefined;
  /** How this page recognises names: where it matches, entry types, the reader's exclusions. */
  private recognition: PageRecognition | undefined;
  private annotator: Annotator | undefined;
  /** Lives while highlighting is on; aborting stops the observer and any pass. */
  private session: AbortController | undefined;
  /**
   * Whether the last `apply` turned highlighting on. Set when the start or
   * stop is queued, not when it runs: `session` alone would let a second
   * start be queued behind the first, or an "on" right after an "off" find
   * the old session not yet stopped and do nothing.
   */
  private on = false;
  /** Removes the marks' stylesheet; set once the first mark brought it. */
  private removeStyle: (() => void) | undefined;
  private queue: Promise<void> = Promise.resolve();
  /** A job that marks the mentions released from under the selection is queued and has not run yet. */
  private releaseQueued = false;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  /** The timed retry after a pass the background could not answer (see {@link RETRY_DELAYS_MS}). */
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Failed passes in a row: which delay the next retry waits. */
  private retries = 0;

  constructor(private readonly deps: EntityHighlightingDeps) {}

  /** True while marks are drawn or being drawn. */
  get active(): boolean {
    return this.session !== undefined;
  }

  /** What the page shows now. */
  state(): AnnotationState & { active: boolean } {
    const s = this.annotator?.state() ?? { counts: {}, marks: 0, capped: false };
    return { ...s, active: this.active };
  }

  /**
   * Applies settings: starts, restarts or stops highlighting as needed. Resolves
   * when the resulting work (first pass or clearing) is done.
   */
  apply(settings: Settings, active: boolean): Promise<void> {
    const previous = this.settings;
    this.settings = settings;
    if (!active) {
      this.on = false;
      // Stop a pass in flight at its next slice, rather than after it finishes.
      this.session?.abort();
      return this.enqueue(() => this.stop());
    }
    if (!this.on) {
      this.on = true;
      return this.enqueue(() => this.start());
    }
    this.annotator?.setSettings(settings);
    if (previous && marksDiffer(previous, settings)) return this.enqueue(() => this.restart());
    return this.queue;
  }

  /** Scrolls to an entry's first mention and flashes it. */
  revealEntry(entryId: string): boolean {
    this.wrapAllOffscreen();
    return revealEntry(this.deps.document, entryId);
  }

  /** Focuses the next mention (keyboard command). */
  focusNextMention(): boolean {
    this.wrapAllOffscreen();
    return focusNextMention(this.deps.document);
  }

  /** A jump to a mention must find it marked, even one queued far from the viewport. */
  private wrapAllOffscreen(): void {
    if (!this.annotator?.wrapAllOffscreen()) return;
    this.changed();
    const signal = this.session?.signal;
    if (signal) void this.enqueue(() => this.annotateChanged(signal));
  }

  /**
   * Stops marking `entryId` on this page ("not this one"): the matcher then
   * resolves its ambiguous names to the other candidates, so the page is
   * annotated again from scratch.
   */
  excludeEntry(entryId: string): Promise<void> {
    if (!this.recognition || this.recognition.exclude.has(entryId)) return this.queue;
    this.recognition.exclude.add(entryId);
    return this.session ? this.enqueue(() => this.restart()) : this.queue;
  }

  /** Stops and removes every mark. */
  destroy(): void {
    this.stop();
  }

  /** Runs `job` after the jobs queued before it; a job's failure never reaches the page. */
  private enqueue(job: () => Promise<void> | void): Promise<void> {
    this.queue = this.queue.then(job).catch((error: unknown) => {
      if (!(error instanceof SliceAborted) && __DEV__) console.warn('Backstory: annotation failed', error);
    });
    return this.queue;
  }

  private async start(): Promise<void> {
    const doc = this.deps.document;
    if (this.session) return;
    if (!this.settings || !doc.body || isEditableDocument(doc)) {
      // Nothing to highlight here; the next `apply` tries again.
      this.on = false;
      return;
    }
    this.recognition ??= pageRecognition({ matchRemote: this.deps.matchRemote });
    const session = new AbortController();
    this.session = session;
    const observer = PageObserver.of(doc);
    // Added with the first mark: a page with nothing to mark gets nothing in its
    // DOM, and the walk's visibility checks never make the browser recompute
    // the page's style for a sheet of ours. Muted like every write of ours.
    const styleMarks = (): void => {
      if (this.removeStyle) return;
      observer.mute(() => {
        const remove = injectMarkStyle(doc, isPageDark(doc) ? 'dark' : 'light');
        this.removeStyle = () => observer.mute(remove);
      });
    };
    observer.subscribe({
      root: () => doc.body,
      ignore: (node) => this.skipped(node),
      // Collected, then queued: the pass runs in this feature's queue, never inside the flush.
      onFlush: (nodes, removed) => void this.enqueue(() => this.flushed(nodes, removed, session.signal)),
      signal: session.signal,
    });
    const Observer = this.deps.IntersectionObserver ?? (PendingWraps.supported() ? IntersectionObserver : undefined);
    const pending = new PendingWraps<MentionMark>({ Observer, onDue: () => void this.enqueue(() => this.wrapDue(session.signal)) });
    const { matching, types, exclude } = this.recognition;
    this.annotator = new Annotator({ matching, types, exclude, mute: (write) => observer.mute(write), styleMarks, pageChanges: () => observer.changes, pageRemovals: () => observer.removalsNow(), pending }, this.settings);
    doc.addEventListener('selectionchange', () => this.wrapReleased(session.signal), { signal: session.signal });
    // A tab closed within the report's delay would otherwise never tell the background what it showed.
    doc.defaultView?.addEventListener('pagehide', () => this.flushReport(), { signal: session.signal });
    await this.pass([doc.body], session.signal);
  }

  /** Annotates the whole body again, the old marks replaced once the new ones are ready (settings changed what is marked). */
  private async restart(): Promise<void> {
    const session = this.session;
    const body = this.deps.document.body;
    if (!session || !body) return;
    await this.pass([body], session.signal, (annotator) => annotator.reannotate(body, session.signal));
  }

  /**
   * The page added `nodes` and/or removed something: stop counting what went,
   * then annotate what came, or the whole body when the removal left room
   * under the cap (see `Annotator.refill`).
   */
  private async flushed(nodes: Node[], removed: boolean, signal: AbortSignal): Promise<void> {
    const annotator = this.annotator;
    const body = this.deps.document.body;
    if (signal.aborted || !annotator) return;
    // A sweep may already have run (the popup asked for the state): the report is due anyway.
    if (removed) annotator.sweep();
    if (annotator.needsRefill() && body) {
      await annotator.refill(body, signal);
      this.retryLater(signal);
      this.changed();
    } else if (nodes.length > 0) await this.pass(nodes, signal);
    else if (removed) this.changed();
  }

  /** One pass (`run`: another kind of pass over `roots`); re-runs once on `roots` if the DOM changed under the walk. */
  private async pass(roots: Node[], signal: AbortSignal, run = (annotator: Annotator) => annotator.annotate(roots, signal)): Promise<void> {
    if (signal.aborted || !this.annotator) return;
    const result = await run(this.annotator);
    if (result.stale && !signal.aborted) {
      const live = roots.filter((r) => r.isConnected);
      if (live.length > 0) await this.annotator.annotate(live, signal);
    }
    await this.annotateChanged(signal);
    this.retryLater(signal);
    this.changed();
  }

  /**
   * After a pass: when the body is due to be annotated again because the
   * background could not answer, asks again after the next delay, unless a
   * change of the page does first; a pass that got its answer resets the delays.
   */
  private retryLater(signal: AbortSignal): void {
    if (!this.annotator?.needsRefill()) {
      this.retries = 0;
      return;
    }
    const delays = this.deps.retryDelaysMs ?? RETRY_DELAYS_MS;
    if (this.retryTimer !== undefined || this.retries >= delays.length || signal.aborted) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!signal.aborted) void this.enqueue(() => this.flushed([], false, signal));
    }, delays[this.retries++]);
  }

  /**
   * Annotates again the blocks whose text another wrapper split before their
   * marks were wrapped (see `Annotator.takeChanged`); once: what changes
   * under this pass waits for the next job.
   */
  private async annotateChanged(signal: AbortSignal): Promise<void> {
    const blocks = this.annotator?.takeChanged() ?? [];
    if (blocks.length > 0 && !signal.aborted) await this.annotator?.annotate(blocks, signal);
  }

  /** Wraps the off-screen marks that came near the viewport; annotates again where their text changed meanwhile. */
  private async wrapDue(signal: AbortSignal): Promise<void> {
    if (signal.aborted || !this.annotator) return;
    await this.annotator.wrapDue(signal);
    await this.annotateChanged(signal);
    this.changed();
  }

  /**
   * After the selection changed: marks the mentions queued under its old
   * ends, in the job queue (after a pass in flight). Cheap when none waits,
   * as a drag fires this for every move.
   */
  private wrapReleased(signal: AbortSignal): void {
    if (this.releaseQueued || !this.annotator?.waitsForSelection()) return;
    this.releaseQueued = true;
    void this.enqueue(async () => {
      this.releaseQueued = false;
      if (signal.aborted || !this.annotator?.wrapReleased()) return;
      await this.annotateChanged(signal);
      this.changed();
    });
  }

  private stop(): void {
    const doc = this.deps.document;
    this.session?.abort();
    this.session = undefined;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retries = 0;
    if (this.annotator) {
      this.annotator.clear(doc);
      this.annotator = undefined;
      this.changed();
    }
    this.removeStyle?.();
    this.removeStyle = undefined;
  }

  /** True for content the walk skips anyway (scripts, forms, editors, hidden blocks); ours never reaches here (see `ownership.ts`). */
  private skipped(node: Node): boolean {
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
    const body = this.deps.document.body;
    return !el || !body || isInsideSkipped(el, body);
  }

  private changed(): void {
    const state = this.state();
    this.deps.onChange?.(state);
    if (this.reportTimer !== undefined) clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => this.sendReport(), REPORT_DELAY_MS);
  }

  /** Sends the report a burst of passes was waiting to send, if any (now: the page is going away). */
  private flushReport(): void {
    if (this.reportTimer === undefined) return;
    clearTimeout(this.reportTimer);
    this.sendReport();
  }

  private sendReport(): void {
    this.reportTimer = undefined;
    const now = this.state();
    this.deps.report({ title: this.deps.document.title, counts: now.counts, marks: now.marks, capped: now.capped });
  }
}
