/**
 * The text-to-corpus steps shared by the corpus build (`scripts/corpus`) and
 * the background (articles the reader adds to the library): splitting
 * documents into passages and finding the catalog's mentions in them. Pure;
 * no DOM, no Node.
 */
import type { CorpusDocument, Mention, Passage } from './corpus';
import { compileMatcher, type Matcher } from './matcher/index';
import type { EntityMatch, MatcherEntry } from './matcher/types';
import { splitPassages } from './passages';

/**
 * Splits every document into passages, dropping a sentence that repeats an
 * earlier sentence of the same document (identical sentences in different
 * articles are kept: each is evidence for its own article). Returns the kept
 * passages and, for every dropped id, the id of the passage kept instead.
 */
export function corpusPassages(documents: readonly CorpusDocument[]): {
  passages: Passage[];
  all: Passage[];
  replaced: Map<string, string>;
} {
  const passages: Passage[] = [];
  const all: Passage[] = [];
  const replaced = new Map<string, string>();
  for (const doc of documents) {
    const seen = new Map<string, string>();
    for (const p of splitPassages(doc)) {
      all.push(p);
      const first = seen.get(p.text);
      if (first !== undefined) {
        replaced.set(p.id, first);
        continue;
      }
      seen.set(p.text, p.id);
      passages.push(p);
    }
  }
  return { passages, all, replaced };
}

/**
 * Runs the matcher over each document (paragraphs separated by blank lines, as
 * on a page) and maps every match to the passage holding it: the document is
 * the page, so a weak alias counts where the article also names the entry
 * strongly, as it would for a reader.
 */
export function findMentions(
  documents: readonly CorpusDocument[],
  passages: readonly Passage[],
  entries: readonly MatcherEntry[] | Matcher,
): Mention[] {
  const matcher = 'match' in entries ? entries : compileMatcher(entries);
  const byDoc = new Map<string, Passage[]>();
  for (const p of passages) {
    const list = byDoc.get(p.documentId) ?? [];
    list.push(p);
    byDoc.set(p.documentId, list);
  }
  const mentions: Mention[] = [];
  for (const doc of documents) {
    // Offsets of each passage in the document text.
    const paragraphStarts: number[] = [];
    let text = '';
    doc.paragraphs.forEach((para, i) => {
      if (i > 0) text += '\n\n';
      paragraphStarts.push(text.length);
      text += para;
    });
    const spans: { passage: Passage; start: number; end: number }[] = [];
    const cursor = new Map<number, number>();
    for (const p of byDoc.get(doc.id) ?? []) {
      const base = paragraphStarts[p.paragraph]!;
      const para = doc.paragraphs[p.paragraph]!;
      const from = cursor.get(p.paragraph) ?? 0;
      const at = para.indexOf(p.text, from);
      if (at < 0) continue;
      cursor.set(p.paragraph, at + p.text.length);
      spans.push({ passage: p, start: base + at, end: base + at + p.text.length });
    }
    // The matcher keeps a weak mention only where the text also has a strong one.
    const matches: EntityMatch[] = matcher.match(text);
    for (const m of matches) {
      const span = spans.find((s) => m.start >= s.start && m.start < s.end);
      if (!span) continue;
      mentions.push({
        entryId: m.entryId,
        passageId: span.passage.id,
        start: m.start - span.start,
        end: Math.min(m.end, span.end) - span.start,
      });
    }
  }
  return mentions;
}
