/**
 * The catalog: every actor and event the corpus names. Authored by curators as
 * YAML in `assets/catalog/*.yaml`, parsed and validated by `scripts/build-corpus.ts`.
 *
 * The same shapes are used for entries a reader adds later (stored in IndexedDB),
 * so nothing here may depend on the bundled build.
 */

/** Every kind of catalog entry. Actors first, then events. */
export const ENTRY_TYPES = [
  'person',
  'organisation',
  'armed-group',
  'state',
  'place',
  'agreement',
  'resolution',
  'law',
  'meeting',
  'offensive',
  'war',
  'election',
  'event',
] as const;

/** The kind of a catalog entry. */
export type EntryType = (typeof ENTRY_TYPES)[number];

/**
 * Highlight colour groups. Thirteen colours would be unreadable on a page, so
 * entry types are folded into five groups a reader can tell apart.
 */
export const TYPE_GROUPS = ['person', 'group', 'state', 'place', 'event'] as const;

/** A colour group of entry types (see {@link TYPE_GROUPS}). */
export type TypeGroup = (typeof TYPE_GROUPS)[number];

/** Maps an entry type to its colour group. */
export function typeGroupOf(type: EntryType): TypeGroup {
  switch (type) {
    case 'person':
      return 'person';
    case 'organisation':
    case 'armed-group':
      return 'group';
    case 'state':
      return 'state';
    case 'place':
      return 'place';
    default:
      return 'event';
  }
}

/**
 * One surface form of an entry. In YAML an alias is either a plain string or an
 * object with the flags below.
 */
export interface AliasSpec {
  /** The surface form, as a reader meets it ("Bashar al-Assad", "HTS"). */
  text: string;
  /**
   * Match the case exactly. For acronyms that are also English words
   * ("IS", "US", "SAA" is fine folded, "IS" is not).
   */
  caseSensitive?: boolean;
  /**
   * A risky alias (a bare surname, a common noun, a short acronym): marked only
   * when the page also has a strong (non-weak) mention of the same entry.
   */
  weak?: boolean;
  /**
   * The alias is deliberately claimed by more than one entry (a surname shared
   * by relatives, "Damascus" as city and as government). Every entry that
   * claims it must say `shared: true`; otherwise the build fails.
   */
  shared?: boolean;
  /** Among entries sharing this alias, the one chosen when the page gives no hint. */
  default?: boolean;
  /**
   * A descriptive phrase the corpus uses for an event it does not name ("the
   * Russian delegation's visit to Syria"). It finds the event's mentions in the
   * corpus, but is never matched on web pages, where such a phrase would mark
   * unrelated text.
   */
  corpusOnly?: boolean;
  /**
   * The years this claim belongs to, `"1970-2000"` or `"2015"`: a year written
   * in the alias's `{year}` placeholder ("Russia's {year} intervention"), right
   * before the mention ("the 2016 fall of Aleppo"), or nearby in the text, or
   * the page's date, picks the claims whose years contain it (the Assads: a
   * page about 1982 means Hafez).
   */
  years?: string;
  /**
   * The language of a name from `assets/catalog/names/<lang>.yaml` (BCP 47:
   * "ar", "ru", "tr", "fa", "fr", "de", "es"); absent for the catalog's own aliases.
   */
  lang?: string;
  /**
   * The name does not come from the corpus (CLDR or written by hand, see
   * `assets/catalog/names/`): no article of the corpus uses it.
   */
  outsideCorpus?: boolean;
}

/**
 * Marks a claim kept from outside the corpus (a city being a capital, a date
 * no article states): the build does not look for its support, the audit lists
 * it as `outside`, and the card labels it "not from the corpus".
 */
export interface OutsideMark {
  outsideCorpus?: boolean;
}

/** A fact with the exact corpus words that support it. */
export interface Evidence {
  /**
   * A verbatim quote (a few words to one sentence) from one of the corpus
   * documents. The build resolves it to the passage(s) that contain it and
   * fails when no passage does.
   */
  quote: string;
}

/** A role an actor held over a span of time (ISO dates, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
export interface Role extends Evidence, OutsideMark {
  /** "President of Syria", "Leader of Hayat Tahrir al-Sham". */
  title: string;
  from?: string;
  until?: string;
  /**
   * The role is over: `death` when it ended with the holder's death (the quote
   * must say so), `former` when the corpus says it is over but not when. With
   * no `until`, the corpus does not date the end.
   */
  ended?: 'death' | 'former';
  /**
   * A date the quote itself says the role was held ("then-president" in 2015),
   * when it is not the article's date. The quote must state its year.
   */
  at?: string;
}

/** A dated happening of an event entry (a meeting, an offensive, a signing). */
export interface EntryDate extends Evidence {
  /** ISO date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  start: string;
  end?: string;
  /** True when the corpus implies the date rather than stating it. */
  inferred?: boolean;
  /**
   * What happened, for a dated fact of an actor ("Russia exported arms to
   * Syria"); an event's own dates need none (the event's name says it).
   */
  label?: string;
}

/** A typed link from one entry to another. */
export interface Relation extends Evidence, OutsideMark {
  /** Id of the related entry. */
  id: string;
  /** How they relate, read as "<this> <relation> <other>": "leads", "allied with", "signed". */
  relation: string;
}

/** A sentence of the summary with its evidence. */
export interface Fact extends OutsideMark {
  text: string;
  evidence: string[];
}

/** One catalog entry as authored. */
export interface CatalogEntry {
  /** Stable kebab-case id ("bashar-al-assad"); never reused for another entry. */
  id: string;
  /** Display name. */
  name: string;
  type: EntryType;
  /** Every surface form; the display name is added automatically. */
  aliases: AliasSpec[];
  /** One to three sentences, each a fact traceable to the corpus. */
  summary: Fact[];
  roles?: Role[];
  /** For events: when it happened. */
  dates?: EntryDate[];
  /** For events: who took part (entry ids). */
  participants?: string[];
  related?: Relation[];
}
