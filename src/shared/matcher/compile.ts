/**
 * Compiles catalog aliases into the lookup structures the scanner walks:
 *
 * - a token dictionary: every distinct folded word of every alias gets an id;
 * - two open-addressing hash tables keyed by the word hash the scanner computes
 *   incrementally: `starter` (words that can begin an alias, plus the articles)
 *   probed for every word of the page, and `token` (all words) used only while
 *   extending a hit;
 * - a token trie: state × token → state, with the alias claims at accepting states.
 *
 * Probing `starter` is the only per-word cost, and it does not grow with the
 * number of aliases (one or two probes in a table kept at most half full).
 *
 * An alias that begins with a {@link LEADING_WORDS leading word} ("the Kremlin",
 * "The Hague") is entered under its second word, with the leading word checked
 * backwards when the rest matches: otherwise "the", a tenth of all English
 * words, would send the scanner down its slow path at every occurrence.
 */
import type { MatcherEntry } from './types';
import { caseForm, isArticleKey, punctCode, stripArticles, tokenize } from './tokenize';
import type { Unit } from './tokenize';

/** One entry's claim on an alias key. */
export interface Claim {
  /** Index into {@link Compiled.entryIds}. */
  entry: number;
  weak: boolean;
  shared: boolean;
  isDefault: boolean;
  /** For case-sensitive aliases: the exact word characters the text must show ("US"). */
  caseForm: string | null;
  /** The years of a dated claim (`AliasSpec.years`), inclusive; 0 and 0 when undated. */
  from: number;
  to: number;
}

/** One candidate of a mention: an entry and how it claims the alias (one per entry; a strong claim beats a weak one). */
export interface Candidate {
  /** Index into {@link Compiled.entryIds}. */
  entry: number;
  weak: boolean;
  isDefault: boolean;
  /** The claim's years (see {@link Claim.from}); 0 when undated. */
  from: number;
  to: number;
}

/** The candidates of `claims`, one per entry, minus the excluded entries. */
export function candidatesOf(claims: readonly Claim[], entryIds: readonly string[], exclude?: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  for (const claim of claims) {
    if (exclude !== undefined && exclude.has(entryIds[claim.entry]!)) continue;
    const seen = out.find((cand) => cand.entry === claim.entry);
    if (seen === undefined) out.push({ entry: claim.entry, weak: claim.weak, isDefault: claim.isDefault, from: claim.from, to: claim.to });
    else {
      seen.weak &&= claim.weak;
      seen.isDefault ||= claim.isDefault;
    }
  }
  return out;
}

/** An open-addressing hash table: word hash → token id. Slot key 0 = empty. */
export interface HashTable {
  keys: Int32Array;
  vals: Int32Array;
  mask: number;
}

/**
 * Trie edges in one open-addressing table keyed by (state, token). A `Map` keyed
 * by `state * tokenCount + token` would box keys beyond the small-integer range
 * with 10,000 aliases, allocating on every lookup.
 */
export interface TransitionTable {
  /** Source state per slot, -1 = empty. */
  from: Int32Array;
  token: Int32Array;
  to: Int32Array;
  mask: number;
}

/** Slot of the edge (state, token); the scanner uses the same function. */
export function edgeSlot(state: number, token: number, mask: number): number {
  const h = Math.imul(state, 0x9e3779b1) ^ Math.imul(token + 1, 0x85ebca77);
  return (h ^ (h >>> 15)) & mask;
}

/** Next state after `token` from `state`, or -1. */
export function nextState(t: TransitionTable, state: number, token: number): number {
  let slot = edgeSlot(state, token, t.mask);
  let from: number;
  while ((from = t.from[slot]!) !== -1) {
    if (from === state && t.token[slot] === token) return t.to[slot]!;
    slot = (slot + 1) & t.mask;
  }
  return -1;
}

/**
 * The trie's edges while compiling: the final open-addressing table, grown
 * (doubled and rehashed) to stay at most half full; no `Map` per state.
 */
class TrieBuilder {
  t: TransitionTable = { from: new Int32Array(1024).fill(-1), token: new Int32Array(1024), to: new Int32Array(1024), mask: 1023 };
  edges = 0;
  states = 1;

