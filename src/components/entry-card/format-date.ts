/**
 * Corpus dates on cards: "2024-12-08" → "8 Dec 2024", "2024-12" → "Dec 2024",
 * "2024" → "2024", in the interface language (see `shared/format-date.ts`).
 */
import { formatIsoDate } from '../../shared/format-date';

/** Formats a partial ISO date; anything unrecognised is returned as it is. */
export const formatDate = formatIsoDate;

/** "Dec 2024" for the month of a date, used for "as of" lines. */
export function formatMonth(iso: string): string {
  return formatIsoDate(iso.slice(0, 7));
}

/** A span: "2016", "Nov 2024 – Dec 2024". */
export function formatSpan(start: string, end?: string): string {
  return end && end !== start ? `${formatIsoDate(start)} – ${formatIsoDate(end)}` : formatIsoDate(start);
}
