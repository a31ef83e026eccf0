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
import type { CorpusIndex } from './cards/corpus-index';
import { corpusIndexLoader } from './cards/load-index';
import { CardSeedStore } from './db/card-seed-store';
import { createCardSource, type CardSource } from './cards/card-source';

/** What handlers work with. */
export interface Services {
  db: Database;
  corpus: CorpusStore;
  settings: SettingsStore;
  pages: PageStore;
  /** The reader's saved highlights. */
  highlights: HighlightStore;
  /** Makes sure the bundled corpus is in the database (loads it when the hash differs). */
  ensureCorpus(): Promise<void>;
  /** The corpus held in memory for card assembly, loaded once per background lifetime (and per corpus hash). */
  corpusIndex(): Promise<CorpusIndex>;
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
}

/** Creates the services over a database (opened here unless given). */
export async function createServices(effects: ServiceEffects, db?: Database): Promise<Services> {
  const database = db ?? (await openDatabase());
  const corpus = new CorpusStore(database);
  let corpusReady: Promise<void> | undefined;
  let indexLoader: (() => Promise<CorpusIndex>) | undefined;
  const services: Services = {
    db: database,
    corpus,
    settings: new SettingsStore(database),
    pages: new PageStore(database),
    highlights: new HighlightStore(database),
    ensureCorpus() {
      // One check per background lifetime; a failed load is retried by the next caller.
      // A woken worker compares one stored key with the build's hash and only
      // fetches and parses the bundle when they differ (install, update).
      corpusReady ??= corpus
        .loadedHash()
        .then(async (loaded) => {
          if (loaded !== effects.bundledHash) await corpus.loadBundle(await effects.loadBundle());
        })
        .catch((error: unknown) => {
          corpusReady = undefined;
          throw error;
        });
      return corpusReady;
    },
    corpusIndex() {
      indexLoader ??= corpusIndexLoader(corpus, () => services.ensureCorpus());
      return indexLoader();
    },
    cards: createCardSource({ store: new CardSeedStore(database), ensureCorpus: () => services.ensureCorpus(), corpusIndex: () => services.corpusIndex() }),
    broadcastSettings: effects.broadcastSettings,
    setBadge: effects.setBadge,
    tellTab: effects.tellTab ?? (async () => false),
    storageStatus: effects.storageStatus ?? (async () => ({ persisted: false, protection: 'best-effort' })),
  };
  return services;
}
