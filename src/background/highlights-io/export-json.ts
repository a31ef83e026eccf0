import type { Highlight } from '../../shared/highlight';
import { FORMAT_NAME, FORMAT_VERSION } from './limits';

/** Our export file: versioned and complete, so an import restores every field. */
export interface HighlightsFile {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  exportedAt: string;
  highlights: Highlight[];
}

/** The text of our JSON file around its highlights, which go one per line with commas between (so it can be written in pieces). */
export function jsonFrame(date: Date): { head: string; tail: string } {
  const file: HighlightsFile = { format: FORMAT_NAME, version: FORMAT_VERSION, exportedAt: date.toISOString(), highlights: [] };
  const text = JSON.stringify(file);
  return { head: `${text.slice(0, -2)}\n`, tail: '\n]}\n' };
}

/** Every highlight as our versioned JSON, in one string. */
export function exportJson(highlights: readonly Highlight[], now = new Date()): string {
  const { head, tail } = jsonFrame(now);
  return head + highlights.map((h) => JSON.stringify(h)).join(',\n') + tail;
}