  /** The state after `token` from `state`, created when new (then `created` is true). */
  step(state: number, token: number): number {
    const t = this.t;
    let slot = edgeSlot(state, token, t.mask);
    let from: number;
    while ((from = t.from[slot]!) !== -1) {
      if (from === state && t.token[slot] === token) return t.to[slot]!;
      slot = (slot + 1) & t.mask;
    }
    const next = this.states++;
    t.from[slot] = state;
    t.token[slot] = token;
    t.to[slot] = next;
    if (++this.edges * 2 > t.mask + 1) this.grow();
    return next;
  }

  private grow(): void {
    const old = this.t;
    const size = (old.mask + 1) * 2;
    const t: TransitionTable = { from: new Int32Array(size).fill(-1), token: new Int32Array(size), to: new Int32Array(size), mask: size - 1 };
    for (let k = 0; k <= old.mask; k++) {
      const state = old.from[k]!;
      if (state === -1) continue;
      let slot = edgeSlot(state, old.token[k]!, t.mask);
      while (t.from[slot] !== -1) slot = (slot + 1) & t.mask;
      t.from[slot] = state;
      t.token[slot] = old.token[k]!;
      t.to[slot] = old.to[k]!;
    }
    this.t = t;
  }
}

/**
 * Words too common to start a trie walk: an alias beginning with one of them is
 * looked up by the word after it (see the module comment).
 */
export const LEADING_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/** Everything the scanner and resolver need; immutable after compile. */
export interface Compiled {
  entryIds: string[];
  /** 1 for a state or place entry (by entry index): its one-word name can be a character's nickname. */
  entryIsPlace: Uint8Array;
  starter: HashTable;
  /**
   * One bit per word hash (its low bits, as in {@link buildBits}), set for the hashes of the
   * starters: a clear bit proves a word is none, without probing `starter`.
   * Dense (about 16 bits a starter) so that it stays in the fastest cache,
   * which the table, at most a quarter full of 32-bit keys, does not.
   */
  starterBits: Int32Array;
  token: HashTable;
  /** Folded text of each word token, to verify a hash hit (hashes can collide). */
  tokenText: string[];
  /** Canonical punctuation code → token id. */
  punctIds: Map<number, number>;
  /** The same for ASCII code units, by code unit (apostrophe forms included): -1 = none. */
  punctAscii: Int32Array;
  tokenCount: number;
  /** Token id → trie state after that first token, or -1. */
  rootNext: Int32Array;
  /** (state, token) → next state. */
  trans: TransitionTable;
  /** State → index into `groups`, or -1 when no alias ends there. */
  accept: Int32Array;
  /**
   * State → the group of the alias that ends there when preceded by the leading
   * word `ledToken[state]` ("the" + "kremlin"), or -1.
   */
  acceptLed: Int32Array;
  /** State → token id of the leading word of `acceptLed[state]` (unused where that is -1). */
  ledToken: Int32Array;
  /** Claims of each distinct alias key. */
  groups: Claim[][];
  /** 1 for the groups with a case-sensitive claim (the scanner checks the text's case only for those). */
  groupHasCase: Uint8Array;
  /**
   * Candidates of each group when nothing is excluded, shared by all its
   * mentions; filled on first use by {@link groupCandidates} (most groups never
   * match on a given page, and a page's content script runs this as cold code).
   */
  groupCandidateCache: (GroupCandidates | undefined)[];
  /** Per group, the {@link SHAPE} bits of its alias (see {@link aliasShape}), ANDed over its claims' texts. */
  groupShape: Uint8Array;
  /** 1 for the groups with a dated claim (the resolver reads a year for those). */
  groupHasYears: Uint8Array;
  /** Token id of the `{year}` placeholder: any four-digit number. */
  yearToken: number;
  /** Token ids of "al" and "el" (articles), always present. */
  articleA: number;
  articleE: number;
  aliasCount: number;
}

/** A group's shared candidates and their entry ids (frozen: the `candidates` array of every such mention). */
export interface GroupCandidates {
  candidates: readonly Candidate[];
  ids: readonly string[];
}

