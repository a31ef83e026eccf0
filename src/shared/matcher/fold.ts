/**
 * The fold table: one entry per UTF-16 code unit of the Basic Multilingual Plane.
 * The scanner reads one code unit, looks it up here and knows at once whether
 * it is part of a word (and which folded letter it stands for) or which kind of
 * boundary it is. This is what makes the scan a single pass without regular
 * expressions, `toLowerCase` or `normalize` calls on page text.
 *
 * The table is filled lazily, 256 code units at a time: at module load only
 * ASCII and Latin-1 (well under a millisecond, it runs in every page's content
 * script); any other block the first time a text uses one of its code units.
 * Until then its entries read {@link UNKNOWN}: readers call {@link fold}, which
 * fills the block on the way, and the scanner's hot loop checks for it only
 * where it already branches on a class.
 *
 * Values below {@link WORD_MIN} are character classes; values from
 * {@link FOLD_MIN} up are folded letters/digits (lower case, diacritics removed).
 */
import { LANGUAGE_FOLDS } from './languages/letters';

/** Punctuation, symbols, surrogates (astral characters): ends a word, joins nothing. */
export const BOUNDARY = 0;
/** Space and hyphen forms: one interchangeable separator between name tokens. */
export const SEP = 1;
/** A line feed: folds like a space, but two in one gap are a block separator. */
export const NEWLINE = 2;
/** Any apostrophe form (' ’ ‘ ʼ `): one punctuation unit, so "Putin’s" = "Putin's". */
export const APOS = 3;
/** U+0000: a hard block separator that no name spans. */
export const HARD = 4;
/** Not filled in yet: {@link fold} fills the code unit's block and returns its real value. */
export const UNKNOWN = 5;
/**
 * Combining marks and every invisible format character (soft hyphen, zero-width
 * space and joiners, word joiner, bidi marks): inside a word but ignored, so
 * "Erdog\u0306an" (decomposed) and "Erdo\u00ADğan" (soft hyphen) fold like
 * "Erdogan". They keep their place in the text: offsets never shift, and a mark
 * covers the whole name with its invisible characters.
 */
export const SKIP = 6;
/** Code units with a fold value `>= WORD_MIN` continue a word (including {@link SKIP}). */
export const WORD_MIN = SKIP;
/** Smallest folded letter value ('0' is the smallest word character). */
export const FOLD_MIN = 0x30;

/** Apostrophe forms the brief names, plus look-alikes used in transliteration (ʾ ʿ ´ ′). */
const APOSTROPHES = [0x27, 0x2019, 0x2018, 0x02bc, 0x60, 0x02be, 0x02bf, 0xb4, 0x2032];

/**
 * Hyphen and space forms folded to one separator. Em dash (U+2014) and minus are
 * deliberately absent: they end a clause ("Assad—Putin"), they do not join a name.
 */
const SEPARATORS = [
  0x09, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005,
  0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
  // hyphens: ASCII, U+2010 hyphen, U+2011 non-breaking hyphen (the corpus uses it),
  // U+2012 figure dash, U+2013 en dash, small/full-width hyphen-minus
  0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0xfe63, 0xff0d,
];

/**
 * Invisible characters that may sit inside a word on real pages beyond the
 * format characters (every `\p{Cf}`: soft hyphen, zero-width space and
 * joiners, word joiner, bidi marks, BOM), which {@link fillBlock} skips by class.
 */
const IGNORABLE = [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x0640 /* Arabic tatweel */];

/**
 * Letters that Unicode does not decompose but that readers treat as the base
 * letter when typing a name without diacritics (Wałęsa = Walesa, Øcalan = Ocalan).
 */
const EXTRA_FOLDS: Record<string, string> = {
  ı: 'i',
  ł: 'l',
  Ł: 'l',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ħ: 'h',
  Ħ: 'h',
  ŧ: 't',
  Ŧ: 't',
  ς: 'σ', // Greek final sigma is the same letter
};

/** Ranges without case or decomposition worth folding (CJK, Hangul, Yi): fold to themselves. */
function foldsToItself(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xa000 && c <= 0xa4cf);
}

