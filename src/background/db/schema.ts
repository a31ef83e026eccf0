/**
 * The one IndexedDB database, owned by the background. Only `background/db`
 * imports idb; everything else goes through the stores in this folder.
 */
import type { DBSchema } from 'idb';
import type { CorpusDocument, Entry, EntryRelation, Mention, Passage, TimelineEvent } from '../../shared/corpus';
import type { Highlight } from '../../shared/highlight';
import type { SearchBucket } from './highlight-search-rows';
import type { PageSummary } from '../../shared/protocol';
import type { Settings } from '../../shared/settings';
import type { LibraryArticle } from '../../shared/library';
import type { CardSeed } from './card-seed-record';

/** Database name. */
export const DB_NAME = 'backstory';

/** The typed schema of the current version (see `migrations.ts` for history). */
export interface BackstoryDB extends DBSchema {
  /** Small key/value facts: the loaded corpus hash and date, the card seeds' weights (`cardSeeds`). */
  meta: { key: string; value: { key: string; value: unknown } };
  entries: { key: string; value: Entry; indexes: { 'by-type': string; 'by-origin': string } };
  documents: { key: string; value: CorpusDocument; indexes: { 'by-origin': string } };
  passages: { key: string; value: Passage; indexes: { 'by-document': string } };
  mentions: { key: [string, string, number]; value: Mention; indexes: { 'by-entry': string; 'by-passage': string } };
  relations: { key: string; value: EntryRelation; indexes: { 'by-from': string; 'by-to': string } };
  timeline: { key: string; value: TimelineEvent; indexes: { 'by-entry': string; 'by-start': string } };
  /** Derived from the corpus: each entry's card without its page-dependent parts (v4). */
  cardSeeds: { key: string; value: CardSeed };
  highlights: {
    key: string;
    value: Highlight;
    // v3 dropped `by-site` and `by-created` (never read).
    indexes: { 'by-url': string; 'by-updated': number; 'by-entity': string };
  };
  /**
   * The manager's search rows of the highlights, packed into buckets keyed by
   * number (v3; see `highlight-search-rows.ts`). Written with every highlight write.
   */
  'highlight-search': { key: number; value: SearchBucket };
  settings: { key: string; value: { key: 'settings'; value: Partial<Settings> } };
  /** "Not this one" corrections per site. */
  corrections: { key: string; value: { site: string; excluded: string[] } };
  /** The latest report of each page the content script annotated. */
  pages: { key: string; value: PageSummary; indexes: { 'by-tab': number } };
  /** The reader's library: where each added article came from (v5). */
  library: { key: string; value: LibraryArticle; indexes: { 'by-url': string; 'by-text': string } };
}
