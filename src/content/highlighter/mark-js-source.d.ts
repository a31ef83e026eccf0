/**
 * Types for mark.js's ES source module (`mark.js/src/lib/mark.js`), which
 * `@types/mark.js` does not describe. Only the members `mark-js.ts` uses are
 * declared: the `opt` setter and the one-pass wrapper over a text-node map.
 * Imported only by `mark-js.ts` (the typed boundary).
 */
declare module 'mark.js/src/lib/mark.js' {
  /** One text node of the map, at `[start, end)` of `value`. */
  export interface MarkJsMappedNode {
    start: number;
    end: number;
    node: Text;
  }

  /** The text-node map ("dictionary"): the text of `nodes`, joined. Updated in place as nodes are split. */
  export interface MarkJsTextMap {
    value: string;
    nodes: MarkJsMappedNode[];
  }

  /** The subset of mark.js's options the wrapper reads. */
  export interface MarkJsOptions {
    element?: string;
    className?: string;
  }

  export default class Mark {
    constructor(ctx: Element | readonly Element[] | NodeList | string | null);
    /** Setter merges `val` over mark.js's defaults; getter returns the merged options. */
    set opt(val: MarkJsOptions);
    get opt(): MarkJsOptions;
    /**
     * Wraps `[start, end)` of `dict.value` (split across text nodes as needed),
     * one `opt.element` per piece; `filterCb` (per text node) may veto, `eachCb`
     * receives each inserted element.
     */
    wrapRangeInMappedTextNode(
      dict: MarkJsTextMap,
      start: number,
      end: number,
      filterCb: (node: Text) => boolean,
      eachCb: (element: HTMLElement, lastIndex: number) => void,
    ): void;
  }
}
