/**
 * The scanner: one pass over the UTF-16 code units of the text.
 *
 * For each word it folds the characters through {@link FOLD} and hashes them on
 * the fly (no substring, no allocation), then probes the `starter` table once.
 * Almost every word of a page misses there, so the cost per character is a
 * table read, a compare and a multiply, whatever the size of the catalog. Only
 * on a hit does the slow path (verify the word, follow the trie unit by unit,
 * check case and possessives) run. A walk that stops on a word it has hashed
 * hands that word back to the main loop, so each word is hashed once; only a
 * walk that got past its first word and then failed backtracks. Mentions go to
 * reused typed arrays: a scan allocates nothing in the common case.
 */
import type { Claim, Compiled, HashTable } from './compile';
import { nextState, slotOf } from './compile';
import { APOS, FOLD, HARD, NEWLINE, SEP, SKIP, WORD_MIN, fold } from './fold';
import { isInflectedScript, isTurkishSuffix, stemCandidates } from './languages/morphology';
import { HASH_PRIME, HASH_SEED, finishHash, hashStep, punctCode } from './tokenize';

/**
 * The mentions of one {@link scan}, before ambiguity resolution, in reused typed
 * arrays (no object per mention): valid until the next `scan`.
 */
export interface RawMatches {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /**
   * The alias group (index into {@link Compiled.groups}) when every claim of
   * the group fits the text's case; else `-1 - k` for `filtered[k]`, the claims
   * that do (never empty).
   */
  group: Int32Array;
  filtered: (readonly Claim[])[];
  /** The alias group each `filtered[k]` was taken from. */
  filteredGroup: number[];
  /**
   * Offsets of the block separators the main loop passed, in order: each
   * U+0000, and the second line feed of each blank line (a line feed followed,
   * across spaces and hyphens only, by another). A gap a walk skipped has at
   * most one line feed. Found while the text is being read: the resolver,
   * which needs them for few mentions, then reads no text for them.
   */
  breaks: Int32Array;
  breakCount: number;
}

const raw: RawMatches = {
  count: 0,
  start: new Int32Array(256),
  end: new Int32Array(256),
  group: new Int32Array(256),
  filtered: [],
  filteredGroup: [],
  breaks: new Int32Array(256),
  breakCount: 0,
};

function pushMatch(start: number, end: number, group: number): void {
  const k = raw.count;
  if (k === raw.start.length) {
    raw.start = grow(raw.start);
    raw.end = grow(raw.end);
    raw.group = grow(raw.group);
  }
  raw.start[k] = start;
  raw.end[k] = end;
  raw.group[k] = group;
  raw.count = k + 1;
}

function pushBreak(at: number): void {
  if (raw.breakCount === raw.breaks.length) raw.breaks = grow(raw.breaks);
  raw.breaks[raw.breakCount++] = at;
}

