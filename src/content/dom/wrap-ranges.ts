/**
 * Wrapping text ranges of a {@link PageText} in elements, and unwrapping them
 * so the page's text nodes are exactly as before.
 *
 * The wrapping is a wrapper of a range of one text node (see
 * `wrap-text-range.ts`), called once per piece: the PageText already says
 * which text node holds each offset, so nothing walks the DOM again. Not a
 * library's whole-context marking such as mark.js's `markRanges`: that
 * rebuilds the context's text and walks every text node of the context for
 * each range, quadratic in the page's size.
 *
 * Unwrapping ({@link unwrapElement}) merges back exactly the nodes the wrap
 * split, never normalizing the parent (which would merge the page's own
 * adjacent text nodes too).
 *
 * Ranges that cross inline elements are wrapped piece by piece (one element
 * per text node); ranges that cross blocks are cut at the block boundary.
 */
import { wrapTextRange } from './wrap-text-range';
import { nodeIndexAt, type PageText } from './page-text';

/** A range of {@link PageText.text} to wrap, with the caller's data. */
export interface WrapRange<T> {
  start: number;
  end: number;
  data: T;
}

/** One block's worth of wrapping: a few adjacent text nodes and the ranges in them. */
export interface WrapGroup<T> {
  /** The text nodes of the context, adjacent in the text (one block). */
  readonly nodes: readonly Text[];
  /** Offset of `nodes[0]` in the page text. */
  readonly base: number;
  /** Offset just past the last node, as planned: a node another wrapper split since is shorter. */
  readonly end: number;
  /** The page text the group was planned from, to check it is still current. */
  readonly page: PageText;
  /** The ranges (cut to this block), sorted, non-overlapping. */
  readonly ranges: readonly WrapRange<T>[];
}

/** How wrapped pieces are made. */
export interface WrapOptions<T> {
  /** The element to create, e.g. `'bs-mark'`, `'bs-highlight'`. */
  tagName: string;
  /** The class of each piece of `range` (set before the piece enters the document); none when absent. */
  className?(range: WrapRange<T>): string;
  /** Sets attributes on each piece once it is in the document; `range.data` is the caller's. Never set page text as HTML. */
  decorate(el: HTMLElement, range: WrapRange<T>): void;
}

/**
 * At most this many ranges or text nodes per group keeps each group small (a
 * group only grows past them while its ranges fall in one text node).
 */
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
    groups.push({ nodes: nodes.slice(current.first, current.last + 1), base: starts[current.first]!, end: starts[current.last]! + nodes[current.last]!.length, page, ranges: current.ranges });
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
      // A group never starts inside a node the previous one wraps in: wrapping
      // splits that node, so a second group's copy of it would be stale.
      const sharesNode = current !== null && current.block === k && first <= current.last;
      const fits = sharesNode || (current !== null && current.block === k && current.ranges.length < MAX_RANGES_PER_GROUP && last - current.first < MAX_NODES_PER_GROUP);
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

/** Index of the node containing `offset` among a block's nodes `[from, to)`. */
function nodeIndexIn(starts: readonly number[], offset: number, from: number, to: number): number {
  return Math.max(from, nodeIndexAt(starts, offset, from, to));
}

/** True when the group's nodes are still in the page with the text they were planned with. */
function groupIsCurrent<T>(group: WrapGroup<T>): boolean {
  const { nodes, page, base } = group;
  let at = base;
  for (const node of nodes) {
    if (!node.isConnected || !page.text.startsWith(node.data, at)) return false;
    at += node.length;
  }
  return at === group.end;
}

/**
 * Wraps one group; returns the elements created (one per piece), or an empty
 * array when the page changed the group's text since it was planned (the
 * caller re-plans from a fresh PageText if it still wants it). A caller that
 * knows the page has not changed since (no page mutation observed) passes
 * `verify: false` and saves re-reading every node's text.
 *
 * Each piece is wrapped by `wrapTextRange` (see `wrap-text-range.ts`), split before and
 * after even when a side is empty, so {@link unwrapElement} knows which text
 * nodes to merge back, and decorated once it is in the document.
 */
export function wrapGroup<T>(group: WrapGroup<T>, options: WrapOptions<T>, verify = true): HTMLElement[] {
  if (group.ranges.length === 0 || (verify && !groupIsCurrent(group))) return [];
  // Cheap enough to check always: a node split by another wrapper since (a saved
  // highlight drawn meanwhile) is shorter, and its text still starts the same.
  let length = 0;
  for (const node of group.nodes) length += node.length;
  if (length !== group.end - group.base) return [];
  // Each node's pieces go from the last to the first: a wrapped node keeps the
  // text before the piece, so the offsets of the pieces still to wrap hold.
  const created: HTMLElement[] = [];
  const { nodes, ranges } = group;
  let k = nodes.length - 1;
  let nodeStart = group.end - nodes[k]!.length;
  for (let r = ranges.length - 1; r >= 0; r--) {
    const range = ranges[r]!;
    const className = options.className?.(range) ?? '';
    let end = range.end;
    while (end > range.start) {
      while (nodeStart >= end) nodeStart -= nodes[--k]!.length;
      const start = Math.max(range.start, nodeStart);
      const el = wrapTextRange(nodes[k]!, start - nodeStart, end - nodeStart, options.tagName, className);
      options.decorate(el, range);
      created.push(el);
      end = start;
    }
  }
  return created.reverse();
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
