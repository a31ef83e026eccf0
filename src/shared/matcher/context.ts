/**
 * Context checks on one mention, made by the resolver on the (few) mentions the
 * scan found, never on every word of the text. They read the characters around
 * a mention to reject the three kinds of wrong marks case-blind whole-word
 * matching makes (issue #15):
 *
 * - **a longer name**: a one-word alias inside a longer proper name ("The
 *   Washington Post", "Radio France", "Melania Trump", "Johnson & Johnson",
 *   "Washington-based", "US$", "en-US", "AWS-SAA", "France 2"). A capitalised
 *   neighbour joined by spaces makes the longer name, unless it is a function
 *   word, a title, a day or month ("Under Assad", "President Putin", "on
 *   Monday Putin"), or the text is a title-case headline ("Trump Shocked to
 *   Learn…", where every word is capitalised). A dotted acronym ("U.S.") is
 *   one word here, as its undotted form. An acronym qualifies the capitalised
 *   word after it ("U.S. Congress") unless that word begins an outlet's or
 *   company's name ("USA Today", "U.S. Games Systems, Inc.": a head word of
 *   {@link ORGANISATION_HEADS} within three capitalised words); a capitalised
 *   word before it makes a company's name ("Santander UK") except in a
 *   title-case headline ("Could Affect U.S. Spying"). A name joined by a hyphen
 *   to a capitalised word that is no mention is part of another name
 *   ("Isis-Urania Temple"), unless it is an acronym written in capitals, which
 *   qualifies it ("US-Bundesstaat", "U.S.-Mexico border");
 * - **an all-caps run**: an acronym or short alias among all-caps words ("WHAT
 *   IS NEXT", "FOLLOW US");
 * - **a common word**: a proper name written in lower case ("cold turkey").
 *
 * It also says when a place's one-word name is used as a person's
 * ({@link usedAsPerson}, {@link usedAsPlace}): `characters.ts` drops a place
 * named so twice in a text, and never as a place ("said Turkey", "Turkey
 * displayed his": a clerk named Turkey).
 */
import { SHAPE } from './compile';
import { OTHER_LANGUAGE_NOT_NAME_PARTS } from './languages/words';
import { foldKey } from './languages/morphology';
import { APOS, HARD, NEWLINE, SEP, SKIP, WORD_MIN, fold } from './fold';

/**
 * Capitalised words that do not make a longer name with the name beside them:
 * sentence openers, titles, days and months (folded).
 */
const NOT_NAME_PARTS: ReadonlySet<string> = new Set(
  (
    'the a an in on at of to for by with from into onto over under after before since until during while when where why how what who whom whose which ' +
    'as but and or nor so yet if then than though although because unlike like despite against without between among amid around through across behind beyond near ' +
    'this that these those there here now later today yesterday tomorrow tonight meanwhile also still even only once both neither either each every all some many most ' +
    'it its he she they we you i his her their our my your him them us me not no yes is was were are be been has had have do does did will would can could should may might must shall ' +
    'mr mrs ms dr sir lord lady president presidents minister ministers prime foreign defence defense interior secretary general gen col colonel commander chief leader ' +
    'chairman chancellor king queen prince princess sheikh emir sultan ayatollah imam pope ambassador envoy spokesman spokeswoman governor mayor senator sen rep marshal admiral ' +
    'former late then acting interim deputy vice top senior new old says said told asked according ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'
  )
    .split(' '),
);

/**
 * {@link OTHER_LANGUAGE_NOT_NAME_PARTS} folded, on first use: folding them
 * fills the fold table's Cyrillic and Latin Extended blocks, work every
 * page's content script would otherwise pay at load.
 */
let otherLanguageNotNameParts: ReadonlySet<string> | undefined;

/** Lower-case words a title-case headline leaves small ("Shocked to Learn"). */
const SMALL_WORDS: ReadonlySet<string> = new Set('a an the and but or nor for of to in on at by as vs via with from into up off out over per'.split(' '));

/** Lower-case words after a hyphen that make a place name an adjective of somewhere else ("Washington-based"). */
const LOCATIVE_SUFFIXES: ReadonlySet<string> = new Set(['based', 'born', 'bred', 'headquartered', 'registered', 'listed', 'area', 'style']);

