/**
 * Types for mark.js's ES source module (`mark.js/src/lib/mark.js`), which
 * `@types/mark.js` does not describe. Only the members `mark-js.ts` uses are
 * declared: the `opt` setter and the wrapper of a range of one text node.
 * Imported only by `mark-js.ts` (the typed boundary).
 */
declare module 'mark.js/src/lib/mark.js' {
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
     * Splits `node` at `start` and `end` and replaces the text between with an
     * `opt.element` of class `opt.className` holding a copy of it. `node`
     * keeps the text before `start`; returns the new text node after `end`
     * (the element is its `previousSibling`).
     */
    wrapRangeInTextNode(node: Text, start: number, end: number): Text;
  }
}
