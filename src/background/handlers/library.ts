/**
 * `library.*`: the reader's library. Adding extracts the tab's article there
 * (on demand, see `extract/`), checks what the page gave with a schema (it is
 * page-derived input), and stores it through the shared text-to-corpus steps,
 * so its passages join the corpus model at once.
 */
import * as v from 'valibot';
import type { Excerpt } from '../../shared/card';
import { MAX_LIBRARY_PARAGRAPHS, MAX_LIBRARY_TEXT_CHARS, type ExtractedArticle } from '../../shared/library';
import { compileMatcher, type Matcher } from '../../shared/matcher';
import { normalizePageUrl } from '../../shared/page-url';
import { FILE_PIECE_CHARS, pieceEnd } from '../../shared/file-pieces';
import { MAX_IMPORT_CHARS, importTooLargeMessage } from '../../shared/import-limits';
import { LIBRARY_EXCERPTS_FOR_ENTRY } from '../../shared/protocol';
import { articleTextHash, libraryRecords, NothingToAdd } from '../library/ingest';
import { exportLibrary, LibraryImportError, parseLibraryFile } from '../library/library-io';
import { ownEntryMentions } from '../library/own-entries';
import { CallFailure, type Handlers } from '../router';
import { excerptOf, byNewestThenReadingOrder } from '../search/excerpts';
import type { Services } from '../services';
import { pageMatcherEntries } from './corpus';

type LibraryCalls = 'library.add' | 'library.list' | 'library.forUrl' | 'library.remove' | 'library.forEntry' | 'library.export' | 'library.import';

const line = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** What the extraction may send back; anything else is no article. */
const extractedSchema = v.object({
  url: v.pipe(v.string(), v.minLength(1), v.maxLength(8_192)),
  title: line(500),
  site: line(200),
  author: v.optional(line(200)),
  published: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
  // A little over the caps: the extractor stops just past them, and the store cuts.
  paragraphs: v.pipe(v.array(line(MAX_LIBRARY_TEXT_CHARS)), v.maxLength(MAX_LIBRARY_PARAGRAPHS + 1)),
});

/**
 * The library's handlers. `now`, the export's ids and the size of its pieces
 * are injectable for tests.
 */
export function libraryHandlers(s: Services, now: () => number = Date.now, newId: () => string = () => crypto.randomUUID(), pieceChars = FILE_PIECE_CHARS): Pick<Handlers, LibraryCalls> {
  /** The export whose pieces are being asked: its whole text is built once, with its first piece. */
  let exporting: { id: string; text: string; count: number; entries: number } | undefined;
  let matcher: { hash: string; matcher: Matcher } | undefined;
  const currentMatcher = async (): Promise<Matcher> => {
    // Per content hash: the reader's own entries join the catalog between bundles.
    const hash = await s.corpusModel.hash();
    if (matcher?.hash !== hash) matcher = { hash, matcher: compileMatcher(pageMatcherEntries(await s.corpus.allEntries())) };
    return matcher.matcher;
  };

  return {
    async 'library.add'({ tabId }) {
      let raw: unknown;
      try {
        raw = await s.extractArticle(tabId);
      } catch {
        // The browser's own pages, its PDF viewer, a tab we may not script: no article to read.
        throw new CallFailure('not-found', new NothingToAdd().message);
      }
      const parsed = v.safeParse(extractedSchema, raw);
      if (!parsed.success) throw new CallFailure('not-found', new NothingToAdd().message);
      const extracted: ExtractedArticle = { ...parsed.output, url: normalizePageUrl(parsed.output.url) };
      const existing = await s.library.existing(extracted.url, articleTextHash(extracted));
      let records;
      try {
        records = libraryRecords(extracted, await currentMatcher(), existing, now());
      } catch (error) {
        if (error instanceof NothingToAdd) throw new CallFailure('not-found', error.message);
        throw error;
      }
      await s.library.save([records]);
      const mentioned = new Set(records.mentions.map((m) => m.passageId));
      return { article: records.article, updated: existing !== undefined, passages: records.passages.length, passagesWithMentions: mentioned.size };
    },
    'library.list': () => s.library.list(),
    async 'library.forUrl'({ url }) {
      return (await s.library.forUrl(normalizePageUrl(url))) ?? null;
    },
    async 'library.remove'({ ids }) {
      return { removed: await s.library.remove(ids) };
    },
    async 'library.export'({ cursor }) {
      if (!cursor) {
        const [items, entries] = await Promise.all([s.library.everything(), s.ownEntries.list()]);
        exporting = { id: newId(), text: exportLibrary(items, entries), count: items.length, entries: entries.length };
      } else if (exporting?.id !== cursor.export || cursor.offset > exporting.text.length) {
        throw new CallFailure('unavailable', 'The export was interrupted. Export the library again.');
      }
      const { id, text, count, entries } = exporting;
      const from = cursor?.offset ?? 0;
      const end = pieceEnd(text, from, pieceChars);
      // Let go of the text with its last piece; a newer export replaces it.
      if (end === text.length) exporting = undefined;
      return { text: text.slice(from, end), count, entries, next: end === text.length ? null : { export: id, offset: end } };
    },
    async 'library.import'(source) {
      const text = s.uploads.textOf(source);
      if (text.length > MAX_IMPORT_CHARS) throw new CallFailure('invalid-import', importTooLargeMessage(text.length));
      const [catalog, { snapshot }, library] = await Promise.all([s.corpus.allEntries(), s.corpusModel.model(), s.library.list()]);
      let file;
      try {
        // Today's catalog with the file's own entries in it (they replace entries of the same id).
        file = parseLibraryFile(text, (own) => {
          const ids = new Set(own.map((e) => e.id));
          return compileMatcher(pageMatcherEntries([...catalog.filter((e) => !ids.has(e.id)), ...own]));
        });
      } catch (error) {
        if (error instanceof LibraryImportError) throw new CallFailure('invalid-import', error.message);
        throw error;
      }
      // The file's own entries are also named in library articles the file does not replace (by id or URL).
      const urls = new Set(file.articles.map((r) => r.article.url));
      const replaced = new Set([...file.articles.map((r) => r.article.id), ...library.filter((a) => urls.has(a.url)).map((a) => a.id)]);
      const kept = [...snapshot.documents.values()].filter((d) => !replaced.has(d.id));
      const mentions = ownEntryMentions(file.entries, kept, snapshot.passages.values());
      await s.library.save(file.articles, { entries: file.entries, mentions });
      return { imported: file.articles.length, entries: file.entries.length };
    },
    async 'library.forEntry'({ entryId }) {
      const { snapshot } = await s.corpusModel.model();
      const excerpts: Excerpt[] = [];
      const seen = new Set<string>();
      for (const mention of snapshot.mentionsByEntry.get(entryId) ?? []) {
        const passage = snapshot.passages.get(mention.passageId);
        if (!passage || seen.has(passage.id) || snapshot.documents.get(passage.documentId)?.origin !== 'user') continue;
        seen.add(passage.id);
        excerpts.push(excerptOf(passage, snapshot.documents));
      }
      excerpts.sort(byNewestThenReadingOrder(snapshot.passages));
      return { items: excerpts.slice(0, LIBRARY_EXCERPTS_FOR_ENTRY), total: excerpts.length };
    },
  };
}
