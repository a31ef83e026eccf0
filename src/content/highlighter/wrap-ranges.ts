/**
 * Wrapping text ranges of a {@link PageText} in elements, and unwrapping them
 * so the page's text nodes are exactly as before.
 *
 * Why not mark.js: its `markRanges` rebuilds the context's text and walks
 * every text node of the context for each range, quadratic on a big page
 * (1.4 s for 4,211 ranges on a 1 MB page). Calling it per block on a few
 * text nodes (an earlier version of this file) fixed that, but still cost
 * ~200 µs per mark on a 1 MB page: every call creates a NodeIterator per
 * context node, the browser updates every live NodeIterator on each DOM
 * removal, and the marks were decorated after insertion. Its one-pass
 * wrapper (`wrapRangeInMappedTextNode`) is not reachable through the public
 * build. So the wrapping below does what that wrapper does, over the text-node
 * map we already have: cost linear in the number of pieces.
 *
 * Ranges that cross inline elements are wrapped piece by piece (one element
 * per text node); ranges that cross blocks are cut at the block boundary.
 */
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

/**
 * Wraps one group; returns the elements created (one per piece), or an empty
 * array when the page changed the group's text since it was planned (the
 * caller re-plans from a fresh PageText if it still wants it).
 *
 * Each piece is cut exactly as mark.js's `wrapRangeInTextNode` cuts it (split
 * before and after, even when a side is empty, so {@link unwrapElement} knows
 * which text nodes to merge back), but the element is decorated before it is
 * inserted and no NodeIterator is created.
 */
export function wrapGroup<T>(group: WrapGroup<T>, options: WrapOptions<T>): HTMLElement[] {
  if (group.ranges.length === 0 || !groupIsCurrent(group)) return [];
  const created: HTMLElement[] = [];
  const doc = group.nodes[0]!.ownerDocument;
  // Lengths before any split: splitting shortens the original node objects.
  const lengths = group.nodes.map((n) => n.length);
  let index = 0;
  let nodeStart = group.base;
  // The live remainder of the current node and the offset (in the page text) where it starts.
  let tail: Text = group.nodes[0]!;
  let tailStart = nodeStart;
  for (const range of group.ranges) {
    let from = range.start;
    while (from < range.end && index < group.nodes.length) {
      const nodeEnd = nodeStart + lengths[index]!;
      if (from >= nodeEnd) {
        index++;
        nodeStart = nodeEnd;
        tail = group.nodes[index]!;
        tailStart = nodeStart;
        continue;
      }
      const to = Math.min(range.end, nodeEnd);
      const piece = tail.splitText(from - tailStart);
      const after = piece.splitText(to - from);
      const el = doc.createElement(options.tagName);
      options.decorate(el, range);
      piece.parentNode!.insertBefore(el, piece);
      el.appendChild(piece);
      created.push(el);
      tail = after;
      tailStart = to;
      from = to;
    }
  }
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
