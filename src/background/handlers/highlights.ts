/**
 * `highlights.*`: saving, editing, deleting and restoring the reader's
 * highlights, the manager's search, export, import and clear.
 *
 * A content script works on its own page only: the page comes from the
 * browser's sender, and update/delete/restore are refused for highlights on
 * any other page, so a compromised or confused page cannot read or change the
 * reader's highlights elsewhere. Every record written is checked against the
 * shared rules (`shared/highlight-rules.ts`) by the store, whichever call
 * writes it; a content script may also delete or restore fewer at a time.
 */
import type { Highlight } from '../../shared/highlight';
import { HIGHLIGHTS_FOR_ENTRY, type ImportSkipReason } from '../../shared/protocol';
import { MAX_HIGHLIGHTS_PER_CALL, MAX_PAGE_HIGHLIGHTS_PER_CALL, assertValidHighlights, assertValidIds } from '../../shared/highlight-rules';
import { siteOf } from '../../shared/page-url';
import { PIECE_WRITERS, SKIP, parseImportInStages, type SkipCounts } from '../highlights-io';
import { CallFailure, type Handlers } from '../router';
import type { Sender } from '../sender';
import type { Services } from '../services';

type HighlightCall =
  | 'highlights.forPage'
  | 'highlights.create'
  | 'highlights.update'
  | 'highlights.delete'
  | 'highlights.restore'
  | 'highlights.get'
  | 'highlights.forEntry'
  | 'highlights.list'
  | 'highlights.export'
  | 'highlights.import'
  | 'highlights.clear';

/** Refuses a content script acting on a highlight of another page. */
function assertOwnPage(sender: Sender, highlight: Pick<Highlight, 'url'>): void {
  if (sender.kind === 'content' && highlight.url !== sender.page) {
    throw new CallFailure('forbidden', 'A page may only change its own highlights.');
  }
}

/** How many highlights one call from this sender may delete or restore. */
function perCallLimit(sender: Sender): number {
  return sender.kind === 'content' ? MAX_PAGE_HIGHLIGHTS_PER_CALL : MAX_HIGHLIGHTS_PER_CALL;
}

function contentPage(sender: Sender): string {
  if (!sender.page) throw new CallFailure('forbidden', 'This call needs a page.');
  return sender.page;
}

/**
 * How an export is cut: characters per piece (far below the 64 MiB a message
 * may carry, large enough that 100,000 highlights take a few dozen pieces) and
 * highlights read from the store per step while a piece fills.
 */
export const EXPORT_PIECES = { pieceChars: 8_000_000, readStep: 500 };

const EXPORTS = {
  json: { extension: 'json', mime: 'application/json' },
  markdown: { extension: 'md', mime: 'text/markdown' },
  jsonld: { extension: 'jsonld', mime: 'application/ld+json' },
} as const;

