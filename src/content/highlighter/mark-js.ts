/**
 * The typed boundary around mark.js: the one place that imports it.
 *
 * We use mark.js's one-pass wrapper, `wrapRangeInMappedTextNode`, from its ES
 * source (the public build does not expose it): given a map of a few adjacent
 * text nodes and a range of their joined text, it splits the nodes and wraps
 * each piece (`splitText` before and after, one element per text node). It
 * never creates a NodeIterator (only mark.js's `DOMIterator` does, which its
 * public `mark`/`markRanges` use to collect the text nodes; we already have
 * them in a `PageText`).
 *
 * The map is updated in place as nodes are split: mark.js drops the wrapped
 * text (and what preceded it in that node) from `value` and shifts the later
 * nodes, so an offset of the original text maps to `offset - removed`, where
 * `removed` is how much `value` shrank. {@link MappedTextNodes} hides that.
 * mark.js creates the elements with the global `document`: the content
 * script only wraps text of its own document.
 */
import Mark, { type MarkJsTextMap } from 'mark.js/src/lib/mark.js';

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
 * A run of adjacent text nodes (joined without gaps) that ranges of their
 * joined text can be wrapped in, in increasing order, through mark.js.
 */
export class MappedTextNodes {
  private readonly dict: MarkJsTextMap;
  private readonly length: number;
  private readonly mark: Mark;

  /**
   * `nodes` must be adjacent in the text: offset 0 is the start of `nodes[0]`.
   * `text` is their joined text, when the caller has it (a slice of a page
   * text): reading each node's `data` again would copy every string.
   */
  constructor(nodes: readonly Text[], tagName: string, text?: string) {
    let length = 0;
    const mapped = nodes.map((node) => {
      const start = length;
      length += node.length;
      return { start, end: length, node };
    });
    const value = text !== undefined && text.length === length ? text : nodes.map((node) => node.data).join('');
    this.dict = { value, nodes: mapped };
    this.length = length;
    this.mark = markFor(tagName);
  }

  /**
   * Wraps `[start, end)` (offsets in the original joined text; after the end
   * of any range wrapped before) in one element of class `className` per text node it touches, and
   * calls `each` with every element, in order, once it is in the document.
   * mark.js's `data-markjs` attribute is removed before `each` runs.
   */
  wrap(start: number, end: number, className: string, each: (el: HTMLElement) => void): void {
    const removed = this.length - this.dict.value.length;
    // mark.js sets its `className` option before the piece enters the document,
    // where an attribute write costs less than on a connected element.
    this.mark.opt.className = className;
    this.mark.wrapRangeInMappedTextNode(
      this.dict,
      start - removed,
      end - removed,
      () => true,
      (el) => {
        el.removeAttribute('data-markjs');
        each(el);
      },
    );
  }
}
