/**
 * Turns an article the reader adds into corpus records: the same passage
 * split and matcher the corpus build uses (`shared/corpus-text.ts`), so a
 * library excerpt is found and ranked like a bundled one.
 */
import type { CorpusDocument } from '../../shared/corpus';
import { corpusPassages, findMentions } from '../../shared/corpus-text';
import { capParagraphs, MIN_LIBRARY_TEXT_CHARS, textHash, type ExtractedArticle, type LibraryArticle } from '../../shared/library';
import type { Matcher } from '../../shared/matcher';
import type { LibraryRecords } from '../db/library-store';

/** The page holds no article worth keeping (a search page, a video page, a viewer). */
export class NothingToAdd extends Error {
  constructor() {
    super('Nothing to add here: this page has no article text.');
  }
}

/** The library's document id for a URL. */
export function libraryId(url: string): string {
  return `lib-${textHash(url)}`;
}

/**
 * The records of `extracted`: capped text, a document of origin `user`,
 * passages and mentions. `existing` is the article already holding this URL
 * or this text, whose id and added time are kept (adding again updates).
 */
export function libraryRecords(extracted: ExtractedArticle, matcher: Matcher, existing: Pick<LibraryArticle, 'id' | 'addedAt'> | undefined, now: number): LibraryRecords {
  const { paragraphs, chars, capped } = capParagraphs(extracted.paragraphs);
  if (chars < MIN_LIBRARY_TEXT_CHARS) throw new NothingToAdd();
  const id = existing?.id ?? libraryId(extracted.url);
  const added = new Date(existing?.addedAt ?? now).toISOString().slice(0, 10);
  const document: CorpusDocument = {
    id,
    title: extracted.title || extracted.site,
    outlet: extracted.site,
    published: extracted.published ?? added,
    publishedInferred: extracted.published === undefined,
    publishedBasis: extracted.published ? 'the date the page states' : 'the day it was added to the library',
    seeds: [],
    paragraphs,
    origin: 'user',
  };
  const { passages } = corpusPassages([document]);
  const mentions = findMentions([document], passages, matcher);
  const article: LibraryArticle = {
    id,
    url: extracted.url,
    title: document.title,
    site: extracted.site,
    textHash: articleTextHash({ paragraphs }),
    chars,
    capped,
    addedAt: existing?.addedAt ?? now,
    updatedAt: now,
  };
  if (extracted.author) article.author = extracted.author;
  if (extracted.published) article.published = extracted.published;
  return { article, document, passages, mentions };
}

/** The hash of the text the library would keep of `extracted` (to find the same text saved from another URL). */
export function articleTextHash(extracted: Pick<ExtractedArticle, 'paragraphs'>): string {
  return textHash(capParagraphs(extracted.paragraphs).paragraphs.join('\n\n'));
}