/** The shared candidates of group `g` (see {@link Compiled.groupCandidateCache}). */
export function groupCandidates(c: Compiled, g: number): GroupCandidates {
  let cached = c.groupCandidateCache[g];
  if (cached === undefined) {
    const candidates = Object.freeze(candidatesOf(c.groups[g]!, c.entryIds).map((cand) => Object.freeze(cand)));
    cached = { candidates, ids: Object.freeze(candidates.map((cand) => c.entryIds[cand.entry]!)) };
    c.groupCandidateCache[g] = cached;
  }
  return cached;
}

/** Bits of {@link Compiled.groupShape}: what the resolver's context checks need to know of an alias. */
export const SHAPE = {
  /** One word (acronyms with dots included: "U.S."), after the article: the alias can be part of a longer name. */
  single: 1,
  /** No lower-case letter ("US", "SAA", "U.S."). */
  acronym: 2,
  /** Its first word (after "the" and the article) starts with a capital: a proper name. */
  proper: 4,
  /** At most three letters: short enough to be a word inside an all-caps run ("IS"). */
  short: 8,
} as const;

/**
 * The words of a name, a dotted acronym counted as one ("U.S.", "U.S.S.R."):
 * a word glued to the dot after a previous word continues that word.
 */
function nameWords(units: readonly Unit[]): Unit[] {
  return units.filter((u, k) => {
    if (u.kind !== 'word') return false;
    const dot = units[k - 1];
    return !(k >= 2 && !u.sepBefore && !u.hardBefore && dot!.kind === 'punct' && dot!.key === '.' && !dot!.sepBefore && units[k - 2]!.kind === 'word');
  });
}

/** The {@link SHAPE} bits of one alias text, from its units with the articles stripped. */
function aliasShape(text: string, units: readonly Unit[]): number {
  const words = nameWords(units);
  const lead = words.length >= 2 && LEADING_WORDS.has(words[0]!.key) ? 1 : 0;
  const first = words[lead];
  if (first === undefined) return 0;
  const firstChar = text.charAt(first.start);
  let shape = 0;
  if (words.length - lead === 1) shape |= SHAPE.single;
  if (allCapitals(text, words)) shape |= SHAPE.acronym;
  if (firstChar !== firstChar.toLowerCase()) shape |= SHAPE.proper;
  if (words.length === 1 && first.key.length <= 3) shape |= SHAPE.short;
  return shape;
}

/** Whether the letters of `words` have case and are all capitals (compile runs this per alias: no strings for ASCII). */
function allCapitals(text: string, words: readonly Unit[]): boolean {
  let cased = false;
  for (const u of words) {
    for (let i = u.start; i < u.end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x61 && c <= 0x7a) return false;
      if (c >= 0x41 && c <= 0x5a) cased = true;
      else if (c >= 0x80) {
        const ch = text.charAt(i);
        if (ch.toUpperCase() !== ch) return false;
        if (ch.toLowerCase() !== ch) cased = true;
      }
    }
  }
  return cased;
}

/** What {@link Compiled} derives from its groups. */
function groupTables(groups: readonly Claim[][]): Pick<Compiled, 'groupHasCase' | 'groupCandidateCache'> {
  return {
    groupHasCase: Uint8Array.from(groups, (g) => (g.some((claim) => claim.caseForm !== null) ? 1 : 0)),
    groupCandidateCache: new Array<GroupCandidates | undefined>(groups.length),
  };
}

/** Smallest power of two ≥ `n`. */
function pow2AtLeast(n: number): number {
  let size = 8;
  while (size < n) size *= 2;
  return size;
}

/** Derives the slot from a word hash; the scanner inlines the same expression. */
export function slotOf(hash: number, mask: number): number {
  return (hash ^ (hash >>> 16)) & mask;
}

function buildTable(hashes: readonly number[], ids: readonly number[]): HashTable {
  // At most a quarter full: a miss (the common case on page text) usually ends
  // at the first probe on an empty slot.
  const size = pow2AtLeast(hashes.length * 4);
  const keys = new Int32Array(size);
  const vals = new Int32Array(size);
  const mask = size - 1;
  for (let k = 0; k < hashes.length; k++) {
    const h = hashes[k]!;
    let slot = slotOf(h, mask);
    // Equal hashes of different words are kept side by side; lookups verify the text.
    while (keys[slot] !== 0) slot = (slot + 1) & mask;
    keys[slot] = h;
    vals[slot] = ids[k]!;
  }
  return { keys, vals, mask };
}