/** Records the blank line the line feed at `at` begins, if it does (see {@link RawMatches.breaks}). */
function noteLineFeed(text: string, at: number): void {
  const n = text.length;
  let j = at + 1;
  while (j < n && fold(text.charCodeAt(j)) === SEP) j++;
  if (j < n && fold(text.charCodeAt(j)) === NEWLINE) pushBreak(j);
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

const LOWER_S = 0x73;
const LOWER_A = 0x61;

/** Scans `text`: raw mentions in order, non-overlapping, longest first (see {@link RawMatches}). */
export function scan(c: Compiled, text: string): RawMatches {
  raw.count = 0;
  raw.breakCount = 0;
  raw.filtered.length = 0;
  raw.filteredGroup.length = 0;
  const F = FOLD;
  const keys = c.starter.keys;
  const mask = c.starter.mask;
  const bits = c.starterBits;
  const bitMask = bits.length * 32 - 1;
  const n = text.length;
  let i = 0;
  // Hot loop. The constants are literals on purpose: imported `const` bindings
  // are module-cell loads V8 does not fold, which cost ~30% here.
  //   6 = WORD_MIN = SKIP, 5 = UNKNOWN (a block of FOLD not filled yet),
  //   2 = NEWLINE, 3 = APOS, 4 = HARD (0 BOUNDARY and 1 SEP are the common case)
  //   0x811c9dc5 = HASH_SEED, 0x01000193 = HASH_PRIME, 0x61-0x7a = a-z (FOLD maps them to themselves)
  // (scan.test.ts checks they still agree with fold.ts and tokenize.ts).
  while (i < n) {
    let f = F[text.charCodeAt(i)]!;
    if (f < 6) {
      if (f > 1) {
        if (f === 5) {
          fold(text.charCodeAt(i)); // fills the block; read again
          continue;
        }
        if (f === 2) noteLineFeed(text, i);
        else if (f === 4) pushBreak(i);
      }
      i++;
      continue;
    }
    let start = i;
    let h = 0x811c9dc5 | 0; // "| 0": an untagged int32 in optimized code, never a heap number
    // Most letters of a page are a–z, which fold to themselves: they are hashed without
    // reading FOLD, and the general loop takes over at the first other character.
    let code = text.charCodeAt(i);
    while (code - 0x61 < 26 && code >= 0x61) {
      h = Math.imul(h ^ code, 0x01000193);
      code = text.charCodeAt(++i); // NaN past the end, which ends the run
    }
    f = i < n ? F[code]! : 0;
    if (f >= 6 || (f === 5 && (f = fold(code)) >= 6)) {
      for (;;) {
        if (f !== 6) h = Math.imul(h ^ f, 0x01000193);
        if (++i === n) break;
        f = F[text.charCodeAt(i)]!;
        if (f < 6 && (f !== 5 || (f = fold(text.charCodeAt(i))) < 6)) break;
      }
    }
    // 30 bits: a small integer V8 passes and stores without boxing (see finishHash).
    h &= 0x3fffffff;
    if (h === 0) h = 1;
    for (;;) {
      // Most words are no starter: their bit is clear and the table is not read.
      let k = 0;
      if ((bits[(h & bitMask) >>> 5]! & (1 << (h & 31))) !== 0) {
        let slot = (h ^ (h >>> 16)) & mask;
        while ((k = keys[slot]!) !== 0 && k !== h) slot = (slot + 1) & mask;
      }
      if (k === 0) {
        // Not a starter as written: a Cyrillic or Arabic word may be an inflected one (languages/).
        if (text.charCodeAt(start) < 0x400 || !isInflectedScript(text.charCodeAt(start))) {
          // f is still the class of the character that ended the word: a space or other
          // plain boundary (0, 1) is stepped over here rather than read again at the loop's top.
          if (f < 2) i++;
          break;
        }
        i = matchStem(c, text, start, i);
        if (resumeHash === 0) break;
        start = resumeStart;
        h = resumeHash;
        resumeHash = 0;
        f = 6; // not the class of what follows the resumed word
        continue;
      }
      // A starter: the slow path returns where to go on. When the walk it made
      // already hashed the next word and stopped there ("the" + "ceasefire"),
      // that word is probed here with its hash instead of being hashed again.
      i = matchAt(c, text, start, i, h);
      if (resumeHash === 0) break;
      start = resumeStart;
      h = resumeHash;
      resumeHash = 0;
      f = 6;
    }
  }
  return raw;
}

/**
 * Set by {@link matchAt} when the walk stopped at a word it had already hashed
 * and that word comes right where scanning resumes: the word's start and hash
 * (its end is what `matchAt` returned). 0 = nothing to reuse.
 */
let resumeHash = 0;
let resumeStart = 0;

/** The literals inlined in {@link scan}'s hot loop, for the test that keeps them in sync. */
export const HOT_LOOP_CONSTANTS = { BOUNDARY: 0, SEP: 1, WORD_MIN: 6, SKIP: 6, UNKNOWN: 5, NEWLINE: 2, APOS: 3, HARD: 4, HASH_SEED: 0x811c9dc5 | 0, HASH_PRIME: 0x01000193 } as const;

/** End of the word last hashed by {@link hashWord} (a result slot, to avoid allocating a pair). */
let wordEnd = 0;

/** Hash of the word starting at `from` (a word character); its end goes to {@link wordEnd}. */
function hashWord(text: string, from: number): number {
  let h = HASH_SEED | 0; // "| 0": keep h an untagged int32 in optimized code (no heap numbers)
  let i = from;
  const n = text.length;
  // a–z fold to themselves: hashed without reading the fold table (see scan).
  for (let code = text.charCodeAt(i); code - 0x61 < 26 && code >= 0x61; code = text.charCodeAt(++i)) h = Math.imul(h ^ code, HASH_PRIME);
  while (i < n) {
    const f = fold(text.charCodeAt(i));
    if (f < WORD_MIN) break;
    if (f !== SKIP) h = Math.imul(h ^ f, HASH_PRIME);
    i++;
  }
  wordEnd = i;
  h &= 0x3fffffff;
  return h === 0 ? 1 : h;
}

/** {@link stepWord}'s results for the articles "al" and "el". */
const ARTICLE_A = -2;
const ARTICLE_E = -3;

/**
 * The trie state after `state` for the word `text[from, to)` with hash `h`, or
 * -1; {@link ARTICLE_A} or {@link ARTICLE_E} when the word is an article. Only
 * a candidate that can matter has its letters compared: an article, or a token
 * with an edge from `state` (the usual hit, a word of some other alias, has none).
 */
function stepWord(c: Compiled, text: string, from: number, to: number, h: number, state: number): number {
  const table = c.token;
  let slot = slotOf(h, table.mask);
  let k: number;
  while ((k = table.keys[slot]!) !== 0) {
    if (k === h) {
      const id = table.vals[slot]!;
      if (id === c.articleA || id === c.articleE) {
        if (sameWord(c.tokenText[id]!, text, from, to)) return id === c.articleA ? ARTICLE_A : ARTICLE_E;
      } else {
        const next = nextState(c.trans, state, id);
        if (next >= 0 && sameWord(c.tokenText[id]!, text, from, to)) return next;
      }
    }
    slot = (slot + 1) & table.mask;
  }
  return -1;
}

/** Token id of the word `text[from, to)` with hash `h` in `table`, verified letter by letter; -1 when absent. */
function lookup(c: Compiled, table: HashTable, text: string, from: number, to: number, h: number): number {
  let slot = slotOf(h, table.mask);
  let k: number;
  while ((k = table.keys[slot]!) !== 0) {
    if (k === h) {
      const id = table.vals[slot]!;
      if (sameWord(c.tokenText[id]!, text, from, to)) return id;
    }
    slot = (slot + 1) & table.mask;
  }
  return -1;
}

function sameWord(key: string, text: string, from: number, to: number): boolean {
  let j = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // a–z fold to themselves: compared without the fold table.
    if (code - LOWER_A < 26 && code >= LOWER_A) {
      if (key.charCodeAt(j) !== code) return false; // NaN past the key's end
      j++;
      continue;
    }
    const f = fold(code);
    if (f === SKIP) continue;
    if (j >= key.length || key.charCodeAt(j) !== f) return false;
    j++;
  }
  return j === key.length;
}

