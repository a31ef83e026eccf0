/**
 * The library's backup: every article with its metadata and kept paragraphs,
 * and the reader's own entries as the reader gave them, as versioned JSON.
 * Import checks the whole file first (valibot, then the own entries' rule
 * against aliases that would mark common words), then rebuilds each article's
 * passages and mentions with today's catalog plus the file's own entries, and
 * the caller writes them all in one transaction: a bad file changes nothing.
 * Version 1 files (articles only, before own entries were kept) still import.
 */
import * as v from 'valibot';
import { MAX_LIBRARY_PARAGRAPHS, MAX_LIBRARY_TEXT_CHARS, type ExtractedArticle } from '../../shared/library';
import type { Entry } from '../../shared/corpus';
import type { Matcher } from '../../shared/matcher';
import type { LibraryRecords } from '../db/library-store';
import { articleTextHash, libraryRecords } from './ingest';
import { ownEntryInputOf, ownEntryInputSchema, ownEntryProblem, ownEntryRecord } from './own-entries';

/** The export's format name and version. */
export const LIBRARY_FORMAT = 'backstory-library';
export const LIBRARY_FORMAT_VERSION = 2;
/** The most articles one file may hold. */
export const MAX_LIBRARY_IMPORT = 10_000;
/** The most own entries one file may hold. */
export const MAX_OWN_ENTRIES_IMPORT = 10_000;

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
/** An own entry in the file: what the reader gave, and its id (kept, so cards and corrections still find it). */
const ownEntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^own-[a-z0-9-]{1,80}$/)),
  ...ownEntryInputSchema.entries,
});
const articles = v.pipe(v.array(articleSchema), v.maxLength(MAX_LIBRARY_IMPORT));
const fileSchema = v.variant('version', [
  v.strictObject({ format: v.literal(LIBRARY_FORMAT), version: v.literal(1), articles }),
  v.strictObject({
    format: v.literal(LIBRARY_FORMAT),
    version: v.literal(LIBRARY_FORMAT_VERSION),
    articles,
    entries: v.pipe(v.array(ownEntrySchema), v.maxLength(MAX_OWN_ENTRIES_IMPORT)),
  }),
]);

/** One exported article. */
export type ExportedLibraryArticle = v.InferOutput<typeof articleSchema>;

/** One exported own entry. */
export type ExportedOwnEntry = v.InferOutput<typeof ownEntrySchema>;

/** The library and the reader's own entries as a JSON file's text. */
export function exportLibrary(items: readonly LibraryRecords[], ownEntries: readonly Entry[]): string {
  const articles: ExportedLibraryArticle[] = items.map(({ article, document }) => {
    const out: ExportedLibraryArticle = { id: article.id, url: article.url, title: article.title, site: article.site, addedAt: article.addedAt, updatedAt: article.updatedAt, paragraphs: document.paragraphs };
    if (article.author) out.author = article.author;
    if (article.published) out.published = article.published;
    return out;
  });
  const entries: ExportedOwnEntry[] = [...ownEntries].sort((a, b) => a.id.localeCompare(b.id)).map((entry) => ({ id: entry.id, ...ownEntryInputOf(entry) }));
  return JSON.stringify({ format: LIBRARY_FORMAT, version: LIBRARY_FORMAT_VERSION, articles, entries }, null, 2);
}

/** Why an import was refused, for people: the first problem and where it is. */
export class LibraryImportError extends Error {}

/** What a library file holds, ready to write. */
export interface LibraryFileRecords {
  articles: LibraryRecords[];
  /** The reader's own entries, as stored records. */
  entries: Entry[];
}

/**
 * The records of a library file, checked in full before anything is built.
 * `matcherWith` gives the matcher of today's catalog with the file's own
 * entries in it, so the articles' mentions include them. Throws
 * `LibraryImportError` naming the first problem.
 */
export function parseLibraryFile(raw: string, matcherWith: (ownEntries: readonly Entry[]) => Matcher): LibraryFileRecords {
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
  const byId = new Map<string, Entry>();
  const listed = parsed.output.version === 1 ? [] : parsed.output.entries;
  for (const [i, { id, ...input }] of listed.entries()) {
    const problem = ownEntryProblem(input);
    if (problem) throw new LibraryImportError(`Entry ${i + 1} (${input.name}): ${problem}`);
    // The same id twice in one file: the later one wins, as adding again would.
    byId.set(id, ownEntryRecord(input, id));
  }
  const entries = [...byId.values()];
  const matcher = matcherWith(entries);
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
  return { articles: records, entries };
}
