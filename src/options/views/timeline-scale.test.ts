import { afterEach, describe, expect, it } from 'vitest';
import { useLocale } from '../../../tests/unit/use-locale';
import { setI18nApi } from '../../shared/i18n';
import { assignLanes, spanOf, ticksOf, yearOf } from './timeline-scale';

describe('timeline scale', () => {
  afterEach(() => setI18nApi(undefined));

  it('reads dates of any precision as fractional years, in order', () => {
    expect(yearOf('2011')).toBe(2011);
    expect(yearOf('2011-03')).toBeCloseTo(2011 + 2 / 12);
    expect(yearOf('2024-12-08')).toBeGreaterThan(yearOf('2024-12'));
    expect(yearOf('2024-12-08')).toBeLessThan(yearOf('2025'));
  });

  it('spans whole decades around the events', () => {
    expect(spanOf(['1939', '2025-10-15'])).toEqual({ from: 1930, to: 2030, earlier: 0 });
  });

  it('puts a few early events in an "Earlier" band and fits the axis to the rest', () => {
    const starts = ['1946-04-17', ...Array.from({ length: 20 }, (_, i) => `${2011 + (i % 15)}-03`)];
    expect(spanOf(starts)).toEqual({ from: 2010, to: 2030, earlier: 1 });
  });

  it('ticks decades when zoomed out and months when zoomed in', () => {
    const decades = ticksOf({ from: 1930, to: 2030 }, 'decade').filter((t) => t.major);
    expect(decades.map((t) => t.label)).toEqual(['1930', '1940', '1950', '1960', '1970', '1980', '1990', '2000', '2010', '2020', '2030']);
    expect(ticksOf({ from: 2020, to: 2021 }, 'month').map((t) => t.label)).toEqual(['2020', 'Feb 2020', 'Mar 2020', 'Apr 2020', 'May 2020', 'Jun 2020', 'Jul 2020', 'Aug 2020', 'Sep 2020', 'Oct 2020', 'Nov 2020', 'Dec 2020', '2021']);
  });

  it('names the month ticks in the interface language', () => {
    useLocale('tr');
    const labels = ticksOf({ from: 2020, to: 2021 }, 'month').map((t) => t.label);
    expect(labels[1]).toBe('Şub 2020');
    // Turkish shares "Mar" and "May" with English; these it does not.
    expect(labels.join(' ')).not.toMatch(/\b(Feb|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);
  });

  it('puts overlapping labels in separate lanes and reuses free lanes', () => {
    expect(assignLanes([0, 10, 200, 210], [100, 100, 100, 100])).toEqual([0, 1, 0, 1]);
  });
});
