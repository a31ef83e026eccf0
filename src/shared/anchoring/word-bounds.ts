/**
 * Whole-word ends for an approximate match. The fuzzy search counts
 * characters, so after an edit near a quote's end it may stop inside a word
 * ("…Putin will e") or start inside one ("ian Kremlin…"). When the saved quote
 * began or ended at a word boundary, the match is moved to the nearby word
 * boundaries whose text is closest (in edit distance) to the quote.
 */

/** How far (in characters) a match's ends may move to reach a word boundary. */
export const MAX_SNAP = 32;
/** Above this quote length the ends go to the nearest boundary without comparing candidates (bounds the cost). */
export const MAX_COMPARED_LENGTH = 600;

const WORD = /[\p{L}\p{N}\p{M}]/u;

function isWord(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

function isWordStart(text: string, i: number): boolean {
  return isWord(text[i]) && !isWord(text[i - 1]);
}

function isWordEnd(text: string, i: number): boolean {
  return isWord(text[i - 1]) && !isWord(text[i]);
}

/** Word boundaries of `text` within `reach` of `at`, nearest first; `at` alone when none. */
function boundaries(text: string, at: number, reach: number, test: (text: string, i: number) => boolean): number[] {
  const found: number[] = [];
  for (let d = 0; d <= reach; d++) {
    for (const i of d === 0 ? [at] : [at - d, at + d]) if (i >= 0 && i <= text.length && test(text, i)) found.push(i);
  }
  return found.length ? found : [at];
}

/**
 * Edit distances between `quote` and every prefix of `text.slice(from, to)`:
 * element `j` is the distance to `text.slice(from, from + j)`.
 */
function distancesToPrefixes(quote: string, text: string, from: number, to: number): Uint32Array {
  const width = to - from;
  let previous = new Uint32Array(width + 1);
  let current = new Uint32Array(width + 1);
  for (let j = 0; j <= width; j++) previous[j] = j;
  for (let i = 1; i <= quote.length; i++) {
    current[0] = i;
    const q = quote.charCodeAt(i - 1);
    for (let j = 1; j <= width; j++) {
      const substitution = previous[j - 1]! + (text.charCodeAt(from + j - 1) === q ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous;
}

/**
 * `[start, end)` moved to whole words of `text` where the saved quote (with
 * its `prefix` and `suffix`) started or ended at a word boundary; an end the
 * quote itself placed inside a word stays where the match put it.
 */
export function snapToWords(text: string, start: number, end: number, quote: { exact: string; prefix: string; suffix: string }): { start: number; end: number } {
  const { exact, prefix, suffix } = quote;
  const startsWord = isWord(exact[0]) && !isWord(prefix[prefix.length - 1]);
  const endsWord = isWord(exact[exact.length - 1]) && !isWord(suffix[0]);
  const starts = startsWord ? boundaries(text, start, MAX_SNAP, isWordStart) : [start];
  const ends = endsWord ? boundaries(text, end, MAX_SNAP, isWordEnd) : [end];
  if (exact.length > MAX_COMPARED_LENGTH) {
    const s = starts[0]!;
    const e = ends.find((x) => x > s);
    return e === undefined ? { start, end } : { start: s, end: e };
  }
  const farthest = Math.max(...ends);
  let best: { start: number; end: number; distance: number; moved: number } | undefined;
  for (const s of starts) {
    if (s >= farthest) continue;
    const distances = distancesToPrefixes(exact, text, s, farthest);
    for (const e of ends) {
      if (e <= s) continue;
      const distance = distances[e - s]!;
      const moved = Math.abs(s - start) + Math.abs(e - end);
      if (!best || distance < best.distance || (distance === best.distance && moved < best.moved)) best = { start: s, end: e, distance, moved };
    }
  }
  return best ? { start: best.start, end: best.end } : { start, end };
}