/**
 * End of the space/hyphen gap starting at `from` when it is a plain separator
 * (at least one space/hyphen form, no block separator) followed by a word; -1 otherwise.
 */
function wordAfterSeparator(text: string, from: number): number {
  let j = from;
  let newlines = 0;
  const n = text.length;
  while (j < n) {
    const f = fold(text.charCodeAt(j));
    if (f === SEP) j++;
    else if (f === NEWLINE) {
      if (++newlines >= 2) return -1;
      j++;
    } else break;
  }
  if (j === from || j >= n) return -1;
  return fold(text.charCodeAt(j)) >= WORD_MIN ? j : -1;
}

function isArticle(c: Compiled, id: number): boolean {
  return id === c.articleA || id === c.articleE;
}

/**
 * Slow path for a starter-table hit on the word `text[start, end)`: records the
 * mention found here, if any, and returns the offset where scanning
 * goes on (its end, else `end`), setting {@link resumeHash} when the word after
 * that offset was already hashed.
 */
function matchAt(c: Compiled, text: string, start: number, end: number, h: number): number {
  const id = lookup(c, c.starter, text, start, end, h);
  if (id < 0) return end;
  if (isArticle(c, id)) {
    // "al-Sharaa": the article is optional, but when present it is part of the mention.
    const next = wordAfterSeparator(text, end);
    if (next >= 0) {
      const hash = hashWord(text, next);
      const nextEnd = wordEnd;
      const nextId = lookup(c, c.starter, text, next, nextEnd, hash);
      const state = nextId >= 0 ? c.rootNext[nextId]! : -1;
      if (state >= 0) {
        const found = walk(c, text, isSentenceArticle(text, start, end) ? next : start, nextEnd, state);
        if (found >= 0) return found;
      }
      if (c.rootNext[id]! < 0) {
        // The article alone is no alias: go on with the word after it, already hashed.
        resumeStart = next;
        resumeHash = hash;
        return nextEnd;
      }
    }
  }
  const state = c.rootNext[id]!;
  if (state < 0) return end;
  const found = walk(c, text, start, end, state);
  if (found >= 0) return found;
  if (stopHash !== 0 && stopAfter === end) {
    // The walk went no further than the starter: resume at the word it stopped on.
    resumeStart = stopStart;
    resumeHash = stopHash;
    return stopEnd;
  }
  return end;
}

