/**
 * The one typed protocol between Backstory's contexts.
 *
 * Every message is an entry of {@link CallMap} (to the background) or
 * {@link TabCallMap} (from the popup/background to a tab's content script),
 * with its parameters, its result and who may send it. Errors travel as values
 * ({@link CallResult}), never as rejected promises, so a caller always handles
 * them. The background validates every message at runtime
 * (`background/message-schemas.ts`) and authorises it by its sender: a content
 * script's page is taken from the sender, never from the message.
 */
import type { EntityMatch, MatcherEntry } from './matcher/types';
import type { EntryCard, EntrySummary, EntryRef, Excerpt, RelatedEntry, TimelineItem } from './card';
import type { CorpusDocument, Entry, Passage } from './corpus';
import type { Highlight, HighlightPatch, NewHighlight } from './highlight';
import type { Settings, SettingsPatch } from './settings';
import type { StorageProtection } from './storage-protection';
import type { LibraryArticle } from './library';
import type { OwnEntryInput } from './own-entry';
import type { EntryType } from './catalog';

/** Who sent a message: a content script in a web page, or one of our own pages. */
export type SenderKind = 'content' | 'extension';

/** An error returned as a value. */
export interface CallError {
  code:
    | 'invalid-message'
    | 'forbidden'
    | 'not-found'
    | 'quota-exceeded'
    | 'invalid-import'
    | 'unavailable'
    | 'internal';
  message: string;
}

/** The result of every call. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** What the content script reports after annotating its page. */
export interface PageReport {
  title: string;
  /** Mentions per entry id. */
  counts: Record<string, number>;
  /** Total marks drawn. */
  marks: number;
  /** True when the mark cap stopped annotation early. */
  capped: boolean;
}

/** A page's stored report, as the popup reads it. */
export interface PageSummary extends PageReport {
  url: string;
  tabId?: number;
  updatedAt: number;
}

/** One search hit, ranked. */
export type SearchHit =
  | { kind: 'entry'; score: number; entry: EntryRef; snippet: string }
  | { kind: 'passage'; score: number; excerpt: Excerpt }
  | { kind: 'highlight'; score: number; highlight: Highlight };

/** Query of the highlights manager. */
export interface HighlightQuery {
  text?: string;
  site?: string;
  entityId?: string;
  sort?: 'newest' | 'oldest' | 'site';
  limit?: number;
  offset?: number;
}

/**
 * How many highlights `highlights.forEntry` answers, newest first: a card lists
 * them in a frame the size of a card, and the manager (filtered by the entry)
 * lists all of them. Unbounded, a much-highlighted entry's answer would grow
 * with the reader's data up to the browser's cap on a message.
 */
export const HIGHLIGHTS_FOR_ENTRY = 50;

/** How many passages `library.forEntry` answers, newest first, for the same reason; the entry's page lists all of them. */
export const LIBRARY_EXCERPTS_FOR_ENTRY = 50;

/** Export formats. */
export type ExportFormat = 'json' | 'markdown' | 'jsonld';

/** Where the next piece of an export starts: pass it back as given. */
export interface ExportCursor {
  /** The last page address written (pages are written whole, in address order). */
  afterUrl: string;
  /** When the export began (the file's date and ids), epoch ms. */
  exportedAt: number;
}

/** One piece of an export file: the pieces in order are the file; `next` is null after the last. */
export interface ExportPiece {
  filename: string;
  mime: string;
  text: string;
  next: ExportCursor | null;
}

/**
 * Why an import skipped an item: about a whole page or address, about media,
 * not on a web page, a page note without a passage, a reply whose annotation
 * is not in the file, or already saved. A code, so each interface language
 * words it.
 */
export type ImportSkipReason = 'address-only' | 'media' | 'not-web-page' | 'page-note' | 'orphan-reply' | 'duplicate';

/**
 * An import file's text: in the call, or, for a file longer than one message
 * takes (`shared/file-pieces.ts`), the id of an upload sent before in pieces
 * (`upload.piece`), which the import takes.
 */
export type ImportText = { text: string } | { upload: string };

/** Where the next piece of a library export starts: pass it back as given. */
export interface LibraryExportCursor {
  /** The export under way (the background holds its text until its last piece is asked). */
  export: string;
  offset: number;
}

/** What an import did: highlights added, stored ones replaced by a newer version, and how many were skipped, by reason. */
export interface ImportResult {
  added: number;
  updated: number;
  skipped: number;
  skippedBy: { reason: ImportSkipReason; count: number }[];
}

/** Storage figures for the data panel. */
export interface StorageStatus {
  usage?: number;
  quota?: number;
  /** `navigator.storage.persisted()` in the background. */
  persisted: boolean;
  /** Whether the browser may delete our data to free disk space (see `storage-protection.ts`). */
  protection: StorageProtection;
}

