import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cldrStateNames, loadNames, NAME_LANGUAGES, STATE_REGIONS } from './names';

const ROOT = path.resolve(__dirname, '../..');

/** Latin spellings of Cyrillic, Arabic and Persian letters (a plain table: no dependency for a test). */
const LATIN: Record<string, string> = Object.fromEntries(
  [
    'а a|б b|в v|г g|д d|е e|ё e|ж zh|з z|и i|й y|к k|л l|м m|н n|о o|п p|р r|с s|т t|у u|ф f|х kh|ц ts|ч ch|ш sh|щ sh|ъ |ы y|ь |э e|ю yu|я ya',
    'ا a|أ a|إ i|آ a|ء |ؤ |ئ |ب b|ت t|ة a|ث th|ج j|ح h|خ kh|د d|ذ dh|ر r|ز z|س s|ش sh|ص s|ض d|ط t|ظ z|ع |غ gh|ف f|ق q|ك k|ل l|م m|ن n|ه h|و u|ي y|ى a',
    'پ p|چ ch|ژ zh|گ g|ک k|ی y',
    'ç ch|ş sh|ı i|ö o|ü u|â a|î i|é e|è e|ë e|ï i|ô o|ú u|í i|á a|ó o',
  ]
    .join('|')
    .split('|')
    .map((pair) => [pair.split(' ')[0]!, pair.split(' ')[1] ?? '']),
);

/** A rough Latin form of a name written in any of the names files' scripts. */
function toLatin(text: string): string {
  // The attached Arabic article: English names write it apart or not at all.
  return [...text.toLowerCase().replace(/^ال/, '')].map((ch) => LATIN[ch] ?? ch).join('');
}

/**
 * The consonant skeleton of a Latin word, with the letters transliterations
 * disagree on merged (q/k/c, j/g/dj/zh, kh/h/ch, th/s/z, w/v/f/ph, p/b: Arabic has no p, و is a vowel or w).
 */
function skeleton(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^(al|el|ash|as|ad|an|ar|at|az|es|esh|ech|ad)-/, '')
    .replace(/zh|dzh|dj|dsch|j|g/g, 'j')
    .replace(/kh|ch|sch|h/g, 'h')
    .replace(/q|c|k/g, 'k')
    .replace(/th|ts|z|s/g, 's')
    .replace(/w|v/g, 'v')
    .replace(/ph|f/g, 'v')
    .replace(/p/g, 'b')
    .replace(/[^a-z]/g, '')
    .replace(/[aeiouyh]/g, '')
    .replace(/(.)\1+/g, '$1');
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

/** Every catalog person with the words of its English name and aliases. */
function people(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const entries = parseYaml(readFileSync(path.join(ROOT, 'assets/catalog/people.yaml'), 'utf8')) as { id: string; name: string; aliases: (string | { text: string })[] }[];
  for (const e of entries) {
    const texts = [e.name, ...e.aliases.map((a) => (typeof a === 'string' ? a : a.text))];
    out.set(e.id, texts.flatMap((t) => t.split(/[\s-]+/)).map(skeleton).filter((s) => s.length > 0));
  }
  return out;
}

describe('names in other languages', () => {
  const files = loadNames(ROOT);

  it('has a file per language, every name marked with its source and outside the corpus', () => {
    expect(files.map((f) => f.names.lang).sort()).toEqual([...NAME_LANGUAGES].sort());
    for (const f of files) for (const g of f.names.names) for (const a of g.aliases) expect(a).toMatchObject({ lang: f.names.lang, outsideCorpus: true });
  });

  it('keeps the CLDR state names as CLDR has them', () => {
    for (const f of files) {
      const cldr = f.names.names.filter((g) => g.source === 'cldr');
      expect(cldr.map((g) => g.id).sort()).toEqual(Object.keys(STATE_REGIONS).sort());
      expect(cldr.map((g) => g.aliases.map((a) => a.text))).toEqual(cldrStateNames(f.names.lang).map((g) => g.aliases.map((a) => a.text)));
    }
  });

  it("writes every person's name so that a round trip back to Latin lands near the English name", () => {
    const english = people();
    const far: string[] = [];
    let checked = 0;
    for (const f of files) {
      for (const g of f.names.names) {
        const words = english.get(g.id);
        if (words === undefined) continue;
        for (const alias of g.aliases) {
          // Each word of the name (titles aside) must be near a word of the English name or aliases.
          for (const word of alias.text.split(/[\s\u200c]+/)) {
            const s = skeleton(toLatin(word));
            // Arabic and Persian write Mevlüt Çavuşoğlu as مولود (the Arabic word Mevlüt comes from)
            // and جاويش/چاووش اوغلو: Çavuş as the Arabic loan word, the Turkish -oğlu as a word apart.
            // Неджет (Necdet, as Russian usage writes it): Turkish c is /dʒ/ (дж), which the skeleton reads as k, and the d after it is dropped.
            if (s.length <= 1 || ['الرئيس', 'حافظ', 'Hafız', 'مولود', 'جاويش', 'أوغلو', 'اوغلو', 'Неджет'].includes(word)) continue;
            checked++;
            const best = Math.min(...words.map((w) => distance(s, w)));
            if (best > Math.max(1, Math.floor(s.length / 3))) far.push(`${f.names.lang} ${g.id}: ${word} (${s})`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(far).toEqual([]);
  });
});
