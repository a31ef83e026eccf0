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
}

/** What a content script sends to save a highlight; the page comes from the sender. */
export type NewHighlight = Pick<Highlight, 'title' | 'quote' | 'selectors' | 'colour' | 'note' | 'entityIds'>;

/** The editable fields of a highlight. */
export type HighlightPatch = Partial<Pick<Highlight, 'colour' | 'note'>>;