/** What adding a page to the library did. */
export interface LibraryAddResult {
  article: LibraryArticle;
  /** True when the library already held this URL or this text, and it was updated. */
  updated: boolean;
  /** Passages stored, and how many of them name a catalog entry. */
  passages: number;
  passagesWithMentions: number;
}

/**
 * What `page.match` answers: the mentions on the page and, for each entry one
 * of them chose, what the page needs to draw its marks. The page never holds
 * the catalog for this (see `content/highlighter/page-matching.ts`).
 */
export interface PageMatches {
  matches: EntityMatch[];
  /** Type and display name of every `entryId` in `matches`, and of no other entry. */
  entries: Record<string, { type: EntryType; name: string }>;
  /** True for a part of a page held until the pass's other parts arrive: no matches yet (see `page.match`). */
  held?: true;
}

/**
 * One of the messages a long page's text is sent in (see `page.match`), whole
 * chunks of blocks each, up to the size the browser sends best
 * (`MESSAGE_TEXT_CHARS` in `shared/extension-api.ts`): sending a message
 * takes the page's main thread.
 */
export interface PagePart {
  /** The pass's own id, the same in each of its parts. */
  pass: string;
  /** This part's place among the pass's parts, from 0. */
  index: number;
  /** How many parts the pass sends. */
  count: number;
  /** Where this part's text starts in the page's text. */
  at: number;
}

/** A call: its params and its result. Who may send it is {@link CALL_SENDERS}. */
interface Call<P, R> {
  params: P;
  result: R;
}

/** Calls handled by the background. */
export interface CallMap {
  /** Version, corpus hash and counts; any context. Also wakes the background. */
  'app.status': Call<Record<string, never>, { version: string; corpusHash: string; entries: number; highlights: number; storage: StorageStatus }>;

  /**
   * The whole matcher input (bundled and user entries), for the reader view,
   * which marks names in a stored article itself. Never for a content script:
   * a page asks `page.match` and does not hold the catalog.
   */
  'corpus.matcherEntries': Call<Record<string, never>, { hash: string; asOf: string; entries: MatcherEntry[] }>;
  /**
   * Mentions in the sender's page text, found by the background's matcher:
   * compiled once and kept warm there, where a page's content script would run
   * it as cold code on every load, on the page's main thread. Chunk k is
   * `text[bounds[2k], bounds[2k + 1])` (ambiguity is resolved per chunk);
   * offsets are in `text`. The sender's site's "not this one" corrections are
   * applied; `exclude` adds the entries the reader excluded on the page since
   * it loaded. Answers the type and name of each entry found, so a page needs
   * nothing else to mark them.
   *
   * A long page comes in parts (`part`): each is matched as it arrives, and
   * the reply of the part that completes the pass carries the matches of
   * every part, with offsets in the page's text, and the decisions over the
   * whole text applied; the other parts' replies are `held`. The page sends
   * them one at a time, in order. A later part (index > 0) of a pass the
   * background no longer holds (it let the pass go, or restarted) is refused as `unavailable`: the
   * page has no answer and asks again later.
   */
  'page.match': Call<{ text: string; bounds: number[]; exclude: string[]; part?: PagePart }, PageMatches>;
  /**
   * Card data for many entries at once; `context` maps an entry id to the
   * sentence around its first mention, to rank excerpts. A content script's
   * cards have no highlights (empty `highlights`): the page-side card shows
   * corpus content only.
   */
  'corpus.cards': Call<{ ids: string[]; context?: Record<string, string> }, EntryCard[]>;
  /** Every entry, for the explorer. */
  'corpus.entries': Call<Record<string, never>, EntrySummary[]>;
  /** An entry's full page: the card plus all passages and relations. */
  'corpus.entryPage': Call<{ id: string }, { card: EntryCard; passages: Excerpt[]; relations: RelatedEntry[] }>;
  /** All documents' metadata. */
  'corpus.documents': Call<Record<string, never>, Omit<CorpusDocument, 'paragraphs'>[]>;
  /** A document with its passages, for the reader. */
  'corpus.document': Call<{ id: string }, { document: CorpusDocument; passages: Passage[] }>;
  /** The corpus timeline, oldest first. */
  'corpus.timeline': Call<Record<string, never>, TimelineItem[]>;
  /** The relation graph: entries linked by shared events and passages. */
  'corpus.graph': Call<Record<string, never>, { nodes: EntryRef[]; edges: { from: string; to: string; weight: number; relation: string }[] }>;
  /** One entry, raw. */
  'corpus.entry': Call<{ id: string }, Entry>;

