/**
 * Shows a text with the words that match a search query emphasised, as
 * Preact elements (never HTML). Matching mirrors the background's search:
 * diacritics and case folded, query words match as prefixes, and longer words
 * tolerate one typo.
 */

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The query's words, folded, without one-letter noise. */
export function queryTerms(query: string): string[] {
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 1);
}

/** Within one edit (substitution, insertion or deletion)? */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** True when `word` (folded) matches one of `terms`. */
export function wordMatches(word: string, terms: readonly string[]): boolean {
  return terms.some((t) => word.startsWith(t) || (t.length > 4 && withinOneEdit(word.slice(0, t.length + 1), t)) || (t.length > 4 && withinOneEdit(word, t)));
}

/** Splits `text` into plain and matching runs. */
export function emphasisRuns(text: string, terms: readonly string[]): { text: string; match: boolean }[] {
  if (!terms.length) return [{ text, match: false }];
  const runs: { text: string; match: boolean }[] = [];
  const words = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu;
  let last = 0;
  for (const m of text.matchAll(words)) {
    if (!wordMatches(fold(m[0]), terms)) continue;
    if (m.index > last) runs.push({ text: text.slice(last, m.index), match: false });
    runs.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ text: text.slice(last), match: false });
  return runs;
}

/** `text` with matches of `query` in `<mark>`. */
export function Emphasised({ text, query }: { text: string; query: string }) {
  const runs = emphasisRuns(text, queryTerms(query));
  return <>{runs.map((r, i) => (r.match ? <mark key={i}>{r.text}</mark> : r.text))}</>;
}
