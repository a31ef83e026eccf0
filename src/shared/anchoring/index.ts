/**
 * Anchoring saved passages in a page's text (pure, no DOM): describe a range
 * with W3C selectors, and find it again after the page changes.
 */
export { describeRange, CONTEXT_LENGTH } from './describe';
export { anchorQuote, maxErrorsFor, MAX_ERROR_RATE, MIN_FUZZY_LENGTH, MIN_CONTEXT_FREE_LENGTH } from './anchor';
export type { Anchored, AnchorMethod } from './anchor';