/**
 * Where the last {@link walk} stopped, when it stopped on a word it hashed but
 * could not follow: the word's span and hash, and the end of the unit before it
 * (`stopHash` 0 when the walk stopped otherwise).
 */
let stopHash = 0;
let stopStart = 0;
let stopEnd = 0;
let stopAfter = 0;

/** Accepting (end, group) pairs of the current walk; reused, the walk is not re-entrant. */
let acceptEnds = new Int32Array(32);
let acceptGroups = new Int32Array(32);

/**
 * Follows the trie from `state` (reached at text offset `pos`) unit by unit,
 * then emits the longest accepted alias that passes the case and possessive checks.
 */
function walk(c: Compiled, text: string, start: number, pos: number, state: number): number {
  let accepts = 0;
  const n = text.length;
  stopHash = 0;
  for (;;) {
    const g = c.accept[state]!;
    if (g >= 0) accepts = pushAccept(accepts, pos, g);
    // After the plain accept, so that the longer "the Kremlin" is tried first.
    if (c.acceptLed[state]! >= 0) accepts = pushAccept(accepts, pos, -2 - state);
    // Skip the separator gap; a block separator ends the name.
    let j = pos;
    let newlines = 0;
    while (j < n) {
      const f = fold(text.charCodeAt(j));
      if (f === SEP) j++;
      else if (f === NEWLINE) {
        newlines++;
        j++;
      } else break;
    }
    if (j >= n || newlines >= 2) break;
    const f = fold(text.charCodeAt(j));
    if (f === HARD) break;
    let unitEnd: number;
    let next = -1;
    if (f >= WORD_MIN) {
      let hash = hashWord(text, j);
      next = stepWord(c, text, j, wordEnd, hash, state);
      let skipped = false;
      if (next <= ARTICLE_A) {
        const after = wordAfterSeparator(text, wordEnd);
        if (after >= 0) {
          hash = hashWord(text, after);
          next = stepWord(c, text, after, wordEnd, hash, state);
          skipped = true;
        }
        // An article where no word follows, or twice: the article's own edge.
        if (next <= ARTICLE_A) next = nextState(c.trans, state, next === ARTICLE_A ? c.articleA : c.articleE);
      }
      unitEnd = wordEnd;
      // "Russia's {year} intervention": any four-digit year follows the placeholder's edge.
      if (next < 0 && !skipped && isYear(text, j, unitEnd)) next = nextState(c.trans, state, c.yearToken);
      if (next < 0 && !skipped && isInflectedScript(text.charCodeAt(j))) next = stemNext(c, text, j, unitEnd, state);
      if (next < 0) {
        if (!skipped) {
          stopHash = hash;
          stopStart = j;
          stopEnd = unitEnd;
          stopAfter = pos;
        }
        break;
      }
    } else {
      const code = text.charCodeAt(j);
      const id = code < 0x80 ? c.punctAscii[code]! : (c.punctIds.get(punctCode(code)) ?? -1);
      unitEnd = j + 1;
      if (id >= 0) next = nextState(c.trans, state, id);
      if (next < 0) break;
    }
    state = next;
    pos = unitEnd;
  }
  for (let a = accepts - 1; a >= 0; a--) {
    const end = acceptEnds[a]!;
    if (!possessiveOk(text, end)) continue;
    let g = acceptGroups[a]!;
    let from = start;
    if (g < 0) {
      // "kremlin" reached with an alias "the Kremlin" ending here: only with its leading word before it.
      const ledState = -2 - g;
      from = leadingWordStart(c, text, start, c.ledToken[ledState]!);
      if (from < 0) continue;
      g = c.acceptLed[ledState]!;
    }
    const claims = c.groupHasCase[g] === 0 ? c.groups[g]! : fittingClaims(c.groups[g]!, text, from, end);
    if (claims.length === 0) continue;
    // "Russia's 2019 intervention in Libya": a phrase whose own year fits none of its claims is
    // no alias here; a shorter one ("Russia") is tried, and the words after it are scanned again.
    if (c.groupHasYears[g] === 1 && !yearFits(claims, text, from, end)) continue;
    if (claims === c.groups[g]) pushMatch(from, end, g);
    else {
      raw.filtered.push(claims);
      raw.filteredGroup.push(g);
      pushMatch(from, end, -raw.filtered.length);
    }
    if (end !== pos) stopHash = 0; // the stop word does not follow the mention: rescan from its end
    else {
      resumeStart = stopStart;
      resumeHash = stopHash;
      if (stopHash !== 0) return stopEnd;
    }
    return end;
  }
  return -1;
}

