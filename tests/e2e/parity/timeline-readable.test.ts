/**
 * Issue 16, item 7: a timeline a person can read. The axis fits the bulk of
 * the events (a few early ones sit in an "Earlier" band), no label overlaps
 * another or runs out of the chart, and zoomed in to months the ticks in view
 * still say which year they are in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchDriver, type DriverPage, type ExtensionDriver } from '../driver';

const LABELS = '[data-testid=timeline] .tl-label';

describe.each(BROWSERS)('a readable timeline, in %s', (browserName) => {
  let driver: ExtensionDriver;
  let options: DriverPage;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
    options = await driver.openExtensionPage('options.html', '#timeline');
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('fits the axis to the events, keeps every label whole, and names the year when zoomed in', async () => {
    await options.waitForSelector(LABELS);
    const items = await driver.call('corpus.timeline', {});
    if (!items.ok) throw new Error(items.error.message);
    const years = items.value.map((i) => Number(i.start.slice(0, 4))).sort((a, b) => a - b);
    const bulk = years[Math.floor(years.length * 0.1)]!;
    // The first year on the axis is the decade of the bulk of the events, not of the oldest one.
    const firstTick = Number((await options.textContents('[data-testid=timeline] .tick-label--major')).find((t) => /^\d{4}$/.test(t)));
    expect(firstTick).toBe(Math.floor(bulk / 10) * 10);
    if (years[0]! < firstTick) {
      expect(await options.count('[data-testid=timeline-earlier]')).toBe(1);
      expect((await options.textContents(LABELS)).some((t) => new RegExp(`\\(${years[0]}\\)$`).test(t))).toBe(true);
    }

    // Labels: none overlaps another, none runs past the chart.
    const overlapsAndClips = await options.evaluateAll(LABELS, (labels) => {
      const svg = labels[0]!.closest('svg')!.getBoundingClientRect();
      const boxes = labels.map((l) => l.getBoundingClientRect());
      let overlaps = 0;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++;
        }
      return { overlaps, clipped: boxes.filter((b) => b.right > svg.right + 0.5 || b.left < svg.left).length };
    });
    expect(overlapsAndClips).toEqual({ overlaps: 0, clipped: 0 });

    // Zoom to months: every tick label in view names its year.
    await options.focus('.timeline-scroller');
    await options.press('+');
    await options.press('+');
    await expect.poll(() => options.getAttribute('[data-testid=zoom-level]', 'data-zoom')).toBe('month');
    const inView = await options.evaluateAll('[data-testid=timeline] .tick-label', (ticks) => {
      const view = document.querySelector('.timeline-scroller')!.getBoundingClientRect();
      return ticks.filter((t) => {
        const r = t.getBoundingClientRect();
        return r.right > view.left && r.left < view.right;
      }).map((t) => t.textContent ?? '');
    });
    expect(inView.length).toBeGreaterThan(0);
    expect(inView.filter((t) => !/\d{4}/.test(t))).toEqual([]);
  });
});
