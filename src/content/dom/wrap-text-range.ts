/**
 * Wrapping a range of one text node in a new element: the call at the bottom
 * of every wrap (see `wrap-ranges.ts`).
 *
 * The same DOM operations mark.js's `wrapRangeInTextNode` did, which this
 * replaced so the content script, parsed on every page, does not carry a
 * library for a dozen lines: split the node before and after the range, and
 * replace the middle node with an element holding a copy of its text. The
 * splits happen even when a side is empty, so the element always has a text
 * node on each side for unwrapping (see `unwrapElement`) to merge back.
 *
 * The element is created with the global `document`: the content script only
 * wraps text of its own document.
 */

/**
 * Wraps `[start, end)` of `node` in a new `tagName` element of class
 * `className` (set before the element enters the document, where an attribute
 * write costs less than on a connected element) and returns the element.
 * `node` keeps the text before `start`, so a caller wrapping several ranges
 * of one node goes from the last to the first.
 */
export function wrapTextRange(node: Text, start: number, end: number, tagName: string, className: string): HTMLElement {
  const middle = node.splitText(start);
  middle.splitText(end - start);
  const el = document.createElement(tagName);
  if (className) el.setAttribute('class', className);
  el.textContent = middle.textContent;
  middle.parentNode!.replaceChild(el, middle);
  return el;
}
