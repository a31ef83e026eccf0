/**
 * The background's services, created once per background lifetime and handed
 * to every handler. Tests build them over fake-indexeddb.
 */
import type { CorpusBundle } from '../shared/corpus';
import type { Settings } from '../shared/settings';
import type { StorageStatus, TabCallMap } from '../shared/protocol';
import { openDatabase, type Database } from './db/open';
import { CorpusStore } from './db/corpus-store';
import { PageStore } from './db/page-store';
import { SettingsStore } from './db/settings-store';
import { HighlightStore } from './db/highlight-store';
import { CardSeedStore } from './db/card-seed-store';
import { CorrectionStore } from './db/correction-store';
import { LibraryStore } from './db/library-store';
import { OwnEntryStore } from './db/own-entry-store';
import { CorpusService } from './corpus/corpus-service';
import { createCardSource, type CardSource } from './cards/card-source';
import { Uploads } from './uploads';

/** What handlers work with: stores and the corpus model, never the database handle. */
export interface Services {
  /** The corpus stores (bundled and reader records). */
  corpus: CorpusStore;
  /** The one in-memory corpus model (cards, explorer, timeline, search), and loading the bundle. */
  corpusModel: CorpusService;
  /** "Not this one" corrections per site. */
  corrections: CorrectionStore;
  settings: SettingsStore;
  pages: PageStore;
  /** The reader's saved highlights. */
  highlights: HighlightStore;
  /** The reader's library (articles added as background). */
  library: LibraryStore;
  /** The reader's own entries. */
  ownEntries: OwnEntryStore;
  /** Import files our pages sent in pieces, until their import takes them. */
  uploads: Uploads;
  /** Runs the extraction bundle in a tab and returns what it found (unchecked: page-derived). */
  extractArticle(tabId: number): Promise<unknown>;
  /** Cards in batches, from the stored card seeds (the in-memory index until they are built). */
  cards: CardSource;
  /** Tells every open tab that settings changed. */
  broadcastSettings(settings: Settings): Promise<void>;
  /** Sets the toolbar badge of a tab. */
  setBadge(tabId: number, text: string): Promise<void>;
  /** Storage figures and whether the browser may evict our data. */
  storageStatus(): Promise<StorageStatus>;
  /** Sends a call to a tab's content script; false when it did not answer true. */
  tellTab: TellTab;
}

/** Sends one tab call; resolves false when the tab did not answer true (no content script, a failure). */
export type TellTab = <K extends 'tab.closeCard' | 'tab.closeNote' | 'tab.highlightChanged'>(tabId: number, call: K, params: TabCallMap[K]['params']) => Promise<boolean>;

/** Effects that need the browser, injected so tests can run without one. */
export interface ServiceEffects {
  /** The hash of the bundled corpus, known without reading it (a build-time constant). */
  bundledHash: string;
  loadBundle(): Promise<CorpusBundle>;
  broadcastSettings(settings: Settings): Promise<void>;
  setBadge(tabId: number, text: string): Promise<void>;
  /** Storage figures and eviction (the platform's); unknown, and so `best-effort`, when absent. */
  storageStatus?(): Promise<StorageStatus>;
  /** Tab calls (none in tests: they answer false). */
  tellTab?: TellTab;
  /** Extracts a tab's article (`scripting.executeScript`); fails where there is none to read. */
  extractArticle?(tabId: number): Promise<unknown>;
}

/** Creates the services over a database (opened here unless given). */
export async function createServices(effects: ServiceEffects, db?: Database): Promise<Services> {
  const database = db ?? (await openDatabase());
  const corpus = new CorpusStore(database);
  const corpusModel = new CorpusService(corpus, { bundledHash: effects.bundledHash, loadBundle: effects.loadBundle });
  return {
    corpus,
    corpusModel,
    corrections: new CorrectionStore(database),
    settings: new SettingsStore(database),
    pages: new PageStore(database),
    highlights: new HighlightStore(database),
    library: new LibraryStore(database),
    ownEntries: new OwnEntryStore(database),
    uploads: new Uploads(),
    extractArticle: effects.extractArticle ?? (() => Promise.reject(new Error('No tabs to read here.'))),
    cards: createCardSource({ store: new CardSeedStore(database), ensureCorpus: () => corpusModel.ready(), corpusIndex: async () => (await corpusModel.model()).index }),
    broadcastSettings: effects.broadcastSettings,
    setBadge: effects.setBadge,
    tellTab: effects.tellTab ?? (async () => false),
    storageStatus: effects.storageStatus ?? (async () => ({ persisted: false, protection: 'best-effort' })),
  };
}
