/**
 * Paragraph de-duplication for the seed import: exact repeats (captions printed
 * twice, a title repeated under the photo) and near-duplicates (a short version
 * of a paragraph beside the full one, a pull quote restating a sentence).
 */

/** Folds the typographic variants that differ between copies of the same text. */
export function foldText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower-cased word tokens of a paragraph, punctuation dropped. */
export function wordTokens(text: string): string[] {
  return foldText(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ''))
    .filter((w) => w.length > 0);
}

/** Length of the longest common subsequence of two token lists. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Share of the shorter paragraph's words found, in order, in the longer one. */
export const NEAR_DUPLICATE_THRESHOLD = 0.85;
/** Paragraphs shorter than this (in words) are compared exactly only. */
export const NEAR_DUPLICATE_MIN_WORDS = 8;

/**
 * True when `shorter` is a shorter version of `longer`: at least
 * {@link NEAR_DUPLICATE_THRESHOLD} of its words appear in `longer` in the same
 * order, and it is no longer than `longer`.
 */
export function isShorterVersion(shorter: string, longer: string): boolean {
  const a = wordTokens(shorter);
  const b = wordTokens(longer);
  if (a.length < NEAR_DUPLICATE_MIN_WORDS || a.length > b.length) return false;
  return lcsLength(a, b) / a.length >= NEAR_DUPLICATE_THRESHOLD;
}

/** What happened to a dropped paragraph (for the import log). */
export interface DedupNote {
  kind: 'exact' | 'near';
  dropped: string;
  kept: string;
}

/**
 * Drops exact repeats (keeping the first) and near-duplicates (keeping the
 * fuller version, where the fuller version stands: a standfirst that restates a
 * later sentence goes, the sentence stays in place).
 */
export function dedupeParagraphs(paragraphs: readonly string[], notes: DedupNote[] = []): string[] {
  const out: string[] = [];
  const keys: string[] = [];
  for (const p of paragraphs) {
    const key = foldText(p);
    const exact = keys.indexOf(key);
    if (exact >= 0) {
      notes.push({ kind: 'exact', dropped: p, kept: out[exact]! });
      continue;
    }
    const near = out.findIndex((q) => isShorterVersion(p, q) || isShorterVersion(q, p));
    if (near >= 0) {
      const q = out[near]!;
      if (wordTokens(p).length > wordTokens(q).length) {
        notes.push({ kind: 'near', dropped: q, kept: p });
        out.splice(near, 1);
        keys.splice(near, 1);
        out.push(p);
        keys.push(key);
      } else {
        notes.push({ kind: 'near', dropped: p, kept: q });
      }
      continue;
    }
    out.push(p);
    keys.push(key);
  }
  return out;
}

/**
 * Merges the copies of one article found in several seed files: the first copy
 * is the base; paragraphs only in a later copy are inserted after the last
 * paragraph both copies share; fuller versions replace shorter ones.
 */
export function mergeCopies(copies: readonly (readonly string[])[], notes: DedupNote[] = []): string[] {
  const [first, ...rest] = copies;
  const base = dedupeParagraphs(first ?? [], notes);
  for (const copy of rest) {
    let last = -1;
    for (const p of dedupeParagraphs(copy, [])) {
      const key = foldText(p);
      let idx = base.findIndex((q) => foldText(q) === key);
      if (idx >= 0) {
        notes.push({ kind: 'exact', dropped: p, kept: base[idx]! });
      } else {
        idx = base.findIndex((q) => isShorterVersion(p, q) || isShorterVersion(q, p));
        if (idx >= 0) {
          const q = base[idx]!;
          if (wordTokens(p).length > wordTokens(q).length) {
            notes.push({ kind: 'near', dropped: q, kept: p });
            base[idx] = p;
          } else {
            notes.push({ kind: 'near', dropped: p, kept: q });
          }
        } else {
          idx = last + 1;
          base.splice(idx, 0, p);
        }
      }
      last = Math.max(last, idx);
    }
  }
  return base;
}
