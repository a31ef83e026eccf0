/**
 * Export files written in pieces. A whole export of 100,000 highlights is
 * larger than one extension message may be (64 MiB in Chromium), so the
 * background answers `highlights.export` with one piece of the file at a
 * time and the Data view joins the pieces into its download. Each format
 * says how its file starts (given the total), how each page's highlights are
 * written and how the file ends; the pieces joined are one valid file.
 */
import type { Highlight } from '../../shared/highlight';
import { jsonFrame } from './export-json';
import { jsonLdFrame, toAnnotation } from './export-jsonld';
import { markdownFrame, markdownPage } from './export-markdown';

/** The formats an export writes. */
export type PieceFormat = 'json' | 'jsonld' | 'markdown';

/** How one format's file is written in pieces. */
export interface PieceWriter {
  /** The file's start; `total` highlights will follow. */
  head(total: number, date: Date): string;
  /** The highlights of one or more whole pages (all of a page's highlights together); `first` when nothing was written before them. */
  items(highlights: readonly Highlight[], first: boolean, nameOf: (entityId: string) => string | undefined): string;
  /** The file's end. */
  tail(date: Date): string;
}

function listWriter(frame: (total: number, date: Date) => { head: string; tail: string }, item: (h: Highlight) => string): PieceWriter {
  return {
    head: (total, date) => frame(total, date).head,
    items: (highlights, first) => (highlights.length ? (first ? '' : ',\n') + highlights.map(item).join(',\n') : ''),
    tail: (date) => frame(0, date).tail,
  };
}

/** The piece writer of each format. */
export const PIECE_WRITERS: Record<PieceFormat, PieceWriter> = {
  json: listWriter((_total, date) => jsonFrame(date), (h) => JSON.stringify(h)),
  jsonld: listWriter(jsonLdFrame, (h) => JSON.stringify(toAnnotation(h))),
  markdown: {
    head: (total, date) => markdownFrame(total, date),
    items: (highlights, _first, nameOf) => markdownPage(highlights, nameOf),
    tail: () => '',
  },
};