/**
 * Head words of outlets, companies and organisations (folded): an acronym
 * followed by a capitalised run holding one is part of that name ("USA Today",
 * "US Weekly", "U.S. Games Systems, Inc."), not the state.
 */
const ORGANISATION_HEADS: ReadonlySet<string> = new Set(
  ('today weekly daily times post news herald tribune journal magazine press review gazette telegraph ' +
    'inc ltd llc plc corp corporation company co group holdings systems games airways airlines bank steel motors').split(' '),
);

/** A word of the text: its span (its folded form is read only when needed, by {@link keyOf}). */
interface Word {
  start: number;
  end: number;
}

/** The folded form of a word. */
function keyOf(text: string, w: Word): string {
  let key = '';
  for (let i = w.start; i < w.end; i++) {
    const f = fold(text.charCodeAt(i));
    if (f !== SKIP) key += String.fromCharCode(f);
  }
  return key;
}

/** Whether the code unit is an upper-case letter (ASCII without allocating). */
function isUpper(code: number): boolean {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  const ch = String.fromCharCode(code);
  return ch !== ch.toLowerCase();
}

/** Whether the code unit is a lower-case letter (ASCII without allocating). */
function isLower(code: number): boolean {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  const ch = String.fromCharCode(code);
  return ch !== ch.toUpperCase();
}

/** A space form: a separator that is not a hyphen or dash ("Aleppo – Dozens" are two clauses). */
function isSpace(code: number): boolean {
  return fold(code) === SEP && code !== 0x2d && (code < 0x2010 || code > 0x2013) && code !== 0xfe63 && code !== 0xff0d;
}

function isWordChar(text: string, i: number): boolean {
  return i >= 0 && i < text.length && fold(text.charCodeAt(i)) >= WORD_MIN;
}

/** The word that starts at `from` (a word character). */
function wordAt(text: string, from: number): Word {
  let i = from;
  while (i < text.length && fold(text.charCodeAt(i)) >= WORD_MIN) i++;
  return { start: from, end: i };
}

/** The word that ends at `to` (exclusive; `text[to - 1]` is a word character). */
function wordEndingAt(text: string, to: number): Word {
  let i = to;
  while (i > 0 && isWordChar(text, i - 1)) i--;
  return wordAt(text, i);
}

/** Offset after the run of spaces (and at most one line feed) from `i`, or -1 when none or a block break. */
function skipSpacesForward(text: string, i: number): number {
  let j = i;
  let newlines = 0;
  while (j < text.length) {
    const f = fold(text.charCodeAt(j));
    if (f === NEWLINE) {
      if (++newlines >= 2) return -1;
    } else if (!isSpace(text.charCodeAt(j))) break;
    j++;
  }
  return j === i ? -1 : j;
}

/** Offset just after the word before the run of spaces ending at `i`, or -1. */
function skipSpacesBackward(text: string, i: number): number {
  let j = i;
  let newlines = 0;
  while (j > 0) {
    const f = fold(text.charCodeAt(j - 1));
    if (f === NEWLINE) {
      if (++newlines >= 2) return -1;
    } else if (!isSpace(text.charCodeAt(j - 1))) break;
    j--;
  }
  return j === i ? -1 : j;
}

/** The first letter of the word is a capital and another letter of it is not ("Post", not "POST" or "post"). */
function isTitleCase(text: string, w: Word): boolean {
  if (!isUpper(text.charCodeAt(w.start))) return false;
  for (let i = w.start + 1; i < w.end; i++) if (isLower(text.charCodeAt(i))) return true;
  return false;
}

/** Every letter a capital, at least two letters ("WHAT", "NEXT"). */
function isAllCaps(text: string, w: Word): boolean {
  let letters = 0;
  for (let i = w.start; i < w.end; i++) {
    const code = text.charCodeAt(i);
    if (isLower(code)) return false;
    if (isUpper(code)) letters++;
  }
  return letters >= 2;
}

/** Endings of nationality and direction adjectives ("Syrian Mediterranean port", "Turkish", "Lebanese", "Eastern"): they describe a name, they are not part of it. */
const ADJECTIVE_ENDING = /(?:ian|ish|ese|ean|ern|can|ench|eli|aqi|udi|rab)$/;

/** A letter of the Cyrillic block. */
function isCyrillic(code: number): boolean {
  return code >= 0x0400 && code <= 0x04ff;
}

