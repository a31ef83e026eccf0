/**
 * Resolves catalog evidence quotes to the passages that contain them. Quotes and
 * passages are compared after folding whitespace, apostrophes (’ ‘ ' ʼ), double
 * quotes (“ ” ") and hyphen forms (U+2010, U+2011 non-breaking, U+2012, -),
 * so a curator may type plain ASCII. Case and wording must match.
 */
import type { Passage } from '../../src/shared/corpus';

/** Folds the typographic variants a curator may not reproduce. */
export function normalizeQuote(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g, '')
    .replace(/[\u2018\u2019\u02bc\u2032`\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2212\ufe63\uff0d]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

interface ParagraphText {
  text: string;
  /** Passage ids with their [start, end) range in `text`. */
  spans: { id: string; start: number; end: number }[];
}

/**
 * Finds quotes in passages. A quote may also run across consecutive sentences of
 * one paragraph; it then resolves to every passage it overlaps.
 */
export class QuoteIndex {
  private readonly paragraphs: ParagraphText[] = [];

  constructor(passages: readonly Passage[]) {
    let current: ParagraphText | undefined;
    let key = '';
    for (const p of passages) {
      const k = `${p.documentId}\u0000${p.paragraph}`;
      if (!current || k !== key) {
        current = { text: '', spans: [] };
        this.paragraphs.push(current);
        key = k;
      }
      const norm = normalizeQuote(p.text);
      if (current.text !== '') current.text += ' ';
      const start = current.text.length;
      current.text += norm;
      current.spans.push({ id: p.id, start, end: current.text.length });
    }
  }

  /** The ids of every passage that contains (part of an occurrence of) the quote; empty when none. */
  find(quote: string): string[] {
    const q = normalizeQuote(quote);
    if (q === '') return [];
    const ids = new Set<string>();
    for (const para of this.paragraphs) {
      let at = para.text.indexOf(q);
      while (at >= 0) {
        const end = at + q.length;
        for (const s of para.spans) if (s.start < end && s.end > at) ids.add(s.id);
        at = para.text.indexOf(q, at + 1);
      }
    }
    return [...ids];
  }
}