/** Handlers of every highlights call. `newId`, `now` and the export's piece size are injectable for tests. */
export function highlightHandlers(s: Services, newId: () => string = () => crypto.randomUUID(), now: () => number = Date.now, pieces = EXPORT_PIECES): Pick<Handlers, HighlightCall> {
  return {
    async 'highlights.forPage'(_params, sender) {
      return s.highlights.forUrl(contentPage(sender));
    },

    async 'highlights.create'(params, sender) {
      const url = contentPage(sender);
      const time = now();
      return s.highlights.add({
        id: newId(),
        url,
        site: sender.site ?? siteOf(url),
        title: params.title,
        quote: params.quote,
        selectors: params.selectors,
        colour: params.colour,
        note: params.note,
        entityIds: [...new Set(params.entityIds)],
        createdAt: time,
        updatedAt: time,
      }, time);
    },

    async 'highlights.update'({ id, patch }, sender) {
      const current = await s.highlights.get(id);
      if (!current) throw new CallFailure('not-found', 'This highlight no longer exists.');
      assertOwnPage(sender, current);
      const updated = await s.highlights.update(id, patch, now());
      if (!updated) throw new CallFailure('not-found', 'This highlight no longer exists.');
      // Edited in the private frame of a page showing it: that page's copy (what the popup lists) follows.
      if (sender.kind === 'extension' && sender.tabId !== undefined) void s.tellTab(sender.tabId, 'tab.highlightChanged', { highlight: updated });
      return updated;
    },

    async 'highlights.delete'({ ids }, sender) {
      assertValidIds(ids, perCallLimit(sender));
      if (sender.kind === 'content') {
        // All or nothing: one foreign id refuses the whole call.
        for (const id of ids) {
          const current = await s.highlights.get(id);
          if (current) assertOwnPage(sender, current);
        }
      }
      return s.highlights.deleteMany(ids);
    },

    async 'highlights.restore'({ highlights }, sender) {
      // Checked before the ownership reads below, which cost one read per record.
      const time = now();
      assertValidHighlights(highlights, time, perCallLimit(sender));
      for (const h of highlights) {
        assertOwnPage(sender, h);
        // Nor may a page overwrite another page's highlight by reusing its id.
        if (sender.kind === 'content') {
          const existing = await s.highlights.get(h.id);
          if (existing) assertOwnPage(sender, existing);
        }
      }
      await s.highlights.restore(highlights.map((h) => ({ ...h, site: siteOf(h.url) })), time);
      return null;
    },

    async 'highlights.get'({ id }) {
      const found = await s.highlights.get(id);
      if (!found) throw new CallFailure('not-found', 'This highlight no longer exists.');
      return found;
    },

    async 'highlights.forEntry'({ entryId }) {
      // Newest by their last edit, as the cards list them.
      const all = (await s.highlights.forEntity(entryId)).sort((a, b) => b.updatedAt - a.updatedAt);
      return { items: all.slice(0, HIGHLIGHTS_FOR_ENTRY), total: all.length };
    },

    async 'highlights.list'(query) {
      return s.highlights.list(query);
    },

    async 'highlights.export'({ format, cursor }) {
      const date = new Date(cursor?.exportedAt ?? now());
      const writer = PIECE_WRITERS[format];
      const names = format === 'markdown' ? new Map((await s.corpus.allEntries()).map((e) => [e.id, e.name])) : new Map<string, string>();
      const nameOf = (id: string) => names.get(id);
      let text = cursor ? '' : writer.head(await s.highlights.count(), date);
      let afterUrl = cursor?.afterUrl ?? null;
      let first = !cursor;
      let done = false;
      while (text.length < pieces.pieceChars) {
        const step = await s.highlights.pagesAfter(afterUrl, pieces.readStep);
        if (step.length === 0) {
          done = true;
          break;
        }
        text += writer.items(step, first, nameOf);
        first = false;
        afterUrl = step.at(-1)!.url;
      }
      if (done) text += writer.tail(date);
      const { extension, mime } = EXPORTS[format];
      return {
        filename: `backstory-highlights-${date.toISOString().slice(0, 10)}.${extension}`,
        mime,
        text,
        next: done ? null : { afterUrl: afterUrl ?? '', exportedAt: date.getTime() },
      };
    },

    async 'highlights.import'(source) {
      const text = s.uploads.textOf(source);
      const time = now();
      // In stages: a file of 100,000 highlights takes seconds to read, and the background keeps answering meanwhile.
      const parsed = await parseImportInStages(text, time);
      if (!parsed.ok) throw new CallFailure('invalid-import', parsed.message);
      const written = await s.highlights.importMany(parsed.highlights, time);
      const reasons: SkipCounts = { ...parsed.skipped };
      if (written.skipped) reasons[SKIP.duplicate] = written.skipped;
      const skippedBy = (Object.entries(reasons) as [ImportSkipReason, number][]).map(([reason, count]) => ({ reason, count }));
      return { added: written.added, updated: written.updated, skipped: skippedBy.reduce((sum, r) => sum + r.count, 0), skippedBy };
    },

    async 'highlights.clear'() {
      return { deleted: await s.highlights.clear() };
    },
  };
}
