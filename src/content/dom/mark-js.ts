/**
 * The typed boundary around mark.js: the one place that imports it.
 *
 * We use mark.js's wrapper of one text node's range, `wrapRangeInTextNode`,
 * from its ES source (the public build does not expose it): it splits the
 * node before and after the range and puts the range's text in a new element.
 * It is the call at the bottom of every mark.js wrapping, without what its
 * public `mark`/`markRanges` do around it: collect the context's text nodes
 * with a NodeIterator (we already have them in a `PageText`) and, for
 * `markRanges`, rebuild the whole text per range.
 *
 * Nor its `wrapRangeInMappedTextNode`, which keeps a text-node map current
 * by cutting and joining the joined text and shifting every later node per
 * range: wrapping each node's pieces from its last to its first needs no map
 * at all (the node keeps the text before the piece, so earlier offsets stay
 * valid), and the simpler code costs no wrap time.
 *
 * mark.js creates the elements with the global `document`: the content
 * script only wraps text of its own document.
 */
import Mark from 'mark.js/src/lib/mark.js';

/** One mark.js instance per tag name: only its options are used, never its context. */
const instances = new Map<string, Mark>();

function markFor(tagName: string): Mark {
  let mark = instances.get(tagName);
  if (!mark) {
    mark = new Mark(null);
    mark.opt = { element: tagName };
    instances.set(tagName, mark);
  }
  return mark;
}

/**
 * Wraps `[start, end)` of `node` in a new `tagName` element of class
 * `className` (set before the element enters the document, where an attribute
 * write costs less than on a connected element) and returns the element.
 * `node` keeps the text before `start`, so a caller wrapping several ranges
 * of one node goes from the last to the first. Both splits happen even when a
 * side is empty: unwrapping relies on the element having a text node on each
 * side. mark.js's `data-markjs` attribute is removed.
 */
export function wrapTextRange(node: Text, start: number, end: number, tagName: string, className: string): HTMLElement {
  const mark = markFor(tagName);
  mark.opt.className = className;
  const after = mark.wrapRangeInTextNode(node, start, end);
  const el = after.previousSibling as HTMLElement;
  el.removeAttribute('data-markjs');
  return el;
}