const WORD = /^[\p{L}\p{N}]$/u;
const MARKS = /\p{M}/gu;
const CLASSES = /([\p{L}\p{N}]+)|([\p{M}\p{Cf}]+)/gu;
/** Sub-block size for the fast path below. */
const RUN = 64;

/** Fold value of every BMP code unit (see the module comment); index with `text.charCodeAt(i)`. */
export const FOLD: Uint16Array = new Uint16Array(0x10000).fill(UNKNOWN);

/** Code units with a fixed class, whatever Unicode says, by block (filled after the letters). */
const SPECIAL = new Map<number, number>();
for (const c of SEPARATORS) SPECIAL.set(c, SEP);
for (const c of APOSTROPHES) SPECIAL.set(c, APOS); // ʼ ʾ ʿ are modifier letters: the class wins
for (const c of IGNORABLE) SPECIAL.set(c, SKIP);
for (const c in EXTRA_FOLDS) SPECIAL.set(c.charCodeAt(0), EXTRA_FOLDS[c]!.charCodeAt(0)); // ı is lower case: not caught by the letter pass
for (const [from, to] of LANGUAGE_FOLDS) SPECIAL.set(from, to);
SPECIAL.set(0x0a, NEWLINE);
SPECIAL.set(0, HARD);

/**
 * Fills the 256 entries of the block holding `c`: one regular-expression pass
 * over the block finds the runs of letters/digits and of marks, and letters are
 * folded 64 at a time. A run that lower-casing and NFKD leave unchanged (most
 * non-Latin scripts, lower-case runs) folds to itself without any per-character
 * `normalize` call. Returns the value of `c`.
 */
function fillBlock(c: number): number {
  const base = c & 0xff00;
  const table = FOLD;
  table.fill(BOUNDARY, base, base + 0x100);
  if (base < 0xd800 || base > 0xdf00) {
    // Surrogates (astral characters) stay boundaries.
    const codes: number[] = [];
    for (let d = base; d < base + 0x100; d++) codes.push(d);
    for (const m of String.fromCharCode(...codes).matchAll(CLASSES)) {
      const at = base + m.index;
      if (m[2] !== undefined) {
        table.fill(SKIP, at, at + m[2].length);
        continue;
      }
      const run = m[1]!;
      for (let b = 0; b < run.length; b += RUN) {
        const part = run.slice(b, b + RUN);
        const c0 = at + b;
        if ((foldsToItself(c0) && foldsToItself(c0 + part.length - 1)) || (part.toLowerCase() === part && part.normalize('NFKD') === part)) {
          for (let k = 0; k < part.length; k++) table[c0 + k] = c0 + k;
        } else {
          for (let k = 0; k < part.length; k++) table[c0 + k] = foldLetter(part[k]!, c0 + k);
        }
      }
    }
  }
  for (const [code, value] of SPECIAL) if ((code & 0xff00) === base) table[code] = value;
  return table[c]!;
}

/** Fold value of the code unit `c` (see {@link FOLD}), filling its block on first use. */
export function fold(c: number): number {
  const f = FOLD[c]!;
  return f === UNKNOWN ? fillBlock(c) : f;
}

/** Lower case, compatibility-decomposed, marks removed; the letter itself when that is not one code unit. */
function foldLetter(ch: string, c: number): number {
  const extra = EXTRA_FOLDS[ch];
  if (extra !== undefined) return extra.charCodeAt(0);
  let folded = ch.normalize('NFKD').replace(MARKS, '').toLowerCase();
  // Lower-casing can recompose or add marks (İ → i̇): strip once more.
  if (folded.length !== 1) folded = folded.normalize('NFD').replace(MARKS, '');
  if (folded.length === 1) {
    const f = folded.charCodeAt(0);
    if (f >= FOLD_MIN && WORD.test(folded)) return f;
  }
  // Ligatures and the like ("ﬁ" → "fi") stay one letter: a whole-word match is still exact.
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

// ASCII and Latin-1 now: nearly every text needs them.
fillBlock(0);
