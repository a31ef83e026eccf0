/**
 * Watches the page for content added after the first pass (infinite scroll,
 * SPA navigation, lazy sections, live tickers) and hands it over in batches.
 *
 * The MutationObserver callback does no work: it only queues the added nodes
 * (and the text nodes whose text changed) and schedules one flush. The flush
 * runs later, at most every {@link MIN_INTERVAL_MS}, when the browser is idle:
 * a page that mutates all the time (a ticker) gets one small flush per
 * interval, not one per mutation. Attribute changes are not observed at all.
 *
 * Removals are noted too (one flag per batch, no walk of the removed
 * subtrees), so the owner can stop counting marks the page took away; a
 * flush follows a removal even when nothing was added.
 *
 * Our own DOM writes go through {@link PageObserver.mute}: records pending
 * before the write are queued, the write runs, and the records it produced are
 * dropped. JavaScript runs one task at a time, so nothing but our write can
 * produce records in between. Filtering (inside our marks or UI, detached,
 * already covered by another queued node) happens at flush time, not in the
 * callback.
 */

/** Minimum time between two flushes. */
export const MIN_INTERVAL_MS = 400;
/** Quiet time after the first queued mutation, so bursts coalesce. */
const SETTLE_MS = 60;
/** A flush waits for idle time at most this long. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * Receives the batch of added content (connected nodes, not nested in each
 * other; possibly none) and whether the page removed nodes since the last flush.
 */
export type FlushHandler = (nodes: Node[], removed: boolean) => void;

/** Options of a {@link PageObserver}. */
export interface PageObserverOptions {
  /** The subtree watched (usually `document.documentElement`, so a replaced body is seen). */
  target: Node;
  /** Only nodes inside this root are reported (usually the body, read at flush time). */
  root: () => Node | null;
  /** True for nodes to ignore: our marks, our UI (checked at flush time). */
  ignore: (node: Node) => boolean;
  /** True for our own UI hosts (one attribute read): adding or removing them is no page change. */
  own?: (node: Node) => boolean;
  onFlush: FlushHandler;
  signal: AbortSignal;
}

/** What the observer watches: nodes added anywhere under the target, and text edits. */
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** The observer; stops when `signal` aborts. */
export class PageObserver {
  private readonly queue = new Set<Node>();
  private readonly observer: MutationObserver;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private idle: number | undefined;
  private lastFlush = 0;
  /** Inside {@link mute}'s write (a nested mute just writes). */
  private muted = false;
  /** Batches of page mutations seen so far: unchanged means the page did not touch its DOM meanwhile. */
  changes = 0;
  /** Batches of page mutations that removed nodes so far (see {@link removalsNow}). */
  private removals = 0;
  /** The page removed nodes since the last flush. */
  private removedSinceFlush = false;
  /** Flushes so far (for tests and the bench). */
  flushes = 0;

  constructor(private readonly options: PageObserverOptions) {
    this.observer = new MutationObserver((records) => this.enqueue(records));
    this.observer.observe(options.target, OBSERVED);
    options.signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /**
   * Batches of page mutations that removed nodes so far, including those the
   * observer has not delivered yet: unchanged means nothing left the page
   * meanwhile.
   */
  removalsNow(): number {
    if (!this.muted) this.enqueue(this.observer.takeRecords());
    return this.removals;
  }

  /** Runs our own DOM write without the observer reporting it as new content. */
  mute(write: () => void): void {
    if (this.muted) {
      write();
      return;
    }
    this.enqueue(this.observer.takeRecords());
    // Disconnected rather than drained afterwards: with an observer attached,
    // the browser builds a record for each of our splits and insertions (three
    // per mark), only for us to throw them away. No page script runs inside
    // `write`, so no page mutation can be missed meanwhile.
    this.observer.disconnect();
    this.muted = true;
    try {
      write();
    } finally {
      this.muted = false;
      if (!this.options.signal.aborted) this.observer.observe(this.options.target, OBSERVED);
    }
  }

  /** Queues added nodes and changed text nodes; schedules a flush. Cheap: no DOM walk. */
  private enqueue(records: MutationRecord[]): void {
    if (records.length === 0 || this.options.signal.aborted) return;
    const own = this.options.own ?? (() => false);
    let pageChanged = false;
    let removed = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        this.queue.add(record.target);
        pageChanged = true;
        continue;
      }
      for (const node of record.addedNodes) {
        this.queue.add(node);
        pageChanged ||= !own(node);
      }
      if (!removed) for (const node of record.removedNodes) removed ||= !own(node);
    }
    if (pageChanged || removed) this.changes++;
    if (removed) {
      this.removals++;
      this.removedSinceFlush = true;
    }
    if (this.queue.size > 0 || removed) this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.idle !== undefined) return;
    const wait = Math.max(SETTLE_MS, this.lastFlush + MIN_INTERVAL_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (typeof requestIdleCallback === 'function') {
        this.idle = requestIdleCallback(() => {
          this.idle = undefined;
          this.flush();
        }, { timeout: IDLE_TIMEOUT_MS });
      } else this.flush();
    }, wait);
  }

  /** Hands the queued nodes over, filtered and de-nested. */
  private flush(): void {
    if (this.options.signal.aborted) return;
    this.lastFlush = performance.now();
    this.flushes++;
    const root = this.options.root();
    const nodes = [...this.queue];
    const removed = this.removedSinceFlush;
    this.queue.clear();
    this.removedSinceFlush = false;
    if (!root) return;
    const kept: Node[] = [];
    const keptSet = new Set<Node>();
    for (const node of nodes) {
      // A changed text node is re-read with its parent element (its block may now hold a name).
      const candidate = node.nodeType === Node.TEXT_NODE && node.parentNode ? node.parentNode : node;
      if (!candidate.isConnected || !root.contains(candidate) || keptSet.has(candidate)) continue;
      if (this.options.ignore(candidate)) continue;
      kept.push(candidate);
      keptSet.add(candidate);
    }
    const outer = kept.filter((node) => !hasQueuedAncestor(node, keptSet, root));
    if (outer.length > 0 || removed) this.options.onFlush(outer, removed);
  }

  private stop(): void {
    this.observer.disconnect();
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.idle !== undefined && typeof cancelIdleCallback === 'function') cancelIdleCallback(this.idle);
    this.queue.clear();
  }
}

function hasQueuedAncestor(node: Node, queued: ReadonlySet<Node>, root: Node): boolean {
  for (let p = node.parentNode; p && p !== root; p = p.parentNode) if (queued.has(p)) return true;
  return false;
}
