/**
 * Partial ISO dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as the corpus writes
 * them. A coarse date stands for a whole period, so comparisons need to know
 * whether it is the start or the end of a span that is meant.
 */

/** The first day a partial date can mean ("2024-12" → "2024-12-01"). */
export function periodStart(date: string): string {
  const [y = '0000', m = '01', d = '01'] = date.split('-');
  return `${y}-${m}-${d}`;
}

/** The last day a partial date can mean ("2024-12" → "2024-12-31"; day 31 is fine for ordering). */
export function periodEnd(date: string): string {
  const [y = '9999', m = '12', d = '31'] = date.split('-');
  return `${y}-${m}-${d}`;
}

/** Orders two partial dates by their first day, coarser first on a tie ("2024" before "2024-01"). */
export function compareDates(a: string, b: string): number {
  const byStart = periodStart(a).localeCompare(periodStart(b));
  return byStart !== 0 ? byStart : a.length - b.length;
}