/** A brand's inner capital after a lower-case start ("eHow", "iPhone"). */
function isInnerCapital(text: string, w: Word): boolean {
  if (!isLower(text.charCodeAt(w.start))) return false;
  for (let i = w.start + 1; i < w.end; i++) if (isUpper(text.charCodeAt(i))) return true;
  return false;
}

/** A capitalised word that can be part of a person's, company's or outlet's name. */
function isNamePart(text: string, w: Word): boolean {
  if (isInnerCapital(text, w)) return true;
  if (!isTitleCase(text, w)) return false;
  const key = keyOf(text, w);
  otherLanguageNotNameParts ??= new Set(OTHER_LANGUAGE_NOT_NAME_PARTS.map(foldKey));
  return !NOT_NAME_PARTS.has(key) && !otherLanguageNotNameParts.has(key) && !ADJECTIVE_ENDING.test(key);
}

/** The word after `w` across spaces only, or null. */
function nextWord(text: string, end: number): Word | null {
  const j = skipSpacesForward(text, end);
  return j >= 0 && isWordChar(text, j) ? wordAt(text, j) : null;
}

/** The word before `start` across spaces only, or null (a possessive "Russia's" is not a word before). */
function previousWord(text: string, start: number): Word | null {
  const j = skipSpacesBackward(text, start);
  if (j < 0 || !isWordChar(text, j - 1)) return null;
  const w = wordEndingAt(text, j);
  return w.start > 0 && fold(text.charCodeAt(w.start - 1)) === APOS ? null : w;
}

/**
 * Whether the capitalised `next` word begins a title-case run (a headline):
 * the word after it, past small words, is capitalised too.
 */
function titleCaseRun(text: string, next: Word): boolean {
  let w = nextWord(text, next.end);
  while (w !== null && !isTitleCase(text, w) && SMALL_WORDS.has(keyOf(text, w))) w = nextWord(text, w.end);
  return w !== null && (isTitleCase(text, w) || isAllCaps(text, w));
}

/** Whether the capitalised run from `first` (up to three words, "Inc." after a comma included) holds an organisation's head word. */
function organisationRun(text: string, first: Word): boolean {
  let w: Word | null = first;
  for (let n = 0; n < 3 && w !== null && (isTitleCase(text, w) || isAllCaps(text, w)); n++) {
    if (ORGANISATION_HEADS.has(keyOf(text, w))) return true;
    let j = w.end;
    if (charIs(text, j, 0x2c)) j++;
    w = nextWord(text, j);
  }
  return false;
}

/** The first word of `text[start, end)` past "the/a/an" and the Arabic article, when another word follows it. */
function significantWord(text: string, start: number, end: number): Word {
  let w = wordAt(text, start);
  for (;;) {
    const key = keyOf(text, w);
    if (!(SMALL_WORDS.has(key) || key === 'al' || key === 'el')) return w;
    let j = w.end;
    while (j < end && !isWordChar(text, j)) j++;
    if (j >= end) return w;
    w = wordAt(text, j);
  }
}

/** Whether every character of the word is an ASCII digit (what `/^\d+$/` tests, without a substring). */
function allDigits(text: string, w: Word): boolean {
  for (let i = w.start; i < w.end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** The character at `i` is `code`, else false (out of range included: `charCodeAt` is then NaN). */
function charIs(text: string, i: number, code: number): boolean {
  return text.charCodeAt(i) === code;
}

const AMP = 0x26;
const HYPHEN = 0x2d;
const UNDERSCORE = 0x5f;
const DOLLAR = 0x24;

/** Whether `text[start, end)` has a capital and no lower-case letter: an acronym written as one ("U.S.", not "Isis"). */
function inCapitals(text: string, start: number, end: number): boolean {
  let upper = false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isLower(code)) return false;
    if (isUpper(code)) upper = true;
  }
  return upper;
}

/** Whether the word after a mention ending at `end` is capitalised and no organisation's head word: the mention is inside a title-case run. */
function inHeadline(text: string, end: number, nextStart: number): boolean {
  if (end >= nextStart) return false;
  const next = nextWord(text, end);
  return next !== null && (isTitleCase(text, next) || isAllCaps(text, next)) && !ORGANISATION_HEADS.has(keyOf(text, next));
}

/** The first non-space character before `i` (its offset), or -1. */
function before(text: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
  return j;
}

