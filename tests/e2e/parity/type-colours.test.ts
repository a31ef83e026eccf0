/**
 * Issue 16 (item 2), in both browsers: one colour per type group. The
 * computed colour of a mark of each group on a page equals the popup's swatch,
 * the Settings legend's swatch and the timeline's dot for that group, and is
 * the group's light-theme colour of `type-colours.ts` (the demo page is light).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchDriver, type DriverPage, type ExtensionDriver } from '../driver';
import { TYPE_COLOURS } from '../../../src/components/type-colours';
import { TYPE_GROUPS, type TypeGroup } from '../../../src/shared/catalog';

const DOC = '2025-10-sharaa-overture-to-putin';

/** `#rrggbb` as the `rgb(r, g, b)` a computed style reports. */
function cssRgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** For each group, the computed `property` of the first element `selectorOf(group)` matches (absent groups left out). */
function coloursOf(page: DriverPage, selectorOf: (group: TypeGroup) => string, property: string): Promise<Partial<Record<TypeGroup, string>>> {
  const selectors = Object.fromEntries(TYPE_GROUPS.map((g) => [g, selectorOf(g)]));
  return page.evaluate(
    ({ selectors, property }) => {
      const found: Record<string, string> = {};
      for (const [group, selector] of Object.entries(selectors)) {
        const el = document.querySelector(selector);
        if (el) found[group] = getComputedStyle(el).getPropertyValue(property);
      }
      return found;
    },
    { selectors, property },
  );
}

describe.each(BROWSERS)('one colour per type, in %s', (browserName) => {
  let driver: ExtensionDriver;
  let article: DriverPage;

  beforeAll(async () => {
    driver = await launchDriver(browserName);
    article = await driver.open(driver.server.url(`/demo/${DOC}.html`));
    await article.waitForFunction(() => document.querySelectorAll('bs-mark').length > 10, undefined, { timeout: 20_000 });
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('marks, popup, legend and timeline show the same colour for each group', async () => {
    const marks = await coloursOf(article, (g) => `bs-mark.bs-mark--${g}`, 'border-bottom-color');
    // The demo article names people, groups, states, places and events.
    expect(Object.keys(marks).sort()).toEqual([...TYPE_GROUPS].sort());
    expect(marks).toEqual(Object.fromEntries(TYPE_GROUPS.map((g) => [g, cssRgb(TYPE_COLOURS[g].light)])));

    const popup = await driver.openPopupFor(article);
    await popup.waitForSelector('[data-testid=page-entries] .entry-group');
    const popupColours = await coloursOf(popup, (g) => `.entry-group[data-group=${g}] .swatch`, 'background-color');
    expect(popupColours).toEqual(marks);
    await popup.close();

    const options = await driver.openExtensionPage('options.html', '#settings');
    await options.waitForSelector('.legend-row .swatch');
    expect(await coloursOf(options, (g) => `.legend-row .swatch--${g}`, 'background-color')).toEqual(marks);

    await options.evaluate(() => (location.hash = '#timeline'));
    await options.waitForSelector('[data-testid=timeline] a.tl-event .tl-dot');
    const timeline = await coloursOf(options, (g) => `[data-testid=timeline] a.tl-event--${g} .tl-dot`, 'fill');
    expect(Object.keys(timeline).length).toBeGreaterThan(0);
    for (const [group, colour] of Object.entries(timeline)) expect(colour, group).toBe(marks[group as TypeGroup]);
    await options.close();
  }, 120_000);

  it('threw no uncaught errors', () => {
    expect(driver.pageErrors).toEqual([]);
  });
});
