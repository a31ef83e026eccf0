/**
 * Corpus dates for people: "2024-12-08" → "8 Dec 2024", "2024-12" → "Dec 2024",
 * "2024" → "2024". Fixed English month names, so a card reads the same
 * whatever the page's or the browser's locale.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formats a partial ISO date; anything unrecognised is returned as it is. */
export function formatDate(iso: string): string {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year!;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** "Dec 2024" for the month of a date, used for "as of" lines. */
export function formatMonth(iso: string): string {
  return formatDate(iso.slice(0, 7));
}

/** A span: "2016", "Nov 2024 – Dec 2024". */
export function formatSpan(start: string, end?: string): string {
  return end && end !== start ? `${formatDate(start)} – ${formatDate(end)}` : formatDate(start);
}