/** The first non-space character from `i` (its offset), or the text's length. */
function after(text: string, i: number): number {
  let j = i;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  return j;
}

/**
 * Whether the mention `text[start, end)` of an alias of shape `shape` (see
 * {@link SHAPE}) is a wrong mark by its context (see the module comment).
 * `prevEnd` is the end of the mention before it (its words are another name,
 * not part of this one), `nextStart` the start of the one after (or the text's length).
 */
export function rejectedByContext(text: string, start: number, end: number, shape: number, prevEnd: number, nextStart: number): boolean {
  // A common word: a one-word proper name written in lower case ("cold turkey"). Longer
  // aliases are kept: a display name's sentence case ("Annexation of Crimea") says nothing.
  if ((shape & (SHAPE.proper | SHAPE.single)) === (SHAPE.proper | SHAPE.single) && isLower(text.charCodeAt(start))) {
    if (isLower(text.charCodeAt(significantWord(text, start, end).start))) return true;
  }
  // Identifiers and currencies: "ANIME_IS_LIFE", "US$400".
  if (charIs(text, start - 1, UNDERSCORE) || charIs(text, end, UNDERSCORE)) return true;
  if ((shape & SHAPE.acronym) !== 0 && charIs(text, end, DOLLAR)) return true;
  // Longer aliases ("Bashar al-Assad") are names by themselves: no neighbour to read.
  if ((shape & (SHAPE.single | SHAPE.acronym | SHAPE.short)) === 0) return false;
  const prev = start > prevEnd ? previousWord(text, start) : null;
  const next = end < nextStart ? nextWord(text, end) : null;
  // An all-caps run: "WHAT IS NEXT", "FOLLOW US".
  if ((shape & (SHAPE.acronym | SHAPE.short)) !== 0 && ((prev !== null && isAllCaps(text, prev) && prev.start >= prevEnd) || (next !== null && isAllCaps(text, next) && next.end <= nextStart))) {
    return true;
  }
  if ((shape & SHAPE.single) === 0) return false;
  // "Johnson & Johnson", "AT&T".
  const b = before(text, start);
  const a = after(text, end);
  if ((b >= 0 && text.charCodeAt(b) === AMP) || (a < text.length && text.charCodeAt(a) === AMP)) return true;
  // Hyphen compounds: "Washington-based"; "en-US", "AWS-SAA" for acronyms.
  if (charIs(text, end, HYPHEN) && isWordChar(text, end + 1)) {
    const w = wordAt(text, end + 1);
    if (!isTitleCase(text, w) && LOCATIVE_SUFFIXES.has(keyOf(text, w))) return true;
    if ((shape & SHAPE.acronym) !== 0 && isAllCaps(text, w)) return true;
    // "Isis-Urania Temple": a capitalised compound is another name. An acronym written in
    // capitals qualifies the word it is joined to instead ("US-Bundesstaat", "U.S.-Mexico border").
    if (end + 1 < nextStart && isNamePart(text, w) && !((shape & SHAPE.acronym) !== 0 && inCapitals(text, start, end))) return true;
  }
  if ((shape & SHAPE.acronym) !== 0 && charIs(text, start - 1, HYPHEN) && isWordChar(text, start - 2)) {
    const w = wordEndingAt(text, start - 1);
    if (isLower(text.charCodeAt(w.start)) || isAllCaps(text, w)) return true;
  }
  // A capitalised neighbour makes a longer name: "Melania Trump", "Radio France", "Santander UK".
  // An acronym between two capitalised words is in a title-case headline ("Could Affect U.S.
  // Spying") unless the word after ends a company's name ("Healthline Media UK Ltd").
  // Russian puts a state's acronym in the genitive after any noun ("Власти США", "Госдепартамент
  // США") and capitalises no further word of a longer name, so a Cyrillic word before makes none.
  if (prev !== null && prev.start >= prevEnd && isNamePart(text, prev) && !((shape & SHAPE.acronym) !== 0 && (inHeadline(text, end, nextStart) || isCyrillic(text.charCodeAt(start))))) return true;
  if (next !== null && next.end <= nextStart) {
    // "France 2": a channel, not the country.
    if (next.end - next.start <= 2 && allDigits(text, next)) return true;
    // An acronym inside an outlet's or company's name: "USA Today", "U.S. Games Systems, Inc.".
    if ((shape & SHAPE.acronym) !== 0 && organisationRun(text, next)) return true;
    // Acronyms qualify the next noun ("U.S. Congress", "UK Edition"): only their other rules apply.
    if ((shape & SHAPE.acronym) === 0 && isNamePart(text, next) && !titleCaseRun(text, next)) return true;
  }
  return false;
}

