/**
 * Inflection the matcher undoes, for all languages in the same scan: when a
 * word of Cyrillic or Arabic script is no alias word as written, the scanner
 * asks {@link stemCandidates} for the forms it may stand for and probes those.
 * Latin-script words never come here (Turkish suffixes follow an apostrophe,
 * see {@link isTurkishSuffix}), so English pages pay nothing for it.
 *
 * - Russian: case endings are replaced by the nominative ending the alias has
 *   ("Путина" → путин, "Сирии" → сирия, "Москве" → москва, "Асадом" → асад).
 * - Arabic: attached conjunctions and prepositions (و ف ب ل ك and their
 *   combinations, "لل" for ل + ال) and the possessive suffixes ها هم ه are
 *   stripped ("وبوتين" → بوتين, "للأسد" → الاسد, "بالكرملين" → الكرملين).
 *
 * Candidates are folded keys (see `fold.ts`): the caller folds the word once.
 * The mention still covers the whole written word, so offsets are the text's.
 */
import { SKIP, fold } from '../fold';

/** Whether the code unit starts a word whose inflection {@link stemCandidates} knows (Cyrillic, Arabic). */
export function isInflectedScript(code: number): boolean {
  return (code >= 0x0400 && code <= 0x052f) || (code >= 0x0600 && code <= 0x06ff);
}

/** Russian case and number endings, folded (ё → е, й → и), longest first. */
const RUSSIAN_ENDINGS = ['ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ом', 'ем', 'ои', 'еи', 'ою', 'ею', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ым', 'им', 'а', 'я', 'у', 'ю', 'е', 'и', 'ы', 'ь'];
/** Nominative endings an alias word may have in place of the stripped one ("" for consonant stems; ая ий ый ое for adjectives, й folded to и). */
const RUSSIAN_NOMINATIVE = ['', 'а', 'я', 'ь', 'и', 'о', 'ая', 'ии', 'ыи', 'ое'];
/** Letters (folded) a consonant stem does not end in. */
const RUSSIAN_VOWELS = 'аеиоуыэюяь';
/** Shortest Russian stem tried: shorter ones would turn common words into names. */
const MIN_RUSSIAN_STEM = 3;

/** Arabic conjunctions that attach first (و "and", ف "so"). */
const ARABIC_CONJUNCTIONS = ['', 'و', 'ف'];
/** Arabic prepositions that attach after them (ب "in/with", ل "to/for", ك "like"). */
const ARABIC_PREPOSITIONS = ['', 'ب', 'ل', 'ك'];
/** Attached pronoun suffixes ("its", "their", "his"), longest first. */
const ARABIC_SUFFIXES = ['هما', 'ها', 'هم', 'ه'];
/** Shortest Arabic stem tried. */
const MIN_ARABIC_STEM = 3;

const out: string[] = [];

/** The keys `word` (folded, as written) may stand for, most likely first; empty when none. */
export function stemCandidates(word: string): readonly string[] {
  out.length = 0;
  const c = word.charCodeAt(0);
  if (c >= 0x0430 && c <= 0x045f) russian(word);
  else if (c >= 0x0620 && c <= 0x06ff) arabic(word);
  return out;
}

function add(key: string): void {
  if (!out.includes(key)) out.push(key);
}

function russian(word: string): void {
  for (const ending of RUSSIAN_ENDINGS) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, word.length - ending.length);
    if (stem.length < MIN_RUSSIAN_STEM) continue;
    // A vowel-final nominative ("Москва") takes no ending after its vowel: "Москвау" is no form of it.
    const vowelStem = RUSSIAN_VOWELS.includes(stem[stem.length - 1]!);
    for (const nominative of RUSSIAN_NOMINATIVE) if (nominative !== ending && !(nominative === '' && vowelStem)) add(stem + nominative);
  }
}

function arabic(word: string): void {
  for (const conj of ARABIC_CONJUNCTIONS) {
    if (!word.startsWith(conj)) continue;
    for (const prep of ARABIC_PREPOSITIONS) {
      if (conj === '' && prep === '') continue;
      const rest = word.slice(conj.length + prep.length);
      if (!word.startsWith(prep, conj.length) || rest.length < MIN_ARABIC_STEM) continue;
      // ل before the article drops its alef: "للأسد" = ل + الأسد.
      if (prep === 'ل' && rest.startsWith('ل')) add('ا' + rest);
      add(rest);
    }
  }
  const bases = out.length === 0 ? [word] : [word, ...out];
  for (const base of bases) {
    for (const suffix of ARABIC_SUFFIXES) {
      if (base.endsWith(suffix) && base.length - suffix.length >= MIN_ARABIC_STEM) add(base.slice(0, base.length - suffix.length));
    }
  }
}

/**
 * Turkish suffixes written after an apostrophe on proper names ("Erdoğan'ın",
 * "Suriye'de", "Esad'a", "Şam'daki"), folded (ı → i, ü → u, ş → s, ğ → g): the
 * scanner accepts a name followed by one of them as it accepts the English "'s".
 */
const TURKISH_SUFFIXES: ReadonlySet<string> = new Set(
  (
    'in un nin nun yi yu i u ni nu a e ya ye na ne da de ta te nda nde dan den tan ten ndan nden ' +
    'la le yla yle ile dir dur tir tur daki deki taki teki ndaki ndeki nin ki in ki lar ler lari leri ' +
    'ya da ye de yi de dan tan ca ce ci cu cilar ciler iye'
  ).split(' '),
);

/** Whether the folded letters after a name's apostrophe are a Turkish case suffix. */
export function isTurkishSuffix(folded: string): boolean {
  return TURKISH_SUFFIXES.has(folded);
}

/** The folded key of one word, as the scanner folds it. */
export function foldKey(word: string): string {
  let key = '';
  for (let i = 0; i < word.length; i++) {
    const f = fold(word.charCodeAt(i));
    if (f !== SKIP) key += String.fromCharCode(f);
  }
  return key;
}
