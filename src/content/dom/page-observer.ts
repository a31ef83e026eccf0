/**
 * The one MutationObserver of a document, shared by every page feature that
 * follows content the page adds or removes after load (infinite scroll, SPA
 * navigation, lazy sections, live tickers): entity highlighting annotates it,
 * saved highlights re-anchor what they lost. One observer rather than one per
 * feature, so the browser builds each record once, and so a DOM write of one
 * feature (muted, see {@link PageObserver.mute}) is never another feature's
 * "page change".
 *
 * The MutationObserver callback does no work: it keeps the records and
 * schedules one flush. The flush runs later, at most every
 * {@link MIN_INTERVAL_MS}, when the browser is idle: a page that mutates all
 * the time (a ticker) gets one small flush per interval, not one per
 * mutation. Only then are the records read: added nodes inside something of
 * ours are dropped (`ownership.ts`: the page may edit text inside a mark),
 * and each subscriber gets the added nodes under its root that it does not
 * ignore, de-nested. Attribute changes are not observed.
 *
 * Removals are noted too (one flag per flush, no walk of the removed
 * subtrees), so a subscriber can stop counting marks the page took away; a
 * flush follows a removal even when nothing was added.
 *
 * Every DOM write of ours (marks, highlight pieces, UI hosts, the mark
 * stylesheet) goes through {@link PageObserver.mute}: records pending before
 * the write are kept, the write runs with the observer disconnected, and it
 * produces no records. JavaScript runs one task at a time, so nothing but our
 * write can change the page meanwhile. So every record is the page's.
 */
import { isOurs } from './ownership';

/** Minimum time between two flushes. */
export const MIN_INTERVAL_MS = 400;
/** Quiet time after the first kept mutation, so bursts coalesce. */
const SETTLE_MS = 60;
/** A flush waits for idle time at most this long. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * Receives the batch of added content (connected nodes, not nested in each
 * other; possibly none) and whether the page removed nodes since the last flush.
 */
export type FlushHandler = (nodes: Node[], removed: boolean) => void;

/** A feature following the page's changes. */
export interface PageSubscriber {
  /** Only nodes inside this root are reported (usually the body, read at flush time). */
  root: () => Node | null;
  /** True for nodes this subscriber has no use for (checked at flush time; ours are dropped before). */
  ignore?: (node: Node) => boolean;
  onFlush: FlushHandler;
  /** Ends the subscription; the observer disconnects when no subscriber is left. */
  signal: AbortSignal;
}

/** What the observer watches: nodes added or removed anywhere under the target, and text edits. */
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** The observer of each document, created on first use. */
const observers = new WeakMap<Document, PageObserver>();

/** The one page observer of a document (see {@link PageObserver.of}). */
export class PageObserver {
  private readonly subscribers = new Set<PageSubscriber>();
  private readonly observer: MutationObserver;
  /** Records delivered and not read yet: the callback only keeps them. */
  private records: MutationRecord[] = [];
  /** Nodes the page added (or whose text it changed) since the last flush. */
  private readonly queue = new Set<Node>();
  private observing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private idle: number | undefined;
  private lastFlush = 0;
  /** Inside {@link mute}'s write (a nested mute just writes). */
  private muted = false;
  /** Reads of records that held a page mutation (see {@link changes}). */
  private changeCount = 0;
  /** Reads of records that held a page removal (see {@link removalsNow}). */
  private removals = 0;
  /** The page removed nodes since the last flush. */
  private removedSinceFlush = false;
  /** Flushes so far (for tests and the bench). */
  flushes = 0;

  /** The observer of `doc`'s whole tree (so a replaced body is seen), shared by every subscriber. */
  static of(doc: Document): PageObserver {
    let observer = observers.get(doc);
    if (!observer) {
      observer = new PageObserver(doc.documentElement);
      observers.set(doc, observer);
    }
    return observer;
  }

  private constructor(private readonly target: Node) {
    this.observer = new MutationObserver((records) => this.keep(records));
  }

