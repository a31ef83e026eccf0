/**
 * Splits documents into passages: one sentence each, keeping its paragraph.
 * Pure (no DOM): the build uses it for the bundled corpus, the background for
 * readers' own documents.
 */
import type { CorpusDocument, Passage } from './corpus';

/** Abbreviations that never end a sentence (titles before a name). */
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pvt', 'adm',
  'brig', 'cmdr', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'st', 'mt', 'ft', 'fr', 'sr', 'jr', 'messrs', 'mme',
  'mlle', 'vs', 'cf', 'approx', 'dept', 'univ', 'est', 'e.g', 'i.e', 'viz', 'al',
]);

/** Abbreviations that end a sentence only when a digit does not follow ("Oct. 15", "No. 10"). */
const BEFORE_NUMBERS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos', 'art', 'p', 'pp',
  'vol', 'ch', 'sec', 'fig',
]);

/**
 * Abbreviations that may also close a sentence ("in the U.S.", "at 10 a.m.",
 * "Acme Inc."): a sentence ends there only when the next word is one that
 * typically opens a sentence.
 */
const AMBIGUOUS = new Set(['inc', 'ltd', 'co', 'corp', 'etc', 'bros', 'plc']);

/** Words that typically open a sentence (decides after an ambiguous abbreviation). */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his',
  'her', 'their', 'our', 'there', 'then', 'but', 'and', 'so', 'yet', 'however', 'meanwhile', 'in', 'on', 'at', 'after',
  'before', 'since', 'when', 'while', 'as', 'if', 'for', 'by', 'with', 'from', 'to', 'what', 'why', 'how', 'who',
  'moreover', 'also', 'still', 'now', 'later', 'earlier', 'today', 'yesterday',
]);

const TERMINATORS = '.!?…';
const CLOSERS = '"\'”’»)]';
const OPENERS = '"\'“‘«';

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** The word right before index `end` (exclusive), back to whitespace or an opening bracket/quote. */
function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && !/[\s([“‘"«]/.test(text[i - 1]!)) i--;
  return text.slice(i, end);
}

/** The next word starting at `start`, without opening quotes and trailing punctuation. */
function wordAt(text: string, start: number): string {
  const m = /^[“‘"'«]*([\p{L}\p{N}]+)/u.exec(text.slice(start, start + 40));
  return m ? m[1]! : '';
}

/** True when the full stop at `dot` belongs to an abbreviation that does not end the sentence. */
function isAbbreviation(text: string, dot: number, next: number): boolean {
  const word = wordBefore(text, dot);
  if (word === '') return false;
  const bare = word.replace(/^[^\p{L}\p{N}]+/u, '');
  const lower = bare.toLowerCase();
  const nextWord = wordAt(text, next);
  // An initial: "J. Smith", "George W. Bush".
  if (/^\p{Lu}$/u.test(bare)) return true;
  if (TITLES.has(lower)) return true;
  if (BEFORE_NUMBERS.has(lower)) return /^\d/.test(nextWord);
  // Dotted abbreviations: "U.S", "U.N", "a.m", "p.m", "e.g".
  if (/^(?:\p{L}\.)+\p{L}$/u.test(bare) || AMBIGUOUS.has(lower)) {
    return !SENTENCE_OPENERS.has(nextWord.toLowerCase());
  }
  return false;
}

/**
 * Splits one paragraph into sentences. Handles abbreviations (titles, initials,
 * dotted acronyms), decimals, closing quotes after the full stop, ellipses,
 * question and exclamation marks. Whitespace around each sentence is trimmed.
 */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph;
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (!TERMINATORS.includes(ch)) {
      i++;
      continue;
    }
    // Run of terminators ("?!", "...", "…").
    let j = i;
    while (j < text.length && TERMINATORS.includes(text[j]!)) j++;
    const run = text.slice(i, j);
    // Closing quotes and brackets stay with the sentence.
    let k = j;
    while (k < text.length && CLOSERS.includes(text[k]!)) k++;
    // A boundary needs whitespace, then the start of a sentence.
    let n = k;
    while (n < text.length && /\s/.test(text[n]!)) n++;
    if (n === k || n >= text.length) {
      i = j;
      continue;
    }
    const next = text[n]!;
    const opensSentence = isUpper(next) || /\d/.test(next) || OPENERS.includes(next);
    let boundary = opensSentence;
    if (boundary && run === '.' && isAbbreviation(text, i, n)) boundary = false;
    if (boundary) {
      const sentence = text.slice(start, k).trim();
      if (sentence !== '') out.push(sentence);
      start = n;
    }
    i = j;
  }
  const last = text.slice(start).trim();
  if (last !== '') out.push(last);
  return out;
}

/** The passage id of a sentence: `<documentId>#p<paragraph>.s<sentence>`, zero-based. */
export function passageId(documentId: string, paragraph: number, sentence: number): string {
  return `${documentId}#p${paragraph}.s${sentence}`;
}

/** Splits a document's paragraphs into sentence passages, in order. */
export function splitPassages(doc: Pick<CorpusDocument, 'id' | 'paragraphs'>): Passage[] {
  const out: Passage[] = [];
  doc.paragraphs.forEach((paragraph, p) => {
    splitSentences(paragraph).forEach((text, s) => {
      out.push({ id: passageId(doc.id, p, s), documentId: doc.id, paragraph: p, sentence: s, text });
    });
  });
  return out;
}
