/**
 * The timeline's geometry, pure so it is unit tested: ISO dates of any
 * precision to fractional years, zoom levels from decades to days, axis ticks
 * and label lanes that never overlap.
 */

/** Zoom levels, coarsest first. */
export const ZOOMS = ['decade', 'year', 'month', 'day'] as const;
/** A zoom level. */
export type Zoom = (typeof ZOOMS)[number];

/** Pixels per year at each zoom; at decades a century fits a laptop-wide page. */
export const PX_PER_YEAR: Record<Zoom, number> = { decade: 10, year: 140, month: 1200, day: 9000 };

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a fractional year (start of the period). */
export function yearOf(iso: string): number {
  const [y = '0', m = '1', d = '1'] = iso.split('-');
  return Number(y) + (Number(m) - 1) / 12 + (Number(d) - 1) / 365.25;
}

/** The span shown: whole decades around the events. */
export function spanOf(starts: readonly string[]): { from: number; to: number } {
  if (!starts.length) return { from: 2000, to: 2030 };
  const years = starts.map(yearOf);
  return { from: Math.floor(Math.min(...years) / 10) * 10, to: Math.ceil((Math.max(...years) + 0.01) / 10) * 10 };
}

/** One axis tick. */
export interface Tick {
  year: number;
  label: string;
  major: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Ticks for the span at a zoom: decades, years, months or weeks. */
export function ticksOf(span: { from: number; to: number }, zoom: Zoom): Tick[] {
  const ticks: Tick[] = [];
  for (let y = span.from; y <= span.to; y++) {
    if (zoom === 'decade') {
      if (y % 10 === 0) ticks.push({ year: y, label: String(y), major: true });
      else if (y % 5 === 0) ticks.push({ year: y, label: '', major: false });
      continue;
    }
    ticks.push({ year: y, label: String(y), major: true });
    if (y === span.to || zoom === 'year') continue;
    for (let m = 1; m < 12; m++) ticks.push({ year: y + m / 12, label: zoom === 'month' || zoom === 'day' ? MONTHS[m]! : '', major: false });
  }
  return ticks;
}

/**
 * Greedy lane assignment: each label goes to the first lane whose last label
 * ends before it starts. `xs` must be sorted ascending.
 */
export function assignLanes(xs: readonly number[], widths: readonly number[], gap = 8): number[] {
  const ends: number[] = [];
  return xs.map((x, i) => {
    let lane = ends.findIndex((end) => end + gap <= x);
    if (lane < 0) lane = ends.length;
    ends[lane] = x + (widths[i] ?? 0);
    return lane;
  });
}
