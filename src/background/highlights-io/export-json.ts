import type { Highlight } from '../../shared/highlight';
import { FORMAT_NAME, FORMAT_VERSION } from './limits';

/** Our export file: versioned and complete, so an import restores every field. */
export interface HighlightsFile {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  exportedAt: string;
  highlights: Highlight[];
}

/** Every highlight as our versioned JSON. */
export function exportJson(highlights: readonly Highlight[], now = new Date()): string {
  const file: HighlightsFile = { format: FORMAT_NAME, version: FORMAT_VERSION, exportedAt: now.toISOString(), highlights: [...highlights] };
  return JSON.stringify(file, null, 1);
}