/** {@link Compiled.starterBits} for these hashes: a power of two of at least 16 bits per hash. */
function buildBits(hashes: readonly number[]): Int32Array {
  const bits = new Int32Array(pow2AtLeast(hashes.length * 16) >>> 5 || 1);
  const mask = bits.length * 32 - 1;
  for (const h of hashes) {
    // A hash's bit is its low bits; the scanner tests the same expression inline.
    const bit = h & mask;
    bits[bit >>> 5] = bits[bit >>> 5]! | (1 << (bit & 31));
  }
  return bits;
}

/** The folded key of the `{year}` placeholder unit. */
const YEAR_KEY = '{year}';

/** Turns the three units of a `{year}` placeholder ("{", "year", "}") into one unit with key {@link YEAR_KEY}. */
function yearUnits(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    if (u.key === '{' && units[k + 1]?.key === 'year' && units[k + 2]?.key === '}') {
      out.push({ ...units[k + 1]!, key: YEAR_KEY, start: u.start, end: units[k + 2]!.end, sepBefore: u.sepBefore });
      k += 2;
    } else out.push(u);
  }
  return out;
}

/** The span of an undated claim, shared by all of them. */
const UNDATED = { from: 0, to: 0 } as const;

/** `"1970-2000"` → from 1970 to 2000; `"2015"` → 2015 to 2015; undefined → 0, 0. */
function yearSpan(years: string | undefined): { from: number; to: number } {
  const m = years === undefined ? null : /^(\d{4})(?:-(\d{4}))?$/.exec(years);
  if (!m) return UNDATED;
  return { from: Number(m[1]), to: Number(m[2] ?? m[1]) };
}