  /** Ranked search across entries, passages and the reader's highlights. */
  'search.query': Call<{ q: string; limit?: number }, SearchHit[]>;
  /**
   * Builds the search index now (the popup and the search view ask when they
   * open), so that the first query, sent after typing, does not wait for it.
   */
  'search.prepare': Call<Record<string, never>, null>;

  /** The content script's page report; stored per page, drives the badge. */
  'page.report': Call<PageReport, null>;
  /** The stored report of a tab or a URL. */
  'page.summary': Call<{ tabId?: number; url?: string }, PageSummary | null>;

  /** The sender's page's highlights. */
  'highlights.forPage': Call<Record<string, never>, Highlight[]>;
  /** Saves a highlight on the sender's page. */
  'highlights.create': Call<NewHighlight, Highlight>;
  /** Edits note or colour (content: only on its own page). */
  'highlights.update': Call<{ id: string; patch: HighlightPatch }, Highlight>;
  /** Deletes highlights and returns them, for undo (content: only on its own page). */
  'highlights.delete': Call<{ ids: string[] }, Highlight[]>;
  /** Puts deleted highlights back (undo; content: only on its own page). */
  'highlights.restore': Call<{ highlights: Highlight[] }, null>;
  /** One highlight by id (our pages only: the note in the private frame). */
  'highlights.get': Call<{ id: string }, Highlight>;
  /**
   * The newest {@link HIGHLIGHTS_FOR_ENTRY} highlights mentioning an entry, across all sites, and how many there are
   * (our pages only: the card's private frame, never a content script).
   */
  'highlights.forEntry': Call<{ entryId: string }, { items: Highlight[]; total: number }>;
  /** The manager's query. */
  'highlights.list': Call<HighlightQuery, { items: Highlight[]; total: number }>;
  /** One piece of the export of every highlight, from `cursor` on (the first piece without one). */
  'highlights.export': Call<{ format: ExportFormat; cursor?: ExportCursor }, ExportPiece>;
  /** Import our JSON, W3C JSON-LD or a Hypothesis export: validated in full, then written in one transaction. */
  'highlights.import': Call<ImportText, ImportResult>;
  /**
   * Piece `index` of `count` of an import file's text (see {@link ImportText}):
   * piece 0 begins the upload `upload` (an id the page chooses), the others
   * follow in order, each after the previous reply. Refused: a piece out of
   * order (`invalid-message`), of an upload the background no longer holds
   * (`unavailable`), or past the import limit (`invalid-import`).
   */
  'upload.piece': Call<{ upload: string; index: number; count: number; text: string }, null>;
  /** Deletes every highlight. */
  'highlights.clear': Call<Record<string, never>, { deleted: number }>;

  /** The reader's settings. */
  'settings.get': Call<Record<string, never>, Settings>;
  /** Changes settings; open tabs are told. */
  'settings.update': Call<{ patch: SettingsPatch }, Settings>;
  /** Turns highlighting off or on for the sender's site. */
  'settings.toggleSite': Call<{ site: string; enabled: boolean }, Settings>;
  /** "Not this one": never resolve this entry on the sender's site again. */
  'corrections.add': Call<{ entryId: string }, { excluded: string[] }>;
  /** The private frame's Escape: close the card (`entry`) or highlight popover (`note`) that holds it, in the frame's tab. */
  'private.close': Call<{ kind: 'entry' | 'note' }, boolean>;

  /**
   * Adds the tab's article to the reader's library (extracted in the tab on
   * demand), or updates the one holding that URL or that text. Fails with
   * `not-found` ("Nothing to add here") where the page has no article.
   */
  'library.add': Call<{ tabId: number }, LibraryAddResult>;
  /** Every library article, newest added first. */
  'library.list': Call<Record<string, never>, LibraryArticle[]>;
  /** Whether a page (its normalised URL) is in the library. */
  'library.forUrl': Call<{ url: string }, LibraryArticle | null>;
  /** Removes library articles with their passages. */
  'library.remove': Call<{ ids: string[] }, { removed: number }>;
  /**
   * The whole library as a JSON file's text (metadata and kept paragraphs),
   * with the reader's own entries; `count` articles, `entries` own entries.
   * The text comes in pieces (`shared/file-pieces.ts`): the file is the
   * pieces in order, the first asked without a cursor, each next one with the
   * previous piece's `next`, which is null after the last. A cursor of an
   * export the background no longer holds is refused as `unavailable`.
   */
  'library.export': Call<{ cursor?: LibraryExportCursor }, { text: string; count: number; entries: number; next: LibraryExportCursor | null }>;
  /**
   * Imports a library file, articles and own entries: checked in full, then
   * written in one transaction (a bad file changes nothing; `invalid-import`
   * names the first problem).
   */
  'library.import': Call<ImportText, { imported: number; entries: number }>;
  /**
   * Adds (or replaces) one of the reader's own entries; it is marked on pages
   * from their next match. Refused with `invalid-message` and the reason when
   * an alias would mark common words.
   */
  'entries.add': Call<{ entry: OwnEntryInput }, Entry>;
  /** The reader's own entries. */
  'entries.list': Call<Record<string, never>, Entry[]>;
  /** Removes one of the reader's own entries. */
  'entries.remove': Call<{ id: string }, { removed: boolean }>;
  /**
   * The newest {@link LIBRARY_EXCERPTS_FOR_ENTRY} of the library's passages that mention an entry, and how many there
   * are (the reader's data: our pages only).
   */
  'library.forEntry': Call<{ entryId: string }, { items: Excerpt[]; total: number }>;
}

