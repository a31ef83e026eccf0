/**
 * The reader's library: articles the reader added as background. Each is a
 * corpus document of origin `user` (its text split into passages and matched
 * like the bundled ones) plus this record, which says where it came from.
 */
import { formatIsoDate } from './format-date';
import { t } from './i18n';

/** The most characters of article text kept; a longer article is cut at a paragraph and marked `capped`. */
export const MAX_LIBRARY_TEXT_CHARS = 200_000;

/** The most paragraphs kept of one article. */
export const MAX_LIBRARY_PARAGRAPHS = 2_000;

/** Fewer characters than this is no article ("nothing to add here"). */
export const MIN_LIBRARY_TEXT_CHARS = 280;

/** An article as the page's extraction gives it, before it is stored. */
export interface ExtractedArticle {
  /** The page's URL, normalised (no fragment, no `utm_*`). */
  url: string;
  title: string;
  /** The outlet: JSON-LD publisher, `og:site_name`, or the host name. */
  site: string;
  author?: string;
  /** ISO date (`YYYY-MM-DD`) from JSON-LD, meta tags or `<time>`, when the page states one. */
  published?: string;
  /** The article's paragraphs, in order. */
  paragraphs: string[];
}

/** A library article's record (store `library`). */
export interface LibraryArticle {
  /** The corpus document id: `lib-` and a hash of the URL. */
  id: string;
  url: string;
  title: string;
  site: string;
  author?: string;
  published?: string;
  /** Hash of the article's text, so the same text from another URL updates rather than duplicates. */
  textHash: string;
  /** Characters kept. */
  chars: number;
  /** True when the text was cut at `MAX_LIBRARY_TEXT_CHARS`. */
  capped: boolean;
  addedAt: number;
  updatedAt: number;
}

/**
 * A 64-bit FNV-1a hash of `text` as 16 hex digits: stable across browsers and
 * the build, synchronous, and enough to tell articles apart (not a security hash).
 */
export function textHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/**
 * Cuts an article to the library's bounds: empty paragraphs dropped, at most
 * `MAX_LIBRARY_PARAGRAPHS`, and whole paragraphs up to `MAX_LIBRARY_TEXT_CHARS`
 * (a first paragraph longer than that is cut inside).
 */
export function capParagraphs(paragraphs: readonly string[]): { paragraphs: string[]; chars: number; capped: boolean } {
  const kept: string[] = [];
  let chars = 0;
  let capped = false;
  for (const raw of paragraphs) {
    const paragraph = raw.replace(/\s+/g, ' ').trim();
    if (!paragraph) continue;
    if (kept.length >= MAX_LIBRARY_PARAGRAPHS || chars + paragraph.length > MAX_LIBRARY_TEXT_CHARS) {
      if (kept.length === 0) {
        kept.push(paragraph.slice(0, MAX_LIBRARY_TEXT_CHARS));
        chars = MAX_LIBRARY_TEXT_CHARS;
      }
      capped = true;
      break;
    }
    kept.push(paragraph);
    chars += paragraph.length;
  }
  return { paragraphs: kept, chars, capped };
}

/** The label a library excerpt carries, in the reader's language: "From your library — The Moscow Times, 28 Jan 2026". */
export function libraryLabel(site: string, published: string | undefined): string {
  const date = published ? formatIsoDate(published) : '';
  return date ? t('library_label_dated', site, date) : t('library_label', site);
}
