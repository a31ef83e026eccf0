/**
 * Wrapping text ranges of a {@link PageText} in elements, and unwrapping them
 * so the page's text nodes are exactly as before.
 *
 * The wrapping is mark.js's one-pass call, `wrapRangeInMappedTextNode`, over
 * a text-node map we build from the PageText for each small group of ranges
 * (a block's few text nodes; see `mark-js.ts`). Not its public `markRanges`:
 * that rebuilds the context's text and walks every text node of the context
 * for each range, quadratic on a big page (1.4 s for 4,211 ranges on a 1 MB
 * page); per block it still cost ~200 µs per mark, because every call creates
 * a NodeIterator per context node (its DOMIterator) and the browser updates
 * every live NodeIterator on each DOM removal. The mapped call creates none.
 *
 * Measured against our own piece wrapper (same splits, decorated before
 * insertion), headless Chromium on a shared, noisy machine, `backstory:wrap`
 * of the page bench's generated 1 MB page (1,660 marks), 4 rounds of 4–5
 * loads per version: medians per round 372/103/118/146 ms with mark.js vs
 * 286/79/138/119 ms (ratio 0.85–1.31; all 17 loads: 128 vs 147 ms). On the
 * same page in one tab, alternating the two, best of each run: 15–36 ms vs
 * 13–24 ms (1.1–1.5× run by run). Demo article (136 marks): best 0.9 vs
 * 0.6 ms in one tab; through the extension medians 21 vs 10 ms, within a
 * 3–47 ms spread of noise. Within 1.5× on the big page, so the wrapping stays
 * with the stack's mark.js. What differs from ours: each piece is decorated
 * after insertion (mark.js's `each` runs then) and a fresh text node replaces
 * the wrapped one.
 *
 * mark.js's `unmark` normalizes the parent (merging the page's own adjacent
 * text nodes too), so unwrapping is ours: {@link unwrapElement} merges back
 * exactly the nodes the wrap split. mark.js's `data-markjs` attribute is
 * removed as each piece is made.
 *
 * Ranges that cross inline elements are wrapped piece by piece (one element
 * per text node); ranges that cross blocks are cut at the block boundary.
 */
import { MappedTextNodes } from './mark-js';
import { nodeIndexAt, type PageText } from './page-text';

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
 * The wrapping is mark.js's one-pass `wrapRangeInMappedTextNode` over the
 * group's text nodes (see `mark-js.ts`): each piece is split before and after,
 * even when a side is empty, so {@link unwrapElement} knows which text nodes
 * to merge back. Pieces are decorated as mark.js inserts them.
 */
export function wrapGroup<T>(group: WrapGroup<T>, options: WrapOptions<T>, verify = true): HTMLElement[] {
  if (group.ranges.length === 0 || (verify && !groupIsCurrent(group))) return [];
  // Cheap enough to check always: a node split by another wrapper since (a saved
  // highlight drawn meanwhile) is shorter, and its text still starts the same.
  let length = 0;
  for (const node of group.nodes) length += node.length;
  if (length !== group.end - group.base) return [];
  const created: HTMLElement[] = [];
  const map = new MappedTextNodes(group.nodes, options.tagName, group.page.text.slice(group.base, group.end));
  for (const range of group.ranges) {
    map.wrap(range.start - group.base, range.end - group.base, options.className?.(range) ?? '', (el) => {
      options.decorate(el, range);
      created.push(el);
    });
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