/**
 * Whether a year written inside `text[from, to)`, if any, fits one of `claims`
 * (an undated claim fits every year); true when the phrase has no year.
 */
function yearFits(claims: readonly Claim[], text: string, from: number, to: number): boolean {
  for (let i = from; i + 4 <= to; i++) {
    if ((i === from || fold(text.charCodeAt(i - 1)) < WORD_MIN) && isYear(text, i, i + 4) && (i + 4 === to || fold(text.charCodeAt(i + 4)) < WORD_MIN)) {
      const year = Number(text.slice(i, i + 4));
      return claims.some((claim) => claim.from === 0 || (year >= claim.from && year <= claim.to));
    }
  }
  return true;
}

/** Whether `text[from, to)` is a four-digit year (ASCII digits, 1000–2999). */
export function isYear(text: string, from: number, to: number): boolean {
  if (to - from !== 4) return false;
  const first = text.charCodeAt(from);
  if (first !== 0x31 && first !== 0x32) return false;
  for (let i = from + 1; i < to; i++) {
    const d = text.charCodeAt(i);
    if (d < 0x30 || d > 0x39) return false;
  }
  return true;
}

/** Records an accepting (end, group) pair of the current walk; returns the new count. */
function pushAccept(accepts: number, end: number, group: number): number {
  if (accepts === acceptEnds.length) {
    // A very long alias with many accepting prefixes: grow the scratch arrays.
    const ends = new Int32Array(accepts * 2);
    const groups = new Int32Array(accepts * 2);
    ends.set(acceptEnds);
    groups.set(acceptGroups);
    acceptEnds = ends;
    acceptGroups = groups;
  }
  acceptEnds[accepts] = end;
  acceptGroups[accepts] = group;
  return accepts + 1;
}

/**
 * Start of the word `tokenText[token]` ("the") when it comes right before
 * `start`, separated by a plain separator gap and not inside the previous
 * mention; -1 otherwise.
 */
function leadingWordStart(c: Compiled, text: string, start: number, token: number): number {
  let j = start - 1;
  let newlines = 0;
  while (j >= 0) {
    const f = fold(text.charCodeAt(j));
    if (f === SEP) j--;
    else if (f === NEWLINE) {
      if (++newlines >= 2) return -1;
      j--;
    } else break;
  }
  if (j === start - 1 || j < 0) return -1;
  const end = j + 1;
  while (j >= 0 && fold(text.charCodeAt(j)) >= WORD_MIN) j--;
  const from = j + 1;
  if (from === end || (raw.count > 0 && from < raw.end[raw.count - 1]!)) return -1;
  return sameWord(c.tokenText[token]!, text, from, end) ? from : -1;
}

/**
 * A name followed by an apostrophe and more letters is part of a longer word
 * ("Hama'at") unless those letters are the possessive "s" ("Putin's", "Assad’s").
 */
function possessiveOk(text: string, end: number): boolean {
  const n = text.length;
  if (end >= n || fold(text.charCodeAt(end)) !== APOS) return true;
  if (end + 1 >= n || fold(text.charCodeAt(end + 1)) < WORD_MIN) return true;
  if (fold(text.charCodeAt(end + 1)) !== LOWER_S) return turkishSuffixAt(text, end + 1);
  return end + 2 >= n || fold(text.charCodeAt(end + 2)) < WORD_MIN;
}

/** Claims whose case rule the span satisfies (case-insensitive claims always do). */
function fittingClaims(group: readonly Claim[], text: string, start: number, end: number): readonly Claim[] {
  let all = true;
  for (const claim of group) {
    if (claim.caseForm !== null && !caseFits(claim.caseForm, text, start, end)) {
      all = false;
      break;
    }
  }
  // Nearly always every claim fits: share the group instead of copying it.
  if (all) return group;
  return group.filter((claim) => claim.caseForm === null || caseFits(claim.caseForm, text, start, end));
}