  /** Adds a subscriber until its signal aborts; observing starts with the first one. */
  subscribe(subscriber: PageSubscriber): void {
    if (subscriber.signal.aborted) return;
    this.subscribers.add(subscriber);
    subscriber.signal.addEventListener('abort', () => this.unsubscribe(subscriber), { once: true });
    if (!this.observing && !this.muted) {
      this.observer.observe(this.target, OBSERVED);
      this.observing = true;
    }
  }

  /**
   * Changes so far that came from the page (not from us): unchanged means the
   * page did not touch its DOM meanwhile. Only compare two readings.
   */
  get changes(): number {
    this.read();
    return this.changeCount;
  }

  /**
   * Removals by the page so far, including those the observer has not
   * delivered yet: unchanged means nothing left the page meanwhile. Only
   * compare two readings.
   */
  removalsNow(): number {
    if (this.observing) this.keep(this.observer.takeRecords());
    this.read();
    return this.removals;
  }

  /** Runs our own DOM write without any subscriber seeing it as a page change. */
  mute(write: () => void): void {
    if (this.muted || !this.observing) {
      write();
      return;
    }
    this.keep(this.observer.takeRecords());
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
      if (this.subscribers.size > 0) this.observer.observe(this.target, OBSERVED);
      else this.observing = false;
    }
  }

  /** The callback's only work: keep the records and schedule a flush. */
  private keep(records: MutationRecord[]): void {
    if (records.length === 0) return;
    for (const record of records) this.records.push(record);
    this.schedule();
  }

  /**
   * Reads the kept records: queues what the page added (and the text nodes
   * whose text it changed), counts its changes and removals. Every record is
   * the page's: our own writes (marks, highlight pieces, UI hosts, the mark
   * stylesheet) all go through {@link mute}. So a mark the page removes counts
   * as a removal, as it must (its mention left).
   */
  private read(): void {
    const records = this.records;
    if (records.length === 0) return;
    this.records = [];
    let removed = false;
    for (const record of records) {
      if (record.type === 'characterData') this.queue.add(record.target);
      else {
        for (const node of record.addedNodes) this.queue.add(node);
        removed ||= record.removedNodes.length > 0;
      }
    }
    this.changeCount++;
    if (removed) {
      this.removals++;
      this.removedSinceFlush = true;
    }
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

  /** Hands each subscriber the queued nodes under its root, ours and its ignored left out, de-nested. */
  private flush(): void {
    if (this.subscribers.size === 0) return;
    this.read();
    this.lastFlush = performance.now();
    this.flushes++;
    const nodes = [...this.queue];
    const removed = this.removedSinceFlush;
    this.queue.clear();
    this.removedSinceFlush = false;
    const page: Node[] = [];
    const seen = new Set<Node>();
    for (const node of nodes) {
      // A changed text node is re-read with its parent element (its block may now hold a name).
      const candidate = node.nodeType === Node.TEXT_NODE && node.parentNode ? node.parentNode : node;
      if (!candidate.isConnected || seen.has(candidate)) continue;
      seen.add(candidate);
      if (!isOurs(candidate)) page.push(candidate);
    }
    for (const subscriber of [...this.subscribers]) {
      if (subscriber.signal.aborted) continue;
      const root = subscriber.root();
      if (!root) continue;
      const kept = page.filter((node) => root.contains(node) && !subscriber.ignore?.(node));
      const keptSet = new Set(kept);
      const outer = kept.filter((node) => !hasQueuedAncestor(node, keptSet, root));
      if (outer.length > 0 || removed) subscriber.onFlush(outer, removed);
    }
  }

  private unsubscribe(subscriber: PageSubscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size > 0) return;
    // Nobody left to tell: stop observing and forget what was kept.
    if (this.observing && !this.muted) {
      this.observer.disconnect();
      this.observing = false;
    }
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.idle !== undefined && typeof cancelIdleCallback === 'function') cancelIdleCallback(this.idle);
    this.timer = undefined;
    this.idle = undefined;
    this.records = [];
    this.queue.clear();
    this.removedSinceFlush = false;
  }
}

function hasQueuedAncestor(node: Node, queued: ReadonlySet<Node>, root: Node): boolean {
  for (let p = node.parentNode; p && p !== root; p = p.parentNode) if (queued.has(p)) return true;
  return false;
}
