/**
 * The library's backup: every article with its metadata and kept paragraphs,
 * as versioned JSON. Import checks the whole file first (valibot), then
 * rebuilds each article's passages and mentions with today's catalog and
 * writes them all in one transaction: a bad file changes nothing.
 */
import * as v from 'valibot';
import { MAX_LIBRARY_PARAGRAPHS, MAX_LIBRARY_TEXT_CHARS, type ExtractedArticle } from '../../shared/library';
import type { Matcher } from '../../shared/matcher';
import type { LibraryRecords } from '../db/library-store';
import { articleTextHash, libraryRecords } from './ingest';

/** The export's format name and version. */
export const LIBRARY_FORMAT = 'backstory-library';
export const LIBRARY_FORMAT_VERSION = 1;
/** The most articles one file may hold. */
export const MAX_LIBRARY_IMPORT = 10_000;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const time = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const articleSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^lib-[0-9a-f]{16}$/)),
  url: v.pipe(v.string(), v.minLength(1), v.maxLength(8_192)),
  title: text(500),
  site: text(200),
  author: v.optional(text(200)),
  published: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
  addedAt: time,
  updatedAt: time,
  paragraphs: v.pipe(v.array(text(MAX_LIBRARY_TEXT_CHARS)), v.minLength(1), v.maxLength(MAX_LIBRARY_PARAGRAPHS)),
});
const fileSchema = v.strictObject({
  format: v.literal(LIBRARY_FORMAT),
  version: v.literal(LIBRARY_FORMAT_VERSION),
  articles: v.pipe(v.array(articleSchema), v.maxLength(MAX_LIBRARY_IMPORT)),
});

/** One exported article. */
export type ExportedLibraryArticle = v.InferOutput<typeof articleSchema>;

/** The library as a JSON file's text. */
export function exportLibrary(items: readonly LibraryRecords[]): string {
  const articles: ExportedLibraryArticle[] = items.map(({ article, document }) => {
    const out: ExportedLibraryArticle = { id: article.id, url: article.url, title: article.title, site: article.site, addedAt: article.addedAt, updatedAt: article.updatedAt, paragraphs: document.paragraphs };
    if (article.author) out.author = article.author;
    if (article.published) out.published = article.published;
    return out;
  });
  return JSON.stringify({ format: LIBRARY_FORMAT, version: LIBRARY_FORMAT_VERSION, articles }, null, 2);
}

/** Why an import was refused, for people: the first problem and where it is. */
export class LibraryImportError extends Error {}

/**
 * The records of a library file, checked in full before anything is built.
 * Throws `LibraryImportError` naming the first problem.
 */
export function parseLibraryFile(raw: string, matcher: Matcher): LibraryRecords[] {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new LibraryImportError('This file is not JSON.');
  }
  const parsed = v.safeParse(fileSchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = v.getDotPath(issue) ?? 'the file';
    throw new LibraryImportError(`Not a Backstory library file: ${where}: ${issue.message}`);
  }
  const seen = new Set<string>();
  const records: LibraryRecords[] = [];
  for (const [i, item] of parsed.output.articles.entries()) {
    const extracted: ExtractedArticle = { url: item.url, title: item.title, site: item.site, paragraphs: item.paragraphs };
    if (item.author) extracted.author = item.author;
    if (item.published) extracted.published = item.published;
    // The same URL or text twice in one file: the later one wins, as adding again would.
    const key = `${item.url}\n${articleTextHash(extracted)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      const built = libraryRecords(extracted, matcher, { id: item.id, addedAt: item.addedAt }, item.updatedAt);
      records.push(built);
    } catch (error) {
      throw new LibraryImportError(`Article ${i + 1} (${item.title || item.url}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return records;
}
