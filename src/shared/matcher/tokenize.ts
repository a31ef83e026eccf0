/**
 * The slow, allocating tokenizer: used on alias texts at compile time and on the
 * few spans the fast scanner has already found. Page text never goes through it.
 *
 * A name is a sequence of units: words (maximal runs of word characters, folded)
 * and single punctuation characters ("U.S." = u . s .). Space and hyphen forms
 * between units are not units: any run of them is one interchangeable separator.
 */
import { APOS, HARD, NEWLINE, SEP, SKIP, WORD_MIN, fold } from './fold';

/** FNV-1a offset basis: the hash of the empty word. */
export const HASH_SEED = 0x811c9dc5 | 0;
/** FNV-1a prime. */
export const HASH_PRIME = 0x01000193;

/** One step of the incremental word hash; the scanner inlines the same expression. */
export function hashStep(h: number, folded: number): number {
  return Math.imul(h ^ folded, HASH_PRIME);
}

/**
 * Finishes a word hash: 30 bits, so that V8 keeps it a small integer when it is
 * passed to or returned from a function (a full int32 would be boxed as a heap
 * number on every slow-path call); never 0, which marks an empty table slot.
 */
export function finishHash(h: number): number {
  const small = h & 0x3fffffff;
  return small === 0 ? 1 : small;
}

/** One unit of a tokenized text. */
export interface Unit {
  /** 'word' units are looked up by hash; 'punct' units by their (canonical) code. */
  kind: 'word' | 'punct';
  /** UTF-16 offsets in the tokenized text, `end` exclusive. */
  start: number;
  end: number;
  /** Folded form: the folded letters of a word, or the punctuation character ("'" for all apostrophes). */
  key: string;
  /** For words: the finished hash of `key` (see {@link finishHash}). */
  hash: number;
  /** True when only space/hyphen forms (and at most one line feed) separate this unit from the previous one. */
  sepBefore: boolean;
  /** True when a block separator (U+0000, two line feeds) precedes this unit. */
  hardBefore: boolean;
}

/** Canonical code of a punctuation unit: all apostrophe forms are one. */
export function punctCode(codeUnit: number): number {
  return fold(codeUnit) === APOS ? 0x27 : codeUnit;
}

/** Folded letters of the word being tokenized (reused). */
const codes: number[] = [];

/** Tokenizes `text[from, to)` into units (see {@link Unit}). */
export function tokenize(text: string, from = 0, to = text.length): Unit[] {
  const units: Unit[] = [];
  let i = from;
  let sep = false;
  let newlines = 0;
  let hard = false;
  while (i < to) {
    const c = text.charCodeAt(i);
    const f = fold(c);
    if (f === SEP || f === NEWLINE) {
      sep = true;
      if (f === NEWLINE && ++newlines >= 2) hard = true;
      i++;
      continue;
    }
    if (f === HARD) {
      hard = true;
      i++;
      continue;
    }
    const start = i;
    if (f >= WORD_MIN) {
      let h = HASH_SEED;
      codes.length = 0;
      while (i < to) {
        const g = fold(text.charCodeAt(i));
        if (g < WORD_MIN) break;
        if (g !== SKIP) {
          h = hashStep(h, g);
          codes.push(g);
        }
        i++;
      }
      // One string per word, not one per letter (compile tokenizes every alias).
      const key = codes.length < 1024 ? String.fromCharCode(...codes) : codes.map((g) => String.fromCharCode(g)).join('');
      units.push({ kind: 'word', start, end: i, key, hash: finishHash(h), sepBefore: sep && !hard, hardBefore: hard });
    } else {
      i++;
      units.push({
        kind: 'punct',
        start,
        end: i,
        key: String.fromCharCode(punctCode(c)),
        hash: 0,
        sepBefore: sep && !hard,
        hardBefore: hard,
      });
    }
    sep = false;
    hard = false;
    newlines = 0;
  }
  return units;
}

/** True for the folded keys of the Arabic article ("al", "el"). */
export function isArticleKey(key: string): boolean {
  return key === 'al' || key === 'el';
}

/**
 * Drops optional articles: an "al"/"el" word followed by a space/hyphen form and
 * another word ("Bashar al-Assad" → bashar assad). The article alone ("Al") stays,
 * so an alias never becomes empty.
 */
export function stripArticles(units: readonly Unit[]): Unit[] {
  return units.filter((u, k) => {
    const next = units[k + 1];
    return !(u.kind === 'word' && isArticleKey(u.key) && next !== undefined && next.kind === 'word' && next.sepBefore);
  });
}

/**
 * The folded key of a surface form, as the matcher compares it: units joined by
 * single spaces, articles dropped. Two aliases with the same key are the same
 * alias to the matcher ("Bashar al-Assad", "bashar el‑Assad", "Bashar Assad").
 * Empty when the text has no word.
 */
export function aliasKey(text: string): string {
  const units = stripArticles(tokenize(text));
  if (!units.some((u) => u.kind === 'word')) return '';
  return units.map((u) => u.key).join(' ');
}

/**
 * The original characters of the words of `text[from, to)`, articles dropped and
 * separators removed: what a case-sensitive alias must equal exactly ("US").
 */
export function caseForm(text: string, from = 0, to = text.length): string {
  let out = '';
  for (const u of stripArticles(tokenize(text, from, to))) {
    if (u.kind === 'word') out += text.slice(u.start, u.end);
  }
  return out;
}
