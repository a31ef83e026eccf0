/**
 * Finding a saved passage again in a page's text, which may have changed
 * since: the exact quote with its context, then the position hint, then the
 * quote alone, then an approximate match (approx-string-match) whose error
 * threshold rejects wrong places, moved to whole words (see `snapToWords`).
 * Pure: works on a string, no DOM.
 */
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../highlight';
import { contextScore, proximityScore } from './context-score';
import { snapToWords } from './word-bounds';

/** How a passage was found. */
export type AnchorMethod = 'context' | 'position' | 'quote' | 'fuzzy';

/** Where a passage is now. */
export interface Anchored {
  start: number;
  end: number;
  method: AnchorMethod;
  /** True when the text there differs from the saved quote (found approximately). */
  changed: boolean;
}

/** Share of a quote's characters that may differ and still count as the same passage. */
export const MAX_ERROR_RATE = 0.2;
/** Below this length a quote is only found exactly: a few edits turn a short quote into another one. */
export const MIN_FUZZY_LENGTH = 12;
/**
 * Below this length an exact quote found without any of its context is too
 * common to trust ("the", a name): it needs part of its context to be accepted.
 */
export const MIN_CONTEXT_FREE_LENGTH = 24;
/** The share of its context a short quote needs (a shared space or two is chance, a shared phrase is not). */
export const MIN_CONTEXT_SCORE = 0.2;

/** The most errors a fuzzy match of a quote of `length` characters may have. */
export function maxErrorsFor(length: number): number {
  return length < MIN_FUZZY_LENGTH ? 0 : Math.floor(length * MAX_ERROR_RATE);
}

function occurrences(text: string, needle: string, limit = 1_000): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1 && found.length < limit; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

function closest(candidates: number[], hint: number): number {
  let best = candidates[0]!;
  for (const c of candidates) if (Math.abs(c - hint) < Math.abs(best - hint)) best = c;
  return best;
}

/**
 * Finds the passage described by `selectors` in `text`, or null when it is
 * not there (an orphan). Offsets are UTF-16 code units, as in the selectors.
 */
export function anchorQuote(text: string, selectors: readonly [TextQuoteSelector, TextPositionSelector]): Anchored | null {
  const [quote, position] = selectors;
  const { exact, prefix, suffix } = quote;
  if (!exact) return null;
  const hint = position.start;

  // 1. The quote with all its context: the passage and its surroundings are unchanged.
  const inContext = occurrences(text, prefix + exact + suffix);
  if (inContext.length) {
    const start = closest(inContext, hint - prefix.length) + prefix.length;
    return { start, end: start + exact.length, method: 'context', changed: false };
  }

  // 2. The position hint, when the quote still sits there.
  if (text.slice(position.start, position.end) === exact) return { start: position.start, end: position.end, method: 'position', changed: false };

  // 3. The quote alone, best agreeing with its context and nearest the hint.
  const alone = occurrences(text, exact);
  let bestExact: { start: number; score: number; context: number } | undefined;
  for (const start of alone) {
    const context = contextScore(text, start, start + exact.length, prefix, suffix);
    const score = context * 2 + proximityScore(start, hint, text.length);
    if (!bestExact || score > bestExact.score) bestExact = { start, score, context };
  }
  if (bestExact && (exact.length >= MIN_CONTEXT_FREE_LENGTH || bestExact.context >= MIN_CONTEXT_SCORE)) {
    return { start: bestExact.start, end: bestExact.start + exact.length, method: 'quote', changed: false };
  }

  // 4. Approximately. The search costs time linear in the text searched, so
  // look first where the passage most likely is: right after its saved
  // prefix or right before its saved suffix (an edit inside the quote leaves
  // its context intact), then near the position hint, then anywhere.
  const maxErrors = maxErrorsFor(exact.length);
  if (maxErrors === 0) return null;
  const span = exact.length + maxErrors;
  const windows: [number, number][] = [];
  if (prefix.length >= 8) for (const p of occurrences(text, prefix, 20)) windows.push([p + prefix.length, p + prefix.length + span]);
  if (suffix.length >= 8) for (const s of occurrences(text, suffix, 20)) windows.push([s - span, s]);
  let found: { start: number; end: number } | null = null;
  for (const [from, to] of windows) {
    const candidate = bestFuzzy(text, Math.max(0, from), Math.min(text.length, to), quote, hint, maxErrors);
    if (candidate) {
      found = candidate;
      break;
    }
  }
  if (!found) {
    const margin = exact.length * 2 + 2_000;
    const windowStart = Math.max(0, hint - margin);
    const windowEnd = Math.min(text.length, position.end + margin);
    found = bestFuzzy(text, windowStart, windowEnd, quote, hint, maxErrors);
    if (!found && (windowStart > 0 || windowEnd < text.length)) found = bestFuzzy(text, 0, text.length, quote, hint, maxErrors);
  }
  if (!found) return null;
  const whole = snapToWords(text, found.start, found.end, quote);
  return { start: whole.start, end: whole.end, method: 'fuzzy', changed: text.slice(whole.start, whole.end) !== exact };
}

function bestFuzzy(text: string, from: number, to: number, quote: TextQuoteSelector, hint: number, maxErrors: number): { start: number; end: number } | null {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  const matches = search(slice, quote.exact, maxErrors);
  let best: { start: number; end: number; score: number } | undefined;
  for (const m of matches) {
    const start = m.start + from;
    const end = m.end + from;
    if (end <= start) continue;
    const quality = 1 - m.errors / quote.exact.length;
    const score = quality * 4 + contextScore(text, start, end, quote.prefix, quote.suffix) * 2 + proximityScore(start, hint, text.length);
    if (!best || score > best.score) best = { start, end, score };
  }
  return best ? { start: best.start, end: best.end } : null;
}