/** Whether a block separator (U+0000 or a blank line) lies in `text[from, to)`. */
export function blockBreakBetween(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const f = fold(text.charCodeAt(i));
    if (f === HARD) return true;
    if (f === NEWLINE) {
      if (++newlines >= 2) return true;
    } else if (f !== SEP) newlines = 0;
  }
  return false;
}

/** Personal pronouns that say the word before them named a person. */
const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set(['he', 'his', 'him', 'himself']);
/**
 * Words after which a pronoun starts a new clause about someone else:
 * "Russia said he would come", "Turkey hopes that he wins".
 */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['said', 'says', 'say', 'told', 'added', 'announced', 'believes', 'hopes', 'that', 'when', 'after', 'before', 'while', 'because', 'if', 'who', 'whom', 'whose']);
const QUOTES = '"\u201d\u2019\'';

/**
 * Whether the one-word mention `text[start, end)` of a place is used as a
 * person's name: a dialogue attribution after a closing quote ('…," said
 * Turkey') or a personal pronoun after a verb in the same clause ("Turkey
 * displayed his"). The pronoun is someone else's when the place is a
 * possessive ("Syria's president said he"), when a new clause starts before it
 * ("Russia said he would", "In Turkey, he said": a comma ends the clause the
 * place is in), or when a capitalised name comes before the place in its
 * sentence ("Putin said Russia would keep his bases"). The resolver drops a
 * place named so twice, unless the text also uses it as a place (see
 * {@link usedAsPlace}).
 */
export function usedAsPerson(text: string, start: number, end: number): boolean {
  const p = previousWord(text, start);
  if (p !== null && (keyOf(text, p) === 'said' || keyOf(text, p) === 'replied')) {
    const q = before(text, p.start);
    if (q >= 0 && QUOTES.includes(text.charAt(q))) return true;
  }
  // A possessive names something of the place ("Syria's new president said he"): the pronoun is that person's.
  if (QUOTES.includes(text.charAt(end)) && (text.charAt(end + 1) === 's' || text.charAt(end + 1) === 'S') && !isWordChar(text, end + 2)) return false;
  let i = end;
  for (let words = 0; words < 8 && i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code === 0x2e || code === 0x2c || code === 0x21 || code === 0x3f || code === 0x3b || code === 0x3a || fold(code) === HARD) return false;
    if (isWordChar(text, i)) {
      const w = wordAt(text, i);
      const key = keyOf(text, w);
      // "Putin said Russia would keep his bases": a capitalised name before it in the sentence can be
      // whom the pronoun means (read last: a pronoun after a place is rare, the walk back is not cheap).
      if (words > 0 && PERSONAL_PRONOUNS.has(key)) return !nameBeforeInSentence(text, start);
      if (CLAUSE_OPENERS.has(key)) return false;
      words++;
      i = w.end;
    } else i++;
  }
  return false;
}

/** Whether a capitalised word that can be a name part comes before `start` in its sentence (back to . ! ? or a block break). */
function nameBeforeInSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; ) {
    const code = text.charCodeAt(i);
    if (code === 0x2e || code === 0x21 || code === 0x3f || fold(code) === HARD) return false;
    if (isWordChar(text, i)) {
      const w = wordEndingAt(text, i + 1);
      if (isNamePart(text, w)) return true;
      i = w.start - 1;
    } else i--;
  }
  return false;
}

/** Prepositions of place: the name after one is a place ("in Turkey"), whatever else the text calls it. */
const LOCATIVES: ReadonlySet<string> = new Set(['in', 'into', 'across', 'throughout', 'inside', 'within', 'northern', 'southern', 'eastern', 'western', 'central']);

/** Whether the mention starting at `start` follows a preposition of place, written in lower case ("in Turkey", "northern Syria"). */
export function usedAsPlace(text: string, start: number): boolean {
  const p = previousWord(text, start);
  return p !== null && isLower(text.charCodeAt(p.start)) && LOCATIVES.has(keyOf(text, p));
}
