/**
 * The timeline's geometry, pure so it is unit tested: ISO dates of any
 * precision to fractional years, zoom levels from decades to days, axis ticks
 * and label lanes that never overlap.
 */
import { formatCalendarDate } from '../../shared/format-date';

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

/** Share of the events at most that may sit in the "Earlier" band before the axis. */
const EARLIER_SHARE = 0.1;
/** Years the band must save off the axis to be worth it. */
const EARLIER_MIN_GAIN = 20;

/**
 * The span the axis shows: whole decades around the events. When a few
 * early events (at most a tenth) would stretch the axis by decades where
 * nothing else happens, the axis starts at the decade of the rest and those
 * go to an "Earlier" band before it (`earlier`: how many).
 */
export function spanOf(starts: readonly string[]): { from: number; to: number; earlier: number } {
  if (!starts.length) return { from: 2000, to: 2030, earlier: 0 };
  const years = starts.map(yearOf).sort((a, b) => a - b);
  const to = Math.ceil((years[years.length - 1]! + 0.01) / 10) * 10;
  const from = Math.floor(years[0]! / 10) * 10;
  const fitted = Math.floor(years[Math.floor(years.length * EARLIER_SHARE)]! / 10) * 10;
  if (fitted - from < EARLIER_MIN_GAIN) return { from, to, earlier: 0 };
  return { from: fitted, to, earlier: years.filter((y) => y < fitted).length };
}

/** One axis tick. */
export interface Tick {
  year: number;
  label: string;
  major: boolean;
}

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
    // Zoomed in, a month tick may be the only one in view: it names its year too.
    for (let m = 1; m < 12; m++) ticks.push({ year: y + m / 12, label: zoom === 'month' || zoom === 'day' ? formatCalendarDate(y, m + 1) : '', major: false });
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