/** Calls a tab's content script handles (sent by the popup or the background). */
export interface TabCallMap {
  /** What the page shows now. */
  'tab.state': Call<Record<string, never>, { active: boolean; counts: Record<string, number>; marks: number; capped: boolean; orphans: Highlight[]; highlights: Highlight[]; changed: string[] }>;
  /** Scroll to an entry's first mention and flash it. */
  'tab.revealEntry': Call<{ entryId: string }, boolean>;
  /** Scroll to a saved highlight. */
  'tab.revealHighlight': Call<{ id: string }, boolean>;
  /** Settings changed: re-read and re-annotate. */
  'tab.settingsChanged': Call<{ settings: Settings }, null>;
  /** Save the current selection (context menu, keyboard command). */
  'tab.saveSelection': Call<Record<string, never>, boolean>;
  /** Focus the next highlighted name and open its card (keyboard command). */
  'tab.focusNextMention': Call<Record<string, never>, boolean>;
  /** Close the card, if one is open (the private frame's Escape). */
  'tab.closeCard': Call<Record<string, never>, boolean>;
  /** Close the highlight popover, if one is open (the private frame's Escape). */
  'tab.closeNote': Call<Record<string, never>, boolean>;
  /** A highlight of this page was changed elsewhere (its note, in the private frame): keep the page's copy current. */
  'tab.highlightChanged': Call<{ highlight: Highlight }, boolean>;
}

/** Names of background calls. */
export type CallName = keyof CallMap;
/** Names of tab calls. */
export type TabCallName = keyof TabCallMap;
/** Params of a call. */
export type ParamsOf<K extends CallName> = CallMap[K]['params'];
/** Result of a call. */
export type ResultOf<K extends CallName> = CallMap[K]['result'];

/** The envelope on the wire. The marker keeps other extensions' messages apart. */
export interface Envelope<K extends string = string> {
  backstory: 1;
  call: K;
  params: unknown;
}

/** Builds an envelope. */
export function envelope<K extends string>(call: K, params: unknown): Envelope<K> {
  return { backstory: 1, call, params };
}

/** True for something shaped like our envelope (content checked later by schemas). */
export function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && (message as { backstory?: unknown }).backstory === 1 && typeof (message as { call?: unknown }).call === 'string';
}

/** Who may send each background call; checked at runtime by the router. */
export const CALL_SENDERS: { [K in CallName]: readonly SenderKind[] } = {
  'app.status': ['content', 'extension'],
  'corpus.matcherEntries': ['extension'],
  'page.match': ['content'],
  'corpus.cards': ['content', 'extension'],
  'corpus.entries': ['extension'],
  'corpus.entryPage': ['extension'],
  'corpus.documents': ['extension'],
  'corpus.document': ['extension'],
  'corpus.timeline': ['extension'],
  'corpus.graph': ['extension'],
  'corpus.entry': ['content', 'extension'],
  'search.query': ['extension'],
  'search.prepare': ['extension'],
  'page.report': ['content'],
  'page.summary': ['extension'],
  'highlights.forPage': ['content'],
  'highlights.create': ['content'],
  'highlights.update': ['content', 'extension'],
  'highlights.delete': ['content', 'extension'],
  'highlights.restore': ['content', 'extension'],
  'highlights.get': ['extension'],
  'highlights.forEntry': ['extension'],
  'highlights.list': ['extension'],
  'highlights.export': ['extension'],
  'highlights.import': ['extension'],
  'upload.piece': ['extension'],
  'highlights.clear': ['extension'],
  'settings.get': ['content', 'extension'],
  'settings.update': ['extension'],
  'settings.toggleSite': ['extension'],
  'corrections.add': ['content'],
  'private.close': ['extension'],
  'library.add': ['extension'],
  'library.list': ['extension'],
  'library.forUrl': ['extension'],
  'library.remove': ['extension'],
  'library.forEntry': ['extension'],
  'library.export': ['extension'],
  'entries.add': ['extension'],
  'entries.list': ['extension'],
  'entries.remove': ['extension'],
  'library.import': ['extension'],
};
