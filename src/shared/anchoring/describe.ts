/**
 * Describing a passage so it can be found again: the W3C Web Annotation
 * selectors of a range of a page's text.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../highlight';

/** How much context either side a quote selector keeps (W3C leaves it to us; ~32 is what annotators use). */
export const CONTEXT_LENGTH = 32;

/**
 * The TextQuoteSelector (quote with up to {@link CONTEXT_LENGTH} characters of
 * context either side) and TextPositionSelector of `text[start, end)`.
 */
export function describeRange(text: string, start: number, end: number, contextLength = CONTEXT_LENGTH): [TextQuoteSelector, TextPositionSelector] {
  if (start < 0 || end > text.length || start >= end) throw new RangeError(`cannot describe [${start}, ${end}) of a text of ${text.length} characters`);
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - contextLength), start),
      suffix: text.slice(end, end + contextLength),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}