/**
 * Whether the words of `text[start, end)`, articles dropped, are exactly `form`
 * (what {@link caseForm} would return, compared without building it).
 */
function caseFits(form: string, text: string, start: number, end: number): boolean {
  let p = 0;
  let i = start;
  while (i < end) {
    const f = fold(text.charCodeAt(i));
    if (f < WORD_MIN) {
      i++;
      continue;
    }
    hashWord(text, i);
    const wEnd = wordEnd;
    if (!(isArticleText(text, i, wEnd) && wordAfterSeparator(text, wEnd) >= 0 && wordAfterSeparator(text, wEnd) < end)) {
      for (; i < wEnd; i++, p++) if (p >= form.length || form.charCodeAt(p) !== text.charCodeAt(i)) return false;
    }
    i = wEnd;
  }
  return p === form.length;
}

/**
 * Whether the article `text[from, to)` belongs to the sentence rather than to
 * the name after it: a lowercase "el" followed by a space is the Spanish
 * article ("el Kremlin", "el Estado Islámico"), while a transliterated Arabic
 * article is joined by a hyphen ("el-Sisi"), capitalised ("El Asad") or "al".
 */
function isSentenceArticle(text: string, from: number, to: number): boolean {
  return to - from === 2 && text.charCodeAt(from) === 0x65 && text.charCodeAt(from + 1) === 0x6c && text.charCodeAt(to) === 0x20;
}

/** Whether `text[from, to)` folds to an article ("al", "el"). */
function isArticleText(text: string, from: number, to: number): boolean {
  return sameWord('al', text, from, to) || sameWord('el', text, from, to);
}

/** The folded letters of the word `text[from, to)`. */
function foldedWord(text: string, from: number, to: number): string {
  let key = '';
  for (let i = from; i < to; i++) {
    const f = fold(text.charCodeAt(i));
    if (f !== SKIP) key += String.fromCharCode(f);
  }
  return key;
}

/** Token id of the folded word `key` in `table`; -1 when absent. */
function lookupKey(c: Compiled, table: HashTable, key: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < key.length; i++) h = hashStep(h, key.charCodeAt(i));
  h = finishHash(h);
  let slot = slotOf(h, table.mask);
  let k: number;
  while ((k = table.keys[slot]!) !== 0) {
    if (k === h) {
      const id = table.vals[slot]!;
      if (c.tokenText[id] === key) return id;
    }
    slot = (slot + 1) & table.mask;
  }
  return -1;
}

/**
 * Slow path for a Cyrillic or Arabic word `text[start, end)` that begins no
 * alias as written: tries the forms it may be an inflection of (see
 * `languages/morphology.ts`); the mention covers the whole written word.
 * Returns where scanning goes on, like {@link matchAt}.
 */
function matchStem(c: Compiled, text: string, start: number, end: number): number {
  let candidates = stemCandidates(foldedWord(text, start, end));
  let own = false;
  for (let k = 0; k < candidates.length; k++) {
    const id = lookupKey(c, c.starter, candidates[k]!);
    if (id < 0) continue;
    const state = c.rootNext[id]!;
    if (state < 0) continue;
    // The walk stems the words after this one with the same reused array: keep this word's stems apart.
    if (!own) {
      candidates = candidates.slice();
      own = true;
    }
    const found = walk(c, text, start, end, state);
    if (found >= 0) return found;
  }
  return end;
}

/** The trie state after `state` for an inflected alias word `text[from, to)`, or -1. */
function stemNext(c: Compiled, text: string, from: number, to: number, state: number): number {
  const candidates = stemCandidates(foldedWord(text, from, to));
  for (let k = 0; k < candidates.length; k++) {
    const id = lookupKey(c, c.token, candidates[k]!);
    if (id < 0) continue;
    const next = nextState(c.trans, state, id);
    if (next >= 0) return next;
  }
  return -1;
}

/** Whether the word at `from` (after a name's apostrophe) is a Turkish case suffix ("Esad'ın"). */
function turkishSuffixAt(text: string, from: number): boolean {
  let to = from;
  while (to < text.length && fold(text.charCodeAt(to)) >= WORD_MIN) to++;
  return to - from <= 6 && isTurkishSuffix(foldedWord(text, from, to));
}
