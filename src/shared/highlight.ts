/**
 * A saved highlight: the reader's passage on a page, anchored with W3C Web
 * Annotation selectors so it can be found again after the page changes.
 */

/** W3C TextQuoteSelector: the quote with some context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C TextPositionSelector: offsets into the page's text (a hint only). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** The named colours a reader can choose. Names, not hex, so themes can map them. */
export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** One of {@link HIGHLIGHT_COLOURS}. */
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];


/**
 * What an imported annotation carried that Backstory does not use, kept as
 * given so an export gives it back. Absent on highlights made in Backstory.
 */
export interface KeptAnnotation {
  /** Annotation-level keys Backstory does not read (motivation, creator, generator, rights, …), as given. */
  fields: Record<string, unknown>;
  /** Every target as given: the page address with its fragment, every selector, other targets. */
  targets: unknown[];
  /** Bodies Backstory does not show (addresses, Choices, SpecificResources, …), as given. */
  bodies: unknown[];
  /** Tags, from tagging bodies or Hypothesis tags. */
  tags: string[];
  /** The note's TextualBody without its value (format, language, purpose, …), or `bodyValue` when the note was one. */
  noteBody?: Record<string, unknown> | 'bodyValue';
}

/** A stored highlight. */
export interface Highlight {
  id: string;
  /** Normalised page URL (see `normalizePageUrl`). */
  url: string;
  /** Host name of `url`, for grouping and per-site search. */
  site: string;
  title: string;
  quote: string;
  selectors: [TextQuoteSelector, TextPositionSelector];
  colour: HighlightColour;
  note: string;
  /** Catalog entries the passage mentions. */
  entityIds: string[];
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** What an imported annotation carried beyond this (optional: old records and Backstory's own have none). */
  kept?: KeptAnnotation;
}

/** What a content script sends to save a highlight; the page comes from the sender. */
export type NewHighlight = Pick<Highlight, 'title' | 'quote' | 'selectors' | 'colour' | 'note' | 'entityIds'>;

/** The editable fields of a highlight. */
export type HighlightPatch = Partial<Pick<Highlight, 'colour' | 'note'>>;
