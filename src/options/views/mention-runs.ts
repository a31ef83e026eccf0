/**
 * Splits a passage into plain text and entity mentions, from the matcher's
 * UTF-16 offsets, so the reader renders mentions as elements (never HTML).
 */
import type { EntityMatch } from '../../shared/matcher';

/** A run of a passage: plain text, or a mention of an entry. */
export type Run = { text: string; match?: EntityMatch };

/** Runs covering `text` in order; overlapping or out-of-range matches are skipped. */
export function mentionRuns(text: string, matches: readonly EntityMatch[]): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    if (m.start < at || m.end > text.length || m.end <= m.start) continue;
    if (m.start > at) runs.push({ text: text.slice(at, m.start) });
    runs.push({ text: text.slice(m.start, m.end), match: m });
    at = m.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}
