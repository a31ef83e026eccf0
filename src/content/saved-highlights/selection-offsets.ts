/**
 * From a DOM selection to offsets in the page-text model, and the catalog
 * entries (entity marks) a selection covers.
 */
import { MARK_SELECTOR, markAt, readMark } from '../dom/entity-marks';
import type { PageText } from '../dom/page-text';

/** True for characters a quote should not start or end with. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0xa0 || code === 0 || code === 0x200b;
}

/** Index of the first node whose end is at or after the range's start (binary search; nodes are in document order). */
function firstNodeNotBefore(page: PageText, range: Range): number {
  let lo = 0;
  let hi = page.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const node = page.nodes[mid]!;
    if (range.comparePoint(node, node.length) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last node whose start is at or before the range's end, or -1. */
function lastNodeNotAfter(page: PageText, range: Range): number {
  let lo = -1;
  let hi = page.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (range.comparePoint(page.nodes[mid]!, 0) > 0) hi = mid - 1;
    else lo = mid;
  }
  return lo;
}

/**
 * The `[start, end)` of `range` in `page.text`, trimmed of surrounding
 * whitespace, or null when it covers no page text (a selection in a form
 * field, in our UI, or only whitespace).
 */
export function rangeToOffsets(page: PageText, range: Range): { start: number; end: number } | null {
  if (range.collapsed || page.nodes.length === 0) return null;
  const first = firstNodeNotBefore(page, range);
  const last = lastNodeNotAfter(page, range);
  if (first >= page.nodes.length || last < 0 || last < first) return null;
  const firstNode = page.nodes[first]!;
  const lastNode = page.nodes[last]!;
  let start = page.starts[first]! + (firstNode === range.startContainer ? range.startOffset : 0);
  let end = page.starts[last]! + (lastNode === range.endContainer ? range.endOffset : lastNode.length);
  const text = page.text;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

/** The entry ids of the entity marks a range touches, in order, without repeats. */
export function entityIdsIn(range: Range): string[] {
  const ids: string[] = [];
  const add = (el: Element | null): void => {
    const id = el && readMark(el)?.entryId;
    if (id && !ids.includes(id)) ids.push(id);
  };
  const container = range.commonAncestorContainer;
  const root = container.nodeType === Node.ELEMENT_NODE ? (container as Element) : container.parentElement;
  // A selection inside one name: the mark is an ancestor, not a descendant.
  add(markAt(root));
  if (root) for (const mark of root.querySelectorAll(MARK_SELECTOR)) if (range.intersectsNode(mark)) add(mark);
  return ids;
}