/** Compiles the aliases of `entries` (see the module comment). */
export function compile(entries: readonly MatcherEntry[]): Compiled {
  // Entries with the same id (a reader's entry extending a bundled one) are one entry.
  const entryIds: string[] = [];
  const entryIndexOf = new Map<string, number>();
  const isPlace: number[] = [];
  for (const e of entries) {
    if (!entryIndexOf.has(e.id)) {
      entryIndexOf.set(e.id, entryIds.length);
      entryIds.push(e.id);
      isPlace.push(e.type === 'state' || e.type === 'place' ? 1 : 0);
    }
  }
  // Words by their hash (a small integer: a cheap Map key, unlike a fresh string
  // that must be hashed on every lookup), verified by text; a word whose hash
  // another word already has goes to `collidedIds`.
  const idOfHash = new Map<number, number>();
  const collidedIds = new Map<string, number>();
  const wordHash: number[] = [];
  const tokenText: string[] = [];
  const punctIds = new Map<number, number>();
  let tokenCount = 0;
  const wordId = (key: string, hash: number): number => {
    let id = idOfHash.get(hash);
    if (id !== undefined && tokenText[id] === key) return id;
    id = collidedIds.get(key);
    if (id !== undefined) return id;
    id = tokenCount++;
    if (idOfHash.has(hash)) collidedIds.set(key, id);
    else idOfHash.set(hash, id);
    wordHash[id] = hash;
    tokenText[id] = key;
    return id;
  };
  const articleA = wordId('al', tokenize('al')[0]!.hash);
  const articleE = wordId('el', tokenize('el')[0]!.hash);
  // A key no folded word can have: the placeholder is never looked up by hash.
  const yearToken = wordId('{year}', 0);

  // Trie built with plain arrays/maps, packed once the token count is known.
  const trie = new TrieBuilder();
  const acceptOf: number[] = [-1];
  const ledAcceptOf: number[] = [-1];
  const ledTokenOf: number[] = [-1];
  const groups: Claim[][] = [];
  const shapes: number[] = [];
  let aliasCount = 0;

  /** Enters `units` into the trie from the root; returns the state they end in. */
  const walkUnits = (units: readonly Unit[]): number => {
    let state = 0;
    for (const u of units) {
      let id: number;
      if (u.key === YEAR_KEY) id = yearToken;
      else if (u.kind === 'word') id = wordId(u.key, u.hash);
      else {
        const code = u.key.charCodeAt(0);
        id = punctIds.get(code) ?? -1;
        if (id < 0) {
          id = tokenCount++;
          punctIds.set(code, id);
        }
      }
      const next = trie.step(state, id);
      if (next === acceptOf.length) {
        acceptOf.push(-1);
        ledAcceptOf.push(-1);
        ledTokenOf.push(-1);
      }
      state = next;
    }
    return state;
  };

  for (const entry of entries) {
    const entryIndex = entryIndexOf.get(entry.id)!;
    for (const alias of entry.aliases) {
      const stripped = stripArticles(tokenize(alias.text));
      const units = alias.text.includes('{') ? yearUnits(stripped) : stripped;
      // An alias must start with a word: the scanner only looks up words.
      if (!units.some((u) => u.kind === 'word') || units[0]!.kind !== 'word') continue;
      aliasCount++;
      const led = units.length >= 2 && LEADING_WORDS.has(units[0]!.key) && units[1]!.kind === 'word' && units[1]!.sepBefore;
      let state = led ? walkUnits(units.slice(1)) : walkUnits(units);
      let ledAt = -1;
      if (led) {
        const lead = wordId(units[0]!.key, units[0]!.hash);
        if (ledTokenOf[state] === -1 || ledTokenOf[state] === lead) {
          ledTokenOf[state] = lead;
          ledAt = state;
        } else state = walkUnits(units); // another leading word ends here already: enter the alias whole
      }
      // Aliases with the same key (same units) end in the same state: the state is the group's identity.
      let g = ledAt >= 0 ? ledAcceptOf[ledAt]! : acceptOf[state]!;
      if (g < 0) {
        g = groups.length;
        groups.push([]);
        shapes.push(0xff);
        if (ledAt >= 0) ledAcceptOf[ledAt] = g;
        else acceptOf[state] = g;
      }
      shapes[g]! &= aliasShape(alias.text, stripped);
      const span = yearSpan(alias.years);
      groups[g]!.push({
        entry: entryIndex,
        weak: alias.weak === true,
        shared: alias.shared === true,
        isDefault: alias.default === true,
        caseForm: alias.caseSensitive === true ? caseForm(alias.text) : null,
        from: span.from,
        to: span.to,
      });
    }
  }

  const rootNext = new Int32Array(tokenCount).fill(-1);
  const trans = trie.t;
  for (let k = 0; k <= trans.mask; k++) if (trans.from[k] === 0) rootNext[trans.token[k]!] = trans.to[k]!;
  const punctAscii = new Int32Array(0x80).fill(-1);
  for (let code = 0; code < 0x80; code++) punctAscii[code] = punctIds.get(punctCode(code)) ?? -1;

  const starterHashes: number[] = [];
  const starterIds: number[] = [];
  const allHashes: number[] = [];
  const allIds: number[] = [];
  for (let id = 0; id < tokenCount; id++) {
    const key = tokenText[id];
    // Punctuation tokens have no text; the placeholder is never looked up by hash.
    if (key === undefined || id === yearToken) continue;
    allHashes.push(wordHash[id]!);
    allIds.push(id);
    if (rootNext[id]! >= 0 || isArticleKey(key)) {
      starterHashes.push(wordHash[id]!);
      starterIds.push(id);
    }
  }

  return {
    entryIds,
    entryIsPlace: Uint8Array.from(isPlace),
    starter: buildTable(starterHashes, starterIds),
    starterBits: buildBits(starterHashes),
    token: buildTable(allHashes, allIds),
    tokenText,
    punctIds,
    punctAscii,
    tokenCount,
    rootNext,
    trans,
    accept: Int32Array.from(acceptOf),
    acceptLed: Int32Array.from(ledAcceptOf),
    ledToken: Int32Array.from(ledTokenOf),
    groups,
    ...groupTables(groups),
    groupShape: Uint8Array.from(shapes),
    groupHasYears: Uint8Array.from(groups, (g) => (g.some((claim) => claim.from > 0) ? 1 : 0)),
    yearToken,
    articleA,
    articleE,
    aliasCount,
  };
}
