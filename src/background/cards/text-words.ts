/**
 * The content words of a sentence, for scoring how much two texts are about
 * the same thing. Deliberately simple: lower case, letters and digits only,
 * short and very common words dropped.
 */

// The commonest English function words; everything else carries meaning here.
const STOPWORDS = new Set(
  'the and for that with from this was were are has had have his her its their they them but not who which what when where will would could should been also into than then there these those over after before about said says more most other some such only while during between against under since because being does did can may might must our your you she him all any one two new'.split(
    ' ',
  ),
);

/** The distinct content words of `text` (at least three characters, no stopwords). */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length >= 3 && !STOPWORDS.has(raw)) words.add(raw);
  }
  return words;
}
