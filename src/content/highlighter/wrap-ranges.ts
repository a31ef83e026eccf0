/**
 * Wrapping text ranges of a {@link PageText} in elements, and unwrapping them
 * so the page's text nodes are exactly as before.
 *
 * mark.js does the DOM work, but never over the whole page: its `markRanges`
 * rebuilds the context's text and walks every text node of the context for
 * each range, which is quadratic on a big page (1.4 s for 4,211 ranges on a
 * 1 MB page). Here each call gets a small context: the few text nodes of one
 * block that hold a handful of ranges (mark.js accepts an array of nodes as
 * its context, and text nodes work as contexts because a NodeIterator rooted
 * at a text node yields that node). Its text is exactly our text for that span,
 * so the offsets carry over, and each call costs time linear in its size.
 *
 * Ranges that cross inline elements are wrapped piece by piece (one element
 * per text node); ranges that cross blocks are cut at the block boundary.
 */
import Mark from 'mark.js';
import type { PageText } from './page-text';

/** A range of {@link PageText.text} to wrap, with the caller's data. */
export interface WrapRange<T> {
  start: number;
  end: number;
  data: T;
}

/** One mark.js call's worth of work: a few adjacent text nodes and the ranges in them. */
export interface WrapGroup<T> {
  /** The text nodes of the context, adjacent in the text (one block). */
  readonly nodes: readonly Text[];
  /** Offset of `nodes[0]` in the page text. */
  readonly base: number;
  /** The page text the group was planned from, to check it is still current. */
  readonly page: PageText;
  /** The ranges (cut to this block), sorted, non-overlapping. */
  readonly ranges: readonly WrapRange<T>[];
}

/** How wrapped pieces are made. */
export interface WrapOptions<T> {
  /** The element to create, e.g. `'bs-mark'`, `'bs-highlight'`. */
  tagName: string;
  /** Sets attributes/classes on each piece; `range.data` is the caller's. Never set page text as HTML. */
  decorate(el: HTMLElement, range: WrapRange<T>): void;
}

/** At most this many ranges or text nodes per mark.js call keeps each call small. */
const MAX_RANGES_PER_GROUP = 24;
const MAX_NODES_PER_GROUP = 48;

/**
 * Plans the wrapping of `ranges` (sorted by start, not overlapping each other)
 * into small groups; {@link wrapGroup} then wraps one group. Splitting plan and
 * work lets a caller spread the wrapping over several tasks.
 */
export function planWraps<T>(page: PageText, ranges: readonly WrapRange<T>[]): WrapGroup<T>[] {
  const groups: WrapGroup<T>[] = [];
  const { blocks, starts, nodes } = page;
  let current: { block: number; first: number; last: number; ranges: WrapRange<T>[] } | null = null;
  const flush = (): void => {
    if (!current) return;
    groups.push({ nodes: nodes.slice(current.first, current.last + 1), base: starts[current.first]!, page, ranges: current.ranges });
    current = null;
  };
  let b = 0;
  for (const range of ranges) {
    if (range.end <= range.start) continue;
    while (b < blocks.length && blocks[b]!.end <= range.start) b++;
    // A range crossing blocks (a saved passage over two paragraphs) is cut at each boundary.
    for (let k = b; k < blocks.length && blocks[k]!.start < range.end; k++) {
      const block = blocks[k]!;
      const start = Math.max(range.start, block.start);
      const end = Math.min(range.end, block.end);
      if (end <= start) continue;
      const first = nodeIndexIn(starts, start, block.firstNode, block.endNode);
      const last = nodeIndexIn(starts, end - 1, block.firstNode, block.endNode);
      const piece = start === range.start && end === range.end ? range : { start, end, data: range.data };
      const fits = current !== null && current.block === k && current.ranges.length < MAX_RANGES_PER_GROUP && last - current.first < MAX_NODES_PER_GROUP;
      if (!fits) {
        flush();
        current = { block: k, first, last, ranges: [] };
      }
      current!.last = Math.max(current!.last, last);
      current!.ranges.push(piece);
    }
  }
  flush();
  return groups;
}

/** Index of the node containing `offset` among `[from, to)` (binary search). */
function nodeIndexIn(starts: readonly number[], offset: number, from: number, to: number): number {
  let lo = from;
  let hi = to - 1;
  let found = from;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** True when the group's nodes are still in the page with the text they were planned with. */
function groupIsCurrent<T>(group: WrapGroup<T>): boolean {
  const { nodes, page, base } = group;
  let at = base;
  for (const node of nodes) {
    if (!node.isConnected || !page.text.startsWith(node.data, at)) return false;
    at += node.length;
  }
  return true;
}

/** mark.js's range objects, carrying the index of our range. */
interface MarkRange {
  start: number;
  length: number;
  index: number;
}

/**
 * Wraps one group; returns the elements created (one per piece), or an empty
 * array when the page changed the group's text since it was planned (the
 * caller re-plans from a fresh PageText if it still wants it).
 */
export function wrapGroup<T>(group: WrapGroup<T>, options: WrapOptions<T>): HTMLElement[] {
  if (group.ranges.length === 0 || !groupIsCurrent(group)) return [];
  const created: HTMLElement[] = [];
  const markRanges: MarkRange[] = group.ranges.map((r, index) => ({ start: r.start - group.base, length: r.end - r.start, index }));
  // mark.js types its context as elements; text nodes work the same (see the file comment).
  new Mark(group.nodes as unknown as HTMLElement[]).markRanges(markRanges, {
    element: options.tagName,
    each(element: Element, range: Mark.Range) {
      const el = element as HTMLElement;
      // Without this a page that uses mark.js itself would remove our marks with its `unmark()`.
      el.removeAttribute('data-markjs');
      options.decorate(el, group.ranges[(range as MarkRange).index]!);
      created.push(el);
    },
  });
  return created;
}

/**
 * Wraps `ranges` of `page` in one go (sorted, non-overlapping within one call).
 * For overlapping sets (two saved highlights sharing words), call again with a
 * freshly collected PageText: wrapping never changes the text, so the offsets
 * stay valid. Returns every piece created, in document order.
 */
export function wrapRanges<T>(page: PageText, ranges: readonly WrapRange<T>[], options: WrapOptions<T>): HTMLElement[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  return planWraps(page, sorted).flatMap((group) => wrapGroup(group, options));
}

/**
 * Removes a wrapper, keeping its content, and merges the text nodes that were
 * split to make it. The text node before the wrapper (the page's original
 * node, which splitting shortened) takes the text back, so page scripts that
 * hold a reference to it still see the full text.
 */
export function unwrapElement(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  const prev = el.previousSibling;
  const next = el.nextSibling;
  const first = el.firstChild;
  const last = el.lastChild;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
  if (!first) {
    if (isText(prev) && isText(next)) mergeInto(prev, next);
    return;
  }
  if (isText(last) && isText(next)) mergeInto(last, next);
  if (isText(prev) && isText(first)) mergeInto(prev, first);
}

/**
 * Unwraps every element matching `selector` under `root` (our own wrappers
 * only: `'bs-mark'`, `'bs-highlight[data-highlight-id="…"]'`). Returns how
 * many were removed. Other wrappers nested inside or around them stay intact.
 */
export function unwrapAll(root: ParentNode, selector: string): number {
  const found = root.querySelectorAll(selector);
  for (const el of found) unwrapElement(el);
  return found.length;
}

function isText(node: Node | null): node is Text {
  return node !== null && node.nodeType === Node.TEXT_NODE;
}

function mergeInto(target: Text, source: Text): void {
  if (source.length > 0) target.appendData(source.data);
  source.remove();
}
