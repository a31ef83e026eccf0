/**
 * How well the text around a candidate place agrees with a quote's saved
 * context, used to choose between several places a quote could be.
 */

/** Characters `a` and `b` share at their ends (`a`'s end, `b`'s end). */
function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** Characters `a` and `b` share at their starts. */
function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/**
 * 0..1: the share of the saved prefix and suffix that still sits right
 * before and after `text[start, end)`. 1 when there was no context to compare.
 */
export function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const total = prefix.length + suffix.length;
  if (total === 0) return 1;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  return (commonSuffixLength(before, prefix) + commonPrefixLength(after, suffix)) / total;
}

/** 0..1: how close `start` is to the saved position hint (1 = same place), relative to the text's length. */
export function proximityScore(start: number, hint: number, textLength: number): number {
  if (textLength === 0) return 1;
  return 1 - Math.min(1, Math.abs(start - hint) / textLength);
}
